//! Go-live without questions, for `renew` and `certificate --install`, on
//! the wizard's driver: the command hands the core a plan
//! (`Msg::GoLive`, `core::unattended_live`), and the wizard's own go-live
//! effects run it: the issued files into the proxy through the journal,
//! the proxy edits, a restart only when the plan needs one, the final
//! check; and when something fails, this run's journal entries undone
//! (the previous certificate served again) and the previous record put
//! back, by the core. This module tells what comes back and looks at the
//! name once before (read only).

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::model::unattended::{GoLive, Live as CoreLive, Phase};
use praxis_tls::core::{Lang, Msg, Outcome, Text, Wizard};
use praxis_tls::io::exec::Executor;
use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;
use praxis_tls::io::verify::Roots;
use praxis_tls::io::verify::exposure::INTERNAL_PORTS;
use praxis_tls::io::verify::patients::{self, Lookout};
use time::OffsetDateTime;

use super::driver::Driver;
use super::issue::Headless;
use super::{Cli, say};

/// Where the final check looks. There is no flag for the address: the
/// check resolves the name as a patient's browser does.
#[derive(Args, Debug, Clone)]
pub struct FinalArgs {
    #[arg(long, value_name = "PORT", default_value_t = 443)]
    pub final_port: u16,
    #[arg(long, value_name = "PEM")]
    pub final_ca: Option<PathBuf>,
}

const CHECK_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one result may take: a restart may take its own five minutes.
const RESULT_TIMEOUT: Duration = Duration::from_secs(600);

/// How a go-live ended.
#[derive(Debug)]
pub(super) enum Live {
    /// The final check saw the new certificate.
    Checked,
    /// The new certificate is served, but something internal answers from
    /// outside: the run fails, mails and `status` reports CRITICAL.
    Exposed(Text),
    /// Nothing answers at the check's address, before the change as after
    /// it (a router without hairpin NAT): the change is kept.
    NotCheckable,
    /// No Elexis-OOB installation is recorded: the files stay in the
    /// certificate directory.
    NoInstallation,
}

/// The practice's public addresses as the wizard found them.
fn own_addresses(w: &Wizard) -> Vec<IpAddr> {
    w.network
        .public_v4
        .map(IpAddr::V4)
        .into_iter()
        .chain(w.network.public_v6.map(IpAddr::V6))
        .collect()
}

pub(super) fn run(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    record: &CertRecord,
    previous: Option<&CertRecord>,
    args: &FinalArgs,
) -> Result<Live, Text> {
    let wizard = match store.load() {
        Ok(Some(w)) if w.start.found.is_some() => w,
        _ => return Ok(Live::NoInstallation),
    };
    let failed = |t: Text| {
        say(lang, &t);
        t
    };
    let rt = super::runtime()
        .map_err(|e| failed(Text::new("cli-golive-failed").arg("detail", e.to_string())))?;
    let journal = Journal::open(&cli.state_dir).map_err(|e| failed(e.text()))?;
    let mark = journal.entries().iter().map(|e| e.id).max();
    let mut cfg = cli.io_config();
    cfg.final_port = args.final_port;
    cfg.final_roots = args.final_ca.clone().map_or(Roots::System, Roots::CaFile);

    // Before anything changes: does the name answer here at all?
    let local_name = wizard
        .start
        .found
        .as_ref()
        .and_then(|i| i.local_name.clone())
        .unwrap_or_default();
    let own = own_addresses(&wizard);
    let before = Lookout {
        host: &record.domain,
        port: cfg.final_port,
        dns: &cfg.dns,
        roots: &cfg.final_roots,
        expected: None,
        own: &own,
        local_name: &local_name,
        ports: &INTERNAL_PORTS,
        timeout: CHECK_TIMEOUT,
        settle: Duration::ZERO,
    };
    let reachable_before = rt.block_on(patients::check(&before)).reached_directly();

    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let guard = rt.enter();
    let io = Headless::new(Executor::new(cfg, journal, tx));
    let w = match Driver::start(wizard, store, io, rx) {
        Ok(d) => {
            let mut d = d.without_answers_file();
            d.handle(Msg::GoLive(GoLive {
                previous: previous.cloned(),
                mark,
                reachable_before,
            }));
            rt.block_on(drive(&mut d, lang, store, &record.domain));
            Some(d.finish())
        }
        Err(e) => {
            eprintln!("{e}");
            None
        }
    };
    drop(guard);
    rt.shutdown_timeout(Duration::from_millis(200));
    let w = w.ok_or_else(|| Text::new("cli-golive-failed").arg("detail", "driver"))?;
    let end = w
        .session
        .going_live
        .as_ref()
        .and_then(|r| r.end.clone())
        .unwrap_or(CoreLive::Failed {
            reason: Text::new("cli-golive-failed").arg("detail", "no result"),
            undone: false,
        });
    let live = match end {
        CoreLive::Checked => Live::Checked,
        CoreLive::NotCheckable => Live::NotCheckable,
        CoreLive::Exposed(t) => Live::Exposed(t),
        CoreLive::NoInstallation => return Ok(Live::NoInstallation),
        CoreLive::Failed { reason, undone } => {
            if !undone {
                say(lang, &Text::new("cli-golive-undo-failed"));
            }
            return Err(reason);
        }
    };
    tracing::info!(domain = %record.domain, ?live, "final check passed");
    let id = match live {
        Live::NotCheckable => "cli-golive-not-checkable",
        _ => "cli-golive-live",
    };
    say(lang, &Text::new(id).arg("domain", record.domain.clone()));
    if let Live::Exposed(t) = &live {
        say(lang, t);
    }
    if let Some(files) = &w.golive.installed {
        let dir = files.crt.parent().unwrap_or(&files.crt);
        println!("installed: {}", dir.display());
        println!("fingerprint: {}", files.fingerprint);
    }
    Ok(live)
}

