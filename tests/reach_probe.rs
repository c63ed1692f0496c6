//! The reachability probe against loopback stand-ins: our responder, a
//! closed port, a silent server, a full accept queue, traefik's 404 and an
//! HTTPS redirect. The probe's report then goes through the core's
//! classifier, as the wizard will do it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use praxis_tls::core::library::reach::{ProbeClass, ProbeError, classify_probe};
use praxis_tls::io::public_ip::probe;
use praxis_tls::io::responder::{Responder, ResponderConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const HOST: &str = "termine.example.ch";
const TOKEN: &str = "probe_Token-123";
const KEY: &str = "probe_Token-123.thumb";
const LOOP4: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
const LIMIT: Duration = Duration::from_millis(800);

/// Answers every request with `response` and remembers the last request.
async fn canned(response: &'static str) -> (SocketAddr, Arc<Mutex<String>>) {
    let l = TcpListener::bind((LOOP4, 0)).await.unwrap();
    let addr = l.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(String::new()));
    let seen2 = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).await.unwrap_or(0);
            *seen2.lock().unwrap() = String::from_utf8_lossy(&buf[..n]).into_owned();
            let _ = s.write_all(response.as_bytes()).await;
        }
    });
    (addr, seen)
}

#[tokio::test]
async fn our_token_is_found() {
    for ip in [LOOP4, IpAddr::V6(Ipv6Addr::LOCALHOST)] {
        let r = Responder::start(ResponderConfig {
            port: 0,
            v4: Some(Ipv4Addr::LOCALHOST),
            v6: Some(Ipv6Addr::LOCALHOST),
            ..ResponderConfig::default()
        })
        .await
        .unwrap();
        r.add_token(TOKEN, KEY).unwrap();
        let report = probe(HOST, ip, r.port(), TOKEN, LIMIT).await;
        assert_eq!(
            classify_probe(&report, KEY, false),
            ProbeClass::TokenServed,
            "{report:?}"
        );
        assert_eq!(
            report.result.as_ref().unwrap().server.as_deref(),
            Some("praxis-tls")
        );
        r.stop().await;
    }
}

#[tokio::test]
async fn closed_port_is_refused() {
    let port = {
        let l = std::net::TcpListener::bind((LOOP4, 0)).unwrap();
        l.local_addr().unwrap().port()
    };
    let report = probe(HOST, LOOP4, port, TOKEN, LIMIT).await;
    assert_eq!(report.result, Err(ProbeError::Refused));
    assert_eq!(classify_probe(&report, KEY, false), ProbeClass::Refused);
    // From inside, a refusal says nothing about the outside.
    assert_eq!(
        classify_probe(&report, KEY, true),
        ProbeClass::HairpinUnsupported
    );
}

#[tokio::test]
async fn silent_server_times_out() {
    let l = TcpListener::bind((LOOP4, 0)).await.unwrap();
    let port = l.local_addr().unwrap().port();
    // Accepts (the kernel does), never answers.
    let report = probe(HOST, LOOP4, port, TOKEN, LIMIT).await;
    drop(l);
    assert_eq!(report.result, Err(ProbeError::ResponseTimeout));
    assert_eq!(classify_probe(&report, KEY, false), ProbeClass::Timeout);
}

#[tokio::test]
async fn dropped_connection_attempts_time_out() {
    // A listener whose accept queue is full drops further SYNs, which is
    // what a dropping firewall looks like to the client.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(LOOP4, 0)).unwrap();
    let l = socket.listen(0).unwrap();
    let addr = l.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..4 {
        if let Ok(Ok(s)) = tokio::time::timeout(
            Duration::from_millis(300),
            tokio::net::TcpStream::connect(addr),
        )
        .await
        {
            fillers.push(s);
        }
    }
    let report = probe(HOST, LOOP4, addr.port(), TOKEN, LIMIT).await;
    assert_eq!(report.result, Err(ProbeError::ConnectTimeout), "{report:?}");
    assert_eq!(classify_probe(&report, KEY, false), ProbeClass::Timeout);
    drop(l);
}

#[tokio::test]
async fn traefik_answering_means_the_forward_goes_to_port_80() {
    // What traefik sends for a path no router matches.
    let (addr, seen) = canned(
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n\
         X-Content-Type-Options: nosniff\r\nContent-Length: 19\r\n\r\n404 page not found\n",
    )
    .await;
    let report = probe(HOST, LOOP4, addr.port(), TOKEN, LIMIT).await;
    assert_eq!(classify_probe(&report, KEY, false), ProbeClass::Traefik);
    let request = seen.lock().unwrap().clone();
    assert!(request.starts_with(&format!(
        "GET /.well-known/acme-challenge/{TOKEN} HTTP/1.1\r\n"
    )));
    assert!(
        request.contains(&format!("Host: {HOST}:{}\r\n", addr.port())),
        "{request}"
    );
}

#[tokio::test]
async fn https_redirect_is_recognised() {
    let (addr, _) = canned(
        "HTTP/1.1 308 Permanent Redirect\r\nLocation: https://termine.example.ch/.well-known/acme-challenge/probe_Token-123\r\n\
         Content-Length: 0\r\n\r\n",
    )
    .await;
    let report = probe(HOST, LOOP4, addr.port(), TOKEN, LIMIT).await;
    assert!(matches!(
        classify_probe(&report, KEY, false),
        ProbeClass::HttpsRedirect { .. }
    ));
}

#[tokio::test]
async fn router_page_is_recognised() {
    let (addr, _) = canned(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n\
         <!DOCTYPE html><html><head><title>FRITZ!Box</title></head><body></body></html>",
    )
    .await;
    let report = probe(HOST, LOOP4, addr.port(), TOKEN, LIMIT).await;
    assert_eq!(
        classify_probe(&report, KEY, false),
        ProbeClass::RouterPage {
            vendor: "FRITZ!Box".into()
        }
    );
}
