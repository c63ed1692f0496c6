//! The state directory nobody else controls, on the real binary run as
//! root: links planted by the user `nobody` (setpriv) are never followed,
//! a linked, foreign or group/world-writable state directory (or parent)
//! is refused with the reason and the place, folders are 0700 even under
//! umask 000, and a private folder below the sticky /tmp is accepted.

#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/skip.rs"]
mod skip;

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const NOBODY: [&str; 4] = [
    "setpriv",
    "--reuid=nobody",
    "--regid=nogroup",
    "--clear-groups",
];
const VICTIM: &[u8] = b"root's own file, must stay as it is\n";

fn root() -> bool {
    let ok = nix::unistd::geteuid().is_root();
    if !ok {
        skip::skipped("needs root to act as nobody and to own files");
    }
    ok
}

fn chmod(p: &Path, m: u32) {
    fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).unwrap().mode() & 0o7777
}

fn to_nobody(p: &Path) {
    std::os::unix::fs::chown(p, Some(65534), Some(65534)).unwrap();
}

/// A base folder ordinary users may enter but not write to.
fn base() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    chmod(t.path(), 0o755);
    t
}

/// Runs `ln -s` as nobody: the plant is nobody's, as an attacker's would be.
fn plant_as_nobody(target: &Path, link: &Path) {
    let ok = Command::new(NOBODY[0])
        .args(&NOBODY[1..])
        .arg("ln")
        .arg("-s")
        .arg(target)
        .arg(link)
        .status()
        .unwrap()
        .success();
    assert!(ok, "nobody could not plant {}", link.display());
    assert_eq!(fs::symlink_metadata(link).unwrap().uid(), 65534);
}

fn binary(state: &Path, lang: &str, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--state-dir")
        .arg(state)
        .args(["--lang", lang])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null());
    c
}

fn run(mut c: Command) -> (i32, String) {
    let o: Output = c.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("exit {:?}\n{text}", o.status.code());
    (o.status.code().unwrap_or(-1), text)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn links_planted_by_nobody_are_never_followed() {
    if !root() {
        return;
    }
    let b = base();
    let state = b.path().join("state");
    fs::create_dir(&state).unwrap();
    to_nobody(&state);
    chmod(&state, 0o755);
    let victims: Vec<PathBuf> = ["lock-victim", "log-victim", "journal-victim"]
        .iter()
        .map(|n| b.path().join(n))
        .collect();
    for v in &victims {
        fs::write(v, VICTIM).unwrap();
        chmod(v, 0o644);
    }
    plant_as_nobody(&victims[0], &state.join("session.lock"));
    plant_as_nobody(&victims[1], &state.join("praxis-tls.log"));
    plant_as_nobody(&victims[2], &state.join("journal.json"));

    let (code, text) = run(binary(&state, "en", &["undo"]));
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains(&format!(
            "The folder {} is not used: {} belongs to the user nobody.",
            state.display(),
            state.display()
        )),
        "{text}"
    );
    for v in &victims {
        assert_eq!(fs::read(v).unwrap(), VICTIM, "{} was changed", v.display());
        assert_eq!(mode(v), 0o644);
    }
    assert_eq!(mode(&state), 0o755, "the foreign folder was not touched");
    // Through a parent as well: the folder is root's, its parent nobody's.
    let parent = b.path().join("nobodys");
    fs::create_dir(&parent).unwrap();
    to_nobody(&parent);
    let inner = parent.join("state");
    fs::create_dir(&inner).unwrap();
    chmod(&inner, 0o700);
    let (code, text) = run(binary(&inner, "de", &["undo"]));
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains(&format!(
            "Der Ordner {} wird nicht verwendet: {} gehört dem Benutzer nobody.",
            inner.display(),
            parent.display()
        )),
        "{text}"
    );
    assert!(names(&inner).is_empty());
}

#[test]
fn a_linked_state_dir_is_refused() {
    if !root() {
        return;
    }
    let b = base();
    // Like /tmp: anyone may create names there.
    let shared = b.path().join("shared");
    fs::create_dir(&shared).unwrap();
    chmod(&shared, 0o1777);
    let target = b.path().join("roots-folder");
    fs::create_dir(&target).unwrap();
    chmod(&target, 0o755);
    fs::write(target.join("keep"), b"k").unwrap();
    let link = shared.join("praxis");
    plant_as_nobody(&target, &link);

    let (code, text) = run(binary(&link, "en", &["undo"]));
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains(&format!(
            "The folder {} is not used: {} is only a link to another folder.",
            link.display(),
            link.display()
        )),
        "{text}"
    );
    assert_eq!(mode(&target), 0o755, "the link's target was chmod'ed");
    assert_eq!(names(&target), vec!["keep".to_string()]);
}

