//! Faults that need a process of their own: another PATH (stand-ins for
//! docker), another user, a private mount namespace. The test binary runs
//! itself again with only the crate's `child` test and a role; the role
//! asserts like any test, and the parent checks that it got through.

use std::ffi::OsString;
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

pub const ROLE: &str = "PRAXIS_TLS_FAULTS_CHILD";
const DONE: &str = "FAULTS-CHILD-DONE";

/// Namespaces and other users one at a time, as `tests/lab_nat.rs` does.
static SERIAL: Mutex<()> = Mutex::new(());

pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `role` through `wrap` (e.g. `unshare`, `setpriv`; may be empty)
/// with these extra environment variables, and fails the calling test with
/// the child's output if the role failed.
pub fn run(role: &str, wrap: &[&str], env: &[(&str, OsString)]) {
    let exe = std::env::current_exe().unwrap();
    let mut argv: Vec<OsString> = wrap.iter().map(OsString::from).collect();
    argv.push(exe.into_os_string());
    for a in ["--exact", "child", "--nocapture", "--test-threads=1"] {
        argv.push(a.into());
    }
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]).env(ROLE, role);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if std::env::var_os("FAULTS_SHOW").is_some() {
        eprintln!("{stderr}");
    }
    assert!(
        out.status.success() && stdout.contains(DONE),
        "child {role} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
}

/// The child's last word: it got through without a panic.
pub fn done() {
    println!("{DONE}");
}

/// A runtime for a role: the child runs outside `#[tokio::test]`.
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}
