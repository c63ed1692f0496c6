//! The systems step's effects: Orthanc with the practice CA, Express
//! Gateway with a Let's Encrypt certificate. Plans write nothing; applying
//! goes through the change journal, so `praxis-tls undo` takes it back.

// Findings are what the screen shows; they travel by value like the
// other steps' results.
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use time::OffsetDateTime;
use tokio::sync::mpsc::UnboundedSender;

use super::exec::IoConfig;
use super::express_gateway::{self as gateway, GatewaySetup};
use super::issuance::{IssueJob, issue};
use super::journal::Journal;
use super::practice_ca::orthanc::{self, OrthancSetup};
use super::practice_ca::{CaOptions, P12Compat, PracticeCa, export_client};
use super::store::show;
use crate::core::certificate::AcmeEnv;
use crate::core::express_gateway::{DEFAULT_HTTPS_PORT, GatewayLayout, GatewayTls, edit_config};
use crate::core::firewall::FirewallPlan;
use crate::core::orthanc::{OrthancTls, enable_https};
use crate::core::systems::{SystemDone, SystemKind, SystemPlan, SystemRequest};
use crate::core::{Effect, Finding, Msg, Text};

/// Where the browser certificates go (the person copies them from there).
pub const CLIENTS_DIR: &str = "browser-certificates";
/// The practice CA's certificate beside Orthanc's configuration, for
/// `SslTrustedClientCertificates`.
const CLIENT_CA_FILE: &str = "praxis-ca.crt";

fn orthanc_setup(host: &str, config: &Path, ips: &[std::net::IpAddr], mtls: bool) -> OrthancSetup {
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

fn gateway_setup(host: &str, config: &Path, disk_root: &Path, gateway_root: &str) -> GatewaySetup {
    GatewaySetup {
        config: config.to_path_buf(),
        disk_root: disk_root.to_path_buf(),
        layout: GatewayLayout {
            root: gateway_root.to_string(),
            name: host.to_string(),
        },
        host: host.to_string(),
        port: DEFAULT_HTTPS_PORT,
    }
}

fn read_config(path: &Path) -> Result<String, Finding> {
    std::fs::read_to_string(path).map_err(|e| {
        Finding::new(Text::new("systems-config-unreadable").arg("path", show(path)))
            .fix(Text::new("systems-config-unreadable-fix"))
            .detail(e.to_string())
    })
}

/// The change to the configuration file, for the person to see first.
pub async fn plan(cfg: &IoConfig, request: &SystemRequest) -> Result<SystemPlan, Finding> {
    match request {
        SystemRequest::Orthanc {
            host,
            config,
            ips,
            clients,
            ..
        } => {
            let setup = orthanc_setup(host, config, ips, !clients.is_empty());
            let original = read_config(config)?;
            let tls = OrthancTls {
                certificate: setup.certificate.display().to_string(),
                trusted_clients: setup.client_ca.as_ref().map(|p| p.display().to_string()),
            };
            let edit = enable_https(&original, &tls, &show(config))
                .map_err(|e| Finding::new(e.text(&show(config))))?;
            let id = if clients.is_empty() {
                "systems-orthanc-plan"
            } else {
                "systems-orthanc-plan-mtls"
            };
            Ok(SystemPlan {
                kind: SystemKind::Orthanc,
                summary: Text::new(id)
                    .arg("host", host.clone())
                    .arg("certificate", show(&setup.certificate))
                    .arg("count", clients.len().to_string()),
                diff: edit.diff,
            })
        }
        SystemRequest::Gateway {
            host,
            config,
            disk_root,
            gateway_root,
            expected,
            ..
        } => {
            check_gateway_dns(cfg, host, expected).await?;
            let setup = gateway_setup(host, config, disk_root, gateway_root);
            let original = read_config(config)?;
            let tls = GatewayTls::for_layout(host, &setup.layout, setup.port);
            let edit = edit_config(&original, &tls, &show(config))
                .map_err(|e| Finding::new(e.text(&show(config))))?;
            Ok(SystemPlan {
                kind: SystemKind::Gateway,
                summary: Text::new("systems-gateway-plan")
                    .arg("host", host.clone())
                    .arg("dir", show(&disk_root.join(setup.layout.live_dir()))),
                diff: edit.diff,
            })
        }
    }
}

/// Let's Encrypt asks the name's address; it must lead to this router, as
/// the appointment name does.
async fn check_gateway_dns(
    cfg: &IoConfig,
    host: &str,
    expected: &[std::net::Ipv4Addr],
) -> Result<(), Finding> {
    let report = super::dns::resolve(&cfg.dns, host).await;
    let found = report.a.unwrap_or_default();
    let fix = |id: &str| {
        Text::new(id).arg(
            "ip",
            expected
                .first()
                .map(|ip| ip.to_string())
                .unwrap_or_default(),
        )
    };
    if found.is_empty() {
        return Err(
            Finding::new(Text::new("systems-gateway-dns-missing").arg("host", host))
                .fix(fix("systems-gateway-dns-fix")),
        );
    }
    if !expected.is_empty() && !found.iter().any(|ip| expected.contains(ip)) {
        let seen: Vec<String> = found.iter().map(|ip| ip.to_string()).collect();
        return Err(Finding::new(
            Text::new("systems-gateway-dns-other")
                .arg("host", host)
                .arg("found", seen.join(", ")),
        )
        .fix(fix("systems-gateway-dns-fix")));
    }
    Ok(())
}

fn ca_failure(e: super::practice_ca::PracticeCaError) -> Finding {
    Finding::new(e.text()).detail(e.to_string())
}

fn lock(journal: &Mutex<Journal>) -> Result<std::sync::MutexGuard<'_, Journal>, Finding> {
    journal
        .lock()
        .map_err(|_| Finding::new(Text::new("systems-internal")))
}

