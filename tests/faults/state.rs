//! The state directory fails under the running wizard: it turns read-only,
//! the disk fills up, the rights are taken away. Each in a child process:
//! in a private mount namespace, or as the user nobody, so the machine
//! running the tests is never affected (root needed, as in CI).

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use praxis_tls::core::{Action, Effect, Msg, Step, Wizard, update};
use praxis_tls::io::store::Store;

use super::child;
use super::rig::{ctx, now, practice, reads_with, says};

const DIR: &str = "PRAXIS_TLS_FAULTS_DIR";

fn sh(script: &str, dir: &Path) {
    let ok = Command::new("sh")
        .args(["-c", script])
        .env("D", dir)
        .status()
        .unwrap()
        .success();
    assert!(ok, "{script}");
}

/// The person on the domain step with the name typed, saved; then `fault`
/// strikes and they type one more letter. What the screen says is the
/// wizard's own words for the store's error, where the event loop puts them.
fn type_after(dir: &Path, fault: impl FnOnce(), heal: impl FnOnce(), says_what: &[&str]) {
    let store = Store::open(dir).unwrap();
    let mut w = practice(Step::Domain, "termine.praxis-muster.c", None);
    store.save(&w).unwrap();
    let saved = std::fs::read(store.path()).unwrap();
    fault();
    let mut ctx = ctx();
    for e in update(&mut w, Msg::Key(Action::Char('h')), now()) {
        if e == Effect::Persist
            && let Err(e) = store.save(&w)
        {
            ctx.error = Some(praxis_tls::i18n::text(w.lang, &e.text_while_running()));
        }
    }
    assert!(ctx.error.is_some(), "the save must fail");
    let read = reads_with(&w, &ctx);
    says(
        &read,
        &["Der Zwischenstand konnte nicht gespeichert werden:"],
    );
    says(&read, says_what);
    // Nothing lost: the last save is intact, the new letter is in the
    // wizard, and it is saved as soon as the directory works again.
    assert_eq!(std::fs::read(store.path()).unwrap(), saved);
    assert_eq!(w.domain.input.value, "termine.praxis-muster.ch");
    heal();
    store.save(&w).unwrap();
    let back: Wizard = store.load().unwrap().unwrap();
    assert_eq!(back, praxis_tls::core::resumed(w.clone()));
}

fn dir() -> PathBuf {
    PathBuf::from(std::env::var_os(DIR).unwrap())
}

/// Child role, inside `unshare -m`: the directory is bound onto itself and
/// remounted read-only while the wizard runs.
pub fn read_only_child() {
    let d = dir();
    type_after(
        &d,
        || {
            sh(
                r#"mount --bind "$D" "$D" && mount -o remount,bind,ro "$D""#,
                &d,
            )
        },
        || sh(r#"umount "$D""#, &d),
        &[
            "liegt auf einem schreibgeschützten Laufwerk.",
            "Bitten Sie Ihre IT-Betreuung, das Laufwerk wieder beschreibbar zu machen.",
        ],
    );
}

/// Child role, inside `unshare -m`: a small tmpfs, filled to the last byte.
pub fn full_child() {
    let d = dir();
    sh(r#"mount -t tmpfs -o size=256k,mode=0700 tmpfs "$D""#, &d);
    let filler = d.join("filler");
    type_after(
        &d,
        || {
            use std::io::Write as _;
            let mut f = std::fs::File::create(&filler).unwrap();
            while f.write_all(&[0u8; 4096]).is_ok() {}
        },
        || std::fs::remove_file(&filler).unwrap(),
        &[
            "Die Festplatte ist voll:",
            "Löschen Sie nicht mehr benötigte Dateien",
            "speichert bei der nächsten Eingabe von selbst wieder",
        ],
    );
}

/// Child role, as nobody: the directory loses its write right.
pub fn denied_child() {
    let d = dir();
    let mode = |m| std::fs::set_permissions(&d, std::fs::Permissions::from_mode(m)).unwrap();
    type_after(
        &d,
        || mode(0o500),
        || mode(0o700),
        &[
            "Das Programm darf nicht in",
            "Starten Sie es mit Administratorrechten",
        ],
    );
}

fn as_root() -> bool {
    let root = nix::unistd::geteuid().is_root();
    if !root {
        crate::support::skip::skipped("needs root for a mount namespace or another user");
    }
    root
}

/// Where a container forbids mount namespaces, the machine is at fault,
/// not the code: said and skipped, as `tests/store_lock.rs` does.
fn namespaces() -> bool {
    if !as_root() {
        return false;
    }
    let ok = Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        crate::support::skip::skipped("no private mount namespace here");
    }
    ok
}

/// A state directory the child can reach (a temp dir is 0700 for root).
fn state_dir(root: &tempfile::TempDir) -> PathBuf {
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let d = root.path().join("state");
    std::fs::create_dir(&d).unwrap();
    d
}

#[test]
fn state_directory_turns_read_only() {
    if !namespaces() {
        return;
    }
    let _serial = child::serial();
    let root = tempfile::tempdir().unwrap();
    let d = state_dir(&root);
    child::run("state-read-only", &["unshare", "-m"], &[(DIR, d.into())]);
}

#[test]
fn state_directory_is_full() {
    if !namespaces() {
        return;
    }
    let _serial = child::serial();
    let root = tempfile::tempdir().unwrap();
    let d = state_dir(&root);
    child::run("state-full", &["unshare", "-m"], &[(DIR, d.clone().into())]);
    // The tmpfs lived in the child's namespace only.
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 0);
}

#[test]
fn state_directory_permission_denied() {
    if !as_root() {
        return;
    }
    let _serial = child::serial();
    let root = tempfile::tempdir().unwrap();
    let d = state_dir(&root);
    std::os::unix::fs::chown(&d, Some(65534), Some(65534)).unwrap();
    let nobody = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ];
    child::run("state-denied", &nobody, &[(DIR, d.into())]);
}
