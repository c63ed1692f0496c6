//! The certificate and key in the wizard's own directory, under versioned
//! names, through the journal. Never into `webelexisdata`: the admin app
//! and the internet-facing appointment app can read that volume.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::error::GoLiveError;
use super::{ProxyDirs, Site};
use crate::core::library::change_set::{Role, SetMember};
use crate::core::library::compose_override::CertNames;
use crate::io::atomic;
use crate::io::cert_import::{self, ImportError};
use crate::io::journal::Journal;
use crate::io::verify::sha256_hex;

pub const CERT_MODE: u32 = 0o644;
/// The traefik container runs as root: nobody else needs to read the key.
pub const KEY_MODE: u32 = 0o600;

/// What `install_files` put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub files: CertNames,
    pub cert_path: PathBuf,
    pub key_path: PathBuf,
    /// SHA-256 of the leaf (DER), lower-case hex: what the final check
    /// must see.
    pub fingerprint: String,
    /// Journal entries of the two writes.
    pub entries: Vec<u64>,
}

fn read(path: &Path) -> Result<Vec<u8>, GoLiveError> {
    std::fs::read(path).map_err(|e| GoLiveError::Read {
        path: path.to_path_buf(),
        error: e.to_string(),
    })
}

pub(crate) fn ensure_dir(dir: &Path) -> Result<(), GoLiveError> {
    atomic::ensure_private_dir(dir, 0o700).map_err(|e| GoLiveError::Dir {
        path: dir.to_path_buf(),
        error: e.to_string(),
    })
}

/// Key belongs to the leaf, the leaf names the host, and it is valid now.
/// A chain that ends below a root is accepted here: whether browsers trust
/// it is the final check's question, asked with the real roots.
pub fn validate_pair(
    host: &str,
    chain: &[u8],
    key: &[u8],
    now: OffsetDateTime,
) -> Result<String, ImportError> {
    let material = cert_import::load_pem(chain, key, None)?;
    let leaf = material.chain.first().ok_or(ImportError::NoCertificate)?;
    match cert_import::check(&material, host, &[], now) {
        Ok(_) => {}
        Err(ImportError::ChainIncomplete { .. }) => {
            let info = crate::io::acme::CertInfo::from_der(leaf.as_ref()).map_err(|e| {
                ImportError::Unreadable {
                    file: "certificate".into(),
                    reason: e.to_string(),
                }
            })?;
            let day = |t: OffsetDateTime| t.date().to_string();
            if now < info.not_before {
                return Err(ImportError::NotYetValid(day(info.not_before)));
            }
            if now > info.not_after {
                return Err(ImportError::Expired(day(info.not_after)));
            }
        }
        Err(e) => return Err(e),
    }
    Ok(sha256_hex(leaf.as_ref()))
}

/// Versioned names for today; when today's names already hold other
/// bytes (a second certificate the same day), `-2`, `-3`, … so that traefik
/// sees a new name and reloads.
fn free_names(dir: &Path, host: &str, now: OffsetDateTime, cert: &[u8], key: &[u8]) -> CertNames {
    let base = CertNames::new(host, now.date());
    let same_or_absent = |name: &str, bytes: &[u8]| match std::fs::read(dir.join(name)) {
        Ok(b) => b == bytes,
        Err(_) => true,
    };
    let mut files = base.clone();
    let mut n = 1;
    while !(same_or_absent(&files.cert, cert) && same_or_absent(&files.key, key)) {
        n += 1;
        let d = format!("{}-{n}", now.date());
        files = CertNames {
            cert: format!("{host}.{d}.crt"),
            key: format!("{host}.{d}.key"),
        };
    }
    files
}

/// The change set of one certificate going live: its key, its chain and
/// the proxy configuration that names them, written in two steps.
pub fn set_name(files: &CertNames) -> String {
    format!("go-live {}", files.cert)
}

/// Copies the chain and key into `<state>/proxy-certs/`, key 0600, each
/// write recorded in the journal first.
pub fn install_files(
    site: &Site,
    dirs: &ProxyDirs,
    chain_pem: &Path,
    key_pem: &Path,
    now: OffsetDateTime,
    journal: &mut Journal,
) -> Result<Installed, GoLiveError> {
    let chain = read(chain_pem)?;
    let key = read(key_pem)?;
    let fingerprint =
        validate_pair(&site.host, &chain, &key, now).map_err(|error| GoLiveError::Certificate {
            host: site.host.clone(),
            error,
        })?;
    let dir = dirs.certs.clone();
    // Keys go there: the folder must be one nobody else controls.
    crate::io::safe_dir::ensure(&dir).map_err(|e| match e {
        crate::io::safe_dir::SafeDirError::Io { path, source } => GoLiveError::Dir {
            path,
            error: source.to_string(),
        },
        unsafe_dir => GoLiveError::UnsafeDir(Box::new(unsafe_dir)),
    })?;
    let files = free_names(&dir, &site.host, now, &chain, &key);
    let (cert_path, key_path) = (dir.join(&files.cert), dir.join(&files.key));
    let mut entries = Vec::new();
    // The key first: a certificate without its key is never named anywhere.
    // One set with the proxy configuration that will name these files.
    let set = |role| SetMember::new(set_name(&files), role);
    entries.push(journal.write_file_in_set(
        &key_path,
        &key,
        KEY_MODE,
        format!("private key for {}", site.host),
        set(Role::Key),
    )?);
    entries.push(journal.write_file_in_set(
        &cert_path,
        &chain,
        CERT_MODE,
        format!("certificate for {}", site.host),
        set(Role::Certificate),
    )?);
    Ok(Installed {
        files,
        cert_path,
        key_path,
        fingerprint,
        entries,
    })
}
