//! A tiny HTTP-01 responder for the tests: serves only
//! `/.well-known/acme-challenge/<token>`, on 127.0.0.1 and [::1] at one port
//! (Pebble uses [::1] whenever DNS answers an AAAA).
// Shared by several test binaries; each uses a part.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use praxis_tls::io::acme::ChallengeSink;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

type Tokens = Arc<Mutex<HashMap<String, String>>>;

pub struct TestResponder {
    pub port: u16,
    tokens: Tokens,
    /// When false, publish is ignored: the CA gets 404 (a failing setup).
    serve: bool,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl TestResponder {
    pub async fn start(serve: bool) -> TestResponder {
        for _ in 0..50 {
            let v4 = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let port = v4.local_addr().unwrap().port();
            let Ok(v6) = TcpListener::bind(("::1", port)).await else {
                continue;
            };
            let tokens = Tokens::default();
            let tasks = vec![
                tokio::spawn(accept(v4, tokens.clone())),
                tokio::spawn(accept(v6, tokens.clone())),
            ];
            return TestResponder {
                port,
                tokens,
                serve,
                tasks,
            };
        }
        panic!("no port free on both 127.0.0.1 and ::1");
    }

    pub fn published(&self) -> usize {
        self.tokens.lock().unwrap().len()
    }
}

impl Drop for TestResponder {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

impl ChallengeSink for TestResponder {
    fn publish(&self, token: &str, key_authorization: &str) {
        if self.serve {
            self.tokens
                .lock()
                .unwrap()
                .insert(token.to_string(), key_authorization.to_string());
        }
    }

    fn withdraw(&self, token: &str) {
        self.tokens.lock().unwrap().remove(token);
    }
}

async fn accept(listener: TcpListener, tokens: Tokens) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(answer(stream, tokens.clone()));
    }
}

async fn answer(mut stream: TcpStream, tokens: Tokens) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 8192 {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head.split_whitespace().nth(1).unwrap_or("");
    let body = path
        .strip_prefix("/.well-known/acme-challenge/")
        .and_then(|t| tokens.lock().unwrap().get(t).cloned());
    let rsp = match body {
        Some(b) => format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            b.len()
        ),
        None => {
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
        }
    };
    let _ = stream.write_all(rsp.as_bytes()).await;
    let _ = stream.shutdown().await;
}
