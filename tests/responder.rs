//! The HTTP-01 responder on loopback, spoken to with raw bytes.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

use praxis_tls::io::responder::{Responder, ResponderConfig, ResponderError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TOKEN: &str = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0";
const KEY_AUTH: &str =
    "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0.9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";

fn config() -> ResponderConfig {
    ResponderConfig {
        port: 0,
        v4: Some(Ipv4Addr::LOCALHOST),
        v6: Some(Ipv6Addr::LOCALHOST),
        header_timeout: Duration::from_millis(700),
        ..ResponderConfig::default()
    }
}

async fn started() -> Responder {
    let r = Responder::start(config()).await.unwrap();
    r.add_token(TOKEN, KEY_AUTH).unwrap();
    r
}

async fn exchange(addr: SocketAddr, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(request).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

async fn get(addr: SocketAddr, path: &str) -> String {
    let req = format!("GET {path} HTTP/1.1\r\nHost: termine.example.ch\r\nAccept: */*\r\n\r\n");
    exchange(addr, req.as_bytes()).await
}

fn status(response: &str) -> u16 {
    response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn serves_the_key_authorization_on_both_families() {
    let r = started().await;
    assert_eq!(r.local_addrs().len(), 2, "IPv4 and IPv6 listeners");
    for addr in r.local_addrs() {
        let resp = get(*addr, &format!("/.well-known/acme-challenge/{TOKEN}")).await;
        assert_eq!(status(&resp), 200, "{addr}: {resp}");
        assert!(resp.contains("Content-Type: text/plain"));
        assert!(resp.ends_with(&format!("\r\n\r\n{KEY_AUTH}")), "{resp}");
    }
    r.remove_token(TOKEN);
    let resp = get(
        r.local_addrs()[0],
        &format!("/.well-known/acme-challenge/{TOKEN}"),
    )
    .await;
    assert_eq!(status(&resp), 404);
    r.stop().await;
}

#[tokio::test]
async fn everything_else_is_404() {
    let r = started().await;
    let addr = r.local_addrs()[0];
    let paths = [
        "/".to_string(),
        "/index.html".into(),
        "/.well-known/acme-challenge/".into(),
        "/.well-known/acme-challenge/unknownToken".into(),
        format!("/.well-known/acme-challenge/{TOKEN}/"),
        format!("/.well-known/acme-challenge/{TOKEN}?x=1"),
        format!("/.well-known/acme-challenge/{TOKEN}.txt"),
        format!("/.well-known/acme-challenge/../acme-challenge/{TOKEN}"),
        "/.well-known/acme-challenge/../x".into(),
        "/.well-known/acme-challenge/..%2fx".into(),
        "/.well-known/acme-challenge/%2e%2e/x".into(),
        "/.well-known/acme-challenge/%2E%2E%2Fetc%2Fpasswd".into(),
        format!("/.well-known/acme-challenge/%{TOKEN}"),
        format!("/.well-known/./acme-challenge/{TOKEN}"),
        format!("//.well-known/acme-challenge/{TOKEN}"),
        format!("/.WELL-KNOWN/acme-challenge/{TOKEN}"),
        format!("http://termine.example.ch/.well-known/acme-challenge/{TOKEN}"),
        "/etc/passwd".into(),
    ];
    for path in paths {
        assert_eq!(status(&get(addr, &path).await), 404, "{path}");
    }
    let post = format!(
        "POST /.well-known/acme-challenge/{TOKEN} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
    );
    assert_eq!(status(&exchange(addr, post.as_bytes()).await), 404);
    let head = format!("HEAD /.well-known/acme-challenge/{TOKEN} HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(status(&exchange(addr, head.as_bytes()).await), 404);
    for garbage in [
        &b"\x16\x03\x01\x00\xa5\x01\x00\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / SSH-2.0\r\n\r\n",
    ] {
        assert_eq!(status(&exchange(addr, garbage).await), 400, "{garbage:?}");
    }
    r.stop().await;
}

#[tokio::test]
async fn oversized_request_heads_are_refused() {
    let r = started().await;
    let addr = r.local_addrs()[0];
    let big = format!(
        "GET /.well-known/acme-challenge/{TOKEN} HTTP/1.1\r\nHost: x\r\nX-Fill: {}\r\n\r\n",
        "a".repeat(16 * 1024)
    );
    let mut s = TcpStream::connect(addr).await.unwrap();
    // The server may close while we still write; only its answer matters.
    let _ = s.write_all(big.as_bytes()).await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out)).await;
    let resp = String::from_utf8_lossy(&out);
    assert!(resp.is_empty() || status(&resp) == 431, "{resp}");
    assert!(!resp.contains(KEY_AUTH));
    r.stop().await;
}

#[tokio::test]
async fn slow_clients_are_cut_off() {
    let r = started().await;
    let addr = r.local_addrs()[0];
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /.well-known/acme-challenge/")
        .await
        .unwrap();
    let begun = Instant::now();
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await;
    // Closed (0 bytes or reset) within the configured 700 ms plus margin.
    assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "{read:?}");
    assert!(begun.elapsed() < Duration::from_millis(700 + 2000));
    // Others are still served meanwhile and afterwards.
    assert_eq!(
        status(&get(addr, &format!("/.well-known/acme-challenge/{TOKEN}")).await),
        200
    );
    r.stop().await;
}

#[tokio::test]
async fn stop_closes_the_listeners() {
    let r = started().await;
    let addrs = r.local_addrs().to_vec();
    r.stop().await;
    for addr in addrs {
        let e = TcpStream::connect(addr).await.unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::ConnectionRefused, "{addr}");
    }
}

#[tokio::test]
async fn a_busy_port_names_its_holder() {
    let holder = std::net::TcpListener::bind((Ipv4Addr::UNSPECIFIED, 0)).unwrap();
    let port = holder.local_addr().unwrap().port();
    let cfg = ResponderConfig {
        port,
        v4: Some(Ipv4Addr::UNSPECIFIED),
        ..config()
    };
    match Responder::start(cfg).await {
        Err(ResponderError::InUse {
            port: p,
            holder: Some(h),
        }) => {
            assert_eq!(p, port);
            assert_eq!(h.pid, std::process::id());
            let err = ResponderError::InUse {
                port: p,
                holder: Some(h.clone()),
            };
            assert!(err.to_string().contains(&format!("pid {}", h.pid)), "{err}");
            let text = err.text();
            assert_eq!(text.id, "responder-port-in-use");
            assert!(
                text.args
                    .contains(&("program".into(), h.program.clone().into()))
            );
        }
        other => panic!("expected InUse with holder, got {:?}", other.err()),
    }
}

#[tokio::test]
async fn reserved_ports_and_bad_tokens_are_rejected() {
    for port in [80, 443, 3000, 3030, 3312, 4040, 5984, 8080] {
        let cfg = ResponderConfig { port, ..config() };
        assert!(matches!(
            Responder::start(cfg).await,
            Err(ResponderError::Reserved { .. })
        ));
    }
    let r = started().await;
    for bad in ["", "../x", "a/b", "a.b", "a%2e", "a b", "ä"] {
        assert!(r.add_token(bad, "x").is_err(), "{bad:?}");
    }
    r.stop().await;
}

#[tokio::test]
async fn default_port_avoids_elexis_ports() {
    let d = ResponderConfig::default();
    assert!(!praxis_tls::io::responder::RESERVED_PORTS.contains(&d.port));
    assert!(d.port > 1024 && d.port < 32768, "below the ephemeral range");
    assert_eq!(d.max_header_bytes, 8 * 1024);
}
