//! The final check and the exposure probes against small servers of the
//! test's own on loopback: what traefik would answer, and what it must not.

#[path = "support/docker.rs"]
mod docker;
#[path = "support/knot.rs"]
#[allow(dead_code)]
mod knot;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use docker::{Pki, pki};
use praxis_tls::core::Outcome;
use praxis_tls::io::verify::exposure::{self, Reach, Scheme, Targets};
use praxis_tls::io::verify::{Roots, TermineReport, VerifyError, check_termine, sha256_hex};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use time::OffsetDateTime;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

const HOST: &str = "termine.praxis-lab.example";
const T: Duration = Duration::from_secs(3);

/// Answers like traefik with one https router: `/termin/list` for the
/// termine host; `exposed` (if any) as a backend would; traefik's 404 else.
async fn answer<S: AsyncRead + AsyncWrite + Unpin>(
    mut s: S,
    list_status: u16,
    exposed: Option<&str>,
) {
    let mut buf = vec![0u8; 4096];
    let mut got = Vec::new();
    while !got.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let req = String::from_utf8_lossy(&got).to_string();
    let host = req
        .lines()
        .find_map(|l| l.strip_prefix("Host: "))
        .unwrap_or_default()
        .to_string();
    let reply = if host == HOST {
        format!("HTTP/1.1 {list_status} X\r\nContent-Length: 2\r\n\r\n[]")
    } else if Some(host.as_str()) == exposed {
        "HTTP/1.1 404 Not Found\r\nContent-Length: 25\r\n\r\n<html>Cannot GET /</html>".to_string()
    } else {
        "HTTP/1.1 404 Not Found\r\nContent-Length: 19\r\n\r\n404 page not found\n".to_string()
    };
    let _ = s.write_all(reply.as_bytes()).await;
    let _ = s.shutdown().await;
}

async fn tls_server(p: &Pki, list_status: u16, exposed: Option<&'static str>) -> SocketAddr {
    let chain = vec![CertificateDer::from(p.leaf_der.clone())];
    let key = PrivateKeyDer::from_pem_slice(p.key_pem.as_bytes()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                if let Ok(tls) = acceptor.accept(tcp).await {
                    answer(tls, list_status, exposed).await;
                }
            });
        }
    });
    addr
}

async fn plain_server(exposed: Option<&'static str>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(answer(tcp, 200, exposed));
        }
    });
    addr
}

struct Setup {
    pki: Pki,
    ca: tempfile::NamedTempFile,
}

fn setup(days: i64) -> Setup {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let pki = pki(HOST, days);
    let ca = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(ca.path(), &pki.ca_pem).unwrap();
    Setup { pki, ca }
}

async fn check(addr: SocketAddr, s: &Setup) -> TermineReport {
    let roots = Roots::CaFile(s.ca.path().to_path_buf());
    check_termine(addr, HOST, &roots, T, OffsetDateTime::now_utc())
        .await
        .unwrap()
}

fn id(o: &Outcome) -> (&'static str, String) {
    match o {
        Outcome::Passed(f) => ("passed", f.summary.id.clone()),
        Outcome::Warning(f) => ("warning", f.summary.id.clone()),
        Outcome::Failed(f) => ("failed", f.summary.id.clone()),
    }
}

#[tokio::test]
async fn our_certificate_and_the_list_pass() {
    let s = setup(90);
    let addr = tls_server(&s.pki, 200, None).await;
    let r = check(addr, &s).await;
    let ours = sha256_hex(&s.pki.leaf_der);
    assert_eq!(r.tls.fingerprint, ours);
    assert_eq!(r.tls.chain, Ok(()));
    assert_eq!(r.list, Ok(200));
    assert_eq!(r.tls.names, [HOST]);
    assert!(
        matches!(r.tls.days_left, Some(89..=90)),
        "{:?}",
        r.tls.days_left
    );
    assert_eq!(
        id(&r.outcome(Some(&ours))),
        ("passed", "verify-passed".into())
    );
    assert_eq!(
        id(&r.outcome(Some("00ff"))),
        ("failed", "verify-other-certificate".into())
    );
}

