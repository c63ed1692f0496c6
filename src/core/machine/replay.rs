//! Which key press an answers file implies on the current screen: the
//! dialogs here, the step through its module.

use super::gate::gate;
use crate::core::answers::drive::{Decision, StopReason, stop};
use crate::core::answers::{Answers, Source};
use crate::core::model::gate::Gate;
use crate::core::steps;
use crate::core::{Action, Overlay, Wizard};

/// The key press the answers imply, or `None`: stop here (an unanswered
/// step, a failed check the answers do not pass, the end, or checks that
/// are still running).
pub fn next_action(w: &Wizard, a: &Answers) -> Option<Action> {
    match decide(w, a) {
        Decision::Press(action) => Some(action),
        Decision::Wait | Decision::Stop(_) => None,
    }
}

pub fn decide(w: &Wizard, a: &Answers) -> Decision {
    if let Some(d) = on_overlay(w, a) {
        return d;
    }
    steps::of(w.step).answer(w, a, gate(w))
}

fn on_overlay(w: &Wizard, a: &Answers) -> Option<Decision> {
    let yes_if = |covered: bool| {
        if covered {
            Decision::Press(Action::Yes)
        } else {
            stop(w, StopReason::Dialog)
        }
    };
    match &w.session.overlay {
        Overlay::None => None,
        // Continue where the last run was: the answers correct any field.
        Overlay::Resume { .. } => Some(Decision::Press(Action::Yes)),
        Overlay::ConfirmOverride => Some(yes_if(
            a.allows_override(w.step) && gate(w) == Gate::Overridable,
        )),
        // Only the firewall step asks it.
        Overlay::ConfirmOpen => Some(yes_if(a.firewall.as_ref().is_some_and(|f| f.open_window))),
        Overlay::ConfirmIssue => Some(yes_if(issue_covered(w, a))),
        Overlay::ConfirmAction => Some(yes_if(steps::of(w.step).answers_confirm(w, a))),
        Overlay::Help
        | Overlay::Glossary
        | Overlay::ConfirmQuit
        | Overlay::ConfirmStartOver
        | Overlay::Pending { .. } => Some(stop(w, StopReason::Dialog)),
    }
}

/// The terms before the first (dry) run, or the warning before a
/// self-signed certificate that the answers chose; never the question
/// before another production attempt.
fn issue_covered(w: &Wizard, a: &Answers) -> bool {
    let Some(c) = &a.certificate else {
        return false;
    };
    if w.certificate.source != c.source.cert_source() {
        return false;
    }
    match c.source {
        Source::SelfSigned => true,
        Source::LetsEncrypt => {
            let host = w.domain.parsed.as_ref().map(|d| d.ascii.as_str());
            c.accept_terms && w.certificate.dry_run_for.as_deref() != host
        }
        Source::Own => false,
    }
}
