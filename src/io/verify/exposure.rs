//! The exposure check: from outside, only the appointment service may
//! answer. Two questions:
//!
//! 1. Forged Host headers (`webelexis.`, `appserver.`, `pacs.`, `aet.`,
//!    `elexisdb.` + the practice's local name, and the bare address) sent
//!    to 443 and 80. **Reached** means any HTTP answer except traefik's own
//!    "404 page not found" (no router matched) or 421 (traefik refusing a
//!    Host that does not fit the TLS name). A 404 page from a backend is
//!    reached: the request got through. No answer at all (refused, reset,
//!    timed out, failed handshake) is not reached.
//! 2. The host ports Elexis-OOB publishes (3000, 3030, 3312, 4040, 5984,
//!    8080) must not accept a connection on the public address.
//!
//! On 443 the probes send the termine name as SNI, as a browser on the
//! appointment page would, so domain fronting is covered; certificates are
//! not judged here.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HOST;

use super::{connect_tcp, tls};
use crate::core::{Finding, Outcome, Text};
use crate::io::http_client;

/// Enough for traefik's own 404 page and the start of any other.
const MAX_ANSWER: usize = 64 * 1024;

/// Host ports of Elexis-OOB that must never be reachable from outside.
pub const INTERNAL_PORTS: [u16; 6] = [3000, 3030, 3312, 4040, 5984, 8080];
/// The prefixes Elexis-OOB gives its internal sites.
pub const INTERNAL_PREFIXES: [&str; 5] = ["webelexis", "appserver", "pacs", "aet", "elexisdb"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets {
    /// Where 443 and 80 of the public address lead (for a test: loopback
    /// ports). `None` skips that scheme.
    pub https: Option<SocketAddr>,
    pub http: Option<SocketAddr>,
    /// Also send plain HTTP to the HTTPS port: traefik serves a router
    /// without `tls` on every entrypoint, 443 included, unencrypted.
    pub plain_on_https: bool,
    pub termine_host: String,
    /// `LOCAL_NAME` of the install, e.g. `nuno`.
    pub local_name: String,
    pub public_ip: IpAddr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
    /// Plain HTTP sent to the HTTPS port.
    PlainOnHttps,
}

impl Scheme {
    fn port(self) -> &'static str {
        match self {
            Scheme::Http => "80",
            Scheme::Https | Scheme::PlainOnHttps => "443",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Nothing answered (or not in HTTP).
    NoAnswer(String),
    /// Traefik answered that no router matches.
    NotRouted(u16),
    /// Something behind the proxy answered.
    Reached(u16),
}

/// The technical line behind «D Details»: the HTTP status in words an IT
/// supporter reads at a glance.
impl std::fmt::Display for Reach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reach::NoAnswer(why) => write!(f, "no answer ({why})"),
            Reach::NotRouted(status) => write!(f, "not routed, HTTP {status}"),
            Reach::Reached(status) => write!(f, "reached, HTTP {status}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostProbe {
    pub scheme: Scheme,
    pub host: String,
    pub reach: Reach,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortProbe {
    pub port: u16,
    pub open: bool,
}

pub fn forged_hosts(local_name: &str, public_ip: IpAddr) -> Vec<String> {
    let mut hosts: Vec<String> = INTERNAL_PREFIXES
        .iter()
        .map(|p| format!("{p}.{local_name}"))
        .collect();
    hosts.push(match public_ip {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    });
    hosts
}

/// Traefik's own answer when no router matches the Host header is its
/// plain "404 page not found"; a 404 from a backend (an HTML page) means
/// the request got through. 421 is traefik refusing a Host that does not
/// fit the TLS name.
async fn judge(request: reqwest::RequestBuilder) -> Reach {
    let mut response = match request.send().await {
        Ok(r) => r,
        Err(e) => return Reach::NoAnswer(http_client::describe(&e)),
    };
    let status = response.status().as_u16();
    let body = http_client::body_limited(&mut response, MAX_ANSWER).await;
    let traefik_404 = status == 404 && body.trim_ascii_end().ends_with(b"404 page not found");
    if traefik_404 || status == 421 {
        Reach::NotRouted(status)
    } else {
        Reach::Reached(status)
    }
}

/// TLS to exactly `addr` with `sni` as the server name, asking for `host`.
async fn probe_https(addr: SocketAddr, sni: &str, host: &str, timeout: Duration) -> Reach {
    let config = match tls::client_config(Arc::new(tls::Recording::new(None))) {
        Ok(c) => c,
        Err(e) => return Reach::NoAnswer(e),
    };
    let builder = http_client::builder(timeout).resolve(sni, addr);
    let client = match http_client::build(builder, Some(config)) {
        Ok(c) => c,
        Err(e) => return Reach::NoAnswer(e),
    };
    let url = format!("https://{sni}:{}/", addr.port());
    judge(client.get(url).header(HOST, host)).await
}

/// Plain HTTP to exactly `addr` (the HTTPS port too), asking for `host`.
async fn probe_http(addr: SocketAddr, host: &str, timeout: Duration) -> Reach {
    match http_client::build(http_client::builder(timeout), None) {
        Ok(client) => judge(client.get(format!("http://{addr}/")).header(HOST, host)).await,
        Err(e) => Reach::NoAnswer(e),
    }
}

/// Every forged Host on every given scheme, one connection each.
pub async fn probe_hosts(t: &Targets, timeout: Duration) -> Vec<HostProbe> {
    let mut out = Vec::new();
    for host in forged_hosts(&t.local_name, t.public_ip) {
        if let Some(addr) = t.https {
            let reach = probe_https(addr, &t.termine_host, &host, timeout).await;
            out.push(HostProbe {
                scheme: Scheme::Https,
                host: host.clone(),
                reach,
            });
        }
        if let Some(addr) = t.https.filter(|_| t.plain_on_https) {
            let reach = probe_http(addr, &host, timeout).await;
            out.push(HostProbe {
                scheme: Scheme::PlainOnHttps,
                host: host.clone(),
                reach,
            });
        }
        if let Some(addr) = t.http {
            let reach = probe_http(addr, &host, timeout).await;
            out.push(HostProbe {
                scheme: Scheme::Http,
                host,
                reach,
            });
        }
    }
    out
}

/// Whether each port accepts a TCP connection at `ip`.
pub async fn probe_ports(ip: IpAddr, ports: &[u16], timeout: Duration) -> Vec<PortProbe> {
    let mut out = Vec::new();
    for &port in ports {
        let open = connect_tcp(SocketAddr::new(ip, port), timeout)
            .await
            .is_ok();
        out.push(PortProbe { port, open });
    }
    out
}

/// Failed when anything internal answered; the detail lists every probe.
pub fn outcome(hosts: &[HostProbe], ports: &[PortProbe]) -> Outcome {
    let reached: Vec<&HostProbe> = hosts
        .iter()
        .filter(|p| matches!(p.reach, Reach::Reached(_)))
        .collect();
    let open: Vec<String> = ports
        .iter()
        .filter(|p| p.open)
        .map(|p| p.port.to_string())
        .collect();
    let mut detail = String::new();
    for p in hosts {
        let how = if p.scheme == Scheme::PlainOnHttps {
            " (plain HTTP)"
        } else {
            ""
        };
        detail.push_str(&format!(
            "Host {} on port {}{how}: {}\n",
            p.host,
            p.scheme.port(),
            p.reach
        ));
    }
    for p in ports {
        detail.push_str(&format!(
            "port {}: {}\n",
            p.port,
            if p.open { "open" } else { "closed" }
        ));
    }
    if let Some(first) = reached.first() {
        let port = first.scheme.port();
        let names: Vec<&str> = reached.iter().map(|p| p.host.as_str()).collect();
        let mut f = Finding::new(
            Text::new("exposure-host-reached")
                .arg("hosts", names.join(", "))
                .arg("port", port),
        )
        .fix(Text::new("exposure-host-reached-fix"))
        .detail(detail);
        if !open.is_empty() {
            f.detail = f
                .detail
                .map(|d| format!("{d}open ports: {}\n", open.join(", ")));
        }
        return Outcome::Failed(f);
    }
    // A list reads «4040, 4041 und 4042»: the message joins the last item
    // with its own word for "and".
    if let Some((last, rest)) = open.split_last() {
        return Outcome::Failed(
            Finding::new(
                Text::new("exposure-ports-open")
                    .arg("ports", open.join(", "))
                    .num("count", open.len())
                    .arg("rest", rest.join(", "))
                    .arg("last", last),
            )
            .fix(Text::new("exposure-ports-open-fix"))
            .detail(detail),
        );
    }
    Outcome::Passed(Finding::new(Text::new("exposure-none")).detail(detail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Lang;

    fn ports_finding(open: &[u16]) -> Finding {
        let ports: Vec<PortProbe> = [3030, 4040, 4041, 8080]
            .iter()
            .map(|&port| PortProbe {
                port,
                open: open.contains(&port),
            })
            .collect();
        let hosts = [
            HostProbe {
                scheme: Scheme::Http,
                host: "intern.praxis".into(),
                reach: Reach::NotRouted(404),
            },
            HostProbe {
                scheme: Scheme::Https,
                host: "203.0.113.7".into(),
                reach: Reach::NoAnswer("timeout".into()),
            },
        ];
        match outcome(&hosts, &ports) {
            Outcome::Failed(f) => f,
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn every_probe_is_one_line_of_the_details() {
        let f = ports_finding(&[4040]);
        let detail = f.detail.unwrap_or_default();
        let lines: Vec<&str> = detail.lines().collect();
        assert_eq!(
            lines,
            [
                "Host intern.praxis on port 80: not routed, HTTP 404",
                "Host 203.0.113.7 on port 443: no answer (timeout)",
                "port 3030: closed",
                "port 4040: open",
                "port 4041: closed",
                "port 8080: closed",
            ]
        );
    }

    #[test]
    fn one_port_is_singular_and_several_are_a_list_with_and() {
        let cases = [
            (&[4040][..], Lang::De, "(Port 4040)"),
            (&[4040, 4041][..], Lang::De, "(Ports 4040 und 4041)"),
            (
                &[3030, 4040, 4041][..],
                Lang::De,
                "(Ports 3030, 4040 und 4041)",
            ),
            (&[4040][..], Lang::En, "(port 4040)"),
            (&[4040, 4041][..], Lang::En, "(ports 4040 and 4041)"),
            (
                &[3030, 4040, 4041][..],
                Lang::En,
                "(ports 3030, 4040 and 4041)",
            ),
        ];
        for (open, lang, want) in cases {
            let shown = crate::i18n::text(lang, &ports_finding(open).summary);
            assert!(shown.contains(want), "{lang:?} {open:?}: {shown}");
        }
    }
}
