//! The systems step through the real executor: Orthanc's configuration
//! and files from the practice CA (with browser certificates), and Express
//! Gateway's certificate from a real Pebble, its DNS from
//! pebble-challtestsrv. Every result is read back from disk, and undo
//! restores the files the practice had.

#[path = "support/pebble.rs"]
mod pebble;

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::time::Duration;

use pebble::{Pebble, free_port};
use praxis_tls::core::steps::systems::SystemKind;
use praxis_tls::core::{
    Action, CheckId, CheckState, Effect, Lang, Msg, Overlay, Step, Wizard, library::domain, update,
};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use tokio::sync::mpsc;

const NAME: &str = "termine.praxis-muster.ch";

struct Lab {
    state: tempfile::TempDir,
    exec: Executor,
    rx: mpsc::UnboundedReceiver<Msg>,
}

fn lab(cfg: impl FnOnce(&mut IoConfig)) -> Lab {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let state = tempfile::tempdir().unwrap();
    let dns = DnsConfig {
        server: None,
        timeout: Duration::from_secs(2),
    };
    let mut c = IoConfig::new(state.path(), dns);
    cfg(&mut c);
    let journal = Journal::open(state.path()).unwrap();
    let (tx, rx) = mpsc::unbounded_channel();
    Lab {
        exec: Executor::new(c, journal, tx),
        state,
        rx,
    }
}

fn wizard() -> Wizard {
    let mut w = Wizard::new(Lang::De, time::OffsetDateTime::now_utc());
    w.domain.parsed = domain::parse(NAME).ok();
    w.step = Step::Systems;
    w
}

/// One key or result through the core; effects go to the executor.
fn step(w: &mut Wizard, lab: &Lab, msg: Msg) -> usize {
    let mut started = 0;
    for e in update(w, msg, time::OffsetDateTime::now_utc()) {
        if !matches!(e, Effect::Persist) {
            started += 1;
            lab.exec.run(e);
        }
    }
    started
}

fn keys(w: &mut Wizard, lab: &Lab, actions: &[Action]) -> usize {
    actions.iter().map(|a| step(w, lab, Msg::Key(*a))).sum()
}

fn typed(w: &mut Wizard, lab: &Lab, s: &str) {
    for c in s.chars() {
        step(w, lab, Msg::Key(Action::Char(c)));
    }
}

