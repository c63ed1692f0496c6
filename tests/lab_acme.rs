//! The certificate authority's view through a real NAT router: Pebble and
//! its DNS server (pebble-challtestsrv) run in the lab's "internet"
//! namespace and validate HTTP-01 at the router's public address; the
//! router forwards external port 80 to the wizard's responder in the
//! "practice" namespace. With the forward, the certificate is issued; with
//! the forward switched off, the failure is explained as a practice reads
//! it: the router's port forwarding. Every address is one of the lab's
//! own; nothing leaves its namespaces.

#[path = "support/pebble.rs"]
mod pebble;
mod support;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use praxis_tls::core::DEFAULT_RESPONDER_PORT;
use praxis_tls::core::model::certificate::AcmeEnv;
use praxis_tls::io::acme::DirectoryChoice;
use praxis_tls::io::issuance::{IssueJob, issue};
use support::netns::{INTERNET_ADDR, Lab, NsRuntime, RouterConfig, WAN_ADDR, unavailable};

const HOST: &str = "termine.praxis-muster.ch";
const ACME_PORT: u16 = 14000;
const DNS_PORT: u16 = 8053;

/// Pebble and challtestsrv inside the internet namespace. The CA resolves
/// every name to the router's public address, as the real DNS would.
fn start_ca(lab: &mut Lab, dir: &Path) -> DirectoryChoice {
    let (ca, cert, key) = pebble::listener_pki(dir, &[&INTERNET_ADDR.to_string()]);
    let cfg = serde_json::json!({"pebble": {
        "listenAddress": format!("{INTERNET_ADDR}:{ACME_PORT}"),
        "managementListenAddress": format!("{INTERNET_ADDR}:15000"),
        "certificate": cert, "privateKey": key,
        "httpPort": 80, "tlsPort": 5001,
        "ocspResponderURL": "", "externalAccountBindingRequired": false,
    }});
    let cfg_path = dir.join("pebble.json");
    std::fs::write(&cfg_path, cfg.to_string()).unwrap();
    let inet = lab.internet.clone();
    let dns = format!("{INTERNET_ADDR}:{DNS_PORT}");
    let wan = WAN_ADDR.to_string();
    lab.spawn(
        &inet,
        "pebble-challtestsrv",
        &[
            "-dns01",
            &dns,
            "-management",
            &format!("{INTERNET_ADDR}:8055"),
            "-http01",
            "",
            "-https01",
            "",
            "-tlsalpn01",
            "",
            "-defaultIPv4",
            &wan,
            "-defaultIPv6",
            "",
        ],
    )
    .unwrap();
    // Authorizations are reused as rarely as Pebble allows (see the test).
    lab.spawn(
        &inet,
        "env",
        &[
            "PEBBLE_VA_NOSLEEP=1",
            "PEBBLE_WFE_NONCEREJECT=0",
            "PEBBLE_AUTHZREUSE=0",
            "pebble",
            "-config",
            &cfg_path.display().to_string(),
            "-dnsserver",
            &dns,
        ],
    )
    .unwrap();
    DirectoryChoice::Custom {
        url: format!("https://{INTERNET_ADDR}:{ACME_PORT}/dir"),
        root_pem: ca,
    }
}

/// Waits until Pebble answers, as seen from the practice.
fn wait_for_ca(practice: &NsRuntime) {
    let addr = SocketAddr::from((INTERNET_ADDR, ACME_PORT));
    let up = practice.run(async move {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if tokio::net::TcpStream::connect(addr).await.is_ok() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    });
    assert!(up, "Pebble did not start in the internet namespace");
}

#[allow(clippy::result_large_err)] // the product's own result type
fn attempt(
    practice: &NsRuntime,
    directory: &DirectoryChoice,
    state: &Path,
) -> Result<praxis_tls::core::library::status::CertRecord, praxis_tls::core::Finding> {
    let (directory, state) = (directory.clone(), state.to_path_buf());
    practice.run(async move {
        let job = IssueJob {
            directory: &directory,
            state_dir: &state,
            cert_dir: &state.join("certs"),
            responder_port: DEFAULT_RESPONDER_PORT,
            responder_bind: None,
            name: HOST,
            email: "praxis@praxis-muster.ch",
            terms_accepted: true,
            resume_order: None,
            env: AcmeEnv::Production,
            order_saved: None,
        };
        issue(job, Arc::new(|_| {}), time::OffsetDateTime::now_utc()).await
    })
}

#[test]
fn the_ca_validates_through_the_routers_forward_and_explains_a_missing_one() {
    if let Some(why) = unavailable() {
        support::skip::skipped(&why);
        return;
    }
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut lab = Lab::start(RouterConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let directory = start_ca(&mut lab, dir.path());
    let practice = NsRuntime::enter(&lab.practice).unwrap();
    wait_for_ca(&practice);
    let state = tempfile::tempdir().unwrap();

    // External 80 → server:28402, as the port forwarding step says.
    let record = attempt(&practice, &directory, state.path())
        .unwrap_or_else(|f| panic!("issuance through the router failed: {f:?}"));
    assert_eq!(record.domain, HOST);
    assert!(record.path_crt.exists() && record.path_key.exists());

    // The practice switches the forward off: the CA is refused at the
    // router, and the finding points at the router's port forwarding.
    lab.switch(|c| c.forward_80 = None).unwrap();
    // A new account: Pebble hands an account back the authorization it
    // validated in about one order of a hundred, whatever PEBBLE_AUTHZREUSE
    // says (it reuses where rand.Intn(100) is not above the percentage),
    // and then nothing would have to pass the router.
    std::fs::remove_dir_all(state.path().join("acme")).unwrap();
    let Err(f) = attempt(&practice, &directory, state.path()) else {
        panic!("no forward, and still a certificate");
    };
    assert_eq!(f.summary.id, "acme-error-connection-refused", "{f:?}");
    assert_eq!(
        f.fix.as_ref().map(|t| t.id.as_str()),
        Some("acme-fix-connection-refused")
    );
    // In German, cause and fix: port 80 closed, the router's forward.
    let de = |t: &praxis_tls::core::Text| praxis_tls::i18n::text(praxis_tls::core::Lang::De, t);
    let cause = de(&f.summary);
    assert!(cause.contains(HOST) && cause.contains("Port 80"), "{cause}");
    let fix = f.fix.as_ref().map(de).unwrap_or_default();
    assert!(fix.contains("Weiterleitung von Port 80 im Router"), "{fix}");

    // Switched on again, the next attempt goes through: nothing was lost.
    lab.switch(|c| c.forward_80 = Some(DEFAULT_RESPONDER_PORT))
        .unwrap();
    let again = attempt(&practice, &directory, state.path()).expect("forward back on");
    assert_ne!(again.fingerprint_sha256, record.fingerprint_sha256);
}
