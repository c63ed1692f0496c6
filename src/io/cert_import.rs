//! The practice's own certificate: PEM (chain + key) or PKCS#12, checked
//! before it goes anywhere near traefik.
//!
//! PKCS#12 goes through `p12-keystore`: pure Rust (RustCrypto), maintained,
//! and it reads both what OpenSSL 3 writes (PBES2/AES, PBKDF2) and the
//! legacy RC2/3DES files that Windows and older tools still export, so no
//! OpenSSL library is linked.

mod cost;
mod plain_key;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::crypto::ring::default_provider;
use rustls::sign::SigningKey;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::OffsetDateTime;
use time::macros::format_description;
use x509_parser::prelude::{FromDer as _, X509Certificate};
use x509_parser::x509::SubjectPublicKeyInfo;

use crate::core::library::limits::Refused;
use crate::core::{Finding, Text};
use crate::io::acme::CertInfo;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is protected by a passphrase")]
    NeedsPassphrase,
    #[error("the passphrase is wrong")]
    WrongPassphrase,
    #[error("cannot read {file}: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("no certificate found")]
    NoCertificate,
    #[error("no private key found")]
    NoKey,
    #[error("the key is encrypted in the legacy OpenSSL format (Proc-Type: 4,ENCRYPTED)")]
    LegacyEncrypted,
    #[error("unsupported key: {0}")]
    UnsupportedKey(String),
    #[error("the key does not belong to the certificate")]
    KeyMismatch,
    #[error("the certificate is not valid for {host} (names: {names})")]
    NameMismatch { host: String, names: String },
    #[error("the chain ends at {issuer}, which is neither a root nor a given trust anchor")]
    ChainIncomplete { issuer: String },
    #[error("{subject} is not signed by the certificate that follows it")]
    ChainBadSignature { subject: String },
    #[error("the certificate expired on {0}")]
    Expired(String),
    #[error("the certificate is valid only from {0}")]
    NotYetValid(String),
    #[error("{file}: {why}")]
    Refused { file: String, why: Refused },
    #[error("the PKCS#12 file asks for {0} iterations")]
    TooCostly(u64),
    #[error("the certificate is a CA certificate (CA:TRUE), not one for a server")]
    LeafIsCa,
}

impl ImportError {
    pub fn finding(&self, host: &str) -> Finding {
        let parent = host.split_once('.').map(|(_, p)| p).unwrap_or(host);
        let (summary, fix) = match self {
            ImportError::NeedsPassphrase => (Text::new("cert-import-needs-passphrase"), None),
            ImportError::WrongPassphrase => (Text::new("cert-import-wrong-passphrase"), None),
            ImportError::Unreadable { file, .. } => {
                (Text::new("cert-import-unreadable").arg("file", file), None)
            }
            ImportError::NoCertificate => (Text::new("cert-import-no-certificate"), None),
            ImportError::NoKey => (
                Text::new("cert-import-no-key"),
                Some(Text::new("cert-fix-no-key")),
            ),
            ImportError::LegacyEncrypted => (
                Text::new("cert-import-legacy-encrypted"),
                Some(Text::new("cert-fix-legacy-encrypted")),
            ),
            ImportError::UnsupportedKey(_) => (Text::new("cert-import-unsupported-key"), None),
            ImportError::KeyMismatch => (
                Text::new("cert-key-mismatch"),
                Some(Text::new("cert-fix-key-mismatch")),
            ),
            ImportError::NameMismatch { host, names } => (
                Text::new("cert-name-mismatch")
                    .arg("host", host)
                    .arg("names", names),
                Some(
                    Text::new("cert-fix-name-mismatch")
                        .arg("host", host)
                        .arg("parent", parent),
                ),
            ),
            ImportError::ChainIncomplete { issuer } => (
                Text::new("cert-chain-incomplete").arg("issuer", issuer),
                Some(Text::new("cert-fix-chain-incomplete")),
            ),
            ImportError::ChainBadSignature { .. } => (Text::new("cert-chain-bad-signature"), None),
            ImportError::Expired(d) => (
                Text::new("cert-expired").arg("date", d),
                Some(Text::new("cert-fix-expired")),
            ),
            ImportError::NotYetValid(d) => (
                Text::new("cert-not-yet-valid").arg("date", d),
                Some(Text::new("cert-fix-not-yet-valid")),
            ),
            ImportError::Refused { file, why } => (why.text(file), None),
            ImportError::TooCostly(n) => (
                Text::new("cert-import-too-costly")
                    .num("count", n)
                    .num("max", cost::MAX_ITERATIONS),
                Some(Text::new("cert-fix-too-costly")),
            ),
            ImportError::LeafIsCa => (
                Text::new("cert-leaf-is-ca"),
                Some(Text::new("cert-fix-leaf-is-ca")),
            ),
        };
        let f = Finding::new(summary).detail(self.to_string());
        match fix {
            Some(t) => f.fix(t),
            None => f,
        }
    }
}

