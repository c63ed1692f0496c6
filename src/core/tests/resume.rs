//! Starting again after a crash: what the saved model says against what
//! the journal left behind.

use super::*;

#[test]
fn undoing_what_a_crashed_run_left_forgets_its_window() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Certificate;
    w.network.window_until = Some(NOW + time::Duration::minutes(10));
    let mut w = w.resumed();
    let change = PendingChange {
        id: 1,
        what: Text::new("journal-change-firewall").arg("port", "28402"),
        window: true,
    };
    update(&mut w, Msg::PendingChanges(vec![change]), NOW);
    let e = key(&mut w, Action::Next);
    assert_eq!(
        e,
        vec![Effect::Persist, Effect::ResolvePending { finish: false }]
    );
    assert_eq!(w.network.window_until, None, "the issuance opens a new one");
}
