//! The go-live effects: install the files, plan and apply the proxy
//! configuration, restart, and the final check, each answered as a message.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use super::compose::Compose;
use super::exec::IoConfig;
use super::golive::{self, Docker, Site};
use super::journal::Journal;
use super::verify::exposure::INTERNAL_PORTS;
use super::verify::patients::{self, Lookout, Vantage};
use crate::core::library::compose_override::CertNames;
use crate::core::model::golive::InstalledFiles;
use crate::core::{Effect, Finding, Msg, Outcome, Text};

/// A finding for a failure that has no text of its own.
fn trouble(detail: impl Into<String>) -> Finding {
    Finding::new(Text::new("golive-step-internal")).detail(detail)
}

pub fn run(
    cfg: Arc<IoConfig>,
    journal: Arc<Mutex<Journal>>,
    effect: Effect,
    tx: UnboundedSender<Msg>,
) {
    match effect {
        Effect::InstallFiles {
            site: spec,
            crt,
            key,
            generation,
        } => {
            tokio::task::spawn_blocking(move || {
                let now = time::OffsetDateTime::now_utc();
                let result = match journal.lock() {
                    Ok(mut j) => golive::install_files(
                        &spec,
                        &golive::proxy_dirs(&cfg.state_dir),
                        &crt,
                        &key,
                        now,
                        &mut j,
                    )
                    .map(|i| InstalledFiles {
                        crt: i.cert_path,
                        key: i.key_path,
                        cert_name: i.files.cert,
                        key_name: i.files.key,
                        fingerprint: i.fingerprint,
                    })
                    .map_err(|e| e.finding()),
                    Err(_) => Err(trouble("journal lock poisoned")),
                };
                let _ = tx.send(Msg::FilesInstalled { generation, result });
            });
        }
        Effect::PlanProxy {
            site: spec,
            cert_name,
            key_name,
            generation,
        } => {
            tokio::spawn(async move {
                let facts = Docker::default().inspect_proxy().await.ok().flatten();
                let names = CertNames {
                    cert: cert_name,
                    key: key_name,
                };
                let dirs = golive::proxy_dirs(&cfg.state_dir);
                let result = golive::plan_proxy(&spec, &dirs, &names, facts.as_ref())
                    .map_err(|e| e.finding());
                let _ = tx.send(Msg::ProxyPlanned { generation, result });
            });
        }
        Effect::ApplyProxy { plan, generation } => {
            tokio::task::spawn_blocking(move || {
                let result = match journal.lock() {
                    Ok(mut j) => golive::apply_proxy(&mut j, &plan)
                        .map(|_| ())
                        .map_err(|e| e.finding()),
                    Err(_) => Err(trouble("journal lock poisoned")),
                };
                let _ = tx.send(Msg::ProxyApplied { generation, result });
            });
        }
        Effect::Restart {
            site: spec,
            generation,
        } => {
            tokio::spawn(async move {
                let _ = tx.send(Msg::Restarted {
                    generation,
                    result: restart(&cfg, &spec, generation, &tx).await,
                });
            });
        }
        Effect::FinalCheck {
            host,
            local_name,
            own,
            expected,
            generation,
        } => {
            tokio::spawn(async move {
                let (tls, exposure, port80, fingerprints, addresses) =
                    final_check(&cfg, &host, &local_name, &own, &expected).await;
                let _ = tx.send(Msg::FinalChecked {
                    generation,
                    tls,
                    exposure,
                    port80,
                    fingerprints,
                    addresses,
                });
            });
        }
        Effect::UndoSince { mark, restart } => {
            tokio::spawn(async move {
                let j = journal.clone();
                let undone = tokio::task::spawn_blocking(move || undo_since(&j, mark))
                    .await
                    .unwrap_or(false);
                let mut complete = undone;
                if let Some(spec) = restart {
                    // Generation 0: nothing waits for these lines.
                    if let Err(f) = self::restart(&cfg, &spec, 0, &tx).await {
                        tracing::error!("restart after undo: {:?}", f.summary.id);
                        complete = false;
                    }
                }
                let _ = tx.send(Msg::GoLiveRolledBack { complete });
            });
        }
        Effect::Upload {
            server,
            host,
            crt,
            key,
            generation,
        } => {
            tokio::spawn(async move {
                let result = upload(&server, &host, &crt, &key, cfg.upload_timeout).await;
                let _ = tx.send(Msg::Uploaded { generation, result });
            });
        }
        _ => {}
    }
}

/// Undoes the entries after `mark` (every one without it), newest first.
/// True: each was taken back.
fn undo_since(journal: &Mutex<Journal>, mark: Option<u64>) -> bool {
    let Ok(mut j) = journal.lock() else {
        return false;
    };
    let ids: Vec<u64> = j
        .undoable()
        .iter()
        .map(|e| e.id)
        .filter(|id| mark.is_none_or(|m| *id > m))
        .collect();
    let mut all = true;
    for id in ids {
        match j.undo(id, false) {
            Ok(o) if o.reverted() => {}
            Ok(o) => {
                tracing::error!("undo {id}: {o:?}");
                all = false;
            }
            Err(e) => {
                tracing::error!("undo {id}: {e}");
                all = false;
            }
        }
    }
    all
}

