//! What she sees after `praxis-tls undo`, on the real binary: German
//! lines without the journal's English descriptions, the accepted answers
//! in the question, the wizard open again at installing the certificate
//! (not «Geschafft»), the restart the proxy still needs, and `status` no
//! longer «in Ordnung» about a certificate the service does not use.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use praxis_tls::core::library::start::{Generation, Installation};
use praxis_tls::core::library::status::{CertRecord, RenewalHint};
use praxis_tls::core::model::golive::InstalledFiles;
use praxis_tls::core::{CheckId, CheckState, Finding, Lang, Step, Text, Wizard};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const HOST: &str = "termine.praxis-muster.ch";

fn run(state: &Path, args: &[&str], input: &[u8]) -> (i32, String) {
    let mut child = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let o = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{args:?}: exit {:?}\n{text}", o.status.code());
    (o.status.code().unwrap_or(-1), text)
}

/// A wizard that went all the way: the certificate issued and valid, the
/// proxy's configuration written into the Elexis-OOB folder through the
/// journal, every go-live check passed, «Fertig» on screen.
fn finished(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let state = root.join("state");
    let oob = root.join("elexis-oob");
    std::fs::create_dir_all(&oob).unwrap();
    let store = Store::open(&state).unwrap();
    let now = OffsetDateTime::now_utc();
    let cert = praxis_tls::io::self_signed::generate(HOST, now, 90).unwrap();
    let crt = state.join("termine.crt");
    std::fs::write(&crt, &cert.cert_pem).unwrap();
    let mut w = Wizard::new(Lang::De, now);
    w.start.found = Some(Installation::new(oob.clone(), Generation::Current));
    w.certificate.installed = Some(CertRecord {
        domain: HOST.into(),
        path_crt: crt.clone(),
        path_key: state.join("termine.key"),
        not_before: cert.info.not_before,
        not_after: cert.info.not_after,
        issuer: cert.info.issuer.clone(),
        fingerprint_sha256: cert.info.fingerprint_sha256.clone(),
        renewal: RenewalHint::default(),
    });
    w.golive.installed = Some(InstalledFiles {
        crt: crt.clone(),
        key: state.join("termine.key"),
        cert_name: "termine.crt".into(),
        key_name: "termine.key".into(),
        fingerprint: cert.info.fingerprint_sha256.clone(),
    });
    for id in [
        CheckId::FilesInstalled,
        CheckId::ProxyConfig,
        CheckId::Restarted,
        CheckId::FinalTls,
    ] {
        w.checks
            .insert(id, CheckState::Passed(Finding::new(Text::new("x"))));
    }
    w.step = Step::Done;
    store.save(&w).unwrap();
    let config = oob.join("docker-compose.override.yml");
    Journal::open(&state)
        .unwrap()
        .write_file(
            &config,
            b"services: {}\n",
            0o644,
            format!("proxy configuration for {HOST}"),
        )
        .unwrap();
    (state, config)
}

#[test]
fn after_undo_the_wizard_and_status_tell_the_truth_in_german() {
    let root = tempfile::tempdir().unwrap();
    let (state, config) = finished(root.path());
    let (code, before) = run(&state, &["--lang", "de", "status"], b"");
    assert_eq!(code, 1, "no renewal schedule yet: WARNING\n{before}");
    assert!(!before.contains("zurückgenommen"), "{before}");

    let (code, out) = run(&state, &["--lang", "de", "undo"], b"j\n");
    assert_eq!(code, 0, "{out}");
    assert!(!config.exists(), "the written file is gone");
    assert!(
        out.contains("Fortfahren? [j/N]"),
        "the answers are shown:\n{out}"
    );
    assert!(
        !out.contains("proxy configuration"),
        "no English journal text in German output:\n{out}"
    );
    assert!(
        out.contains(&format!("{} gab es vorher nicht", config.display())),
        "{out}"
    );
    assert!(
        out.contains("zeigt die Terminseite den Patienten eine Warnung")
            && out.contains("docker compose up -d"),
        "the restart the proxy still needs, and how:\n{out}"
    );
    assert!(out.contains("wieder beim Installieren"), "{out}");

    let w = Store::open(&state).unwrap().load().unwrap().unwrap();
    assert_eq!(w.step, Step::Install, "not «Geschafft» any more");
    assert!(w.golive.installed.is_none());
    assert!(!w.checks.contains_key(&CheckId::FinalTls));
    assert!(w.golive.undone_at.is_some());
    assert!(w.certificate.installed.is_some(), "the certificate is kept");

    let (code, after) = run(&state, &["--lang", "de", "status"], b"");
    assert_eq!(code, 1, "{after}");
    assert!(
        after.contains("wurde die Einrichtung zurückgenommen (mit „praxis-tls undo“)"),
        "{after}"
    );
    let today = OffsetDateTime::now_utc().date();
    let german = format!(
        "{:02}.{:02}.{}",
        today.day(),
        u8::from(today.month()),
        today.year()
    );
    assert!(
        after.contains(&format!("Am {german}")),
        "a German date:\n{after}"
    );
    let (_, nagios) = run(&state, &["status", "--format", "nagios"], b"");
    assert!(nagios.contains("undone on"), "{nagios}");
}

#[test]
fn a_no_changes_nothing_in_the_saved_wizard() {
    let root = tempfile::tempdir().unwrap();
    let (state, config) = finished(root.path());
    let (code, out) = run(&state, &["--lang", "de", "undo"], b"n\n");
    assert_eq!(code, 2, "{out}");
    assert!(config.exists());
    let w = Store::open(&state).unwrap().load().unwrap().unwrap();
    assert_eq!(w.step, Step::Done);
    assert!(w.golive.undone_at.is_none());
}
