//! TLS client set-up for the checks: a verifier that records whether the
//! chain verifies instead of aborting, so the fingerprint and expiry of a
//! wrong certificate can still be shown.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, Error, RootCertStore, SignatureScheme};

/// Why a browser would refuse the chain: the key of the plain-words
/// reason (`verify-chain-bad`'s `$why`), taken from the verifier's typed
/// error, and its own words for «Details».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRefused {
    /// `unknown-issuer`, `wrong-name`, `expired`, `not-yet`, `revoked` or
    /// `other`.
    pub why: &'static str,
    pub detail: String,
}

impl ChainRefused {
    fn of(e: &Error) -> ChainRefused {
        use rustls::CertificateError as C;
        let why = match e {
            Error::InvalidCertificate(c) => match c {
                C::UnknownIssuer => "unknown-issuer",
                C::NotValidForName | C::NotValidForNameContext { .. } => "wrong-name",
                C::Expired | C::ExpiredContext { .. } => "expired",
                C::NotValidYet | C::NotValidYetContext { .. } => "not-yet",
                C::Revoked => "revoked",
                _ => "other",
            },
            _ => "other",
        };
        ChainRefused {
            why,
            detail: e.to_string(),
        }
    }

    pub(crate) fn not_checked() -> ChainRefused {
        ChainRefused::unusable_roots("not checked")
    }

    fn unusable_roots(detail: &str) -> ChainRefused {
        ChainRefused {
            why: "other",
            detail: detail.to_string(),
        }
    }
}

/// Which certificates the chain must lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Roots {
    /// The system's, as a patient's browser would use (near enough).
    System,
    /// A PEM file of CA certificates (tests, a practice's own CA).
    CaFile(std::path::PathBuf),
}

pub(crate) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

pub(crate) fn load_roots(roots: &Roots) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    let certs: Vec<CertificateDer<'static>> = match roots {
        Roots::System => rustls_native_certs::load_native_certs().certs,
        Roots::CaFile(p) => read_pem(p)?,
    };
    store.add_parsable_certificates(certs);
    Ok(store)
}

fn read_pem(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[derive(Debug)]
pub(crate) struct Recording {
    inner: Option<Arc<WebPkiServerVerifier>>,
    /// Why the chain cannot be checked at all (no usable roots).
    inner_error: Option<String>,
    provider: Arc<CryptoProvider>,
    /// `None` when the chain is not being judged (exposure probes).
    pub(crate) result: Mutex<Option<Result<(), ChainRefused>>>,
}

impl Recording {
    pub(crate) fn new(roots: Option<RootCertStore>) -> Recording {
        let provider = provider();
        let (inner, inner_error) = match roots {
            Some(r) => {
                match WebPkiServerVerifier::builder_with_provider(Arc::new(r), provider.clone())
                    .build()
                {
                    Ok(v) => (Some(v), None),
                    Err(e) => (None, Some(e.to_string())),
                }
            }
            None => (None, None),
        };
        Recording {
            inner,
            inner_error,
            provider,
            result: Mutex::new(None),
        }
    }

    pub(crate) fn chain(&self) -> Option<Result<(), ChainRefused>> {
        self.result.lock().ok().and_then(|g| g.clone())
    }
}

impl ServerCertVerifier for Recording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let verdict = match (&self.inner, &self.inner_error) {
            (Some(v), _) => Some(
                v.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
                    .map(|_| ())
                    .map_err(|e| ChainRefused::of(&e)),
            ),
            (None, Some(e)) => Some(Err(ChainRefused::unusable_roots(e))),
            (None, None) => None,
        };
        if let Ok(mut g) = self.result.lock() {
            *g = verdict;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

pub(crate) fn client_config(verifier: Arc<Recording>) -> Result<ClientConfig, String> {
    Ok(ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

pub fn sha256_hex(der: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::CertificateError as C;

    /// The plain-words reason comes from the verifier's typed error, never
    /// from its English text.
    #[test]
    fn each_refusal_gets_its_reason() {
        let why = |c: C| ChainRefused::of(&Error::InvalidCertificate(c)).why;
        assert_eq!(why(C::UnknownIssuer), "unknown-issuer");
        assert_eq!(why(C::NotValidForName), "wrong-name");
        assert_eq!(why(C::Expired), "expired");
        assert_eq!(why(C::NotValidYet), "not-yet");
        assert_eq!(why(C::Revoked), "revoked");
        assert_eq!(why(C::BadSignature), "other");
        let r = ChainRefused::of(&Error::InvalidCertificate(C::UnknownIssuer));
        assert!(r.detail.contains("UnknownIssuer"), "{}", r.detail);
    }
}
