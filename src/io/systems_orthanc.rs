//! Orthanc in the systems step: the plan (diff first), then writing
//! through the journal, restarting and checking it for real. A failed
//! check is undone at once and Orthanc restarted, so the practice keeps
//! its PACS on plain HTTP as before.

// Findings are what the screen shows; they travel by value.
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use time::OffsetDateTime;

use super::cert_import::load_pkcs12;
use super::exec::IoConfig;
use super::journal::{CommandRun, Journal};
use super::orthanc_access;
use super::orthanc_check::{Check, check_or_roll_back, record_of};
use super::practice_ca::orthanc::{self, OrthancSetup};
use super::practice_ca::{CaOptions, P12Compat, PracticeCa, Subnet, export_client};
use super::store::show;
use crate::core::library::firewall::Command as CommandLine;
use crate::core::library::orthanc::access::Login;
use crate::core::library::orthanc::current_tls;
use crate::core::library::orthanc::live::{self as live, STUNNEL_INSTANCE, Way};
use crate::core::steps::systems::{SystemDone, SystemKind, SystemRequest};
use crate::core::{Finding, Text};

/// Where the browser certificates go (the person copies them from there).
pub const CLIENTS_DIR: &str = "browser-certificates";
/// The practice CA's certificate beside Orthanc's configuration, for
/// `SslTrustedClientCertificates` and stunnel's `CAfile`.
const CLIENT_CA_FILE: &str = "praxis-ca.crt";

pub fn setup(host: &str, config: &Path, ips: &[std::net::IpAddr], mtls: bool) -> OrthancSetup {
    let dir = config.parent().unwrap_or(Path::new("/"));
    OrthancSetup {
        config: config.to_path_buf(),
        certificate: dir.join(format!("{host}.pem")),
        host: host.to_string(),
        ips: ips.to_vec(),
        owner: orthanc_user(),
        client_ca: mtls.then(|| dir.join(CLIENT_CA_FILE)),
    }
}

/// Debian's orthanc package runs as its own user, which must read the key;
/// the Docker image runs as root.
fn orthanc_user() -> Option<(u32, u32)> {
    nix::unistd::User::from_name("orthanc")
        .ok()
        .flatten()
        .map(|u| (u.uid.as_raw(), u.gid.as_raw()))
}

/// `/etc/stunnel/praxis-orthanc.conf` below the system root.
pub fn stunnel_conf_path(root: &Path) -> PathBuf {
    root.join("etc/stunnel")
        .join(format!("{STUNNEL_INSTANCE}.conf"))
}

/// Enabling Debian's `stunnel@praxis-orthanc` service, and its undo
/// (which also stops it). Below a test root systemctl only links.
fn enable_service(root: &Path) -> CommandRun {
    let unit = format!("stunnel@{STUNNEL_INSTANCE}.service");
    let systemctl = |args: &[&str]| CommandLine::new("systemctl", args);
    if root == Path::new("/") {
        CommandRun {
            run: vec![systemctl(&["enable", &unit])],
            undo: vec![systemctl(&["disable", "--now", &unit])],
        }
    } else {
        let at = format!("--root={}", root.display());
        CommandRun {
            run: vec![systemctl(&[&at, "enable", &unit])],
            undo: vec![systemctl(&[&at, "disable", &unit])],
        }
    }
}

/// A journal entry that does nothing now and restarts Orthanc when it is
/// undone.
fn restart_on_undo(journal: &mut Journal, restart: &str) -> Result<u64, Finding> {
    let words = shell_words::split(restart).map_err(|e| {
        Finding::new(Text::new("systems-orthanc-restart-invalid").arg("command", restart))
            .detail(e.to_string())
    })?;
    let Some((program, args)) = words.split_first() else {
        return Err(Finding::new(
            Text::new("systems-orthanc-restart-invalid").arg("command", restart),
        ));
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let change = CommandRun {
        run: Vec::new(),
        undo: vec![CommandLine::new(program, &args)],
    };
    journal
        .run_commands(change, format!("Orthanc restarted after undo: {restart}"))
        .map_err(|e| Finding::new(e.text()).detail(e.to_string()))
}

pub use super::orthanc_plan::plan;
use super::orthanc_plan::terminator;

fn ca_failure(e: super::practice_ca::PracticeCaError) -> Finding {
    Finding::new(e.text()).detail(e.to_string())
}

fn lock(journal: &Mutex<Journal>) -> Result<std::sync::MutexGuard<'_, Journal>, Finding> {
    journal
        .lock()
        .map_err(|_| Finding::new(Text::new("systems-internal")))
}

