//! Puts a certificate (the practice's own, or one from Let's Encrypt) where
//! Express Gateway takes it from, in certbot's layout, and names it in
//! `gateway.config.yml`. Plan first (checks, diff, nothing written), then
//! apply through the journal.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};

use crate::core::Text;
use crate::core::library::express_gateway::{
    CERT, CHAIN, CertbotFiles, GatewayError, GatewayLayout, GatewayTls, PRIVKEY, certbot_files,
    edit_config,
};
use crate::core::library::orthanc::ConfigEdit;
use crate::io::journal::{Journal, JournalError};
use crate::io::store::{StoreError, show};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewaySetup {
    /// `gateway.config.yml` on this machine.
    pub config: PathBuf,
    /// The directory on this machine that Express Gateway sees as
    /// `layout.root` (the seed's shared `/etc/letsencrypt` volume).
    pub disk_root: PathBuf,
    pub layout: GatewayLayout,
    /// The gateway's own host name (not `termine.…`).
    pub host: String,
    pub port: u16,
}

impl GatewaySetup {
    fn live_dir(&self) -> PathBuf {
        self.disk_root.join(self.layout.live_dir())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GatewayIoError {
    #[error("{path}: {source}")]
    Content { path: String, source: GatewayError },
    #[error(transparent)]
    State(#[from] StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("the private key does not belong to the certificate")]
    KeyMismatch,
    #[error("the certificate cannot be read: {0}")]
    BadCertificate(String),
    #[error("the certificate is not for {host} (it names: {names})")]
    WrongName { host: String, names: String },
}

impl GatewayIoError {
    pub fn text(&self) -> Text {
        match self {
            GatewayIoError::Content { path, source } => source.text(path),
            GatewayIoError::State(e) => e.text(),
            GatewayIoError::Journal(e) => e.text(),
            GatewayIoError::KeyMismatch => Text::new("gateway-key-mismatch"),
            GatewayIoError::BadCertificate(detail) => {
                Text::new("gateway-certificate-unreadable").arg("detail", detail.clone())
            }
            GatewayIoError::WrongName { host, names } => {
                Text::new("gateway-certificate-wrong-name")
                    .arg("host", host.clone())
                    .arg("names", names.clone())
            }
        }
    }
}

/// What applying would write.
#[derive(Debug)]
pub struct GatewayPlan {
    pub edit: ConfigEdit,
    files: CertbotFiles,
    config_mode: u32,
}

impl GatewayPlan {
    pub fn text(&self, setup: &GatewaySetup) -> Text {
        Text::new("gateway-plan")
            .arg("host", setup.host.clone())
            .arg("dir", show(&setup.live_dir()))
            .arg("config", show(&setup.config))
    }
}

/// Checks the certificate (parses, belongs to the key, names the host),
/// splits it into certbot's files and computes the config edit.
pub fn plan(
    setup: &GatewaySetup,
    fullchain_pem: &str,
    key_pem: &str,
) -> Result<GatewayPlan, GatewayIoError> {
    let content = |path: &str| {
        let path = path.to_string();
        move |source| GatewayIoError::Content { path, source }
    };
    let files = certbot_files(fullchain_pem, key_pem).map_err(content("PEM"))?;
    check_pair(&files, &setup.host)?;
    let original =
        crate::io::atomic::read_small(&setup.config, crate::core::library::limits::MAX_FILE_BYTES)
            .map_err(|e| StoreError::io(&setup.config, e))?;
    let config_mode = fs::metadata(&setup.config)
        .map_err(|e| StoreError::io(&setup.config, e))?
        .permissions()
        .mode()
        & 0o7777;
    let tls = GatewayTls::for_layout(&setup.host, &setup.layout, setup.port);
    let label = show(&setup.config);
    let edit = edit_config(&original, &tls, &label).map_err(content(&label))?;
    Ok(GatewayPlan {
        edit,
        files,
        config_mode,
    })
}

fn check_pair(files: &CertbotFiles, host: &str) -> Result<(), GatewayIoError> {
    let bad = |e: String| GatewayIoError::BadCertificate(e);
    let mut certs: Vec<CertificateDer<'static>> = Vec::new();
    for pem in [&files.cert, &files.chain] {
        for c in CertificateDer::pem_slice_iter(pem.as_bytes()) {
            certs.push(c.map_err(|e| bad(e.to_string()))?);
        }
    }
    let key =
        PrivateKeyDer::from_pem_slice(files.privkey.as_bytes()).map_err(|e| bad(e.to_string()))?;
    let signer = rustls::crypto::ring::sign::any_supported_type(&key)
        .map_err(|_| GatewayIoError::KeyMismatch)?;
    let leaf = certs
        .first()
        .cloned()
        .ok_or_else(|| bad("no certificate".into()))?;
    CertifiedKey::new(certs, signer)
        .keys_match()
        .map_err(|_| GatewayIoError::KeyMismatch)?;

    let (_, x509) = X509Certificate::from_der(&leaf).map_err(|e| bad(e.to_string()))?;
    let names: Vec<String> = match x509.subject_alternative_name() {
        Ok(Some(san)) => san
            .value
            .general_names
            .iter()
            .filter_map(|n| match n {
                GeneralName::DNSName(d) => Some(d.to_ascii_lowercase()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let covers = |n: &String| {
        *n == host
            || n.strip_prefix("*.")
                .is_some_and(|base| host.split_once('.').is_some_and(|(_, rest)| rest == base))
    };
    if names.iter().any(covers) {
        Ok(())
    } else {
        Err(GatewayIoError::WrongName {
            host,
            names: names.join(", "),
        })
    }
}

/// Writes the three files (key 0600), then the configuration: the gateway
/// is never pointed at files that are not there yet.
pub fn apply(
    journal: &mut Journal,
    setup: &GatewaySetup,
    plan: &GatewayPlan,
) -> Result<Vec<u64>, GatewayIoError> {
    let dir = setup.live_dir();
    ensure_dir(&dir)?;
    let mut entries = Vec::new();
    let what = |f: &str| format!("Express Gateway {f} for {}", setup.host);
    for (name, bytes, mode) in [
        (PRIVKEY, &plan.files.privkey, 0o600),
        (CERT, &plan.files.cert, 0o644),
        (CHAIN, &plan.files.chain, 0o644),
    ] {
        entries.push(journal.write_file(&dir.join(name), bytes.as_bytes(), mode, what(name))?);
    }
    if plan.edit.changed() {
        entries.push(journal.write_file(
            &setup.config,
            plan.edit.text.as_bytes(),
            plan.config_mode,
            what("configuration"),
        )?);
    }
    Ok(entries)
}

fn ensure_dir(dir: &Path) -> Result<(), GatewayIoError> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    // Only the key is private (0600); the certificates are public, and a
    // gateway running under its own user must be able to enter the folder.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
        .map_err(|e| StoreError::io(dir, e))?;
    Ok(())
}