async fn settle(w: &mut Wizard, lab: &mut Lab, mut pending: usize) {
    while pending > 0 {
        let msg = tokio::time::timeout(Duration::from_secs(90), lab.rx.recv())
            .await
            .expect("an answer from the executor")
            .unwrap();
        pending -= 1;
        pending += step(w, lab, msg);
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Orthanc's comments removed, so serde_json can read the result.
fn json_without_comments(text: &str) -> serde_json::Value {
    let kept: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') || l[..i].matches('"').count() % 2 == 0 => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::new();
    let mut rest = kept.as_str();
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once("*/").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"))
}

const LOGIN_PASSWORD: &str = "Praxis-Login-2026";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orthanc_gets_https_and_browser_certificates_and_undo_restores_it() {
    let mut lab = lab(|_| {});
    let etc = tempfile::tempdir().unwrap();
    let config = etc.path().join("orthanc.json");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orthanc/with-tls.json");
    // On a free port, where a stand-in for Orthanc serves what the step
    // writes (the real Orthanc is in tests/orthanc_live.rs).
    let port = free_port();
    let original = std::fs::read_to_string(fixture)
        .unwrap()
        .replace("\"HttpPort\": 8042", &format!("\"HttpPort\": {port}"));
    std::fs::write(&config, &original).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o640)).unwrap();
    tokio::spawn(stand_in(etc.path().to_path_buf(), port));

    let mut w = wizard();
    keys(&mut w, &lab, &[Action::Down]);
    typed(&mut w, &lab, "pacs.praxis.lan");
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, &config.display().to_string());
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, "192.168.1.20");
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, "Dr. Muster, Empfang");
    // The stand-in needs no restart; each one is counted.
    let restarts = etc.path().join("restarts");
    w.systems.orthanc.restart =
        praxis_tls::core::TextInput::new(format!("sh -c 'echo x >> {}'", restarts.display()));
    // A login for the practice computers, then the browser passphrase.
    keys(&mut w, &lab, &[Action::NextField, Action::NextField]);
    typed(&mut w, &lab, "praxis");
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, LOGIN_PASSWORD);
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, "ein-langes-kennwort");

    let n = keys(&mut w, &lab, &[Action::Next]);
    settle(&mut w, &mut lab, n).await;
    let plan = w.systems.plan.clone().expect("a plan to show");
    assert!(plan.diff.contains("+") && plan.diff.contains("pacs.praxis.lan.pem"));
    // The login's password is shown masked, never as typed.
    assert!(
        plan.diff.contains("\"praxis\": \"********\""),
        "{}",
        plan.diff
    );
    assert!(!plan.diff.contains(LOGIN_PASSWORD));
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        original,
        "the plan writes nothing"
    );

    keys(&mut w, &lab, &[Action::Next]);
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    let n = keys(&mut w, &lab, &[Action::Yes]);
    settle(&mut w, &mut lab, n).await;
    let CheckState::Passed(_) = w.check(CheckId::Orthanc) else {
        panic!("{:?}", w.check(CheckId::Orthanc));
    };
    assert!(w.systems.done(SystemKind::Orthanc).is_some());

    // The configuration, read back: HTTPS on, our file, client certificates.
    let edited = std::fs::read_to_string(&config).unwrap();
    assert!(edited.contains("// Praxis-PACS"), "comments kept");
    let v = json_without_comments(&edited);
    let pem = etc.path().join("pacs.praxis.lan.pem");
    assert_eq!(v["SslEnabled"], true);
    assert_eq!(v["SslCertificate"], pem.display().to_string());
    assert_eq!(v["SslVerifyPeers"], true);
    let client_ca = etc.path().join("praxis-ca.crt");
    assert_eq!(
        v["SslTrustedClientCertificates"],
        client_ca.display().to_string()
    );
    assert_eq!(mode(&config), 0o640, "the file keeps its mode");
    // The login as Orthanc reads it.
    assert_eq!(v["RemoteAccessAllowed"], true);
    assert_eq!(v["AuthenticationEnabled"], true);
    assert_eq!(v["RegisteredUsers"]["praxis"], LOGIN_PASSWORD);

    // Key and certificate in one file, private.
    let combined = std::fs::read_to_string(&pem).unwrap();
    assert!(combined.contains("PRIVATE KEY") && combined.contains("CERTIFICATE"));
    assert_eq!(mode(&pem), 0o600);
    assert!(
        std::fs::read_to_string(&client_ca)
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );

    // One browser certificate per person, opened with the passphrase.
    let clients = lab.state.path().join("browser-certificates");
    let mut p12s: Vec<_> = std::fs::read_dir(&clients)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "p12"))
        .collect();
    p12s.sort();
    assert_eq!(p12s.len(), 2, "{p12s:?}");
    for p in &p12s {
        let bytes = std::fs::read(p).unwrap();
        assert!(p12_keystore::KeyStore::from_pkcs12(&bytes, "ein-langes-kennwort").is_ok());
        assert!(p12_keystore::KeyStore::from_pkcs12(&bytes, "falsch").is_err());
    }
    // Neither password is in the resume file, the journal or the log.
    let json = serde_json::to_string(&w).unwrap();
    assert!(!json.contains("ein-langes-kennwort"));
    for name in ["state.json", "journal.json", "praxis-tls.log"] {
        let text = std::fs::read_to_string(lab.state.path().join(name)).unwrap_or_default();
        assert!(!text.contains(LOGIN_PASSWORD), "password in {name}");
        assert!(
            !text.contains("ein-langes-kennwort"),
            "passphrase in {name}"
        );
    }
    assert!(!json.contains(LOGIN_PASSWORD));

    let count = || {
        std::fs::read_to_string(&restarts)
            .unwrap_or_default()
            .lines()
            .count()
    };
    assert_eq!(count(), 1, "restarted once for the check");

    // Every change went through the journal: undo restores the original,
    // then restarts Orthanc so it serves HTTP again.
    let mut journal = Journal::open(lab.state.path()).unwrap();
    journal.undo_all(false).unwrap();
    assert_eq!(std::fs::read_to_string(&config).unwrap(), original);
    assert_eq!(count(), 2, "undo restarted Orthanc");
    assert!(!pem.exists());
}

