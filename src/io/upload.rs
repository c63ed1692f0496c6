//! The certificate upload through Elexis-OOB's admin app, for when the
//! wizard cannot run on the server itself: `POST http://<server>:3000/
//! manage/certsend`, multipart fields `cert` and `privkey`, file names
//! `termine.<domain>.crt|.key`.
//!
//! The admin app writes each file as sent into `webelexisdata` (which the
//! internet-facing appointment app can read), over plain HTTP, without a
//! login; it always answers 200 with "Das Schlüsselpaar wurde installiert",
//! and current releases may write nothing at all. So: the UI shows
//! [`warning`] first, and a sent upload is only [`Sent`] — "sent, not yet
//! confirmed" — until the final check sees the new certificate
//! ([`Sent::confirm`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use time::OffsetDateTime;

use crate::core::{Finding, Outcome, Text};
use crate::io::cert_import::ImportError;
use crate::io::http_client;

pub const ADMIN_PORT: u16 = 3000;
pub const UPLOAD_PATH: &str = "/manage/certsend";
/// What the admin app's page says, whether or not it wrote anything.
pub const SUCCESS_TEXT: &str = "Das Schlüsselpaar wurde installiert";

/// `termine.<domain>.crt` and `.key`, as the seed chapter names them.
pub fn file_names(host: &str) -> (String, String) {
    (format!("{host}.crt"), format!("{host}.key"))
}

/// Shown before the upload, with its own confirmation: plain HTTP, and a
/// folder the internet-facing app can read.
pub fn warning(server: SocketAddr) -> Text {
    Text::new("upload-warning").arg("server", server.to_string())
}

/// What to send where.
#[derive(Debug, Clone)]
pub struct Upload<'a> {
    /// The Elexis-OOB server's admin app, usually `<ip>:3000`.
    pub server: SocketAddr,
    /// `termine.<domain>`.
    pub host: &'a str,
    pub chain_pem: &'a Path,
    pub key_pem: &'a Path,
    pub timeout: Duration,
    pub now: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("cannot read {path}: {error}")]
    Read { path: PathBuf, error: String },
    #[error("the certificate does not fit {host}: {error}")]
    Certificate { host: String, error: ImportError },
    #[error("{url}: connection refused")]
    Refused { url: String },
    #[error("{url}: no answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: server error {status}")]
    ServerError { url: String, status: u16 },
    #[error("{url}: unexpected status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: {error}")]
    Network { url: String, error: String },
    #[error("{url}: the answer is not HTTP")]
    NoHttp { url: String },
}

impl UploadError {
    pub fn text(&self) -> Text {
        match self {
            UploadError::Read { path, error } => Text::new("upload-file-unreadable")
                .arg("file", path.display().to_string())
                .arg("error", error.clone()),
            UploadError::Certificate { host, error } => error.finding(host).summary,
            UploadError::Refused { url } => Text::new("upload-refused").arg("url", url.clone()),
            UploadError::Timeout { url, seconds } => Text::new("upload-timeout")
                .arg("url", url.clone())
                .num("seconds", seconds),
            UploadError::ServerError { url, status } => Text::new("upload-server-error")
                .arg("url", url.clone())
                .num("status", status),
            UploadError::Status { url, status } => Text::new("upload-status")
                .arg("url", url.clone())
                .num("status", status),
            UploadError::Network { url, error } => Text::new("upload-network")
                .arg("url", url.clone())
                .arg("error", error.clone()),
            UploadError::NoHttp { url } => Text::new("upload-no-http").arg("url", url.clone()),
        }
    }

    /// What the person can do about it; every failure leaves them with a
    /// next step, since the page itself never says anything useful.
    pub fn fix(&self) -> Option<Text> {
        match self {
            UploadError::Read { .. } => Some(Text::new("upload-file-unreadable-fix")),
            UploadError::Certificate { host, error } => error.finding(host).fix,
            UploadError::Timeout { .. } => Some(Text::new("upload-timeout-fix")),
            UploadError::ServerError { .. } => Some(Text::new("upload-server-error-fix")),
            UploadError::Refused { .. }
            | UploadError::Status { .. }
            | UploadError::Network { .. }
            | UploadError::NoHttp { .. } => Some(Text::new("upload-check-server-fix")),
        }
    }

    pub fn outcome(&self) -> Outcome {
        let f = Finding::new(self.text()).detail(self.to_string());
        Outcome::Failed(match self.fix() {
            Some(fix) => f.fix(fix),
            None => f,
        })
    }
}

