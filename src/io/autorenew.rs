//! The renewal step's effects: look at what renews the certificate now,
//! set the renewal run up (with the mail settings), send a test mail.

// Findings are what the screen shows; they travel by value like the
// other steps' results.
#![allow(clippy::result_large_err)]

use super::exec::IoConfig;
use super::journal::Journal;
use super::mail::{self, MailSettings, Notice, Password, Security};
use super::schedule;
use crate::core::library::schedule::{judge, plan};
use crate::core::steps::autorenew::{MailRequest, RenewalSetUp, ScheduleView};
use crate::core::{Finding, Lang, Text};

fn settings(m: &MailRequest, lang: Lang) -> MailSettings {
    MailSettings {
        host: m.host.clone(),
        port: m.port,
        security: if m.implicit_tls {
            Security::Tls
        } else {
            Security::StartTls
        },
        user: m.user.clone(),
        from: m.from.clone(),
        to: m.to.clone(),
        lang,
    }
}

fn request(s: &MailSettings) -> MailRequest {
    MailRequest {
        host: s.host.clone(),
        port: s.port,
        implicit_tls: s.security == Security::Tls,
        user: s.user.clone(),
        from: s.from.clone(),
        to: s.to.clone(),
    }
}

fn state_dir(cfg: &IoConfig) -> std::path::PathBuf {
    std::path::absolute(&cfg.state_dir).unwrap_or_else(|_| cfg.state_dir.clone())
}

pub fn inspect(cfg: &IoConfig) -> ScheduleView {
    let facts = schedule::inspect(&cfg.system_root, &cfg.running_binary);
    let state = state_dir(cfg);
    let stored = mail::load_settings(&cfg.state_dir).ok().flatten();
    ScheduleView {
        verdict: judge(&facts, &state),
        plan: plan(&facts, &state),
        stored_mail: stored.as_ref().map(request),
        password_stored: matches!(mail::load_password(&cfg.state_dir), Ok(Some(_))),
    }
}

/// The password typed now, else the stored one.
fn password(cfg: &IoConfig, typed: Option<String>) -> Result<Option<Password>, Text> {
    match typed {
        Some(p) => Ok(Some(Password::new(p))),
        None => mail::load_password(&cfg.state_dir).map_err(|e| e.text()),
    }
}

fn store_mail(
    cfg: &IoConfig,
    m: &MailRequest,
    typed: Option<String>,
    lang: Lang,
) -> Result<(), Text> {
    let s = settings(m, lang);
    // The addresses are checked before anything is stored.
    mail::message(&s, &mail::compose(&Notice::Test, lang)).map_err(|e| e.text())?;
    if let Some(p) = typed {
        mail::save_password(&cfg.state_dir, &Password::new(p)).map_err(|e| e.text())?;
    }
    if s.user.is_some() && password(cfg, None)?.is_none() {
        return Err(Text::new("mail-error-no-password"));
    }
    mail::save_settings(&cfg.state_dir, &s)
}

pub fn install(
    cfg: &IoConfig,
    journal: &mut Journal,
    mail: Option<MailRequest>,
    typed: Option<String>,
    lang: Lang,
) -> Result<RenewalSetUp, Finding> {
    if let Some(m) = &mail {
        store_mail(cfg, m, typed, lang).map_err(Finding::new)?;
    }
    let facts = schedule::inspect(&cfg.system_root, &cfg.running_binary);
    let state = state_dir(cfg);
    let p = plan(&facts, &state).map_err(Finding::new)?;
    let done = schedule::install(journal, &cfg.system_root, &p, &state, lang).map_err(|e| {
        tracing::error!("schedule: {e}");
        Finding::new(e.text())
            .fix(Text::new("autorenew-failed-fix"))
            .detail(e.to_string())
    })?;
    tracing::info!(files = ?done.files, binary = %p.binary.display(), "renewal set up");
    Ok(RenewalSetUp {
        binary: p.binary.display().to_string(),
        mail: mail.is_some() || mail::load_settings(&cfg.state_dir).ok().flatten().is_some(),
    })
}

pub async fn test_mail(
    cfg: &IoConfig,
    m: &MailRequest,
    typed: Option<String>,
    lang: Lang,
) -> Result<Text, Finding> {
    let s = settings(m, lang);
    let pw = password(cfg, typed).map_err(Finding::new)?;
    let composed = mail::compose(&Notice::Test, lang);
    match mail::send(&s, pw.as_ref(), &composed).await {
        Ok(()) => {
            tracing::info!(to = ?s.to, "test mail sent");
            Ok(Text::new("autorenew-test-sent").arg("to", s.to.join(", ")))
        }
        Err(e) => {
            tracing::warn!("test mail: {e}");
            Err(Finding::new(e.text())
                .fix(Text::new("autorenew-test-failed-fix"))
                .detail(e.to_string()))
        }
    }
}
