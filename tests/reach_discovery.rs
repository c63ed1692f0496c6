//! Public address discovery against stand-ins on loopback only:
//! pebble-challtestsrv as the DNS "whoami" server, tiny HTTP echo servers.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream as StdTcp, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use praxis_tls::io::public_ip::{DiscoveryConfig, DnsEndpoint, DnsQuery, HttpEndpoint, discover};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SEEN_V4: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);
const SEEN_V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 7);

struct ChallTestSrv {
    child: Child,
    dns: SocketAddr,
}

impl Drop for ChallTestSrv {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_udp() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn free_tcp() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn challtestsrv() -> ChallTestSrv {
    let (dns, mgmt) = (free_udp(), free_tcp());
    let child = Command::new("pebble-challtestsrv")
        .args(["-dns01", &format!("127.0.0.1:{dns}")])
        .args(["-management", &format!("127.0.0.1:{mgmt}")])
        .args(["-http01", "", "-https01", "", "-tlsalpn01", ""])
        .args(["-defaultIPv4", &SEEN_V4.to_string()])
        .args(["-defaultIPv6", &SEEN_V6.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("pebble-challtestsrv (Debian package pebble) must be installed");
    let deadline = Instant::now() + Duration::from_secs(10);
    while StdTcp::connect(("127.0.0.1", mgmt)).is_err() {
        assert!(Instant::now() < deadline, "challtestsrv did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    ChallTestSrv {
        child,
        dns: SocketAddr::from(([127, 0, 0, 1], dns)),
    }
}

/// Answers every request with `body` (status 200), or never answers.
async fn echo_server(bind: IpAddr, body: Option<&'static str>) -> SocketAddr {
    let l = TcpListener::bind((bind, 0)).await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = l.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = [0u8; 2048];
                let _ = s.read(&mut buf).await;
                match body {
                    Some(b) => {
                        let resp = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{b}",
                            b.len()
                        );
                        let _ = s.write_all(resp.as_bytes()).await;
                    }
                    None => tokio::time::sleep(Duration::from_secs(30)).await,
                }
            });
        }
    });
    addr
}

fn http_ep(addr: SocketAddr) -> HttpEndpoint {
    HttpEndpoint {
        host: addr.ip().to_string(),
        port: addr.port(),
        path: "/".into(),
        https: false,
        ca_file: None,
    }
}

fn dns_ep(server: SocketAddr, query: DnsQuery) -> DnsEndpoint {
    DnsEndpoint {
        server,
        name: "myip.opendns.com.".into(),
        query,
    }
}

fn empty(timeout: Duration) -> DiscoveryConfig {
    DiscoveryConfig {
        v4_dns: vec![],
        v4_http: vec![],
        v6_dns: vec![],
        v6_http: vec![],
        timeout,
    }
}

#[tokio::test]
async fn dns_answers_both_families() {
    let srv = challtestsrv();
    let cfg = DiscoveryConfig {
        v4_dns: vec![dns_ep(srv.dns, DnsQuery::Address)],
        v6_dns: vec![dns_ep(srv.dns, DnsQuery::Address)],
        ..empty(Duration::from_secs(3))
    };
    let found = discover(&cfg).await;
    assert_eq!(found.v4.addr, Some(SEEN_V4), "{:?}", found.v4.errors);
    assert_eq!(found.v6.addr, Some(SEEN_V6), "{:?}", found.v6.errors);
    assert!(found.v4.source.unwrap().starts_with("dns "));
}

#[tokio::test]
async fn http_fallback_when_dns_fails() {
    // A closed UDP port: the query is refused at once.
    let dead_dns = SocketAddr::from(([127, 0, 0, 1], free_udp()));
    let v4 = echo_server(IpAddr::V4(Ipv4Addr::LOCALHOST), Some("198.51.100.4\n")).await;
    let v6 = echo_server(IpAddr::V6(Ipv6Addr::LOCALHOST), Some("2001:db8::99")).await;
    let cfg = DiscoveryConfig {
        v4_dns: vec![dns_ep(dead_dns, DnsQuery::Address)],
        v4_http: vec![http_ep(v4)],
        v6_dns: vec![dns_ep(dead_dns, DnsQuery::Txt)],
        v6_http: vec![http_ep(v6)],
        ..empty(Duration::from_secs(2))
    };
    let found = discover(&cfg).await;
    assert_eq!(found.v4.addr, Some(Ipv4Addr::new(198, 51, 100, 4)));
    assert_eq!(found.v6.addr, Some("2001:db8::99".parse().unwrap()));
    assert_eq!(found.v4.errors.len(), 1, "the DNS attempt is recorded");
    assert!(found.v4.source.unwrap().starts_with("http://127.0.0.1:"));
}