/// The addresses the CA may sign: each given address's network (a /24, a
/// /64), so a later address of the practice network can be added; none
/// at all without addresses.
pub fn permitted_ips(ips: &[std::net::IpAddr]) -> Vec<Subnet> {
    let mut out: Vec<Subnet> = Vec::new();
    for ip in ips {
        let s = match ip {
            std::net::IpAddr::V4(v4) => {
                let o = v4.octets();
                Subnet {
                    addr: std::net::IpAddr::from([o[0], o[1], o[2], 0]),
                    prefix: 24,
                }
            }
            std::net::IpAddr::V6(v6) => {
                let mut seg = v6.segments();
                seg[4..].fill(0);
                Subnet {
                    addr: std::net::IpAddr::from(seg),
                    prefix: 64,
                }
            }
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// What was written, for the check and the undo.
struct Written {
    entries: Vec<u64>,
    report: Vec<Text>,
    first_p12: Option<PathBuf>,
    ca_pem: String,
    orthanc_port: u16,
    record: crate::core::library::status::CertRecord,
    /// Orthanc asks for a login after the change.
    login_required: bool,
    /// With the terminator: Orthanc's own files changed too (remote
    /// access turned off), so it is restarted first.
    orthanc_changed: bool,
}

fn write(
    cfg: &IoConfig,
    journal: &Mutex<Journal>,
    request: &SystemRequest,
    passphrase: &str,
    login: Option<&Login>,
    now: OffsetDateTime,
) -> Result<Written, Finding> {
    let SystemRequest::Orthanc {
        host,
        config,
        ips,
        clients,
        practice,
        way,
        port,
        restart,
        ..
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    // The CA may sign only names and addresses of the practice's own
    // network: a stolen CA key then cannot impersonate anyone else.
    let domain = host.split_once('.').map_or(host.as_str(), |(_, rest)| rest);
    let options = CaOptions {
        practice_name: practice.clone(),
        permitted_dns: vec![domain.to_string()],
        permitted_ip: permitted_ips(ips),
    };
    let (ca, _) = PracticeCa::load_or_create(&cfg.state_dir, &options, now).map_err(ca_failure)?;
    let setup = setup(host, config, ips, !clients.is_empty());
    let plan = orthanc::plan(&ca, &setup, now).map_err(ca_failure)?;
    let current = current_tls(&plan.edit.text).map_err(|e| Finding::new(e.text(&show(config))))?;
    let mut j = lock(journal)?;
    let mut orthanc_changed = false;
    let mut entries = match way {
        Way::BuiltIn => {
            // First in the journal, so undone last: once its files are
            // back, `undo` restarts Orthanc, which then serves HTTP again.
            let mut entries = vec![restart_on_undo(&mut j, restart)?];
            entries.extend(orthanc::apply(&mut j, &ca, &setup, &plan).map_err(ca_failure)?);
            if let Some(login) = login {
                let group = orthanc_user().map(|(_, gid)| gid);
                entries.extend(orthanc_access::write_login(&mut j, config, login, group)?);
            }
            entries
        }
        Way::Terminator => {
            let conf_path = stunnel_conf_path(&cfg.system_root);
            let text = live::stunnel_conf(&terminator(&setup, *port, current.http_port));
            let closing = orthanc_access::close(&orthanc_access::config_files(config)?)?;
            // Orthanc then changes too: restarted after its files on undo.
            let mut entries = match closing {
                Some(_) => vec![restart_on_undo(&mut j, restart)?],
                None => Vec::new(),
            };
            entries.extend(
                orthanc::apply_terminator(
                    &mut j,
                    &ca,
                    &setup,
                    &plan.server,
                    (&conf_path, &text),
                    enable_service(&cfg.system_root),
                )
                .map_err(ca_failure)?,
            );
            let closed = orthanc_access::write_closed(&mut j, config)?;
            orthanc_changed = !closed.is_empty();
            entries.extend(closed);
            entries
        }
    };
    let done_id = match way {
        Way::BuiltIn => "systems-orthanc-done",
        Way::Terminator => "systems-orthanc-done-terminator",
    };
    let mut report = vec![
        Text::new(done_id)
            .arg("certificate", show(&setup.certificate))
            .arg("config", show(config))
            .arg("date", plan.server.not_after.date().to_string())
            .num("port", port),
    ];
    if let Some(login) = login {
        report.push(Text::new("systems-orthanc-login-done").arg("user", login.user.clone()));
    }
    let out = cfg.state_dir.join(CLIENTS_DIR);
    let mut first_p12 = None;
    let mut ca_shown = None;
    for person in clients {
        let export = export_client(
            &mut j,
            &ca,
            person,
            passphrase,
            &out,
            P12Compat::Modern,
            now,
        )
        .map_err(ca_failure)?;
        entries.extend(export.entries.iter().copied());
        // The CA certificate is named once, below, not for every person.
        report.push(
            Text::new("systems-orthanc-client")
                .arg("p12", show(&export.p12))
                .arg("date", export.not_after.date().to_string()),
        );
        first_p12.get_or_insert(export.p12.clone());
        ca_shown = Some(export.ca_cert.clone());
    }
    // One CA path: the one beside the browser certificates when there
    // are any, else the CA's own.
    let ca_path = ca_shown.unwrap_or_else(|| {
        cfg.state_dir
            .join(super::practice_ca::CA_DIR)
            .join(super::practice_ca::CERT_FILE)
    });
    report.push(Text::new("systems-orthanc-ca").arg("ca", show(&ca_path)));
    Ok(Written {
        entries,
        report,
        first_p12,
        record: record_of(host, &setup.certificate, &plan.server, practice),
        ca_pem: ca.cert_pem().to_string(),
        orthanc_port: current.http_port,
        login_required: orthanc_access::settings(&orthanc_access::config_files(config)?)?
            .login_required(),
        orthanc_changed,
    })
}

/// Writes, restarts, checks; undoes and restarts again when the check
/// fails.
pub async fn apply(
    cfg: &IoConfig,
    journal: &Arc<Mutex<Journal>>,
    request: &SystemRequest,
    passphrase: &str,
    login_password: &str,
    now: OffsetDateTime,
) -> Result<SystemDone, Finding> {
    let SystemRequest::Orthanc {
        host,
        way,
        restart,
        proxy_restart,
        port,
        user,
        ..
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    let login = user.as_ref().map(|user| Login {
        user: user.clone(),
        password: login_password.to_string(),
    });
    let written = {
        let (cfg, journal, request, passphrase, login) = (
            cfg.clone(),
            journal.clone(),
            request.clone(),
            passphrase.to_string(),
            login.clone(),
        );
        tokio::task::spawn_blocking(move || {
            write(&cfg, &journal, &request, &passphrase, login.as_ref(), now)
        })
        .await
        .unwrap_or_else(|_| Err(Finding::new(Text::new("systems-internal"))))?
    };
    let identity = match &written.first_p12 {
        Some(p12) => {
            let bytes = std::fs::read(p12)
                .map_err(|e| Finding::new(Text::new("systems-internal")).detail(e.to_string()))?;
            let m = load_pkcs12(&bytes, Some(passphrase))
                .map_err(|e| Finding::new(Text::new("systems-internal")).detail(e.to_string()))?;
            Some((m.chain, m.key))
        }
        None => None,
    };
    let probe_port = match way {
        Way::BuiltIn => written.orthanc_port,
        Way::Terminator => *port,
    };
    let check = Check {
        way: *way,
        host,
        probe_port,
        orthanc_port: written.orthanc_port,
        restart,
        proxy_restart,
        // Undoing the change restarts Orthanc (its first entry); a new
        // terminator's undo stops it, Orthanc itself was not touched.
        rollback_restart: "true",
        ca_pem: &written.ca_pem,
        identity,
        settle: cfg.orthanc_settle,
        login,
        login_required: written.login_required,
        orthanc_changed: written.orthanc_changed,
        renewal: false,
    };
    check_or_roll_back(journal, &written.entries, check).await?;
    let mut report = written.report;
    report.push(Text::new("systems-orthanc-checked").num("port", probe_port));
    Ok(SystemDone {
        kind: SystemKind::Orthanc,
        host: host.clone(),
        report,
        certificate: Some(written.record),
        terminator: *way == Way::Terminator,
    })
}

/// The pause before the second look, unless a test sets its own.
pub const SETTLE: Duration = Duration::from_secs(5);
