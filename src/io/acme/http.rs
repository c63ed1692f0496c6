//! One HTTPS client for the ACME protocol (through instant-acme) and for the
//! plain GETs instant-acme does not expose: the directory's terms of service
//! and ARI.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use bytes::Bytes;
use http_body_util::BodyExt as _;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use instant_acme::{BodyWrapper, BytesResponse, LetsEncrypt};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject as _;
use serde::{Deserialize, Serialize};

use super::AcmeError;

/// Which CA to talk to. Staging first, production second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DirectoryChoice {
    LetsEncryptStaging,
    LetsEncryptProduction,
    /// A test CA (Pebble) or a company CA, with the root that signs its
    /// HTTPS listener.
    Custom {
        url: String,
        root_pem: PathBuf,
    },
}

impl DirectoryChoice {
    pub fn url(&self) -> String {
        match self {
            DirectoryChoice::LetsEncryptStaging => LetsEncrypt::Staging.url().to_string(),
            DirectoryChoice::LetsEncryptProduction => LetsEncrypt::Production.url().to_string(),
            DirectoryChoice::Custom { url, .. } => url.clone(),
        }
    }

    /// Rate-limit guarding applies to production only.
    pub fn is_production(&self) -> bool {
        matches!(self, DirectoryChoice::LetsEncryptProduction)
    }
}

type Inner = Client<HttpsConnector<HttpConnector>, BodyWrapper<Bytes>>;

#[derive(Clone)]
pub struct HttpClient {
    inner: Inner,
}

impl HttpClient {
    pub fn new(choice: &DirectoryChoice) -> Result<HttpClient, AcmeError> {
        let builder = match choice {
            DirectoryChoice::Custom { root_pem, .. } => {
                let bad = |reason: String| AcmeError::TrustAnchor {
                    path: root_pem.clone(),
                    reason,
                };
                let mut roots = rustls::RootCertStore::empty();
                for der in
                    CertificateDer::pem_file_iter(root_pem).map_err(|e| bad(e.to_string()))?
                {
                    let der = der.map_err(|e| bad(e.to_string()))?;
                    roots.add(der).map_err(|e| bad(e.to_string()))?;
                }
                if roots.is_empty() {
                    return Err(bad("no certificate in the file".into()));
                }
                let config = rustls::ClientConfig::builder()
                    .with_root_certificates(roots)
                    .with_no_client_auth();
                HttpsConnectorBuilder::new().with_tls_config(config)
            }
            _ => HttpsConnectorBuilder::new()
                .try_with_platform_verifier()
                .map_err(|e| AcmeError::Http {
                    url: choice.url(),
                    reason: e.to_string(),
                })?,
        };
        // Without TCP_NODELAY each small JWS POST waits for the server's
        // delayed ACK (about 40 ms a request on Linux).
        let mut tcp = HttpConnector::new();
        tcp.set_nodelay(true);
        tcp.enforce_http(false);
        let connector = builder.https_only().enable_http1().wrap_connector(tcp);
        Ok(HttpClient {
            inner: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// For instant-acme's account builder.
    pub(crate) fn boxed(&self) -> Box<dyn instant_acme::HttpClient> {
        Box::new(Transport(self.inner.clone()))
    }

    /// A plain GET: status, headers and body.
    pub async fn get(&self, url: &str) -> Result<(http::response::Parts, Bytes), AcmeError> {
        let fail = |reason: String| AcmeError::Http {
            url: url.to_string(),
            reason,
        };
        let req = http::Request::get(url)
            .header(http::header::USER_AGENT, "praxis-tls")
            .body(BodyWrapper::default())
            .map_err(|e| fail(e.to_string()))?;
        let rsp = self
            .inner
            .request(req)
            .await
            .map_err(|e| fail(e.to_string()))?;
        let (parts, body) = rsp.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|e| fail(e.to_string()))?
            .to_bytes();
        Ok((parts, body))
    }
}

/// The client as instant-acme's transport. Written here, not taken from
/// instant-acme's `hyper-rustls` feature: that feature switches on HTTP/2
/// in hyper (the h2 crate, about 0.4 MiB of the binary) and a second root
/// store, neither of which an ACME client on HTTP/1.1 needs.
struct Transport(Inner);

impl instant_acme::HttpClient for Transport {
    fn request(
        &self,
        req: http::Request<BodyWrapper<Bytes>>,
    ) -> Pin<Box<dyn Future<Output = Result<BytesResponse, instant_acme::Error>> + Send>> {
        let sent = self.0.request(req);
        Box::pin(async move {
            sent.await
                .map(BytesResponse::from)
                .map_err(|e| instant_acme::Error::Other(Box::new(e)))
        })
    }
}
