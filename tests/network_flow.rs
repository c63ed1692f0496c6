//! The port-forwarding and firewall steps against real servers on loopback:
//! public-address discovery through a real DNS server, the probe through the
//! real responder, and what the screens then say, in German and English.

mod support;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use praxis_tls::core::library::dns::{DnsReport, LookupError};
use praxis_tls::core::library::domain;
use praxis_tls::core::{Action, Arg, CheckId, CheckState, Effect, Lang, Msg, Step, Wizard, update};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::public_ip::{DnsEndpoint, DnsQuery};
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::knot::{Knot, Zone};
use time::macros::datetime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

const NOW: time::OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

/// What `myip.opendns.com` answers: here, the loopback address, which is
/// also where the lab's name points.
fn lab_dns() -> Knot {
    let soa = "$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\n";
    Knot::start(&[Zone::new(
        "opendns.com.",
        &format!("$ORIGIN opendns.com.\n{soa}myip A 127.0.0.1\n"),
    )])
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

/// Answers every request like traefik does for an unknown route.
async fn fake_traefik() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf).await;
            let body = "404 page not found\n";
            let answer = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    port
}

/// A wizard on the port-forwarding step for a name pointing at loopback.
fn wizard() -> Wizard {
    let mut w = Wizard::new(Lang::De, NOW);
    w.domain.parsed = domain::parse("termine.praxis-muster.ch").ok();
    let report = DnsReport {
        name: "termine.praxis-muster.ch".into(),
        cname_chain: vec![],
        a: Ok(vec![Ipv4Addr::LOCALHOST]),
        aaaa: Err(LookupError::NoRecords),
        caa: Ok(None),
    };
    w.network.dns_a = report.a.clone().unwrap();
    w.step = Step::PortForwarding;
    w
}

struct Lab {
    responder_port: u16,
    _dns: Knot,
    _state: tempfile::TempDir,
    exec: Executor,
    rx: mpsc::UnboundedReceiver<Msg>,
}

fn lab(probe_port: u16, responder_port: u16) -> Lab {
    let dns = lab_dns();
    let state = tempfile::tempdir().unwrap();
    let mut cfg = IoConfig::new(
        state.path(),
        DnsConfig {
            server: Some(dns.addr),
            timeout: Duration::from_secs(2),
        },
    );
    let endpoint = DnsEndpoint {
        server: dns.addr,
        name: "myip.opendns.com.".into(),
        query: DnsQuery::Address,
    };
    cfg.discovery.v4_dns = vec![endpoint];
    cfg.discovery.v6_dns = vec![];
    cfg.discovery.v4_http = vec![];
    cfg.discovery.v6_http = vec![];
    cfg.discovery.timeout = Duration::from_secs(2);
    // No router on loopback: the UPnP search stays here and finds nothing.
    cfg.upnp.ssdp_target = SocketAddr::from((Ipv4Addr::LOCALHOST, 9));
    cfg.upnp.discovery_timeout = Duration::from_millis(300);
    cfg.responder_port = responder_port;
    cfg.probe_port = probe_port;
    cfg.probe_timeout = Duration::from_secs(2);
    let journal = Journal::open(state.path()).unwrap();
    let (tx, rx) = mpsc::unbounded_channel();
    Lab {
        responder_port,
        _dns: dns,
        exec: Executor::new(cfg, journal, tx),
        _state: state,
        rx,
    }
}

/// Feeds effects to the real executor until the wizard is quiet.
async fn settle(w: &mut Wizard, lab: &mut Lab, effects: Vec<Effect>) {
    let mut pending = 0;
    for e in effects {
        if !matches!(e, Effect::Persist) {
            pending += 1;
            lab.exec.run(e);
        }
    }
    while pending > 0 {
        let msg = tokio::time::timeout(Duration::from_secs(15), lab.rx.recv())
            .await
            .unwrap()
            .unwrap();
        pending -= 1;
        for e in update(w, msg, NOW) {
            if !matches!(e, Effect::Persist) {
                pending += 1;
                lab.exec.run(e);
            }
        }
    }
}

