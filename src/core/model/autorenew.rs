//! The renewal step's state: the choice, the mail form, what the system
//! showed and what was set up.

use serde::{Deserialize, Serialize};

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
