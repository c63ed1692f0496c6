//! Starting again after a crash: what the saved model says against what
//! the journal left behind.

use super::*;

#[test]
fn undoing_what_a_crashed_run_left_forgets_its_window() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Certificate;
    w.network.window_until = Some(NOW + time::Duration::minutes(10));
    let mut w = crate::core::resumed(w);
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

/// «✓ von aussen erreichbar» was true of a window that is closed now: on
/// the firewall step a resumed wizard checks again instead of showing it.
#[test]
fn a_resumed_firewall_step_does_not_show_an_old_probe_as_true() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Firewall;
    let ok = || CheckState::Passed(Finding::new(Text::new("reach-probe-ok")));
    w.checks.insert(CheckId::Reachability, ok());
    w.checks.insert(CheckId::FirewallRule, ok());
    w.checks.insert(CheckId::DryRun, ok());
    let w = crate::core::resumed(w);
    assert!(!w.checks.contains_key(&CheckId::Reachability));
    assert!(!w.checks.contains_key(&CheckId::FirewallRule));
    assert!(
        w.check(CheckId::DryRun).is_passed(),
        "other steps keep theirs"
    );

    // Further on, the firewall step's results are history and stay.
    let mut later = Wizard::new(Lang::De, NOW);
    later.step = Step::Certificate;
    later.checks.insert(CheckId::Reachability, ok());
    assert!(
        crate::core::resumed(later)
            .check(CheckId::Reachability)
            .is_passed()
    );
}

/// R after the window ran out opens a new one (the firewall is asked
/// again) rather than probing a port that is closed.
#[test]
fn checking_again_after_the_window_ran_out_starts_over() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Firewall;
    w.network.window_until = Some(NOW - time::Duration::minutes(1));
    let e = key(&mut w, Action::Recheck);
    assert_eq!(w.network.window_until, None);
    assert!(
        !e.iter().any(|e| matches!(e, Effect::Probe { .. })),
        "no probe of a closed port: {e:?}"
    );
}
