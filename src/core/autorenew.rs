//! The step before «Fertig»: automatic renewal. It shows what will be set
//! up (the timer or cron entry, and the copy of the program where it runs
//! from a place that does not last), what was found and will be replaced,
//! and what happens on failure; the mail settings are offered here, with a
//! test mail. Only a «Ja» sets it up, through the change journal. Skipping
//! is possible, but explicit, and «Fertig» then warns.

use serde::{Deserialize, Serialize};

use super::check::{CheckId, CheckState, Finding, Text};
use super::input::TextInput;
use super::library::schedule::{SchedulePlan, Verdict};
use super::transitions::start_check as start;
use super::{Action, Effect, Overlay, Wizard};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenewChoice {
    #[default]
    SetUp,
    Skip,
}

/// The mail settings as typed; the password is typed too, but lives in
/// the session only (io stores it in its own 0600 file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailForm {
    /// `mail.example.ch`, or with a port: `mail.example.ch:465`.
    pub host: TextInput,
    pub from: TextInput,
    /// One or more addresses, comma-separated.
    pub to: TextInput,
    /// Empty: the server takes mail without a login.
    pub user: TextInput,
}

impl MailForm {
    pub fn is_empty(&self) -> bool {
        [&self.host, &self.from, &self.to, &self.user]
            .iter()
            .all(|i| i.value.trim().is_empty())
    }
}

/// The mail settings io stores and uses: checked values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailRequest {
    pub host: String,
    pub port: u16,
    /// TLS from the first byte (port 465); otherwise STARTTLS.
    pub implicit_tls: bool,
    pub user: Option<String>,
    pub from: String,
    pub to: Vec<String>,
}

/// What io found when the step opened: never saved, a result belongs to
/// the moment it was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleView {
    pub verdict: Verdict,
    pub plan: Result<SchedulePlan, Text>,
    /// Mail settings stored earlier (`praxis-tls mail` or an earlier run).
    pub stored_mail: Option<MailRequest>,
    pub password_stored: bool,
}

/// What was set up, for the screen, «Fertig» and the answers file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalSetUp {
    pub binary: String,
    pub mail: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoRenewState {
    pub choice: RenewChoice,
    pub mail: MailForm,
    /// Set when the person chose not to set it up and went on.
    #[serde(default)]
    pub skipped: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_up: Option<RenewalSetUp>,
    #[serde(skip)]
    pub view: Option<ScheduleView>,
}

/// The form's fields, the password last.
pub const FIELDS: usize = 5;
const SMTP_PORT: u16 = 587;
const SMTPS_PORT: u16 = 465;

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
    let generation = start(w, CheckId::Schedule);
    vec![Effect::InspectSchedule { generation }]
}

pub(super) fn on_inspected(w: &mut Wizard, view: ScheduleView) {
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

pub(super) fn on_choice(w: &mut Wizard) {
    if running(w) {
        return;
    }
    w.autorenew.choice = match w.autorenew.choice {
        RenewChoice::SetUp => RenewChoice::Skip,
        RenewChoice::Skip => RenewChoice::SetUp,
    };
}

pub(super) fn on_next_field(w: &mut Wizard) {
    w.session.renew_field = (w.session.renew_field + 1) % FIELDS;
}

pub(super) fn on_edit(w: &mut Wizard, action: Action) {
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

/// The form, checked: `None` for no mail at all, or what is wrong.
pub fn mail_request(form: &MailForm) -> Result<Option<MailRequest>, Text> {
    if form.is_empty() {
        return Ok(None);
    }
    let host_in = form.host.value.trim();
    let (host, port) = match host_in.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| Text::new("autorenew-mail-host-invalid").arg("host", host_in))?,
        ),
        None => (host_in, SMTP_PORT),
    };
    if host.is_empty() {
        return Err(Text::new("autorenew-mail-host-missing"));
    }
    if !super::systems::host_ok(host) {
        return Err(Text::new("autorenew-mail-host-invalid").arg("host", host_in));
    }
    let from = form.from.value.trim().to_string();
    if !super::cert_step::email_ok(&from) {
        return Err(Text::new("autorenew-mail-address-invalid").arg("address", from));
    }
    let to = super::systems::split_list(&form.to.value);
    if to.is_empty() {
        return Err(Text::new("autorenew-mail-to-missing"));
    }
    if let Some(bad) = to.iter().find(|a| !super::cert_step::email_ok(a)) {
        return Err(Text::new("autorenew-mail-address-invalid").arg("address", bad.clone()));
    }
    let user = form.user.value.trim();
    Ok(Some(MailRequest {
        host: host.to_ascii_lowercase(),
        port,
        implicit_tls: port == SMTPS_PORT,
        user: (!user.is_empty()).then(|| user.to_string()),
        from,
        to,
    }))
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
pub(super) fn on_next(w: &mut Wizard) -> Vec<Effect> {
    if running(w) {
        return Vec::new();
    }
    if w.autorenew.choice == RenewChoice::Skip {
        w.autorenew.skipped = true;
        return super::transitions::advance(w);
    }
    if w.check(CheckId::Schedule).is_passed() {
        w.autorenew.skipped = false;
        return super::transitions::advance(w);
    }
    if let Err(t) = mail_request(&w.autorenew.mail) {
        return form_problem(w, t);
    }
    match w.autorenew.view.as_ref().map(|v| &v.plan) {
        Some(Ok(_)) => w.session.overlay = Overlay::ConfirmAction,
        // Not looked yet, or nothing to set up with: look (again).
        _ => return on_enter(w),
    }
    Vec::new()
}

/// «Ja»: set it up, with the mail settings of the form.
pub(super) fn on_confirm(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let mail = match mail_request(&w.autorenew.mail) {
        Ok(m) => m,
        Err(t) => return form_problem(w, t),
    };
    let generation = start(w, CheckId::Schedule);
    vec![Effect::InstallSchedule {
        mail,
        password: password(w),
        lang: w.lang,
        generation,
    }]
}

pub(super) fn on_installed(w: &mut Wizard, result: Result<RenewalSetUp, Finding>) {
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
pub(super) fn on_test_mail(w: &mut Wizard) -> Vec<Effect> {
    if running(w) || w.autorenew.choice != RenewChoice::SetUp {
        return Vec::new();
    }
    match mail_request(&w.autorenew.mail) {
        Ok(Some(mail)) => {
            let generation = start(w, CheckId::TestMail);
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

pub(super) fn on_test_sent(w: &mut Wizard, result: Result<Text, Finding>) {
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
