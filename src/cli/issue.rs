//! One unattended issuance, shared by `certificate` and `renew`: the
//! responder, the firewall window (through the journal), the staging dry
//! run, production; the order URL saved before validation starts, every
//! attempt recorded, the once-a-day guard obeyed.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use praxis_tls::core::attempts::{Attempt, AttemptOutcome, Decision, RefusedBecause, may_attempt};
use praxis_tls::core::certificate::AcmeEnv;
use praxis_tls::core::domain::DomainName;
use praxis_tls::core::status::{CertRecord, RenewalHint, Window};
use praxis_tls::core::{Lang, TextInput, Wizard};
use praxis_tls::core::{Text, acme_errors::ProblemKind};
use praxis_tls::io::acme::{
    Acme, AcmeError, ChallengeSink, IssueRequest, Issued, Progress, Timeouts, fetch_renewal_info,
};
use praxis_tls::io::responder::{Responder, ResponderConfig};
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::progress::{env_label, on_progress, stamp, summary};
use super::{Cli, exit, firewall_window, say};

/// What to issue, and how.
pub(super) struct Plan {
    pub name: DomainName,
    pub email: Option<String>,
    pub accept_terms: bool,
    /// The dry run alone: no trusted certificate, nothing installed.
    pub staging_only: bool,
    pub cert_dir: PathBuf,
    pub no_firewall: bool,
}

/// Publishes HTTP-01 answers through the responder.
struct Sink<'a>(&'a Responder);

impl ChallengeSink for Sink<'_> {
    fn publish(&self, token: &str, key_authorization: &str) {
        if let Err(e) = self.0.add_token(token, key_authorization) {
            tracing::error!("responder: {e}");
        }
    }

    fn withdraw(&self, token: &str) {
        self.0.remove_token(token);
    }
}

pub(super) fn lock(state: &Mutex<Wizard>) -> MutexGuard<'_, Wizard> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

/// The once-a-day guard for unattended production attempts.
fn guard(w: &Wizard, name: &DomainName, now: OffsetDateTime) -> Result<(), Text> {
    let h = &w.certificate.attempts;
    match may_attempt(h, &name.ascii, &name.registered, true, now, false) {
        Decision::Refused { until, because, .. } => {
            let reason = match because {
                RefusedBecause::OncePerDay => "cli-refused-once-per-day",
                RefusedBecause::FailedAuthorizations => "cli-refused-failed-authz",
                RefusedBecause::DuplicateCertificates => "cli-refused-duplicates",
                RefusedBecause::CertificatesPerDomain => "cli-refused-per-domain",
            };
            Err(Text::new(reason)
                .arg("domain", name.ascii.clone())
                .arg("until", stamp(until)))
        }
        _ => Ok(()),
    }
}

/// The exit code an ACME failure ends in.
fn code_of(e: &AcmeError) -> u8 {
    match e {
        AcmeError::Email { .. } | AcmeError::TermsNotAccepted | AcmeError::TrustAnchor { .. } => {
            exit::USAGE
        }
        AcmeError::Timeout {
            stage: "validation",
        } => exit::VALIDATION,
        AcmeError::Problem { problem, .. } => {
            match problem.kind.as_deref().map(ProblemKind::parse) {
                Some(ProblemKind::RateLimited) => exit::REFUSED,
                Some(
                    ProblemKind::Caa
                    | ProblemKind::Compound
                    | ProblemKind::Connection
                    | ProblemKind::Dns
                    | ProblemKind::IncorrectResponse
                    | ProblemKind::Tls
                    | ProblemKind::Unauthorized,
                ) => exit::VALIDATION,
                _ => exit::FAILED,
            }
        }
        _ => exit::FAILED,
    }
}

fn explain(lang: Lang, env: AcmeEnv, e: &AcmeError) {
    tracing::error!("issuance ({env:?}): {e}");
    say(
        lang,
        &Text::new("cli-cert-failed").arg("env", env_label(lang, env)),
    );
    let f = e.to_finding();
    say(lang, &f.summary);
    if let Some(fix) = &f.fix {
        say(lang, fix);
    }
    if let Some(d) = &f.detail {
        eprintln!("  {d}");
    }
}