/// A certificate chain (leaf first) with its key. The key is never shown
/// in debug output.
pub struct Material {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
}

impl std::fmt::Debug for Material {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Material")
            .field("chain_len", &self.chain.len())
            .field("key", &"<hidden>")
            .finish()
    }
}

/// A certificate file with its chain is a few KiB.
const MAX_FILE: u64 = 1024 * 1024;

/// The path the person named is resolved once (certbot's `live/` names
/// are symlinks); the file it names is then opened without following a
/// symlink, without blocking on a FIFO, and only as a regular file below
/// `MAX_FILE` (`atomic::read_bytes`).
fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| match crate::io::atomic::refused_of(&e) {
        Some(why) => ImportError::Refused {
            file: file.clone(),
            why: why.clone(),
        },
        None => ImportError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        },
    };
    let real = std::fs::canonicalize(path).map_err(unreadable)?;
    crate::io::atomic::read_bytes(&real, MAX_FILE, true).map_err(unreadable)
}

/// Reads `.pfx`/`.p12` as PKCS#12, anything else as PEM (the key may sit
/// in the same file as the chain or in `key_path`).
pub fn load(
    path: &Path,
    key_path: Option<&PathBuf>,
    passphrase: Option<&str>,
) -> Result<Material, ImportError> {
    let data = read(path)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "pfx"
        || ext == "p12"
        || !data.starts_with(b"-----") && !data.is_empty() && data[0] == 0x30
    {
        return load_pkcs12(&data, passphrase);
    }
    let key_data = match key_path {
        Some(k) => read(k)?,
        None => data.clone(),
    };
    load_pem(&data, &key_data, passphrase)
}

pub fn load_pem(
    chain_pem: &[u8],
    key_pem: &[u8],
    passphrase: Option<&str>,
) -> Result<Material, ImportError> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(chain_pem)
        .filter_map(Result::ok)
        .collect();
    if chain.is_empty() {
        return Err(ImportError::NoCertificate);
    }
    Ok(Material {
        chain,
        key: load_key_pem(key_pem, passphrase)?,
    })
}

/// PKCS#8, SEC1 ("EC PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") and
/// encrypted PKCS#8. The legacy OpenSSL encryption (MD5-based key
/// derivation) is refused with a conversion hint rather than implemented.
pub fn load_key_pem(
    pem: &[u8],
    passphrase: Option<&str>,
) -> Result<PrivateKeyDer<'static>, ImportError> {
    let text = String::from_utf8_lossy(pem);
    if text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(ImportError::LegacyEncrypted);
    }
    if let Some(block) = pem_block(&text, "ENCRYPTED PRIVATE KEY") {
        let pass = passphrase.ok_or(ImportError::NeedsPassphrase)?;
        let (_, der) =
            pkcs8::der::pem::decode_vec(block.as_bytes()).map_err(|e| ImportError::Unreadable {
                file: "key".into(),
                reason: e.to_string(),
            })?;
        let enc = pkcs8::EncryptedPrivateKeyInfo::try_from(der.as_slice())
            .map_err(|e| ImportError::UnsupportedKey(e.to_string()))?;
        let doc = enc
            .decrypt(pass)
            .map_err(|_| ImportError::WrongPassphrase)?;
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(doc.as_bytes().to_vec()));
        // A wrong passphrase can decrypt to well-padded garbage.
        signing_key(&key).map_err(|_| ImportError::WrongPassphrase)?;
        return Ok(key);
    }
    PrivateKeyDer::from_pem_slice(pem).map_err(|_| ImportError::NoKey)
}

