//! The admin-app upload against a stand-in implementing its contract
//! (`tests/support/admin_app.rs`): a sent upload is never "confirmed" on
//! the strength of the success page.

mod support;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use praxis_tls::core::Outcome;
use praxis_tls::io::upload::{self, Upload, UploadError};
use praxis_tls::io::verify::sha256_hex;
use rcgen::{CertificateParams, KeyPair};
use support::admin_app::{AdminApp, Mode};
use time::OffsetDateTime;

const HOST: &str = "termine.praxis-lab.example";

struct Pair {
    _dir: tempfile::TempDir,
    cert: PathBuf,
    key: PathBuf,
    fingerprint: String,
}

fn pair(name: &str) -> Pair {
    let dir = tempfile::tempdir().unwrap();
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(vec![name.to_string()]).unwrap();
    let now = OffsetDateTime::now_utc();
    p.not_before = now - time::Duration::days(1);
    p.not_after = now + time::Duration::days(90);
    let cert = p.self_signed(&key).unwrap();
    let (c, k) = (dir.path().join("chain.pem"), dir.path().join("key.pem"));
    std::fs::write(&c, cert.pem()).unwrap();
    std::fs::write(&k, key.serialize_pem()).unwrap();
    Pair {
        fingerprint: sha256_hex(cert.der()),
        _dir: dir,
        cert: c,
        key: k,
    }
}

fn request<'a>(server: SocketAddr, p: &'a Pair, timeout: Duration) -> Upload<'a> {
    Upload {
        server,
        host: HOST,
        chain_pem: &p.cert,
        key_pem: &p.key,
        timeout,
        now: OffsetDateTime::now_utc(),
    }
}

/// What traefik would serve after a restart: the uploaded certificate if
/// the app wrote it, else the one from before.
fn served_after(dir: &Path, before: &str) -> String {
    let crt = dir.join(format!("{HOST}.crt"));
    match std::fs::read(crt) {
        Ok(pem) => {
            use rustls_pki_types::CertificateDer;
            use rustls_pki_types::pem::PemObject;
            let der = CertificateDer::pem_slice_iter(&pem)
                .next()
                .unwrap()
                .unwrap();
            sha256_hex(der.as_ref())
        }
        Err(_) => before.to_string(),
    }
}

#[tokio::test]
async fn upload_writes_both_files_as_sent_but_is_confirmed_only_by_the_check() {
    let app = AdminApp::start(Mode::Normal).await;
    let p = pair(HOST);
    let sent = upload::upload(&request(app.addr, &p, Duration::from_secs(5)))
        .await
        .unwrap();
    assert_eq!(sent.status, 200);
    assert!(sent.page_says_installed);
    assert_eq!(sent.url, format!("http://{}/manage/certsend", app.addr));
    assert_eq!(sent.fingerprint, p.fingerprint);

    let written = app.written();
    let names: Vec<&str> = written.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [format!("{HOST}.crt"), format!("{HOST}.key")]);
    assert_eq!(written[0].1, std::fs::read(&p.cert).unwrap());
    assert_eq!(written[1].1, std::fs::read(&p.key).unwrap());
    let fields: Vec<String> = app
        .received
        .lock()
        .unwrap()
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(fields, ["cert", "privkey"]);

    // Sent is a warning until the final check sees the certificate.
    match sent.outcome() {
        Outcome::Warning(f) => assert_eq!(f.summary.id, "upload-sent-unconfirmed"),
        other => panic!("{other:?}"),
    }
    let served = served_after(app.dir.path(), "old");
    assert!(matches!(sent.confirm(Some(&served)), Outcome::Passed(_)));
}

#[tokio::test]
async fn success_page_without_files_is_not_confirmed() {
    let app = AdminApp::start(Mode::NothingWritten).await;
    let p = pair(HOST);
    let sent = upload::upload(&request(app.addr, &p, Duration::from_secs(5)))
        .await
        .unwrap();
    assert!(sent.page_says_installed, "the page claims success");
    assert!(app.written().is_empty());
    assert!(matches!(sent.outcome(), Outcome::Warning(_)));
    let served = served_after(app.dir.path(), "fingerprint-of-the-old-certificate");
    match sent.confirm(Some(&served)) {
        Outcome::Failed(f) => {
            assert_eq!(f.summary.id, "upload-not-confirmed");
            assert_eq!(f.fix.unwrap().id, "upload-not-confirmed-fix");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(sent.confirm(None), Outcome::Failed(_)));
}

#[tokio::test]
async fn server_error_500() {
    let app = AdminApp::start(Mode::ServerError).await;
    let p = pair(HOST);
    let e = upload::upload(&request(app.addr, &p, Duration::from_secs(5)))
        .await
        .unwrap_err();
    assert!(
        matches!(e, UploadError::ServerError { status: 500, .. }),
        "{e:?}"
    );
    assert_eq!(e.text().id, "upload-server-error");
}

#[tokio::test]
async fn hanging_app_times_out() {
    let app = AdminApp::start(Mode::Hang).await;
    let p = pair(HOST);
    let started = Instant::now();
    let e = upload::upload(&request(app.addr, &p, Duration::from_millis(800)))
        .await
        .unwrap_err();
    assert!(matches!(e, UploadError::Timeout { .. }), "{e:?}");
    assert_eq!(e.text().id, "upload-timeout");
    assert!(started.elapsed() < Duration::from_secs(5));
    // It did receive the request: a timeout says "unclear", not "not sent".
    assert_eq!(app.received.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn connection_refused() {
    let l = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let addr = l.local_addr().unwrap();
    drop(l);
    let p = pair(HOST);
    let e = upload::upload(&request(addr, &p, Duration::from_secs(2)))
        .await
        .unwrap_err();
    assert!(matches!(e, UploadError::Refused { .. }), "{e:?}");
    assert_eq!(e.text().id, "upload-refused");
}

#[tokio::test]
async fn a_pair_that_does_not_fit_is_not_sent() {
    let app = AdminApp::start(Mode::Normal).await;
    let p = pair("termine.other.example");
    let e = upload::upload(&request(app.addr, &p, Duration::from_secs(2)))
        .await
        .unwrap_err();
    assert!(matches!(e, UploadError::Certificate { .. }), "{e:?}");
    assert!(app.received.lock().unwrap().is_empty());
    assert!(app.written().is_empty());
}

#[test]
fn warning_names_the_server() {
    let server = SocketAddr::from((Ipv4Addr::new(192, 168, 1, 20), 3000));
    let t = upload::warning(server);
    assert_eq!(t.id, "upload-warning");
    assert_eq!(t.args, [("server".to_string(), "192.168.1.20:3000".into())]);
}
