//! The router's WAN address over UPnP-IGD, against a stand-in gateway on
//! loopback: an SSDP responder, a small HTTP server with a device
//! description in the shape of a DSL router's, and the SOAP action. The
//! real executor runs the public-address discovery (a loopback echo) and
//! the UPnP query together; the wizard then judges the port-forwarding step.

mod support;

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use praxis_tls::core::model::network::PublicSeen;
use praxis_tls::core::{
    Action, CheckId, CheckState, Finding, Gate, Lang, Msg, Step, Wizard, gate, update,
};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::public_ip::HttpEndpoint;
use praxis_tls::io::upnp::{UpnpConfig, router_wan};
use time::macros::datetime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};

const NOW: time::OffsetDateTime = datetime!(2026-11-24 10:00 UTC);
const PUBLIC: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);
const IP_SERVICE: &str = "urn:schemas-upnp-org:service:WANIPConnection:1";

/// What the stand-in answers to `GetExternalIPAddress`.
#[derive(Clone, Copy)]
enum Wan {
    Address(Ipv4Addr),
    Fault,
}

/// Who the stand-in says it is in its description.
#[derive(Clone, Copy)]
struct Ident {
    name: &'static str,
    maker: &'static str,
    model: &'static str,
}

const TESTSTAND: Ident = Ident {
    name: "Teststand-Router 1",
    maker: "Teststand",
    model: "Stand-in IGD",
};

/// Written for this test in the shape of a DSL router's igddesc.xml: the
/// gateway, a WAN device, and a WAN connection device with its services.
fn description(http: SocketAddr, id: Ident) -> String {
    let Ident { name, maker, model } = id;
    format!(
        r#"<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
<specVersion><major>1</major><minor>0</minor></specVersion>
<device>
<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
<friendlyName>{name}</friendlyName>
<manufacturer>{maker}</manufacturer>
<modelName>{model}</modelName>
<deviceList><device>
<deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
<friendlyName>WANDevice - Teststand</friendlyName>
<serviceList><service>
<serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType>
<serviceId>urn:upnp-org:serviceId:WANCommonIFC1</serviceId>
<controlURL>/igdupnp/control/WANCommonIFC1</controlURL>
<SCPDURL>/igdicfgSCPD.xml</SCPDURL>
</service></serviceList>
<deviceList><device>
<deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
<friendlyName>WANConnectionDevice - Teststand</friendlyName>
<serviceList>
<service>
<serviceType>urn:schemas-upnp-org:service:WANDSLLinkConfig:1</serviceType>
<serviceId>urn:upnp-org:serviceId:WANDSLLinkC1</serviceId>
<controlURL>/igdupnp/control/WANDSLLinkC1</controlURL>
<SCPDURL>/igddslSCPD.xml</SCPDURL>
</service>
<service>
<serviceType>{IP_SERVICE}</serviceType>
<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>
<controlURL>/igdupnp/control/WANIPConn1</controlURL>
<SCPDURL>/igdconnSCPD.xml</SCPDURL>
</service>
</serviceList>
</device></deviceList>
</device></deviceList>
<presentationURL>http://{http}</presentationURL>
</device>
</root>
"#
    )
}

fn soap_answer(wan: Wan) -> (u16, String) {
    let env = |body: String| {
        format!(
            "<?xml version=\"1.0\"?>\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
             s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">\n<s:Body>{body}</s:Body>\n</s:Envelope>\n"
        )
    };
    match wan {
        Wan::Address(a) => (
            200,
            env(format!(
                "<u:GetExternalIPAddressResponse xmlns:u=\"{IP_SERVICE}\">\n\
                 <NewExternalIPAddress>{a}</NewExternalIPAddress>\n</u:GetExternalIPAddressResponse>"
            )),
        ),
        Wan::Fault => (500, fault("606", "Action not authorized")),
    }
}

fn fault(code: &str, text: &str) -> String {
    format!(
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>\
         <faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>\
         <UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>{code}</errorCode>\
         <errorDescription>{text}</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>"
    )
}

/// Reads one request: the head, and as much body as it announces.
async fn read_request(s: &mut TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n) = s.read(&mut chunk).await {
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let len = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                return text;
            }
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

async fn http_server(wan: Wan, id: Ident) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let request = read_request(&mut s).await;
            let action =
                format!("soapaction: \"{IP_SERVICE}#GetExternalIPAddress\"").to_ascii_lowercase();
            let (status, ctype, body) = if request.starts_with("GET /igddesc.xml ") {
                (200, "text/xml", description(addr, id))
            } else if request.starts_with("POST /igdupnp/control/WANIPConn1 ") {
                // A real gateway refuses a call that names another action.
                let named = request.to_ascii_lowercase().contains(&action)
                    && request.contains("<u:GetExternalIPAddress xmlns:u=\"urn:schemas-upnp-org:service:WANIPConnection:1\">");
                let (status, body) = if named {
                    soap_answer(wan)
                } else {
                    (500, fault("401", "Invalid Action"))
                };
                (status, "text/xml; charset=\"utf-8\"", body)
            } else {
                (404, "text/plain", "not here".to_string())
            };
            let answer = format!(
                "HTTP/1.1 {status} X\r\nCONTENT-TYPE: {ctype}\r\nCONTENT-LENGTH: {}\r\n\
                 SERVER: Teststand UPnP/1.0\r\n\r\n{body}",
                body.len()
            );
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    addr
}

