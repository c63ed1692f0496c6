//! Express Gateway (AIoTES seed): certbot's file layout and the `tls:`
//! entry in gateway.config.yml, against expected files.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use praxis_tls::core::library::express_gateway::{GatewayLayout, certbot_files};
use praxis_tls::io::express_gateway::{GatewayIoError, GatewaySetup, apply, plan};
use praxis_tls::io::journal::Journal;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, PKCS_ECDSA_P256_SHA256,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_yaml_ng::Value;
use x509_parser::prelude::{FromDer, X509Certificate};

const HOST: &str = "gateway.praxis-muster.ch";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/express-gateway")
        .join(name)
}

/// `UPDATE_FIXTURES=1` rewrites the expected file (review the diff).
fn assert_expected(name: &str, actual: &str) {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(fixture(name), actual).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(fixture(name)).unwrap(),
        actual,
        "differs from {name}"
    );
}

/// A leaf for `host` under an intermediate under a root, as a CA delivers
/// it: (leaf + intermediate PEM, key PEM).
fn issued(host: &str) -> (String, String) {
    let ca_params = |cn: &str| {
        let mut p = CertificateParams::default();
        p.distinguished_name.push(DnType::CommonName, cn);
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p
    };
    let root_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let root_params = ca_params("Test Root");
    let root = Issuer::from_params(&root_params, &root_key);
    let mid_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let mid_params = ca_params("Test Intermediate");
    let mid_cert = mid_params.signed_by(&mid_key, &root).unwrap();
    let mid = Issuer::from_params(&mid_params, &mid_key);
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let leaf = CertificateParams::new(vec![host.to_string()])
        .unwrap()
        .signed_by(&key, &mid)
        .unwrap();
    (
        format!("{}{}", leaf.pem(), mid_cert.pem()),
        key.serialize_pem(),
    )
}

struct Env {
    _dir: tempfile::TempDir,
    state: PathBuf,
    setup: GatewaySetup,
}

fn env(config_fixture: &str) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir(&state).unwrap();
    let config = dir.path().join("gateway.config.yml");
    std::fs::copy(fixture(config_fixture), &config).unwrap();
    let setup = GatewaySetup {
        config,
        disk_root: dir.path().join("letsencrypt"),
        layout: GatewayLayout {
            root: "/var/lib/certs".into(),
            name: "aiotes".into(),
        },
        host: HOST.into(),
        port: 8443,
    };
    Env {
        _dir: dir,
        state,
        setup,
    }
}

fn certs(path: &Path) -> Vec<CertificateDer<'static>> {
    CertificateDer::pem_file_iter(path)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn common_name(der: &CertificateDer<'_>) -> String {
    let (_, c) = X509Certificate::from_der(der).unwrap();
    let cn = c.subject().iter_common_name().next().unwrap();
    cn.as_str().unwrap().to_string()
}

fn tls_entry(config: &Path) -> Value {
    let doc: Value = serde_yaml_ng::from_str(&std::fs::read_to_string(config).unwrap()).unwrap();
    doc["https"].clone()
}

fn run(config_fixture: &str, expected: &str) -> (Env, Value) {
    let e = env(config_fixture);
    let (fullchain, key) = issued(HOST);
    let planned = plan(&e.setup, &fullchain, &key).unwrap();
    assert!(planned.edit.changed());
    let mut journal = Journal::open(&e.state).unwrap();
    apply(&mut journal, &e.setup, &planned).unwrap();
    let written = std::fs::read_to_string(&e.setup.config).unwrap();
    assert_expected(expected, &written);
    let https = tls_entry(&e.setup.config);
    let entry = &https["tls"][HOST];
    assert_eq!(
        entry["key"].as_str(),
        Some("/var/lib/certs/live/aiotes/privkey.pem")
    );
    assert_eq!(
        entry["cert"].as_str(),
        Some("/var/lib/certs/live/aiotes/cert.pem")
    );
    assert_eq!(
        entry["ca"][0].as_str(),
        Some("/var/lib/certs/live/aiotes/chain.pem")
    );
    check_files(&e.setup.disk_root.join("live/aiotes"));
    (e, https)
}

/// certbot's layout: the leaf alone, the intermediates, the key (0600)
/// that belongs to the leaf.
fn check_files(live: &Path) {
    let leaf = certs(&live.join("cert.pem"));
    assert_eq!(leaf.len(), 1);
    assert_eq!(common_name(&leaf[0]), "rcgen self signed cert");
    let chain = certs(&live.join("chain.pem"));
    assert_eq!(chain.len(), 1);
    assert_eq!(common_name(&chain[0]), "Test Intermediate");
    let key_path = live.join("privkey.pem");
    let mode = std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    let key = PrivateKeyDer::from_pem_file(&key_path).unwrap();
    let signer = rustls::crypto::ring::sign::any_supported_type(&key).unwrap();
    rustls::sign::CertifiedKey::new(leaf, signer)
        .keys_match()
        .unwrap();
}

