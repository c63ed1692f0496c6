//! What the practice's computers get: the CA certificate to trust (a
//! `.crt`), and, with client certificates, one PKCS#12 file per person for
//! the browser (the seed's `client.p12`).
//!
//! PKCS#12 comes from `p12-keystore`: pure Rust (the server needs no
//! OpenSSL), maintained, and it writes both the current form (PBES2 with
//! AES-256, HMAC-SHA-256) and the legacy one (3DES, SHA-1) that older
//! Windows and macOS import dialogs still insist on. It reads its own files
//! back, which the tests use to prove the file holds the right key.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use p12_keystore::{
    Certificate, EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, PrivateKeyChain,
};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{IssuedCert, PracticeCa, PracticeCaError};
use crate::core::Text;
use crate::io::journal::Journal;
use crate::io::store::show;

/// Shorter passphrases fall to guessing once the file is copied.
pub const MIN_PASSPHRASE: usize = 8;

/// Which PKCS#12 encryption to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum P12Compat {
    /// AES-256 and SHA-256: current browsers, Windows 10 1709+, macOS 14+.
    #[default]
    Modern,
    /// 3DES and SHA-1, for older import dialogs. Weaker: only on request.
    Legacy,
}

/// Files written for one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientExport {
    pub p12: PathBuf,
    pub ca_cert: PathBuf,
    pub not_after: OffsetDateTime,
    /// Journal entries, for undo.
    pub entries: Vec<u64>,
}

impl ClientExport {
    /// What to do with the files, for the person at the screen.
    pub fn text(&self) -> Text {
        Text::new("practice-ca-client-exported")
            .arg("p12", show(&self.p12))
            .arg("ca", show(&self.ca_cert))
            .arg("date", self.not_after.date().to_string())
    }
}

impl IssuedCert {
    /// The key and certificate (with the CA certificate, so the browser
    /// shows the whole chain) as PKCS#12, encrypted with `passphrase`.
    pub fn to_pkcs12(
        &self,
        ca: &PracticeCa,
        friendly_name: &str,
        passphrase: &str,
        compat: P12Compat,
    ) -> Result<Vec<u8>, PracticeCaError> {
        if passphrase.chars().count() < MIN_PASSPHRASE {
            return Err(PracticeCaError::PassphraseShort {
                min: MIN_PASSPHRASE,
            });
        }
        let p12 = |e: p12_keystore::error::Error| PracticeCaError::Pkcs12(e.to_string());
        let leaf = Certificate::from_der(self.cert_der.as_ref()).map_err(p12)?;
        let root = Certificate::from_der(ca.cert_der().as_ref()).map_err(p12)?;
        // The id ties key and certificate together inside the file.
        let local_key_id = &Sha256::digest(self.cert_der.as_ref())[..20];
        let chain = PrivateKeyChain::new(self.key_der(), local_key_id, [leaf, root]);
        let mut store = KeyStore::new();
        store.add_entry(friendly_name, KeyStoreEntry::PrivateKeyChain(chain));
        let writer = store.writer(passphrase);
        let writer = match compat {
            P12Compat::Modern => writer
                .encryption_algorithm(EncryptionAlgorithm::PbeWithHmacSha256AndAes256)
                .mac_algorithm(MacAlgorithm::HmacSha256),
            P12Compat::Legacy => writer
                .encryption_algorithm(EncryptionAlgorithm::PbeWithShaAnd3KeyTripleDesCbc)
                .mac_algorithm(MacAlgorithm::HmacSha1),
        };
        writer.write().map_err(p12)
    }
}

/// The CA certificate as a `.crt` to install on the practice's computers.
/// Not secret, so readable by all (0644).
pub fn export_ca_cert(
    journal: &mut Journal,
    ca: &PracticeCa,
    path: &Path,
) -> Result<u64, PracticeCaError> {
    let id = journal.write_file(
        path,
        ca.cert_pem().as_bytes(),
        0o644,
        format!("practice CA certificate {}", show(path)),
    )?;
    Ok(id)
}

/// Issues a client certificate for `person` and writes `<name>.p12` (0600:
/// it is a key, even if encrypted) and the CA's `.crt` into `out_dir`.
pub fn export_client(
    journal: &mut Journal,
    ca: &PracticeCa,
    person: &str,
    passphrase: &str,
    out_dir: &Path,
    compat: P12Compat,
    now: OffsetDateTime,
) -> Result<ClientExport, PracticeCaError> {
    // Before anything is issued or written: a short passphrase is the
    // person's to fix.
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(PracticeCaError::PassphraseShort {
            min: MIN_PASSPHRASE,
        });
    }
    let issued = ca.issue_client(person, now)?;
    let bytes = issued.to_pkcs12(ca, person.trim(), passphrase, compat)?;
    ensure_dir(out_dir)?;
    let p12 = out_dir.join(format!("{}.p12", file_stem(person)));
    let ca_cert = out_dir.join(CA_CERT_NAME);
    let mut entries = Vec::new();
    entries.push(journal.write_file(
        &p12,
        &bytes,
        0o600,
        format!("client certificate for {}", person.trim()),
    )?);
    entries.push(export_ca_cert(journal, ca, &ca_cert)?);
    Ok(ClientExport {
        p12,
        ca_cert,
        not_after: issued.not_after,
        entries,
    })
}

/// The name the CA certificate gets next to the client files.
pub const CA_CERT_NAME: &str = "praxis-ca.crt";

fn ensure_dir(dir: &Path) -> Result<(), PracticeCaError> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| PracticeCaError::io(dir, e))?;
    // Holds keys (encrypted, but still): the staff's, not everyone's.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| PracticeCaError::io(dir, e))
}

/// A file name from a person's name that every system and USB stick takes.
pub fn file_stem(person: &str) -> String {
    let mut out = String::new();
    for c in person.trim().to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let stem = out.trim_end_matches('-');
    if stem.is_empty() {
        "client".to_string()
    } else {
        stem.to_string()
    }
}
