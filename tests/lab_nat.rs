//! The reachability probe against a real NAT router: the responder runs in
//! the `practice` namespace, a client in `internet` fetches the token at
//! the router's public address, and the router's forwards, hairpin NAT and
//! the server's firewall window are switched between requests.
//!
//! The tests share one fixed responder port and take turns (a lock), since
//! each builds and tears down a whole lab. Every address is one of the
//! lab's own; nothing leaves its namespaces.

mod support;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use praxis_tls::core::DEFAULT_RESPONDER_PORT;
use praxis_tls::core::library::firewall::{Backend, plan};
use praxis_tls::core::library::reach::{ProbeClass, ProbeReport, classify_probe};
use praxis_tls::io::firewall::{Runner, apply, close, detect, remove};
use praxis_tls::io::public_ip::probe;
use praxis_tls::io::responder::{Responder, ResponderConfig};
use support::netns::{
    INTERNET_ADDR, Lab, NsRuntime, RouterConfig, SERVER_ADDR, WAN_ADDR, remove_leftovers,
    router_rules, unavailable,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const HOST: &str = "termine.praxis-muster.ch";
const TOKEN: &str = "lab_Token-4711";
const KEY_AUTH: &str = "lab_Token-4711.Fingerabdruck";
/// For answers that must come; generous for a loaded CI machine.
const ANSWER: Duration = Duration::from_secs(5);
/// For probes that are expected to hear nothing: this is what the test waits.
const SILENCE: Duration = Duration::from_millis(1500);
const TRAEFIK_STAND_IN: u16 = 8000;

static SERIAL: Mutex<()> = Mutex::new(());

/// The lock, or `None` (with the reason printed) where the lab cannot run.
fn serial() -> Option<MutexGuard<'static, ()>> {
    let guard = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    match unavailable() {
        None => Some(guard),
        Some(why) => {
            support::skip::skipped(&why);
            None
        }
    }
}

struct World {
    practice: NsRuntime,
    internet: NsRuntime,
    responder: Option<Responder>,
    // Last, so the runtimes (threads inside the namespaces) end first.
    lab: Lab,
}

impl World {
    fn new(config: RouterConfig) -> World {
        let lab = Lab::start(config).expect("build the lab");
        let practice = NsRuntime::enter(&lab.practice).expect("enter practice");
        let internet = NsRuntime::enter(&lab.internet).expect("enter internet");
        World {
            practice,
            internet,
            responder: None,
            lab,
        }
    }

    fn start_responder(&mut self) {
        let cfg = ResponderConfig {
            port: DEFAULT_RESPONDER_PORT,
            v6: None,
            ..ResponderConfig::default()
        };
        let r = self
            .practice
            .run(Responder::start(cfg))
            .expect("responder starts in practice");
        r.add_token(TOKEN, KEY_AUTH).expect("valid token");
        self.responder = Some(r);
    }

    fn stop_responder(&mut self) {
        if let Some(r) = self.responder.take() {
            self.practice.run(r.stop());
        }
    }

    /// What Let's Encrypt's validator would see: `http://WAN/…` from outside.
    fn probe_outside(&self, limit: Duration) -> (ProbeReport, ProbeClass) {
        let report = self
            .internet
            .run(probe(HOST, IpAddr::V4(WAN_ADDR), 80, TOKEN, limit));
        let class = classify_probe(&report, KEY_AUTH, false);
        (report, class)
    }

    /// The wizard's own probe on the server, towards its public address.
    fn probe_inside(&self, limit: Duration) -> (ProbeReport, ProbeClass) {
        let report = self
            .practice
            .run(probe(HOST, IpAddr::V4(WAN_ADDR), 80, TOKEN, limit));
        let class = classify_probe(&report, KEY_AUTH, true);
        (report, class)
    }
}

/// Answers every request the way traefik does when no router matches.
async fn traefik_stand_in(port: u16) -> std::io::Result<tokio::task::JoinHandle<()>> {
    let listener = TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).await?;
    Ok(tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 2048];
                let _ = s.read(&mut buf).await;
                let _ = s
                    .write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n\
                          X-Content-Type-Options: nosniff\r\nContent-Length: 19\r\n\r\n\
                          404 page not found\n",
                    )
                    .await;
            });
        }
    }))
}

