//! `praxis-tls status` against a state with a short-lived certificate
//! issued by a real Pebble: text, JSON, nagios and their exit codes. And
//! `status` reads while another session holds the lock.

#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/renewal_root.rs"]
mod renewal_root;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use pebble::Pebble;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

/// `status` against `state`, on a system whose renewal runs (so the
/// certificate alone decides), unless `root` says otherwise.
fn praxis(state: &Path, args: &[&str]) -> Output {
    let root = tempfile::tempdir().unwrap();
    renewal_root::scheduled(root.path(), state, true);
    praxis_at(root.path(), state, args)
}

fn praxis_at(root: &Path, state: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .arg("--system-root")
        .arg(root)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn show(o: &Output) -> (i32, String) {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    eprintln!(
        "exit {:?}\n{out}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), out)
}

#[test]
fn status_in_three_formats_with_monitoring_exit_codes() {
    // Ten days of validity: inside the default warning threshold (14).
    let port = pebble::free_port();
    let pebble = Pebble::start(port, Some(10 * 86_400), 0);
    let state = tempfile::tempdir().unwrap();
    let name = "termine.praxis-kurz.ch";
    let o = Command::new(BIN)
        .arg("--state-dir")
        .arg(state.path())
        .arg("--acme-directory")
        .arg(&pebble.directory_url)
        .arg("--acme-root")
        .arg(&pebble.listener_ca)
        .args(["--responder-port", &port.to_string()])
        .args([
            "certificate",
            "--domain",
            name,
            "--email",
            "a@praxis-kurz.ch",
        ])
        .args(["--accept-terms", "--no-firewall"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .output()
        .unwrap();
    assert_eq!(show(&o).0, 0, "{}", pebble.log());

    // Monitoring must work while the wizard holds the session lock.
    let _lock = praxis_tls::io::lock::Lock::acquire(state.path()).unwrap();

    let (code, out) = show(&praxis(state.path(), &["status"]));
    assert_eq!(code, 1, "WARNING");
    assert!(out.contains(name), "{out}");
    assert!(out.contains("expires soon"), "{out}");

    let (code, out) = show(&praxis(state.path(), &["status", "--format", "json"]));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["state"], "WARNING");
    assert_eq!(v["exit_code"], 1);
    let c = &v["certificates"][0];
    assert_eq!(c["domain"], name);
    assert_eq!(c["lifetime_days"], 10);
    assert!(c["days_left"].as_i64().unwrap() <= 10);
    assert_eq!(c["file"]["state"], "matches");

    let (code, out) = show(&praxis(state.path(), &["status", "--format", "nagios"]));
    assert_eq!(code, 1);
    assert!(out.starts_with("TLS WARNING: "), "{out}");
    assert!(out.contains("| days_left=9;@~:14;@~:7;0;"), "{out}");

    let args = ["status", "--format", "nagios", "-w", "5", "-c", "3"];
    let (code, out) = show(&praxis(state.path(), &args));
    assert_eq!(code, 0, "OK with lower thresholds");
    assert!(out.starts_with("TLS OK: "), "{out}");

    let args = ["status", "--format", "nagios", "-w", "20", "-c", "12"];
    let (code, out) = show(&praxis(state.path(), &args));
    assert_eq!(code, 2, "CRITICAL");
    assert!(out.starts_with("TLS CRITICAL: "), "{out}");

    // Nothing renews it: WARNING although it is valid long enough; the
    // program the schedule names is gone: renewal has stopped, CRITICAL.
    let root = tempfile::tempdir().unwrap();
    let args = ["status", "--format", "nagios", "-w", "5", "-c", "3"];
    let (code, out) = show(&praxis_at(root.path(), state.path(), &args));
    assert_eq!(code, 1, "WARNING without a schedule");
    assert!(out.contains("renewal is not scheduled"), "{out}");
    renewal_root::scheduled(root.path(), state.path(), false);
    let (code, out) = show(&praxis_at(root.path(), state.path(), &args));
    assert_eq!(code, 2, "CRITICAL when the scheduled program is gone");
    assert!(
        out.contains("/usr/bin/praxis-tls which does not exist"),
        "{out}"
    );
    let (_, out) = show(&praxis_at(root.path(), state.path(), &["status"]));
    assert!(out.contains("no longer exists"), "{out}");

    // The file on disk decides too: gone means UNKNOWN.
    let saved: Value =
        serde_json::from_slice(&std::fs::read(state.path().join("state.json")).unwrap()).unwrap();
    let crt = saved["wizard"]["certificate"]["installed"]["path_crt"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::remove_file(&crt).unwrap();
    let (code, out) = show(&praxis(state.path(), &["status", "--format", "nagios"]));
    assert_eq!(code, 3, "UNKNOWN");
    assert!(out.starts_with("TLS UNKNOWN: "), "{out}");
    let (code, out) = show(&praxis(state.path(), &["status"]));
    assert_eq!(code, 3);
    assert!(out.contains("missing"), "{out}");
}

#[test]
fn status_without_a_state_is_unknown_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("never-created");
    let (code, out) = show(&praxis(&state, &["status", "--format", "nagios"]));
    assert_eq!(code, 3);
    assert!(out.starts_with("TLS UNKNOWN"), "{out}");
    assert!(!state.exists(), "status creates nothing");
}
