//! What a killed run or a full disk leaves behind, on the real binary:
//! temp files of a run killed with SIGKILL are removed at the next start
//! (only names of the program's own pattern, only of a dead process); a
//! full disk during issuance leaves no short key and says so in plain
//! words (a small tmpfs in a private mount namespace, `unshare -m`); a
//! full undo removes the staged copies, keys among them.

#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/skip.rs"]
mod skip;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

fn run(mut c: Command) -> (i32, String) {
    let o = c.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("exit {:?}\n{text}", o.status.code());
    (o.status.code().unwrap_or(-1), text)
}

fn binary(state: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--state-dir")
        .arg(state)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null());
    c
}

/// The pid of a process that really died by SIGKILL.
fn killed_pid() -> u32 {
    let mut child = Command::new("sleep").arg("600").spawn().unwrap();
    let pid = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    pid
}

#[test]
fn temp_files_of_a_killed_run_are_removed_at_the_next_start() {
    let root = tempfile::tempdir().unwrap();
    let state = root.path().join("state");
    let elexis = root.path().join("elexis-oob");
    fs::create_dir(&elexis).unwrap();
    Store::open(&state).unwrap();
    let certs = state.join("proxy-certs");
    fs::create_dir(&certs).unwrap();
    let mut journal = Journal::open(&state).unwrap();
    let override_file = elexis.join("docker-compose.override.yml");
    journal
        .write_file(&override_file, b"services: {}\n", 0o644, "override".into())
        .unwrap();
    let key = certs.join("termine.praxis-muster.ch.2026-11-24.key");
    journal
        .write_file(&key, b"KEY\n", 0o600, "key".into())
        .unwrap();

    let dead = killed_pid();
    let ours = |dir: &Path, name: &str| -> PathBuf {
        let p = dir.join(format!(".{name}.tmp-{dead}-0"));
        fs::write(&p, b"half").unwrap();
        p
    };
    let gone = [
        ours(&elexis, "docker-compose.override.yml"),
        ours(&certs, "termine.praxis-muster.ch.2026-11-24.key"),
        ours(&state, "state.json"),
    ];
    // Not ours, or not dead: every one of these stays.
    let alive = std::process::id();
    let keep_names = [
        format!(".docker-compose.yml.tmp-{alive}-0"),
        format!("docker-compose.yml.tmp-{dead}-0"),
        format!(".docker-compose.yml.tmp-{dead}-0.bak"),
        format!(".docker-compose.yml.tmp-{dead}"),
        ".docker-compose.yml.swp".to_string(),
    ];
    let kept: Vec<PathBuf> = keep_names
        .iter()
        .map(|n| {
            let p = elexis.join(n);
            fs::write(&p, b"someone's").unwrap();
            p
        })
        .collect();
    let dir_like = elexis.join(format!(".cache.tmp-{dead}-0"));
    fs::create_dir(&dir_like).unwrap();

    let (code, text) = run(binary(&state, &["undo"]));
    assert_eq!(code, 2, "{text}");
    for p in &gone {
        assert!(!p.exists(), "left behind: {}", p.display());
    }
    for p in &kept {
        assert_eq!(fs::read(p).unwrap(), b"someone's", "{}", p.display());
    }
    assert!(dir_like.is_dir());
    // The real files are untouched.
    assert_eq!(fs::read(&override_file).unwrap(), b"services: {}\n");
    assert_eq!(fs::read(&key).unwrap(), b"KEY\n");
}

#[test]
fn a_full_undo_removes_the_staged_keys() {
    let root = tempfile::tempdir().unwrap();
    let state = root.path().join("state");
    Store::open(&state).unwrap();
    let key = root.path().join("termine.key");
    Journal::open(&state)
        .unwrap()
        .write_file(&key, b"PRIVATE KEY\n", 0o600, "key".into())
        .unwrap();
    assert!(state.join("staged").read_dir().unwrap().next().is_some());
    let (code, text) = run(binary(&state, &["undo", "--yes"]));
    assert_eq!(code, 0, "{text}");
    assert!(!key.exists());
    assert!(!state.join("staged").exists(), "staged copies are left");
}

fn namespaces() -> bool {
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("needs root for a private mount namespace");
        return false;
    }
    let ok = Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip::skipped("no private mount namespace here");
    }
    ok
}

/// The certificate folder on a full 64 KiB tmpfs: issuance fails at the
/// key, and what is left on that disk is only the filler.
#[test]
fn a_full_disk_leaves_no_short_key_and_says_so() {
    if !namespaces() {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let state = root.path().join("state");
    let disk = root.path().join("disk");
    fs::create_dir(&disk).unwrap();
    let port = pebble::free_port();
    let p = pebble::Pebble::start(port, None, 0);
    // Inside the namespace: mount, fill, run, then list what is left
    // (the tmpfs goes with the namespace).
    let script = r#"
        mount -t tmpfs -o size=64k,mode=0700 tmpfs "$D" || exit 90
        dd if=/dev/zero of="$D/filler" bs=4k 2>/dev/null
        "$@"
        echo "exit=$?"
        echo "--- left"
        find "$D" -mindepth 1 ! -name filler -printf '%y %s %p\n'
    "#;
    let mut c = Command::new("unshare");
    c.args(["-m", "sh", "-c", script, "sh", BIN])
        .env("D", &disk)
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
        .arg(disk.join("certs"))
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null());
    let o = c.output().unwrap();
    let listing = String::from_utf8_lossy(&o.stdout).into_owned();
    let text = format!("{listing}{}", String::from_utf8_lossy(&o.stderr));
    eprintln!("{text}");
    assert!(listing.contains("exit=1"), "{text}\n{}", p.log());
    let staging = disk.join("certs/staging");
    assert!(
        text.contains(&format!(
            "The disk is full: there is no space left in {}.",
            staging.display()
        )),
        "{text}"
    );
    assert!(!text.contains("os error"), "{text}");
    let left = listing.split("--- left\n").nth(1).unwrap_or_default();
    let files: Vec<&str> = left.lines().filter(|l| !l.starts_with("d ")).collect();
    assert!(files.is_empty(), "files left on the full disk: {files:?}");
}