#[test]
fn router_rules_follow_the_switches() {
    let on = router_rules(&RouterConfig {
        forward_443: true,
        forward_80: Some(28402),
        hairpin: true,
        stealth: true,
    });
    assert!(on.contains("tcp dport 80 dnat to 192.0.2.10:28402"), "{on}");
    assert!(on.contains("tcp dport 443 dnat to 192.0.2.10:443"), "{on}");
    assert!(on.contains("ct status dnat masquerade"), "{on}");
    assert!(on.contains("tcp dport { 80, 443 } drop"), "{on}");
    let off = router_rules(&RouterConfig {
        forward_443: false,
        forward_80: None,
        hairpin: false,
        stealth: false,
    });
    assert!(!off.contains("dnat to"), "{off}");
    assert!(!off.contains("ct status dnat"), "{off}");
    assert!(off.contains("oifname \"wan\" masquerade"), "{off}");
}

#[test]
fn token_is_served_through_the_forward_and_outbound_is_masqueraded() {
    let Some(_serial) = serial() else { return };
    let mut w = World::new(RouterConfig::default());
    w.start_responder();
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::TokenServed, "{report:?}");

    // The server's own outbound connections leave with the public address.
    let listener = w
        .internet
        .run(async { TcpListener::bind((INTERNET_ADDR, 0)).await })
        .expect("listen in internet");
    let port = listener.local_addr().expect("port").port();
    let seen = w.internet.spawn(async move {
        let accepted = tokio::time::timeout(ANSWER, listener.accept()).await;
        accepted
            .ok()
            .and_then(|a| a.ok())
            .map(|(_, peer)| peer.ip())
    });
    let target = SocketAddr::new(IpAddr::V4(INTERNET_ADDR), port);
    let connected = w.practice.run(async move {
        tokio::time::timeout(ANSWER, tokio::net::TcpStream::connect(target)).await
    });
    assert!(matches!(connected, Ok(Ok(_))), "{connected:?}");
    let peer = w.internet.run(seen).expect("accept task");
    assert_eq!(peer, Some(IpAddr::V4(WAN_ADDR)));
    w.stop_responder();
}

#[test]
fn without_the_forward_the_probe_is_refused_or_times_out() {
    let Some(_serial) = serial() else { return };
    let mut w = World::new(RouterConfig::default());
    w.start_responder();
    w.lab.switch(|c| c.forward_80 = None).expect("forward off");
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(
        class,
        ProbeClass::Refused,
        "the router itself refuses: {report:?}"
    );

    w.lab.switch(|c| c.stealth = true).expect("stealth on");
    let (report, class) = w.probe_outside(SILENCE);
    assert_eq!(
        class,
        ProbeClass::Timeout,
        "a stealth router drops: {report:?}"
    );

    // Forward on, but nothing listening behind it: the server refuses.
    w.lab
        .switch(|c| c.forward_80 = Some(DEFAULT_RESPONDER_PORT))
        .expect("forward on");
    w.stop_responder();
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::Refused, "{report:?}");
}

#[test]
fn forward_to_traefik_is_recognised_and_443_is_forwarded() {
    let Some(_serial) = serial() else { return };
    let mut w = World::new(RouterConfig::default());
    let _traefik = w
        .practice
        .run(traefik_stand_in(TRAEFIK_STAND_IN))
        .expect("stand-in listens");
    let _https = w
        .practice
        .run(async { TcpListener::bind((SERVER_ADDR, 443)).await })
        .expect("listen on 443");
    w.lab
        .switch(|c| c.forward_80 = Some(TRAEFIK_STAND_IN))
        .expect("forward to traefik");
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::Traefik, "{report:?}");

    let connect_443 = |w: &World| {
        let wan = SocketAddr::new(IpAddr::V4(WAN_ADDR), 443);
        w.internet.run(async move {
            tokio::time::timeout(ANSWER, tokio::net::TcpStream::connect(wan))
                .await
                .map(|r| r.is_ok())
                .unwrap_or(false)
        })
    };
    assert!(connect_443(&w), "443 reaches the server");
    w.lab.switch(|c| c.forward_443 = false).expect("443 off");
    assert!(!connect_443(&w), "443 is closed without the forward");
}

