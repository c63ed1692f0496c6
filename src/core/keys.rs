//! What a key press does: on the step, in a dialog, in a text field.

use time::OffsetDateTime;

use super::check::{CheckId, CheckState};
use super::gate::{Gate, gate};
use super::transitions::{advance, detect_install, domain_changed, on_enter, run_checks};
use super::{
    Action, Effect, Lang, Overlay, Step, Wizard, autorenew, cert_step, golive_step, network,
    systems,
};

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
    match w.session.overlay {
        Overlay::None => on_step_key(w, action, now),
        _ => super::dialog_keys::on_key(w, action, now),
    }
}

pub(super) fn toggle_lang(w: &mut Wizard) {
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
                // Enter reads on while text is left below; quits at its end.
                if let Some(max) = w.session.viewport.body_max
                    && w.session.scroll < max
                {
                    w.session.scroll = w.session.scroll.saturating_add(PAGE).min(max);
                    return Vec::new();
                }
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
            // Enter sends only from the «Server:» field; on «Erledigt» it
            // goes on, and never brings the upload warning back.
            if golive_step::offers_upload(w) && w.session.upload_focus {
                let e = golive_step::on_next_by_hand(w);
                if w.session.overlay != Overlay::None {
                    return e;
                }
            }
            if gate(w) == Gate::Open {
                advance(w)
            } else {
                Vec::new()
            }
        }
        // Esc closes the technical details before it leaves the step.
        Action::Back if w.session.show_detail => {
            w.session.show_detail = false;
            Vec::new()
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
            run_checks(w)
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
            let next = w.session.scroll.saturating_add(PAGE);
            w.session.scroll = w.session.viewport.body_max.map_or(next, |m| next.min(m));
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
            detect_install(w, true)
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
        // No server name has a space; and a sent upload stays sent until
        // the name itself changes (moving the cursor is no change).
        if action != Action::Char(' ') && w.golive.upload_server.apply(action) {
            w.checks.insert(CheckId::Uploaded, CheckState::Idle);
        }
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
        Step::Start => detect_install(w, true),
        _ => domain_changed(w),
    }
}