fn pem_block<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)?;
    let stop = text[start..].find(&end)? + start + end.len();
    text.get(start..stop)
}

pub fn load_pkcs12(data: &[u8], passphrase: Option<&str>) -> Result<Material, ImportError> {
    cost::check(data).map_err(ImportError::TooCostly)?;
    let store = match p12_keystore::KeyStore::from_pkcs12(data, passphrase.unwrap_or("")) {
        Ok(s) => s,
        Err(p12_keystore::error::Error::MacError(_))
        | Err(p12_keystore::error::Error::UnpadError) => {
            return Err(match passphrase {
                None | Some("") => ImportError::NeedsPassphrase,
                Some(_) => ImportError::WrongPassphrase,
            });
        }
        Err(e) => {
            return Err(ImportError::Unreadable {
                file: "PKCS#12".into(),
                reason: e.to_string(),
            });
        }
    };
    // The MAC is verified by now, so the content may be rewritten.
    let store = match store.private_key_chain() {
        Some(_) => store,
        None => plain_key::shroud(data, passphrase.unwrap_or(""))
            .and_then(|d| p12_keystore::KeyStore::from_pkcs12(&d, passphrase.unwrap_or("")).ok())
            .ok_or(ImportError::NoKey)?,
    };
    let (_, entry) = store.private_key_chain().ok_or(ImportError::NoKey)?;
    let chain: Vec<CertificateDer<'static>> = entry
        .chain()
        .iter()
        .map(|c| CertificateDer::from(c.as_der().to_vec()))
        .collect();
    if chain.is_empty() {
        return Err(ImportError::NoCertificate);
    }
    Ok(Material {
        chain,
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(entry.key().to_vec())),
    })
}

fn signing_key(key: &PrivateKeyDer<'_>) -> Result<Arc<dyn SigningKey>, ImportError> {
    default_provider()
        .key_provider
        .load_private_key(key.clone_key())
        .map_err(|e| ImportError::UnsupportedKey(e.to_string()))
}

fn parse(der: &[u8]) -> Result<X509Certificate<'_>, ImportError> {
    X509Certificate::from_der(der)
        .map(|(_, c)| c)
        .map_err(|e| ImportError::Unreadable {
            file: "certificate".into(),
            reason: e.to_string(),
        })
}

fn day(t: OffsetDateTime) -> String {
    t.format(format_description!("[day].[month].[year]"))
        .unwrap_or_else(|_| t.to_string())
}

/// A SAN entry covers `host` exactly or as a wildcard over one label.
pub fn name_matches(pattern: &str, host: &str) -> bool {
    let (p, h) = (
        pattern.to_ascii_lowercase(),
        host.trim_end_matches('.').to_ascii_lowercase(),
    );
    match p.strip_prefix("*.") {
        Some(rest) => h
            .split_once('.')
            .is_some_and(|(label, tail)| !label.is_empty() && tail == rest),
        None => p == h,
    }
}

