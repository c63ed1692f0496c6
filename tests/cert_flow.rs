//! The wizard's certificate step against a real Pebble on loopback, through
//! the real executor and responder: dry run first, then the certificate; an
//! interrupted issuance resumes its order; the screens in both languages.

#[path = "support/knot.rs"]
#[allow(dead_code)]
mod knot;
#[path = "support/pebble.rs"]
mod pebble;

use std::os::unix::fs::PermissionsExt as _;
use std::time::Duration;

use pebble::{Pebble, free_port};
use praxis_tls::core::model::certificate::{AcmeEnv, CertSource};
use praxis_tls::core::{
    Action, CheckId, CheckState, Effect, Lang, Msg, Overlay, Step, Wizard, library::domain, update,
};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::public_ip::{DnsEndpoint, DnsQuery};
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::mpsc;

const NAME: &str = "termine.praxis-muster.ch";

struct Lab {
    _knot: knot::Knot,
    dns: DnsConfig,
    pebble: Pebble,
    state: tempfile::TempDir,
    exec: Executor,
    rx: mpsc::UnboundedReceiver<Msg>,
}

/// The practice's zone on a knotd of the test's own: the name points at
/// loopback, where the responder listens (the wizard looks it up again
/// right before every order).
/// The practice's zone, and `myip.opendns.com` answering 127.0.0.9: the
/// address discovery sees now (a test that asks it compares).
fn zone() -> (knot::Knot, DnsConfig) {
    let soa = "$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\n";
    let knot = knot::Knot::start(&[
        knot::Zone::new(
            "praxis-muster.ch.",
            &format!("$ORIGIN praxis-muster.ch.\n{soa}termine A 127.0.0.1\n"),
        ),
        knot::Zone::new(
            "opendns.com.",
            &format!("$ORIGIN opendns.com.\n{soa}myip A 127.0.0.9\n"),
        ),
    ]);
    let dns = DnsConfig {
        server: Some(knot.addr),
        timeout: Duration::from_secs(2),
    };
    (knot, dns)
}

fn lab() -> Lab {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let (knot, dns) = zone();
    let mut cfg = IoConfig::new(state.path(), dns.clone());
    cfg.acme_staging = pebble.choice();
    cfg.acme_production = pebble.choice();
    cfg.responder_port = port;
    // Discovery asks the lab's knot only, never the internet.
    cfg.discovery.v4_dns = vec![DnsEndpoint {
        server: knot.addr,
        name: "myip.opendns.com.".into(),
        query: DnsQuery::Address,
    }];
    cfg.discovery.v6_dns = vec![];
    cfg.discovery.v4_http = vec![];
    cfg.discovery.v6_http = vec![];
    let journal = Journal::open(state.path()).unwrap();
    let (tx, rx) = mpsc::unbounded_channel();
    Lab {
        exec: Executor::new(cfg, journal, tx),
        _knot: knot,
        dns,
        pebble,
        state,
        rx,
    }
}

fn wizard(lang: Lang) -> Wizard {
    let now = time::OffsetDateTime::now_utc();
    let mut w = Wizard::new(lang, now);
    w.domain.parsed = domain::parse(NAME).ok();
    w.step = Step::Certificate;
    w.certificate.email.set("praxis@praxis-muster.ch");
    // What the DNS step found.
    w.network.dns_a = vec![std::net::Ipv4Addr::LOCALHOST];
    w
}

fn step(w: &mut Wizard, lab: &Lab, msg: Msg) -> usize {
    let mut started = 0;
    for e in update(w, msg, time::OffsetDateTime::now_utc()) {
        if matches!(e, Effect::Persist) {
            // As the wizard's loop does after writing the resume file.
            lab.exec.saved(w);
        } else {
            started += 1;
            lab.exec.run(e);
        }
    }
    started
}

