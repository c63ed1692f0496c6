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
use super::store::show;
use crate::core::library::express_gateway::{
    DEFAULT_HTTPS_PORT, GatewayLayout, GatewayTls, edit_config,
};
use crate::core::library::firewall::FirewallPlan;
use crate::core::model::certificate::AcmeEnv;
use crate::core::steps::systems::{SystemDone, SystemKind, SystemPlan, SystemRequest};
use crate::core::{Effect, Finding, Msg, Text};

pub use super::systems_orthanc::CLIENTS_DIR;

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
        SystemRequest::Orthanc { .. } => super::systems_orthanc::plan(cfg, request),
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
                notes: Vec::new(),
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

fn lock(journal: &Mutex<Journal>) -> Result<std::sync::MutexGuard<'_, Journal>, Finding> {
    journal
        .lock()
        .map_err(|_| Finding::new(Text::new("systems-internal")))
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
        responder_bind: cfg.responder_bind,
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
        terminator: false,
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
            login_password,
            generation,
        } => {
            tokio::spawn(async move {
                let check = request.check();
                let now = OffsetDateTime::now_utc();
                let result = match &request {
                    SystemRequest::Orthanc { .. } => {
                        super::systems_orthanc::apply(
                            &cfg,
                            &journal,
                            &request,
                            &passphrase,
                            &login_password,
                            now,
                        )
                        .await
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
