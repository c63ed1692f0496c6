//! `praxis-tls renew`: the daily run. Renews the installed certificate
//! when `core::library::renew::decide` says it is due, through the same issuance as
//! `certificate` and the same go-live as `certificate --install` (both the
//! wizard's core on its driver, see `issue` and `golive`); otherwise says
//! when to look again. Idempotent. Failures, back-offs and (with the
//! forward switched off between renewals) the reminder go out by mail,
//! and what went out is recorded in the one attempt history.

use std::path::Path;

use praxis_tls::core::library::attempts::{self, NoticeKind};
use praxis_tls::core::library::renew::{self, ForwardPolicy, RenewDecision, RenewPolicy, due_at};
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::model::network::Port80Policy;
use praxis_tls::core::{Lang, Msg, Text, Wizard, library::domain};
use praxis_tls::io::lock::Lock;
use praxis_tls::io::mail::Notice;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::args::RenewArgs;
use super::golive::{self, Live};
use super::issue::{self, Plan};
use super::progress::stamp;
use super::{Cli, certificate, exit, mail, say};

/// With the forward off between renewals: how many days before the
/// renewal the reminder goes out.
pub(super) const REMIND_DAYS_BEFORE: u32 = 7;

/// The attempt history in the form the renewal decision reads.
pub(super) fn history(w: &Wizard) -> Vec<renew::Attempt> {
    w.certificate.attempts.renewal_view()
}

/// A mail went out: recorded in the one history through the core.
pub(super) fn record_notice(store: &Store, lang: Lang, domain: &str, kind: NoticeKind) {
    let notice = attempts::Notice {
        domain: domain.to_string(),
        at: OffsetDateTime::now_utc(),
        kind,
    };
    super::model::apply(store, lang, Msg::Noticed(notice));
}

/// Whether `renew` mailed a failure within `within` of now. Read without
/// the lock or a write (the failure unit runs beside anything).
pub(super) fn failure_mailed_since(state_dir: &Path, within: time::Duration) -> bool {
    let since = OffsetDateTime::now_utc() - within;
    let Ok(Some(mut w)) = super::read_state(state_dir) else {
        return false;
    };
    praxis_tls::io::store::legacy::fold_in(state_dir, &mut w);
    w.certificate
        .attempts
        .noticed_since(NoticeKind::FailureMailed, since)
}

pub(super) fn policy(w: &Wizard) -> RenewPolicy {
    let forward = match w.network.policy {
        Port80Policy::Permanent => ForwardPolicy::Permanent,
        Port80Policy::OnDemand => ForwardPolicy::OffBetweenRenewals {
            days_before: REMIND_DAYS_BEFORE,
        },
    };
    RenewPolicy {
        forward,
        ..RenewPolicy::default()
    }
}

fn decide(w: &Wizard, now: OffsetDateTime) -> RenewDecision {
    let records: Vec<CertRecord> = w.certificate.installed.iter().cloned().collect();
    renew::decide(&records, &history(w), &policy(w), now)
}

/// When the next attempt will be, as the state now says.
fn next_try(store: &Store) -> String {
    let now = OffsetDateTime::now_utc();
    match store.load() {
        Ok(Some(w)) => match decide(&w, now) {
            RenewDecision::Backoff { until, .. } => stamp(until),
            RenewDecision::NotDue { next_check } => stamp(next_check),
            _ => stamp(now + time::Duration::DAY),
        },
        _ => stamp(now + time::Duration::DAY),
    }
}

/// Why the last issuance failed, as the state recorded it.
fn last_error(store: &Store) -> Option<Text> {
    store
        .load()
        .ok()
        .flatten()
        .and_then(|w| w.certificate.last_error)
        .map(|f| f.summary)
}

fn failure_mail(cli: &Cli, lang: Lang, store: &Store, old: &CertRecord, reason: Text) {
    tracing::error!(domain = %old.domain, reason = %reason.id, "renewal failed");
    let notice = Notice::RenewFailed {
        domain: old.domain.clone(),
        days_left: old.days_left(OffsetDateTime::now_utc()),
        reason,
        next_try: next_try(store),
    };
    if mail::notify(cli, lang, &notice) {
        record_notice(store, lang, &old.domain, NoticeKind::FailureMailed);
    }
}

/// The appointment service's certificate first, then the gateway's from
/// the systems step; the exit code is the worse of the two.
pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, lock: &Lock, a: &RenewArgs) -> u8 {
    if let Some(command) = &a.deploy_hook {
        match praxis_tls::io::deploy_hook::store(&cli.state_dir, lang, command) {
            Ok(changed) => {
                let id = match (changed, command.trim().is_empty()) {
                    (true, false) => "cli-hook-stored",
                    (true, true) => "cli-hook-removed",
                    (false, _) => "cli-hook-unchanged",
                };
                say(lang, &Text::new(id).arg("command", command.trim()));
            }
            Err(t) => {
                say(lang, &t);
                return exit::USAGE;
            }
        }
    }
    super::renew_repair::run(cli, lang);
    let termine = run_termine(cli, lang, store, lock, a);
    if a.dry_run {
        return termine;
    }
    let gateway = super::renew_gateway::run(cli, lang, store, a);
    let orthanc = super::renew_orthanc::run(cli, lang, store, a);
    [termine, gateway, orthanc]
        .into_iter()
        .find(|c| *c != exit::OK)
        .unwrap_or(exit::OK)
}

