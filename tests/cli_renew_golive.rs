//! `certificate --install` and `renew` as the real binary, going live in
//! the Docker lab (the current generation, `tests/golive_flow.rs`' lab,
//! under the same lock): Pebble issues with a short lifetime, the first
//! certificate is installed with a restart; when it is due, `renew`
//! issues again and, the same day, only rewrites the watched dynamic file
//! (no restart); the final check against the lab's 443 sees the new
//! fingerprint, and `status` reports the new certificate.

#[path = "support/docker.rs"]
mod docker;
#[allow(dead_code)]
#[path = "support/knot.rs"]
mod knot;
#[path = "support/pebble.rs"]
mod pebble;

use docker::lab_lock;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use praxis_tls::core::library::start::{Generation, Installation};
use praxis_tls::core::{Lang, Wizard};
use praxis_tls::io::store::Store;
use praxis_tls::io::verify::{Roots, check_termine};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const HOST: &str = "termine.praxis-lab.ch";
const HTTPS: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 18443);
/// Seconds: long enough for issuance, restart and check; short enough
/// that the test waits for the renewal to become due.
const VALIDITY: u64 = 90;

struct Run {
    code: i32,
    out: String,
    err: String,
}

/// The name as patients resolve it: knot answers 127.0.0.1, where the
/// lab publishes traefik's 443 on 18443.
fn dns() -> knot::Knot {
    knot::Knot::start(&[knot::Zone::new(
        "praxis-lab.ch.",
        "$ORIGIN praxis-lab.ch.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\ntermine A 127.0.0.1\n",
    )])
}

fn praxis(
    p: &pebble::Pebble,
    dns: &knot::Knot,
    port: u16,
    state: &Path,
    ca: &Path,
    args: &[&str],
) -> Run {
    let o = p
        .praxis(port, state)
        .args(args)
        .args(["--dns-server", &dns.addr.to_string()])
        .args(["--final-port", "18443"])
        .arg("--final-ca")
        .arg(ca)
        .output()
        .unwrap();
    let run = Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    eprintln!("exit {}\n{}{}", run.code, run.out, run.err);
    run
}

fn load(state: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(state.join("state.json")).unwrap()).unwrap()
}

fn time_of(v: &Value) -> OffsetDateTime {
    OffsetDateTime::parse(v.as_str().unwrap(), &Rfc3339).unwrap()
}

fn hex(s: &str) -> String {
    s.replace(':', "").to_ascii_lowercase()
}

fn line<'a>(out: &'a str, key: &str) -> &'a str {
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {key} in {out}"))
}

/// What the lab's 443 serves for the name, seen with the test's own eyes.
fn served(rt: &tokio::runtime::Runtime, ca: &Path) -> Option<String> {
    let roots = Roots::CaFile(ca.to_path_buf());
    let r = rt.block_on(check_termine(
        HTTPS,
        HOST,
        &roots,
        Duration::from_secs(3),
        OffsetDateTime::now_utc(),
    ));
    r.ok().map(|r| hex(&r.tls.fingerprint))
}

#[test]
fn renew_installs_the_new_certificate_and_the_final_check_sees_it() {
    let _lock = lab_lock();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Runtime::new().unwrap();
    docker::build_images();
    let lab = docker::Lab::up();

    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, Some(VALIDITY), 0);
    let dns = dns();
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let ca = tmp.path().join("pebble-root.pem");
    std::fs::write(&ca, rt.block_on(pebble.issuing_root_pem())).unwrap();

    // The wizard's start step found the lab's install.
    let mut w = Wizard::new(Lang::En, OffsetDateTime::now_utc());
    let mut inst = Installation::new(lab.path().to_path_buf(), Generation::Current);
    inst.local_name = Some("nuno".into());
    inst.external_name = Some("praxis-lab.ch".into());
    w.start.found = Some(inst);
    Store::open(&state).unwrap().save(&w).unwrap();

    let first = praxis(
        &pebble,
        &dns,
        port,
        &state,
        &ca,
        &[
            "certificate",
            "--domain",
            HOST,
            "--email",
            "it@praxis-lab.ch",
            "--accept-terms",
            "--no-firewall",
            "--install",
        ],
    );
    assert_eq!(first.code, 0, "{}", pebble.log());
    assert!(first.err.contains("Restarting Elexis-OOB"), "{}", first.err);
    let old = hex(line(&first.out, "fingerprint"));
    let s = load(&state);
    let installed = &s["wizard"]["certificate"]["installed"];
    assert_eq!(hex(installed["fingerprint_sha256"].as_str().unwrap()), old);
    assert_eq!(served(&rt, &ca).as_deref(), Some(old.as_str()));

    // Wait until the renewal is due (the end of its window, ARI or two
    // thirds); the attempts are moved back as if made days ago, or the
    // once-a-day rule would hold the renewal back.
    let window_end = match installed["renewal"]["ari_window"]["end"].as_str() {
        Some(_) => time_of(&installed["renewal"]["ari_window"]["end"]),
        None => {
            let (nb, na) = (
                time_of(&installed["not_before"]),
                time_of(&installed["not_after"]),
            );
            nb + (na - nb) * 2 / 3
        }
    };
    let mut aged = s.clone();
    let days_ago = (OffsetDateTime::now_utc() - time::Duration::days(2))
        .format(&Rfc3339)
        .unwrap();
    for a in aged["wizard"]["certificate"]["attempts"]["attempts"]
        .as_array_mut()
        .unwrap()
    {
        a["at"] = Value::String(days_ago.clone());
    }
    std::fs::write(state.join("state.json"), aged.to_string()).unwrap();
    let wait = window_end - OffsetDateTime::now_utc() + time::Duration::seconds(1);
    assert!(
        wait < time::Duration::seconds(VALIDITY as i64),
        "window end {window_end}"
    );
    if wait.is_positive() {
        std::thread::sleep(wait.unsigned_abs());
    }

    let renew = praxis(
        &pebble,
        &dns,
        port,
        &state,
        &ca,
        &["renew", "--no-firewall"],
    );
    assert_eq!(renew.code, 0, "{}", pebble.log());
    assert!(
        renew.err.contains("Renewing the certificate"),
        "{}",
        renew.err
    );
    assert!(
        renew.err.contains("no restart needed"),
        "a same-day renewal only rewrites the dynamic file: {}",
        renew.err
    );
    assert!(!renew.err.contains("Restarting"), "{}", renew.err);
    assert!(
        renew
            .err
            .contains(&format!("Done: {HOST} shows the new certificate")),
        "{}",
        renew.err
    );
    let new = hex(line(&renew.out, "fingerprint"));
    assert_ne!(new, old);
    assert_eq!(served(&rt, &ca).as_deref(), Some(new.as_str()));
    let s = load(&state);
    let installed = &s["wizard"]["certificate"]["installed"];
    assert_eq!(hex(installed["fingerprint_sha256"].as_str().unwrap()), new);

    // status reports the new certificate (a 90-second one is CRITICAL).
    let o = Command::new(BIN)
        .arg("--state-dir")
        .arg(&state)
        .args(["status", "--format", "json"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&o.stdout).unwrap();
    let c = &status["certificates"][0];
    assert_eq!(
        hex(c["fingerprint_sha256"].as_str().unwrap()),
        new,
        "{status:#}"
    );
    assert_eq!(c["file"]["state"], "matches", "{status:#}");
    assert_eq!(c["not_after"], installed["not_after"]);
    drop(pebble);
    drop(lab);
}
