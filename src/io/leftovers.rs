//! What a killed run leaves behind. [`atomic::write_atomic`] writes
//! `.<name>.tmp-<pid>-<n>` beside its target and renames it; a SIGKILL or a
//! power cut between the two leaves the temp file, which may hold a key.
//! The next start removes such files where this program writes: the state
//! directory and its folders, and every folder of a file in the journal
//! (the Elexis directory among them). Only names of exactly that pattern,
//! whose process is gone, are touched.
//!
//! [`atomic::write_atomic`]: super::atomic::write_atomic

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::journal::{Change, Journal};

/// Removes the leftovers; returns what was removed (for the log).
pub fn sweep(state_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = BTreeSet::new();
    dirs.insert(state_dir.to_path_buf());
    // Two levels cover certs/staging and certs/self-signed.
    for sub in subdirs(state_dir) {
        dirs.extend(subdirs(&sub));
        dirs.insert(sub);
    }
    if let Ok(journal) = Journal::open(state_dir) {
        for e in journal.entries() {
            if let Change::WriteFile(fw) = &e.change
                && let Some(parent) = fw.path.parent()
            {
                dirs.insert(parent.to_path_buf());
            }
        }
    }
    let mut removed = Vec::new();
    for dir in dirs {
        let Ok(list) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in list.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temp_pid) else {
                continue;
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir || alive(pid) {
                continue;
            }
            let path = entry.path();
            match fs::remove_file(&path) {
                Ok(()) => {
                    tracing::info!(path = %path.display(), "removed a temp file a stopped run left");
                    removed.push(path);
                }
                Err(e) => {
                    tracing::warn!(path = %path.display(), "temp file left by a stopped run: {e}")
                }
            }
        }
    }
    removed
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|l| {
            l.flatten()
                // file_type does not follow links: a linked folder is not ours.
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// The writer's pid when `name` is `.<name>.tmp-<pid>-<n>`.
fn temp_pid(name: &str) -> Option<i32> {
    let rest = name.strip_prefix('.')?;
    let (base, tail) = rest.rsplit_once(".tmp-")?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if base.is_empty() || !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// A writer still running owns its temp file (a `report` or `status` run
/// beside a session).
fn alive(pid: i32) -> bool {
    if pid <= 0 {
        return true;
    }
    let pid = nix::unistd::Pid::from_raw(pid);
    !matches!(
        nix::sys::signal::kill(pid, None),
        Err(nix::errno::Errno::ESRCH)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_pattern() {
        assert_eq!(temp_pid(".docker-compose.yml.tmp-123-0"), Some(123));
        assert_eq!(temp_pid(".a.b.key.tmp-7-12"), Some(7));
        for other in [
            "docker-compose.yml.tmp-123-0",
            "..tmp-1-2",
            ".x.tmp-1",
            ".x.tmp-1-",
            ".x.tmp-a-1",
            ".x.tmp-1-2.bak",
            ".x.tmp1-2",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }
}