#[tokio::test]
async fn untrusted_expiring_expired_and_a_missing_list() {
    let s = setup(90);
    let addr = tls_server(&s.pki, 200, None).await;
    let r = check_termine(addr, HOST, &Roots::System, T, OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert!(r.tls.chain.is_err());
    assert_eq!(id(&r.outcome(None)), ("failed", "verify-chain-bad".into()));
    // The verifier's English never reaches a German screen.
    if let praxis_tls::core::Outcome::Failed(f) = r.outcome(None) {
        let de = praxis_tls::i18n::text(praxis_tls::core::Lang::DeCh, &f.summary);
        assert!(
            de.contains("Grund: Es stammt von einer Stelle, die Browser nicht kennen"),
            "{de}"
        );
        assert!(
            !de.contains("UnknownIssuer") && !de.contains("invalid peer"),
            "{de}"
        );
        assert!(f.detail.unwrap_or_default().contains("UnknownIssuer"));
    }

    let s = setup(10);
    let r = check(tls_server(&s.pki, 200, None).await, &s).await;
    assert_eq!(
        id(&r.outcome(None)),
        ("warning", "verify-expires-soon".into())
    );

    let s = setup(-1);
    let r = check(tls_server(&s.pki, 200, None).await, &s).await;
    assert_eq!(id(&r.outcome(None)), ("failed", "verify-expired".into()));

    let s = setup(90);
    let r = check(tls_server(&s.pki, 404, None).await, &s).await;
    assert_eq!(r.list, Ok(404));
    assert_eq!(
        id(&r.outcome(None)),
        ("failed", "verify-list-status".into())
    );
}

#[tokio::test]
async fn nothing_listening_is_a_connect_error() {
    let s = setup(90);
    let closed = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let roots = Roots::CaFile(s.ca.path().to_path_buf());
    let err = check_termine(closed, HOST, &roots, T, OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    assert!(matches!(err, VerifyError::Connect { .. }), "{err:?}");
    assert_eq!(err.text().id, "verify-connect-failed");
}

#[tokio::test]
async fn a_backend_answer_to_a_forged_host_counts_as_reached() {
    let s = setup(90);
    let targets = |https, http| Targets {
        https: Some(https),
        http: Some(http),
        termine_host: HOST.into(),
        local_name: "nuno".into(),
        public_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        // Plain HTTP on 443 has its own test against real traefik.
        plain_on_https: false,
    };
    let clean = targets(
        tls_server(&s.pki, 200, None).await,
        plain_server(None).await,
    );
    let probes = exposure::probe_hosts(&clean, T).await;
    assert_eq!(probes.len(), 12);
    assert!(
        probes.iter().all(|p| p.reach == Reach::NotRouted(404)),
        "{probes:?}"
    );
    assert_eq!(
        id(&exposure::outcome(&probes, &[])),
        ("passed", "exposure-none".into())
    );

    // A backend's own 404 page still means the request got through.
    let leaky = targets(
        tls_server(&s.pki, 200, Some("webelexis.nuno")).await,
        plain_server(Some("127.0.0.1")).await,
    );
    let probes = exposure::probe_hosts(&leaky, T).await;
    let reached: Vec<(Scheme, &str)> = probes
        .iter()
        .filter(|p| matches!(p.reach, Reach::Reached(_)))
        .map(|p| (p.scheme, p.host.as_str()))
        .collect();
    assert_eq!(
        reached,
        [
            (Scheme::Https, "webelexis.nuno"),
            (Scheme::Http, "127.0.0.1")
        ]
    );
    match exposure::outcome(&probes, &[]) {
        Outcome::Failed(f) => {
            assert_eq!(f.summary.id, "exposure-host-reached");
            assert!(f.summary.args.contains(&("port".into(), "443".into())));
        }
        other => panic!("{other:?}"),
    }

    // A closed port is not an answer.
    let closed = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let open = plain_server(None).await;
    let ports = exposure::probe_ports(
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        &[closed.port(), open.port()],
        T,
    )
    .await;
    assert_eq!(
        ports.iter().map(|p| p.open).collect::<Vec<_>>(),
        [false, true]
    );
}

/// A proxy that just restarted answers 404 until its router for the
/// service is wired (seen in the lab: the certificate already right), or
/// 502–504 until the service listens; that is waited out, a real fault is
/// not, and neither is a chain browsers refuse.
#[tokio::test]
async fn a_proxy_still_starting_is_told_from_a_fault() {
    let s = setup(90);
    for status in [404, 502, 503, 504] {
        let r = check(tls_server(&s.pki, status, None).await, &s).await;
        assert!(r.still_starting(), "{status}");
    }
    let r = check(tls_server(&s.pki, 500, None).await, &s).await;
    assert!(!r.still_starting());
    let r = check(tls_server(&s.pki, 200, None).await, &s).await;
    assert!(!r.still_starting());
    // Verified against the system roots, the lab's chain is refused.
    let addr = tls_server(&s.pki, 404, None).await;
    let r = check_termine(addr, HOST, &Roots::System, T, OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert!(!r.still_starting());
}

/// The name points at the practice's own address 127.0.0.2, where nothing
/// listens: from inside it refuses, as through a router without hairpin
/// NAT, and the check falls back to this server (127.0.0.1, `port`).
async fn without_hairpin(s: &Setup, port: u16) -> praxis_tls::io::verify::patients::PatientsReport {
    use praxis_tls::io::verify::patients::{Lookout, check};
    let knot = knot::Knot::start(&[knot::Zone::new(
        "praxis-lab.example.",
        "$ORIGIN praxis-lab.example.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\ntermine A 127.0.0.2\n",
    )]);
    let dns = praxis_tls::io::dns::DnsConfig {
        server: Some(knot.addr),
        timeout: T,
    };
    let roots = Roots::CaFile(s.ca.path().to_path_buf());
    let own = [IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2))];
    let lookout = Lookout {
        host: HOST,
        port,
        dns: &dns,
        roots: &roots,
        expected: None,
        own: &own,
        local_name: "",
        ports: &[],
        timeout: T,
        settle: Duration::ZERO,
    };
    check(&lookout).await
}

/// Every word of a finding, as the German screen shows it.
fn german(f: &praxis_tls::core::Finding) -> String {
    use praxis_tls::core::Lang;
    let mut out = praxis_tls::i18n::text(Lang::De, &f.summary);
    if let Some(fix) = &f.fix {
        out.push(' ');
        out.push_str(&praxis_tls::i18n::text(Lang::De, fix));
    }
    out
}

fn finding(o: &Outcome) -> &praxis_tls::core::Finding {
    match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => f,
    }
}

