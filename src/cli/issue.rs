//! One unattended issuance, shared by `certificate` and `renew`, on the
//! wizard's driver: the command hands the core a plan
//! (`Msg::Unattended`), and from there the wizard's own certificate step
//! decides, the executor does (the firewall window included) and the
//! driver saves and closes, exactly as in the wizard and `replay`. The
//! command only detects which window it needs (`firewall_window`) and
//! reads what comes back, to tell it on the terminal.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use praxis_tls::core::library::attempts::RefusedBecause;
use praxis_tls::core::library::domain::DomainName;
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::machine::unattended::{first_env, refusal};
use praxis_tls::core::model::certificate::{AcmeEnv, AcmeStage, FailureKind};
use praxis_tls::core::model::unattended::Unattended;
use praxis_tls::core::{Effect, Finding, Lang, Msg, Text, Wizard};
use praxis_tls::i18n;
use praxis_tls::io::exec::Executor;
use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::driver::{Driver, Io};
use super::progress::{env_label, stamp, summary};
use super::{Cli, exit, firewall_window, say};

/// How long one result may take (as in `replay`).
const RESULT_TIMEOUT: Duration = Duration::from_secs(300);

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

impl Plan {
    fn unattended(&self) -> Unattended {
        Unattended {
            email: self.email.clone(),
            accept_terms: self.accept_terms,
            ..Unattended::new(self.name.clone(), self.staging_only)
        }
    }
}

/// The executor, as the commands use it: a test may hold the run right
/// after the production order is on disk (`--pause-after-order-ms`), to
/// kill it there.
#[derive(Clone)]
pub(super) struct Headless {
    exec: Executor,
    pause: Option<(Duration, Option<String>)>,
    paused: Arc<AtomicBool>,
}

