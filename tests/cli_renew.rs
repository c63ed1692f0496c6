//! `praxis-tls renew` as the real binary against Pebble: not due does
//! nothing, due renews (production only, the dry run was done), and a
//! second run right after is a no-op.

#[path = "support/pebble.rs"]
mod pebble;

use std::path::Path;
use std::process::Output;

use pebble::Pebble;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

fn praxis(p: &Pebble, port: u16, state: &Path, args: &[&str]) -> (i32, String) {
    let o: Output = p.praxis(port, state).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    eprintln!(
        "exit {:?}\n{}{err}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout)
    );
    (o.status.code().unwrap_or(-1), err)
}

fn load(state: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(state.join("state.json")).unwrap()).unwrap()
}

fn stamp(t: OffsetDateTime) -> Value {
    Value::String(t.format(&Rfc3339).unwrap())
}

#[test]
fn renews_only_when_due_and_is_idempotent() {
    let port = pebble::free_port();
    let pebble = Pebble::start(port, None, 0);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path();
    let name = "termine.praxis-erneuern.ch";
    let cert = [
        "certificate",
        "--domain",
        name,
        "--email",
        "it@praxis-erneuern.ch",
        "--accept-terms",
        "--no-firewall",
    ];
    assert_eq!(praxis(&pebble, port, state, &cert).0, 0);
    let first = load(state);

    let (code, err) = praxis(&pebble, port, state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0);
    assert!(err.contains("No renewal needed yet"), "{err}");
    assert_eq!(
        load(state)["wizard"]["certificate"],
        first["wizard"]["certificate"]
    );

    // As if 80 of 90 days had passed and the last attempts were days ago.
    let now = OffsetDateTime::now_utc();
    let mut aged = first.clone();
    let c = &mut aged["wizard"]["certificate"];
    c["installed"]["not_before"] = stamp(now - Duration::days(80));
    c["installed"]["not_after"] = stamp(now + Duration::days(10));
    for a in c["attempts"]["attempts"].as_array_mut().unwrap() {
        a["at"] = stamp(now - Duration::days(2));
    }
    std::fs::write(state.join("state.json"), aged.to_string()).unwrap();

    let (code, err) = praxis(&pebble, port, state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0, "{}", pebble.log());
    assert!(err.contains("two thirds of its lifetime"), "{err}");
    assert!(err.contains("Let's Encrypt: order https://"), "{err}");
    assert!(
        !err.contains("Dry run"),
        "the dry run was done before: {err}"
    );
    assert!(
        err.contains("not automatic yet"),
        "go-live is a no-op: {err}"
    );
    let renewed = load(state);
    let (old, new) = (
        &first["wizard"]["certificate"]["installed"],
        &renewed["wizard"]["certificate"]["installed"],
    );
    assert_ne!(old["fingerprint_sha256"], new["fingerprint_sha256"]);
    assert_ne!(
        old["path_crt"], new["path_crt"],
        "a new version of the files"
    );
    let attempts = renewed["wizard"]["certificate"]["attempts"]["attempts"]
        .as_array()
        .unwrap();
    assert_eq!(attempts.last().unwrap()["outcome"], "issued");

    // The daily timer fires again: nothing happens.
    let (code, err) = praxis(&pebble, port, state, &["renew", "--no-firewall"]);
    assert_eq!(code, 0);
    assert!(err.contains("No renewal needed yet"), "{err}");
    assert_eq!(
        load(state)["wizard"]["certificate"],
        renewed["wizard"]["certificate"]
    );
}
