//! The line under every step that says what stands between the person and
//! "next". Which message it is follows rules (never «Alles in Ordnung»
//! under a warning), so it is decided here; the screen only picks a style
//! for the tone.

use super::autorenew::RenewChoice;
use super::library::firewall::Backend;
use super::{CheckId, CheckState, Gate, Step, Wizard, gate, golive_step};

/// How the line reads: the screen maps each tone to one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Err,
    Plain,
    /// Still working: drawn dim.
    Quiet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateLine {
    pub id: &'static str,
    pub tone: Tone,
}

const fn line(id: &'static str, tone: Tone) -> Option<GateLine> {
    Some(GateLine { id, tone })
}

/// Whether a check shown on this step ended in a warning.
pub fn warned(w: &Wizard) -> bool {
    // The start step shows docker's answer beside its own checks.
    let extra: &[CheckId] = if w.step == Step::Start {
        &[CheckId::ComposeReady]
    } else {
        &[]
    };
    Wizard::checks_of(w.step)
        .iter()
        .chain(extra)
        .any(|id| matches!(w.check(*id), CheckState::Warning(_)))
}

/// The firewall step with an active firewall and no window open yet: the
/// line says how to open it.
pub fn waits_for_opening(w: &Wizard) -> bool {
    w.step == Step::Firewall
        && w.network.window_until.is_none()
        && w.network
            .firewall
            .as_ref()
            .is_some_and(|p| p.backend != Backend::None)
}

/// The gate line of the step shown now; none on the language and the
/// last step.
pub fn gate_line(w: &Wizard) -> Option<GateLine> {
    if matches!(w.step, Step::Done | Step::Language) {
        return None;
    }
    match gate(w) {
        Gate::Open if w.overridden(w.step) => line("gate-overridden", Tone::Warn),
        Gate::Open if w.step == Step::AutoRenew && w.autorenew.choice == RenewChoice::Skip => {
            line("autorenew-gate-skip", Tone::Warn)
        }
        Gate::Open if warned(w) => line("gate-open-warning", Tone::Warn),
        Gate::Open => line("gate-open", Tone::Ok),
        Gate::Waiting => line("gate-waiting", Tone::Quiet),
        // In a text field W types: there the Ctrl form is named.
        Gate::Overridable if w.text_input_active() => line("gate-overridable-input", Tone::Warn),
        Gate::Overridable => line("gate-overridable", Tone::Warn),
        Gate::Blocked => blocked(w),
    }
}

fn blocked(w: &Wizard) -> Option<GateLine> {
    match w.step {
        Step::Certificate => line("cert-gate-start", Tone::Plain),
        Step::Systems if w.systems.plan.is_some() => line("systems-gate-apply", Tone::Plain),
        Step::Systems => line("systems-gate-plan", Tone::Plain),
        Step::AutoRenew => line("autorenew-gate", Tone::Plain),
        Step::ProxyConfig if w.golive.plan.as_ref().is_some_and(|p| !p.diffs.is_empty()) => {
            line("golive-gate-apply", Tone::Plain)
        }
        Step::Restart if !golive_step::done_by_hand(w) => line("golive-gate-restart", Tone::Plain),
        _ if waits_for_opening(w) => line("firewall-open-hint", Tone::Warn),
        // In the «Server:» field Space does not tick and Enter sends: the
        // line names the way to «Erledigt» and what Enter does there.
        s if s.needs_confirmation() && !w.confirmed.contains(&s) && w.text_input_active() => {
            line("gate-manual-input", Tone::Plain)
        }
        s if s.needs_confirmation() && !w.confirmed.contains(&s) => {
            line("gate-manual", Tone::Plain)
        }
        _ => line("gate-blocked", Tone::Err),
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::core::check::{Finding, Outcome, Text};
    use crate::core::library::start::{Generation, Installation};
    use crate::core::{Lang, Wizard};

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
        for id in Wizard::checks_of(step) {
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
            for warned_id in Wizard::checks_of(step) {
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
