//! One session at a time. The lock is a `flock` on a file in the state
//! directory: the kernel drops it when the holder dies, even by SIGKILL or
//! a lost SSH connection, so there is never a stale lock to clean up. The
//! file's content only says who holds it, for a clear message.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};
use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, UtcOffset};

use super::store::StoreError;
use crate::core::Text;

pub const LOCK_FILE: &str = "session.lock";

/// Who holds the lock, as that session wrote it down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    pub pid: u32,
    pub user: String,
    /// The user behind `sudo`, if any.
    #[serde(default)]
    pub sudo_user: Option<String>,
    /// The SSH client's address.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub tty: Option<String>,
    /// In the holder's local time, so "seit 10:42" matches the wall clock.
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

impl LockHolder {
    /// This process, as it would describe itself in the lock file.
    pub fn current() -> LockHolder {
        let uid = nix::unistd::getuid();
        let user = nix::unistd::User::from_uid(uid)
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_else(|| uid.to_string());
        LockHolder {
            pid: std::process::id(),
            user,
            sudo_user: non_empty_env("SUDO_USER"),
            from: ssh_client(),
            tty: tty(),
            since: local_now(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another session is running; `None` when it has not yet written who
    /// it is (it is starting at this very moment).
    #[error("another session holds the lock: {0:?}")]
    Held(Option<LockHolder>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl LockError {
    pub fn text(&self) -> Text {
        match self {
            LockError::Held(Some(h)) => {
                let user = match &h.sudo_user {
                    Some(s) if *s != h.user => format!("{s} → {}", h.user),
                    _ => h.user.clone(),
                };
                let t = match &h.from {
                    Some(from) => Text::new("lock-held-remote").arg("from", from.clone()),
                    None => Text::new("lock-held-local"),
                };
                t.arg("since", hh_mm(h.since))
                    .arg("user", user)
                    .num("pid", h.pid)
            }
            LockError::Held(None) => Text::new("lock-held-unknown"),
            LockError::Store(e) => e.text(),
        }
    }
}

/// Held for as long as this value lives.
#[derive(Debug)]
pub struct Lock {
    file: Flock<File>,
    path: PathBuf,
}

impl Lock {
    pub fn acquire(dir: &Path) -> Result<Lock, LockError> {
        let path = dir.join(LOCK_FILE);
        // No truncate on open: the holder's details must survive a failed
        // attempt by someone else.
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            // A link planted under this name must not be truncated through.
            .custom_flags(nix::libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        let mut file = match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(f) => f,
            Err((mut file, Errno::EWOULDBLOCK)) => {
                return Err(LockError::Held(read_holder(&mut file)));
            }
            Err((_, errno)) => {
                return Err(StoreError::io(&path, io::Error::from(errno)).into());
            }
        };
        let holder = LockHolder::current();
        write_holder(&mut file, &holder).map_err(|e| StoreError::io(&path, e))?;
        Ok(Lock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Cleared while still locked, so nobody reads a departed holder;
        // the flock itself goes when the file closes right after.
        let _ = self.file.set_len(0);
    }
}

fn write_holder(file: &mut File, holder: &LockHolder) -> io::Result<()> {
    let bytes = serde_json::to_vec(holder).map_err(io::Error::other)?;
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&bytes)?;
    file.sync_all()
}

fn read_holder(file: &mut File) -> Option<LockHolder> {
    let mut s = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut s).ok()?;
    serde_json::from_str(&s).ok()
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The client's address from `SSH_CONNECTION` ("client port server port")
/// or the older `SSH_CLIENT` ("client port serverport").
fn ssh_client() -> Option<String> {
    ["SSH_CONNECTION", "SSH_CLIENT"]
        .iter()
        .filter_map(|v| non_empty_env(v))
        .find_map(|v| v.split_whitespace().next().map(str::to_string))
}

fn tty() -> Option<String> {
    let target = std::fs::read_link("/proc/self/fd/0").ok()?;
    let s = target.to_string_lossy();
    (s.starts_with("/dev/pts/") || s.starts_with("/dev/tty")).then(|| s.into_owned())
}

fn hh_mm(t: OffsetDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Now, in the system's local time zone, falling back to UTC.
fn local_now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    match local_offset(now.unix_timestamp()) {
        Some(offset) => now.to_offset(offset),
        None => now,
    }
}

/// `time` refuses to read the local offset in a multi-threaded process
/// (a concurrent `setenv` could race with libc). This program never sets
/// environment variables, so asking libc directly is sound here.
fn local_offset(unix: i64) -> Option<UtcOffset> {
    use nix::libc;
    let t = libc::time_t::try_from(unix).ok()?;
    let mut tm = std::mem::MaybeUninit::<libc::tm>::zeroed();
    // SAFETY: both pointers are valid for the call; localtime_r writes only
    // into `tm` and returns null on failure, which is checked before use.
    let ok = unsafe { !libc::localtime_r(&t, tm.as_mut_ptr()).is_null() };
    if !ok {
        return None;
    }
    // SAFETY: localtime_r succeeded, so it initialised `tm`.
    let tm = unsafe { tm.assume_init() };
    UtcOffset::from_whole_seconds(i32::try_from(tm.tm_gmtoff).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_text_with_and_without_ssh() {
        let since = time::macros::datetime!(2025-05-01 10:42 +02:00);
        let mut h = LockHolder {
            pid: 1234,
            user: "root".into(),
            sudo_user: None,
            from: Some("192.0.2.7".into()),
            tty: Some("/dev/pts/1".into()),
            since,
        };
        let t = LockError::Held(Some(h.clone())).text();
        assert_eq!(t.id, "lock-held-remote");
        assert!(t.args.contains(&("since".into(), "10:42".into())));
        assert!(t.args.contains(&("from".into(), "192.0.2.7".into())));
        assert!(
            t.args
                .contains(&("pid".into(), crate::core::Arg::Num(1234)))
        );
        h.from = None;
        h.sudo_user = Some("mpa".into());
        let t = LockError::Held(Some(h)).text();
        assert_eq!(t.id, "lock-held-local");
        assert!(t.args.contains(&("user".into(), "mpa → root".into())));
    }

    #[test]
    fn holder_round_trips_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let lock = Lock::acquire(dir.path()).unwrap();
        let mut f = File::open(lock.path()).unwrap();
        let h = read_holder(&mut f).unwrap();
        assert_eq!(h.pid, std::process::id());
        assert!(!h.user.is_empty());
    }

    #[test]
    fn local_offset_is_available() {
        assert!(local_offset(0).is_some());
    }
}
