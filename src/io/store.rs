//! The resume file: the wizard's model, written after every transition so
//! that a dropped SSH connection loses nothing but the last keystrokes
//! (see [`writer`]).

pub mod legacy;
pub mod schema1;
pub mod writer;

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use time::OffsetDateTime;
use time::macros::format_description;

use super::atomic::{self, FsFault};
use super::safe_dir::{self, SafeDirError};
use crate::core::{SCHEMA_VERSION, Text, Wizard};

pub const DEFAULT_STATE_DIR: &str = "/var/lib/praxis-tls";
pub const STATE_FILE: &str = "state.json";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("permission denied: {path}")]
    PermissionDenied { path: PathBuf, source: io::Error },
    #[error("read-only file system: {path}")]
    ReadOnly { path: PathBuf, source: io::Error },
    #[error("no space left on device: {path}")]
    DiskFull { path: PathBuf, source: io::Error },
    #[error("{path} was written by a newer version (schema {found}, this one knows {supported})")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// The file could not be understood; it was moved aside, not deleted.
    #[error("{path} could not be read ({reason}); moved to {moved_to}")]
    Broken {
        path: PathBuf,
        moved_to: PathBuf,
        reason: String,
    },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// The directory, or a parent, could be changed by someone else.
    #[error(transparent)]
    Unsafe(SafeDirError),
}

impl From<SafeDirError> for StoreError {
    fn from(e: SafeDirError) -> Self {
        match e {
            SafeDirError::Io { path, source } => StoreError::io(path, source),
            unsafe_dir => StoreError::Unsafe(unsafe_dir),
        }
    }
}

impl StoreError {
    /// Sorts an io error on `path` into what the person can do about it.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> StoreError {
        let path = path.into();
        match FsFault::of(&source) {
            FsFault::PermissionDenied => StoreError::PermissionDenied { path, source },
            FsFault::ReadOnly => StoreError::ReadOnly { path, source },
            FsFault::DiskFull => StoreError::DiskFull { path, source },
            FsFault::Other => StoreError::Io { path, source },
        }
    }

    /// The wording while the wizard runs: it saves again by itself at the
    /// next change, so a full disk needs space, not a restart.
    pub fn text_while_running(&self) -> Text {
        match self {
            StoreError::DiskFull { path, .. } => {
                Text::new("store-disk-full-running").arg("path", show(path))
            }
            other => other.text(),
        }
    }

    pub fn text(&self) -> Text {
        match self {
            StoreError::PermissionDenied { path, .. } => {
                Text::new("store-permission-denied").arg("path", show(path))
            }
            StoreError::ReadOnly { path, .. } => {
                Text::new("store-read-only").arg("path", show(path))
            }
            StoreError::DiskFull { path, .. } => {
                Text::new("store-disk-full").arg("path", show(path))
            }
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => Text::new("store-newer-schema")
                .arg("path", show(path))
                .num("found", found)
                .num("supported", supported),
            StoreError::Broken { path, moved_to, .. } => Text::new("store-broken")
                .arg("path", show(path))
                .arg("moved_to", show(moved_to)),
            StoreError::Io { path, source } if atomic::refused_of(source).is_some() => {
                match atomic::refused_of(source) {
                    Some(why) => why.text(&show(path)),
                    None => Text::new("store-io"),
                }
            }
            StoreError::Io { path, source } => Text::new("store-io")
                .arg("path", show(path))
                .arg("detail", source.to_string()),
            StoreError::Unsafe(e) => e.text(),
        }
    }
}

pub(crate) fn show(p: &Path) -> String {
    p.display().to_string()
}

/// The state directory, checked to be usable.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    crash: Option<CrashAfter>,
}

/// A test hook: the process kills itself (SIGKILL, no clean-up) right
/// after its N-th resume file is on disk, so a test can prove that every
/// saved state is one a later start continues from.
#[derive(Debug, Clone)]
struct CrashAfter {
    saves: u64,
    done: Arc<AtomicU64>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    #[serde(with = "time::serde::rfc3339")]
    saved_at: OffsetDateTime,
    wizard: &'a Wizard,
}

