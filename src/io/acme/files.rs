//! Certificate files under versioned names: traefik reloads its dynamic
//! file, not a certificate that changes under the same name, and an old
//! pair stays in place until the new one is live.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};
use time::Date;
use time::macros::format_description;

use super::AcmeError;
use crate::io::atomic;

/// Created with mode 0600 by `open` itself, so the file is never readable
/// by others, not even between creation and a later chmod. Fails if the
/// file exists: keys are never overwritten.
pub fn create_private_file(path: &Path) -> Result<File, AcmeError> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(AcmeError::file(path))
}

pub(crate) fn sha256_short(data: &[u8]) -> String {
    let d = Sha256::digest(data);
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionedPaths {
    pub crt: PathBuf,
    pub key: PathBuf,
    /// The file stem both share, e.g. `termine.example.ch.2026-11-24`.
    pub stem: String,
}

/// Writes `<name>.<date>.crt` and `.key` (then `<name>.<date>-2` and so on
/// when that day's names are taken). The key goes first so a crash never
/// leaves a certificate without its key.
pub fn write_versioned(
    dir: &Path,
    name: &str,
    date: Date,
    chain_pem: &[u8],
    key_pem: &[u8],
) -> Result<VersionedPaths, AcmeError> {
    AcmeError::ensure_dir(dir)?;
    let fmt = format_description!("[year]-[month]-[day]");
    let day = date
        .format(&fmt)
        .map_err(|e| AcmeError::Protocol(e.to_string()))?;
    for n in 1..1000u32 {
        let stem = if n == 1 {
            format!("{name}.{day}")
        } else {
            format!("{name}.{day}-{n}")
        };
        let crt = dir.join(format!("{stem}.crt"));
        let key = dir.join(format!("{stem}.key"));
        if crt.exists() {
            continue;
        }
        // Whole files or none: a full disk must never leave a short file
        // that looks like a key.
        match atomic::write_new(&key, key_pem, 0o600) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(AcmeError::file(&key)(e)),
        }
        if let Err(e) = atomic::write_new(&crt, chain_pem, 0o644) {
            let _ = atomic::remove_durable(&key);
            return Err(AcmeError::file(&crt)(e));
        }
        return Ok(VersionedPaths { crt, key, stem });
    }
    Err(AcmeError::File {
        path: dir.to_path_buf(),
        source: std::io::Error::other("no free versioned file name left for today"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;
    use time::macros::date;

    #[test]
    fn versions_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_versioned(
            dir.path(),
            "termine.x.ch",
            date!(2026 - 11 - 24),
            b"c1",
            b"k1",
        )
        .unwrap();
        let b = write_versioned(
            dir.path(),
            "termine.x.ch",
            date!(2026 - 11 - 24),
            b"c2",
            b"k2",
        )
        .unwrap();
        assert_eq!(a.stem, "termine.x.ch.2026-11-24");
        assert_eq!(b.stem, "termine.x.ch.2026-11-24-2");
        assert_eq!(std::fs::read(&a.key).unwrap(), b"k1");
        let mode = std::fs::metadata(&b.key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
