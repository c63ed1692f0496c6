//! Issuance against a real Pebble on loopback (Debian package `pebble`).

#[path = "support/acme_responder.rs"]
mod acme_responder;
#[path = "support/pebble.rs"]
mod pebble;

use std::os::unix::fs::PermissionsExt as _;
use std::sync::{Arc, Mutex};

use acme_responder::TestResponder;
use pebble::Pebble;
use praxis_tls::io::acme::{Acme, AcmeError, IssueRequest, Progress, Stage, Timeouts};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject as _;
use time::macros::date;
use x509_parser::prelude::{FromDer as _, X509Certificate};

const EMAIL: &str = "praxis@praxis-muster.ch";

fn init() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

fn request(name: &str, cert_dir: &std::path::Path, resume: Option<String>) -> IssueRequest {
    IssueRequest {
        name: name.into(),
        cert_dir: cert_dir.to_path_buf(),
        resume_order: resume,
        today: date!(2026 - 11 - 24),
        timeouts: Timeouts::default(),
        order_saved: None,
    }
}

type Seen = Arc<Mutex<Vec<Progress>>>;

fn recorder() -> (Seen, impl Fn(Progress) + Send + Sync) {
    let seen = Seen::default();
    let s = seen.clone();
    (seen, move |p| s.lock().unwrap().push(p))
}

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Each certificate signed by the next, the last by Pebble's issuing root.
fn verify_chain(chain_pem: &str, root_pem: &str) {
    let mut ders: Vec<CertificateDer> = CertificateDer::pem_slice_iter(chain_pem.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    ders.push(CertificateDer::from_pem_slice(root_pem.as_bytes()).unwrap());
    assert!(ders.len() >= 3, "leaf, intermediate, root");
    let certs: Vec<X509Certificate> = ders
        .iter()
        .map(|d| X509Certificate::from_der(d).unwrap().1)
        .collect();
    for pair in certs.windows(2) {
        pair[0]
            .verify_signature(Some(pair[1].public_key()))
            .unwrap_or_else(|e| {
                panic!(
                    "{} not signed by {}: {e}",
                    pair[0].subject(),
                    pair[1].subject()
                )
            });
    }
    let root = certs.last().unwrap();
    root.verify_signature(None).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issues_verifies_and_versions() {
    init();
    let responder = TestResponder::start(true).await;
    let pebble = Pebble::start(responder.port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let certs = tempfile::tempdir().unwrap();
    let (seen, progress) = recorder();

    let acme = Acme::open(&pebble.choice(), state.path(), EMAIL, true, &progress)
        .await
        .unwrap();
    assert!(acme.created);
    let name = "termine.praxis-muster.ch";
    let issued = acme
        .issue(&request(name, certs.path(), None), &responder, &progress)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", pebble.log()));

    let stages: Vec<Stage> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(|p| match p {
            Progress::Stage(s) => Some(*s),
            _ => None,
        })
        .collect();
    assert_eq!(
        stages,
        [
            Stage::Account,
            Stage::Order,
            Stage::Validation,
            Stage::Certificate
        ]
    );
    let order_at = seen
        .lock()
        .unwrap()
        .iter()
        .position(|p| matches!(p, Progress::Order { .. }));
    let validation_at = seen
        .lock()
        .unwrap()
        .iter()
        .position(|p| *p == Progress::Stage(Stage::Validation));
    assert!(
        order_at < validation_at,
        "order URL reported before validation"
    );

    assert_eq!(
        issued.paths.crt.file_name().unwrap().to_str().unwrap(),
        "termine.praxis-muster.ch.2026-11-24.crt"
    );
    assert_eq!(mode(&issued.paths.key), 0o600);
    assert_eq!(responder.published(), 0, "tokens withdrawn afterwards");
    let chain = std::fs::read_to_string(&issued.paths.crt).unwrap();
    verify_chain(&chain, &pebble.issuing_root_pem().await);
    assert_eq!(issued.info.name, name);
    assert_eq!(issued.info.dns_names, [name]);
    assert!(!issued.info.self_signed);
    assert_eq!(issued.info.fingerprint_sha256.len(), 32 * 3 - 1);
    assert!(issued.info.days_left(time::OffsetDateTime::now_utc()) > 80);
    assert!(issued.info.ari_id.is_some());

    // The key on disk belongs to the certificate.
    let key =
        rcgen::KeyPair::from_pem(&std::fs::read_to_string(&issued.paths.key).unwrap()).unwrap();
    let leaf = CertificateDer::pem_slice_iter(chain.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let (_, leaf) = X509Certificate::from_der(&leaf).unwrap();
    assert_eq!(
        leaf.public_key().subject_public_key.data.as_ref(),
        key.public_key_raw()
    );

    // Same day again: a new version, the first pair untouched.
    let again = acme
        .issue(&request(name, certs.path(), None), &responder, &progress)
        .await
        .unwrap();
    assert_eq!(again.paths.stem, "termine.praxis-muster.ch.2026-11-24-2");
    assert_eq!(std::fs::read_to_string(&issued.paths.crt).unwrap(), chain);
    assert_ne!(again.order_url, issued.order_url);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_is_stored_0600_and_reused() {
    init();
    let pebble = Pebble::start(pebble::free_port(), None, 0);
    let state = tempfile::tempdir().unwrap();
    let (_, progress) = recorder();
    let choice = pebble.choice();

    let info = Acme::directory(&choice).await.unwrap();
    assert!(
        info.terms_of_service().is_some(),
        "Pebble offers terms to accept"
    );
    assert!(info.renewal_info.is_none(), "Pebble 2.4 has no ARI");

    let refused = Acme::open(&choice, state.path(), EMAIL, false, &progress).await;
    assert!(matches!(refused, Err(AcmeError::TermsNotAccepted)));
    let bad = Acme::open(&choice, state.path(), "praxis@", true, &progress).await;
    assert!(matches!(bad, Err(AcmeError::Email { .. })));
    assert!(!Acme::has_account(state.path(), &choice));

    let first = Acme::open(&choice, state.path(), EMAIL, true, &progress)
        .await
        .unwrap();
    assert!(first.created);
    let file = praxis_tls::io::acme::AccountFile::path(state.path(), &choice.url());
    assert_eq!(mode(&file), 0o600);
    // Reuse needs neither the address nor the acceptance again.
    let second = Acme::open(&choice, state.path(), "", false, &progress)
        .await
        .unwrap();
    assert!(!second.created);
    assert_eq!(first.account_id(), second.account_id());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_issuance_resumes_its_order() {
    init();
    let responder = TestResponder::start(true).await;
    let pebble = Pebble::start(responder.port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let certs = tempfile::tempdir().unwrap();
    let (_, quiet) = recorder();
    let acme = Acme::open(&pebble.choice(), state.path(), EMAIL, true, &quiet)
        .await
        .unwrap();
    let name = "termine.resume.example";

    // Stop the run the moment the order URL is reported: as if the SSH
    // session dropped during validation.
    let (tx, rx) = tokio::sync::oneshot::channel::<String>();
    let tx = Mutex::new(Some(tx));
    let on_progress = move |p: Progress| {
        if let Progress::Order { url, .. } = p
            && let Some(tx) = tx.lock().unwrap().take()
        {
            let _ = tx.send(url);
        }
    };
    let req = request(name, certs.path(), None);
    let issue = acme.issue(&req, &responder, &on_progress);
    let url = tokio::select! {
        r = issue => panic!("issuance should have been interrupted: {:?}", r.map(|i| i.order_url)),
        url = rx => url.unwrap(),
    };

    let (seen, progress) = recorder();
    let resumed = acme
        .issue(
            &request(name, certs.path(), Some(url.clone())),
            &responder,
            &progress,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", pebble.log()));
    assert_eq!(resumed.order_url, url, "no second order");
    assert!(resumed.resumed);
    assert!(
        seen.lock()
            .unwrap()
            .contains(&Progress::Order { url, resumed: true })
    );

    // A resume URL for another name is not used.
    let other = acme
        .issue(
            &request(
                "other.resume.example",
                certs.path(),
                Some(resumed.order_url.clone()),
            ),
            &responder,
            &progress,
        )
        .await
        .unwrap();
    assert!(!other.resumed);
    assert_ne!(other.order_url, resumed.order_url);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_validation_becomes_a_finding() {
    init();
    let responder = TestResponder::start(false).await;
    let pebble = Pebble::start(responder.port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let certs = tempfile::tempdir().unwrap();
    let (_, progress) = recorder();
    let acme = Acme::open(&pebble.choice(), state.path(), EMAIL, true, &progress)
        .await
        .unwrap();
    let err = acme
        .issue(
            &request("termine.broken.example", certs.path(), None),
            &responder,
            &progress,
        )
        .await
        .unwrap_err();
    let finding = err.finding().unwrap_or_else(|| panic!("no finding: {err}"));
    assert!(finding.summary.id.starts_with("acme-error-"), "{finding:?}");
    assert_eq!(finding.summary.id, "acme-error-unauthorized", "{finding:?}");
    assert!(
        finding
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("unauthorized"),
        "{finding:?}"
    );
    assert_eq!(
        std::fs::read_dir(certs.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
}