impl Store {
    /// Creates the directory (0700) if missing, refuses one that someone
    /// else controls (see [`safe_dir`]), and proves it is writable, so a
    /// missing right shows at the start, not after the first step.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        safe_dir::ensure(&dir)?;
        probe_writable(&dir)?;
        Ok(Store { dir, crash: None })
    }

    /// Test hook (hidden `--test-kill-after-saves`): SIGKILL right after
    /// the `saves`-th successful [`Store::save`] of this process.
    pub fn kill_after_saves(mut self, saves: u64) -> Store {
        self.crash = Some(CrashAfter {
            saves,
            done: Arc::new(AtomicU64::new(0)),
        });
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    /// The saved wizard, prepared for resuming; `None` on a first start.
    pub fn load(&self) -> Result<Option<Wizard>, StoreError> {
        let path = self.path();
        let bytes = match safe_dir::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        let mut value: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => return Err(self.move_aside(&path, e.to_string())),
        };
        let schema = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .and_then(|s| u32::try_from(s).ok());
        match schema {
            Some(found) if found > SCHEMA_VERSION => {
                // A newer program wrote it: leave it for that program.
                return Err(StoreError::NewerSchema {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            Some(found) if found == SCHEMA_VERSION || found == schema1::SCHEMA => {}
            Some(found) => return Err(self.move_aside(&path, format!("old schema {found}"))),
            None => return Err(self.move_aside(&path, "no schema".to_string())),
        }
        let mut wizard = value
            .get_mut("wizard")
            .map(serde_json::Value::take)
            .unwrap_or(serde_json::Value::Null);
        if schema == Some(schema1::SCHEMA) {
            schema1::typed_args(&mut wizard);
        }
        match serde_json::from_value::<Wizard>(wizard) {
            Ok(w) => {
                let mut w = crate::core::resumed(w);
                legacy::fold_in(&self.dir, &mut w);
                Ok(Some(w))
            }
            Err(e) => Err(self.move_aside(&path, e.to_string())),
        }
    }

    pub fn save(&self, wizard: &Wizard) -> Result<(), StoreError> {
        let path = self.path();
        let envelope = EnvelopeOut {
            schema: SCHEMA_VERSION,
            saved_at: OffsetDateTime::now_utc(),
            wizard,
        };
        let bytes = serde_json::to_vec_pretty(&envelope).map_err(|e| StoreError::Io {
            path: path.clone(),
            source: io::Error::other(e),
        })?;
        atomic::write_atomic(&path, &bytes, 0o600).map_err(|e| StoreError::io(&path, e))?;
        legacy::retire(&self.dir);
        if let Some(c) = &self.crash
            && c.done.fetch_add(1, Ordering::SeqCst) + 1 == c.saves
        {
            // The rename and the directory sync are done: what a later
            // start reads is exactly this state.
            let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGKILL);
        }
        Ok(())
    }

    /// Renames an unreadable resume file so the wizard can start afresh
    /// while the IT supporter can still look at what was there.
    fn move_aside(&self, path: &Path, reason: String) -> StoreError {
        let target = match broken_name(path) {
            Ok(t) => t,
            Err(e) => return StoreError::io(path, e),
        };
        match fs::rename(path, &target).and_then(|()| atomic::sync_dir(&self.dir)) {
            Ok(()) => {
                tracing::warn!(path = %path.display(), moved_to = %target.display(), %reason, "resume file unreadable, moved aside");
                StoreError::Broken {
                    path: path.to_path_buf(),
                    moved_to: target,
                    reason,
                }
            }
            Err(e) => StoreError::io(path, e),
        }
    }
}

fn broken_name(path: &Path) -> io::Result<PathBuf> {
    let stamp = OffsetDateTime::now_utc()
        .format(format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .map_err(io::Error::other)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first = path.with_file_name(format!("{name}.broken-{stamp}"));
    if !first.exists() {
        return Ok(first);
    }
    // Two breakages within a second: never overwrite the earlier one.
    (1..1000)
        .map(|n| path.with_file_name(format!("{name}.broken-{stamp}-{n}")))
        .find(|p| !p.exists())
        .ok_or_else(|| io::Error::other("too many broken resume files"))
}

/// Writes and removes a one-byte file: catches read-only mounts, missing
/// rights and a full disk before any real work is done.
fn probe_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    // A fresh file, never one planted under this name.
    let _ = fs::remove_file(&probe);
    let result = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&probe)
        .and_then(|mut f| {
            f.write_all(b"x")?;
            f.sync_all()
        });
    let _ = fs::remove_file(&probe);
    result.map_err(|e| StoreError::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Lang;

    #[test]
    fn missing_file_is_a_first_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("s")).unwrap();
        assert!(store.load().unwrap().is_none());
    }

    #[test]
    fn round_trip_resumes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let w = Wizard::new(Lang::En, OffsetDateTime::UNIX_EPOCH);
        store.save(&w).unwrap();
        let back = store.load().unwrap().unwrap();
        assert_eq!(back, crate::core::resumed(w.clone()));
    }

    #[test]
    fn missing_schema_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        fs::write(store.path(), b"{\"wizard\":{}}").unwrap();
        assert!(matches!(store.load(), Err(StoreError::Broken { .. })));
        assert!(!store.path().exists());
    }

    #[test]
    fn error_texts_name_the_path() {
        let e = StoreError::io("/x", io::Error::from_raw_os_error(nix::libc::ENOSPC));
        let t = e.text();
        assert_eq!(t.id, "store-disk-full");
        assert_eq!(t.args, vec![("path".to_string(), "/x".into())]);
        let e = StoreError::io("/x", io::Error::from_raw_os_error(nix::libc::EROFS));
        assert_eq!(e.text().id, "store-read-only");
        let e = StoreError::io("/x", io::Error::from_raw_os_error(nix::libc::EACCES));
        assert_eq!(e.text().id, "store-permission-denied");
    }

    #[test]
    fn broken_names_do_not_collide() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        let a = broken_name(&p).unwrap();
        fs::write(&a, b"").unwrap();
        let b = broken_name(&p).unwrap();
        assert_ne!(a, b);
    }
}
