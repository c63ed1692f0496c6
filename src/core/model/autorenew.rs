//! The renewal step's state: the choice, the mail form, what the system
//! showed and what was set up.

use serde::{Deserialize, Serialize};

use crate::core::library::form_values::{email_ok, host_ok, split_list};
use crate::core::library::schedule::{SchedulePlan, Verdict};
use crate::core::model::check::Text;
use crate::core::model::input::TextInput;

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

pub const SMTP_PORT: u16 = 587;
const SMTPS_PORT: u16 = 465;

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
    if !host_ok(host) {
        return Err(Text::new("autorenew-mail-host-invalid").arg("host", host_in));
    }
    let from = form.from.value.trim().to_string();
    if !email_ok(&from) {
        return Err(Text::new("autorenew-mail-address-invalid").arg("address", from));
    }
    let to = split_list(&form.to.value);
    if to.is_empty() {
        return Err(Text::new("autorenew-mail-to-missing"));
    }
    if let Some(bad) = to.iter().find(|a| !email_ok(a)) {
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
