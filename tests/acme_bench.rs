//! Issuance timing against a local Pebble, side by side with certbot.
//! Ignored in the normal test run; `scripts/bench-issuance` runs it.

#[path = "support/acme_responder.rs"]
mod acme_responder;
#[path = "support/pebble.rs"]
mod pebble;

use std::process::Command;
use std::time::Instant;

use acme_responder::TestResponder;
use praxis_tls::io::acme::{Acme, IssueRequest, Timeouts};

const RUNS: usize = 5;

/// Peak resident memory of this process so far, in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: scripts/bench-issuance"]
async fn bench_issuance() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let responder = TestResponder::start(true).await;
    let port = responder.port;
    let pebble = pebble::Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let certs = tempfile::tempdir().unwrap();
    let quiet = |_| {};

    let t = Instant::now();
    let acme = Acme::open(
        &pebble.choice(),
        state.path(),
        "bench@praxis-muster.ch",
        true,
        &quiet,
    )
    .await
    .unwrap();
    let account_s = t.elapsed().as_secs_f64();
    let mut ours = Vec::new();
    for i in 0..RUNS {
        let req = IssueRequest {
            name: format!("termine{i}.bench.example"),
            cert_dir: certs.path().to_path_buf(),
            resume_order: None,
            today: time::OffsetDateTime::now_utc().date(),
            timeouts: Timeouts::default(),
            order_saved: None,
        };
        let t = Instant::now();
        acme.issue(&req, &responder, &quiet).await.unwrap();
        ours.push(t.elapsed().as_secs_f64());
    }
    println!(
        "\npraxis-tls: account {:.3} s; issuance median {:.3} s (min {:.3}, max {:.3}, n={RUNS}); peak RSS {} KiB (whole test process)",
        account_s,
        median(ours.clone()),
        ours.iter().cloned().fold(f64::MAX, f64::min),
        ours.iter().cloned().fold(0.0, f64::max),
        peak_rss_kib()
    );

    let Ok(certbot) = std::env::var("CERTBOT") else {
        println!("certbot: skipped (set CERTBOT=path)");
        return;
    };
    drop(responder); // certbot's standalone server takes the port
    let work = tempfile::tempdir().unwrap();
    let mut theirs = Vec::new();
    let mut rss = Vec::new();
    for i in 0..RUNS {
        let d = work.path();
        let out = Command::new("/usr/bin/time")
            .arg("-f")
            .arg("%e %M")
            .arg(&certbot)
            .args([
                "certonly",
                "--standalone",
                "--http-01-port",
                &port.to_string(),
            ])
            .args(["--server", &pebble.directory_url])
            .args(["-d", &format!("certbot{i}.bench.example")])
            .args([
                "--agree-tos",
                "-m",
                "bench@praxis-muster.ch",
                "--non-interactive",
                "--no-verify-ssl",
            ])
            .arg("--config-dir")
            .arg(d.join("c"))
            .arg("--work-dir")
            .arg(d.join("w"))
            .arg("--logs-dir")
            .arg(d.join("l"))
            .env("REQUESTS_CA_BUNDLE", &pebble.listener_ca)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "certbot failed: {err}");
        let last = err.lines().last().unwrap_or("");
        let mut parts = last.split_whitespace();
        theirs.push(parts.next().and_then(|s| s.parse().ok()).unwrap_or(0.0));
        rss.push(
            parts
                .next()
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0),
        );
    }
    println!(
        "certbot:    issuance median {:.3} s (min {:.3}, max {:.3}, n={RUNS}, first includes account); peak RSS {} KiB",
        median(theirs.clone()),
        theirs.iter().cloned().fold(f64::MAX, f64::min),
        theirs.iter().cloned().fold(0.0, f64::max),
        rss.iter().max().unwrap_or(&0)
    );
}
