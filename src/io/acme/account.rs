//! The ACME account: one per directory URL, its credentials in a 0600 file
//! in the state directory, created only after the person accepted the CA's
//! terms of service.

use std::path::{Path, PathBuf};

use instant_acme::{Account, AccountCredentials, NewAccount};
use serde::{Deserialize, Serialize};

use super::files::sha256_short;
use super::http::{DirectoryChoice, HttpClient};
use super::{AcmeError, Progress, Stage};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("empty")]
    Empty,
    #[error("needs exactly one @")]
    At,
    #[error("the part before @ is not allowed")]
    Local,
    #[error("the domain after @ is not a valid name")]
    Domain,
}

/// A syntax check only: a typo in the address is the common mistake, and
/// a DNS lookup would tell nothing about whether the mailbox exists.
pub fn validate_email(email: &str) -> Result<String, EmailError> {
    let e = email.trim();
    if e.is_empty() {
        return Err(EmailError::Empty);
    }
    let (local, domain) = match e.split_once('@') {
        Some((l, d)) if !d.contains('@') => (l, d),
        _ => return Err(EmailError::At),
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    if !local_ok {
        return Err(EmailError::Local);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()));
    if !domain_ok {
        return Err(EmailError::Domain);
    }
    Ok(e.to_string())
}

/// What the directory tells before an account exists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct DirectoryInfo {
    #[serde(skip)]
    pub url: String,
    #[serde(default)]
    pub meta: DirectoryMeta,
    /// The ARI endpoint, when the CA offers one (Let's Encrypt does,
    /// Pebble 2.4 does not).
    #[serde(rename = "renewalInfo", default)]
    pub renewal_info: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct DirectoryMeta {
    #[serde(rename = "termsOfService", default)]
    pub terms_of_service: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

impl DirectoryInfo {
    pub async fn fetch(http: &HttpClient, url: &str) -> Result<DirectoryInfo, AcmeError> {
        let (parts, body) = http.get(url).await?;
        let bad = |reason: String| AcmeError::Directory {
            url: url.to_string(),
            reason,
        };
        if !parts.status.is_success() {
            return Err(bad(format!("HTTP {}", parts.status)));
        }
        let mut info: DirectoryInfo =
            serde_json::from_slice(&body).map_err(|e| bad(e.to_string()))?;
        info.url = url.to_string();
        Ok(info)
    }

    pub fn terms_of_service(&self) -> Option<&str> {
        self.meta.terms_of_service.as_deref()
    }
}

/// The stored account; the key inside never leaves this file.
#[derive(Serialize, Deserialize)]
pub struct AccountFile {
    pub directory: String,
    pub email: String,
    pub terms_of_service: Option<String>,
    credentials: AccountCredentials,
}

impl std::fmt::Debug for AccountFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountFile")
            .field("directory", &self.directory)
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

impl AccountFile {
    /// One file per directory URL, so staging, production and a test CA
    /// never share (or overwrite) an account.
    pub fn path(state_dir: &Path, directory_url: &str) -> PathBuf {
        state_dir.join("acme").join(format!(
            "account-{}.json",
            sha256_short(directory_url.as_bytes())
        ))
    }
}

/// An open account on one CA.
#[derive(Clone)]
pub struct Acme {
    pub(crate) account: Account,
    pub(crate) http: HttpClient,
    pub directory: DirectoryInfo,
    pub choice: DirectoryChoice,
    pub state_dir: PathBuf,
    /// Whether this run created the account (false: reused from the file).
    pub created: bool,
}

impl Acme {
    /// The directory alone: the UI shows the terms of service from here
    /// before asking for acceptance.
    pub async fn directory(choice: &DirectoryChoice) -> Result<DirectoryInfo, AcmeError> {
        let http = HttpClient::new(choice)?;
        DirectoryInfo::fetch(&http, &choice.url()).await
    }

    /// Whether an account for this CA is already stored.
    pub fn has_account(state_dir: &Path, choice: &DirectoryChoice) -> bool {
        AccountFile::path(state_dir, &choice.url()).exists()
    }

    /// Reuses the stored account for this CA, or creates one. A new one
    /// needs a valid e-mail and `terms_accepted`.
    pub async fn open(
        choice: &DirectoryChoice,
        state_dir: &Path,
        email: &str,
        terms_accepted: bool,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<Acme, AcmeError> {
        progress(Progress::Stage(Stage::Account));
        let http = HttpClient::new(choice)?;
        let url = choice.url();
        let directory = DirectoryInfo::fetch(&http, &url).await?;
        let path = AccountFile::path(state_dir, &url);
        let host = "";
        if path.exists() {
            let text = crate::io::safe_dir::read(&path).map_err(AcmeError::file(&path))?;
            let stored: AccountFile =
                serde_json::from_slice(&text).map_err(|e| AcmeError::AccountFile {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
            let account = Account::builder_with_http(http.boxed())
                .from_credentials(stored.credentials)
                .await
                .map_err(|e| super::error::from_acme(e, host))?;
            return Ok(Acme {
                account,
                http,
                directory,
                choice: choice.clone(),
                state_dir: state_dir.to_path_buf(),
                created: false,
            });
        }
        let email = validate_email(email).map_err(|reason| AcmeError::Email {
            email: email.to_string(),
            reason,
        })?;
        if !terms_accepted {
            return Err(AcmeError::TermsNotAccepted);
        }
        let contact = format!("mailto:{email}");
        let (account, credentials) = Account::builder_with_http(http.boxed())
            .create(
                &NewAccount {
                    contact: &[&contact],
                    terms_of_service_agreed: true,
                    only_return_existing: false,
                },
                url.clone(),
                None,
            )
            .await
            .map_err(|e| super::error::from_acme(e, host))?;
        let stored = AccountFile {
            directory: url,
            email,
            terms_of_service: directory.terms_of_service().map(str::to_string),
            credentials,
        };
        let json = serde_json::to_vec_pretty(&stored).map_err(|e| AcmeError::AccountFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        write_private_atomic(&path, &json)?;
        Ok(Acme {
            account,
            http,
            directory,
            choice: choice.clone(),
            state_dir: state_dir.to_path_buf(),
            created: true,
        })
    }

    pub fn account_id(&self) -> &str {
        self.account.id()
    }
}

/// Temp file created 0600, synced, renamed: a crash leaves the old file or
/// the new one, never half a key.
pub(crate) fn write_private_atomic(path: &Path, data: &[u8]) -> Result<(), AcmeError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    AcmeError::ensure_dir(dir)?;
    crate::io::atomic::write_atomic(path, data, 0o600).map_err(AcmeError::file(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_syntax() {
        assert_eq!(
            validate_email(" praxis@example.ch "),
            Ok("praxis@example.ch".into())
        );
        assert!(validate_email("dr.muster+tls@praxis-muster.ch").is_ok());
        assert_eq!(validate_email(""), Err(EmailError::Empty));
        assert_eq!(validate_email("praxis.example.ch"), Err(EmailError::At));
        assert_eq!(validate_email("a@b@c.ch"), Err(EmailError::At));
        assert_eq!(validate_email("a..b@example.ch"), Err(EmailError::Local));
        assert_eq!(validate_email("praxis@localhost"), Err(EmailError::Domain));
        assert_eq!(
            validate_email("praxis@exa mple.ch"),
            Err(EmailError::Domain)
        );
        assert_eq!(validate_email("praxis@-x.ch"), Err(EmailError::Domain));
    }
}
