//! Issuance timing against a local Pebble, whole processes side by side:
//! the shipped praxis-tls binary (`certificate --staging`, and the full
//! `certificate` with its dry run) and certbot (`certonly --standalone`),
//! interleaved run by run so that both meet the same machine state.
//! Ignored in the normal test run; `scripts/bench-issuance` runs it.

#[path = "support/pebble.rs"]
mod pebble;

use std::path::Path;
use std::process::Command;

const RUNS: usize = 7;

/// Wall seconds and peak RSS (KiB) of one whole process, as GNU time
/// measures them.
fn timed(cmd: Command, what: &str) -> (f64, u64) {
    let mut time = Command::new("/usr/bin/time");
    time.arg("-f").arg("@@ %e %M").arg(cmd.get_program());
    time.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => time.env(k, v),
            None => time.env_remove(k),
        };
    }
    let out = time.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what} failed: {err}");
    let line = err.lines().rev().find(|l| l.starts_with("@@ ")).unwrap();
    let mut parts = line[3..].split_whitespace();
    let secs = parts.next().and_then(|s| s.parse().ok()).unwrap();
    let kib = parts.next().and_then(|s| s.parse().ok()).unwrap();
    (secs, kib)
}

fn summary(label: &str, runs: &[(f64, u64)]) {
    let mut t: Vec<f64> = runs.iter().map(|r| r.0).collect();
    let mut m: Vec<u64> = runs.iter().map(|r| r.1).collect();
    t.sort_by(f64::total_cmp);
    m.sort_unstable();
    let mib = |k: u64| k as f64 / 1024.0;
    println!(
        "{label}: time min {:.2} s, median {:.2} s, max {:.2} s; peak RSS min {:.1} MiB, median {:.1} MiB, max {:.1} MiB (n={})",
        t[0],
        t[t.len() / 2],
        t[t.len() - 1],
        mib(m[0]),
        mib(m[m.len() / 2]),
        mib(m[m.len() - 1]),
        runs.len()
    );
}

fn praxis(
    bin: &Path,
    state: &Path,
    pebble: &pebble::Pebble,
    port: u16,
    name: &str,
    staging: bool,
) -> Command {
    let mut c = Command::new(bin);
    c.arg("--state-dir")
        .arg(state)
        .args(["--lang", "en", "--acme-directory", &pebble.directory_url])
        .arg("--acme-root")
        .arg(&pebble.listener_ca)
        .args(["--responder-port", &port.to_string()])
        .args([
            "certificate",
            "--domain",
            name,
            "--email",
            "bench@praxis-muster.ch",
        ])
        .args(["--accept-terms", "--no-firewall"])
        .env_remove("PRAXIS_TLS_STATE_DIR");
    if staging {
        c.arg("--staging");
    }
    c
}

fn certbot(bin: &str, work: &Path, pebble: &pebble::Pebble, port: u16, name: &str) -> Command {
    let mut c = Command::new(bin);
    c.args([
        "certonly",
        "--standalone",
        "--http-01-port",
        &port.to_string(),
    ])
    .args(["--server", &pebble.directory_url, "-d", name])
    .args([
        "--agree-tos",
        "-m",
        "bench@praxis-muster.ch",
        "--non-interactive",
    ])
    .arg("--config-dir")
    .arg(work.join("c"))
    .arg("--work-dir")
    .arg(work.join("w"))
    .arg("--logs-dir")
    .arg(work.join("l"))
    .env("REQUESTS_CA_BUNDLE", &pebble.listener_ca);
    c
}

#[test]
#[ignore = "benchmark: scripts/bench-issuance"]
fn bench_issuance() {
    let bin = std::env::var("PRAXIS_TLS_BIN").expect("PRAXIS_TLS_BIN: the shipped binary");
    let certbot_bin = std::env::var("CERTBOT").expect("CERTBOT: certbot's path");
    let bin = Path::new(&bin);
    let port = free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let ours_state = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // Each tool's account is made once, before the timed runs, as on a
    // practice's second issuance.
    timed(
        praxis(
            bin,
            ours_state.path(),
            &pebble,
            port,
            "warm.praxis-muster.ch",
            true,
        ),
        "praxis-tls",
    );
    timed(
        certbot(
            &certbot_bin,
            work.path(),
            &pebble,
            port,
            "warmc.praxis-muster.ch",
        ),
        "certbot",
    );
    let (mut ours, mut full, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..RUNS {
        let name = format!("termine{i}.praxis-muster.ch");
        ours.push(timed(
            praxis(bin, ours_state.path(), &pebble, port, &name, true),
            "praxis-tls",
        ));
        let name = format!("certbot{i}.praxis-muster.ch");
        theirs.push(timed(
            certbot(&certbot_bin, work.path(), &pebble, port, &name),
            "certbot",
        ));
        // A state of its own each time: unattended, `certificate` makes at
        // most one production attempt a day per state, as a guard against
        // Let's Encrypt's limits. Its account is made anew each run.
        let name = format!("termine.praxis-full{i}.ch");
        let state = tempfile::tempdir().unwrap();
        full.push(timed(
            praxis(bin, state.path(), &pebble, port, &name, false),
            "praxis-tls",
        ));
    }
    println!();
    summary("praxis-tls certificate --staging (one order)", &ours);
    summary("certbot certonly --standalone (one order)", &theirs);
    summary(
        "praxis-tls certificate (account, dry run, production)",
        &full,
    );
    let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
    println!(
        "praxis-tls binary: {:.1} MiB ({size} bytes)",
        size as f64 / 1024.0 / 1024.0
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
