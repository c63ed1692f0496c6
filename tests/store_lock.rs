//! The resume file and the session lock, including the failures a practice
//! server really has: no rights, a read-only mount, a full disk, a session
//! killed with SIGKILL. Those run in child processes (re-executions of this
//! test binary, see `child_helper`), as another user or in their own mount
//! namespace, so the machine running the tests is never affected.

#[path = "support/skip.rs"]
mod skip;

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use praxis_tls::core::{Arg, CheckId, CheckState, Lang, Step, Wizard};
use praxis_tls::io::lock::{Lock, LockError};
use praxis_tls::io::store::{Store, StoreError};
use time::macros::datetime;

const ROLE: &str = "PRAXIS_TLS_TEST_CHILD";
const DIR: &str = "PRAXIS_TLS_TEST_DIR";

fn mode_of(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn sample(step: Step) -> Wizard {
    let mut w = Wizard::new(Lang::De, datetime!(2025-05-01 08:00 UTC));
    w.step = step;
    w.lang = Lang::DeCh;
    w.domain.input.set("termine.praxis-muster.ch");
    w.start.input.set("/opt/elexis-oob");
    w.confirmed = BTreeSet::from([Step::PortForwarding]);
    w.checks
        .insert(CheckId::DnsA, CheckState::Running { generation: 7 });
    w.updated_at = datetime!(2025-05-01 08:05 UTC);
    w
}

#[test]
fn round_trip_with_private_modes() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("praxis-tls");
    let store = Store::open(&dir).unwrap();
    assert_eq!(mode_of(&dir), 0o700);
    let w = sample(Step::Dns);
    store.save(&w).unwrap();
    assert_eq!(mode_of(&store.path()), 0o600);

    let back = Store::open(&dir).unwrap().load().unwrap().unwrap();
    assert_eq!(back.step, Step::Dns);
    assert_eq!(back.lang, Lang::DeCh);
    assert_eq!(back.domain.input.value, "termine.praxis-muster.ch");
    assert_eq!(back.confirmed, w.confirmed);
    // Resumed: a check that was running when the program stopped is idle.
    assert_eq!(back.check(CheckId::DnsA), &CheckState::Idle);
    assert_eq!(back, praxis_tls::core::resumed(w));

    let raw: serde_json::Value = serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap();
    assert_eq!(raw["schema"], praxis_tls::core::SCHEMA_VERSION);
    assert!(raw["saved_at"].as_str().unwrap().contains('T'));
}

#[test]
fn corrupt_file_is_moved_aside_not_lost() {
    let root = tempfile::tempdir().unwrap();
    let store = Store::open(root.path()).unwrap();
    fs::write(store.path(), b"{\"schema\": 1, \"wizard\": {\"lang\": ").unwrap();
    let Err(StoreError::Broken { moved_to, .. }) = store.load() else {
        panic!("expected Broken");
    };
    assert_eq!(
        fs::read(&moved_to).unwrap(),
        b"{\"schema\": 1, \"wizard\": {\"lang\": "
    );
    let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("state.json.broken-"), "{name}");
    assert!(store.load().unwrap().is_none());
    store.save(&sample(Step::Start)).unwrap();
    assert!(store.load().unwrap().is_some());
}

#[test]
fn newer_schema_is_refused_and_left_intact() {
    let root = tempfile::tempdir().unwrap();
    let store = Store::open(root.path()).unwrap();
    let newer = br#"{"schema": 999, "saved_at": "2030-01-01T00:00:00Z", "wizard": {"x": 1}}"#;
    fs::write(store.path(), newer).unwrap();
    let e = store.load().unwrap_err();
    assert!(matches!(e, StoreError::NewerSchema { found: 999, .. }));
    assert_eq!(e.text().id, "store-newer-schema");
    assert_eq!(fs::read(store.path()).unwrap(), newer);
}

#[test]
fn second_lock_fails_with_holder_then_succeeds_after_drop() {
    let root = tempfile::tempdir().unwrap();
    let first = Lock::acquire(root.path()).unwrap();
    assert_eq!(mode_of(first.path()), 0o600);
    match Lock::acquire(root.path()) {
        Err(LockError::Held(Some(h))) => {
            assert_eq!(h.pid, std::process::id());
            assert!(!h.user.is_empty());
        }
        other => panic!("expected Held, got {other:?}"),
    }
    drop(first);
    let again = Lock::acquire(root.path()).unwrap();
    drop(again);
}