#[test]
fn a_folder_others_may_write_to_is_refused() {
    if !root() {
        return;
    }
    let b = base();
    for m in [0o770, 0o707, 0o777, 0o1777] {
        let state = b.path().join(format!("state-{m:o}"));
        fs::create_dir(&state).unwrap();
        chmod(&state, m);
        let (code, text) = run(binary(&state, "en", &["undo"]));
        assert_eq!(code, 2, "{m:o}: {text}");
        assert!(
            text.contains(&format!(
                "other users may create files in {}.",
                state.display()
            )),
            "{m:o}: {text}"
        );
        assert!(names(&state).is_empty(), "{m:o}: files were created");
        assert_eq!(mode(&state), m, "{m:o}: the folder was changed");
    }
    // A parent open to all without the sticky bit: refused, and named.
    let open = b.path().join("open");
    fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    let state = open.join("state");
    let (code, text) = run(binary(&state, "de", &["undo"]));
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains(&format!(
            "In {} dürfen auch andere Benutzer Dateien anlegen.",
            open.display()
        )),
        "{text}"
    );
    // Refused before anything is made: not even the folder.
    assert!(!state.exists());
}

#[test]
fn a_private_folder_below_tmp_is_accepted() {
    if !root() {
        return;
    }
    // /tmp is world-writable with the sticky bit: a 0700 folder of one's
    // own below it is safe, for root and for an ordinary user alike.
    let mine = tempfile::Builder::new()
        .prefix("praxis-tls-x")
        .tempdir_in("/tmp")
        .unwrap();
    chmod(mine.path(), 0o700);
    let (code, text) = run(binary(mine.path(), "en", &["undo"]));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("There is nothing to undo."), "{text}");
    assert!(mine.path().join("session.lock").exists());

    let theirs = tempfile::Builder::new()
        .prefix("praxis-tls-nobody")
        .tempdir_in("/tmp")
        .unwrap();
    to_nobody(theirs.path());
    chmod(theirs.path(), 0o700);
    let mut c = Command::new(NOBODY[0]);
    c.args(&NOBODY[1..])
        .arg(BIN)
        .arg("--state-dir")
        .arg(theirs.path())
        .args(["--lang", "en", "undo"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null());
    let (code, text) = run(c);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        fs::metadata(theirs.path().join("session.lock"))
            .unwrap()
            .uid(),
        65534
    );
}

/// Under umask 000 every folder the program makes is 0700 all the same:
/// missing parents of the state directory, `acme/`, and a `--cert-dir`
/// with its `staging/` (a real issuance against Pebble).
#[test]
fn folders_are_private_under_umask_000() {
    if !root() {
        return;
    }
    let b = base();
    let state = b.path().join("a/b/state");
    let cert_dir = b.path().join("c/d/certs");
    let port = pebble::free_port();
    let p = pebble::Pebble::start(port, None, 0);
    let mut c = Command::new("sh");
    c.args(["-c", r#"umask 000 && exec "$0" "$@""#, BIN])
        .arg("--state-dir")
        .arg(&state)
        .args(["--lang", "en"])
        .arg("--acme-directory")
        .arg(&p.directory_url)
        .arg("--acme-root")
        .arg(&p.listener_ca)
        .args(["--responder-port", &port.to_string()])
        .args([
            "certificate",
            "--domain",
            "termine.praxis-muster.ch",
            "--email",
            "praxis@praxis-muster.ch",
            "--accept-terms",
            "--no-firewall",
            "--cert-dir",
        ])
        .arg(&cert_dir)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null());
    let (code, text) = run(c);
    assert_eq!(code, 0, "{text}\n{}", p.log());
    for d in [
        b.path().join("a"),
        b.path().join("a/b"),
        state.clone(),
        state.join("acme"),
        b.path().join("c"),
        b.path().join("c/d"),
        cert_dir.clone(),
        cert_dir.join("staging"),
    ] {
        assert_eq!(mode(&d), 0o700, "{}", d.display());
    }
    let keys: Vec<PathBuf> = fs::read_dir(&cert_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "key"))
        .collect();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(mode(&keys[0]), 0o600);
}
