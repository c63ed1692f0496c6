//! `praxis-tls renew`: the daily run. Renews the installed certificate
//! when `core::renew::decide` says it is due, through the same issuance as
//! `certificate`; otherwise says when to look again. Idempotent.

use praxis_tls::core::attempts::AttemptOutcome;
use praxis_tls::core::renew::{self, AttemptKind, RenewDecision, RenewPolicy};
use praxis_tls::core::status::CertRecord;
use praxis_tls::core::{Lang, Text, Wizard, domain};
use praxis_tls::io::lock::Lock;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::args::RenewArgs;
use super::issue::{self, Plan};
use super::{Cli, certificate, exit, say};

/// The attempt history in the form the renewal decision reads.
fn history(w: &Wizard) -> Vec<renew::Attempt> {
    w.certificate
        .attempts
        .attempts
        .iter()
        .map(|a| {
            let ok = a.outcome == AttemptOutcome::Issued;
            renew::Attempt {
                domain: a.name.clone(),
                at: a.at,
                kind: if a.production {
                    AttemptKind::Production {
                        ok,
                        retry_after: None,
                    }
                } else {
                    AttemptKind::Staging { ok }
                },
            }
        })
        .collect()
}

pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, _lock: &Lock, a: &RenewArgs) -> u8 {
    let wizard = match certificate::load(store, lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let now = OffsetDateTime::now_utc();
    let records: Vec<CertRecord> = wizard.certificate.installed.iter().cloned().collect();
    let decision = renew::decide(&records, &history(&wizard), &RenewPolicy::default(), now);
    say(lang, &decision.text());
    let due_domain = match &decision {
        RenewDecision::Due { domain, .. } => domain.clone(),
        RenewDecision::Backoff { .. } => return exit::REFUSED,
        RenewDecision::NothingInstalled
        | RenewDecision::NotDue { .. }
        | RenewDecision::RemindFirst { .. } => return exit::OK,
    };
    let Some(old) = records.iter().find(|r| r.domain == due_domain) else {
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
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| cli.state_dir.join("certs"));
    let plan = Plan {
        name,
        email: None,
        accept_terms: false,
        staging_only: false,
        cert_dir,
        no_firewall: a.no_firewall,
    };
    let (code, record) = issue::run(cli, lang, store, wizard, &plan);
    let Some(record) = record else {
        return code;
    };
    // go-live: install the new files and restart
    if let Err(t) = go_live(&record) {
        say(lang, &t);
        return exit::FAILED;
    }
    say(
        lang,
        &Text::new("cli-renew-install-pending").arg("path", record.path_crt.display().to_string()),
    );
    say(
        lang,
        &Text::new("cli-renew-done")
            .arg("domain", record.domain.clone())
            .arg("until", super::progress::stamp(record.not_after)),
    );
    code
}

/// Installs the renewed files into the proxy and restarts it. `io::golive`
/// is being built separately; until it lands this does nothing and the
/// new files wait in the certificate directory (the state records them).
fn go_live(record: &CertRecord) -> Result<(), Text> {
    tracing::info!(
        crt = %record.path_crt.display(),
        "go-live not available yet: the renewed certificate is not installed into the proxy"
    );
    Ok(())
}
