//! `certificate` and `renew` run the wizard's core on the headless driver:
//! against a real Pebble on loopback, they leave the same attempt records
//! a walk through the wizard's certificate step leaves, in the same order,
//! for a certificate, a renewal and a failed dry run.

#[path = "support/knot.rs"]
#[allow(dead_code)]
mod knot;
#[path = "support/pebble.rs"]
mod pebble;

use std::path::Path;
use std::time::Duration;

use pebble::{Pebble, free_port};
use praxis_tls::core::library::attempts::{Attempt, AttemptOutcome};
use praxis_tls::core::{Action, Effect, Lang, Msg, Step, Wizard, library::domain, update};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const NAME: &str = "termine.praxis-muster.ch";
const REGISTERED: &str = "praxis-muster.ch";

/// An attempt without its time: what must be the same on both paths.
type Shape = (String, String, bool, AttemptOutcome);

fn shape(a: &[Attempt]) -> Vec<Shape> {
    a.iter()
        .map(|a| {
            (
                a.name.clone(),
                a.registered.clone(),
                a.production,
                a.outcome,
            )
        })
        .collect()
}

fn issued(production: bool) -> Shape {
    (
        NAME.into(),
        REGISTERED.into(),
        production,
        AttemptOutcome::Issued,
    )
}

/// The wizard's certificate step, keys and results through the core and
/// the real executor, as `cert_flow` walks it. `unreachable`: the
/// responder listens where the CA does not knock, so the dry run's
/// validation fails.
fn wizard_walk(unreachable: bool) -> Vec<Attempt> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let knot = knot::Knot::start(&[knot::Zone::new(
        "praxis-muster.ch.",
        "$ORIGIN praxis-muster.ch.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\ntermine A 127.0.0.1\n",
    )]);
    let dns = DnsConfig {
        server: Some(knot.addr),
        timeout: Duration::from_secs(2),
    };
    let mut cfg = IoConfig::new(state.path(), dns);
    cfg.acme_staging = pebble.choice();
    cfg.acme_production = pebble.choice();
    cfg.responder_port = if unreachable { free_port() } else { port };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let _guard = rt.enter();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let exec = Executor::new(cfg, Journal::open(state.path()).unwrap(), tx);

    let now = OffsetDateTime::now_utc();
    let mut w = Wizard::new(Lang::En, now);
    w.domain.parsed = domain::parse(NAME).ok();
    w.step = Step::Certificate;
    w.certificate.email.set("praxis@praxis-muster.ch");
    w.network.dns_a = vec![std::net::Ipv4Addr::LOCALHOST];

    let step = |w: &mut Wizard, msg: Msg| -> usize {
        let mut started = 0;
        for e in update(w, msg, OffsetDateTime::now_utc()) {
            if e == Effect::Persist {
                exec.saved(w);
            } else {
                started += 1;
                exec.run(e);
            }
        }
        started
    };
    step(&mut w, Msg::Key(Action::Next));
    let mut pending = step(&mut w, Msg::Key(Action::Yes));
    while pending > 0 {
        let msg = rt
            .block_on(tokio::time::timeout(Duration::from_secs(60), rx.recv()))
            .unwrap_or_else(|_| panic!("no answer; pebble says:\n{}", pebble.log()))
            .unwrap();
        if !msg.is_report() {
            pending -= 1;
        }
        pending += step(&mut w, msg);
    }
    let installed = w.certificate.installed.as_ref().map(|r| r.domain.as_str());
    let expected = (!unreachable).then_some(NAME);
    assert_eq!(installed, expected, "{}", pebble.log());
    w.certificate.attempts.attempts
}

fn attempts(state: &Path) -> Vec<Attempt> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(state.join("state.json")).unwrap()).unwrap();
    serde_json::from_value(v["wizard"]["certificate"]["attempts"]["attempts"].clone()).unwrap()
}

/// The once-a-day guard would refuse the renewal right after the first
/// issuance: the records are moved two days back.
fn age_attempts(state: &Path) {
    let path = state.join("state.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let then = (OffsetDateTime::now_utc() - time::Duration::days(2))
        .format(&Rfc3339)
        .unwrap();
    for a in v["wizard"]["certificate"]["attempts"]["attempts"]
        .as_array_mut()
        .unwrap()
    {
        a["at"] = Value::String(then.clone());
    }
    std::fs::write(&path, v.to_string()).unwrap();
}

fn praxis(p: &Pebble, port: u16, state: &Path, args: &[&str]) -> (i32, String) {
    let o = p.praxis(port, state).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code().unwrap_or(-1), err)
}

#[test]
fn certificate_and_renew_write_the_records_the_wizard_writes() {
    let walked = shape(&wizard_walk(false));
    assert_eq!(walked, [issued(false), issued(true)], "the wizard's walk");

    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let args = [
        "certificate",
        "--domain",
        NAME,
        "--email",
        "praxis@praxis-muster.ch",
        "--accept-terms",
        "--no-firewall",
    ];
    let (code, err) = praxis(&pebble, port, &state, &args);
    assert_eq!(code, 0, "{err}\n{}", pebble.log());
    assert_eq!(
        shape(&attempts(&state)),
        walked,
        "certificate as the wizard"
    );

    // A renewal is a production issuance after a dry run that already
    // went through: one record, as the wizard's second one.
    age_attempts(&state);
    let (code, err) = praxis(
        &pebble,
        port,
        &state,
        &["renew", "--force", "--no-firewall"],
    );
    assert_eq!(code, 0, "{err}\n{}", pebble.log());
    let after = attempts(&state);
    assert_eq!(
        shape(&after),
        [issued(false), issued(true), issued(true)],
        "renew as the wizard"
    );
    assert!(after[2].at > after[1].at, "recorded when it happened");
}

#[test]
fn a_failed_dry_run_is_recorded_alike() {
    let walked = shape(&wizard_walk(true));
    let failed = (
        NAME.to_string(),
        REGISTERED.to_string(),
        false,
        AttemptOutcome::Failed,
    );
    assert_eq!(walked, std::slice::from_ref(&failed), "the wizard's walk");

    // The name points where the responder is not.
    let port = free_port();
    let pebble = Pebble::start(port, None, 0);
    pebble.add_a(NAME, &["127.0.0.2"]);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let args = [
        "certificate",
        "--domain",
        NAME,
        "--email",
        "praxis@praxis-muster.ch",
        "--accept-terms",
        "--no-firewall",
        "--staging",
        "--responder-bind",
        "127.0.0.1",
    ];
    let (code, err) = praxis(&pebble, port, &state, &args);
    assert_eq!(code, 5, "validation failed: {err}\n{}", pebble.log());
    assert_eq!(
        shape(&attempts(&state)),
        [failed],
        "certificate as the wizard"
    );
}