/// Runs until nothing is left in flight, or `stop` says so.
async fn settle(w: &mut Wizard, lab: &mut Lab, mut pending: usize, stop: impl Fn(&Msg) -> bool) {
    while pending > 0 {
        let msg = tokio::time::timeout(Duration::from_secs(60), lab.rx.recv())
            .await
            .unwrap_or_else(|_| panic!("no answer; pebble says:\n{}", lab.pebble.log()))
            .unwrap();
        let last = stop(&msg);
        // Progress and orders are reports, not answers.
        if !msg.is_report() {
            pending -= 1;
        }
        pending += step(w, lab, msg);
        if last {
            return;
        }
    }
}

/// Pebble names its intermediate anew at every start, and dates move:
/// the snapshot shows fixed ones, wrapped as they would be.
fn fixed(w: &Wizard) -> Wizard {
    let mut w = w.clone();
    if let Some(rec) = w.certificate.installed.as_mut() {
        rec.issuer = "Pebble Intermediate CA".into();
        rec.not_after = time::macros::datetime!(2031-11-24 10:00 UTC);
    }
    if let Some(CheckState::Passed(f)) = w.checks.get_mut(&CheckId::Certificate) {
        for (k, v) in f.summary.args.iter_mut() {
            match k.as_str() {
                "issuer" => *v = "Pebble Intermediate CA".into(),
                "until" => *v = "2031-11-24".into(),
                "days" => *v = "1825".into(),
                _ => {}
            }
        }
    }
    w
}

fn screen(w: &Wizard) -> String {
    let ctx = ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "nuno".into(),
        responder_port: 28402,
        ..ViewCtx::default()
    };
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, w, &ctx)).unwrap();
    format!("{}", t.backend())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_then_certificate_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        let mut lab = lab();
        let mut w = wizard(lang);
        let n = step(&mut w, &lab, Msg::Key(Action::Recheck));
        assert_eq!(n, 0);
        step(&mut w, &lab, Msg::Key(Action::Next));
        assert_eq!(w.session.overlay, Overlay::ConfirmIssue, "terms first");
        let confirm = screen(&w);
        assert!(
            confirm.contains(if lang == Lang::De {
                "Probelauf"
            } else {
                "terms of service"
            }),
            "{confirm}"
        );
        let n = step(&mut w, &lab, Msg::Key(Action::Yes));
        assert!(w.certificate.terms_accepted);
        settle(&mut w, &mut lab, n, |_| false).await;
        assert_eq!(w.certificate.dry_run_for.as_deref(), Some(NAME));
        assert!(
            matches!(w.check(CheckId::DryRun), CheckState::Passed(_)),
            "{:?}",
            w.check(CheckId::DryRun)
        );
        let CheckState::Passed(_) = w.check(CheckId::Certificate) else {
            panic!("{:?}\n{}", w.check(CheckId::Certificate), lab.pebble.log());
        };
        let rec = w.certificate.installed.clone().unwrap();
        assert_eq!(rec.domain, NAME);
        assert!(rec.path_crt.exists() && rec.path_key.exists());
        let mode = std::fs::metadata(&rec.path_key)
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
        assert!(rec.path_crt.starts_with(lab.state.path().join("certs")));
        assert!(
            !rec.path_crt
                .starts_with(lab.state.path().join("certs/staging"))
        );
        assert!(
            w.certificate.production_order.is_none(),
            "a finished order is forgotten"
        );
        // The resume file never holds key material.
        let json = serde_json::to_string(&w).unwrap();
        assert!(!json.contains("PRIVATE KEY"));
        let s = screen(&w);
        assert!(s.contains(NAME), "{s}");
        insta::assert_snapshot!(
            format!("certificate_issued_{}", lang.tag()),
            screen(&fixed(&w))
        );
        // The gate is open now.
        step(&mut w, &lab, Msg::Key(Action::Next));
        assert_eq!(w.step, Step::Install);
    }
}

