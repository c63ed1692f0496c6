//! Carries out the core's effects off the UI thread; every result comes
//! back as a message on the channel.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use super::acme::DirectoryChoice;
use super::dns::{self, DnsConfig};
use super::elexis;
use super::firewall::{self, Runner};
use super::issuance::{self, IssueEvent, IssueJob};
use super::journal::{FirewallWindow, Journal};
use super::public_ip::{self, DiscoveryConfig};
use super::responder::{Responder, ResponderConfig};
use crate::core::model::network::PublicSeen;
use crate::core::{Effect, Msg, PendingChange, Text, Wizard};

#[derive(Debug, Clone)]
pub struct IoConfig {
    pub dns: DnsConfig,
    pub state_dir: PathBuf,
    pub discovery: DiscoveryConfig,
    /// The router's WAN address over UPnP-IGD (SSDP target: multicast).
    pub upnp: super::upnp::UpnpConfig,
    /// The local look at the router for its guide (off by default).
    pub router: super::router::RouterProbeConfig,
    /// Where the challenge responder listens on this server.
    pub responder_port: u16,
    /// One address for the responder instead of every one (a lab's).
    pub responder_bind: Option<std::net::IpAddr>,
    /// The port the probe knocks on at the public address: the router's
    /// external port 80 (a lab may map it elsewhere).
    pub probe_port: u16,
    pub probe_timeout: Duration,
    /// Where firewall commands run: this host, or a test's namespace.
    pub firewall: Runner,
    /// The CA for the dry run and for the real certificate; a lab gives
    /// its own for both.
    pub acme_staging: DirectoryChoice,
    pub acme_production: DirectoryChoice,
    /// Where certificates and keys are stored (keys 0600).
    pub cert_dir: PathBuf,
    /// The final check: the port patients reach (443; a lab maps its own),
    /// an address instead of the name's (a lab), and the roots to trust.
    pub final_port: u16,
    pub final_roots: super::verify::Roots,
    pub restart_timeout: Duration,
    /// How long the admin app may take to answer an upload.
    pub upload_timeout: Duration,
    /// The file system the renewal run is set up in (`/`; a test's folder).
    pub system_root: PathBuf,
    /// The running program, which the renewal run may need a copy of.
    pub running_binary: PathBuf,
    /// The pause before Orthanc is looked at a second time after its
    /// restart (a crash on the first request shows by then).
    pub orthanc_settle: Duration,
}

impl IoConfig {
    pub fn new(state_dir: &Path, dns: DnsConfig) -> Self {
        IoConfig {
            dns,
            state_dir: state_dir.to_path_buf(),
            discovery: DiscoveryConfig::default(),
            upnp: Default::default(),
            router: Default::default(),
            responder_port: crate::core::DEFAULT_RESPONDER_PORT,
            responder_bind: None,
            probe_port: 80,
            probe_timeout: Duration::from_secs(5),
            firewall: Runner::host(),
            acme_staging: DirectoryChoice::LetsEncryptStaging,
            acme_production: DirectoryChoice::LetsEncryptProduction,
            cert_dir: state_dir.join("certs"),
            final_port: 443,
            final_roots: super::verify::Roots::System,
            restart_timeout: Duration::from_secs(300),
            upload_timeout: Duration::from_secs(15),
            system_root: PathBuf::from("/"),
            running_binary: std::env::current_exe().unwrap_or_default(),
            orthanc_settle: super::systems_orthanc::SETTLE,
        }
    }
}

#[derive(Clone)]
pub struct Executor {
    cfg: Arc<IoConfig>,
    journal: Arc<Mutex<Journal>>,
    tx: UnboundedSender<Msg>,
    /// Who the router said it was during the last discovery, for its guide.
    router_identity: Arc<Mutex<Option<super::upnp::Identity>>>,
    /// The order URLs in the resume file as the driver last wrote it.
    saved_orders: Arc<tokio::sync::watch::Sender<Vec<String>>>,
}

impl Executor {
    pub fn new(cfg: IoConfig, journal: Journal, tx: UnboundedSender<Msg>) -> Self {
        Executor {
            cfg: Arc::new(cfg),
            journal: Arc::new(Mutex::new(journal)),
            router_identity: Default::default(),
            tx,
            saved_orders: Arc::new(tokio::sync::watch::Sender::new(Vec::new())),
        }
    }

    /// The driver calls this after every write of the resume file (and
    /// once with the state it started from). An issuance reports its order and
    /// then waits until the order is in the file: a run killed during
    /// validation resumes that order instead of spending a new one.
    pub fn saved(&self, w: &Wizard) {
        let c = &w.certificate;
        let urls = [&c.staging_order, &c.production_order]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        self.saved_orders.send_replace(urls);
    }

