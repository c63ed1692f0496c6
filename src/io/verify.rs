//! The final check, from the patients' side: does `termine.<domain>:443`
//! present a certificate that verifies, for how long, and does the
//! appointment list answer through it. The exposure check (nothing else
//! reachable) is in `exposure`.

pub mod exposure;
pub mod patients;
mod tls;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use time::OffsetDateTime;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::core::{Finding, Outcome, Text};
pub use tls::{ChainRefused, Roots, sha256_hex};
/// A client that does not judge the certificate, for the router's start
/// page (a certificate of the router's own making).
pub(crate) use tls::{Recording, client_config};

/// A certificate with fewer days left is a warning: renewal should have
/// happened at two thirds of the lifetime.
pub const WARN_DAYS: i64 = 14;
pub const LIST_PATH: &str = "/termin/list";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("no connection to {addr}: {error}")]
    Connect { addr: SocketAddr, error: String },
    #[error("TLS handshake with {addr} failed: {error}")]
    Handshake { addr: SocketAddr, error: String },
    #[error("the trusted certificates cannot be loaded: {0}")]
    Roots(String),
    #[error("{0} is not a valid server name")]
    Name(String),
}

impl VerifyError {
    pub fn text(&self) -> Text {
        match self {
            VerifyError::Connect { addr, .. } => {
                Text::new("verify-connect-failed").arg("address", addr.to_string())
            }
            VerifyError::Handshake { addr, .. } => {
                Text::new("verify-handshake-failed").arg("address", addr.to_string())
            }
            VerifyError::Roots(e) => Text::new("verify-roots-failed").arg("error", e.clone()),
            VerifyError::Name(n) => Text::new("verify-bad-name").arg("host", n.clone()),
        }
    }

    pub fn outcome(&self) -> Outcome {
        Outcome::Failed(Finding::new(self.text()).detail(self.to_string()))
    }
}

/// What the server presented for the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFacts {
    /// SHA-256 of the leaf certificate (DER), lower-case hex.
    pub fingerprint: String,
    /// `Ok` when the chain leads to a trusted root and names the host.
    pub chain: Result<(), ChainRefused>,
    pub not_after: Option<OffsetDateTime>,
    pub days_left: Option<i64>,
    /// The DNS names in the leaf, to show which name a wrong one is for.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermineReport {
    pub host: String,
    pub tls: TlsFacts,
    /// The status of `GET /termin/list`, or why there was none.
    pub list: Result<u16, String>,
}

pub(crate) async fn connect_tcp(
    addr: SocketAddr,
    timeout: Duration,
) -> Result<TcpStream, VerifyError> {
    match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => Err(VerifyError::Connect {
            addr,
            error: e.to_string(),
        }),
        Err(_) => Err(VerifyError::Connect {
            addr,
            error: "timed out".into(),
        }),
    }
}

