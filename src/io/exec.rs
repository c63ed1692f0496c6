//! Carries out the core's effects off the UI thread; every result comes
//! back as a message on the channel.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use super::dns::{self, DnsConfig};
use super::elexis;
use super::journal::Journal;
use crate::core::{Effect, Msg, PendingChange};

#[derive(Debug, Clone)]
pub struct IoConfig {
    pub dns: DnsConfig,
    pub state_dir: PathBuf,
}

impl IoConfig {
    pub fn new(
        state_dir: &Path,
        dns_server: Option<std::net::SocketAddr>,
        dns_timeout: Duration,
    ) -> Self {
        IoConfig {
            dns: DnsConfig {
                server: dns_server,
                timeout: dns_timeout,
            },
            state_dir: state_dir.to_path_buf(),
        }
    }
}

#[derive(Clone)]
pub struct Executor {
    cfg: Arc<IoConfig>,
    journal: Arc<Mutex<Journal>>,
    tx: UnboundedSender<Msg>,
}

impl Executor {
    pub fn new(cfg: IoConfig, journal: Journal, tx: UnboundedSender<Msg>) -> Self {
        Executor {
            cfg: Arc::new(cfg),
            journal: Arc::new(Mutex::new(journal)),
            tx,
        }
    }

    /// Changes an earlier run left half done, for the dialog at start.
    pub fn pending(&self) -> Vec<PendingChange> {
        match self.journal.lock() {
            Ok(j) => j
                .pending()
                .into_iter()
                .map(|e| PendingChange {
                    id: e.id,
                    description: e.description.clone(),
                })
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Starts the work an effect asks for. `Persist` and `Quit` belong to
    /// the event loop and are ignored here.
    pub fn run(&self, effect: Effect) {
        let tx = self.tx.clone();
        let cfg = self.cfg.clone();
        match effect {
            Effect::Persist | Effect::Quit => {}
            Effect::ScanInstallDirs => {
                tokio::task::spawn_blocking(move || {
                    let _ = tx.send(Msg::InstallCandidates(elexis::scan_candidates()));
                });
            }
            Effect::DetectInstall { dir, generation } => {
                tokio::task::spawn_blocking(move || {
                    let result = elexis::detect(&dir);
                    let _ = tx.send(Msg::InstallDetected { generation, result });
                });
            }
            Effect::CheckDelegation {
                registered,
                generation,
            } => {
                tokio::spawn(async move {
                    let delegation = dns::check_delegation(&cfg.dns, &registered).await;
                    let _ = tx.send(Msg::DelegationResolved {
                        generation,
                        delegation,
                    });
                });
            }
            Effect::ResolveDns { name, generation } => {
                tokio::spawn(async move {
                    let report = dns::resolve(&cfg.dns, &name).await;
                    let _ = tx.send(Msg::DnsResolved { generation, report });
                });
            }
            Effect::ResolvePending { finish } => {
                let journal = self.journal.clone();
                tokio::task::spawn_blocking(move || {
                    let ok = resolve_pending(&journal, finish);
                    let _ = tx.send(Msg::PendingResolved { ok });
                });
            }
        }
    }
}

fn resolve_pending(journal: &Mutex<Journal>, finish: bool) -> bool {
    let Ok(mut j) = journal.lock() else {
        return false;
    };
    let ids: Vec<u64> = j.pending().iter().map(|e| e.id).collect();
    let mut ok = true;
    for id in ids {
        let result = if finish {
            j.finish(id)
        } else {
            j.undo(id, false).map(|_| ())
        };
        if let Err(e) = result {
            tracing::error!("pending change {id}: {e}");
            ok = false;
        }
    }
    ok
}
