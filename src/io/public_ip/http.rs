//! A one-shot plain HTTP/1.1 GET to a given socket address with a given
//! Host header, returning what came back as raw as possible. Used by the
//! reachability probe (which must not follow redirects, must tell a refused
//! connection from a silent one, and must connect to one chosen address
//! whatever DNS says) and by the plain-text address echo fallback.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use crate::core::reach::{HttpAnswer, ProbeError};

/// Enough for a status line, headers and the start of any error page.
const MAX_RESPONSE: usize = 64 * 1024;
const BODY_PREFIX: usize = 1024;

pub async fn get(
    addr: SocketAddr,
    host: &str,
    path: &str,
    limit: Duration,
) -> Result<HttpAnswer, ProbeError> {
    let stream = match timeout(limit, TcpStream::connect(addr)).await {
        Err(_) => return Err(ProbeError::ConnectTimeout),
        Ok(Err(e)) => return Err(connect_error(&e)),
        Ok(Ok(s)) => s,
    };
    exchange(stream, addr, host, path, limit, 80).await
}

/// The same over TLS, the certificate checked against `tls`'s roots for
/// `host`: an echo of our address must not come from whoever sits between.
pub async fn get_tls(
    addr: SocketAddr,
    host: &str,
    path: &str,
    limit: Duration,
    tls: std::sync::Arc<rustls::ClientConfig>,
) -> Result<HttpAnswer, ProbeError> {
    let tcp = match timeout(limit, TcpStream::connect(addr)).await {
        Err(_) => return Err(ProbeError::ConnectTimeout),
        Ok(Err(e)) => return Err(connect_error(&e)),
        Ok(Ok(s)) => s,
    };
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| ProbeError::Other(e.to_string()))?;
    let connector = tokio_rustls::TlsConnector::from(tls);
    let stream = match timeout(limit, connector.connect(name, tcp)).await {
        Err(_) => return Err(ProbeError::ResponseTimeout),
        Ok(Err(e)) => return Err(ProbeError::Other(format!("TLS: {e}"))),
        Ok(Ok(s)) => s,
    };
    exchange(stream, addr, host, path, limit, 443).await
}

async fn exchange<S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin>(
    mut stream: S,
    addr: SocketAddr,
    host: &str,
    path: &str,
    limit: Duration,
    default_port: u16,
) -> Result<HttpAnswer, ProbeError> {
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let host_header = match addr.port() {
        p if p == default_port => host,
        p => format!("{host}:{p}"),
    };
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: praxis-tls\r\n\
         Accept: */*\r\nConnection: close\r\n\r\n"
    );
    let exchange = async {
        stream.write_all(request.as_bytes()).await?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while buf.len() < MAX_RESPONSE {
            match stream.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                // A reset after a complete answer still counts as the answer.
                Err(e) if !buf.is_empty() && e.kind() == io::ErrorKind::ConnectionReset => break,
                Err(e) => return Err(e),
            }
        }
        Ok(buf)
    };
    let raw = match timeout(limit, exchange).await {
        Err(_) => return Err(ProbeError::ResponseTimeout),
        Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionReset => return Err(ProbeError::Reset),
        Ok(Err(e)) => return Err(ProbeError::Other(e.to_string())),
        Ok(Ok(raw)) => raw,
    };
    parse(&raw).ok_or_else(|| ProbeError::Other("no HTTP answer".into()))
}

fn connect_error(e: &io::Error) -> ProbeError {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => ProbeError::Refused,
        io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => {
            ProbeError::Unreachable
        }
        io::ErrorKind::TimedOut => ProbeError::ConnectTimeout,
        io::ErrorKind::ConnectionReset => ProbeError::Reset,
        _ => ProbeError::Other(e.to_string()),
    }
}

pub fn parse(raw: &[u8]) -> Option<HttpAnswer> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let body = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let mut parts = status_line.splitn(3, ' ');
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse::<u16>().ok()?;
    let mut answer = HttpAnswer {
        status,
        ..HttpAnswer::default()
    };
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "server" => answer.server = Some(value),
            "location" => answer.location = Some(value),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    let end = body.len().min(BODY_PREFIX);
    answer.body_prefix = String::from_utf8_lossy(&body[..end]).into_owned();
    Some(answer)
}

/// Best effort: a truncated chunked body yields what arrived.
pub(crate) fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        body = &body[eol + 2..];
        if size == 0 {
            break;
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = body.get(take + 2..).unwrap_or(&[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers_and_chunked_body() {
        let raw = b"HTTP/1.1 404 Not Found\r\nServer: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n404 \r\n9\r\npage not \r\n5\r\nfound\r\n0\r\n\r\n";
        let a = parse(raw).unwrap();
        assert_eq!(a.status, 404);
        assert_eq!(a.server.as_deref(), Some("x"));
        assert_eq!(a.body_prefix, "404 page not found");
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse(b"SSH-2.0-OpenSSH\r\n\r\n").is_none());
    }
}
