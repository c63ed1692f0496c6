//! Which public addresses this site is seen from, and the reachability
//! probe. Every endpoint is configurable, so tests point them at loopback.
//!
//! DNS first (OpenDNS answers `myip.opendns.com` with the asking address,
//! Google's `o-o.myaddr.l.google.com` TXT does the same), then a plain-text
//! echo over plain HTTP. Plain HTTP rather than reqwest with TLS: the answer
//! is only compared with DNS and shown to a person, the DNS path is just as
//! unauthenticated, the same minimal client already serves the probe, and
//! it keeps a second TLS client stack out of the build.

pub mod http;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use hickory_resolver::Resolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use tokio::time::timeout;

use crate::core::library::reach::{Family, ProbeReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DnsQuery {
    /// The answer's A or AAAA record is the asking address.
    Address,
    /// The answer's TXT record holds the asking address.
    Txt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsEndpoint {
    /// Asked directly: the answer is the address this server is seen from,
    /// so IPv6 discovery must use an IPv6 server address.
    pub server: SocketAddr,
    pub name: String,
    pub query: DnsQuery,
}

/// `https://host:port/path` (or plain `http://`) answering the caller's
/// address as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpEndpoint {
    pub host: String,
    pub port: u16,
    pub path: String,
    /// HTTPS, checked against the system's roots or `ca_file`.
    pub https: bool,
    /// A CA to trust instead of the system's (tests, a lab).
    pub ca_file: Option<std::path::PathBuf>,
}

/// The roots an HTTPS echo is checked against.
fn tls_config(
    ca_file: Option<&std::path::Path>,
) -> Result<std::sync::Arc<rustls::ClientConfig>, String> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    match ca_file {
        Some(path) => {
            for cert in CertificateDer::pem_file_iter(path).map_err(|e| e.to_string())? {
                roots
                    .add(cert.map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
        }
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(std::sync::Arc::new(config))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryConfig {
    pub v4_dns: Vec<DnsEndpoint>,
    pub v4_http: Vec<HttpEndpoint>,
    pub v6_dns: Vec<DnsEndpoint>,
    pub v6_http: Vec<HttpEndpoint>,
    /// For each single attempt.
    pub timeout: Duration,
}

fn dns(ip: IpAddr, name: &str, query: DnsQuery) -> DnsEndpoint {
    DnsEndpoint {
        server: SocketAddr::new(ip, 53),
        name: name.to_string(),
        query,
    }
}

fn web(host: &str) -> HttpEndpoint {
    HttpEndpoint {
        host: host.to_string(),
        port: 443,
        path: "/".to_string(),
        https: true,
        ca_file: None,
    }
}

impl Default for DiscoveryConfig {
    fn default() -> Self {
        const OPENDNS: &str = "myip.opendns.com.";
        const GOOGLE: &str = "o-o.myaddr.l.google.com.";
        // resolver1.opendns.com and ns1.google.com, by address: discovery
        // must not depend on the local resolver, which may be the router.
        let opendns_v4 = IpAddr::V4(Ipv4Addr::new(208, 67, 222, 222));
        let opendns_v6 = IpAddr::V6(Ipv6Addr::new(0x2620, 0x119, 0x35, 0, 0, 0, 0, 0x35));
        let google_v4 = IpAddr::V4(Ipv4Addr::new(216, 239, 32, 10));
        let google_v6 = IpAddr::V6(Ipv6Addr::new(0x2001, 0x4860, 0x4802, 0x32, 0, 0, 0, 0xa));
        DiscoveryConfig {
            v4_dns: vec![
                dns(opendns_v4, OPENDNS, DnsQuery::Address),
                dns(google_v4, GOOGLE, DnsQuery::Txt),
            ],
            v4_http: vec![web("ipv4.icanhazip.com"), web("api.ipify.org")],
            v6_dns: vec![
                dns(opendns_v6, OPENDNS, DnsQuery::Address),
                dns(google_v6, GOOGLE, DnsQuery::Txt),
            ],
            v6_http: vec![web("ipv6.icanhazip.com"), web("api6.ipify.org")],
            timeout: Duration::from_secs(4),
        }
    }
}

/// One family's result: the address, which endpoint said so, and what went
/// wrong on the way (for the detail view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered<T> {
    pub addr: Option<T>,
    pub source: Option<String>,
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicAddrs {
    pub v4: Discovered<Ipv4Addr>,
    pub v6: Discovered<Ipv6Addr>,
}

pub async fn discover(cfg: &DiscoveryConfig) -> PublicAddrs {
    let (v4, v6) = tokio::join!(
        discover_family(&cfg.v4_dns, &cfg.v4_http, Family::V4, cfg.timeout),
        discover_family(&cfg.v6_dns, &cfg.v6_http, Family::V6, cfg.timeout),
    );
    let narrow4 = |ip: IpAddr| match ip {
        IpAddr::V4(a) => Some(a),
        IpAddr::V6(_) => None,
    };
    let narrow6 = |ip: IpAddr| match ip {
        IpAddr::V6(a) => Some(a),
        IpAddr::V4(_) => None,
    };
    PublicAddrs {
        v4: Discovered {
            addr: v4.addr.and_then(narrow4),
            source: v4.source,
            errors: v4.errors,
        },
        v6: Discovered {
            addr: v6.addr.and_then(narrow6),
            source: v6.source,
            errors: v6.errors,
        },
    }
}

/// The public IPv4 address alone, as discovery finds it: asked again right
/// before an order, where only IPv4 is compared with the name.
pub async fn discover_v4(cfg: &DiscoveryConfig) -> Option<Ipv4Addr> {
    let found = discover_family(&cfg.v4_dns, &cfg.v4_http, Family::V4, cfg.timeout).await;
    match found.addr {
        Some(IpAddr::V4(a)) => Some(a),
        _ => None,
    }
}

async fn discover_family(
    dns_eps: &[DnsEndpoint],
    http_eps: &[HttpEndpoint],
    family: Family,
    limit: Duration,
) -> Discovered<IpAddr> {
    let mut errors = Vec::new();
    for ep in dns_eps {
        let label = format!("dns {} @{}", ep.name, ep.server);
        match timeout(limit, dns_lookup(ep, family, limit)).await {
            Ok(Ok(ip)) => return found(ip, label, errors),
            Ok(Err(e)) => errors.push(format!("{label}: {e}")),
            Err(_) => errors.push(format!("{label}: timeout")),
        }
    }
    for ep in http_eps {
        let label = format!("http://{}:{}{}", ep.host, ep.port, ep.path);
        match timeout(limit, http_lookup(ep, family, limit)).await {
            Ok(Ok(ip)) => return found(ip, label, errors),
            Ok(Err(e)) => errors.push(format!("{label}: {e}")),
            Err(_) => errors.push(format!("{label}: timeout")),
        }
    }
    Discovered {
        addr: None,
        source: None,
        errors,
    }
}

fn found(ip: IpAddr, source: String, errors: Vec<String>) -> Discovered<IpAddr> {
    Discovered {
        addr: Some(ip),
        source: Some(source),
        errors,
    }
}

fn of_family(ip: IpAddr, family: Family) -> Result<IpAddr, String> {
    if Family::of(ip) == family && !ip.is_unspecified() {
        Ok(ip)
    } else {
        Err(format!("answer {ip} is not a usable {family:?} address"))
    }
}

async fn dns_lookup(ep: &DnsEndpoint, family: Family, limit: Duration) -> Result<IpAddr, String> {
    let mut udp = ConnectionConfig::udp();
    udp.port = ep.server.port();
    let mut tcp = ConnectionConfig::tcp();
    tcp.port = ep.server.port();
    let ns = NameServerConfig::new(ep.server.ip(), true, vec![udp, tcp]);
    let config = ResolverConfig::from_name_servers(vec![ns]);
    let mut builder = Resolver::builder_with_config(config, TokioRuntimeProvider::default());
    let opts = builder.options_mut();
    opts.timeout = limit;
    opts.attempts = 1;
    opts.use_hosts_file = ResolveHosts::Never;
    let resolver = builder.build().map_err(|e| e.to_string())?;
    let record_type = match (ep.query, family) {
        (DnsQuery::Txt, _) => RecordType::TXT,
        (DnsQuery::Address, Family::V4) => RecordType::A,
        (DnsQuery::Address, Family::V6) => RecordType::AAAA,
    };
    let lookup = resolver
        .lookup(ep.name.as_str(), record_type)
        .await
        .map_err(|e| e.to_string())?;
    let ip = lookup.answers().iter().find_map(|r| match &r.data {
        RData::A(a) => Some(IpAddr::V4(a.0)),
        RData::AAAA(a) => Some(IpAddr::V6(a.0)),
        RData::TXT(t) => t
            .txt_data
            .iter()
            .find_map(|s| std::str::from_utf8(s).ok()?.trim().parse::<IpAddr>().ok()),
        _ => None,
    });
    of_family(ip.ok_or("no address in the answer")?, family)
}

async fn http_lookup(ep: &HttpEndpoint, family: Family, limit: Duration) -> Result<IpAddr, String> {
    let addrs = tokio::net::lookup_host((ep.host.as_str(), ep.port))
        .await
        .map_err(|e| e.to_string())?;
    // The echo must see us over the family we ask about.
    let addr = addrs
        .into_iter()
        .find(|a| Family::of(a.ip()) == family)
        .ok_or_else(|| format!("{} has no {family:?} address", ep.host))?;
    let answer = if ep.https {
        let tls = tls_config(ep.ca_file.as_deref())?;
        http::get_tls(addr, &ep.host, &ep.path, limit, tls).await
    } else {
        http::get(addr, &ep.host, &ep.path, limit).await
    }
    .map_err(|e| format!("{e:?}"))?;
    if answer.status != 200 {
        return Err(format!("status {}", answer.status));
    }
    let ip = answer
        .body_prefix
        .trim()
        .parse::<IpAddr>()
        .map_err(|_| format!("not an address: {:?}", answer.body_prefix.trim()))?;
    of_family(ip, family)
}

/// Fetches `http://<host>/.well-known/acme-challenge/<token>` from `addr`
/// (connecting there whatever DNS says, with the public name as Host), as
/// Let's Encrypt's validator would.
pub async fn probe(
    host: &str,
    addr: IpAddr,
    port: u16,
    token: &str,
    limit: Duration,
) -> ProbeReport {
    let path = format!("/.well-known/acme-challenge/{token}");
    let result = http::get(SocketAddr::new(addr, port), host, &path, limit).await;
    ProbeReport {
        address: addr,
        port,
        result,
    }
}