/// Serves `/system` with the PEM and the client CA the step wrote, read
/// anew for every connection, as Orthanc reads them when restarted; a
/// browser certificate is required once the CA file is there.
async fn stand_in(dir: std::path::PathBuf, port: u16) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            return;
        };
        let pem = dir.join("pacs.praxis.lan.pem");
        let Ok(key) = PrivateKeyDer::from_pem_file(&pem) else {
            continue;
        };
        let chain: Vec<CertificateDer> = CertificateDer::pem_file_iter(&pem)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let builder = rustls::ServerConfig::builder();
        let builder = match CertificateDer::pem_file_iter(dir.join("praxis-ca.crt")) {
            Ok(cas) => {
                let mut roots = rustls::RootCertStore::empty();
                roots.add_parsable_certificates(cas.map(Result::unwrap));
                builder.with_client_cert_verifier(
                    rustls::server::WebPkiClientVerifier::builder(roots.into())
                        .build()
                        .unwrap(),
                )
            }
            Err(_) => builder.with_no_client_auth(),
        };
        let config = builder.with_single_cert(chain, key).unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
        // Like Orthanc: with AuthenticationEnabled, a registered user's
        // Basic login or 401, this machine too.
        let settings = std::fs::read_to_string(dir.join("orthanc.json"))
            .map(|t| json_without_comments(&t))
            .unwrap_or_default();
        let logins: Vec<String> = match settings["RegisteredUsers"].as_object() {
            Some(users) if settings["AuthenticationEnabled"] == true => users
                .iter()
                .map(|(u, p)| {
                    use base64::Engine as _;
                    let token = base64::engine::general_purpose::STANDARD
                        .encode(format!("{u}:{}", p.as_str().unwrap_or_default()));
                    format!("Basic {token}\r\n")
                })
                .collect(),
            _ => Vec::new(),
        };
        tokio::spawn(async move {
            let Ok(mut tls) = acceptor.accept(tcp).await else {
                return;
            };
            let mut buf = [0u8; 4096];
            let n = tls.read(&mut buf).await.unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let answer: &[u8] = if logins.is_empty() || logins.iter().any(|l| request.contains(l)) {
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
            } else {
                b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            };
            let _ = tls.write_all(answer).await;
            let _ = tls.shutdown().await;
        });
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_orthanc_file_is_named_and_left_alone() {
    let mut lab = lab(|_| {});
    let etc = tempfile::tempdir().unwrap();
    let config = etc.path().join("orthanc.json");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orthanc/broken.json");
    let original = std::fs::read_to_string(fixture).unwrap();
    std::fs::write(&config, &original).unwrap();

    let mut w = wizard();
    keys(&mut w, &lab, &[Action::Down]);
    typed(&mut w, &lab, "pacs.praxis.lan");
    keys(&mut w, &lab, &[Action::NextField]);
    typed(&mut w, &lab, &config.display().to_string());
    let n = keys(&mut w, &lab, &[Action::Next]);
    settle(&mut w, &mut lab, n).await;
    let CheckState::Failed(f) = w.check(CheckId::Orthanc) else {
        panic!("{:?}", w.check(CheckId::Orthanc));
    };
    assert!(f.summary.id.starts_with("orthanc-syntax-"), "{f:?}");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), original);
    assert!(w.systems.plan.is_none());
}

fn gateway_lab(pebble: &Pebble, port: u16) -> Lab {
    let choice = pebble.choice();
    let dns = pebble.dns;
    lab(move |c| {
        c.acme_staging = choice.clone();
        c.acme_production = choice;
        c.responder_port = port;
        c.dns = DnsConfig {
            server: Some(dns),
            timeout: Duration::from_secs(2),
        };
    })
}

