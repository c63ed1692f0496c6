//! What the four go-live steps (install, proxy, restart, final check)
//! share: the site they work on, and whether they are done by hand.
//! Without a detected installation (the wizard runs elsewhere) they fall
//! back to instructions and a confirmation with the space bar; the final
//! check never does, since it runs from any machine.

use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, failed, pass, stop};
use crate::core::model::gate::Gate;
use crate::core::model::golive::Site;
use crate::core::{Action, CheckId, CheckState, Effect, Step, Wizard};

/// Whether the current go-live step is confirmed by hand.
pub fn done_by_hand(w: &Wizard, step: Step) -> bool {
    by_hand(w) && step != Step::FinalCheck
}

/// The gate of a go-live step: by hand, the confirmation; on the server,
/// whether its work is `done` (checks still running: waiting).
pub fn gate(w: &Wizard, step: Step, checks: &[CheckId], done: impl Fn() -> bool) -> Gate {
    let open = if done_by_hand(w, step) {
        w.confirmed.contains(&step)
    } else {
        done()
    };
    if open {
        Gate::Open
    } else if checks.iter().any(|id| w.check(*id).is_running()) {
        Gate::Waiting
    } else {
        Gate::Blocked
    }
}

/// The footer's keys of a go-live step on the server, and by hand.
pub fn own_keys(w: &Wizard) -> Vec<&'static str> {
    if by_hand(w) {
        vec!["key-toggle"]
    } else {
        vec!["key-recheck", "key-detail"]
    }
}

/// What the answers imply on a go-live step: only what the gate and the
/// space-bar confirmation say, and only for steps the answers list.
/// `work`: the key that does the step's work once its checks ran;
/// `looks_first`: checks that never ran are run before that.
pub fn answer(
    w: &Wizard,
    a: &Answers,
    gate: Gate,
    checks: &[CheckId],
    work: Option<Action>,
    looks_first: bool,
) -> Decision {
    if !a.confirms(w.step) {
        return stop(w, StopReason::Unanswered);
    }
    match gate {
        Gate::Open => return Decision::Press(Action::Next),
        Gate::Waiting => return Decision::Wait,
        _ => {}
    }
    if done_by_hand(w, w.step) {
        return if w.confirmed.contains(&w.step) {
            pass(w, &Answers::default(), gate, checks)
        } else {
            Decision::Press(Action::Toggle)
        };
    }
    // On the server the wizard does these steps itself.
    let failed = failed(w, checks);
    if !failed.is_empty() {
        return stop(w, StopReason::Failed(failed));
    }
    if looks_first
        && checks
            .iter()
            .any(|id| matches!(w.check(*id), CheckState::Idle))
    {
        return Decision::Press(Action::Recheck);
    }
    match work {
        Some(action) => Decision::Press(action),
        None => stop(w, StopReason::Blocked),
    }
}

/// Nothing for io to do.
pub fn none() -> Vec<Effect> {
    Vec::new()
}

pub fn site(w: &Wizard) -> Option<Site> {
    let inst = w.start.found.as_ref()?;
    let host = w.domain.parsed.as_ref()?.ascii.clone();
    Some(Site {
        install_dir: inst.dir.clone(),
        generation: inst.generation,
        host,
    })
}

/// Without an installation on this machine the steps are done by hand.
pub fn by_hand(w: &Wizard) -> bool {
    w.start.found.is_none()
}

/// The fingerprint the name must serve: what was installed on this
/// server, or (by hand) the certificate that was issued and sent.
pub fn expected_fingerprint(w: &Wizard) -> Option<String> {
    if by_hand(w) {
        return w
            .certificate
            .installed
            .as_ref()
            .map(|c| c.fingerprint_sha256.clone());
    }
    w.golive.installed.as_ref().map(|i| i.fingerprint.clone())
}

/// A plan of the proxy files that waits to be written: the normal next
/// step, shown without the warning's «!». A plan over files someone
/// changed by hand (it carries the drift fix) stays a warning.
pub fn is_planned_change(state: &CheckState) -> bool {
    matches!(state, CheckState::Warning(f)
        if f.summary.id == "golive-step-proxy-planned" && f.fix.is_none())
}
