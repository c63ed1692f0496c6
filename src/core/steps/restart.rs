//! Step 10: Elexis-OOB restarted, so that the proxy reads its new
//! configuration. Enter asks first; compose's output is shown as it runs.
//! A renewal of the watched file needs no restart.

use time::OffsetDateTime;

use super::contract::StepFlow;
use super::golive::{by_hand, done_by_hand, site};
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::model::golive::{RESTART_OUTPUT_KEPT, Site};
use crate::core::{
    Action, CheckId, CheckState, Effect, Finding, Outcome, Overlay, Step, Text, Wizard,
};

pub struct Restart;

const CHECKS: &[CheckId] = &[CheckId::Restarted];

impl StepFlow for Restart {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    /// F5 after a failed restart asks docker how things stand now.
    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        if w.check(CheckId::Restarted).is_failed() {
            super::start::inspect_compose(w)
        } else {
            Vec::new()
        }
    }

    fn gate(&self, w: &Wizard) -> Gate {
        super::golive::gate(w, Step::Restart, CHECKS, || {
            !w.golive.restart_owed || w.check(CheckId::Restarted).is_settled()
        })
    }

    fn next(&self, w: &mut Wizard, gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if by_hand(w) || gate == Gate::Open {
            return None;
        }
        if !w.check(CheckId::Restarted).is_running() {
            w.session.overlay = Overlay::ConfirmAction;
        }
        Some(Vec::new())
    }

    fn confirm(&self, w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        w.session.overlay = Overlay::None;
        let Some(site) = site(w) else {
            return Vec::new();
        };
        restart(w, site)
    }

    fn line(&self, w: &Wizard, gate: Gate) -> Option<GateLine> {
        (gate == Gate::Blocked && !done_by_hand(w, Step::Restart)).then_some(GateLine {
            id: "golive-gate-restart",
            tone: Tone::Plain,
        })
    }

    fn enter_label(&self, w: &Wizard, gate: Gate, _body_max: u16) -> &'static str {
        if !done_by_hand(w, Step::Restart)
            && gate != Gate::Open
            && !w.check(CheckId::Restarted).is_running()
        {
            "key-restart"
        } else {
            "key-next"
        }
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        super::golive::own_keys(w)
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        // Enter asks before restarting; the question is answered.
        super::golive::answer(w, a, gate, CHECKS, Some(Action::Next), false)
    }
}

/// Restarts the site, with a fresh log of what compose prints: the step
/// and the unattended go-live alike.
pub fn restart(w: &mut Wizard, site: Site) -> Vec<Effect> {
    let generation = w.start_check(CheckId::Restarted);
    w.session.restart_log.clear();
    vec![Effect::Restart { site, generation }]
}

/// F5 after a failed restart: running again (someone fixed the cause and
/// started it) passes the step; else the error shown is today's.
pub fn on_compose_inspected(w: &mut Wizard, now: Outcome) {
    if !w.check(CheckId::Restarted).is_failed() {
        return;
    }
    let state = match now {
        Outcome::Passed(_) => {
            CheckState::Passed(Finding::new(Text::new("golive-step-restarted-since")))
        }
        Outcome::Warning(f) | Outcome::Failed(f) => {
            let mut f = f;
            f.fix = Some(Text::new("restart-still-fix"));
            CheckState::Failed(f)
        }
    };
    if state.is_passed() {
        w.golive.restart_owed = false;
    }
    w.checks.insert(CheckId::Restarted, state);
}

pub fn on_restarted(w: &mut Wizard, result: Result<(), Finding>) {
    let log = &w.session.restart_log;
    w.golive.restart_output = log[log.len().saturating_sub(RESTART_OUTPUT_KEPT)..]
        .iter()
        .map(|l| l.chars().take(300).collect())
        .collect();
    let outcome = match result {
        Ok(()) => {
            w.golive.restart_owed = false;
            Outcome::Passed(Finding::new(Text::new("golive-step-restarted")))
        }
        Err(f) => Outcome::Failed(f),
    };
    w.checks.insert(CheckId::Restarted, outcome.into());
}