fn leaf_facts(der: &[u8]) -> (Option<OffsetDateTime>, Vec<String>) {
    use x509_parser::extensions::GeneralName;
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der) else {
        return (None, Vec::new());
    };
    let not_after = OffsetDateTime::from_unix_timestamp(cert.validity().not_after.timestamp()).ok();
    let names = cert
        .subject_alternative_name()
        .ok()
        .flatten()
        .map(|san| {
            san.value
                .general_names
                .iter()
                .filter_map(|n| match n {
                    GeneralName::DNSName(d) => Some(d.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    (not_after, names)
}

/// Connects to `addr` with SNI `host`, judges the chain against `roots`,
/// and asks for the appointment list over the same connection.
pub async fn check_termine(
    addr: SocketAddr,
    host: &str,
    roots: &Roots,
    timeout: Duration,
    now: OffsetDateTime,
) -> Result<TermineReport, VerifyError> {
    let store = tls::load_roots(roots).map_err(VerifyError::Roots)?;
    let verifier = Arc::new(tls::Recording::new(Some(store)));
    let config = tls::client_config(verifier.clone()).map_err(VerifyError::Roots)?;
    let name =
        ServerName::try_from(host.to_string()).map_err(|_| VerifyError::Name(host.to_string()))?;
    let tcp = connect_tcp(addr, timeout).await?;
    let handshake = TlsConnector::from(Arc::new(config)).connect(name, tcp);
    let stream = match tokio::time::timeout(timeout, handshake).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            return Err(VerifyError::Handshake {
                addr,
                error: e.to_string(),
            });
        }
        Err(_) => {
            return Err(VerifyError::Handshake {
                addr,
                error: "timed out".into(),
            });
        }
    };
    let leaf = stream
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|c| c.first())
        .map(|c| c.as_ref().to_vec())
        .ok_or_else(|| VerifyError::Handshake {
            addr,
            error: "no certificate".into(),
        })?;
    let (not_after, names) = leaf_facts(&leaf);
    let tls = TlsFacts {
        fingerprint: sha256_hex(&leaf),
        chain: verifier
            .chain()
            .unwrap_or_else(|| Err(tls::ChainRefused::not_checked())),
        not_after,
        days_left: not_after.map(|t| (t - now).whole_days()),
        names,
    };
    let list = crate::io::http_client::status_within(stream, host, LIST_PATH, timeout).await;
    Ok(TermineReport {
        host: host.to_string(),
        tls,
        list,
    })
}

impl TermineReport {
    /// Right after a restart traefik serves the certificate before its
    /// router for the service is wired (404) or before the service listens
    /// (502, 503, 504, no answer): the final check waits that out like an
    /// old certificate, within its settle time.
    pub fn still_starting(&self) -> bool {
        self.tls.chain.is_ok()
            && match &self.list {
                Err(_) => true,
                Ok(status) => matches!(status, 404 | 502 | 503 | 504),
            }
    }

    /// The verdict. `expected` is the fingerprint of the certificate the
    /// wizard installed: a valid certificate that is not ours means an
    /// old one is still served (restart missing) or a forward goes elsewhere.
    pub fn outcome(&self, expected: Option<&str>) -> Outcome {
        let detail = format!(
            "sha256 {}; names {}; not after {}; GET {LIST_PATH}: {}",
            self.tls.fingerprint,
            self.tls.names.join(", "),
            self.tls
                .not_after
                .map(|t| t.date().to_string())
                .unwrap_or_else(|| "?".into()),
            match &self.list {
                Ok(s) => s.to_string(),
                Err(e) => e.clone(),
            }
        );
        let host = self.host.clone();
        let fail = |t: Text| Outcome::Failed(Finding::new(t).detail(detail.clone()));
        // Expiry before the chain: an expired certificate fails the chain
        // check too, and "expired" is the clearer message.
        let days = self.tls.days_left.unwrap_or(0);
        if days < 0 {
            return fail(Text::new("verify-expired").arg("host", host));
        }
        if let Err(reason) = &self.tls.chain {
            let t = Text::new("verify-chain-bad")
                .arg("host", host)
                .arg("why", reason.why);
            return Outcome::Failed(
                Finding::new(t).detail(format!("{detail}\nchain: {}", reason.detail)),
            );
        }
        if expected.is_some_and(|e| !e.eq_ignore_ascii_case(&self.tls.fingerprint)) {
            return fail(Text::new("verify-other-certificate").arg("host", host));
        }
        match &self.list {
            Ok(s) if (200..400).contains(s) => {}
            Ok(s) => return fail(Text::new("verify-list-status").num("status", s)),
            Err(_) => return fail(Text::new("verify-list-no-answer")),
        }
        let finding =
            |id: &str| Finding::new(Text::new(id).arg("host", host.clone()).num("days", days));
        if days < WARN_DAYS {
            Outcome::Warning(finding("verify-expires-soon").detail(detail.clone()))
        } else {
            Outcome::Passed(finding("verify-passed").detail(detail.clone()))
        }
    }
}
