//! The check from the patients' side, on the real binary (`status
//! --live`): the name is resolved at the moment of the check (knot), every
//! address it returns is connected to, A and AAAA, and the check passes
//! only when each of them serves the installed certificate. An address
//! saved earlier proves nothing once the DNS entry changed.

#[path = "support/docker.rs"]
mod docker;
#[allow(dead_code)]
#[path = "support/knot.rs"]
mod knot;

use std::net::TcpListener as StdListener;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use docker::{Pki, pki};
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::{Lang, Wizard};
use praxis_tls::io::store::Store;
use praxis_tls::io::verify::sha256_hex;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use serde_json::Value;
use time::OffsetDateTime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const HOST: &str = "termine.praxis-sicher.ch";

/// One port number bound on both loopback addresses, so it serves A and
/// AAAA alike. The listeners are kept until served: a port found free and
/// let go can be taken by a parallel test before it is bound again.
fn bound_both() -> (u16, StdListener, StdListener) {
    loop {
        let v4 = StdListener::bind("127.0.0.1:0").unwrap();
        let port = v4.local_addr().unwrap().port();
        if let Ok(v6) = StdListener::bind(("::1", port)) {
            return (port, v4, v6);
        }
    }
}

/// Answers `/termin/list` like the appointment service behind traefik.
fn serve(rt: &tokio::runtime::Runtime, listener: StdListener, p: &Pki) {
    let chain = vec![CertificateDer::from(p.leaf_der.clone())];
    let key = PrivateKeyDer::from_pem_slice(p.key_pem.as_bytes()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    listener.set_nonblocking(true).unwrap();
    let listener = {
        let _in = rt.enter();
        tokio::net::TcpListener::from_std(listener).unwrap()
    };
    rt.spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut buf = vec![0u8; 4096];
                let mut got = Vec::new();
                while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
                let req = String::from_utf8_lossy(&got).to_string();
                let reply = if req.contains(&format!("Host: {HOST}")) {
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]"
                } else {
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 19\r\n\r\n404 page not found\n"
                };
                let _ = tls.write_all(reply.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
}

fn zone(records: &str) -> knot::Knot {
    knot::Knot::start(&[knot::Zone::new(
        "praxis-sicher.ch.",
        &format!(
            "$ORIGIN praxis-sicher.ch.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\n{records}"
        ),
    )])
}

/// A state whose installed certificate is `p`'s leaf, and whose port-
/// forwarding step found 127.0.0.1 as the practice's public address.
fn state(dir: &Path, p: &Pki) {
    let now = OffsetDateTime::now_utc();
    let crt = dir.join("termine.crt");
    std::fs::write(&crt, &p.leaf_pem).unwrap();
    let mut w = Wizard::new(Lang::En, now);
    w.certificate.installed = Some(CertRecord {
        domain: HOST.into(),
        path_crt: crt,
        path_key: dir.join("termine.key"),
        not_before: now - time::Duration::days(1),
        not_after: now + time::Duration::days(80),
        issuer: "praxis-tls lab CA".into(),
        fingerprint_sha256: sha256_hex(&p.leaf_der),
        renewal: Default::default(),
    });
    w.network.public_v4 = Some("127.0.0.1".parse().unwrap());
    Store::open(dir.join("state")).unwrap().save(&w).unwrap();
}

fn live(dir: &Path, dns: &knot::Knot, port: u16, ca: &Path) -> Value {
    let out = Command::new(BIN)
        .arg("--state-dir")
        .arg(dir.join("state"))
        .args(["--lang", "en", "--dns-server", &dns.addr.to_string()])
        .args(["status", "--live", "--format", "json"])
        .args(["--final-port", &port.to_string()])
        .arg("--final-ca")
        .arg(ca)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    eprintln!("{text}{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["exit_code"], out.status.code().unwrap());
    json
}

struct Lab {
    rt: tokio::runtime::Runtime,
    dir: tempfile::TempDir,
    ca: std::path::PathBuf,
    ours: Pki,
    port: u16,
    v4: Option<StdListener>,
    v6: Option<StdListener>,
}

fn lab() -> Lab {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ours = pki(HOST, 80);
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &ours.ca_pem).unwrap();
    state(dir.path(), &ours);
    let (port, v4, v6) = bound_both();
    Lab {
        rt,
        dir,
        ca,
        ours,
        port,
        v4: Some(v4),
        v6: Some(v6),
    }
}

#[test]
fn every_address_of_the_name_must_serve_the_certificate_aaaa_included() {
    let mut l = lab();
    serve(&l.rt, l.v4.take().unwrap(), &l.ours);
    // The IPv6 address serves another certificate (an old server, a
    // forgotten forward): patients on IPv6 get a warning.
    let other = pki(HOST, 80);
    serve(&l.rt, l.v6.take().unwrap(), &other);

    let v4_only = zone("termine A 127.0.0.1\n");
    let json = live(l.dir.path(), &v4_only, l.port, &l.ca);
    assert_eq!(json["live"]["state"], "OK", "{json:#}");
    assert_eq!(json["live"]["addresses"], serde_json::json!(["127.0.0.1"]));

    let both = zone("termine A 127.0.0.1\ntermine AAAA ::1\n");
    let json = live(l.dir.path(), &both, l.port, &l.ca);
    assert_eq!(json["live"]["state"], "CRITICAL", "{json:#}");
    assert_eq!(json["state"], "CRITICAL");
    assert_eq!(
        json["live"]["addresses"],
        serde_json::json!(["127.0.0.1", "::1"])
    );
    assert_eq!(json["live"]["problem"]["id"], "verify-chain-bad");
}

#[test]
fn a_name_that_points_elsewhere_fails_and_names_both_addresses() {
    let mut l = lab();
    serve(&l.rt, l.v4.take().unwrap(), &l.ours);
    // The DNS entry now points away from the practice (a lapsed DynDNS
    // entry): the saved public address still serves the certificate, but
    // no patient connects there.
    let moved = zone("termine A 127.0.0.2\n");
    let json = live(l.dir.path(), &moved, l.port, &l.ca);
    assert_eq!(json["live"]["state"], "CRITICAL", "{json:#}");
    let problem = &json["live"]["problem"];
    assert_eq!(problem["id"], "patients-points-elsewhere");
    let args = problem["args"].to_string();
    assert!(
        args.contains("127.0.0.2") && args.contains("127.0.0.1"),
        "{args}"
    );

    // In words, in German, with both addresses.
    let out = Command::new(BIN)
        .arg("--state-dir")
        .arg(l.dir.path().join("state"))
        .args(["--lang", "de-CH", "--dns-server", &moved.addr.to_string()])
        .args(["status", "--live", "--final-port", &l.port.to_string()])
        .arg("--final-ca")
        .arg(&l.ca)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("zeigt auf die Adresse 127.0.0.2")
            && text.contains("hat aber die Adresse 127.0.0.1"),
        "{text}"
    );
}

#[test]
fn no_address_for_the_name_is_critical() {
    let l = lab();
    let none = zone("anderes A 127.0.0.1\n");
    let json = live(l.dir.path(), &none, l.port, &l.ca);
    assert_eq!(json["live"]["state"], "CRITICAL", "{json:#}");
    assert_eq!(json["live"]["problem"]["id"], "patients-no-address");
}
