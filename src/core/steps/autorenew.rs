//! The step before «Fertig»: automatic renewal. It shows what will be set
//! up (the timer or cron entry, and the copy of the program where it runs
//! from a place that does not last), what was found and will be replaced,
//! and what happens on failure; the mail settings are offered here, with a
//! test mail. Only a «Ja» sets it up, through the change journal. Skipping
//! is possible, but explicit, and «Fertig» then warns.

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::{Action, CheckId, CheckState, Effect, Finding, Overlay, Text, TextInput, Wizard};

pub use crate::core::model::autorenew::*;

pub struct AutoRenew;

impl StepFlow for AutoRenew {
    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        on_enter(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        on_enter(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        if running(w) {
            Gate::Waiting
        } else if w.check(CheckId::Schedule).is_passed() || w.autorenew.choice == RenewChoice::Skip
        {
            Gate::Open
        } else {
            Gate::Blocked
        }
    }

    fn next(&self, w: &mut Wizard, _gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        on_next(w)
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::NextField => on_next_field(w),
            Action::Up | Action::Down => on_choice(w),
            Action::TestMail => return Some(on_test_mail(w)),
            a if a.is_edit() => on_edit(w, a),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn typing(&self, w: &Wizard) -> bool {
        field(w).is_some()
    }

    fn confirm(&self, w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        on_confirm(w)
    }

    fn line(&self, w: &Wizard, gate: Gate) -> Option<GateLine> {
        let (id, tone) = match gate {
            Gate::Open if w.autorenew.choice == RenewChoice::Skip => {
                ("autorenew-gate-skip", Tone::Warn)
            }
            Gate::Blocked => ("autorenew-gate", Tone::Plain),
            _ => return None,
        };
        Some(GateLine { id, tone })
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        if field(w).is_some() {
            vec!["key-choose", "key-field", "key-test-mail"]
        } else {
            vec!["key-choose"]
        }
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, _gate: Gate) -> Decision {
        crate::core::answers::renewal::decide(w, a)
    }

    fn answers_confirm(&self, _w: &Wizard, a: &Answers) -> bool {
        crate::core::answers::renewal::confirms(a)
    }
}

/// The focused field, while the form takes letters.
pub fn field(w: &Wizard) -> Option<usize> {
    (w.autorenew.choice == RenewChoice::SetUp && !running(w))
        .then_some(w.session.renew_field % FIELDS)
}

fn running(w: &Wizard) -> bool {
    w.check(CheckId::Schedule).is_running() || w.check(CheckId::TestMail).is_running()
}

pub fn on_enter(w: &mut Wizard) -> Vec<Effect> {
    w.autorenew.view = None;
    let generation = w.start_check(CheckId::Schedule);
    vec![Effect::InspectSchedule { generation }]
}

pub fn on_inspected(w: &mut Wizard, view: ScheduleView) {
    let mail = &mut w.autorenew.mail;
    if mail.is_empty()
        && let Some(m) = &view.stored_mail
    {
        mail.host.set(if m.port == SMTP_PORT {
            m.host.clone()
        } else {
            format!("{}:{}", m.host, m.port)
        });
        mail.from.set(m.from.clone());
        mail.to.set(m.to.join(", "));
        mail.user.set(m.user.clone().unwrap_or_default());
    }
    let state = if view.verdict.works() && w.autorenew.set_up.is_some() {
        CheckState::Passed(Finding::new(view.verdict.text()))
    } else {
        match &view.plan {
            Ok(_) => CheckState::Idle,
            Err(t) => CheckState::Failed(Finding::new(t.clone())),
        }
    };
    w.checks.insert(CheckId::Schedule, state);
    w.autorenew.view = Some(view);
}

pub fn on_choice(w: &mut Wizard) {
    if running(w) {
        return;
    }
    w.autorenew.choice = match w.autorenew.choice {
        RenewChoice::SetUp => RenewChoice::Skip,
        RenewChoice::Skip => RenewChoice::SetUp,
    };
}

pub fn on_next_field(w: &mut Wizard) {
    w.session.renew_field = (w.session.renew_field + 1) % FIELDS;
}

pub fn on_edit(w: &mut Wizard, action: Action) {
    let Some(i) = field(w) else {
        return;
    };
    let m = &mut w.autorenew.mail;
    let input = match i {
        0 => &mut m.host,
        1 => &mut m.from,
        2 => &mut m.to,
        3 => &mut m.user,
        _ => &mut w.session.mail_password,
    };
    if input.apply(action) {
        // Another setting: what was tested or set up no longer holds.
        w.checks.insert(CheckId::TestMail, CheckState::Idle);
        if w.check(CheckId::Schedule).is_passed() {
            w.checks.insert(CheckId::Schedule, CheckState::Idle);
        }
    }
}

fn password(w: &Wizard) -> Option<String> {
    let p = &w.session.mail_password.value;
    (!p.is_empty()).then(|| p.clone())
}

/// What is wrong with the mail form, shown where the test mail's result
/// stands (right below the fields).
fn form_problem(w: &mut Wizard, t: Text) -> Vec<Effect> {
    w.checks
        .insert(CheckId::TestMail, CheckState::Failed(Finding::new(t)));
    Vec::new()
}

/// Enter: skip goes on; a step already set up goes on; otherwise ask.
pub fn on_next(w: &mut Wizard) -> Option<Vec<Effect>> {
    if running(w) {
        return Some(Vec::new());
    }
    if w.autorenew.choice == RenewChoice::Skip {
        w.autorenew.skipped = true;
        return None;
    }
    if w.check(CheckId::Schedule).is_passed() {
        w.autorenew.skipped = false;
        return None;
    }
    if let Err(t) = mail_request(&w.autorenew.mail) {
        return Some(form_problem(w, t));
    }
    match w.autorenew.view.as_ref().map(|v| &v.plan) {
        Some(Ok(_)) => w.session.overlay = Overlay::ConfirmAction,
        // Not looked yet, or nothing to set up with: look (again).
        _ => return Some(on_enter(w)),
    }
    Some(Vec::new())
}

/// «Ja»: set it up, with the mail settings of the form.
pub fn on_confirm(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let mail = match mail_request(&w.autorenew.mail) {
        Ok(m) => m,
        Err(t) => return form_problem(w, t),
    };
    let generation = w.start_check(CheckId::Schedule);
    vec![Effect::InstallSchedule {
        mail,
        password: password(w),
        lang: w.lang,
        generation,
    }]
}

pub fn on_installed(w: &mut Wizard, result: Result<RenewalSetUp, Finding>) {
    match result {
        Ok(done) => {
            let text = Text::new("autorenew-done").arg("binary", done.binary.clone());
            w.checks
                .insert(CheckId::Schedule, CheckState::Passed(Finding::new(text)));
            w.autorenew.set_up = Some(done);
            w.autorenew.skipped = false;
            w.session.mail_password = TextInput::default();
        }
        Err(f) => {
            w.checks.insert(CheckId::Schedule, CheckState::Failed(f));
        }
    }
}

/// Ctrl+T: a test mail with the settings as typed.
pub fn on_test_mail(w: &mut Wizard) -> Vec<Effect> {
    if running(w) || w.autorenew.choice != RenewChoice::SetUp {
        return Vec::new();
    }
    match mail_request(&w.autorenew.mail) {
        Ok(Some(mail)) => {
            let generation = w.start_check(CheckId::TestMail);
            vec![Effect::SendTestMail {
                mail,
                password: password(w),
                lang: w.lang,
                generation,
            }]
        }
        Ok(None) => form_problem(w, Text::new("autorenew-mail-host-missing")),
        Err(t) => form_problem(w, t),
    }
}

pub fn on_test_sent(w: &mut Wizard, result: Result<Text, Finding>) {
    let state = match result {
        Ok(t) => CheckState::Passed(Finding::new(t)),
        Err(f) => CheckState::Failed(f),
    };
    w.checks.insert(CheckId::TestMail, state);
}

/// Whether «Fertig» must warn that nothing renews the certificate.
pub fn not_set_up(w: &Wizard) -> bool {
    w.autorenew.set_up.is_none()
}

#[cfg(test)]
mod tests;
