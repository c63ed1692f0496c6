//! What can go wrong with the practice CA, and how to say it.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::Text;
use crate::core::library::orthanc::OrthancError;
use crate::io::journal::JournalError;
use crate::io::store::{StoreError, show};

#[derive(Debug, thiserror::Error)]
pub enum PracticeCaError {
    #[error(transparent)]
    State(#[from] StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("generating a key or certificate failed: {0}")]
    Generate(#[from] rcgen::Error),
    #[error("the practice CA in {path} cannot be used: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("the practice CA's key {path} is missing")]
    KeyMissing { path: PathBuf },
    #[error("the practice CA expired on {not_after}")]
    Expired { not_after: String },
    #[error("not a usable host name: {name:?}")]
    BadHostName { name: String },
    #[error("{name} is outside the names the practice CA may certify ({allowed})")]
    OutsideConstraints { name: String, allowed: String },
    #[error("the practice's name must have 1 to 48 characters")]
    BadPracticeName,
    #[error("a client certificate needs a person's name (1 to 64 characters)")]
    BadPersonName,
    #[error("the passphrase is shorter than {min} characters")]
    PassphraseShort { min: usize },
    #[error("building the PKCS#12 file failed: {0}")]
    Pkcs12(String),
    #[error("{path}: {source}")]
    OrthancConfig { path: PathBuf, source: OrthancError },
    #[error("cannot hand {path} to uid {uid}: {source}")]
    Chown {
        path: PathBuf,
        uid: u32,
        source: io::Error,
    },
}

impl PracticeCaError {
    pub(crate) fn io(path: &Path, e: io::Error) -> PracticeCaError {
        StoreError::io(path, e).into()
    }

    pub(crate) fn damaged(path: &Path, reason: impl Into<String>) -> PracticeCaError {
        PracticeCaError::Damaged {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    /// The plain-language message; the `Display` form is the detail.
    pub fn text(&self) -> Text {
        match self {
            PracticeCaError::State(e) => e.text(),
            PracticeCaError::Journal(e) => e.text(),
            PracticeCaError::Generate(e) => {
                Text::new("practice-ca-generate-failed").arg("detail", e.to_string())
            }
            PracticeCaError::Damaged { path, .. } => {
                Text::new("practice-ca-damaged").arg("path", show(path))
            }
            PracticeCaError::KeyMissing { path } => {
                Text::new("practice-ca-key-missing").arg("path", show(path))
            }
            PracticeCaError::Expired { not_after } => {
                Text::new("practice-ca-expired").arg("date", not_after.clone())
            }
            PracticeCaError::BadHostName { name } => {
                Text::new("practice-ca-bad-host").arg("name", name.clone())
            }
            PracticeCaError::OutsideConstraints { name, allowed } => {
                Text::new("practice-ca-outside-constraints")
                    .arg("name", name.clone())
                    .arg("allowed", allowed.clone())
            }
            PracticeCaError::BadPracticeName => Text::new("practice-ca-bad-practice-name"),
            PracticeCaError::BadPersonName => Text::new("practice-ca-bad-person"),
            PracticeCaError::PassphraseShort { min } => {
                Text::new("practice-ca-passphrase-short").num("min", min)
            }
            PracticeCaError::Pkcs12(detail) => {
                Text::new("practice-ca-pkcs12-failed").arg("detail", detail.clone())
            }
            PracticeCaError::OrthancConfig { path, source } => source.text(&show(path)),
            PracticeCaError::Chown { path, uid, .. } => Text::new("practice-ca-chown-failed")
                .arg("path", show(path))
                .num("uid", uid),
        }
    }
}