async fn restart(
    cfg: &IoConfig,
    spec: &Site,
    generation: u64,
    tx: &UnboundedSender<Msg>,
) -> Result<(), Finding> {
    let Some(compose) = Compose::detect(None).await else {
        return Err(Finding::new(Text::new("restart-docker-missing")));
    };
    let (events_tx, mut events) = tokio::sync::mpsc::unbounded_channel();
    let lines = tx.clone();
    let forward = tokio::spawn(async move {
        while let Some(e) = events.recv().await {
            let line = match e {
                super::restart::RestartEvent::Command(c) => format!("$ {c}"),
                super::restart::RestartEvent::Line(l) => l,
            };
            tracing::info!(target: "restart", "{line}");
            let _ = lines.send(Msg::RestartLine { generation, line });
        }
    });
    let result = golive::restart(
        spec,
        &compose,
        &Docker::default(),
        cfg.restart_timeout,
        &events_tx,
    )
    .await;
    drop(events_tx);
    let _ = forward.await;
    result.map(|_| ()).map_err(|e| e.finding())
}

/// From the patients' side: the name resolved now, every address checked.
async fn final_check(
    cfg: &IoConfig,
    host: &str,
    local_name: &str,
    own: &[IpAddr],
    expected: &str,
) -> (Outcome, Outcome, Outcome, Vec<String>, Vec<String>) {
    let lookout = Lookout {
        host,
        port: cfg.final_port,
        dns: &cfg.dns,
        roots: &cfg.final_roots,
        expected: Some(expected),
        own,
        local_name,
        ports: &INTERNAL_PORTS,
        timeout: Duration::from_secs(5),
        settle: crate::core::library::settle::PROXY_SETTLE,
    };
    let report = patients::check(&lookout).await;
    // Port 80 is probed at an IPv4 address that was reached from outside:
    // only the IPv4 forward leads to the responder.
    let direct_v4 = report
        .addresses
        .iter()
        .find(|a| a.vantage == Vantage::Direct && a.address.is_ipv4() && a.fingerprint.is_some())
        .map(|a| a.address);
    let port80 = match direct_v4 {
        Some(ip) => port80_quiet(cfg, host, ip).await,
        None => Outcome::Warning(
            Finding::new(Text::new("golive-port80-inside"))
                .fix(Text::new("golive-from-outside-fix").arg("host", host.to_string())),
        ),
    };
    let fingerprints = report.fingerprints();
    let addresses = report
        .addresses
        .iter()
        .map(|a| a.address.to_string())
        .collect();
    (
        report.termine(),
        report.exposure(),
        port80,
        fingerprints,
        addresses,
    )
}

/// Outside an issuance window nothing may answer on the router's port 80:
/// the forward leads to the responder, which runs only while issuing.
async fn port80_quiet(cfg: &IoConfig, host: &str, public: IpAddr) -> Outcome {
    use crate::core::library::reach::ProbeError;
    let probe = super::public_ip::probe(
        host,
        public,
        cfg.probe_port,
        "praxis-tls-quiet",
        cfg.probe_timeout,
    )
    .await;
    let detail = format!("{}:{} -> {:?}", probe.address, probe.port, probe.result);
    match probe.result {
        Err(ProbeError::Refused | ProbeError::ConnectTimeout | ProbeError::Unreachable) => {
            Outcome::Passed(Finding::new(Text::new("golive-port80-quiet")).detail(detail))
        }
        Ok(answer) => Outcome::Failed(
            Finding::new(
                Text::new("golive-port80-answers")
                    .num("status", answer.status)
                    .arg("server", answer.server.unwrap_or_default()),
            )
            .fix(Text::new("golive-port80-answers-fix").num("port", cfg.responder_port))
            .detail(detail),
        ),
        Err(_) => Outcome::Warning(Finding::new(Text::new("golive-port80-unclear")).detail(detail)),
    }
}

/// Sends the pair to the admin app. Its page proves nothing: the result is
/// at best "sent, not confirmed".
pub async fn upload(
    server: &str,
    host: &str,
    crt: &std::path::Path,
    key: &std::path::Path,
    timeout: Duration,
) -> Result<Outcome, Finding> {
    let with_port = if server.contains(':') {
        server.to_string()
    } else {
        format!("{server}:3000")
    };
    let addr = tokio::net::lookup_host(with_port.as_str())
        .await
        .ok()
        .and_then(|mut a| a.next())
        .ok_or_else(|| {
            Finding::new(Text::new("golive-upload-no-server").arg("server", server.to_string()))
        })?;
    let job = super::upload::Upload {
        server: addr,
        host,
        chain_pem: crt,
        key_pem: key,
        timeout,
        now: time::OffsetDateTime::now_utc(),
    };
    match super::upload::upload(&job).await {
        Ok(sent) => Ok(sent.outcome()),
        Err(e) => match e.outcome() {
            Outcome::Failed(f) | Outcome::Warning(f) | Outcome::Passed(f) => Err(f),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_since_takes_back_only_what_came_after_the_mark() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let (a, b) = (dir.path().join("a.yml"), dir.path().join("b.yml"));
        std::fs::write(&a, "a: before\n").unwrap();
        std::fs::write(&b, "b: before\n").unwrap();
        let mut j = Journal::open(&state).unwrap();
        let earlier = j
            .write_file(&a, b"a: earlier run\n", 0o644, "a".into())
            .unwrap();
        j.write_file(&b, b"b: this run\n", 0o644, "b".into())
            .unwrap();
        let j = Mutex::new(j);

        assert!(undo_since(&j, Some(earlier)));
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "a: earlier run\n");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "b: before\n");
    }
}