fn apply_orthanc(
    cfg: &IoConfig,
    journal: &Mutex<Journal>,
    request: &SystemRequest,
    passphrase: &str,
    now: OffsetDateTime,
) -> Result<SystemDone, Finding> {
    let SystemRequest::Orthanc {
        host,
        config,
        ips,
        clients,
        practice,
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    // The CA may sign only names of the practice's own network: a stolen
    // CA key then cannot impersonate anyone else's site.
    let domain = host.split_once('.').map_or(host.as_str(), |(_, rest)| rest);
    let options = CaOptions {
        practice_name: practice.clone(),
        permitted_dns: vec![domain.to_string()],
        permitted_ip: Vec::new(),
    };
    let (ca, _) = PracticeCa::load_or_create(&cfg.state_dir, &options, now).map_err(ca_failure)?;
    let setup = orthanc_setup(host, config, ips, !clients.is_empty());
    let plan = orthanc::plan(&ca, &setup, now).map_err(ca_failure)?;
    let mut j = lock(journal)?;
    orthanc::apply(&mut j, &ca, &setup, &plan).map_err(ca_failure)?;
    let mut report = vec![
        Text::new("systems-orthanc-done")
            .arg("certificate", show(&setup.certificate))
            .arg("config", show(config))
            .arg("date", plan.server.not_after.date().to_string()),
    ];
    let out = cfg.state_dir.join(CLIENTS_DIR);
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
        report.push(export.text());
    }
    report.push(
        Text::new("systems-orthanc-ca").arg(
            "ca",
            show(
                &cfg.state_dir
                    .join(super::practice_ca::CA_DIR)
                    .join(super::practice_ca::CERT_FILE),
            ),
        ),
    );
    report.push(Text::new("systems-orthanc-restart"));
    Ok(SystemDone {
        kind: SystemKind::Orthanc,
        host: host.clone(),
        report,
        certificate: None,
    })
}

