//! Express Gateway as the AIoTES seed (`aiotes-certbot.md`) sets it up:
//! certificates in certbot's layout (`live/<name>/privkey.pem`, `cert.pem`
//! = the leaf alone, `chain.pem` = the intermediates) and a `tls:` entry
//! under `https:` in `gateway.config.yml` that names them.

mod yaml;

use crate::core::Text;
use crate::core::library::orthanc::ConfigEdit;
pub use yaml::set_tls;

/// Where Express Gateway finds the files, as *it* sees the file system
/// (inside its container: `/var/lib/certs`), and the directory name below
/// `live/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayLayout {
    pub root: String,
    pub name: String,
}

impl GatewayLayout {
    /// `live/<name>`, relative to the root.
    pub fn live_dir(&self) -> String {
        format!("live/{}", self.name)
    }

    fn file(&self, file: &str) -> String {
        format!(
            "{}/{}/{file}",
            self.root.trim_end_matches('/'),
            self.live_dir()
        )
    }

    pub fn key_path(&self) -> String {
        self.file(PRIVKEY)
    }

    pub fn cert_path(&self) -> String {
        self.file(CERT)
    }

    pub fn chain_path(&self) -> String {
        self.file(CHAIN)
    }
}

pub const PRIVKEY: &str = "privkey.pem";
pub const CERT: &str = "cert.pem";
pub const CHAIN: &str = "chain.pem";
/// Express Gateway's usual HTTPS port when the file names none.
pub const DEFAULT_HTTPS_PORT: u16 = 8443;

/// The `tls:` entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayTls {
    /// The name clients ask for (SNI), e.g. `api.praxis-muster.ch`.
    pub host: String,
    pub key: String,
    pub cert: String,
    /// The intermediates. Node completes the chain it sends from `ca`
    /// when `cert` holds the leaf alone, as the seed's layout has it.
    pub ca: Option<String>,
    /// Used only when `https:` has no `port:` yet.
    pub port: u16,
}

impl GatewayTls {
    pub fn for_layout(host: &str, layout: &GatewayLayout, port: u16) -> GatewayTls {
        GatewayTls {
            host: host.to_string(),
            key: layout.key_path(),
            cert: layout.cert_path(),
            ca: Some(layout.chain_path()),
            port,
        }
    }
}

/// The three files' contents, split from what the person supplied.
#[derive(Clone, PartialEq, Eq)]
pub struct CertbotFiles {
    pub privkey: String,
    /// The leaf certificate alone.
    pub cert: String,
    /// The intermediates, in order; empty if none were given.
    pub chain: String,
}

impl std::fmt::Debug for CertbotFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key: plans end up in logs.
        f.debug_struct("CertbotFiles")
            .field("cert", &self.cert)
            .field("chain", &self.chain)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GatewayError {
    #[error("no certificate in the PEM data")]
    NoCertificate,
    #[error("no private key in the PEM data")]
    NoKey,
    #[error("the private key is encrypted")]
    EncryptedKey,
    #[error("PEM block opened at line {line} is not closed")]
    BrokenPem { line: usize },
    #[error("not valid YAML at line {line}: {detail}")]
    Yaml { line: usize, detail: String },
    #[error("line {line}: `{key}:` is written in a form this program does not edit")]
    Unsupported { line: usize, key: String },
    #[error("the edited file did not read back as intended")]
    Verify,
    #[error("the file is {0}")]
    Limit(#[from] crate::core::library::limits::TooBig),
}

impl GatewayError {
    /// `path`: the file as the person knows it.
    pub fn text(&self, path: &str) -> Text {
        let t = |id: &str| Text::new(id).arg("path", path);
        match self {
            GatewayError::NoCertificate => t("gateway-no-certificate"),
            GatewayError::NoKey => t("gateway-no-key"),
            GatewayError::EncryptedKey => t("gateway-key-encrypted"),
            GatewayError::BrokenPem { line } => t("gateway-pem-broken").num("line", line),
            GatewayError::Yaml { line, .. } => t("gateway-config-broken").num("line", line),
            GatewayError::Limit(limit) => limit.text(path),
            GatewayError::Unsupported { line, key } => t("gateway-config-unsupported")
                .num("line", line)
                .arg("key", key.clone()),
            GatewayError::Verify => t("gateway-config-verify-failed"),
        }
    }
}

/// One `-----BEGIN x-----` … `-----END x-----` block, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    pub label: String,
    pub text: String,
}

/// The PEM blocks of `pem`, in order; text between blocks is ignored (as
/// `openssl` ignores the "subject=…" lines some exports put there).
pub fn pem_blocks(pem: &str) -> Result<Vec<PemBlock>, GatewayError> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, usize, String)> = None;
    for (i, line) in pem.lines().enumerate() {
        let line = line.trim();
        if let Some((label, start, mut text)) = open.take() {
            text.push_str(line);
            text.push('\n');
            if line == format!("-----END {label}-----") {
                blocks.push(PemBlock { label, text });
            } else if line.starts_with("-----") {
                return Err(GatewayError::BrokenPem { line: start });
            } else {
                open = Some((label, start, text));
            }
        } else if let Some(label) = line
            .strip_prefix("-----BEGIN ")
            .and_then(|l| l.strip_suffix("-----"))
        {
            open = Some((label.to_string(), i + 1, format!("{line}\n")));
        }
    }
    match open {
        Some((_, start, _)) => Err(GatewayError::BrokenPem { line: start }),
        None => Ok(blocks),
    }
}

/// Splits a leaf-plus-chain PEM (as a CA delivers it, or certbot's
/// `fullchain.pem`) and a key PEM into certbot's three files. Whether key
/// and certificate belong together is checked by the io layer.
pub fn certbot_files(fullchain: &str, key: &str) -> Result<CertbotFiles, GatewayError> {
    let certs: Vec<PemBlock> = pem_blocks(fullchain)?
        .into_iter()
        .filter(|b| b.label == "CERTIFICATE")
        .collect();
    let (leaf, chain) = certs.split_first().ok_or(GatewayError::NoCertificate)?;
    let keys = pem_blocks(key)?;
    if keys.iter().any(|b| b.label == "ENCRYPTED PRIVATE KEY") {
        return Err(GatewayError::EncryptedKey);
    }
    let privkey = keys
        .into_iter()
        .find(|b| {
            matches!(
                b.label.as_str(),
                "PRIVATE KEY" | "EC PRIVATE KEY" | "RSA PRIVATE KEY"
            )
        })
        .ok_or(GatewayError::NoKey)?;
    Ok(CertbotFiles {
        privkey: privkey.text,
        cert: leaf.text.clone(),
        chain: chain.iter().map(|b| b.text.as_str()).collect(),
    })
}

/// Sets the entry and returns the edit (see [`set_tls`]).
pub fn edit_config(
    original: &str,
    tls: &GatewayTls,
    label: &str,
) -> Result<ConfigEdit, GatewayError> {
    let text = set_tls(original, tls)?;
    let diff = crate::core::library::orthanc::unified_diff(original, &text, label);
    Ok(ConfigEdit { text, diff })
}