/// A program run: its own runtime, so that ending it ends every task it
/// started, as a killed process would. One thread: tasks run only while the
/// test waits, so the "kill" lands right after the order is reported, before
/// the challenge is even fetched.
struct Run {
    rt: tokio::runtime::Runtime,
    exec: Executor,
    rx: mpsc::UnboundedReceiver<Msg>,
}

fn run(cfg: &IoConfig, state: &std::path::Path) -> Run {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (tx, rx) = mpsc::unbounded_channel();
    let exec = Executor::new(cfg.clone(), Journal::open(state).unwrap(), tx);
    Run { rt, exec, rx }
}

impl Run {
    /// Feeds messages until `done` says so; returns the orders reported.
    fn until(
        &mut self,
        w: &mut Wizard,
        first: Msg,
        done: impl Fn(&Wizard, &Msg) -> bool,
    ) -> Vec<String> {
        let _guard = self.rt.enter();
        // The loop starts from what the resume file holds.
        self.exec.saved(w);
        let mut orders = Vec::new();
        let mut msg = first;
        loop {
            if let Msg::OrderCreated { url, env, .. } = &msg {
                assert_eq!(*env, AcmeEnv::Production);
                orders.push(url.clone());
            }
            let stop = done(w, &msg);
            for e in update(w, msg, time::OffsetDateTime::now_utc()) {
                if matches!(e, Effect::Persist) {
                    self.exec.saved(w);
                } else {
                    self.exec.run(e);
                }
            }
            if stop {
                return orders;
            }
            let rx = &mut self.rx;
            msg = self
                .rt
                .block_on(async { tokio::time::timeout(Duration::from_secs(60), rx.recv()).await })
                .unwrap()
                .unwrap();
        }
    }
}

