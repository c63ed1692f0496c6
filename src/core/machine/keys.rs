//! What a key press does on a step: the keys every step shares, and the
//! step's own through its module.

use time::OffsetDateTime;

use super::gate::gate;
pub(super) use super::moves::toggle_lang;
use super::moves::{advance, back};
use crate::core::model::gate::Gate;
use crate::core::steps;
use crate::core::{Action, Effect, Overlay, Wizard};

pub(super) fn on_key(w: &mut Wizard, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    // On the «too small» screen nothing can be seen, so nothing may act;
    // quitting needs no question there, the state is saved anyway.
    if w.session.viewport.too_small {
        if action == Action::Quit {
            w.session.quitting = true;
            return vec![Effect::Quit];
        }
        return Vec::new();
    }
    let flow = steps::of(w.step);
    // Reward early, punish late: while she types into a field whose checks
    // judge it, a half-typed word is not told off; any other key, or a
    // pause (`Msg::TypingSettled`), shows the verdicts again.
    let typing = action.is_edit()
        && w.session.overlay == Overlay::None
        && flow.checks_follow_typing()
        && flow.typing(w);
    let mut effects = match w.session.overlay {
        Overlay::None => on_step_key(w, action, now),
        _ => super::dialog_keys::on_key(w, action, now),
    };
    w.session.typing = typing;
    if typing {
        effects.push(Effect::SettleTyping);
    }
    effects
}

fn on_step_key(w: &mut Wizard, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let flow = steps::of(w.step);
    match action {
        Action::Next => {
            let g = gate(w);
            match flow.next(w, g, now) {
                Some(effects) => effects,
                // The step may have changed what the gate sees.
                None if gate(w) == Gate::Open => advance(w),
                None => Vec::new(),
            }
        }
        // Esc closes the technical details before it leaves the step.
        Action::Back if w.session.show_detail => {
            w.session.show_detail = false;
            Vec::new()
        }
        Action::Help => {
            w.session.overlay = Overlay::Help;
            Vec::new()
        }
        Action::Glossary => {
            w.session.overlay = Overlay::Glossary;
            Vec::new()
        }
        Action::Quit => {
            w.session.overlay = Overlay::ConfirmQuit;
            Vec::new()
        }
        Action::ToggleLang => {
            toggle_lang(w);
            Vec::new()
        }
        Action::Override => {
            if gate(w) == Gate::Overridable {
                w.session.overlay = Overlay::ConfirmOverride;
            }
            Vec::new()
        }
        Action::Recheck => {
            // A window that ran out is closed: checking again opens a new
            // one rather than probing a closed port.
            if w.network.window_until.is_some_and(|u| u <= now) {
                w.network.window_until = None;
            }
            flow.recheck(w)
        }
        Action::Detail => {
            w.session.show_detail = !w.session.show_detail;
            Vec::new()
        }
        Action::Toggle => {
            if w.step.needs_confirmation() && !w.confirmed.remove(&w.step) {
                w.confirmed.insert(w.step);
            }
            Vec::new()
        }
        Action::PageDown => {
            let next = w.session.scroll.saturating_add(PAGE);
            w.session.scroll = w.session.viewport.body_max.map_or(next, |m| next.min(m));
            Vec::new()
        }
        Action::PageUp => {
            w.session.scroll = w.session.scroll.saturating_sub(PAGE);
            Vec::new()
        }
        a => flow.key(w, a).unwrap_or_else(|| match a {
            Action::Back => back(w),
            _ => Vec::new(),
        }),
    }
}

/// Lines one PageDown moves: most of the text area at 80×24.
const PAGE: u16 = 10;
