//! `praxis-tls mail`: stores where the failure and reminder mails go
//! (`mail.toml` in the state directory, without the password; the
//! password in its own 0600 file) and sends a test mail on request. And
//! the sending itself, for `renew`.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::mail::{
    self, MailSettings, Notice, Password, Security, load_password, save_password,
};

use super::{Cli, exit, say};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SecurityArg {
    Starttls,
    Tls,
    Plain,
}

impl From<SecurityArg> for Security {
    fn from(s: SecurityArg) -> Security {
        match s {
            SecurityArg::Starttls => Security::StartTls,
            SecurityArg::Tls => Security::Tls,
            SecurityArg::Plain => Security::Plain,
        }
    }
}

#[derive(Args, Debug)]
pub struct MailArgs {
    #[arg(long, value_name = "HOST")]
    pub host: String,
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    #[arg(long, value_enum, value_name = "SECURITY", default_value_t = SecurityArg::Starttls)]
    pub security: SecurityArg,
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    #[arg(long, value_name = "ADDR")]
    pub from: String,
    #[arg(long, value_name = "ADDR", required = true)]
    pub to: Vec<String>,
    #[arg(long)]
    pub password_stdin: bool,
    #[arg(long)]
    pub test: bool,
}

fn path(state_dir: &Path) -> PathBuf {
    mail::settings_path(state_dir)
}

pub(super) fn load(state_dir: &Path) -> Result<Option<MailSettings>, Text> {
    mail::load_settings(state_dir)
}

fn save(state_dir: &Path, settings: &MailSettings) -> Result<(), Text> {
    mail::save_settings(state_dir, settings)
}

/// Sends `notice` with the stored settings. `Ok(false)`: no settings.
pub(super) fn send(cli: &Cli, notice: &Notice) -> Result<bool, Text> {
    let Some(settings) = load(&cli.state_dir)? else {
        return Ok(false);
    };
    let password = load_password(&cli.state_dir).map_err(|e| e.text())?;
    let composed = mail::compose(notice, settings.lang);
    let rt = super::runtime().map_err(|e| {
        Text::new("cli-mail-failed")
            .arg("host", settings.host.clone())
            .arg("detail", e.to_string())
    })?;
    match rt.block_on(mail::send(&settings, password.as_ref(), &composed)) {
        Ok(()) => {
            tracing::info!(to = ?settings.to, subject = %composed.subject, "mail sent");
            Ok(true)
        }
        Err(e) => {
            tracing::error!("mail: {e}");
            Err(e.text())
        }
    }
}

/// Sends `notice` and says what became of it; `false` when it was to go
/// out and did not.
pub(super) fn notify(cli: &Cli, lang: Lang, notice: &Notice) -> bool {
    match send(cli, notice) {
        Ok(true) => {
            say(lang, &Text::new("cli-mail-sent"));
            true
        }
        Ok(false) => {
            say(lang, &Text::new("cli-mail-not-configured"));
            true
        }
        Err(t) => {
            say(lang, &Text::new("cli-mail-not-sent"));
            say(lang, &t);
            false
        }
    }
}

fn read_password() -> Result<Password, Text> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Text::new("cli-mail-password-stdin-failed").arg("detail", e.to_string()))?;
    let pw = line.trim_end_matches(['\r', '\n']);
    if pw.is_empty() {
        return Err(Text::new("cli-mail-password-stdin-failed").arg("detail", "-"));
    }
    Ok(Password::new(pw))
}

pub(super) fn run(cli: &Cli, lang: Lang, a: &MailArgs) -> u8 {
    let security = Security::from(a.security);
    let settings = MailSettings {
        host: a.host.trim().to_string(),
        port: a.port.unwrap_or_else(|| security.default_port()),
        security,
        user: a.user.clone().filter(|u| !u.is_empty()),
        from: a.from.trim().to_string(),
        to: a.to.iter().map(|t| t.trim().to_string()).collect(),
        lang,
    };
    // The addresses are checked before anything is stored.
    let probe = mail::compose(&Notice::Test, lang);
    if let Err(e) = mail::message(&settings, &probe) {
        say(lang, &e.text());
        return exit::USAGE;
    }
    if a.password_stdin {
        let stored =
            read_password().and_then(|pw| save_password(&cli.state_dir, &pw).map_err(|e| e.text()));
        if let Err(t) = stored {
            say(lang, &t);
            return exit::FAILED;
        }
    }
    if let Err(t) = save(&cli.state_dir, &settings) {
        say(lang, &t);
        return exit::FAILED;
    }
    say(
        lang,
        &Text::new("cli-mail-saved").arg("path", path(&cli.state_dir).display().to_string()),
    );
    if settings.user.is_some() && matches!(load_password(&cli.state_dir), Ok(None)) {
        say(lang, &Text::new("cli-mail-no-password"));
    }
    if !a.test {
        return exit::OK;
    }
    match send(cli, &Notice::Test) {
        Ok(_) => {
            say(
                lang,
                &Text::new("cli-mail-test-sent").arg("to", settings.to.join(", ")),
            );
            exit::OK
        }
        Err(t) => {
            say(lang, &Text::new("cli-mail-not-sent"));
            say(lang, &t);
            exit::FAILED
        }
    }
}