#[test]
fn an_interrupted_issuance_resumes_its_order() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let (_knot, dns) = zone();
    let mut cfg = IoConfig::new(state.path(), dns);
    cfg.acme_staging = pebble.choice();
    cfg.acme_production = pebble.choice();
    cfg.responder_port = port;

    let mut w = wizard(Lang::De);
    w.certificate.terms_accepted = true;
    w.certificate.dry_run_for = Some(NAME.into());
    let mut first = run(&cfg, state.path());
    let orders = first.until(&mut w, Msg::Key(Action::Next), |_, m| {
        matches!(m, Msg::OrderCreated { .. })
    });
    let order = w
        .certificate
        .production_order
        .clone()
        .expect("order persisted before validation");
    assert_eq!(orders, vec![order.clone()]);
    // The program dies: its tasks and its responder with it.
    first.rt.shutdown_timeout(Duration::from_secs(2));

    // The next start reads the model back and goes on.
    let saved: Wizard = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
    let mut w = praxis_tls::core::resumed(saved);
    w.session.overlay = Overlay::None;
    let mut second = run(&cfg, state.path());
    let orders = second.until(&mut w, Msg::Key(Action::Next), |_, m| {
        matches!(m, Msg::Issued { .. } | Msg::IssueFailed { .. })
    });
    assert_eq!(orders, vec![order], "the same order, no second one");
    assert!(
        w.certificate.installed.is_some(),
        "{:?}\n{}",
        w.check(CheckId::Certificate),
        pebble.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn self_signed_only_after_the_warning() {
    let mut lab = lab();
    let mut w = wizard(Lang::De);
    step(&mut w, &lab, Msg::Key(Action::Down));
    step(&mut w, &lab, Msg::Key(Action::Down));
    assert_eq!(w.certificate.source, CertSource::SelfSigned);
    step(&mut w, &lab, Msg::Key(Action::Next));
    assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
    assert!(screen(&w).contains("Warnung"));
    let n = step(&mut w, &lab, Msg::Key(Action::Yes));
    settle(&mut w, &mut lab, n, |_| false).await;
    let rec = w.certificate.installed.clone().unwrap();
    assert!(rec.path_crt.to_string_lossy().contains("self-signed"));
    let s = screen(&w);
    assert!(s.contains("selbst signiert"), "labelled everywhere: {s}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_validation_is_explained_and_counted() {
    let mut lab = lab();
    let mut w = wizard(Lang::En);
    w.certificate.terms_accepted = true;
    w.certificate.dry_run_for = Some(NAME.into());
    // Pebble knocks on its httpPort; make the responder listen elsewhere.
    let (tx, rx) = mpsc::unbounded_channel();
    let mut cfg = IoConfig::new(lab.state.path(), lab.dns.clone());
    cfg.acme_staging = lab.pebble.choice();
    cfg.acme_production = lab.pebble.choice();
    cfg.responder_port = free_port();
    lab.exec = Executor::new(cfg, Journal::open(lab.state.path()).unwrap(), tx);
    lab.rx = rx;
    let n = step(&mut w, &lab, Msg::Key(Action::Next));
    settle(&mut w, &mut lab, n, |_| false).await;
    let CheckState::Failed(f) = w.check(CheckId::Certificate) else {
        panic!("{:?}", w.check(CheckId::Certificate));
    };
    assert!(f.summary.id.starts_with("acme-error-"), "{f:?}");
    assert!(f.detail.is_some(), "the raw text one key away");
    assert_eq!(w.certificate.attempts.attempts.len(), 1);
    // Another try needs a confirmation that shows the limits.
    step(&mut w, &lab, Msg::Key(Action::Next));
    assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
    let s = screen(&w);
    assert!(s.contains("failed attempts"), "{s}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_that_moved_since_the_dns_step_stops_before_any_order() {
    let mut lab = lab();
    let mut w = wizard(Lang::De);
    // The DNS step saw another address; the zone now says 127.0.0.1.
    w.network.dns_a = vec![std::net::Ipv4Addr::new(192, 0, 2, 7)];
    w.certificate.terms_accepted = true;
    step(&mut w, &lab, Msg::Key(Action::Next));
    let n = step(&mut w, &lab, Msg::Key(Action::Yes));
    settle(&mut w, &mut lab, n, |_| false).await;
    let CheckState::Failed(f) = w.check(CheckId::DryRun) else {
        panic!("{:?}", w.check(CheckId::DryRun));
    };
    assert_eq!(f.summary.id, "cert-recheck-moved", "{f:?}");
    assert!(w.certificate.staging_order.is_none(), "no order was placed");
    assert!(
        w.certificate.attempts.attempts.is_empty(),
        "nothing counted"
    );
    let s = screen(&w);
    assert!(s.contains("192.0.2.7") && s.contains("127.0.0.1"), "{s}");
    assert!(s.contains("nichts bei Let's Encrypt"), "{s}");
}

/// The name did not move, but the practice did: the provider gave it a new
/// address since the port-forwarding step (127.0.0.1 then, 127.0.0.9 now,
/// as the lab's discovery answers) and the DynDNS entry did not follow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_public_address_the_name_did_not_follow_stops_before_any_order() {
    let mut lab = lab();
    let mut w = wizard(Lang::De);
    w.network.public_v4 = Some(std::net::Ipv4Addr::LOCALHOST);
    w.certificate.terms_accepted = true;
    step(&mut w, &lab, Msg::Key(Action::Next));
    let n = step(&mut w, &lab, Msg::Key(Action::Yes));
    settle(&mut w, &mut lab, n, |_| false).await;
    let CheckState::Failed(f) = w.check(CheckId::DryRun) else {
        panic!("{:?}", w.check(CheckId::DryRun));
    };
    assert_eq!(f.summary.id, "cert-recheck-public-moved", "{f:?}");
    assert!(w.certificate.staging_order.is_none(), "no order was placed");
    assert!(w.certificate.attempts.attempts.is_empty());
    let s = screen(&w);
    assert!(s.contains("127.0.0.9") && s.contains("127.0.0.1"), "{s}");
    assert!(s.contains("DynDNS"), "{s}");
}
