//! What a key press does: on the step, in a dialog, in a text field.

use time::OffsetDateTime;

use super::check::{CheckId, CheckState};
use super::gate::{Gate, gate};
use super::transitions::{advance, detect_install, domain_changed, on_enter, run_checks};
use super::{
    Action, Effect, Lang, Overlay, OverrideRecord, Step, Wizard, autorenew, cert_step, golive_step,
    network, systems,
};

pub(super) fn on_key(w: &mut Wizard, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    match w.session.overlay.clone() {
        Overlay::None => on_step_key(w, action, now),
        Overlay::Help => {
            if matches!(
                action,
                Action::Help | Action::Back | Action::Next | Action::Quit
            ) {
                w.session.overlay = Overlay::None;
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
            Action::Next => resume_choice(w, continue_selected, now),
            Action::Yes => resume_choice(w, true, now),
            Action::No => resume_choice(w, false, now),
            Action::ToggleLang => {
                toggle_lang(w);
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
            Action::ToggleLang => {
                toggle_lang(w);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Overlay::ConfirmAction if w.step == Step::Systems => match action {
            Action::Yes | Action::Next => systems::on_confirm(w),
            Action::No | Action::Back => {
                systems::on_decline(w);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Overlay::ConfirmAction if w.step == Step::AutoRenew => {
            yes_no(w, action, autorenew::on_confirm)
        }
        Overlay::ConfirmAction => yes_no(w, action, golive_step::on_confirm),
        Overlay::ConfirmIssue => yes_no(w, action, |w| cert_step::on_confirm(w, now)),
        Overlay::ConfirmOpen => yes_no(w, action, network::open_confirmed),
        Overlay::ConfirmOverride => match action {
            Action::Yes | Action::Next => {
                w.session.overlay = Overlay::None;
                if gate(w) == Gate::Overridable {
                    let failing = Wizard::checks_of(w.step)
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
                } else {
                    Vec::new()
                }
            }
            Action::No | Action::Back => {
                w.session.overlay = Overlay::None;
                Vec::new()
            }
            _ => Vec::new(),
        },
    }
}

/// A yes/no dialog: yes runs `on_yes`, no closes it.
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
        _ => Vec::new(),
    }
}

fn resume_choice(w: &mut Wizard, keep: bool, now: OffsetDateTime) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    if keep {
        on_enter(w)
    } else {
        let lang = w.lang;
        *w = Wizard::new(lang, now);
        Vec::new()
    }
}

fn toggle_lang(w: &mut Wizard) {
    w.lang = w.lang.next();
    w.session.lang_cursor = Lang::ALL.iter().position(|l| *l == w.lang).unwrap_or(0);
}

/// What an override was given for: passing a check for one domain or
/// directory must not pass it for another.
pub(super) fn override_context(w: &Wizard, step: Step) -> String {
    match step {
        Step::Start => w.start.input.value.clone(),
        _ => w
            .domain
            .parsed
            .as_ref()
            .map(|d| d.ascii.clone())
            .unwrap_or_default(),
    }
}

fn on_step_key(w: &mut Wizard, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let _ = now;
    match action {
        Action::Next => {
            if w.step == Step::Language
                && let Some(lang) = Lang::ALL.get(w.session.lang_cursor)
            {
                w.lang = *lang;
            }
            if w.step == Step::Done {
                w.session.quitting = true;
                return vec![Effect::Quit];
            }
            if w.step == Step::Systems {
                return systems::on_next(w);
            }
            if w.step == Step::AutoRenew {
                return autorenew::on_next(w);
            }
            if w.step == Step::Certificate && gate(w) != Gate::Open {
                return cert_step::on_next(w, now);
            }
            if w.step.is_manual() && !golive_step::done_by_hand(w) && gate(w) != Gate::Open {
                return golive_step::on_next(w);
            }
            if golive_step::offers_upload(w) && gate(w) != Gate::Open {
                return golive_step::on_next_by_hand(w);
            }
            if gate(w) == Gate::Open {
                advance(w)
            } else {
                Vec::new()
            }
        }
        Action::Back if systems::discards_plan(w) => {
            systems::on_decline(w);
            Vec::new()
        }
        Action::Back => {
            if let Some(prev) = w.step.prev() {
                w.step = prev;
                w.session.show_detail = false;
                w.session.scroll = 0;
                return on_enter(w);
            }
            Vec::new()
        }
        Action::Help => {
            w.session.overlay = Overlay::Help;
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
        Action::Recheck => run_checks(w),
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
        Action::OpenWindow => {
            if w.step == Step::Firewall {
                network::open_requested(w);
            }
            Vec::new()
        }
        Action::NextField if golive_step::offers_upload(w) => {
            w.session.upload_focus = !w.session.upload_focus;
            Vec::new()
        }
        a if is_edit(a) && takes_letters_first(w) => on_edit(w, a),
        Action::NextField if w.step == Step::Systems => {
            systems::on_next_field(w);
            Vec::new()
        }
        Action::NextField if w.step == Step::AutoRenew => {
            autorenew::on_next_field(w);
            Vec::new()
        }
        Action::Up | Action::Down if w.step == Step::AutoRenew => {
            autorenew::on_choice(w);
            Vec::new()
        }
        Action::TestMail if w.step == Step::AutoRenew => autorenew::on_test_mail(w),
        Action::Up | Action::Down if w.step == Step::Systems => {
            systems::on_choice(w, action == Action::Up);
            Vec::new()
        }
        Action::NextField => {
            if w.step == Step::Certificate {
                w.session.cert_field = (w.session.cert_field + 1) % 3;
                Vec::new()
            } else {
                on_up_down(w, false)
            }
        }
        Action::Up | Action::Down if w.step == Step::Certificate => {
            if !cert_step::has_certificate(w) {
                cert_step::on_choice(w, action == Action::Up);
            }
            Vec::new()
        }
        Action::Up | Action::Down if w.step == Step::PortForwarding => {
            network::on_choice(w, true);
            Vec::new()
        }
        Action::Left | Action::Right if w.step == Step::PortForwarding => {
            network::on_choice(w, false);
            Vec::new()
        }
        Action::Up | Action::Down => on_up_down(w, action == Action::Up),
        Action::Char(_)
        | Action::Backspace
        | Action::Delete
        | Action::Left
        | Action::Right
        | Action::Home
        | Action::End => on_edit(w, action),
        Action::PageDown => {
            w.session.scroll = w.session.scroll.saturating_add(PAGE);
            Vec::new()
        }
        Action::PageUp => {
            w.session.scroll = w.session.scroll.saturating_sub(PAGE);
            Vec::new()
        }
        Action::Yes | Action::No | Action::TestMail => Vec::new(),
    }
}

/// Lines one PageDown moves: most of the text area at 80×24.
const PAGE: u16 = 10;

fn on_up_down(w: &mut Wizard, up: bool) -> Vec<Effect> {
    match w.step {
        Step::Language => {
            let n = Lang::ALL.len();
            let c = w.session.lang_cursor % n;
            w.session.lang_cursor = if up { (c + n - 1) % n } else { (c + 1) % n };
            Vec::new()
        }
        Step::Start if !w.start.candidates.is_empty() => {
            let list = &w.start.candidates;
            let pos = list
                .iter()
                .position(|p| p.display().to_string() == w.start.input.value);
            let n = list.len();
            let next = match pos {
                Some(i) if up => (i + n - 1) % n,
                Some(i) => (i + 1) % n,
                None => 0,
            };
            let value = list[next].display().to_string();
            w.start.input.set(value);
            detect_install(w)
        }
        _ => Vec::new(),
    }
}

fn is_edit(a: Action) -> bool {
    matches!(
        a,
        Action::Char(_)
            | Action::Backspace
            | Action::Delete
            | Action::Left
            | Action::Right
            | Action::Home
            | Action::End
    )
}

/// Steps whose fields take the editing keys before any other meaning.
fn takes_letters_first(w: &Wizard) -> bool {
    (golive_step::offers_upload(w) && w.session.upload_focus)
        || matches!(w.step, Step::Systems | Step::Certificate | Step::AutoRenew)
}

/// An editing key for the focused text field of the step.
fn on_edit(w: &mut Wizard, action: Action) -> Vec<Effect> {
    if golive_step::offers_upload(w) && w.session.upload_focus {
        w.golive.upload_server.apply(action);
        w.checks.insert(CheckId::Uploaded, CheckState::Idle);
        return Vec::new();
    }
    let input = match w.step {
        Step::Systems => {
            systems::on_edit(w, action);
            return Vec::new();
        }
        Step::AutoRenew => {
            autorenew::on_edit(w, action);
            return Vec::new();
        }
        Step::Certificate => {
            cert_step::on_edit(w, action);
            return Vec::new();
        }
        Step::Start => &mut w.start.input,
        Step::Domain => &mut w.domain.input,
        _ => return Vec::new(),
    };
    let changed = input.apply(action);
    if !changed {
        return Vec::new();
    }
    match w.step {
        Step::Start => detect_install(w),
        _ => domain_changed(w),
    }
}
