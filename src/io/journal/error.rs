//! Why a journal operation failed, and how to say it to the person.

use std::io;
use std::path::{Path, PathBuf};

use super::EntryState;
use crate::core::Text;
use crate::io::atomic::FsFault;
use crate::io::lock::LockError;
use crate::io::store::{StoreError, show};

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The state directory (journal, backups, staged copies) failed.
    #[error(transparent)]
    State(#[from] StoreError),
    #[error(transparent)]
    Lock(Box<LockError>),
    /// A file the wizard changes (outside the state directory) failed.
    #[error("{path}: {source}")]
    Target {
        path: PathBuf,
        fault: FsFault,
        source: io::Error,
    },
    #[error("{path} is not readable: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path} was written by a newer version (schema {found}, this one knows {supported})")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("no journal entry {0}")]
    UnknownEntry(u64),
    #[error("journal entry {id} is {state:?}")]
    WrongState { id: u64, state: EntryState },
    /// The target holds neither the original nor our version.
    #[error("{path} was changed by someone else")]
    Conflict { path: PathBuf },
    #[error("{path} is missing or damaged")]
    CopyDamaged { path: PathBuf },
    #[error("{path} is not a regular file")]
    NotAFile { path: PathBuf },
    /// A firewall command of a window failed.
    #[error(transparent)]
    Firewall(#[from] crate::io::firewall::FirewallError),
}

impl From<LockError> for JournalError {
    fn from(e: LockError) -> Self {
        JournalError::Lock(Box::new(e))
    }
}

impl JournalError {
    pub(crate) fn target(path: &Path, source: io::Error) -> JournalError {
        JournalError::Target {
            path: path.to_path_buf(),
            fault: FsFault::of(&source),
            source,
        }
    }

    pub fn text(&self) -> Text {
        let path_text = |id: &str, p: &Path| Text::new(id).arg("path", show(p));
        match self {
            JournalError::State(e) => e.text(),
            JournalError::Lock(e) => e.text(),
            JournalError::Target {
                path,
                fault,
                source,
            } => match fault {
                FsFault::PermissionDenied => path_text("journal-target-permission-denied", path),
                FsFault::ReadOnly => path_text("journal-target-read-only", path),
                FsFault::DiskFull => path_text("journal-target-disk-full", path),
                FsFault::Other => {
                    path_text("journal-target-io", path).arg("detail", source.to_string())
                }
            },
            JournalError::Corrupt { path, .. } => path_text("journal-corrupt", path),
            JournalError::NewerSchema {
                path,
                found,
                supported,
            } => path_text("journal-newer-schema", path)
                .num("found", found)
                .num("supported", supported),
            JournalError::UnknownEntry(id) => Text::new("journal-unknown-entry").num("id", id),
            JournalError::WrongState { id, .. } => Text::new("journal-wrong-state").num("id", id),
            JournalError::Conflict { path } => path_text("journal-conflict", path),
            JournalError::CopyDamaged { path } => path_text("journal-copy-damaged", path),
            JournalError::NotAFile { path } => path_text("journal-not-a-file", path),
            JournalError::Firewall(e) => e.text(),
        }
    }
}
