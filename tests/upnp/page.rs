//! A router that says nothing over UPnP is known by its start page: behind
//! a redirect, behind HTTPS with a certificate of its own making, and
//! never by a page on another address.

use praxis_tls::core::library::router_guide::{self, Family};

use super::router::{Probe, detect, guide_de};
use super::*;

/// A router's start page that sends `/` on to its login page.
async fn start_page(title: &'static str) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let request = read_request(&mut s).await;
            let answer = if request.starts_with("GET / ") {
                "HTTP/1.1 302 Found\r\nLocation: /html/login/index.html\r\nContent-Length: 0\r\n\r\n"
                    .to_string()
            } else if request.starts_with("GET /html/login/index.html ") {
                let body = format!(
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
                     <script>var x = 1;</script><title>{title}</title></head><body></body></html>"
                );
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                )
            } else {
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_string()
            };
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_router_is_known_by_its_start_page() {
    let page = start_page("Speedport Smart 4").await;
    let probe = Probe {
        page: Some(page),
        dns: None,
    };
    let w = detect(gateway(None).await, probe).await;
    let seen = &w.network.router;
    assert_eq!(seen.upnp_name, None);
    assert_eq!(seen.page_title.as_deref(), Some("Speedport Smart 4"));
    // The stand-in is the gateway: the route to it starts at loopback.
    assert_eq!(seen.lan_v4, Some(Ipv4Addr::LOCALHOST));
    assert!(seen.host_name.is_some());
    assert_eq!(
        router_guide::choose(seen).family,
        Some(Family::TelekomSpeedport)
    );
    let text = guide_de(seen);
    assert!(
        text.contains("Erkannt an der Startseite Ihres Routers: Speedport Smart 4."),
        "{text}"
    );
    assert!(text.contains("Gerät 127.0.0.1 (nuno)"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_names_no_known_router_is_named_with_the_general_guide() {
    let page = start_page("Gateway GX-200").await;
    let probe = Probe {
        page: Some(page),
        dns: None,
    };
    let w = detect(gateway(None).await, probe).await;
    let text = guide_de(&w.network.router);
    assert!(
        text.starts_with("So geht es bei den meisten Routern:"),
        "{text}"
    );
    assert!(
        text.contains("Gesehen wurde der Router Gateway GX-200."),
        "{text}"
    );
}

/// A router whose page moves to HTTPS, with a certificate of its own
/// making (self-signed, for its address): the title is read there.
async fn tls_page(title: &'static str) -> u16 {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".into()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let server = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(server));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((s, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(s).await else {
                    return;
                };
                let mut buf = [0u8; 4096];
                let n = tls.read(&mut buf).await.unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).into_owned();
                let body = if request.starts_with("GET /login.html ") {
                    format!("<html><head><title>{title}</title></head></html>")
                } else {
                    String::new()
                };
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    port
}

/// Plain HTTP that sends everything on to the HTTPS page.
async fn to_https(tls_port: u16) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let _ = read_request(&mut s).await;
            let answer = format!(
                "HTTP/1.1 301 Moved\r\nLocation: https://127.0.0.1:{tls_port}/login.html\r\n\
                 Content-Length: 0\r\n\r\n"
            );
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_start_page_behind_https_is_read_too() {
    let page = to_https(tls_page("Vodafone Station").await).await;
    let probe = Probe {
        page: Some(page),
        dns: None,
    };
    let w = detect(gateway(None).await, probe).await;
    let seen = &w.network.router;
    assert_eq!(seen.page_title.as_deref(), Some("Vodafone Station"));
    assert_eq!(
        router_guide::choose(seen).family,
        Some(Family::VodafoneStation)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_to_another_address_is_not_followed() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let _ = read_request(&mut s).await;
            let answer =
                "HTTP/1.1 302 Found\r\nLocation: http://192.0.2.1/\r\nContent-Length: 0\r\n\r\n";
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    let started = Instant::now();
    let e = praxis_tls::io::router::gateway_title(addr, Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(e.contains("redirected elsewhere"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(1));
}
