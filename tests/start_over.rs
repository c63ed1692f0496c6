//! «Neu beginnen» after a certificate was installed: what `status` reports
//! from the saved state is the same before and after, and the attempts
//! that count against Let's Encrypt's limits are still there.

use std::process::{Command, Stdio};

use praxis_tls::core::library::attempts::{Attempt, AttemptOutcome};
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::{Action, Lang, Msg, Overlay, Step, Wizard, update};
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

fn status_json(state: &std::path::Path) -> serde_json::Value {
    let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let o = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .arg("--system-root")
        .arg(root.path())
        .args(["--lang", "en", "status", "--format", "json"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&o.stdout);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn starting_over_keeps_what_status_reports_and_the_attempts() {
    let now = OffsetDateTime::now_utc();
    let state = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(state.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut w = Wizard::new(Lang::DeCh, now);
    w.step = Step::Restart;
    w.domain.input.set("termine.meine-praxis.ch");
    w.certificate.installed = Some(CertRecord {
        domain: "termine.meine-praxis.ch".into(),
        path_crt: state.path().join("t.crt"),
        path_key: state.path().join("t.key"),
        not_before: now,
        not_after: now + time::Duration::days(60),
        issuer: "R13".into(),
        fingerprint_sha256: "AB:CD".into(),
        renewal: Default::default(),
    });
    w.certificate.attempts.record(Attempt {
        at: now,
        name: "termine.meine-praxis.ch".into(),
        registered: "meine-praxis.ch".into(),
        production: true,
        outcome: AttemptOutcome::Failed,
    });
    store.save(&w).unwrap_or_else(|e| panic!("{e:?}"));
    let before = status_json(state.path());
    assert!(
        before.to_string().contains("termine.meine-praxis.ch"),
        "{before:#}"
    );

    // The next start: the resume question, «Neu beginnen», asked again, yes.
    let mut w = praxis_tls::core::resumed(
        store
            .load()
            .unwrap_or_else(|e| panic!("{e:?}"))
            .unwrap_or_else(|| panic!("saved")),
    );
    for a in [Action::Down, Action::Next] {
        update(&mut w, Msg::Key(a), now);
    }
    assert_eq!(w.session.overlay, Overlay::ConfirmStartOver);
    update(&mut w, Msg::Key(Action::Yes), now);
    assert_eq!(w.step, Step::Language);
    store.save(&w).unwrap_or_else(|e| panic!("{e:?}"));

    let after = status_json(state.path());
    assert_eq!(
        after["certificates"], before["certificates"],
        "status tells the same"
    );
    assert_eq!(after["state"], before["state"]);
    let saved = store
        .load()
        .unwrap_or_else(|e| panic!("{e:?}"))
        .unwrap_or_else(|| panic!("saved"));
    assert_eq!(saved.certificate.attempts.attempts.len(), 1);
    assert_eq!(saved.domain.input.value, "", "the answers start afresh");
}
