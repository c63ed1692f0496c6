//! The practice CA's name constraints on IP addresses, as OpenSSL judges
//! them: a certificate for an address outside the practice network, signed
//! with the CA's own key (as a thief of the key would), fails `openssl
//! verify`; one inside passes.

mod support;

use std::net::IpAddr;
use std::path::Path;
use std::process::Command;

use praxis_tls::io::practice_ca::{CaOptions, PracticeCa};
use praxis_tls::io::systems_orthanc::permitted_ips;
use time::OffsetDateTime;

fn openssl(dir: &Path, args: &[&str]) -> bool {
    Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
        .status
        .success()
}

/// A leaf for `ip`, signed with the CA's key by openssl itself (past the
/// program's own refusal), then verified against the CA.
fn signed_by_the_key_verifies(state: &Path, ip: &str) -> bool {
    let ca = state.join("practice_ca");
    let ext = state.join(format!("{ip}.ext"));
    std::fs::write(&ext, format!("subjectAltName=IP:{ip}\n")).unwrap();
    assert!(openssl(
        state,
        &[
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=stolen",
        ]
    ));
    let cert = format!("{ip}.crt");
    assert!(openssl(
        state,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            &ca.join("ca.crt").display().to_string(),
            "-CAkey",
            &ca.join("ca.key").display().to_string(),
            "-CAcreateserial",
            "-days",
            "30",
            "-extfile",
            &ext.display().to_string(),
            "-out",
            &cert,
        ]
    ));
    openssl(
        state,
        &[
            "verify",
            "-CAfile",
            &ca.join("ca.crt").display().to_string(),
            &cert,
        ],
    )
}

fn ca(ips: &[&str]) -> tempfile::TempDir {
    let state = tempfile::tempdir().unwrap();
    let ips: Vec<IpAddr> = ips.iter().map(|i| i.parse().unwrap()).collect();
    let options = CaOptions {
        practice_name: "Praxis Test".into(),
        permitted_dns: vec!["praxis.lan".into()],
        permitted_ip: permitted_ips(&ips),
    };
    PracticeCa::create(state.path(), &options, OffsetDateTime::now_utc()).unwrap();
    state
}

#[test]
fn an_address_outside_the_practice_network_fails_in_openssl() {
    if Command::new("openssl").arg("version").output().is_err() {
        return support::skip::skipped("openssl missing");
    }
    let state = ca(&["192.168.1.20"]);
    assert!(signed_by_the_key_verifies(state.path(), "192.168.1.30"));
    assert!(!signed_by_the_key_verifies(state.path(), "10.0.0.5"));
    assert!(!signed_by_the_key_verifies(state.path(), "2001:db8::1"));
}

#[test]
fn without_addresses_every_address_is_excluded() {
    if Command::new("openssl").arg("version").output().is_err() {
        return support::skip::skipped("openssl missing");
    }
    let state = ca(&[]);
    assert!(!signed_by_the_key_verifies(state.path(), "192.168.1.20"));
    assert!(!signed_by_the_key_verifies(state.path(), "2001:db8::1"));
}
