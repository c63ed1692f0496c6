//! Mails to the practice: a renewal that failed, and the reminder to
//! switch the router's forward on before a renewal. Sent over SMTP
//! (STARTTLS, implicit TLS or plain) with optional AUTH PLAIN/LOGIN.
//!
//! The password lives in its own 0600 file in the state directory:
//! never in the settings, the resume file or a log.

mod compose;
mod password;
mod settings;

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use crate::core::{Lang, Text};

pub use compose::{Composed, Notice, compose};
pub use password::{PASSWORD_FILE, Password, load_password, save_password};
pub use settings::{SETTINGS_FILE, load_settings, save_settings, settings_path};

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (usually port 587); the
    /// upgrade is required, never skipped.
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only for a relay inside the practice network.
    Plain,
}

impl Security {
    pub fn default_port(self) -> u16 {
        match self {
            Security::StartTls => 587,
            Security::Tls => 465,
            Security::Plain => 25,
        }
    }
}

/// Where and how to send. Goes into the resume file; the password does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Log in with this user name (and the stored password); `None` sends
    /// without AUTH.
    #[serde(default)]
    pub user: Option<String>,
    pub from: String,
    pub to: Vec<String>,
    /// Language of the mails.
    #[serde(default)]
    pub lang: Lang,
}

/// Longer than a slow provider needs, short enough that the daily run
/// does not hang.
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("not a mail address: {address}")]
    BadAddress { address: String },
    #[error("no recipient configured")]
    NoRecipient,
    #[error("a user is configured but no password is stored")]
    NoPassword,
    #[error("refusing to send the password unencrypted to {host}")]
    PlainAuth { host: String },
    #[error("password file {path}: {detail}")]
    PasswordFile { path: String, detail: String },
    #[error("cannot build the mail: {0}")]
    Build(String),
    #[error("cannot reach {host}:{port}: {detail}")]
    Connect {
        host: String,
        port: u16,
        detail: String,
    },
    #[error("TLS with {host} failed: {detail}")]
    Tls { host: String, detail: String },
    #[error("{host} refused the login: {detail}")]
    Auth { host: String, detail: String },
    #[error("{host} refused the mail: {detail}")]
    Rejected { host: String, detail: String },
}

impl MailError {
    pub fn text(&self) -> Text {
        match self {
            MailError::BadAddress { address } => {
                Text::new("mail-error-address").arg("address", address.clone())
            }
            MailError::NoRecipient => Text::new("mail-error-no-recipient"),
            MailError::NoPassword => Text::new("mail-error-no-password"),
            MailError::PlainAuth { host } => {
                Text::new("mail-error-plain-auth").arg("host", host.clone())
            }
            MailError::PasswordFile { path, .. } => {
                Text::new("mail-error-password-file").arg("path", path.clone())
            }
            MailError::Build(_) => Text::new("mail-error-build"),
            MailError::Connect { host, port, .. } => Text::new("mail-error-connect")
                .arg("host", host.clone())
                .num("port", port),
            MailError::Tls { host, .. } => Text::new("mail-error-tls").arg("host", host.clone()),
            MailError::Auth { host, .. } => Text::new("mail-error-auth").arg("host", host.clone()),
            MailError::Rejected { host, detail } => Text::new("mail-error-rejected")
                .arg("host", host.clone())
                .arg("detail", detail.clone()),
        }
    }
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address.parse().map_err(|_| MailError::BadAddress {
        address: address.to_string(),
    })
}

/// Builds the message; separate from sending so it can be checked alone.
pub fn message(settings: &MailSettings, mail: &Composed) -> Result<Message, MailError> {
    if settings.to.is_empty() {
        return Err(MailError::NoRecipient);
    }
    let mut b = Message::builder()
        .from(mailbox(&settings.from)?)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN);
    for to in &settings.to {
        b = b.to(mailbox(to)?);
    }
    b.body(mail.body.clone())
        .map_err(|e| MailError::Build(e.to_string()))
}

/// Sends one mail. `password` is needed when `settings.user` is set.
pub async fn send(
    settings: &MailSettings,
    password: Option<&Password>,
    mail: &Composed,
) -> Result<(), MailError> {
    let msg = message(settings, mail)?;
    let host = settings.host.clone();
    let tls_err = |e: lettre::transport::smtp::Error| MailError::Tls {
        host: host.clone(),
        detail: e.to_string(),
    };
    let builder = match settings.security {
        Security::Plain => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&host),
        Security::StartTls => {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&host).map_err(tls_err)?
        }
        Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&host).map_err(tls_err)?,
    };
    let mut builder = builder
        .port(settings.port)
        .timeout(Some(TIMEOUT))
        .hello_name(ClientId::Domain(hello_name()));
    if let Some(user) = &settings.user {
        let pw = password.ok_or(MailError::NoPassword)?;
        // Over a plain connection the password crosses the network in
        // clear text; only the machine itself is an exception.
        if settings.security == Security::Plain && !is_loopback(&host) {
            return Err(MailError::PlainAuth { host });
        }
        builder = builder
            .credentials(Credentials::new(user.clone(), pw.expose().to_string()))
            .authentication(vec![Mechanism::Plain, Mechanism::Login]);
    }
    let transport = builder.build();
    transport
        .send(msg)
        .await
        .map(|_| ())
        .map_err(|e| classify(settings, &e))
}

/// Sorts lettre's error into what the person can act on. The detail
/// never holds the password: lettre does not echo credentials.
fn classify(settings: &MailSettings, e: &lettre::transport::smtp::Error) -> MailError {
    let host = settings.host.clone();
    let detail = e.to_string();
    let code = e.status().map(u16::from);
    if e.is_tls() {
        MailError::Tls { host, detail }
    } else if matches!(code, Some(530 | 534 | 535 | 538)) {
        MailError::Auth { host, detail }
    } else if e.is_response() || e.is_permanent() || e.is_transient() {
        MailError::Rejected { host, detail }
    } else if detail.contains("authentication mechanism") {
        // The server offers no AUTH we may use (e.g. none before STARTTLS).
        MailError::Auth { host, detail }
    } else {
        MailError::Connect {
            host,
            port: settings.port,
            detail,
        }
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The name we greet the server with: the host's name when it is a usable
/// domain, else a neutral one (some servers reject a bare "localhost").
fn hello_name() -> String {
    nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.".contains(c))
        })
        .unwrap_or_else(|| "praxis-tls.invalid".to_string())
}