/// Sent, not yet confirmed: the admin app's page proves nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub url: String,
    pub status: u16,
    /// Whether the page carried the success sentence (shown in the detail
    /// only: it is there also when nothing was written).
    pub page_says_installed: bool,
    pub cert_name: String,
    pub key_name: String,
    /// SHA-256 of the leaf sent (DER, lower-case hex): what the final
    /// check must see before the upload counts.
    pub fingerprint: String,
}

impl Sent {
    /// A warning, never a pass: "sent; checking whether it arrived".
    pub fn outcome(&self) -> Outcome {
        Outcome::Warning(
            Finding::new(Text::new("upload-sent-unconfirmed").arg("url", self.url.clone()))
                .fix(Text::new("upload-sent-unconfirmed-fix"))
                .detail(format!(
                    "POST {} -> {}; success page: {}; sha256 {}",
                    self.url, self.status, self.page_says_installed, self.fingerprint
                )),
        )
    }

    /// Judged by what the final check saw on 443 after the restart:
    /// confirmed only when it is the certificate sent.
    pub fn confirm(&self, seen_fingerprint: Option<&str>) -> Outcome {
        let detail = format!(
            "sent sha256 {}; served {}",
            self.fingerprint,
            seen_fingerprint.unwrap_or("nothing")
        );
        if seen_fingerprint.is_some_and(|s| s.eq_ignore_ascii_case(&self.fingerprint)) {
            Outcome::Passed(Finding::new(Text::new("upload-confirmed")).detail(detail))
        } else {
            Outcome::Failed(
                Finding::new(Text::new("upload-not-confirmed"))
                    .fix(Text::new("upload-not-confirmed-fix"))
                    .detail(detail),
            )
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, UploadError> {
    std::fs::read(path).map_err(|e| UploadError::Read {
        path: path.to_path_buf(),
        error: e.to_string(),
    })
}

/// The form as the admin app reads it (RFC 7578): the fields `cert` and
/// `privkey`, each a file. Returns the status and the start of the page.
async fn post(
    client: &reqwest::Client,
    url: &str,
    cert_name: &str,
    chain: Vec<u8>,
    key_name: &str,
    key: Vec<u8>,
) -> Result<(u16, String), reqwest::Error> {
    use reqwest::multipart::{Form, Part};
    let file = |bytes: Vec<u8>, name: &str| {
        Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str("application/octet-stream")
    };
    let form = Form::new()
        .part("cert", file(chain, cert_name)?)
        .part("privkey", file(key, key_name)?);
    let mut response = client
        .post(url)
        .header(reqwest::header::ACCEPT, "text/html")
        .multipart(form)
        .send()
        .await?;
    let status = response.status().as_u16();
    let page = http_client::body_limited(&mut response, 64 * 1024).await;
    Ok((status, String::from_utf8_lossy(&page).into_owned()))
}

/// Checks the pair (key fits, name, validity), then POSTs it once.
pub async fn upload(u: &Upload<'_>) -> Result<Sent, UploadError> {
    let chain = read(u.chain_pem)?;
    let key = read(u.key_pem)?;
    let fingerprint =
        crate::io::golive::validate_pair(u.host, &chain, &key, u.now).map_err(|error| {
            UploadError::Certificate {
                host: u.host.to_string(),
                error,
            }
        })?;
    let (cert_name, key_name) = file_names(u.host);
    let host = match u.server.ip() {
        std::net::IpAddr::V6(a) => format!("[{a}]"),
        a => a.to_string(),
    };
    let url = format!("http://{host}:{}{UPLOAD_PATH}", u.server.port());
    let client = http_client::build(http_client::builder(u.timeout), None).map_err(|error| {
        UploadError::Network {
            url: url.clone(),
            error,
        }
    })?;
    let (status, page) = post(&client, &url, &cert_name, chain, &key_name, key)
        .await
        .map_err(|e| {
            let kind = http_client::io_kind(&e);
            if e.is_timeout() || kind == Some(std::io::ErrorKind::TimedOut) {
                UploadError::Timeout {
                    url: url.clone(),
                    seconds: u.timeout.as_secs(),
                }
            } else if kind == Some(std::io::ErrorKind::ConnectionRefused) {
                UploadError::Refused { url: url.clone() }
            } else if http_client::is_not_http(&e) {
                UploadError::NoHttp { url: url.clone() }
            } else {
                UploadError::Network {
                    url: url.clone(),
                    error: http_client::describe(&e),
                }
            }
        })?;
    match status {
        200..=399 => Ok(Sent {
            url,
            status,
            page_says_installed: page.contains(SUCCESS_TEXT),
            cert_name,
            key_name,
            fingerprint,
        }),
        500..=599 => Err(UploadError::ServerError { url, status }),
        _ => Err(UploadError::Status { url, status }),
    }
}