#[tokio::test]
async fn wrong_family_and_garbage_are_not_addresses() {
    let v6_answer = echo_server(IpAddr::V4(Ipv4Addr::LOCALHOST), Some("2001:db8::1")).await;
    let garbage = echo_server(IpAddr::V4(Ipv4Addr::LOCALHOST), Some("<html>hello</html>")).await;
    let cfg = DiscoveryConfig {
        v4_http: vec![http_ep(v6_answer), http_ep(garbage)],
        // Only an IPv4 echo: it cannot tell our IPv6 address.
        v6_http: vec![http_ep(v6_answer)],
        ..empty(Duration::from_secs(2))
    };
    let found = discover(&cfg).await;
    assert_eq!(found.v4.addr, None);
    assert_eq!(found.v4.errors.len(), 2);
    assert_eq!(found.v6.addr, None);
}

#[tokio::test]
async fn silent_endpoints_are_bounded_by_the_timeout() {
    // Bound, never answered: DNS queries go unanswered.
    let silent_udp = UdpSocket::bind("127.0.0.1:0").unwrap();
    let silent_dns = silent_udp.local_addr().unwrap();
    let silent_http = echo_server(IpAddr::V4(Ipv4Addr::LOCALHOST), None).await;
    let limit = Duration::from_millis(400);
    let cfg = DiscoveryConfig {
        v4_dns: vec![dns_ep(silent_dns, DnsQuery::Address)],
        v4_http: vec![http_ep(silent_http)],
        v6_dns: vec![dns_ep(silent_dns, DnsQuery::Address)],
        ..empty(limit)
    };
    let begun = Instant::now();
    let found = discover(&cfg).await;
    assert_eq!(found.v4.addr, None);
    assert_eq!(found.v6.addr, None);
    // Two attempts in a row for IPv4, each bounded, plus margin.
    assert!(
        begun.elapsed() < limit * 2 + Duration::from_secs(2),
        "{:?}",
        begun.elapsed()
    );
}

#[test]
fn defaults_ask_by_address_over_the_right_family() {
    let d = DiscoveryConfig::default();
    assert!(d.v4_dns.iter().all(|e| e.server.is_ipv4()));
    assert!(d.v6_dns.iter().all(|e| e.server.is_ipv6()));
    assert!(!d.v4_http.is_empty() && !d.v6_http.is_empty());
}

/// The HTTPS fallback: a TLS echo on loopback with a test CA; the answer
/// counts only when the certificate checks out.
#[tokio::test]
async fn https_fallback_checks_the_certificate() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let leaf = rcgen::CertificateParams::new(vec!["localhost".into()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    let server = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(server));
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((s, _)) = l.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(s).await else {
                    return;
                };
                let mut buf = [0u8; 2048];
                let _ = tls.read(&mut buf).await;
                let body = "203.0.113.9";
                let resp = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(resp.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();
    let dead_dns = SocketAddr::from(([127, 0, 0, 1], free_udp()));
    let endpoint = |ca: Option<std::path::PathBuf>| HttpEndpoint {
        // A name, for SNI and the certificate check; it resolves to loopback.
        host: "localhost".into(),
        port,
        path: "/".into(),
        https: true,
        ca_file: ca,
    };
    let cfg = |ep: HttpEndpoint| DiscoveryConfig {
        v4_dns: vec![dns_ep(dead_dns, DnsQuery::Address)],
        v4_http: vec![ep],
        v6_dns: vec![],
        v6_http: vec![],
        timeout: Duration::from_secs(2),
    };
    let found = discover(&cfg(endpoint(Some(ca_file.clone())))).await;
    assert_eq!(
        found.v4.addr,
        Some(Ipv4Addr::new(203, 0, 113, 9)),
        "{:?}",
        found.v4.errors
    );
    // The same echo checked against the system's roots: not trusted.
    let untrusted = discover(&cfg(endpoint(None))).await;
    assert_eq!(untrusted.v4.addr, None);
    assert!(
        untrusted.v4.errors.iter().any(|e| e.contains("TLS")),
        "{:?}",
        untrusted.v4.errors
    );
}