/// Runs the plan. Returns the exit code and, after production, the record
/// now stored as installed.
pub(super) fn run(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    mut wizard: Wizard,
    plan: &Plan,
) -> (u8, Option<CertRecord>) {
    let now = OffsetDateTime::now_utc();
    let name = plan.name.ascii.clone();
    wizard.certificate.attempts.prune(now);
    let envs: Vec<AcmeEnv> = if plan.staging_only {
        vec![AcmeEnv::Staging]
    } else if wizard.certificate.dry_run_for.as_deref() == Some(name.as_str()) {
        say(
            lang,
            &Text::new("cli-cert-dry-run-done").arg("domain", name.clone()),
        );
        vec![AcmeEnv::Production]
    } else {
        vec![AcmeEnv::Staging, AcmeEnv::Production]
    };
    if !plan.staging_only
        && let Err(t) = guard(&wizard, &plan.name, now)
    {
        say(lang, &t);
        return (exit::REFUSED, None);
    }
    if let Some(e) = &plan.email {
        wizard.certificate.email = TextInput::new(e.trim());
    }

    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return (exit::FAILED, None);
        }
    };
    let mut rcfg = ResponderConfig {
        port: cli.responder_port,
        ..ResponderConfig::default()
    };
    match cli.responder_bind {
        Some(std::net::IpAddr::V4(a)) => (rcfg.v4, rcfg.v6) = (Some(a), None),
        Some(std::net::IpAddr::V6(a)) => (rcfg.v4, rcfg.v6) = (None, Some(a)),
        None => {}
    }
    let responder = match rt.block_on(Responder::start(rcfg)) {
        Ok(r) => r,
        Err(e) => {
            say(lang, &e.text());
            return (exit::FAILED, None);
        }
    };
    let window = if plan.no_firewall {
        None
    } else {
        match firewall_window::open(cli, lang, &rt) {
            Ok(w) => w,
            Err(code) => {
                rt.block_on(responder.stop());
                return (code, None);
            }
        }
    };

    let state = Mutex::new(wizard);
    let sink = Sink(&responder);
    let mut code = exit::OK;
    let mut last: Option<(AcmeEnv, Issued)> = None;
    for env in envs {
        let result = rt.block_on(one(cli, lang, store, &state, plan, env, &sink));
        match result {
            Ok(issued) => last = Some((env, issued)),
            Err(e) => {
                explain(lang, env, &e);
                code = code_of(&e);
                break;
            }
        }
    }
    if let Some(w) = window {
        let keep = praxis_tls::core::network::keeps_firewall_table(&lock(&state));
        firewall_window::close(lang, w, keep);
    }
    rt.block_on(responder.stop());

    let record = lock(&state).certificate.installed.clone();
    match last {
        Some((env, issued)) if code == exit::OK => {
            summary(env, &issued);
            let production = env == AcmeEnv::Production;
            (code, record.filter(|_| production))
        }
        _ => (code, None),
    }
}

/// One environment: account, order, validation, certificate; the result
/// written into the state whatever it is.
async fn one(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    state: &Mutex<Wizard>,
    plan: &Plan,
    env: AcmeEnv,
    sink: &Sink<'_>,
) -> Result<Issued, AcmeError> {
    let choice = cli.directory(env);
    let (email, terms, resume) = {
        let w = lock(state);
        let c = &w.certificate;
        let resume = match env {
            AcmeEnv::Staging => c.staging_order.clone(),
            AcmeEnv::Production => c.production_order.clone(),
        };
        (
            c.email.value.clone(),
            plan.accept_terms || c.terms_accepted,
            resume,
        )
    };
    let progress = |p: Progress| on_progress(cli, lang, store, state, env, p);
    let acme = Acme::open(&choice, &cli.state_dir, &email, terms, &progress).await?;
    if acme.created {
        let mut w = lock(state);
        w.certificate.terms_accepted = true;
        w.certificate.terms_url = acme.directory.terms_of_service().map(str::to_string);
    }
    let today = OffsetDateTime::now_utc().date();
    let cert_dir = praxis_tls::core::certificate::cert_dir_for(&plan.cert_dir, env);
    let req = IssueRequest {
        name: plan.name.ascii.clone(),
        cert_dir,
        resume_order: resume,
        today,
        timeouts: Timeouts::default(),
        order_saved: None,
    };
    let result = acme.issue(&req, sink, &progress).await;
    let ari_window = match (&result, env) {
        (Ok(issued), AcmeEnv::Production) => match &issued.info.ari_id {
            Some(id) => match fetch_renewal_info(&acme, id).await {
                Ok(info) => info.map(|i| Window {
                    start: i.suggested_window.start,
                    end: i.suggested_window.end,
                }),
                Err(e) => {
                    tracing::warn!("renewal info: {e}");
                    None
                }
            },
            None => None,
        },
        _ => None,
    };

    let mut w = lock(state);
    let c = &mut w.certificate;
    c.attempts.record(Attempt {
        at: OffsetDateTime::now_utc(),
        name: plan.name.ascii.clone(),
        registered: plan.name.registered.clone(),
        production: env == AcmeEnv::Production,
        outcome: if result.is_ok() {
            AttemptOutcome::Issued
        } else {
            AttemptOutcome::Failed
        },
    });
    match &result {
        Ok(issued) => {
            c.last_error = None;
            match env {
                AcmeEnv::Staging => {
                    c.staging_order = None;
                    c.dry_run_for = Some(plan.name.ascii.clone());
                }
                AcmeEnv::Production => {
                    c.production_order = None;
                    c.installed = Some(CertRecord {
                        domain: plan.name.ascii.clone(),
                        path_crt: issued.paths.crt.clone(),
                        path_key: issued.paths.key.clone(),
                        not_before: issued.info.not_before,
                        not_after: issued.info.not_after,
                        issuer: issued.info.issuer.clone(),
                        fingerprint_sha256: issued.info.fingerprint_sha256.clone(),
                        renewal: RenewalHint {
                            ari_window,
                            warn_days: None,
                        },
                    });
                }
            }
        }
        Err(e) => c.last_error = Some(e.to_finding()),
    }
    w.updated_at = OffsetDateTime::now_utc();
    if let Err(e) = store.save(&w) {
        tracing::error!("saving the result: {e}");
        say(lang, &e.text());
    }
    drop(w);
    if let Ok(issued) = &result {
        say(
            lang,
            &Text::new("cli-cert-issued")
                .arg("env", env_label(lang, env))
                .arg("path", issued.paths.crt.display().to_string()),
        );
    }
    result
}
