//! The line under every step that says what stands between the person and
//! "next". Which message it is follows rules (never «Alles in Ordnung»
//! under a warning), so it is decided here; the screen only picks a style
//! for the tone. A step adds lines of its own (`StepFlow::line`).

use crate::core::model::gate::Gate;
pub use crate::core::model::gate::{GateLine, Tone};
use crate::core::steps;
use crate::core::{CheckState, Wizard};

use super::gate::{gate, overridden, text_input_active};

const fn line(id: &'static str, tone: Tone) -> Option<GateLine> {
    Some(GateLine { id, tone })
}

/// Whether a check shown on this step ended in a warning.
pub fn warned(w: &Wizard) -> bool {
    let flow = steps::of(w.step);
    flow.checks()
        .iter()
        .chain(flow.shown_too())
        .any(|id| matches!(w.check(*id), CheckState::Warning(_)))
}

/// The gate line of the step shown now; none on the language and the
/// last step.
pub fn gate_line(w: &Wizard) -> Option<GateLine> {
    let flow = steps::of(w.step);
    if !flow.has_line() {
        return None;
    }
    let g = gate(w);
    // While she types, the verdicts it would sum up are held back.
    if w.session.typing && g != Gate::Open {
        return None;
    }
    if g == Gate::Open && overridden(w, w.step) {
        return line("gate-overridden", Tone::Warn);
    }
    if let Some(own) = flow.line(w, g) {
        return Some(own);
    }
    match g {
        Gate::Open if warned(w) => line("gate-open-warning", Tone::Warn),
        Gate::Open => line("gate-open", Tone::Ok),
        Gate::Waiting => line("gate-waiting", Tone::Quiet),
        // In a text field W types: there the Ctrl form is named.
        Gate::Overridable if text_input_active(w) => line("gate-overridable-input", Tone::Warn),
        Gate::Overridable => line("gate-overridable", Tone::Warn),
        Gate::Blocked => blocked(w),
    }
}

fn blocked(w: &Wizard) -> Option<GateLine> {
    let s = w.step;
    if s.needs_confirmation() && !w.confirmed.contains(&s) {
        // In the «Server:» field Space does not tick and Enter sends: the
        // line names the way to «Erledigt» and what Enter does there.
        return if text_input_active(w) {
            line("gate-manual-input", Tone::Plain)
        } else {
            line("gate-manual", Tone::Plain)
        };
    }
    line("gate-blocked", Tone::Err)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::core::CheckId;
    use crate::core::library::firewall::Backend;
    use crate::core::library::start::{Generation, Installation};
    use crate::core::model::check::{Finding, Outcome, Text};
    use crate::core::{Lang, Step, Wizard};

    fn passed() -> CheckState {
        Outcome::Passed(Finding::new(Text::new("x"))).into()
    }

    fn warning() -> CheckState {
        Outcome::Warning(Finding::new(Text::new("x"))).into()
    }

    /// A wizard on `step` with every check it shows passed.
    fn all_passed(step: Step) -> Wizard {
        let mut w = Wizard::new(Lang::De, datetime!(2026-11-24 10:00 UTC));
        w.step = step;
        w.start.found = Some(Installation::new(
            "/opt/elexis-oob".into(),
            Generation::Current,
        ));
        for id in crate::core::checks_of(step) {
            w.checks.insert(*id, passed());
        }
        w
    }

    #[test]
    fn all_passed_reads_as_fine() {
        let w = all_passed(Step::Firewall);
        assert_eq!(gate(&w), Gate::Open);
        assert_eq!(
            gate_line(&w),
            Some(GateLine {
                id: "gate-open",
                tone: Tone::Ok
            })
        );
    }

    #[test]
    fn never_gate_open_under_a_warning() {
        for step in [Step::Start, Step::Firewall, Step::PortForwarding] {
            for warned_id in crate::core::checks_of(step) {
                let mut w = all_passed(step);
                w.confirmed.insert(step);
                w.checks.insert(*warned_id, warning());
                assert_eq!(gate(&w), Gate::Open, "{step:?}: a warning does not block");
                let l = gate_line(&w).expect("a line");
                assert_eq!(l.id, "gate-open-warning", "{step:?} {warned_id:?}");
                assert_eq!(l.tone, Tone::Warn);
            }
        }
    }

    #[test]
    fn docker_s_warning_on_the_start_step_counts_too() {
        let mut w = all_passed(Step::Start);
        assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-open"));
        w.checks.insert(CheckId::ComposeReady, warning());
        assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-open-warning"));
    }

    /// While she types, the line that would report a failure or a
    /// running check waits with the verdicts; good news does not.
    #[test]
    fn while_she_types_only_an_open_gate_is_said() {
        let mut w = all_passed(Step::Start);
        w.session.typing = true;
        assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-open"));
        let failed = Outcome::Failed(Finding::new(Text::new("x")).overridable()).into();
        w.checks.insert(CheckId::Installation, failed);
        assert_eq!(gate(&w), Gate::Overridable);
        assert_eq!(gate_line(&w), None);
        w.session.typing = false;
        assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-overridable-input"));
    }

    #[test]
    fn the_first_and_last_steps_have_no_line() {
        for step in [Step::Language, Step::Done] {
            assert_eq!(gate_line(&all_passed(step)), None);
        }
    }

    #[test]
    fn a_blocked_firewall_step_says_how_to_open_it() {
        let mut w = all_passed(Step::Firewall);
        w.checks.clear();
        let d = crate::core::library::firewall::Detection::default();
        w.network.firewall = Some(crate::core::library::firewall::plan(
            Backend::Nftables,
            &d,
            28402,
            900,
        ));
        assert_eq!(
            gate_line(&w),
            Some(GateLine {
                id: "firewall-open-hint",
                tone: Tone::Warn
            })
        );
    }
}
