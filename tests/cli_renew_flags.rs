//! `renew --dry-run`, `renew --force` and `--deploy-hook` as the real
//! binary against Pebble: the dry run goes to the (staging) CA and installs
//! nothing; force renews a certificate that is not due, but not twice a day;
//! the hook runs after a successful renewal with certbot's variables, is
//! kept for the timer's runs, and `undo` takes it away.

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

fn installed(state: &Path) -> Value {
    load(state)["wizard"]["certificate"]["installed"].clone()
}

/// As if the last attempts were two days ago: the once-a-day guard is past.
fn age_attempts(state: &Path) {
    let mut v = load(state);
    let then = (OffsetDateTime::now_utc() - Duration::days(2))
        .format(&Rfc3339)
        .unwrap();
    for a in v["wizard"]["certificate"]["attempts"]["attempts"]
        .as_array_mut()
        .unwrap()
    {
        a["at"] = Value::String(then.clone());
    }
    std::fs::write(state.join("state.json"), v.to_string()).unwrap();
}

#[test]
fn dry_run_force_and_the_deploy_hook() {
    let port = pebble::free_port();
    let pebble = Pebble::start(port, None, 0);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let name = "termine.praxis-haken.ch";
    let cert = [
        "certificate",
        "--domain",
        name,
        "--email",
        "it@praxis-haken.ch",
        "--accept-terms",
        "--no-firewall",
    ];
    assert_eq!(praxis(&pebble, port, &state, &cert).0, 0);
    let first = installed(&state);

    // The dry run: to the CA and back, nothing installed.
    let orders = |log: &str| log.lines().filter(|l| l.contains("Added order")).count();
    let before = orders(&pebble.log());
    let (code, err) = praxis(
        &pebble,
        port,
        &state,
        &["renew", "--dry-run", "--no-firewall"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("Dry run for termine.praxis-haken.ch succeeded"),
        "{err}"
    );
    assert!(orders(&pebble.log()) > before, "the CA was asked");
    assert_eq!(installed(&state), first, "nothing installed");

    // Force, right after the issuance: the once-a-day guard still holds.
    let (code, err) = praxis(
        &pebble,
        port,
        &state,
        &["renew", "--force", "--no-firewall"],
    );
    assert_eq!(code, 4, "{err}");
    assert_eq!(installed(&state), first);

    // A hook that records what it was given; force once the guard is past.
    let out = dir.path().join("hook.out");
    let hook = format!(
        "printf '%s\\n%s\\n' \"$RENEWED_DOMAINS\" \"$RENEWED_LINEAGE\" > {}",
        out.display()
    );
    age_attempts(&state);
    let args = ["renew", "--force", "--no-firewall", "--deploy-hook", &hook];
    let (code, err) = praxis(&pebble, port, &state, &args);
    assert_eq!(code, 0, "{err}\n{}", pebble.log());
    assert!(err.contains("it was asked for (--force)"), "{err}");
    assert!(err.contains("The command after renewal ran"), "{err}");
    let renewed = installed(&state);
    assert_ne!(renewed["fingerprint_sha256"], first["fingerprint_sha256"]);
    let seen = std::fs::read_to_string(&out).unwrap();
    let lineage = Path::new(renewed["path_crt"].as_str().unwrap())
        .parent()
        .unwrap()
        .display()
        .to_string();
    assert_eq!(seen, format!("{name}\n{lineage}\n"));

    // The timer's run (no flags) keeps the hook: it runs at the next renewal.
    std::fs::remove_file(&out).unwrap();
    age_attempts(&state);
    let (code, err) = praxis(
        &pebble,
        port,
        &state,
        &["renew", "--force", "--no-firewall"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.exists(), "the stored hook ran again");

    // A failing hook: the renewal stands, the run says why and exits 1.
    age_attempts(&state);
    let args = [
        "renew",
        "--force",
        "--no-firewall",
        "--deploy-hook",
        "exit 7",
    ];
    let (code, err) = praxis(&pebble, port, &state, &args);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("(exit 7) failed"), "{err}");

    // The hook is in the journal: undo takes it away.
    assert!(state.join("deploy-hook.toml").exists());
    let o = pebble
        .praxis(port, &state)
        .args(["undo", "--yes"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    assert!(!state.join("deploy-hook.toml").exists());
}