#[test]
fn adds_https_to_an_http_only_gateway() {
    let (e, https) = run("http-only.yml", "http-only.expected.yml");
    assert_eq!(https["port"].as_u64(), Some(8443));
    let written = std::fs::read_to_string(&e.setup.config).unwrap();
    let original = std::fs::read_to_string(fixture("http-only.yml")).unwrap();
    // The original lines are all still there, in order.
    let mut rest = written.lines();
    for line in original.lines() {
        assert!(rest.any(|l| l == line), "lost or moved: {line}");
    }
}

#[test]
fn replaces_the_hosts_entry_and_keeps_the_others() {
    let (_, https) = run("with-https.yml", "with-https.expected.yml");
    assert_eq!(https["port"].as_u64(), Some(443));
    assert_eq!(
        https["tls"]["default"]["key"].as_str(),
        Some("/var/lib/certs/selfsigned/privkey.pem")
    );
    assert_eq!(https["tls"].as_mapping().unwrap().len(), 2);
}

#[test]
fn adds_tls_under_an_existing_https_block() {
    let (_, https) = run("https-without-tls.yml", "https-without-tls.expected.yml");
    assert_eq!(https["port"].as_u64(), Some(9443));
}

#[test]
fn undo_restores_the_configuration() {
    let (e, _) = run("with-https.yml", "with-https.expected.yml");
    let mut journal = Journal::open(&e.state).unwrap();
    for r in journal.undo_all(false).unwrap() {
        assert!(r.outcome.reverted(), "{r:?}");
    }
    assert_eq!(
        std::fs::read(&e.setup.config).unwrap(),
        std::fs::read(fixture("with-https.yml")).unwrap()
    );
    assert!(!e.setup.disk_root.join("live/aiotes/privkey.pem").exists());
}

#[test]
fn refuses_a_broken_config_naming_the_line() {
    let e = env("broken.yml");
    let (fullchain, key) = issued(HOST);
    let err = plan(&e.setup, &fullchain, &key).unwrap_err();
    let text = err.text();
    assert_eq!(text.id, "gateway-config-broken");
    let line = text.args.iter().find(|(k, _)| k == "line").unwrap();
    assert_eq!(line.1, praxis_tls::core::model::check::Arg::Num(5));
}

#[test]
fn refuses_wrong_key_wrong_name_and_encrypted_key() {
    let e = env("http-only.yml");
    let (fullchain, _) = issued(HOST);
    let (_, other_key) = issued(HOST);
    let mismatch = plan(&e.setup, &fullchain, &other_key).unwrap_err();
    assert!(matches!(mismatch, GatewayIoError::KeyMismatch));
    assert_eq!(mismatch.text().id, "gateway-key-mismatch");

    let (foreign, foreign_key) = issued("termine.praxis-muster.ch");
    let wrong = plan(&e.setup, &foreign, &foreign_key).unwrap_err();
    assert_eq!(wrong.text().id, "gateway-certificate-wrong-name");

    let encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
    let err = certbot_files(&fullchain, encrypted).unwrap_err();
    assert_eq!(err.text("key.pem").id, "gateway-key-encrypted");
    let err = certbot_files("", encrypted).unwrap_err();
    assert_eq!(err.text("x").id, "gateway-no-certificate");
    let err = certbot_files("-----BEGIN CERTIFICATE-----\nAAAA\n", encrypted).unwrap_err();
    assert_eq!(err.text("x").id, "gateway-pem-broken");
    // Nothing was written by a refused plan.
    assert_eq!(
        std::fs::read(&e.setup.config).unwrap(),
        std::fs::read(fixture("http-only.yml")).unwrap()
    );
}

#[test]
fn one_line_forms_are_refused_and_empty_files_filled() {
    use praxis_tls::core::library::express_gateway::{GatewayError, GatewayTls, set_tls};
    let layout = GatewayLayout {
        root: "/var/lib/certs/".into(),
        name: "aiotes".into(),
    };
    let tls = GatewayTls::for_layout(HOST, &layout, 8443);
    let err = set_tls("http:\n  port: 80\nhttps: {port: 443}\n", &tls).unwrap_err();
    assert_eq!(
        err,
        GatewayError::Unsupported {
            line: 3,
            key: "https".into()
        }
    );
    let err = set_tls("https:\n  tls: {}\n", &tls).unwrap_err();
    assert!(matches!(err, GatewayError::Unsupported { line: 2, .. }));
    let filled = set_tls("", &tls).unwrap();
    let doc: Value = serde_yaml_ng::from_str(&filled).unwrap();
    assert_eq!(
        doc["https"]["tls"][HOST]["cert"].as_str(),
        Some("/var/lib/certs/live/aiotes/cert.pem")
    );
    // Running it twice changes nothing more.
    assert_eq!(set_tls(&filled, &tls).unwrap(), filled);
}

#[test]
fn the_key_never_shows_in_debug_output() {
    let (fullchain, key) = issued(HOST);
    let files = certbot_files(&fullchain, &key).unwrap();
    assert!(!format!("{files:?}").contains("PRIVATE KEY"));
    let e = env("http-only.yml");
    let planned = plan(&e.setup, &fullchain, &key).unwrap();
    assert!(!format!("{planned:?}").contains("PRIVATE KEY"));
}
