//! Moving between steps and languages: what every key, dialog and result
//! that moves the wizard shares.

use crate::core::steps;
use crate::core::{Effect, Lang, Wizard};

/// Goes on to the next step: the step left forward tidies up first.
pub fn advance(w: &mut Wizard) -> Vec<Effect> {
    let Some(next) = w.step.next() else {
        return Vec::new();
    };
    let mut effects = steps::of(w.step).leave(w);
    w.step = next;
    w.session.show_detail = false;
    w.session.scroll = 0;
    effects.extend(enter(w));
    effects
}

/// What the step shown now needs when the person arrives on it.
pub fn enter(w: &mut Wizard) -> Vec<Effect> {
    steps::of(w.step).enter(w)
}

pub fn back(w: &mut Wizard) -> Vec<Effect> {
    let Some(prev) = w.step.prev() else {
        return Vec::new();
    };
    w.step = prev;
    w.session.show_detail = false;
    w.session.scroll = 0;
    enter(w)
}

pub fn toggle_lang(w: &mut Wizard) {
    w.lang = w.lang.next();
    w.session.lang_cursor = Lang::ALL.iter().position(|l| *l == w.lang).unwrap_or(0);
}