/// A gateway on loopback; `None`: a socket that hears the search and never
/// answers, like a network without UPnP.
async fn gateway(wan: Option<Wan>) -> SocketAddr {
    gateway_as(wan, TESTSTAND).await
}

async fn gateway_as(wan: Option<Wan>, id: Ident) -> SocketAddr {
    let udp = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let ssdp = udp.local_addr().unwrap();
    let http = match wan {
        Some(w) => Some(http_server(w, id).await),
        None => None,
    };
    tokio::spawn(async move {
        let mut buf = [0u8; 2048];
        while let Ok((n, from)) = udp.recv_from(&mut buf).await {
            let Some(http) = http else { continue };
            let search = String::from_utf8_lossy(&buf[..n]).into_owned();
            if !search.starts_with("M-SEARCH * HTTP/1.1\r\n")
                || !search.contains("\r\nMAN: \"ssdp:discover\"\r\n")
            {
                continue;
            }
            // Like the gateway: the device and its connection service.
            let Some(st) = search.lines().find_map(|l| l.strip_prefix("ST: ")) else {
                continue;
            };
            if st != "urn:schemas-upnp-org:device:InternetGatewayDevice:1" && st != IP_SERVICE {
                continue;
            }
            let answer = format!(
                "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n\
                 LOCATION: http://{http}/igddesc.xml\r\nSERVER: Teststand UPnP/1.0\r\n\
                 ST: {st}\r\nUSN: uuid:00000000-0000-4000-8000-000000000001::{st}\r\n\r\n"
            );
            let _ = udp.send_to(answer.as_bytes(), from).await;
        }
    });
    ssdp
}

/// The plain-text echo that public-address discovery asks.
async fn echo(public: Ipv4Addr) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let _ = read_request(&mut s).await;
            let body = format!("{public}\n");
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let _ = s.write_all(answer.as_bytes()).await;
        }
    });
    port
}

fn upnp(ssdp: SocketAddr) -> UpnpConfig {
    UpnpConfig {
        ssdp_target: ssdp,
        ..UpnpConfig::default()
    }
}

/// Arrives on the port-forwarding step, runs discovery through the real
/// executor, and returns what it found with how long that took.
async fn discover(ssdp: SocketAddr, dns_a: Ipv4Addr) -> (Wizard, PublicSeen, Duration) {
    let state = tempfile::tempdir().unwrap();
    let dns = DnsConfig {
        server: None,
        timeout: Duration::from_secs(2),
    };
    let mut cfg = IoConfig::new(state.path(), dns);
    cfg.discovery.v4_dns = vec![];
    cfg.discovery.v6_dns = vec![];
    cfg.discovery.v6_http = vec![];
    cfg.discovery.v4_http = vec![HttpEndpoint {
        host: "127.0.0.1".into(),
        port: echo(PUBLIC).await,
        path: "/".into(),
        https: false,
        ca_file: None,
    }];
    cfg.discovery.timeout = Duration::from_secs(2);
    cfg.upnp = upnp(ssdp);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let exec = Executor::new(cfg, Journal::open(state.path()).unwrap(), tx);
    let mut w = Wizard::new(Lang::De, NOW);
    w.network.dns_a = vec![dns_a];
    w.step = Step::PortForwarding;
    let started = Instant::now();
    for e in update(&mut w, Msg::Key(Action::Recheck), NOW) {
        exec.run(e);
    }
    let msg = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap()
        .unwrap();
    let took = started.elapsed();
    let Msg::PublicDiscovered { seen, .. } = &msg else {
        panic!("{msg:?}");
    };
    let seen = seen.clone();
    update(&mut w, msg, NOW);
    (w, seen, took)
}

fn failed(w: &Wizard) -> Finding {
    match w.check(CheckId::PublicIp) {
        CheckState::Failed(f) => f.clone(),
        other => panic!("{other:?}"),
    }
}