fn gateway_form(w: &mut Wizard, lab: &Lab, config: &Path, disk_root: &Path) {
    w.certificate.email.set("praxis@praxis-muster.ch");
    w.certificate.terms_accepted = true;
    keys(w, lab, &[Action::Up]);
    typed(w, lab, "api.praxis-muster.ch");
    keys(w, lab, &[Action::NextField]);
    typed(w, lab, &config.display().to_string());
    keys(w, lab, &[Action::NextField]);
    for _ in 0..40 {
        keys(w, lab, &[Action::Backspace]);
    }
    typed(w, lab, &disk_root.display().to_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_gets_its_certificate_from_the_ca_in_certbots_layout() {
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let mut lab = gateway_lab(&pebble, port);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("gateway.config.yml");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/express-gateway/http-only.yml");
    let original = std::fs::read_to_string(fixture).unwrap();
    std::fs::write(&config, &original).unwrap();
    let certs = dir.path().join("letsencrypt");

    let mut w = wizard();
    // challtestsrv answers every name with 127.0.0.1: that is "the router".
    w.network.dns_a = vec![std::net::Ipv4Addr::LOCALHOST];
    gateway_form(&mut w, &lab, &config, &certs);
    let n = keys(&mut w, &lab, &[Action::Next]);
    settle(&mut w, &mut lab, n).await;
    assert!(w.systems.plan.is_some(), "{:?}", w.check(CheckId::Gateway));
    keys(&mut w, &lab, &[Action::Next]);
    let n = keys(&mut w, &lab, &[Action::Yes]);
    settle(&mut w, &mut lab, n).await;
    let CheckState::Passed(_) = w.check(CheckId::Gateway) else {
        panic!("{:?}\n{}", w.check(CheckId::Gateway), pebble.log());
    };

    assert!(
        pebble.log().contains("POST /order-plz"),
        "one order at the CA"
    );
    let live = certs.join("live/api.praxis-muster.ch");
    assert_eq!(mode(&live.join("privkey.pem")), 0o600);
    let leaf = std::fs::read(live.join("cert.pem")).unwrap();
    let chain = std::fs::read_to_string(live.join("chain.pem")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&leaf)
            .matches("BEGIN CERTIFICATE")
            .count(),
        1,
        "cert.pem holds the leaf alone"
    );
    assert!(chain.contains("BEGIN CERTIFICATE"), "the intermediates");
    use rustls_pki_types::pem::PemObject as _;
    let der = rustls_pki_types::CertificateDer::from_pem_slice(&leaf).unwrap();
    let (_, x509) = x509_parser::parse_x509_certificate(&der).unwrap();
    let names: Vec<String> = x509
        .subject_alternative_name()
        .unwrap()
        .unwrap()
        .value
        .general_names
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("api.praxis-muster.ch")),
        "{names:?}"
    );

    // The configuration names the files as the gateway's container sees them.
    let yml: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let tls = &yml["https"]["tls"]["api.praxis-muster.ch"];
    assert_eq!(
        tls["key"].as_str(),
        Some("/var/lib/certs/live/api.praxis-muster.ch/privkey.pem")
    );
    assert_eq!(
        tls["cert"].as_str(),
        Some("/var/lib/certs/live/api.praxis-muster.ch/cert.pem")
    );
    assert!(yml["http"].is_mapping(), "the rest of the file is kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_name_pointing_elsewhere_stops_before_the_ca_is_asked() {
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let mut lab = gateway_lab(&pebble, port);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("gateway.config.yml");
    std::fs::write(&config, "http:\n  port: 8080\n").unwrap();

    let mut w = wizard();
    w.network.dns_a = vec![std::net::Ipv4Addr::new(203, 0, 113, 7)];
    gateway_form(&mut w, &lab, &config, &dir.path().join("letsencrypt"));
    let n = keys(&mut w, &lab, &[Action::Next]);
    settle(&mut w, &mut lab, n).await;
    let CheckState::Failed(f) = w.check(CheckId::Gateway) else {
        panic!("{:?}", w.check(CheckId::Gateway));
    };
    assert_eq!(f.summary.id, "systems-gateway-dns-other");
    assert_eq!(
        f.fix.as_ref().map(|t| t.args.clone()),
        Some(vec![("ip".to_string(), "203.0.113.7".into())])
    );
    assert!(w.systems.plan.is_none());
    assert!(!pebble.log().contains("/order-plz"), "no order was made");
}