impl Headless {
    pub(super) fn new(exec: Executor) -> Headless {
        Headless {
            exec,
            pause: None,
            paused: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Io for Headless {
    fn run(&self, effect: Effect) {
        self.exec.run(effect);
    }

    fn saved(&self, w: &Wizard) {
        // The executor hears of the saved order only after the pause, so
        // the validation waits for it.
        if let Some((pause, before)) = &self.pause
            && w.certificate.production_order.is_some()
            && w.certificate.production_order != *before
            && !self.paused.swap(true, Ordering::SeqCst)
        {
            std::thread::sleep(*pause);
        }
        self.exec.saved(w);
    }

    fn close_windows_now(&self, keep_table: bool) {
        self.exec.close_windows_now(keep_table);
    }
}

/// The exit code an issuance failure ends in.
fn code_of(kind: FailureKind) -> u8 {
    match kind {
        FailureKind::Usage => exit::USAGE,
        FailureKind::Validation => exit::VALIDATION,
        FailureKind::RateLimited => exit::REFUSED,
        FailureKind::Other => exit::FAILED,
    }
}

fn refused_text(name: &DomainName, because: RefusedBecause, until: OffsetDateTime) -> Text {
    let reason = match because {
        RefusedBecause::OncePerDay => "cli-refused-once-per-day",
        RefusedBecause::FailedAuthorizations => "cli-refused-failed-authz",
        RefusedBecause::DuplicateCertificates => "cli-refused-duplicates",
        RefusedBecause::CertificatesPerDomain => "cli-refused-per-domain",
    };
    Text::new(reason)
        .arg("domain", name.ascii.clone())
        .arg("until", stamp(until))
}

fn explain(lang: Lang, env: AcmeEnv, f: &Finding) {
    tracing::error!("issuance ({env:?}): {:?}", f.summary.id);
    say(
        lang,
        &Text::new("cli-cert-failed").arg("env", env_label(lang, env)),
    );
    say(lang, &f.summary);
    if let Some(fix) = &f.fix {
        say(lang, fix);
    }
    if let Some(d) = &f.detail {
        eprintln!("  {d}");
    }
}

/// What the run told, as it came back.
#[derive(Default)]
struct Seen {
    code: Option<u8>,
    /// The last certificate issued, its environment and its order.
    issued: Option<(AcmeEnv, CertRecord)>,
    order: Option<(String, bool)>,
}

impl Seen {
    /// Tells one result on the terminal before the driver applies it.
    fn tell(&mut self, lang: Lang, w: &Wizard, msg: &Msg) {
        let env = w.session.acme_stage.map_or(AcmeEnv::Production, |(e, _)| e);
        let label = || env_label(lang, env);
        match msg {
            Msg::IssueProgress { stage, .. } => {
                let id = match stage {
                    AcmeStage::Account => "acme-stage-account",
                    AcmeStage::Order => "acme-stage-order",
                    AcmeStage::Validation => "acme-stage-validation",
                    AcmeStage::Certificate => "acme-stage-certificate",
                };
                tracing::info!(?env, stage = id, "acme");
                say(
                    lang,
                    &Text::new("cli-cert-stage")
                        .arg("env", label())
                        .arg("stage", i18n::tr(lang, id)),
                );
            }
            Msg::OrderCreated {
                env, url, resumed, ..
            } => {
                tracing::info!(?env, %url, resumed, "acme: order");
                let id = if *resumed {
                    "cli-cert-order-resumed"
                } else {
                    "cli-cert-order"
                };
                say(
                    lang,
                    &Text::new(id)
                        .arg("env", env_label(lang, *env))
                        .arg("url", url.clone()),
                );
                self.order = Some((url.clone(), *resumed));
            }
            Msg::AuthorizationReused { name, .. } => say(
                lang,
                &Text::new("cli-cert-authz-reused")
                    .arg("env", label())
                    .arg("domain", name.clone()),
            ),
            Msg::Issued {
                env: Some(env),
                record,
                ..
            } => {
                say(
                    lang,
                    &Text::new("cli-cert-issued")
                        .arg("env", env_label(lang, *env))
                        .arg("path", record.path_crt.display().to_string()),
                );
                self.issued = Some((*env, record.clone()));
            }
            Msg::IssueFailed {
                env, finding, kind, ..
            } => {
                explain(lang, env.unwrap_or(AcmeEnv::Production), finding);
                self.code = Some(code_of(*kind));
            }
            _ => {}
        }
    }
}

/// Runs the plan. Returns the exit code and, after production, the record
/// now stored as installed.
pub(super) fn run(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    wizard: Wizard,
    plan: &Plan,
) -> (u8, Option<CertRecord>) {
    let now = OffsetDateTime::now_utc();
    let unattended = plan.unattended();
    if !plan.staging_only && first_env(&wizard, &unattended) == AcmeEnv::Production {
        say(
            lang,
            &Text::new("cli-cert-dry-run-done").arg("domain", plan.name.ascii.clone()),
        );
    }
    // Asked before a window opens; the core asks the same again.
    if let Some((because, until)) = refusal(&wizard, &unattended, now) {
        say(lang, &refused_text(&plan.name, because, until));
        return (exit::REFUSED, None);
    }
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return (exit::FAILED, None);
        }
    };
    let mut unattended = unattended;
    if !plan.no_firewall {
        match firewall_window::plan(cli, lang, &rt) {
            Ok(w) => unattended.window = w,
            Err(code) => return (code, None),
        }
    }
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return (exit::USAGE, None);
        }
    };

    let mut cfg = cli.io_config();
    cfg.cert_dir = plan.cert_dir.clone();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let guard = rt.enter();
    let io = Headless {
        exec: Executor::new(cfg, journal, tx),
        pause: cli.pause_after_order_ms.map(|ms| {
            (
                Duration::from_millis(ms),
                wizard.certificate.production_order.clone(),
            )
        }),
        paused: Arc::new(AtomicBool::new(false)),
    };
    let mut seen = Seen::default();
    let w = match Driver::start(wizard, store, io, rx) {
        Ok(d) => {
            let mut d = d.without_answers_file();
            d.handle(Msg::Unattended(unattended));
            let window = d.wizard().network.window_until.is_some();
            if window {
                firewall_window::opened(cli, lang);
            }
            rt.block_on(drive(&mut d, lang, &mut seen));
            // Closes the window the issuance opened, as the wizard's end does.
            let w = d.finish();
            if window {
                firewall_window::report_closed(cli, lang);
            }
            Some(w)
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    };
    drop(guard);
    rt.shutdown_timeout(Duration::from_millis(200));
    let Some(w) = w else {
        return (exit::FAILED, None);
    };
    if let Some(u) = &w.session.unattended
        && let Some((because, until)) = u.refused
    {
        say(lang, &refused_text(&plan.name, because, until));
        return (exit::REFUSED, None);
    }
    if let Some(code) = seen.code {
        return (code, None);
    }
    let Some((env, record)) = seen.issued else {
        return (exit::FAILED, None);
    };
    // The run ends where the plan said it would.
    let wanted = if plan.staging_only {
        AcmeEnv::Staging
    } else {
        AcmeEnv::Production
    };
    if env != wanted {
        return (exit::FAILED, None);
    }
    let (order, resumed) = seen.order.unwrap_or_default();
    summary(env, &record, &order, resumed);
    let installed = w
        .certificate
        .installed
        .filter(|_| env == AcmeEnv::Production);
    (exit::OK, installed)
}

/// The next result of an unattended run, or `None` (said) when none came
/// within `limit`: nothing in the outside world may hold a command forever.
pub(super) async fn next_result(
    d: &mut Driver<Headless>,
    lang: Lang,
    limit: Duration,
) -> Option<Msg> {
    if let Ok(Some(msg)) = tokio::time::timeout(limit, d.next()).await {
        return Some(msg);
    }
    let secs = limit.as_secs();
    say(
        lang,
        &Text::new("answers-stop-timeout").num("seconds", secs),
    );
    None
}

/// Feeds results to the driver until nothing is outstanding.
async fn drive(d: &mut Driver<Headless>, lang: Lang, seen: &mut Seen) {
    while d.in_flight() > 0 {
        let Some(msg) = next_result(d, lang, RESULT_TIMEOUT).await else {
            seen.code.get_or_insert(exit::FAILED);
            return;
        };
        seen.tell(lang, d.wizard(), &msg);
        d.handle(msg);
    }
}
