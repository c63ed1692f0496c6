//! The one place HTTP clients are made. Every probe connects directly (no
//! proxy, not even one from the environment), follows no redirect unless
//! its caller says so, and is bounded in time and in the bytes it reads.
//! TLS is always rustls with ring, handed to reqwest as a finished
//! configuration, so reqwest brings no crypto provider of its own. Trust
//! roots and `resolve` differ from probe to probe, so each builds its own
//! client; there is no shared one.

use std::error::Error;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Empty;
use hyper_util::rt::TokioIo;
use reqwest::header::{AUTHORIZATION, HOST, USER_AGENT};
use reqwest::{Client, ClientBuilder, Response, redirect};
use tokio::io::{AsyncRead, AsyncWrite};

const AGENT: &str = "praxis-tls";

/// A builder with the rules every probe shares: connect within `limit`,
/// all of it within twice that (a connect and an answer, as the probes
/// always allowed). reqwest's read timeout is not used: it counts from the
/// start, so it would hide a connect timeout behind a response timeout.
/// Header names go out in title case, as browsers and validators send them.
/// Callers add `resolve`, their own total time or redirect policy.
pub fn builder(limit: Duration) -> ClientBuilder {
    Client::builder()
        .no_proxy()
        .redirect(redirect::Policy::none())
        .user_agent(AGENT)
        .http1_only()
        .tcp_nodelay(true)
        .pool_max_idle_per_host(0)
        .http1_title_case_headers()
        .connect_timeout(limit)
        .timeout(limit.saturating_mul(2))
}

/// The client, with `tls` for HTTPS; plain-HTTP probes pass `None` and get
/// a configuration that trusts nothing.
pub fn build(b: ClientBuilder, tls: Option<rustls::ClientConfig>) -> Result<Client, String> {
    let tls = match tls {
        Some(t) => t,
        None => trusting_nothing()?,
    };
    b.use_preconfigured_tls(tls)
        .build()
        .map_err(|e| describe(&e))
}

fn trusting_nothing() -> Result<rustls::ClientConfig, String> {
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_root_certificates(rustls::RootCertStore::empty())
    .with_no_client_auth())
}

/// At most `max` bytes of the body, read chunk by chunk. The head has
/// arrived by now: a body cut short (a reset, a timeout) still leaves the
/// status, as a browser would show what came.
pub async fn body_limited(response: &mut Response, max: usize) -> Vec<u8> {
    let mut body = Vec::new();
    while body.len() < max {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let take = chunk.len().min(max - body.len());
                body.extend_from_slice(&chunk[..take]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    body
}

/// `e` and every cause behind it. An `io::Error` hides the error it wraps
/// from `source()` (a TLS alert inside a failed read), so it is opened too.
pub fn causes<'a>(e: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(e), |&err: &&'a (dyn Error + 'static)| match err
        .downcast_ref::<io::Error>()
    {
        Some(io) => io.get_ref().map(|inner| inner as &(dyn Error + 'static)),
        None => err.source(),
    })
}

/// The kind of the first operating-system error behind `e`: a refused, a
/// reset or a timed-out connection.
pub fn io_kind(e: &(dyn Error + 'static)) -> Option<io::ErrorKind> {
    causes(e).find_map(|c| c.downcast_ref::<io::Error>().map(io::Error::kind))
}

/// Whether what answered did not speak HTTP, or closed before a whole head.
pub fn is_not_http(e: &(dyn Error + 'static)) -> bool {
    causes(e)
        .find_map(|c| c.downcast_ref::<hyper::Error>())
        .is_some_and(|h| h.is_parse() || h.is_incomplete_message())
}

/// The error and its causes in one line («Details»): reqwest's own text
/// names only the URL, the cause says what went wrong.
pub fn describe(e: &(dyn Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    for text in causes(e).map(ToString::to_string) {
        if parts.last() != Some(&text) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

pub type BoxError = Box<dyn Error + Send + Sync>;

/// The status of one GET over a connection the caller opened, by hyper's
/// own client connection: reqwest takes no ready stream, and the final
/// check and the Orthanc probe read the peer's certificate off their own
/// handshake and tell a refused connection from a refused handshake.
pub async fn status_over<S>(
    stream: S,
    host: &str,
    path: &str,
    authorization: Option<&str>,
) -> Result<u16, BoxError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let mut request = http::Request::get(path)
        .header(HOST, host)
        .header(USER_AGENT, AGENT)
        .header(http::header::ACCEPT, "*/*");
    if let Some(a) = authorization {
        request = request.header(AUTHORIZATION, a);
    }
    let request = request.body(Empty::<Bytes>::new())?;
    let (mut sender, connection) = hyper::client::conn::http1::Builder::new()
        .title_case_headers(true)
        .handshake(TokioIo::new(stream))
        .await?;
    let driver = tokio::spawn(connection);
    match sender.send_request(request).await {
        Ok(response) => {
            driver.abort();
            Ok(response.status().as_u16())
        }
        // A connection that broke before the request went out (a TLS alert
        // on the first read) tells why itself; the request only says
        // "canceled", and the connection is ending then, so waiting is short.
        Err(e) if e.is_canceled() => match driver.await {
            Ok(Err(broken)) => Err(broken.into()),
            _ => Err(e.into()),
        },
        Err(e) => {
            driver.abort();
            Err(e.into())
        }
    }
}

/// [`status_over`] within `limit`, its failure in words.
pub async fn status_within<S>(
    stream: S,
    host: &str,
    path: &str,
    limit: Duration,
) -> Result<u16, String>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    match tokio::time::timeout(limit, status_over(stream, host, path, None)).await {
        Ok(Ok(status)) => Ok(status),
        Ok(Err(e)) => Err(describe(&*e)),
        Err(_) => Err("no answer in time".into()),
    }
}
