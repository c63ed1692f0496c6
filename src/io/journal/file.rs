//! Writing a file outside the state directory, and taking it back.
//!
//! What we wrote and what was there before are known by their SHA-256, so
//! an undo can tell "still ours" from "changed by someone since".

use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::macros::format_description;

use super::{JournalError, UndoOutcome};
use crate::io::atomic;
use crate::io::store::StoreError;

pub(super) const BACKUP_DIR: &str = "backups";
pub(super) const STAGED_DIR: &str = "staged";

/// One file the wizard writes (creates or replaces).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileWrite {
    pub path: PathBuf,
    pub mode: u32,
    /// The file as it was; `None` if it did not exist.
    pub original: Option<Original>,
    /// The new content, relative to the state directory (0600 there).
    pub staged: PathBuf,
    /// SHA-256 of the new content, hex.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    /// A byte-for-byte copy, relative to the state directory. Always 0600
    /// there, whatever the original's mode: it may be a private key.
    pub backup: PathBuf,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub sha256: String,
}

pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Backs up what is at `path` and stages `bytes`, both in the state
/// directory. Touches nothing outside it.
pub(super) fn prepare(
    state_dir: &Path,
    id: u64,
    path: &Path,
    bytes: &[u8],
    mode: u32,
) -> Result<FileWrite, JournalError> {
    let path = resolve(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let original = match read_target(&path)? {
        None => None,
        Some((content, meta)) => {
            let backup = Path::new(BACKUP_DIR).join(format!("{id}-{name}"));
            let abs = private_path(state_dir, &backup)?;
            atomic::write_atomic(&abs, &content, 0o600).map_err(|e| StoreError::io(&abs, e))?;
            Some(Original {
                backup,
                mode: meta.permissions().mode() & 0o7777,
                uid: meta.uid(),
                gid: meta.gid(),
                sha256: sha256_hex(&content),
            })
        }
    };
    let staged = Path::new(STAGED_DIR).join(format!("{id}-{name}"));
    let abs = private_path(state_dir, &staged)?;
    atomic::write_atomic(&abs, bytes, 0o600).map_err(|e| StoreError::io(&abs, e))?;
    Ok(FileWrite {
        path,
        mode: mode & 0o7777,
        original,
        staged,
        sha256: sha256_hex(bytes),
    })
}

/// Puts the staged content in place. Safe to repeat after a crash: the
/// target must hold either the original or exactly what we stage.
pub(super) fn apply(fw: &FileWrite, state_dir: &Path) -> Result<(), JournalError> {
    let bytes = read_private(state_dir, &fw.staged, &fw.sha256)?;
    let now = current_hash(&fw.path)?;
    if now.as_deref() != fw.original.as_ref().map(|o| o.sha256.as_str())
        && now.as_deref() != Some(fw.sha256.as_str())
    {
        return Err(JournalError::Conflict {
            path: fw.path.clone(),
        });
    }
    // A replaced file keeps its owner: another service's config must stay
    // readable by that service.
    let owner = fw.original.as_ref().map(|o| (o.uid, o.gid));
    atomic::write_atomic_owned(&fw.path, &bytes, fw.mode, owner)
        .map_err(|e| JournalError::target(&fw.path, e))
}

/// Brings the target back to how it was before we wrote it.
pub(super) fn undo(
    fw: &FileWrite,
    state_dir: &Path,
    id: u64,
    force: bool,
) -> Result<UndoOutcome, JournalError> {
    let now = current_hash(&fw.path)?;
    let before = fw.original.as_ref().map(|o| o.sha256.as_str());
    if now.as_deref() == before {
        return Ok(UndoOutcome::AlreadyReverted);
    }
    let ours = now.as_deref() == Some(fw.sha256.as_str());
    let mut kept = None;
    if !ours {
        if !force {
            return Ok(UndoOutcome::Conflict);
        }
        // Forced: the other person's version is kept, never just lost.
        kept = Some(keep_foreign(state_dir, id, &fw.path)?);
    }
    let outcome = match &fw.original {
        Some(orig) => {
            let bytes = read_private(state_dir, &orig.backup, &orig.sha256)?;
            atomic::write_atomic_owned(&fw.path, &bytes, orig.mode, Some((orig.uid, orig.gid)))
                .map_err(|e| JournalError::target(&fw.path, e))?;
            UndoOutcome::Restored
        }
        None => {
            atomic::remove_durable(&fw.path).map_err(|e| JournalError::target(&fw.path, e))?;
            UndoOutcome::Removed
        }
    };
    Ok(match kept {
        Some(kept) => UndoOutcome::Forced { kept },
        None => outcome,
    })
}

/// What undo would find at the target of `fw` now, without touching it.
/// `writes` are every planned write to the same file: one of them being
/// there counts as ours, since undo unwinds them in order.
pub(super) fn found(
    fw: &FileWrite,
    writes: &[&FileWrite],
) -> crate::core::library::change_set::Found {
    use crate::core::library::change_set::Found;
    let Ok(now) = current_hash(&fw.path) else {
        // Unreadable: undo itself will say why; the set is not judged on it.
        return Found::Other;
    };
    if writes
        .iter()
        .any(|w| now.as_deref() == Some(w.sha256.as_str()))
    {
        Found::Ours
    } else if now.as_deref() == fw.original.as_ref().map(|o| o.sha256.as_str()) {
        Found::AsBefore
    } else {
        Found::ByHand
    }
}

/// A symlinked config is written through to the file it points at, so the
/// link stays a link and undo restores the same file.
fn resolve(path: &Path) -> Result<PathBuf, JournalError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| JournalError::target(path, e))
        }
        Ok(m) if !m.is_file() => Err(JournalError::NotAFile {
            path: path.to_path_buf(),
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// Content and metadata read from one open file, or `None` if absent.
fn read_target(path: &Path) -> Result<Option<(Vec<u8>, fs::Metadata)>, JournalError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(JournalError::target(path, e)),
    };
    let meta = file.metadata().map_err(|e| JournalError::target(path, e))?;
    if !meta.is_file() {
        return Err(JournalError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let mut content = Vec::new();
    file.read_to_end(&mut content)
        .map_err(|e| JournalError::target(path, e))?;
    Ok(Some((content, meta)))
}

fn current_hash(path: &Path) -> Result<Option<String>, JournalError> {
    Ok(read_target(path)?.map(|(c, _)| sha256_hex(&c)))
}

/// Reads a backup or staged copy and checks it is the one recorded: a
/// damaged copy must never be written over a real file.
fn read_private(state_dir: &Path, rel: &Path, sha256: &str) -> Result<Vec<u8>, JournalError> {
    let abs = state_dir.join(rel);
    // Copies live below the state directory; a journal naming any other
    // place was not written by this program.
    if !rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
    {
        return Err(JournalError::CopyDamaged { path: abs });
    }
    let bytes = crate::io::safe_dir::read(&abs).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => JournalError::CopyDamaged { path: abs.clone() },
        _ => StoreError::io(&abs, e).into(),
    })?;
    if sha256_hex(&bytes) != sha256 {
        return Err(JournalError::CopyDamaged { path: abs });
    }
    Ok(bytes)
}

