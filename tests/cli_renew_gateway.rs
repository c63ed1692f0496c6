//! `praxis-tls renew` keeps Express Gateway's certificate (from the systems
//! step) valid too: as the real binary against Pebble, not due does
//! nothing, due reissues into certbot's layout and rewrites nothing else,
//! and the daily run right after is a no-op.

#[path = "support/pebble.rs"]
mod pebble;

use std::path::Path;
use std::process::Command;

use pebble::Pebble;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const TERMINE: &str = "termine.praxis-gateway.ch";
const GATEWAY: &str = "api.praxis-gateway.ch";

fn praxis(p: &Pebble, port: u16, state: &Path, args: &[&str]) -> (i32, String) {
    let o = p.praxis(port, state).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    eprintln!("exit {:?}\n{err}", o.status.code());
    (o.status.code().unwrap_or(-1), err)
}

fn load(state: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(state.join("state.json")).unwrap()).unwrap()
}

fn save(state: &Path, v: &Value) {
    std::fs::write(state.join("state.json"), v.to_string()).unwrap();
}

fn stamp(t: OffsetDateTime) -> Value {
    Value::String(t.format(&Rfc3339).unwrap())
}

fn input(s: &str) -> Value {
    json!({"value": s, "cursor": s.chars().count()})
}

#[test]
fn the_gateway_certificate_is_renewed_when_due_and_only_then() {
    let port = pebble::free_port();
    let pebble = Pebble::start(port, None, 0);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir(&state).unwrap();
    // The appointment service's certificate: the account, the terms.
    let cert = [
        "certificate",
        "--domain",
        TERMINE,
        "--email",
        "it@praxis-gateway.ch",
        "--accept-terms",
        "--no-firewall",
    ];
    assert_eq!(praxis(&pebble, port, &state, &cert).0, 0);

    // The systems step set the gateway up a while ago (its form and the
    // record of its certificate, as the wizard saves them).
    let config = dir.path().join("gateway.config.yml");
    let original = "http:\n  port: 8080\nhttps:\n  port: 8443\n";
    std::fs::write(&config, original).unwrap();
    let certs = dir.path().join("letsencrypt");
    let now = OffsetDateTime::now_utc();
    let mut v = load(&state);
    let mut old = v["wizard"]["certificate"]["installed"].clone();
    old["domain"] = json!(GATEWAY);
    old["fingerprint_sha256"] = json!("00:11");
    old["not_before"] = stamp(now - Duration::days(20));
    old["not_after"] = stamp(now + Duration::days(70));
    old["renewal"] = json!({});
    v["wizard"]["systems"] = json!({
        "choice": "none",
        "orthanc": {"host": input(""), "config": input(""), "ips": input(""), "clients": input("")},
        "gateway": {
            "host": input(GATEWAY),
            "config": input(&config.display().to_string()),
            "disk_root": input(&certs.display().to_string()),
            "gateway_root": input("/var/lib/certs"),
            "email": input("it@praxis-gateway.ch"),
        },
        "plan": null,
        "done": [{"kind": "gateway", "host": GATEWAY, "report": [], "certificate": old}],
    });
    save(&state, &v);

    let (code, err) = praxis(&pebble, port, &state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("Express Gateway ({GATEWAY})")),
        "{err}"
    );
    assert!(!certs.exists(), "not due: nothing written");

    // As if 80 of 90 days had passed.
    let mut v = load(&state);
    let rec = &mut v["wizard"]["systems"]["done"][0]["certificate"];
    rec["not_before"] = stamp(now - Duration::days(80));
    rec["not_after"] = stamp(now + Duration::days(10));
    save(&state, &v);
    let (code, err) = praxis(&pebble, port, &state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0, "{err}\n{}", pebble.log());
    assert!(err.contains("two thirds of its lifetime"), "{err}");

    let live = certs.join("live").join(GATEWAY);
    for f in ["privkey.pem", "cert.pem", "chain.pem"] {
        assert!(live.join(f).exists(), "{f}");
    }
    let yml: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(
        yml["https"]["tls"][GATEWAY]["cert"].as_str(),
        Some(format!("/var/lib/certs/live/{GATEWAY}/cert.pem").as_str())
    );
    let renewed = load(&state);
    let done = &renewed["wizard"]["systems"]["done"][0];
    assert_eq!(done["kind"], "gateway");
    assert_ne!(done["certificate"]["fingerprint_sha256"], "00:11");
    let attempts = renewed["wizard"]["certificate"]["attempts"]["attempts"]
        .as_array()
        .unwrap();
    let last = attempts.last().unwrap();
    assert_eq!(
        (last["name"].as_str(), last["outcome"].as_str()),
        (Some(GATEWAY), Some("issued"))
    );
    // The appointment service's certificate was not touched.
    assert_eq!(
        renewed["wizard"]["certificate"]["installed"],
        v["wizard"]["certificate"]["installed"]
    );

    // Monitoring sees both certificates.
    let o = Command::new(BIN)
        .arg("--state-dir")
        .arg(&state)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown = status.to_string();
    assert!(
        shown.contains(TERMINE) && shown.contains(GATEWAY),
        "{shown}"
    );

    // The daily run again: nothing due, nothing written.
    let key_before = std::fs::read(live.join("privkey.pem")).unwrap();
    let (code, err) = praxis(&pebble, port, &state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(live.join("privkey.pem")).unwrap(), key_before);
    assert_eq!(
        load(&state)["wizard"]["systems"],
        renewed["wizard"]["systems"]
    );
}
