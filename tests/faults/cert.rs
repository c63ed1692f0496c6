//! The certificate step: the CA not there at all, and a real ACME server
//! (Pebble) that refuses because its validation fails.

use praxis_tls::core::{Action, CheckId, Overlay, Step, Wizard};
use praxis_tls::io::acme::DirectoryChoice;
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};

use super::rig::{Rig, answers, free_port, nothing_lost, practice, reads, says};
use crate::pebble::Pebble;
use crate::support::knot::{Knot, Zone};

const NAME: &str = "termine.praxis-muster.ch";

/// The practice's zone: the name points at loopback as the DNS step found
/// it, so the look-up right before the order lets the order through.
fn zone() -> Knot {
    Knot::start(&[Zone::new(
        "praxis-muster.ch.",
        "$ORIGIN praxis-muster.ch.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n\
         @ NS ns\nns A 127.0.0.1\ntermine A 127.0.0.1\n",
    )])
}

/// Enter, the terms, yes: the dry run starts, and its answer comes back.
async fn dry_run(rig: &mut Rig) -> Wizard {
    let mut w = practice(Step::Certificate, NAME, None);
    w.network.dns_a = vec![std::net::Ipv4Addr::LOCALHOST];
    // As the firewall step found it.
    w.network.responder_port = rig.responder_port;
    rig.keys(&mut w, &[Action::Next]);
    assert_eq!(w.session.overlay, Overlay::ConfirmIssue, "terms first");
    let n = rig.keys(&mut w, &[Action::Yes]);
    rig.settle(&mut w, n).await;
    w
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_does_not_answer() {
    // A trust anchor that is fine, and nothing listening at the address.
    let anchor = tempfile::NamedTempFile::new().unwrap();
    let key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    std::fs::write(anchor.path(), ca.self_signed(&key).unwrap().pem()).unwrap();
    let down = DirectoryChoice::Custom {
        url: format!("https://127.0.0.1:{}/dir", free_port()),
        root_pem: anchor.path().to_path_buf(),
    };
    let knot = zone();
    let mut rig = Rig::new(|c| {
        c.dns.server = Some(knot.addr);
        c.acme_staging = down.clone();
        c.acme_production = down;
    });
    let before = answers(&practice(Step::Certificate, NAME, None));
    let w = dry_run(&mut rig).await;
    assert!(w.check(CheckId::DryRun).is_failed(), "{:?}", w.checks);
    let read = reads(&w);
    says(
        &read,
        &[
            "Der Server von Let's Encrypt ist von hier aus nicht erreichbar.",
            "Was tun: Prüfen Sie die Internetverbindung dieses Servers und versuchen Sie es erneut.",
        ],
    );
    nothing_lost(&before, &w);
    assert!(w.certificate.installed.is_none());
    assert!(
        w.certificate.attempts.attempts.is_empty(),
        "no attempt spent"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_refuses_because_validation_fails() {
    // Pebble knocks where nothing listens: the responder is elsewhere, as
    // behind a router whose forward points at another port.
    let pebble = Pebble::start(free_port(), None, 0);
    let knot = zone();
    let mut rig = Rig::new(|c| {
        c.dns.server = Some(knot.addr);
        c.acme_staging = pebble.choice();
        c.acme_production = pebble.choice();
    });
    let before = answers(&practice(Step::Certificate, NAME, None));
    let port = rig.responder_port;
    let w = dry_run(&mut rig).await;
    assert!(
        w.check(CheckId::DryRun).is_failed(),
        "{:?}\n{}",
        w.checks,
        pebble.log()
    );
    let read = reads(&w);
    says(
        &read,
        &[
            "Let's Encrypt hat termine.praxis-muster.ch erreicht, aber Port 80 ist geschlossen.",
            &format!(
                "Was tun: Prüfen Sie die Weiterleitung von Port 80 im Router (wo das im Menü \
                 Ihres Routers steht, zeigt Schritt 5): Sie muss auf diesen Server und dort auf \
                 Port {port} zeigen. Dann erneut versuchen."
            ),
        ],
    );
    nothing_lost(&before, &w);
    assert!(w.certificate.installed.is_none());
}