/// Seen on this server, a fault is this server's: the words name the
/// server, never the router's forward.
fn blames_no_router(words: &str) {
    for router in ["Portfreigabe", "Router leitet", "FRITZ"] {
        assert!(!words.contains(router), "{router}: {words}");
    }
}

#[tokio::test]
async fn without_hairpin_nothing_on_this_server_is_said_as_this_servers_fault() {
    use praxis_tls::io::verify::patients::Vantage;
    let s = setup(90);
    // A port nobody holds on 127.0.0.1 either.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let report = without_hairpin(&s, port).await;
    assert_eq!(report.addresses.len(), 1, "{report:?}");
    assert_eq!(report.addresses[0].vantage, Vantage::ThisServer);
    let termine = report.termine();
    assert_eq!(id(&termine), ("failed", "patients-here-no-answer".into()));
    let words = german(finding(&termine));
    assert!(words.contains("auf dem Server"), "{words}");
    blames_no_router(&words);
    assert_eq!(report.tried().id, "patients-tried-here");
}

#[tokio::test]
async fn without_hairpin_a_refused_certificate_here_is_not_the_routers() {
    use praxis_tls::io::verify::patients::Vantage;
    // The proxy on this server shows a certificate from a CA the check does
    // not trust.
    let s = setup(90);
    let other = setup(90);
    let addr = tls_server(&other.pki, 200, None).await;
    let report = without_hairpin(&s, addr.port()).await;
    assert_eq!(report.addresses[0].vantage, Vantage::ThisServer);
    let termine = report.termine();
    assert_eq!(id(&termine), ("failed", "verify-chain-bad".into()));
    let words = german(finding(&termine));
    blames_no_router(&words);
    assert!(!words.contains("UnknownIssuer"), "in her words: {words}");
}

#[tokio::test]
async fn without_hairpin_the_right_certificate_here_is_said_as_seen_here() {
    let s = setup(90);
    let addr = tls_server(&s.pki, 200, None).await;
    let report = without_hairpin(&s, addr.port()).await;
    let termine = report.termine();
    assert_eq!(id(&termine), ("warning", "patients-served-here".into()));
    let words = german(finding(&termine));
    assert!(words.contains("Hier auf dem Server"), "{words}");
    assert!(words.contains("Handy"), "the real test is named: {words}");
    assert!(!words.contains("Geschafft"), "{words}");
}
