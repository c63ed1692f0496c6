//! The Debian package installed on this machine for one test, and purged
//! again when the test ends, also when it panics: no /usr/bin/praxis-tls,
//! unit, enable link or cron entry stays behind, and /var/lib/praxis-tls
//! only if it was there before. Included by `#[path]` from `tests/package.rs`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BINARY: &str = "/usr/bin/praxis-tls";
pub const STATE_DIR: &str = "/var/lib/praxis-tls";
pub const CRON_FILE: &str = "/etc/cron.d/praxis-tls-renew";
pub const UNIT_DIR: &str = "/usr/lib/systemd/system";
pub const ETC_UNITS: &str = "/etc/systemd/system";
pub const UNITS: [&str; 3] = [
    "praxis-tls-renew.service",
    "praxis-tls-renew.timer",
    "praxis-tls-renew-failed.service",
];
pub const TIMER_LINK: &str = "/etc/systemd/system/timers.target.wants/praxis-tls-renew.timer";

fn ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// What a test needs and cannot find: under CI a failure, elsewhere a
/// skip that says so.
pub fn missing<T>(what: &str) -> Option<T> {
    assert!(!ci(), "CI=true and {what}");
    eprintln!("skipped: {what}");
    None
}

/// The .deb `scripts/package` built (`./scripts/test` exports its path).
pub fn deb() -> Option<PathBuf> {
    if !nix::unistd::geteuid().is_root() {
        return missing("installing a package needs root");
    }
    match std::env::var_os("PRAXIS_TLS_DEB") {
        Some(p) if Path::new(&p).is_file() => Some(PathBuf::from(p)),
        Some(p) => missing(&format!("PRAXIS_TLS_DEB={p:?} is not a file")),
        None => missing("PRAXIS_TLS_DEB is not set (./scripts/test builds the .deb)"),
    }
}

pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    eprintln!(
        "$ {cmd:?}\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs and asserts success; stdout and stderr together.
pub fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    text
}

pub fn package_installed() -> bool {
    let out = Command::new("dpkg-query")
        .args(["-W", "-f", "${Status}", "praxis-tls"])
        .output()
        .expect("dpkg-query");
    String::from_utf8_lossy(&out.stdout).contains("ok installed")
}

/// Every file the package or its scripts may leave outside the state
/// directory.
pub fn leftovers() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = vec![BINARY.into(), CRON_FILE.into(), TIMER_LINK.into()];
    for unit in UNITS {
        paths.push(Path::new(UNIT_DIR).join(unit));
        paths.push(Path::new(ETC_UNITS).join(unit));
    }
    paths
        .into_iter()
        .filter(|p| p.symlink_metadata().is_ok())
        .collect()
}

pub struct Installed {
    had_state_dir: bool,
}

impl Installed {
    pub fn install(deb: &Path) -> Installed {
        let guard = Installed::adopt();
        ok(Command::new("dpkg").arg("-i").arg(deb));
        guard
    }

    /// For a test that installs the package some other way (Ansible).
    /// Refuses to run over a real installation: the test would purge it.
    pub fn adopt() -> Installed {
        assert!(
            !package_installed() && leftovers().is_empty(),
            "praxis-tls is set up on this machine ({:?}); the test would remove it",
            leftovers()
        );
        Installed {
            had_state_dir: Path::new(STATE_DIR).exists(),
        }
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = Command::new("dpkg")
            .args(["--purge", "praxis-tls"])
            .output();
        // What a failed test may have planted for an install elsewhere.
        for path in leftovers() {
            let _ = std::fs::remove_file(path);
        }
        if !self.had_state_dir {
            let _ = std::fs::remove_dir_all(STATE_DIR);
        }
    }
}

/// The highest `GLIBC_x.y` version the binary's dynamic symbols need.
pub fn glibc_floor(binary: &str) -> (u32, u32) {
    let dump = ok(Command::new("objdump").args(["-T", binary]));
    dump.split("GLIBC_")
        .skip(1)
        .filter_map(|rest| {
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next().flatten().unwrap_or(0)))
        })
        .max()
        .expect("no GLIBC symbol versions in objdump -T")
}
