//! The multipart body and one plain-HTTP POST, written by hand: the admin
//! app speaks HTTP/1.1 without TLS on the practice network, the body is two
//! small text files, and a hand-made exchange tells a refused connection,
//! a timeout and a status apart exactly (as `public_ip::http` does for its
//! GET). reqwest would add a dependency tree for one request.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// One file field of the form.
pub(super) struct Part<'a> {
    pub field: &'a str,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
}

/// A boundary that occurs in none of the parts: derived from their
/// content, lengthened until it is absent (PEM never contains it anyway).
fn boundary(parts: &[Part<'_>]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.bytes);
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let mut b = format!("praxis-tls-{}", &hex[..32]);
    while parts
        .iter()
        .any(|p| p.bytes.windows(b.len()).any(|w| w == b.as_bytes()))
    {
        b.push('x');
    }
    b
}

fn quote(name: &str) -> String {
    name.replace(['"', '\r', '\n'], "_")
}

/// `multipart/form-data` (RFC 7578): the content type and the body.
pub(super) fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let b = boundary(parts);
    let mut body = Vec::new();
    for p in parts {
        body.extend_from_slice(
            format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n",
                quote(p.field),
                quote(p.file_name)
            )
            .as_bytes(),
        );
        body.extend_from_slice(p.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

#[derive(Debug)]
pub(super) enum WireError {
    Refused,
    Timeout,
    Io(String),
    NoHttp,
}

/// POSTs `body` and returns the status and the start of the page.
pub(super) async fn post(
    addr: SocketAddr,
    host: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
    limit: Duration,
) -> Result<(u16, String), WireError> {
    let mut stream = match timeout(limit, TcpStream::connect(addr)).await {
        Err(_) => return Err(WireError::Timeout),
        Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => {
            return Err(WireError::Refused);
        }
        Ok(Err(e)) if e.kind() == io::ErrorKind::TimedOut => return Err(WireError::Timeout),
        Ok(Err(e)) => return Err(WireError::Io(e.to_string())),
        Ok(Ok(s)) => s,
    };
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}:{}\r\nUser-Agent: praxis-tls\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\nAccept: text/html\r\n\
         Connection: close\r\n\r\n",
        addr.port(),
        body.len()
    );
    let exchange = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body).await?;
        stream.flush().await?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while buf.len() < 64 * 1024 {
            match stream.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e) if !buf.is_empty() && e.kind() == io::ErrorKind::ConnectionReset => break,
                Err(e) => return Err(e),
            }
        }
        Ok(buf)
    };
    let raw = match timeout(limit, exchange).await {
        Err(_) => return Err(WireError::Timeout),
        Ok(Err(e)) => return Err(WireError::Io(e.to_string())),
        Ok(Ok(raw)) => raw,
    };
    let answer = crate::io::public_ip::http::parse(&raw).ok_or(WireError::NoHttp)?;
    Ok((answer.status, answer.body_prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_both_parts_and_a_closing_boundary() {
        let parts = [
            Part {
                field: "cert",
                file_name: "termine.x.ch.crt",
                bytes: b"-----BEGIN CERTIFICATE-----\nAA\n",
            },
            Part {
                field: "privkey",
                file_name: "termine.x.ch.key",
                bytes: b"KEY",
            },
        ];
        let (ct, body) = multipart(&parts);
        let b = ct.split("boundary=").nth(1).unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with(&format!("--{b}\r\n")));
        assert!(text.ends_with(&format!("--{b}--\r\n")));
        assert!(text.contains("name=\"privkey\"; filename=\"termine.x.ch.key\""));
        assert_eq!(text.matches(&format!("--{b}")).count(), 3);
    }
}
