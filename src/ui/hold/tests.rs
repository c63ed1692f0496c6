use super::*;
use crate::core::{Finding, Lang, Text};

const ID: CheckId = CheckId::Installation;

fn wizard(state: CheckState) -> Wizard {
    let mut w = Wizard::new(Lang::En, time::OffsetDateTime::UNIX_EPOCH);
    w.checks.insert(ID, state);
    w
}

fn failed(what: &str) -> CheckState {
    CheckState::Failed(Finding::new(Text::new(what)))
}

fn running() -> CheckState {
    CheckState::Running { generation: 7 }
}

fn shown(hold: &mut Hold, state: CheckState, now: Instant) -> CheckState {
    hold.apply(&wizard(state), now).check(ID).clone()
}

#[test]
fn a_failure_stays_while_the_rerun_after_a_key_is_short() {
    let t0 = Instant::now();
    let mut hold = Hold::default();
    assert_eq!(shown(&mut hold, failed("not-here"), t0), failed("not-here"));
    hold.edited(t0);
    let soon = t0 + Duration::from_millis(300);
    assert_eq!(shown(&mut hold, running(), soon), failed("not-here"));
    // Still running a second after the key: the spinner.
    assert_eq!(shown(&mut hold, running(), t0 + HOLD), running());
    // The new answer replaces what was held.
    assert_eq!(shown(&mut hold, failed("gone"), t0 + HOLD), failed("gone"));
}

#[test]
fn a_recheck_without_typing_shows_its_spinner_at_once() {
    let t0 = Instant::now();
    let mut hold = Hold::default();
    hold.edited(t0);
    shown(&mut hold, failed("not-here"), t0 + Duration::from_secs(5));
    let later = t0 + Duration::from_secs(6);
    assert_eq!(shown(&mut hold, running(), later), running());
    // Nor is it held once she types while it runs.
    hold.edited(later);
    assert_eq!(shown(&mut hold, running(), later), running());
}

#[test]
fn a_pass_is_never_held() {
    let t0 = Instant::now();
    let mut hold = Hold::default();
    let passed = CheckState::Passed(Finding::new(Text::new("found")));
    shown(&mut hold, passed, t0);
    hold.edited(t0);
    assert_eq!(shown(&mut hold, running(), t0), running());
}
