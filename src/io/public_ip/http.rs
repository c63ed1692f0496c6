//! A one-shot GET to a given socket address with a given Host header,
//! returning what came back. Used by the reachability probe (which must
//! not follow redirects, must tell a refused connection from a silent one,
//! and must connect to one chosen address whatever DNS says) and by the
//! address echo fallback.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HOST, LOCATION, SERVER};

use crate::core::library::reach::{HttpAnswer, ProbeError};
use crate::io::http_client;

/// Enough for the start of any error page.
const BODY_PREFIX: usize = 1024;

/// Plain HTTP to `addr`, whatever `host` resolves to.
pub async fn get(
    addr: SocketAddr,
    host: &str,
    path: &str,
    limit: Duration,
) -> Result<HttpAnswer, ProbeError> {
    let client =
        http_client::build(http_client::builder(limit), None).map_err(ProbeError::Other)?;
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let host_header = match addr.port() {
        80 => host,
        p => format!("{host}:{p}"),
    };
    let request = client
        .get(format!("http://{addr}{path}"))
        .header(HOST, host_header);
    answer(request).await
}

/// The same over TLS to `host` at `addr`, the certificate checked against
/// `tls`'s roots: an echo of our address must not come from whoever sits
/// between.
pub async fn get_tls(
    addr: SocketAddr,
    host: &str,
    path: &str,
    limit: Duration,
    tls: Arc<rustls::ClientConfig>,
) -> Result<HttpAnswer, ProbeError> {
    let builder = http_client::builder(limit).resolve(host, addr);
    let client = http_client::build(builder, Some((*tls).clone())).map_err(ProbeError::Other)?;
    let request = client.get(format!("https://{host}:{}{path}", addr.port()));
    answer(request).await
}

async fn answer(request: reqwest::RequestBuilder) -> Result<HttpAnswer, ProbeError> {
    let mut response = request.send().await.map_err(|e| probe_error(&e))?;
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let (server, location) = (header(SERVER), header(LOCATION));
    let status = response.status().as_u16();
    let body = http_client::body_limited(&mut response, BODY_PREFIX).await;
    Ok(HttpAnswer {
        status,
        server,
        location,
        body_prefix: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn probe_error(e: &reqwest::Error) -> ProbeError {
    let kind = http_client::io_kind(e);
    if e.is_timeout() || kind == Some(ErrorKind::TimedOut) {
        return if e.is_connect() {
            ProbeError::ConnectTimeout
        } else {
            ProbeError::ResponseTimeout
        };
    }
    match kind {
        Some(ErrorKind::ConnectionRefused) => ProbeError::Refused,
        Some(ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable) => ProbeError::Unreachable,
        Some(ErrorKind::ConnectionReset) => ProbeError::Reset,
        _ if http_client::causes(e).any(|c| c.is::<rustls::Error>()) => {
            ProbeError::Other(format!("TLS: {}", http_client::describe(e)))
        }
        _ => ProbeError::Other(http_client::describe(e)),
    }
}
