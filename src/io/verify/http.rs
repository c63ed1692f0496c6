//! Just enough HTTP/1.1 to ask one question per connection: the Host
//! header is set freely (the exposure check forges it), and the answer is
//! read until the server closes, up to a small limit.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

const MAX_ANSWER: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Answer {
    /// Traefik's own answer when no router matches the Host header. A 404
    /// from a backend (an HTML page) means the request got through.
    pub fn is_traefik_not_found(&self) -> bool {
        self.status == 404 && self.body.trim_end().ends_with("404 page not found")
    }
}

pub async fn get<S>(
    stream: &mut S,
    host: &str,
    path: &str,
    timeout: Duration,
) -> Result<Answer, String>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    get_as(stream, host, path, None, timeout).await
}

/// Like [`get`], logged in with HTTP Basic authentication as
/// `(user, password)` when given.
pub async fn get_as<S>(
    stream: &mut S,
    host: &str,
    path: &str,
    login: Option<(&str, &str)>,
    timeout: Duration,
) -> Result<Answer, String>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    use base64::Engine as _;
    let authorization = login.map_or(String::new(), |(user, password)| {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        format!("Authorization: Basic {token}\r\n")
    });
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: praxis-tls\r\nAccept: */*\r\n{authorization}Connection: close\r\n\r\n"
    );
    let exchange = async {
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        stream.flush().await.map_err(|e| e.to_string())?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => {
                    buf.extend_from_slice(&chunk[..n]);
                    if buf.len() >= MAX_ANSWER || complete(&buf) {
                        break;
                    }
                }
                // A peer that closes without close_notify still answered.
                Err(_) if !buf.is_empty() => break,
                Err(e) => return Err(e.to_string()),
            }
        }
        Ok(buf)
    };
    let buf = tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| "no answer in time".to_string())??;
    parse(&buf).ok_or_else(|| "not an HTTP answer".to_string())
}

/// True once a Content-Length body is all there, so a server that keeps
/// the connection open despite `Connection: close` does not cost a timeout.
fn complete(buf: &[u8]) -> bool {
    let text = String::from_utf8_lossy(buf);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    head.lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .is_some_and(|len| body.len() >= len)
}

fn parse(buf: &[u8]) -> Option<Answer> {
    let text = String::from_utf8_lossy(buf);
    let status_line = text.lines().next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some(Answer { status, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_traefiks_not_found() {
        let a = parse(b"HTTP/1.1 404 Not Found\r\nContent-Length: 19\r\n\r\n404 page not found\n")
            .unwrap();
        assert!(a.is_traefik_not_found());
        let b = parse(b"HTTP/1.1 404 Not Found\r\n\r\n<html>Cannot GET /</html>").unwrap();
        assert!(!b.is_traefik_not_found());
        assert!(complete(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assert!(parse(b"SSH-2.0-OpenSSH").is_none());
    }
}