/// The ports are the test's own; the snapshot shows the default instead.
fn screen_with_ports(w: &Wizard, ports: &[u16]) -> String {
    let mut w = w.clone();
    for state in w.checks.values_mut() {
        if let CheckState::Passed(f) | CheckState::Warning(f) | CheckState::Failed(f) = state {
            for t in std::iter::once(&mut f.summary).chain(f.fix.as_mut()) {
                for (_, v) in t.args.iter_mut() {
                    if ports.iter().any(|p| *v == Arg::Num((*p).into())) {
                        *v = Arg::Num(28402);
                    }
                }
            }
            f.detail = None;
        }
    }
    screen(&w)
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

/// Discovery, then "forwards confirmed", then the firewall step on a
/// machine where the test says no firewall is active.
async fn walk(w: &mut Wizard, lab: &mut Lab) {
    let effects = praxis_tls::core::update(w, Msg::Key(Action::Recheck), NOW);
    settle(w, lab, effects).await;
    assert!(
        w.check(CheckId::PublicIp).is_settled(),
        "{:?}",
        w.check(CheckId::PublicIp)
    );
    assert_eq!(w.network.public_v4, Some(Ipv4Addr::LOCALHOST));
    update(w, Msg::Key(Action::Toggle), NOW);
    let effects = update(w, Msg::Key(Action::Next), NOW);
    assert_eq!(w.step, Step::Firewall);
    // The firewall is detected on this machine; the test decides for "none"
    // so that nothing is ever applied here.
    let g = effects
        .iter()
        .find_map(|e| match e {
            Effect::DetectFirewall { generation } => Some(*generation),
            _ => None,
        })
        .unwrap();
    let port = lab.responder_port;
    let detected = Msg::FirewallDetected {
        generation: g,
        detection: Default::default(),
        port,
    };
    let effects = update(w, detected, NOW);
    settle(w, lab, effects).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_well_configured_practice_passes() {
    let port = free_port();
    let mut lab = lab(port, port);
    let mut w = wizard();
    walk(&mut w, &mut lab).await;
    let CheckState::Passed(f) = w.check(CheckId::Reachability) else {
        panic!("{:?}", w.check(CheckId::Reachability));
    };
    assert_eq!(f.summary.id, "reach-probe-ok");
    assert!(w.check(CheckId::Ipv6Path).is_settled());
    for lang in [Lang::De, Lang::En] {
        w.lang = lang;
        let s = screen_with_ports(&w, &[port]);
        insta::assert_snapshot!(format!("firewall_ok_{}", lang.tag()), s);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn traefik_behind_the_forward_is_named() {
    let traefik = fake_traefik().await;
    let responder = free_port();
    let mut lab = lab(traefik, responder);
    let mut w = wizard();
    walk(&mut w, &mut lab).await;
    let CheckState::Failed(f) = w.check(CheckId::Reachability) else {
        panic!("{:?}", w.check(CheckId::Reachability));
    };
    assert_eq!(f.summary.id, "reach-probe-traefik");
    for lang in [Lang::De, Lang::En] {
        w.lang = lang;
        let s = screen_with_ports(&w, &[traefik, responder]);
        insta::assert_snapshot!(format!("firewall_traefik_{}", lang.tag()), s);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_responder_port_names_its_holder() {
    let holder = std::net::TcpListener::bind((IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0)).unwrap();
    let port = holder.local_addr().map(|a: SocketAddr| a.port()).unwrap();
    let mut lab = lab(port, port);
    let mut w = wizard();
    walk(&mut w, &mut lab).await;
    let CheckState::Failed(f) = w.check(CheckId::Reachability) else {
        panic!("{:?}", w.check(CheckId::Reachability));
    };
    assert!(f.summary.id.starts_with("responder-port-in-use"), "{f:?}");
    drop(holder);
}
