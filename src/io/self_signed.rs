//! The last resort: a self-signed certificate for the host, so the site at
//! least speaks HTTPS while a real certificate is sorted out. Browsers warn
//! about it, and everything returned says so.

use rcgen::{CertificateParams, DnType, ExtendedKeyUsagePurpose, KeyPair, KeyUsagePurpose};
use time::{Duration, OffsetDateTime};

use crate::io::acme::{CertInfo, CertInfoError};

/// 397 days: the longest lifetime browsers accept for a server
/// certificate, instead of rcgen's default that runs to the year 4096.
pub const DEFAULT_VALIDITY_DAYS: i64 = 397;

#[derive(Debug, thiserror::Error)]
pub enum SelfSignedError {
    #[error("cannot make the certificate: {0}")]
    Generate(String),
    #[error(transparent)]
    Parse(#[from] CertInfoError),
}

pub struct SelfSigned {
    pub cert_pem: String,
    key_pem: String,
    pub info: CertInfo,
    /// Always true; carried so no caller can mistake it for a trusted one.
    pub self_signed: bool,
    /// The Fluent id of the warning to show beside it.
    pub warning: &'static str,
}

impl SelfSigned {
    pub fn key_pem(&self) -> &str {
        &self.key_pem
    }
}

impl std::fmt::Debug for SelfSigned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SelfSigned")
            .field("info", &self.info)
            .field("self_signed", &self.self_signed)
            .field("key", &"<hidden>")
            .finish()
    }
}

/// A P-256 certificate for `host`, valid from an hour before `now` (clock
/// skew between server and visitors) for `days` days.
pub fn generate(host: &str, now: OffsetDateTime, days: i64) -> Result<SelfSigned, SelfSignedError> {
    let fail = |e: rcgen::Error| SelfSignedError::Generate(e.to_string());
    let key = KeyPair::generate().map_err(fail)?;
    let mut params = CertificateParams::new(vec![host.to_string()]).map_err(fail)?;
    params.distinguished_name.push(DnType::CommonName, host);
    params
        .distinguished_name
        .push(DnType::OrganizationName, "praxis-tls self-signed");
    params.not_before = now - Duration::HOUR;
    params.not_after = now + Duration::days(days);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let cert = params.self_signed(&key).map_err(fail)?;
    let info = CertInfo::from_der(cert.der())?;
    Ok(SelfSigned {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        info,
        self_signed: true,
        warning: "cert-self-signed-warning",
    })
}
