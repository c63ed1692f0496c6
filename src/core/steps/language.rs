//! Step 1: the language, chosen from a list (the program guessed it from
//! the system; the choice is kept for every later run).

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, stop};
use crate::core::model::gate::Gate;
use crate::core::{Action, Effect, Lang, Wizard};

pub struct Language;

impl StepFlow for Language {
    fn gate(&self, _w: &Wizard) -> Gate {
        Gate::Open
    }

    fn next(&self, w: &mut Wizard, _gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if let Some(lang) = Lang::ALL.get(w.session.lang_cursor) {
            w.lang = *lang;
        }
        None
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        let up = match action {
            Action::Up => true,
            Action::Down | Action::NextField => false,
            _ => return None,
        };
        let n = Lang::ALL.len();
        let c = w.session.lang_cursor % n;
        w.session.lang_cursor = if up { (c + n - 1) % n } else { (c + 1) % n };
        Some(Vec::new())
    }

    fn has_line(&self) -> bool {
        false
    }

    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        vec!["key-choose"]
    }

    fn answer(&self, w: &Wizard, a: &Answers, _gate: Gate) -> Decision {
        let Some(l) = &a.language else {
            return stop(w, StopReason::Unanswered);
        };
        let want = Lang::ALL.iter().position(|x| *x == l.lang).unwrap_or(0);
        if w.session.lang_cursor % Lang::ALL.len() != want {
            Decision::Press(Action::Down)
        } else {
            Decision::Press(Action::Next)
        }
    }

    fn asks_resume(&self) -> bool {
        false
    }
}