/// Runs this test binary's `child_helper` as `role` on `dir`, through
/// `wrap` (e.g. `unshare`), and returns its RESULT line.
fn child(role: &str, dir: &Path, wrap: &[&str]) -> Option<String> {
    let exe = std::env::current_exe().unwrap();
    let mut argv: Vec<String> = wrap.iter().map(|s| s.to_string()).collect();
    argv.push(exe.display().to_string());
    for a in ["--exact", "child_helper", "--nocapture", "--test-threads=1"] {
        argv.push(a.to_string());
    }
    let out = Command::new(&argv[0])
        .args(&argv[1..])
        .env(ROLE, role)
        .env(DIR, dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let found = stdout
        .lines()
        .find_map(|l| result_of(l).map(str::to_string));
    if found.is_none() {
        eprintln!(
            "child {role} gave no result: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    found
}

/// libtest may print "test child_helper ... " on the same line first.
fn result_of(line: &str) -> Option<&str> {
    line.split_once("RESULT:").map(|(_, r)| r.trim_end())
}

/// A mount namespace with `setup` run inside before the child starts, or
/// `None` where namespaces are not allowed (then the test says so and is
/// skipped, or fails under CI).
fn in_namespace(role: &str, dir: &Path, setup: &str) -> Option<String> {
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("needs root for a private mount namespace");
        return None;
    }
    let script = format!("{setup} || {{ echo RESULT:setup-failed; exit 0; }}; exec \"$@\"");
    let result = child(role, dir, &["unshare", "-m", "sh", "-c", &script, "sh"]);
    if result.as_deref() == Some("setup-failed") {
        skip::skipped("mount namespace setup failed here");
        return None;
    }
    Some(result.unwrap_or_default())
}

#[test]
fn read_only_file_system_is_reported() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("state");
    let store = Store::open(&dir).unwrap();
    store.save(&sample(Step::Domain)).unwrap();
    let setup = r#"mount --bind "$PRAXIS_TLS_TEST_DIR" "$PRAXIS_TLS_TEST_DIR" && mount -o remount,bind,ro "$PRAXIS_TLS_TEST_DIR""#;
    let Some(result) = in_namespace("open-and-load", &dir, setup) else {
        return;
    };
    assert_eq!(
        result,
        format!("open=store-read-only path={}", dir.display())
    );
    // The namespace is gone: the real directory is untouched and writable.
    assert!(Store::open(&dir).unwrap().load().unwrap().is_some());
}

#[test]
fn full_disk_is_reported_and_the_old_state_survives() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("state");
    fs::create_dir(&dir).unwrap();
    let setup = r#"mount -t tmpfs -o size=256k,mode=0700 tmpfs "$PRAXIS_TLS_TEST_DIR""#;
    let Some(result) = in_namespace("fill-then-save", &dir, setup) else {
        return;
    };
    assert_eq!(
        result,
        "save=store-disk-full load=old open=store-disk-full stray=0"
    );
}

#[test]
fn missing_rights_are_reported_with_the_path() {
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("needs root to switch to an ordinary user");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("state");
    Store::open(&dir).unwrap();
    let wrap = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ];
    // The test binary must be reachable for nobody; the state dir is not.
    let result = child("open-and-load", &dir, &wrap).unwrap_or_default();
    assert!(
        result.starts_with("open=store-permission-denied path="),
        "{result}"
    );
    assert!(result.contains(&*root.path().to_string_lossy()), "{result}");
}

#[test]
fn lock_of_a_killed_session_is_free_again() {
    let root = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut holder = Command::new(exe)
        .args(["--exact", "child_helper", "--nocapture", "--test-threads=1"])
        .env(ROLE, "hold-lock")
        .env(DIR, root.path())
        .env("SSH_CONNECTION", "192.0.2.7 51234 198.51.100.1 22")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = holder.stdout.take().unwrap();
    // Killed however this test ends, so no child outlives it.
    let mut holder = KillOnDrop(holder);
    let mut lines = BufReader::new(stdout).lines();
    let locked = lines.any(|l| l.is_ok_and(|l| result_of(&l) == Some("locked")));
    assert!(locked, "the child did not take the lock");

    match Lock::acquire(root.path()) {
        Err(e @ LockError::Held(Some(_))) => {
            let LockError::Held(Some(h)) = &e else {
                unreachable!()
            };
            assert_eq!(h.pid, holder.0.id());
            assert_eq!(h.from.as_deref(), Some("192.0.2.7"));
            let t = e.text();
            assert_eq!(t.id, "lock-held-remote");
            assert_eq!(t.get("pid"), Some(&Arg::Num(holder.0.id().into())));
        }
        other => panic!("expected Held, got {other:?}"),
    }
    holder.0.kill().unwrap(); // SIGKILL: no destructor runs
    holder.0.wait().unwrap();
    Lock::acquire(root.path()).unwrap();
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Not a test of its own: the body of the child processes above. Without
/// the environment variable it returns at once.
#[test]
fn child_helper() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let dir = PathBuf::from(std::env::var(DIR).unwrap());
    let id = |r: Result<(), StoreError>| match r {
        Ok(()) => "ok".to_string(),
        Err(e) => e.text().id,
    };
    let result = match role.as_str() {
        "hold-lock" => {
            let _lock = Lock::acquire(&dir).unwrap();
            println!("RESULT:locked");
            std::io::stdout().flush().unwrap();
            // Bounded, in case the parent dies before killing it.
            std::thread::sleep(std::time::Duration::from_secs(120));
            "timeout".to_string()
        }
        "open-and-load" => match Store::open(&dir) {
            Err(e) => {
                let path = e
                    .text()
                    .args
                    .first()
                    .map(|a| a.1.to_string())
                    .unwrap_or_default();
                format!("open={} path={path}", e.text().id)
            }
            Ok(s) => format!("open=ok load={}", id(s.load().map(|_| ()))),
        },
        "fill-then-save" => {
            let store = Store::open(&dir).unwrap();
            store.save(&sample(Step::Start)).unwrap();
            let mut filler = fs::File::create(dir.join("filler")).unwrap();
            while filler.write_all(&[0u8; 4096]).is_ok() {}
            let mut bigger = sample(Step::Certificate);
            bigger.start.input.set("x".repeat(64 * 1024));
            let save = id(store.save(&bigger));
            let load = match store.load() {
                Ok(Some(w)) if w.step == Step::Start => "old",
                Ok(_) => "wrong",
                Err(_) => "error",
            };
            let open = id(Store::open(&dir).map(|_| ()));
            let stray = fs::read_dir(&dir)
                .unwrap()
                .filter(|e| {
                    let n = e.as_ref().unwrap().file_name();
                    n != "state.json" && n != "filler"
                })
                .count();
            format!("save={save} load={load} open={open} stray={stray}")
        }
        other => format!("unknown role {other}"),
    };
    println!("RESULT:{result}");
}