fn run_termine(cli: &Cli, lang: Lang, store: &Store, _lock: &Lock, a: &RenewArgs) -> u8 {
    let wizard = match certificate::load(store, lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let now = OffsetDateTime::now_utc();
    let mut decision = decide(&wizard, now);
    if a.force || a.dry_run {
        let records: Vec<CertRecord> = wizard.certificate.installed.iter().cloned().collect();
        decision = renew::force(decision, &records);
    }
    tracing::info!(
        ?decision,
        force = a.force,
        dry_run = a.dry_run,
        "renew: decision"
    );
    say(lang, &decision.text());
    let record_of = |d: &str| {
        wizard
            .certificate
            .installed
            .iter()
            .find(|r| r.domain == d)
            .cloned()
    };
    let due_domain = match &decision {
        RenewDecision::Due { domain, .. } => domain.clone(),
        RenewDecision::Backoff { .. } | RenewDecision::RemindFirst { .. } if a.dry_run => {
            return exit::OK;
        }
        RenewDecision::Backoff { domain, .. } => {
            if let Some(old) = record_of(domain) {
                let reason = last_error(store).unwrap_or_else(|| {
                    Text::new("cli-renew-backoff-reason").arg("domain", domain.clone())
                });
                failure_mail(cli, lang, store, &old, reason);
            }
            return exit::REFUSED;
        }
        RenewDecision::RemindFirst { domain, .. } => {
            let Some(old) = record_of(domain) else {
                return exit::OK;
            };
            let notice = Notice::Reminder {
                domain: domain.clone(),
                renew_at: stamp(due_at(&old).0),
            };
            let sent = mail::notify(cli, lang, &notice);
            // Recorded also when it could not go out: the renewal must not
            // wait for a mail server.
            record_notice(store, lang, domain, NoticeKind::Reminder);
            return if sent { exit::OK } else { exit::FAILED };
        }
        RenewDecision::NothingInstalled | RenewDecision::NotDue { .. } => return exit::OK,
    };
    let Some(old) = record_of(&due_domain) else {
        return exit::FAILED;
    };
    let name = match domain::parse(&old.domain) {
        Ok(n) => n,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    // New files go next to the ones in use.
    let cert_dir = old
        .path_crt
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cli.state_dir.join("certs"));
    let plan = Plan {
        name,
        email: None,
        accept_terms: false,
        staging_only: a.dry_run,
        cert_dir,
        no_firewall: a.no_firewall,
    };
    let (code, record) = issue::run(cli, lang, store, wizard, &plan);
    if a.dry_run {
        // The staging certificate proves the way works; it is never installed.
        let id = if code == exit::OK {
            "cli-renew-dry-run-ok"
        } else {
            "cli-renew-dry-run-failed"
        };
        tracing::info!(code, "renew: dry run");
        say(lang, &Text::new(id).arg("domain", old.domain.clone()));
        return code;
    }
    let Some(record) = record else {
        let reason = last_error(store)
            .unwrap_or_else(|| Text::new("cli-renew-failed-code").num("code", code));
        failure_mail(cli, lang, store, &old, reason);
        return code;
    };
    match golive::run(cli, lang, store, &record, Some(&old), &a.final_check) {
        Ok(Live::NoInstallation) => say(
            lang,
            &Text::new("cli-renew-install-pending")
                .arg("path", record.path_crt.display().to_string()),
        ),
        Ok(Live::Checked | Live::NotCheckable) => {}
        Ok(Live::Exposed(reason)) => {
            // The new certificate is live; what is exposed is a separate
            // danger that no renewal fixes, so the run fails loudly.
            tracing::error!(domain = %record.domain, "exposed: {}", reason.id);
            failure_mail(cli, lang, store, &record, reason);
            return exit::FAILED;
        }
        Err(reason) => {
            say(
                lang,
                &Text::new("cli-renew-golive-failed").arg("domain", record.domain.clone()),
            );
            failure_mail(cli, lang, store, &old, reason);
            return exit::FAILED;
        }
    }
    tracing::info!(domain = %record.domain, until = %stamp(record.not_after), "renewed");
    say(
        lang,
        &Text::new("cli-renew-done")
            .arg("domain", record.domain.clone())
            .arg("until", stamp(record.not_after)),
    );
    match praxis_tls::io::deploy_hook::load(&cli.state_dir) {
        Ok(Some(command)) => {
            if let Err(reason) = praxis_tls::io::deploy_hook::run(&command, &record) {
                say(lang, &reason);
                failure_mail(cli, lang, store, &record, reason);
                return exit::FAILED;
            }
            say(lang, &Text::new("cli-hook-ran").arg("command", command));
        }
        Ok(None) => {}
        Err(t) => {
            say(lang, &t);
            return exit::FAILED;
        }
    }
    code
}
