//! `praxis-tls check --json` against the knot lab: delegation, DNS and the
//! public address (a zone that answers `myip.opendns.com`), judged by the
//! core's own classification; nothing written.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use support::knot::{Knot, Zone};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

/// The practice lab plus `myip.opendns.com`, answering `public`.
fn lab(public: &str) -> Knot {
    let mut zones = support::lab::zones();
    zones.push(Zone::new(
        "opendns.com.",
        &format!(
            "$ORIGIN opendns.com.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\nmyip A {public}\n"
        ),
    ));
    Knot::start(&zones)
}

fn check(knot: &Knot, state: &Path, lang: &str, name: &str) -> (i32, Value) {
    let o: Output = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", lang])
        .args(["--dns-server", &knot.addr.to_string()])
        .args(["--public-ip-dns", &knot.addr.to_string()])
        .args(["check", "--json", "--domain", name])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    eprintln!("{out}{}", String::from_utf8_lossy(&o.stderr));
    (
        o.status.code().unwrap_or(-1),
        serde_json::from_str(&out).unwrap(),
    )
}

fn state_of(v: &Value, id: &str) -> String {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {v}"))["state"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_well_configured_name_passes() {
    let knot = lab("203.0.113.10");
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let (code, v) = check(&knot, &state, "en", "termine.praxis-muster.ch");
    assert_eq!(v["domain"], "termine.praxis-muster.ch");
    assert_eq!(state_of(&v, "delegation"), "passed");
    assert_eq!(state_of(&v, "dns-a"), "passed");
    assert_eq!(state_of(&v, "dns-caa"), "passed");
    assert_eq!(state_of(&v, "public-ip"), "passed");
    assert_eq!(state_of(&v, "firewall-rule"), "passed");
    let any_failed = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["state"] == "failed");
    assert!(!any_failed, "{v}");
    assert_eq!(v["ok"], true);
    assert_eq!(code, 0);
    assert!(!state.exists(), "check writes nothing");
}

#[test]
fn wrong_address_and_missing_domain_fail_in_german_too() {
    let knot = lab("198.51.100.7");
    let dir = tempfile::tempdir().unwrap();
    let (code, v) = check(&knot, dir.path(), "de", "termine.praxis-muster.ch");
    assert_eq!(code, 1);
    assert_eq!(v["ok"], false);
    assert_eq!(state_of(&v, "public-ip"), "failed");
    let public = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "public-ip")
        .unwrap()
        .clone();
    assert_eq!(public["summary_id"], "reach-dns-a-differs");
    assert_eq!(public["title"], "Öffentliche Adresse");

    let (code, v) = check(&knot, dir.path(), "en", "termine.nicht-registriert.ch");
    assert_eq!(code, 1);
    assert_eq!(state_of(&v, "delegation"), "failed");
}
