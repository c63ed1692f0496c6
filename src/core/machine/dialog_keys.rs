//! What a key press does while a dialog is open, and the rules every
//! dialog shares: its text scrolls within what the screen last showed,
//! its details open and close, Esc closes what is on top first.

use time::OffsetDateTime;

use super::gate::{gate, override_context};
use super::moves::{advance, enter, toggle_lang};
use crate::core::model::gate::Gate;
use crate::core::steps::{self, certificate, firewall};
use crate::core::{Action, Effect, Overlay, OverrideRecord, Viewport, Wizard};

/// Lines one PageDown moves a dialog's text: most of a dialog at 80×24.
const DIALOG_PAGE: u16 = 6;

pub(super) fn on_viewport(w: &mut Wizard, v: Viewport) {
    w.session.viewport = v;
    if let Some(max) = v.body_max {
        w.session.scroll = w.session.scroll.min(max);
    }
    if let Some(max) = v.dialog_max {
        w.session.dialog_scroll = w.session.dialog_scroll.min(max);
    }
}

/// Whether the open dialog has a technical part behind «D Details».
fn has_details(w: &Wizard) -> bool {
    match w.session.overlay {
        Overlay::ConfirmOpen => true,
        // The upload warning: the exact edit that closes port 3000.
        Overlay::ConfirmAction => steps::of(w.step).question_has_details(w),
        _ => false,
    }
}

/// Keys every dialog shares; `None` when the dialog's own keys decide.
fn common(w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
    let details = has_details(w);
    let s = &mut w.session;
    match action {
        Action::PageDown => {
            let next = s.dialog_scroll.saturating_add(DIALOG_PAGE);
            s.dialog_scroll = s.viewport.dialog_max.map_or(next, |m| next.min(m));
        }
        Action::PageUp => s.dialog_scroll = s.dialog_scroll.saturating_sub(DIALOG_PAGE),
        Action::Detail if details => s.dialog_detail = !s.dialog_detail,
        // Esc closes the details first, never the dialog behind them.
        Action::Back if s.dialog_detail => s.dialog_detail = false,
        Action::ToggleLang => toggle_lang(w),
        _ => return None,
    }
    Some(Vec::new())
}

/// Up and down move a dialog's text by a line where they choose nothing.
fn line_scroll(w: &mut Wizard, action: Action) -> bool {
    let s = &mut w.session;
    match action {
        Action::Down => {
            let next = s.dialog_scroll.saturating_add(1);
            s.dialog_scroll = s.viewport.dialog_max.map_or(next, |m| next.min(m));
            true
        }
        Action::Up => {
            s.dialog_scroll = s.dialog_scroll.saturating_sub(1);
            true
        }
        _ => false,
    }
}

pub(super) fn on_key(w: &mut Wizard, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    if let Some(e) = common(w, action) {
        return e;
    }
    match w.session.overlay.clone() {
        Overlay::None => Vec::new(),
        Overlay::Help => {
            if line_scroll(w, action) {
                return Vec::new();
            }
            match action {
                // F1 again goes one level deeper: the words explained.
                Action::Help | Action::Glossary => w.session.overlay = Overlay::Glossary,
                Action::Back | Action::Next | Action::Quit => w.session.overlay = Overlay::None,
                _ => {}
            }
            Vec::new()
        }
        Overlay::Glossary => {
            if line_scroll(w, action) {
                return Vec::new();
            }
            match action {
                // Esc goes back where she came from: the step's help.
                Action::Help | Action::Glossary | Action::Back => {
                    w.session.overlay = Overlay::Help;
                }
                Action::Next | Action::Quit => w.session.overlay = Overlay::None,
                _ => {}
            }
            Vec::new()
        }
        Overlay::ConfirmQuit => match action {
            Action::Yes | Action::Next => {
                w.session.quitting = true;
                vec![Effect::Quit]
            }
            Action::No | Action::Back | Action::Quit => {
                w.session.overlay = Overlay::None;
                Vec::new()
            }
            _ => Vec::new(),
        },
        Overlay::Resume { continue_selected } => match action {
            Action::Up | Action::Down | Action::Left | Action::Right => {
                w.session.overlay = Overlay::Resume {
                    continue_selected: !continue_selected,
                };
                Vec::new()
            }
            Action::Next => resume_choice(w, continue_selected),
            // Esc closes the question: where the person was stays.
            Action::Yes | Action::Back => resume_choice(w, true),
            Action::No => resume_choice(w, false),
            _ => Vec::new(),
        },
        Overlay::ConfirmStartOver => match action {
            Action::Yes | Action::Next => {
                *w = w.started_over(now);
                Vec::new()
            }
            Action::No | Action::Back => {
                w.session.overlay = Overlay::Resume {
                    continue_selected: true,
                };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Overlay::Pending {
            changes,
            finish_selected,
        } => match action {
            Action::Up | Action::Down | Action::Left | Action::Right => {
                w.session.overlay = Overlay::Pending {
                    changes,
                    finish_selected: !finish_selected,
                };
                Vec::new()
            }
            Action::Next => {
                if !finish_selected {
                    // Undoing closes every window the crashed run left
                    // open: the certificate step must open a new one.
                    w.network.window_until = None;
                }
                vec![Effect::ResolvePending {
                    finish: finish_selected,
                }]
            }
            _ => Vec::new(),
        },
        Overlay::ConfirmAction => {
            let flow = steps::of(w.step);
            match action {
                Action::Yes | Action::Next => flow.confirm(w, now),
                Action::No | Action::Back => {
                    flow.decline(w);
                    Vec::new()
                }
                a => {
                    line_scroll(w, a);
                    Vec::new()
                }
            }
        }
        Overlay::ConfirmIssue => yes_no(w, action, |w| certificate::on_confirm(w, now)),
        Overlay::ConfirmOpen => yes_no(w, action, firewall::open_confirmed),
        Overlay::ConfirmOverride => yes_no(w, action, |w| {
            w.session.overlay = Overlay::None;
            if gate(w) != Gate::Overridable {
                return Vec::new();
            }
            let failing = steps::checks_of(w.step)
                .iter()
                .copied()
                .filter(|id| w.check(*id).is_failed())
                .collect();
            w.overrides.push(OverrideRecord {
                step: w.step,
                checks: failing,
                context: override_context(w, w.step),
                at: now,
            });
            advance(w)
        }),
    }
}

/// A yes/no dialog: yes runs `on_yes`, no closes it, up and down scroll.
fn yes_no(
    w: &mut Wizard,
    action: Action,
    on_yes: impl FnOnce(&mut Wizard) -> Vec<Effect>,
) -> Vec<Effect> {
    match action {
        Action::Yes | Action::Next => on_yes(w),
        Action::No | Action::Back => {
            w.session.overlay = Overlay::None;
            Vec::new()
        }
        a => {
            line_scroll(w, a);
            Vec::new()
        }
    }
}

fn resume_choice(w: &mut Wizard, keep: bool) -> Vec<Effect> {
    if keep {
        w.session.overlay = Overlay::None;
        enter(w)
    } else {
        // Starting over is asked again: it cannot be taken back.
        w.session.overlay = Overlay::ConfirmStartOver;
        Vec::new()
    }
}
