//! The last screen: what was set up, and what the practice keeps an eye
//! on. Enter reads on while text is left below, and quits at its end.

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, stop};
use crate::core::model::gate::Gate;
use crate::core::{Effect, Wizard};

pub struct Done;

/// Lines one Enter reads on: as PageDown on a step.
const PAGE: u16 = 10;

impl StepFlow for Done {
    fn gate(&self, _w: &Wizard) -> Gate {
        Gate::Blocked
    }

    fn next(&self, w: &mut Wizard, _gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if let Some(max) = w.session.viewport.body_max
            && w.session.scroll < max
        {
            w.session.scroll = w.session.scroll.saturating_add(PAGE).min(max);
            return Some(Vec::new());
        }
        w.session.quitting = true;
        Some(vec![Effect::Quit])
    }

    fn has_line(&self) -> bool {
        false
    }

    fn enter_label(&self, w: &Wizard, _gate: Gate, body_max: u16) -> &'static str {
        if w.session.scroll < body_max {
            "key-read-on"
        } else {
            "key-finish"
        }
    }

    fn answer(&self, w: &Wizard, _a: &Answers, _gate: Gate) -> Decision {
        stop(w, StopReason::End)
    }
}
