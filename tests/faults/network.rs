//! Port forwarding and firewall: public-address discovery through a real
//! DNS server, the probe through the real responder and a real connection
//! to the port the router would forward.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use praxis_tls::core::{Action, CheckId, CheckState, Step, Wizard};
use praxis_tls::io::public_ip::{DnsEndpoint, DnsQuery};

use super::rig::{Rig, answers, files, free_port, nothing_lost, practice, reads, says};
use crate::support::knot::{Knot, Zone};

const NAME: &str = "termine.praxis-muster.ch";

/// The lab's zones, where `termine.praxis-muster.ch` has A 203.0.113.10,
/// and the discovery's `myip.opendns.com`, which sees this server's
/// connection as 198.51.100.7: the router got a new address, DNS did not
/// follow.
fn knot() -> Knot {
    let mut zones = crate::support::lab::zones();
    zones.push(Zone::new(
        "opendns.com.",
        "$ORIGIN opendns.com.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n\
         @ NS ns\nns A 127.0.0.1\nmyip A 198.51.100.7\n",
    ));
    Knot::start(&zones)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_address_differs_from_the_a_record() {
    let knot = knot();
    let mut rig = Rig::new(|c| {
        c.dns.server = Some(knot.addr);
        c.discovery.v4_dns = vec![DnsEndpoint {
            server: knot.addr,
            name: "myip.opendns.com.".into(),
            query: DnsQuery::Address,
        }];
    });
    // The DNS step for real, then on to the forwards.
    let mut w = practice(Step::Dns, NAME, None);
    w.confirmed.clear();
    let n = rig.keys(&mut w, &[Action::Recheck]);
    rig.settle(&mut w, n).await;
    let before = answers(&w);
    let n = rig.keys(&mut w, &[Action::Next]);
    rig.settle(&mut w, n).await;
    assert_eq!(w.step, Step::PortForwarding);
    assert_eq!(w.network.public_v4, Some(Ipv4Addr::new(198, 51, 100, 7)));
    assert!(w.check(CheckId::PublicIp).is_failed());
    let read = reads(&w);
    says(
        &read,
        &[
            "Der Name zeigt auf 203.0.113.10, Ihr Anschluss hat aber die Adresse 198.51.100.7.",
            "Was tun: Ändern Sie beim Anbieter der Domain den Adress-Eintrag (A-Eintrag) auf 198.51.100.7.",
        ],
    );
    nothing_lost(&before, &w);
    assert!(files(rig.state.path()).is_empty(), "nothing written");
}

/// The firewall step on a server without an active firewall (the test
/// says so: nothing is ever applied to the machine running it), for a name
/// that points at this machine.
async fn probed(rig: &mut Rig) -> Wizard {
    rig.firewall = Some(Default::default());
    let mut w = practice(Step::Firewall, NAME, None);
    w.network.dns_a = vec![Ipv4Addr::LOCALHOST];
    w.network.public_v4 = Some(Ipv4Addr::LOCALHOST);
    let n = rig.keys(&mut w, &[Action::Recheck]);
    rig.settle(&mut w, n).await;
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_responder_port_is_taken() {
    let holder = std::net::TcpListener::bind((IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0)).unwrap();
    let port = holder.local_addr().map(|a: SocketAddr| a.port()).unwrap();
    let mut rig = Rig::new(|c| {
        c.responder_port = port;
        c.probe_port = port;
    });
    let w = probed(&mut rig).await;
    let CheckState::Failed(f) = w.check(CheckId::Reachability) else {
        panic!("{:?}", w.check(CheckId::Reachability));
    };
    assert_eq!(f.summary.id, "responder-port-in-use", "{f:?}");
    let read = reads(&w);
    says(
        &read,
        &[
            // The kernel keeps 15 characters of a program's name.
            &format!("Port {port} ist schon belegt, vom Programm faults-"),
            "Was tun: Beenden Sie das Programm, das den Port belegt,",
        ],
    );
    nothing_lost(&answers(&w), &w);
    drop(holder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_router_forward_is_missing() {
    // Nothing listens where the router's port 80 would lead.
    let closed = free_port();
    let mut rig = Rig::new(|c| c.probe_port = closed);
    let w = probed(&mut rig).await;
    // From inside, a missing forward looks like a router that does not
    // loop back: a warning that must still send the person to the forward.
    assert!(
        matches!(w.check(CheckId::Reachability), CheckState::Warning(_)),
        "{:?}",
        w.check(CheckId::Reachability)
    );
    let read = reads(&w);
    says(
        &read,
        &[
            "Von innen nicht prüfbar: Die Testdatei kam über die öffentliche Adresse nicht an. \
             Von hier aus sehen eine fehlende, eine falsche und eine richtige Portfreigabe gleich aus",
            &format!(
                "Was tun: Prüfen Sie die Portfreigabe im Router: von außen Port 80 auf diesen \
                 Server, Port {} (die Anleitung für Ihren Router steht in Schritt 5). Der \
                 eigentliche Test ist der Probelauf in Schritt 7 (Zertifikat)",
                rig.responder_port
            ),
        ],
    );
    nothing_lost(&answers(&w), &w);
    assert!(files(rig.state.path()).is_empty(), "nothing written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_router_forward_leads_nowhere_and_times_out() {
    // A port that takes the connection and never answers: a forward to a
    // machine that is off, or a firewall in between.
    let silent = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = silent.local_addr().unwrap().port();
    let mut rig = Rig::new(|c| {
        c.probe_port = port;
        c.probe_timeout = Duration::from_millis(800);
    });
    let w = probed(&mut rig).await;
    // From inside, a missing forward looks like a router that does not
    // loop back: a warning that must still send the person to the forward.
    assert!(
        matches!(w.check(CheckId::Reachability), CheckState::Warning(_)),
        "{:?}",
        w.check(CheckId::Reachability)
    );
    let read = reads(&w);
    says(
        &read,
        &[
            "eine fehlende, eine falsche und eine richtige Portfreigabe gleich aus",
            &format!(
                "Was tun: Prüfen Sie die Portfreigabe im Router: von außen Port 80 auf diesen \
                 Server, Port {} (die Anleitung",
                rig.responder_port
            ),
            "Der eigentliche Test ist der Probelauf in Schritt 7",
        ],
    );
    nothing_lost(&answers(&w), &w);
    drop(silent);
}