    /// Changes an earlier run left half done, and firewall windows it left
    /// open, for the dialog at start.
    /// Closes every open window now, before the program ends (a window
    /// left open would wait for its timeout with nothing listening).
    pub fn close_windows_now(&self, keep_table: bool) {
        close_windows(&self.journal, Some(keep_table));
    }

    pub fn pending(&self) -> Vec<PendingChange> {
        match self.journal.lock() {
            Ok(j) => j
                .pending()
                .into_iter()
                .chain(j.open_windows())
                .map(|e| PendingChange::from(&e))
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Starts the work an effect asks for. `Persist` and `Quit` belong to
    /// the driver and are ignored here, and so is the wait for a pause in
    /// typing.
    pub fn run(&self, effect: Effect) {
        let tx = self.tx.clone();
        let cfg = self.cfg.clone();
        match effect {
            Effect::Persist | Effect::Quit | Effect::SettleTyping => {}
            Effect::ScanInstallDirs => {
                tokio::task::spawn_blocking(move || {
                    let _ = tx.send(Msg::InstallCandidates(elexis::scan_candidates()));
                });
            }
            Effect::DetectInstall {
                dir, generation, ..
            } => {
                tokio::task::spawn_blocking(move || {
                    let result = elexis::detect(&dir);
                    let _ = tx.send(Msg::InstallDetected { generation, result });
                });
            }
            Effect::InspectCompose { dir, generation } => {
                tokio::spawn(async move {
                    let docker = crate::io::golive::Docker::default();
                    let facts = crate::io::compose_ready::inspect(&dir, &docker).await;
                    let _ = tx.send(Msg::ComposeInspected { generation, facts });
                });
            }
            Effect::CheckDelegation {
                registered,
                generation,
                ..
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
            Effect::RecheckName {
                name,
                generation,
                ask_public,
            } => {
                tokio::spawn(async move {
                    let public = async {
                        if ask_public {
                            public_ip::discover_v4(&cfg.discovery).await
                        } else {
                            None
                        }
                    };
                    let (report, public_v4) = tokio::join!(dns::resolve(&cfg.dns, &name), public);
                    let _ = tx.send(Msg::NameRechecked {
                        generation,
                        report,
                        public_v4,
                    });
                });
            }
            Effect::DiscoverPublic { generation } => {
                let identity = self.router_identity.clone();
                tokio::spawn(async move {
                    let (found, answer) = tokio::join!(
                        public_ip::discover(&cfg.discovery),
                        super::upnp::ask_router(&cfg.upnp),
                    );
                    let router = answer.wan;
                    let mut errors = found.v4.errors.clone();
                    errors.extend(found.v6.errors.iter().cloned());
                    let seen = PublicSeen {
                        v4: found.v4.addr,
                        v6: found.v6.addr,
                        errors,
                        router_wan: router.as_ref().ok().map(|r| r.addr),
                        router_detail: Some(match &router {
                            Ok(r) => r.describe(),
                            Err(e) => format!("UPnP: {e}"),
                        }),
                    };
                    if let Ok(mut kept) = identity.lock() {
                        *kept = answer.identity;
                    }
                    let _ = tx.send(Msg::PublicDiscovered { generation, seen });
                });
            }
            Effect::DetectRouter { public } => {
                let identity = self.router_identity.lock().ok().and_then(|i| i.clone());
                tokio::spawn(async move {
                    let seen = super::router::detect(&cfg.router, &cfg.dns, identity, public);
                    let _ = tx.send(Msg::RouterDetected(seen.await));
                });
            }
            Effect::DetectFirewall { generation } => {
                tokio::spawn(async move {
                    let detection = firewall::detect(&cfg.firewall).await;
                    let port = cfg.responder_port;
                    let _ = tx.send(Msg::FirewallDetected {
                        generation,
                        detection,
                        port,
                    });
                });
            }
            Effect::OpenFirewall { plan, generation } => {
                let journal = self.journal.clone();
                tokio::task::spawn_blocking(move || {
                    let description = format!(
                        "firewall window, port {} ({:?})",
                        cfg.responder_port, plan.backend
                    );
                    let window = FirewallWindow {
                        plan,
                        netns: cfg.firewall.netns.clone(),
                    };
                    let result = match journal.lock() {
                        Ok(mut j) => j
                            .open_window(window, description)
                            .map(|_| ())
                            .map_err(|e| e.text()),
                        Err(_) => Err(Text::new("firewall-open-failed-fix")),
                    };
                    let _ = tx.send(Msg::FirewallOpened { generation, result });
                });
            }
            Effect::CloseFirewall { keep_table, .. } => {
                let journal = self.journal.clone();
                tokio::task::spawn_blocking(move || close_windows(&journal, Some(keep_table)));
            }
            Effect::Probe {
                name,
                addrs,
                generation,
            } => {
                tokio::spawn(async move {
                    let _ = tx.send(run_probe(&cfg, &name, &addrs, generation).await);
                });
            }
            Effect::FetchTerms => {
                tokio::spawn(async move {
                    let url = match super::acme::Acme::directory(&cfg.acme_production).await {
                        Ok(d) => d.terms_of_service().map(str::to_string),
                        Err(e) => {
                            tracing::warn!("terms of service: {e}");
                            None
                        }
                    };
                    let _ = tx.send(Msg::Terms { url });
                });
            }
            Effect::Issue {
                env,
                name,
                email,
                terms_accepted,
                resume_order,
                window,
                generation,
            } => {
                let journal = self.journal.clone();
                let order_saved = self.saved_orders.subscribe();
                tokio::spawn(async move {
                    if let Some(plan) = window {
                        let opened = open_window_blocking(&journal, &cfg, plan).await;
                        if let Err(text) = opened {
                            let finding = crate::core::Finding::new(text)
                                .fix(Text::new("firewall-open-failed-fix"));
                            let _ = tx.send(Msg::IssueFailed {
                                generation,
                                env: Some(env),
                                finding,
                                kind: crate::core::model::certificate::FailureKind::Other,
                            });
                            return;
                        }
                    }
                    let events_tx = tx.clone();
                    let events = std::sync::Arc::new(move |e: IssueEvent| {
                        let msg = match e {
                            IssueEvent::Stage(stage) => Msg::IssueProgress { generation, stage },
                            IssueEvent::AuthorizationReused(name) => {
                                Msg::AuthorizationReused { generation, name }
                            }
                            IssueEvent::Order { url, resumed } => Msg::OrderCreated {
                                generation,
                                env,
                                url,
                                resumed,
                            },
                        };
                        let _ = events_tx.send(msg);
                    });
                    let directory = match env {
                        crate::core::model::certificate::AcmeEnv::Staging => &cfg.acme_staging,
                        crate::core::model::certificate::AcmeEnv::Production => {
                            &cfg.acme_production
                        }
                    };
                    let job = IssueJob {
                        directory,
                        state_dir: &cfg.state_dir,
                        cert_dir: &cfg.cert_dir,
                        responder_port: cfg.responder_port,
                        responder_bind: cfg.responder_bind,
                        name: &name,
                        email: &email,
                        terms_accepted,
                        resume_order,
                        env,
                        order_saved: Some(order_saved),
                    };
                    let now = time::OffsetDateTime::now_utc();
                    let msg = match issuance::issue_typed(job, events, now).await {
                        Ok(record) => Msg::Issued {
                            generation,
                            env: Some(env),
                            record,
                        },
                        Err((finding, kind)) => Msg::IssueFailed {
                            generation,
                            env: Some(env),
                            finding,
                            kind,
                        },
                    };
                    let _ = tx.send(msg);
                });
            }
            Effect::ImportCertificate {
                name,
                cert,
                key,
                passphrase,
                generation,
            } => {
                tokio::task::spawn_blocking(move || {
                    let now = time::OffsetDateTime::now_utc();
                    let result = issuance::import(
                        &name,
                        &cert,
                        key.as_ref(),
                        passphrase.as_deref(),
                        &cfg.cert_dir,
                        now,
                    );
                    let _ = tx.send(match result {
                        Ok(record) => Msg::Issued {
                            generation,
                            env: None,
                            record,
                        },
                        Err(finding) => Msg::IssueFailed {
                            generation,
                            env: None,
                            finding,
                            kind: crate::core::model::certificate::FailureKind::Other,
                        },
                    });
                });
            }
            Effect::SelfSign { name, generation } => {
                tokio::task::spawn_blocking(move || {
                    let now = time::OffsetDateTime::now_utc();
                    let _ = tx.send(match issuance::self_signed(&name, &cfg.cert_dir, now) {
                        Ok(record) => Msg::Issued {
                            generation,
                            env: None,
                            record,
                        },
                        Err(finding) => Msg::IssueFailed {
                            generation,
                            env: None,
                            finding,
                            kind: crate::core::model::certificate::FailureKind::Other,
                        },
                    });
                });
            }
            e @ (Effect::InstallFiles { .. }
            | Effect::PlanProxy { .. }
            | Effect::ApplyProxy { .. }
            | Effect::Restart { .. }
            | Effect::FinalCheck { .. }
            | Effect::UndoSince { .. }
            | Effect::Upload { .. }) => {
                super::golive_exec::run(cfg, self.journal.clone(), e, tx);
            }
            e @ (Effect::PlanSystem { .. } | Effect::ApplySystem { .. }) => {
                super::systems::run(cfg, self.journal.clone(), e, tx);
            }
            Effect::InspectOrthanc => {
                tokio::task::spawn_blocking(move || {
                    let program = super::orthanc_live::orthanc_program();
                    let facts = super::orthanc_live::build_facts(&program);
                    let affected = crate::core::library::orthanc::live::affected(&facts);
                    let _ = tx.send(Msg::OrthancBuild { affected });
                });
            }
            Effect::InspectSchedule { generation } => {
                tokio::task::spawn_blocking(move || {
                    let view = super::autorenew::inspect(&cfg);
                    let _ = tx.send(Msg::ScheduleInspected { generation, view });
                });
            }
            Effect::InstallSchedule {
                mail,
                password,
                lang,
                generation,
            } => {
                let journal = self.journal.clone();
                tokio::task::spawn_blocking(move || {
                    let result = match journal.lock() {
                        Ok(mut j) => super::autorenew::install(&cfg, &mut j, mail, password, lang),
                        Err(_) => Err(crate::core::Finding::new(Text::new("autorenew-failed-fix"))),
                    };
                    let _ = tx.send(Msg::ScheduleInstalled { generation, result });
                });
            }
            Effect::SendTestMail {
                mail,
                password,
                lang,
                generation,
            } => {
                tokio::spawn(async move {
                    let result = super::autorenew::test_mail(&cfg, &mail, password, lang).await;
                    let _ = tx.send(Msg::TestMailSent { generation, result });
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

/// Opens the firewall window through the journal, off the runtime's threads.
pub(super) async fn open_window_blocking(
    journal: &Arc<Mutex<Journal>>,
    cfg: &IoConfig,
    plan: crate::core::library::firewall::FirewallPlan,
) -> Result<(), Text> {
    let journal = journal.clone();
    let netns = cfg.firewall.netns.clone();
    let port = cfg.responder_port;
    let joined = tokio::task::spawn_blocking(move || {
        let window = FirewallWindow { plan, netns };
        let description = format!("firewall window, port {port}");
        match journal.lock() {
            Ok(mut j) => j
                .open_window(window, description)
                .map(|_| ())
                .map_err(|e| e.text()),
            Err(_) => Err(Text::new("firewall-open-failed-fix")),
        }
    })
    .await;
    joined.unwrap_or_else(|_| Err(Text::new("firewall-open-failed-fix")))
}

/// Starts the responder for one fresh token, knocks on every address the
/// name has, and stops the responder again: it runs only while needed.
async fn run_probe(cfg: &IoConfig, name: &str, addrs: &[std::net::IpAddr], generation: u64) -> Msg {
    let responder = match Responder::start(ResponderConfig {
        port: cfg.responder_port,
        ..ResponderConfig::default()
    })
    .await
    {
        Ok(r) => r,
        Err(e) => {
            return Msg::ProbeFailed {
                generation,
                reason: e.text(),
            };
        }
    };
    let token = random_token();
    let key_auth = format!("{token}.praxis-tls-probe");
    if let Err(e) = responder.add_token(&token, &key_auth) {
        responder.stop().await;
        return Msg::ProbeFailed {
            generation,
            reason: e.text(),
        };
    }
    let mut reports = Vec::new();
    for addr in addrs {
        reports
            .push(public_ip::probe(name, *addr, cfg.probe_port, &token, cfg.probe_timeout).await);
    }
    responder.stop().await;
    Msg::Probed {
        generation,
        key_auth,
        reports,
    }
}

/// A token like an ACME one: 32 random bytes, base64url without padding.
fn random_token() -> String {
    use std::io::Read as _;
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 32];
    let filled = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if filled.is_err() {
        // Not secret, only unguessable enough to tell our answer from others.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        bytes
            .iter_mut()
            .enumerate()
            .for_each(|(i, b)| *b = (t >> (i % 16 * 8)) as u8 ^ i as u8);
    }
    bytes
        .iter()
        .map(|b| ALPHABET[(b & 63) as usize] as char)
        .collect()
}

pub(super) fn close_windows(journal: &Mutex<Journal>, keep_table: Option<bool>) {
    if let Ok(mut j) = journal.lock() {
        close_windows_locked(&mut j, keep_table);
    }
}

fn resolve_pending(journal: &Mutex<Journal>, finish: bool) -> bool {
    let Ok(mut j) = journal.lock() else {
        return false;
    };
    if !finish {
        // Undo also closes windows left open.
        close_windows_locked(&mut j, None);
    }
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

fn close_windows_locked(j: &mut Journal, keep_table: Option<bool>) {
    for (id, result) in j.close_windows(keep_table) {
        match result {
            Ok(o) if o.reverted() => {}
            Ok(o) => tracing::error!("closing firewall window {id}: {o:?}"),
            Err(err) => tracing::error!("closing firewall window {id}: {err}"),
        }
    }
}
