//! Go-live without questions, for `renew` and `certificate --install`:
//! the issued files into the proxy through the journal, the proxy edits,
//! a restart only when the plan needs one, the final check; and when the
//! check fails, this run's journal entries undone (the previous
//! certificate served again) and the previous record restored.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use praxis_tls::core::settle::PROXY_SETTLE;
use praxis_tls::core::start::Installation;
use praxis_tls::core::status::CertRecord;
use praxis_tls::core::{Lang, Msg, Outcome, Text};
use praxis_tls::io::compose::Compose;
use praxis_tls::io::golive::{
    self, Docker, GoLiveError, Site, apply_proxy, install_files, plan_proxy,
};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;
use praxis_tls::io::verify::Roots;
use praxis_tls::io::verify::exposure::INTERNAL_PORTS;
use praxis_tls::io::verify::patients::{self, Lookout, PatientsReport};
use time::OffsetDateTime;
use tokio::runtime::Runtime;

use super::{Cli, say};

/// Where the final check looks. There is no flag for the address: the
/// check resolves the name as a patient's browser does.
#[derive(Args, Debug, Clone)]
pub struct FinalArgs {
    /// The HTTPS port the final check connects to.
    #[arg(long, value_name = "PORT", default_value_t = 443)]
    pub final_port: u16,
    /// CA certificates (PEM) the final check trusts instead of the system's.
    #[arg(long, value_name = "PEM")]
    pub final_ca: Option<PathBuf>,
}

const CHECK_TIMEOUT: Duration = Duration::from_secs(5);
const RESTART_TIMEOUT: Duration = Duration::from_secs(300);

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

/// What this run changed, to be taken back if the check fails.
struct Changes {
    entries: Vec<u64>,
    restarted: bool,
}

/// The installation the wizard's start step found.
fn installation(store: &Store) -> Option<Installation> {
    store.load().ok().flatten().and_then(|w| w.start.found)
}

pub(super) fn run(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    record: &CertRecord,
    previous: Option<&CertRecord>,
    args: &FinalArgs,
) -> Result<Live, Text> {
    let Some(inst) = installation(store) else {
        return Ok(Live::NoInstallation);
    };
    // Nothing changed yet: the previous certificate stays the one in use.
    let early = |t: Text| {
        say(lang, &t);
        restore(lang, store, previous);
        t
    };
    let rt = super::runtime()
        .map_err(|e| early(Text::new("cli-golive-failed").arg("detail", e.to_string())))?;
    let site = Site::new(
        &inst.dir,
        inst.generation,
        record.domain.clone(),
        &cli.state_dir,
    );
    let mut journal = Journal::open(&cli.state_dir).map_err(|e| early(e.text()))?;
    let roots = args.final_ca.clone().map_or(Roots::System, Roots::CaFile);
    let local_name = inst.local_name.clone().unwrap_or_default();
    let own = own_addresses(store);
    let dns = cli.io_config().dns;
    let check = |expected: Option<&str>, settle: Duration| {
        let l = Lookout {
            host: &record.domain,
            port: args.final_port,
            dns: &dns,
            roots: &roots,
            expected,
            own: &own,
            local_name: &local_name,
            ports: &INTERNAL_PORTS,
            timeout: CHECK_TIMEOUT,
            settle,
        };
        rt.block_on(patients::check(&l))
    };
    let reachable_before = check(None, Duration::ZERO).reached_directly();

    let mut changes = Changes {
        entries: Vec::new(),
        restarted: false,
    };
    let fingerprint = match change(lang, &rt, &site, record, &mut journal, &mut changes) {
        Ok(f) => f,
        Err(e) => {
            tracing::error!("go-live: {e}");
            let reason = e.text();
            say(lang, &reason);
            undo(lang, &rt, &site, &mut journal, &changes);
            restore(lang, store, previous);
            return Err(reason);
        }
    };

    tracing::info!(domain = %record.domain, %fingerprint, "installed; final check");
    say(
        lang,
        &Text::new("cli-golive-checking").arg("domain", record.domain.clone()),
    );
    let report = check(Some(&fingerprint), PROXY_SETTLE);
    save_live(store, &report);
    match verdict(&report, reachable_before) {
        Ok(live) => {
            tracing::info!(domain = %record.domain, ?live, %fingerprint, "final check passed");
            let id = match live {
                Live::NotCheckable => "cli-golive-not-checkable",
                _ => "cli-golive-live",
            };
            say(lang, &Text::new(id).arg("domain", record.domain.clone()));
            say(lang, &report.tried());
            if let Live::Exposed(t) = &live {
                say(lang, t);
            }
            println!("installed: {}", site.cert_dir().display());
            println!("fingerprint: {fingerprint}");
            Ok(live)
        }
        Err(reason) => {
            tracing::error!("final check: {report:?}");
            say(lang, &reason);
            say(lang, &Text::new("cli-golive-undoing"));
            undo(lang, &rt, &site, &mut journal, &changes);
            restore(lang, store, previous);
            Err(reason)
        }
    }
}