fn passed(w: &Wizard) -> Finding {
    match w.check(CheckId::PublicIp) {
        CheckState::Passed(f) => f.clone(),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_wan_address_passes_when_dns_matches() {
    let (mut w, seen, _) = discover(gateway(Some(Wan::Address(PUBLIC))).await, PUBLIC).await;
    assert_eq!(seen.v4, Some(PUBLIC));
    assert_eq!(seen.router_wan, Some(PUBLIC));
    let f = passed(&w);
    assert_eq!(f.summary.id, "reach-dns-a-matches");
    let detail = f.detail.clone().unwrap_or_default();
    assert!(
        detail.contains("Teststand-Router 1 reports WAN 203.0.113.7"),
        "{detail}"
    );
    assert!(detail.contains("/igdupnp/control/WANIPConn1"), "{detail}");
    assert_eq!(
        w.network.router_wan,
        Some(PUBLIC),
        "kept for the plan choice"
    );
    update(&mut w, Msg::Key(Action::Toggle), NOW);
    assert_eq!(gate(&w), Gate::Open);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cgnat_wan_address_is_a_hard_stop() {
    let cgnat = Ipv4Addr::new(100, 64, 12, 34);
    let (mut w, seen, _) = discover(gateway(Some(Wan::Address(cgnat))).await, PUBLIC).await;
    assert_eq!(seen.router_wan, Some(cgnat));
    let f = failed(&w);
    assert_eq!(f.summary.id, "reach-public-cgnat");
    assert_eq!(
        f.fix.as_ref().map(|t| t.id.as_str()),
        Some("reach-fix-cgnat")
    );
    assert!(!f.can_override);
    let detail = f.detail.unwrap_or_default();
    assert!(
        detail.contains("router WAN address 100.64.12.34"),
        "{detail}"
    );
    update(&mut w, Msg::Key(Action::Toggle), NOW);
    assert_eq!(gate(&w), Gate::Blocked, "no trotzdem weiter");
    // Choosing how the address is assigned judges again, with the router.
    update(&mut w, Msg::Key(Action::Right), NOW);
    assert_eq!(failed(&w).summary.id, "reach-public-cgnat");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_wan_address_names_the_router_in_front() {
    let inner = Ipv4Addr::new(192, 168, 1, 20);
    let (w, seen, _) = discover(gateway(Some(Wan::Address(inner))).await, PUBLIC).await;
    assert_eq!(seen.router_wan, Some(inner));
    let f = failed(&w);
    assert_eq!(f.summary.id, "reach-public-wan-private");
    assert!(
        f.summary
            .args
            .contains(&("wan".to_string(), "192.168.1.20".into())),
        "{:?}",
        f.summary.args
    );
    assert_eq!(gate(&w), Gate::Blocked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_answer_is_no_failure_and_quick() {
    let (w, seen, took) = discover(gateway(None).await, PUBLIC).await;
    assert_eq!(seen.router_wan, None);
    let reason = seen.router_detail.unwrap_or_default();
    assert!(
        reason.contains("no UPnP Internet gateway answered"),
        "{reason}"
    );
    assert!(took < Duration::from_secs(3), "took {took:?}");
    let f = passed(&w);
    assert_eq!(f.summary.id, "reach-dns-a-matches");
    assert!(
        f.detail
            .clone()
            .unwrap_or_default()
            .contains("no UPnP Internet gateway")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finding_that_asks_for_action_says_how_the_router_would_tell() {
    let elsewhere = Ipv4Addr::new(198, 51, 100, 9);
    let (w, _, _) = discover(gateway(None).await, elsewhere).await;
    let f = failed(&w);
    assert_eq!(f.summary.id, "reach-dns-a-differs");
    let more: Vec<_> = f.more.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(more, ["reach-upnp-unread"]);
    // With the router's answer there is nothing to add.
    let ssdp = gateway(Some(Wan::Address(PUBLIC))).await;
    let (w, _, _) = discover(ssdp, elsewhere).await;
    assert!(failed(&w).more.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_soap_fault_keeps_its_reason() {
    let (w, seen, _) = discover(gateway(Some(Wan::Fault)).await, PUBLIC).await;
    assert_eq!(seen.router_wan, None);
    let reason = seen.router_detail.unwrap_or_default();
    assert!(
        reason.contains("SOAP fault, UPnPError 606: Action not authorized"),
        "{reason}"
    );
    let f = passed(&w);
    assert!(
        f.detail
            .clone()
            .unwrap_or_default()
            .contains("UPnPError 606")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_query_alone_reads_the_address() {
    let ssdp = gateway(Some(Wan::Address(PUBLIC))).await;
    let found = router_wan(&upnp(ssdp)).await.unwrap();
    assert_eq!(found.addr, PUBLIC);
    assert_eq!(found.router.as_deref(), Some("Teststand-Router 1"));
    // A port where nothing listens answers with ICMP: still just "none".
    let closed = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let target = closed.local_addr().unwrap();
    drop(closed);
    let cfg = UpnpConfig {
        discovery_timeout: Duration::from_millis(300),
        ..upnp(target)
    };
    let started = Instant::now();
    let e = router_wan(&cfg).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(e.to_string().contains("no UPnP Internet gateway"), "{e}");
}

/// The router guides: a stand-in per router family, its start page, and
/// the provider's reverse-DNS name.
#[path = "upnp/router.rs"]
mod router;

/// The router's start page where UPnP is silent.
#[path = "upnp/page.rs"]
mod page;