#[test]
fn hairpin_decides_whether_the_server_can_test_itself() {
    let Some(_serial) = serial() else { return };
    let mut w = World::new(RouterConfig {
        hairpin: true,
        ..RouterConfig::default()
    });
    w.start_responder();
    let (report, class) = w.probe_inside(ANSWER);
    assert_eq!(class, ProbeClass::TokenServed, "{report:?}");

    w.lab.switch(|c| c.hairpin = false).expect("hairpin off");
    let (report, class) = w.probe_inside(ANSWER);
    assert_eq!(class, ProbeClass::HairpinUnsupported, "{report:?}");
    // From outside nothing changed.
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::TokenServed, "{report:?}");
    w.stop_responder();
}

#[test]
fn firewall_window_on_the_server_gates_the_responder() {
    let Some(_serial) = serial() else { return };
    let mut w = World::new(RouterConfig::default());
    w.start_responder();
    let runner = Runner::in_netns(&w.lab.practice);
    let p = {
        let runner = runner.clone();
        w.practice.run(async move {
            let d = detect(&runner).await;
            assert!(d.nft, "nft is needed inside the namespace");
            plan(Backend::Nftables, &d, DEFAULT_RESPONDER_PORT, 60)
        })
    };
    let (pl, r) = (p.clone(), runner.clone());
    w.practice
        .run(async move { apply(&pl, &r).await })
        .expect("open the window");
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::TokenServed, "window open: {report:?}");

    let (pl, r) = (p.clone(), runner.clone());
    w.practice
        .run(async move { close(&pl, &r).await })
        .expect("close the window");
    let (report, class) = w.probe_outside(SILENCE);
    assert_eq!(class, ProbeClass::Timeout, "window closed: {report:?}");

    let (pl, r) = (p.clone(), runner.clone());
    w.practice
        .run(async move { apply(&pl, &r).await })
        .expect("open again");
    let (report, class) = w.probe_outside(ANSWER);
    assert_eq!(class, ProbeClass::TokenServed, "reopened: {report:?}");

    w.practice
        .run(async move { remove(&p, &runner).await })
        .expect("remove the table");
    w.stop_responder();
}

fn namespaces() -> String {
    let out = std::process::Command::new("ip")
        .args(["netns", "list"])
        .output()
        .expect("ip netns list");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_panicking_test_leaves_no_namespace_behind() {
    let Some(_serial) = serial() else { return };
    let names = std::sync::Mutex::new(Vec::new());
    let result = std::panic::catch_unwind(|| {
        let mut lab = Lab::start(RouterConfig::default()).expect("build the lab");
        lab.spawn(&lab.internet.clone(), "sleep", &["60"])
            .expect("a process inside");
        names.lock().unwrap().extend([
            lab.internet.clone(),
            lab.router.clone(),
            lab.practice.clone(),
        ]);
        panic!("on purpose");
    });
    assert!(result.is_err());
    let names = names.into_inner().unwrap();
    assert_eq!(names.len(), 3);
    let list = namespaces();
    for name in &names {
        assert!(!list.contains(name.as_str()), "{name} is left in\n{list}");
    }
}

#[test]
fn leftovers_of_a_killed_run_are_removed() {
    let Some(_serial) = serial() else { return };
    // A pid that surely is gone: a child that has been waited for.
    let mut child = std::process::Command::new("true").spawn().expect("true");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = format!("praxis-lab-{dead}-0-router");
    let ours = format!("praxis-lab-{}-999-router", std::process::id());
    for name in [&stale, &ours] {
        let ok = std::process::Command::new("ip")
            .args(["netns", "add", name])
            .status()
            .expect("ip netns add");
        assert!(ok.success());
    }
    remove_leftovers();
    let list = namespaces();
    let _ = std::process::Command::new("ip")
        .args(["netns", "delete", &ours])
        .status();
    assert!(!list.contains(&stale), "stale namespace kept:\n{list}");
    assert!(list.contains(&ours), "a live run's namespace was removed");
}