/// Whether the new certificate is live, from the last check: every
/// address of the name must serve it. A router without hairpin NAT is
/// checked on this server itself (a warning, not a failure).
fn verdict(report: &PatientsReport, reachable_before: bool) -> Result<Live, Text> {
    match report.termine() {
        Outcome::Passed(_) | Outcome::Warning(_) => match report.exposure() {
            Outcome::Failed(f) => Ok(Live::Exposed(f.summary)),
            _ => Ok(Live::Checked),
        },
        _ if report.fingerprints().is_empty() && !reachable_before && report.lookup.is_none() => {
            Ok(Live::NotCheckable)
        }
        Outcome::Failed(f) => Err(f.summary),
    }
}

/// The practice's public addresses as the wizard found them.
fn own_addresses(store: &Store) -> Vec<IpAddr> {
    let Some(w) = store.load().ok().flatten() else {
        return Vec::new();
    };
    w.network
        .public_v4
        .map(IpAddr::V4)
        .into_iter()
        .chain(w.network.public_v6.map(IpAddr::V6))
        .collect()
}

/// What the last unattended check saw, for `status`.
fn save_live(store: &Store, report: &PatientsReport) {
    let live = praxis_tls::core::status::LiveCheck::judge(
        OffsetDateTime::now_utc(),
        &report.termine(),
        &report.exposure(),
        report
            .addresses
            .iter()
            .map(|a| a.address.to_string())
            .collect(),
    );
    if let Err(e) = praxis_tls::io::live::save(store.dir(), &live) {
        tracing::warn!("live check not recorded: {e}");
    }
}

/// Install, plan, apply, restart when needed. Returns the fingerprint the
/// final check must see; `changes` holds what was done, also on an error.
fn change(
    lang: Lang,
    rt: &Runtime,
    site: &Site,
    record: &CertRecord,
    journal: &mut Journal,
    changes: &mut Changes,
) -> Result<String, GoLiveError> {
    let now = OffsetDateTime::now_utc();
    let installed = install_files(site, &record.path_crt, &record.path_key, now, journal)?;
    changes.entries.extend(&installed.entries);
    let facts = match rt.block_on(Docker::default().inspect_proxy()) {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!("docker inspect: {e}");
            None
        }
    };
    let plan = plan_proxy(site, &installed.files, facts.as_ref())?;
    let ids = apply_proxy(journal, &plan)?;
    changes.entries.extend(ids);
    say(
        lang,
        &Text::new("cli-golive-installed").arg("path", installed.cert_path.display().to_string()),
    );
    if plan.needs_restart() {
        changes.restarted = true;
        restart(lang, rt, site)?;
    } else {
        say(lang, &Text::new("cli-golive-reload"));
    }
    Ok(installed.fingerprint)
}

fn restart(lang: Lang, rt: &Runtime, site: &Site) -> Result<(), GoLiveError> {
    say(lang, &Text::new("cli-golive-restarting"));
    let compose = rt
        .block_on(Compose::detect(None))
        .ok_or(praxis_tls::io::restart::RestartError::DockerMissing)?;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let result = rt.block_on(golive::restart(
        site,
        &compose,
        &Docker::default(),
        RESTART_TIMEOUT,
        &tx,
    ));
    drop(tx);
    while let Ok(event) = rx.try_recv() {
        tracing::info!("restart: {event:?}");
    }
    let r = result?;
    tracing::info!(project = ?r.project, services = ?r.services, "restarted");
    Ok(())
}

/// Takes this run's changes back, newest first; restarts again when the
/// change had restarted the proxy.
fn undo(lang: Lang, rt: &Runtime, site: &Site, journal: &mut Journal, changes: &Changes) {
    for id in changes.entries.iter().rev() {
        match journal.undo(*id, false) {
            Ok(o) if o.reverted() => {}
            Ok(o) => {
                tracing::error!("undo {id}: {o:?}");
                say(lang, &Text::new("cli-golive-undo-failed"));
            }
            Err(e) => {
                tracing::error!("undo {id}: {e}");
                say(lang, &e.text());
            }
        }
    }
    if changes.restarted
        && let Err(e) = restart(lang, rt, site)
    {
        tracing::error!("restart after undo: {e}");
        say(lang, &e.text());
    }
}

/// The previous certificate is the one in use again (a core transition).
fn restore(lang: Lang, store: &Store, previous: Option<&CertRecord>) {
    if let Some(previous) = previous {
        let previous = previous.clone();
        super::model::apply(store, lang, Msg::GoLiveUndone { previous });
    }
}