/// Issues the gateway's certificate (opening the firewall window when
/// given) and puts it in place; also what `renew` runs when it is due.
pub async fn apply_gateway(
    cfg: &IoConfig,
    journal: &Arc<Mutex<Journal>>,
    request: &SystemRequest,
    window: Option<FirewallPlan>,
    now: OffsetDateTime,
) -> Result<SystemDone, Finding> {
    let SystemRequest::Gateway {
        host,
        config,
        disk_root,
        gateway_root,
        email,
        terms_accepted,
        ..
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    let opened = window.is_some();
    if let Some(plan) = window {
        super::exec::open_window_blocking(journal, cfg, plan)
            .await
            .map_err(|text| Finding::new(text).fix(Text::new("firewall-open-failed-fix")))?;
    }
    let job = IssueJob {
        directory: &cfg.acme_production,
        state_dir: &cfg.state_dir,
        cert_dir: &cfg.cert_dir.join("gateway"),
        responder_port: cfg.responder_port,
        name: host,
        email,
        terms_accepted: *terms_accepted,
        resume_order: None,
        env: AcmeEnv::Production,
        // The gateway's order is not resumed: nothing waits for it to be saved.
        order_saved: None,
    };
    let issued = issue(job, Arc::new(|_| {}), now).await;
    if opened {
        let journal = journal.clone();
        let _ =
            tokio::task::spawn_blocking(move || super::exec::close_windows(&journal, None)).await;
    }
    let record = issued?;
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).map_err(|e| {
            Finding::new(Text::new("systems-config-unreadable").arg("path", show(p)))
                .detail(e.to_string())
        })
    };
    let (chain, key) = (read(&record.path_crt)?, read(&record.path_key)?);
    let setup = gateway_setup(host, config, disk_root, gateway_root);
    let failed = |e: gateway::GatewayIoError| Finding::new(e.text()).detail(e.to_string());
    let plan = gateway::plan(&setup, &chain, &key).map_err(failed)?;
    {
        let mut j = lock(journal)?;
        gateway::apply(&mut j, &setup, &plan).map_err(failed)?;
    }
    Ok(SystemDone {
        kind: SystemKind::Gateway,
        host: host.clone(),
        report: vec![
            Text::new("systems-gateway-done")
                .arg("dir", show(&disk_root.join(setup.layout.live_dir())))
                .arg("config", show(config))
                .arg("date", record.not_after.date().to_string()),
            Text::new("systems-gateway-restart"),
        ],
        certificate: Some(record),
    })
}

/// Runs a systems effect and sends its result.
pub fn run(
    cfg: Arc<IoConfig>,
    journal: Arc<Mutex<Journal>>,
    effect: Effect,
    tx: UnboundedSender<Msg>,
) {
    match effect {
        Effect::PlanSystem {
            request,
            generation,
        } => {
            tokio::spawn(async move {
                let check = request.check();
                let result = plan(&cfg, &request).await;
                let _ = tx.send(Msg::SystemPlanned {
                    check,
                    generation,
                    result,
                });
            });
        }
        Effect::ApplySystem {
            request,
            window,
            passphrase,
            generation,
        } => {
            tokio::spawn(async move {
                let check = request.check();
                let now = OffsetDateTime::now_utc();
                let result = match &request {
                    SystemRequest::Orthanc { .. } => {
                        let (cfg, journal, request) =
                            (cfg.clone(), journal.clone(), request.clone());
                        tokio::task::spawn_blocking(move || {
                            apply_orthanc(&cfg, &journal, &request, &passphrase, now)
                        })
                        .await
                        .unwrap_or_else(|_| Err(Finding::new(Text::new("systems-internal"))))
                    }
                    SystemRequest::Gateway { .. } => {
                        apply_gateway(&cfg, &journal, &request, window, now).await
                    }
                };
                let _ = tx.send(Msg::SystemApplied {
                    check,
                    generation,
                    result,
                });
            });
        }
        _ => {}
    }
}
