//! `praxis-tls undo`'s exit codes on the real binary, as scripts read
//! them: 3 while another session holds the lock (as `certificate`,
//! `renew` and `replay`), 2 with "nothing was undone" after a no or at the
//! end of the input, with every change left in place.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use praxis_tls::io::journal::Journal;
use praxis_tls::io::lock::Lock;
use praxis_tls::io::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

/// A state directory whose journal holds one file the program wrote.
fn with_one_change(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let state = root.join("state");
    Store::open(&state).unwrap();
    let target = root.join("docker-compose.override.yml");
    Journal::open(&state)
        .unwrap()
        .write_file(&target, b"services: {}\n", 0o644, "override".into())
        .unwrap();
    (state, target)
}

fn undo(state: &Path, lang: &str, input: Option<&[u8]>) -> (i32, String) {
    let mut child = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", lang, "undo"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(bytes) = input {
        stdin.write_all(bytes).unwrap();
    }
    // Closed: the end of the input.
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("exit {:?}\n{text}", o.status.code());
    (o.status.code().unwrap_or(-1), text)
}

#[test]
fn undo_while_another_session_runs_exits_3() {
    let root = tempfile::tempdir().unwrap();
    let (state, target) = with_one_change(root.path());
    let held = Lock::acquire(&state).unwrap();
    let (code, text) = undo(&state, "en", None);
    assert_eq!(code, 3, "{text}");
    assert!(text.contains("Another session"), "{text}");
    assert_eq!(std::fs::read(&target).unwrap(), b"services: {}\n");
    drop(held);
}

#[test]
fn undo_at_the_end_of_input_or_on_no_does_nothing_and_exits_2() {
    let root = tempfile::tempdir().unwrap();
    let (state, target) = with_one_change(root.path());
    let (code, text) = undo(&state, "en", None);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("Cancelled. Nothing was undone."), "{text}");
    assert_eq!(std::fs::read(&target).unwrap(), b"services: {}\n");

    let (code, text) = undo(&state, "de", Some(b"nein\n"));
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("Abgebrochen. Es wurde nichts zurückgenommen."),
        "{text}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"services: {}\n");

    // A yes still undoes, and ends in 0.
    let (code, text) = undo(&state, "en", Some(b"yes\n"));
    assert_eq!(code, 0, "{text}");
    assert!(!target.exists());
}
