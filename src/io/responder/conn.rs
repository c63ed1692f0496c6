//! One connection: read a bounded request head within a deadline, answer
//! once, close.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::{Shared, valid_token};

const PREFIX: &str = "/.well-known/acme-challenge/";

enum Head {
    Complete(Vec<u8>),
    TooLarge,
    Gone,
}

pub(super) async fn serve(mut stream: TcpStream, shared: &Shared) {
    let head = match timeout(
        shared.header_timeout,
        read_head(&mut stream, shared.max_header_bytes),
    )
    .await
    {
        // Too slow: cut off without a word, the client has had its chance.
        Err(_) | Ok(Head::Gone) => return,
        Ok(Head::TooLarge) => response(431, "Request Header Fields Too Large"),
        Ok(Head::Complete(bytes)) => route(&bytes, shared),
    };
    let _ = timeout(shared.header_timeout, async {
        stream.write_all(&head).await?;
        stream.shutdown().await
    })
    .await;
}

async fn read_head(stream: &mut TcpStream, max: usize) -> Head {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return Head::Gone,
            Ok(n) => n,
        };
        let searched_from = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find_end(&buf[searched_from..]) {
            buf.truncate(searched_from + end);
            return Head::Complete(buf);
        }
        if buf.len() > max {
            return Head::TooLarge;
        }
    }
}

fn find_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

fn route(head: &[u8], shared: &Shared) -> Vec<u8> {
    let Some(line) = head.split(|b| *b == b'\n').next() else {
        return response(400, "Bad Request");
    };
    let Ok(line) = std::str::from_utf8(line) else {
        return response(400, "Bad Request");
    };
    let mut parts = line.trim_end_matches('\r').split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return response(400, "Bad Request");
    };
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return response(400, "Bad Request");
    }
    if method != "GET" {
        return response(404, "Not Found");
    }
    match target.strip_prefix(PREFIX) {
        Some(token) if valid_token(token) => match shared.key_auth(token) {
            Some(key_auth) => ok(&key_auth),
            None => response(404, "Not Found"),
        },
        _ => response(404, "Not Found"),
    }
}

fn ok(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nServer: praxis-tls\r\nContent-Type: text/plain\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn response(status: u16, reason: &str) -> Vec<u8> {
    let body = format!("{status} {reason}\n");
    format!(
        "HTTP/1.1 {status} {reason}\r\nServer: praxis-tls\r\nContent-Type: text/plain\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