/// Feeds results to the driver until nothing is outstanding, telling each
/// stage as the core reaches it.
async fn drive(d: &mut Driver<Headless>, lang: Lang, store: &Store, domain: &str) {
    let phase = |d: &Driver<Headless>| d.wizard().session.going_live.as_ref().map(|r| r.phase);
    while d.in_flight() > 0 {
        let Some(msg) = super::issue::next_result(d, lang, RESULT_TIMEOUT).await else {
            return;
        };
        match &msg {
            Msg::FilesInstalled {
                result: Ok(files), ..
            } => say(
                lang,
                &Text::new("cli-golive-installed").arg("path", files.crt.display().to_string()),
            ),
            Msg::RestartLine { line, .. } => tracing::info!("restart: {line}"),
            Msg::FinalChecked {
                tls,
                exposure,
                addresses,
                ..
            } => {
                // The addresses the check resolved, for `status`.
                save_live(store, tls, exposure, addresses.clone());
                let (Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f)) = tls;
                for t in &f.more {
                    say(lang, t);
                }
            }
            _ => {}
        }
        let before = phase(d);
        d.handle(msg);
        let after = phase(d);
        if before == after {
            continue;
        }
        let restarted = d
            .wizard()
            .session
            .going_live
            .as_ref()
            .is_some_and(|r| r.restarted);
        match after {
            Some(Phase::Restart) => say(lang, &Text::new("cli-golive-restarting")),
            Some(Phase::Check) => {
                if !restarted {
                    say(lang, &Text::new("cli-golive-reload"));
                }
                say(
                    lang,
                    &Text::new("cli-golive-checking").arg("domain", domain.to_string()),
                );
            }
            Some(Phase::Undo) => {
                if let Some(reason) = d
                    .wizard()
                    .session
                    .going_live
                    .as_ref()
                    .and_then(|r| r.failure.clone())
                {
                    tracing::error!("go-live: {}", reason.id);
                    say(lang, &reason);
                }
                say(lang, &Text::new("cli-golive-undoing"));
            }
            _ => {}
        }
    }
}

/// What the last unattended check saw, for `status`.
fn save_live(store: &Store, tls: &Outcome, exposure: &Outcome, addresses: Vec<String>) {
    let live = praxis_tls::core::library::status::LiveCheck::judge(
        OffsetDateTime::now_utc(),
        tls,
        exposure,
        addresses,
    );
    if let Err(e) = praxis_tls::io::live::save(store.dir(), &live) {
        tracing::warn!("live check not recorded: {e}");
    }
}
