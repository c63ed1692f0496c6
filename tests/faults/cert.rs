//! The certificate step: the CA not there at all, and a real ACME server
//! (Pebble) that refuses because its validation fails.

use praxis_tls::core::{Action, CheckId, Overlay, Step, Wizard};
use praxis_tls::io::acme::DirectoryChoice;
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};

use super::rig::{Rig, answers, free_port, nothing_lost, practice, reads, says};
use crate::pebble::Pebble;

const NAME: &str = "termine.praxis-muster.ch";

/// Enter, the terms, yes: the dry run starts, and its answer comes back.
async fn dry_run(rig: &mut Rig) -> Wizard {
    let mut w = practice(Step::Certificate, NAME, None);
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
    let mut rig = Rig::new(|c| {
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
    let mut rig = Rig::new(|c| {
        c.acme_staging = pebble.choice();
        c.acme_production = pebble.choice();
    });
    let before = answers(&practice(Step::Certificate, NAME, None));
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
            "Was tun: Prüfen Sie die Weiterleitung von Port 80 im Router: Sie muss auf diesen \
             Server und den Port des Assistenten zeigen. Dann erneut versuchen.",
        ],
    );
    nothing_lost(&before, &w);
    assert!(w.certificate.installed.is_none());
}