/// Saves what someone else put at `path`; `None` if they removed it.
fn keep_foreign(state_dir: &Path, id: u64, path: &Path) -> Result<Option<PathBuf>, JournalError> {
    let stamp = OffsetDateTime::now_utc()
        .format(format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((content, _)) = read_target(path)? else {
        return Ok(None);
    };
    let rel = Path::new(BACKUP_DIR).join(format!("{id}-{name}.overwritten-{stamp}"));
    let abs = private_path(state_dir, &rel)?;
    atomic::write_atomic(&abs, &content, 0o600).map_err(|e| StoreError::io(&abs, e))?;
    Ok(Some(abs))
}

/// Removes the staged copies; done once every change is undone.
pub(super) fn remove_staged(state_dir: &Path) -> Result<(), StoreError> {
    let dir = state_dir.join(STAGED_DIR);
    // remove_dir_all never follows a symlink, neither at the top nor inside.
    match fs::remove_dir_all(&dir) {
        Ok(()) => atomic::sync_dir(state_dir).map_err(|e| StoreError::io(state_dir, e)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(&dir, e)),
    }
}

fn private_path(state_dir: &Path, rel: &Path) -> Result<PathBuf, StoreError> {
    let abs = state_dir.join(rel);
    if let Some(parent) = abs.parent() {
        crate::io::safe_dir::ensure(parent)?;
    }
    Ok(abs)
}