/// Key matches, name covers `host`, chain complete up to a self-signed
/// root or one of `anchors`, and valid at `now`, in that order.
pub fn check(
    material: &Material,
    host: &str,
    anchors: &[CertificateDer<'_>],
    now: OffsetDateTime,
) -> Result<CertInfo, ImportError> {
    let leaf_der = material.chain.first().ok_or(ImportError::NoCertificate)?;
    let leaf = parse(leaf_der)?;
    // A CA certificate can sign certificates for any name; it is never
    // what a server presents as its own.
    if leaf
        .basic_constraints()
        .ok()
        .flatten()
        .is_some_and(|bc| bc.value.ca)
    {
        return Err(ImportError::LeafIsCa);
    }

    let signer = signing_key(&material.key)?;
    let spki = signer
        .public_key()
        .ok_or_else(|| ImportError::UnsupportedKey("no public key".into()))?;
    let (_, key_spki) = SubjectPublicKeyInfo::from_der(spki.as_ref())
        .map_err(|e| ImportError::UnsupportedKey(e.to_string()))?;
    if key_spki.subject_public_key.data != leaf.public_key().subject_public_key.data {
        return Err(ImportError::KeyMismatch);
    }

    let names = crate::io::acme::certinfo_dns_names(&leaf);
    if !names.iter().any(|n| name_matches(n, host)) {
        return Err(ImportError::NameMismatch {
            host: host.to_string(),
            names: names.join(", "),
        });
    }

    let certs = material
        .chain
        .iter()
        .map(|d| parse(d))
        .collect::<Result<Vec<_>, _>>()?;
    for pair in certs.windows(2) {
        if pair[0]
            .verify_signature(Some(pair[1].public_key()))
            .is_err()
        {
            return Err(ImportError::ChainBadSignature {
                subject: pair[0].subject().to_string(),
            });
        }
    }
    let last = certs.last().ok_or(ImportError::NoCertificate)?;
    let self_signed =
        last.subject().as_raw() == last.issuer().as_raw() && last.verify_signature(None).is_ok();
    let anchored = anchors.iter().filter_map(|a| parse(a).ok()).any(|a| {
        a.subject().as_raw() == last.issuer().as_raw()
            && last.verify_signature(Some(a.public_key())).is_ok()
    });
    if !self_signed && !anchored {
        let issuer = last
            .issuer()
            .iter_common_name()
            .next()
            .and_then(|c| c.as_str().ok())
            .map(str::to_string)
            .unwrap_or_else(|| last.issuer().to_string());
        return Err(ImportError::ChainIncomplete { issuer });
    }

    let info = CertInfo::from_der(leaf_der).map_err(|e| ImportError::Unreadable {
        file: "certificate".into(),
        reason: e.to_string(),
    })?;
    if now < info.not_before {
        return Err(ImportError::NotYetValid(day(info.not_before)));
    }
    if now > info.not_after {
        return Err(ImportError::Expired(day(info.not_after)));
    }
    Ok(info)
}

/// The chain and key as PEM, ready for `acme::write_versioned`.
pub fn to_pem(material: &Material) -> (String, String) {
    let block = |label: &str, der: &[u8]| {
        pkcs8::der::pem::encode_string(label, pkcs8::der::pem::LineEnding::LF, der)
            .unwrap_or_default()
    };
    let chain = material
        .chain
        .iter()
        .map(|c| block("CERTIFICATE", c.as_ref()))
        .collect::<String>();
    let key = match &material.key {
        PrivateKeyDer::Pkcs1(k) => block("RSA PRIVATE KEY", k.secret_pkcs1_der()),
        PrivateKeyDer::Sec1(k) => block("EC PRIVATE KEY", k.secret_sec1_der()),
        PrivateKeyDer::Pkcs8(k) => block("PRIVATE KEY", k.secret_pkcs8_der()),
        _ => String::new(),
    };
    (chain, key)
}

#[cfg(test)]
mod tests {
    use super::name_matches;

    #[test]
    fn wildcard_covers_exactly_one_label() {
        assert!(name_matches("termine.praxis.ch", "TERMINE.praxis.ch"));
        assert!(name_matches("*.praxis.ch", "termine.praxis.ch"));
        assert!(!name_matches("*.praxis.ch", "a.termine.praxis.ch"));
        assert!(!name_matches("*.praxis.ch", "praxis.ch"));
        assert!(!name_matches("praxis.ch", "termine.praxis.ch"));
    }
}
