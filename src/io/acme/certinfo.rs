//! What the wizard shows and remembers about a certificate chain.

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject as _;
use sha2::{Digest as _, Sha256};
use time::OffsetDateTime;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer as _, X509Certificate};

use crate::core::library::renewal::ari_cert_id;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertInfoError {
    #[error("no certificate in the PEM data")]
    Empty,
    #[error("PEM data cannot be read: {0}")]
    Pem(String),
    #[error("certificate cannot be parsed: {0}")]
    Der(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// The first DNS name (or the CN when there is no SAN).
    pub name: String,
    pub dns_names: Vec<String>,
    /// The issuer's common name, or the whole DN when it has none.
    pub issuer: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// SHA-256 over the leaf's DER, uppercase hex with colons.
    pub fingerprint_sha256: String,
    /// RFC 9773 identifier, when the leaf has an AKI.
    pub ari_id: Option<String>,
    pub self_signed: bool,
}

impl CertInfo {
    pub fn days_left(&self, now: OffsetDateTime) -> i64 {
        crate::core::library::renewal::days_left(self.not_after, now)
    }

    pub fn from_pem_chain(
        pem: &[u8],
    ) -> Result<(CertInfo, Vec<CertificateDer<'static>>), CertInfoError> {
        let chain = CertificateDer::pem_slice_iter(pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| CertInfoError::Pem(e.to_string()))?;
        let leaf = chain.first().ok_or(CertInfoError::Empty)?;
        Ok((CertInfo::from_der(leaf)?, chain))
    }

    pub fn from_der(der: &[u8]) -> Result<CertInfo, CertInfoError> {
        let (_, cert) =
            X509Certificate::from_der(der).map_err(|e| CertInfoError::Der(e.to_string()))?;
        let dns_names = dns_names(&cert);
        let cn = cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|c| c.as_str().ok())
            .map(str::to_string);
        let name = dns_names.first().cloned().or(cn).unwrap_or_default();
        let issuer = cert
            .issuer()
            .iter_common_name()
            .next()
            .and_then(|c| c.as_str().ok())
            .map(str::to_string)
            .unwrap_or_else(|| cert.issuer().to_string());
        let aki = cert
            .extensions()
            .iter()
            .find_map(|e| match e.parsed_extension() {
                ParsedExtension::AuthorityKeyIdentifier(a) => {
                    a.key_identifier.as_ref().map(|k| k.0.to_vec())
                }
                _ => None,
            });
        let serial = cert.tbs_certificate.raw_serial();
        Ok(CertInfo {
            name,
            dns_names,
            issuer,
            not_before: cert.validity().not_before.to_datetime(),
            not_after: cert.validity().not_after.to_datetime(),
            fingerprint_sha256: sha256_hex(der),
            ari_id: aki.map(|k| ari_cert_id(&k, serial)),
            self_signed: cert.subject().as_raw() == cert.issuer().as_raw(),
        })
    }
}

pub(crate) fn dns_names(cert: &X509Certificate<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for n in &san.value.general_names {
            if let GeneralName::DNSName(d) = n {
                out.push(d.to_ascii_lowercase());
            }
        }
    }
    out
}

/// `AB:CD:…`, as browsers show it.
pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}
