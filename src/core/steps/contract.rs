//! One contract for every step, in the spirit of one type per handshake
//! state: what happens on arrival, on F5, on Enter and on the step's own
//! keys, when it is left, what guards «weiter», which keys the footer
//! names, and what an answers file implies. Every method but the gate has
//! the common behaviour as its default, so a step spells out only what is
//! its own.
//!
//! A step never moves the wizard itself: the machine does, after asking
//! the step (Enter answers `None` to go on when the gate is open). That is
//! what keeps the steps below the machine, with no circle between them.

use time::OffsetDateTime;

use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, pass, prelude};
use crate::core::model::gate::{Gate, GateLine};
use crate::core::{Action, CheckId, Effect, Wizard};

pub trait StepFlow: Sync {
    /// The checks that guard «weiter», in the order the screen shows them.
    fn checks(&self) -> &'static [CheckId] {
        &[]
    }

    /// Checks shown beside those whose warnings the gate line counts too.
    fn shown_too(&self) -> &'static [CheckId] {
        &[]
    }

    /// What the step needs when the person arrives on it.
    fn enter(&self, _w: &mut Wizard) -> Vec<Effect> {
        Vec::new()
    }

    /// F5: the step's live checks again.
    fn recheck(&self, _w: &mut Wizard) -> Vec<Effect> {
        Vec::new()
    }

    /// Leaving the step forward.
    fn leave(&self, _w: &mut Wizard) -> Vec<Effect> {
        Vec::new()
    }

    /// What stands before «weiter», before any override.
    fn gate(&self, w: &Wizard) -> Gate;

    /// Enter. `None`: go on when the gate is open.
    fn next(&self, _w: &mut Wizard, _gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        None
    }

    /// A key with a meaning of its own on this step; `None`: the common
    /// meaning (or none).
    fn key(&self, _w: &mut Wizard, _action: Action) -> Option<Vec<Effect>> {
        None
    }

    /// Whether a text field of the step has the keyboard.
    fn typing(&self, _w: &Wizard) -> bool {
        false
    }

    /// Whether the step's checks judge what is typed in its field, so
    /// that their verdicts wait until she stops typing.
    fn checks_follow_typing(&self) -> bool {
        false
    }

    /// «Ja» to the step's question (writing, restarting, setting up).
    fn confirm(&self, _w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        Vec::new()
    }

    /// «Nein» to it: by default the question just closes.
    fn decline(&self, w: &mut Wizard) {
        w.session.overlay = crate::core::Overlay::None;
    }

    /// Whether the step's question has a technical part behind «D».
    fn question_has_details(&self, _w: &Wizard) -> bool {
        false
    }

    /// The line under the step where it has one of its own; `None`: the
    /// common rules decide.
    fn line(&self, _w: &Wizard, _gate: Gate) -> Option<GateLine> {
        None
    }

    /// Whether the step has a gate line at all.
    fn has_line(&self) -> bool {
        true
    }

    /// What passing a failed check is given for: passing it for one name
    /// must not pass it for another.
    fn override_context(&self, w: &Wizard) -> String {
        w.domain
            .parsed
            .as_ref()
            .map(|d| d.ascii.clone())
            .unwrap_or_default()
    }

    /// What Enter is called in the footer (a Fluent id); `body_max`: how
    /// far the step's text scrolls, as just drawn.
    fn enter_label(&self, _w: &Wizard, _gate: Gate, _body_max: u16) -> &'static str {
        "key-next"
    }

    /// The step's own keys for the footer, as Fluent ids, in order.
    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        Vec::new()
    }

    /// The key an answers file implies here. By default: an earlier answer
    /// or the language first, then the step's own.
    fn answer(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        prelude(w, a).unwrap_or_else(|| self.answer_here(w, a, gate))
    }

    /// The step's own part of `answer`.
    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        pass(w, a, gate, self.checks())
    }

    /// Whether the answers say «Ja» to the step's question.
    fn answers_confirm(&self, w: &Wizard, a: &Answers) -> bool {
        a.confirms(w.step)
    }

    /// The model read back from the resume file while on this step.
    fn resumed(&self, _w: &mut Wizard) {}

    /// Whether a resumed run asks «weitermachen?» on this step.
    fn asks_resume(&self) -> bool {
        true
    }
}
