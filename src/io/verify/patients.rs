//! The check as a patient's browser makes it: the name is resolved at the
//! moment of the check (A and AAAA), and every address it returns must
//! serve the new certificate. An address saved on an earlier step proves
//! nothing once the DNS entry changed.
//!
//! Where an address does not answer from inside and it is the practice's
//! own public address, the router does not loop back (no hairpin NAT): the
//! certificate is then checked on this server itself, the result says so,
//! and it never blames the router for what was seen locally.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use time::OffsetDateTime;

use super::exposure::{self, Targets};
use super::{Roots, TermineReport, VerifyError, check_termine};
use crate::core::{Finding, Outcome, Text};
use crate::io::dns::DnsConfig;

/// Where a result was seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vantage {
    /// Through the address itself, as from outside.
    Direct,
    /// On this server's own port, because the router does not loop back.
    ThisServer,
}

/// One address of the name and what it served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressCheck {
    pub address: IpAddr,
    pub vantage: Vantage,
    pub termine: Outcome,
    /// SHA-256 of the leaf served, when a TLS connection came about.
    pub fingerprint: Option<String>,
    pub exposure: Outcome,
}

/// What to check, and against what.
#[derive(Debug, Clone)]
pub struct Lookout<'a> {
    pub host: &'a str,
    /// 443; a lab maps its own.
    pub port: u16,
    pub dns: &'a DnsConfig,
    pub roots: &'a Roots,
    /// The fingerprint of the certificate that must be served.
    pub expected: Option<&'a str>,
    /// The practice's own public addresses, as discovery found them.
    pub own: &'a [IpAddr],
    /// `LOCAL_NAME` of the install, for the forged Hosts (may be empty).
    pub local_name: &'a str,
    /// Host ports that must not answer at any address.
    pub ports: &'a [u16],
    pub timeout: Duration,
    /// How long a proxy that still serves another certificate is given.
    pub settle: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientsReport {
    pub host: String,
    /// Why there are no addresses, when there are none.
    pub lookup: Option<Finding>,
    pub addresses: Vec<AddressCheck>,
}

/// The name's addresses now, IPv4 first (as the router forwards them).
pub async fn addresses(dns: &DnsConfig, host: &str) -> Result<Vec<IpAddr>, Finding> {
    let report = crate::io::dns::resolve(dns, host).await;
    let mut out: Vec<IpAddr> = Vec::new();
    if let Ok(a) = &report.a {
        out.extend(a.iter().copied().map(IpAddr::V4));
    }
    if let Ok(aaaa) = &report.aaaa {
        out.extend(aaaa.iter().copied().map(IpAddr::V6));
    }
    out.dedup();
    if out.is_empty() {
        let detail = format!("A: {:?}; AAAA: {:?}", report.a, report.aaaa);
        return Err(
            Finding::new(Text::new("patients-no-address").arg("host", host.to_string()))
                .fix(Text::new("patients-no-address-fix"))
                .detail(detail),
        );
    }
    Ok(out)
}

fn loopback(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
    }
}

fn served_expected(l: &Lookout<'_>, fingerprint: Option<&str>) -> bool {
    let norm = |s: &str| s.replace(':', "").to_ascii_lowercase();
    match (l.expected, fingerprint) {
        (None, _) => true,
        (Some(e), Some(f)) => norm(e) == norm(f),
        (Some(_), None) => false,
    }
}

/// The certificate at one address, from outside or (no hairpin) from here.
/// One look at one address.
struct Look {
    vantage: Vantage,
    outcome: Outcome,
    fingerprint: Option<String>,
    /// The proxy answered as one that is still starting; see
    /// [`TermineReport::still_starting`].
    starting: bool,
}

impl Look {
    fn of(vantage: Vantage, outcome: Outcome, r: Option<&TermineReport>) -> Look {
        Look {
            vantage,
            outcome,
            fingerprint: r.map(|r| r.tls.fingerprint.clone()),
            starting: r.is_some_and(TermineReport::still_starting),
        }
    }
}

async fn termine_at(l: &Lookout<'_>, ip: IpAddr, now: OffsetDateTime) -> Look {
    let addr = SocketAddr::new(ip, l.port);
    match check_termine(addr, l.host, l.roots, l.timeout, now).await {
        Ok(r) => Look::of(Vantage::Direct, r.outcome(l.expected), Some(&r)),
        Err(VerifyError::Connect { error, .. }) if l.own.contains(&ip) => {
            let local = SocketAddr::new(loopback(ip), l.port);
            match check_termine(local, l.host, l.roots, l.timeout, now).await {
                Ok(r) => {
                    // Right here is not yet right for patients: said as what
                    // was seen where, never as «done».
                    let outcome = match r.outcome(l.expected) {
                        Outcome::Passed(f) => Outcome::Warning(
                            Finding::new(
                                Text::new("patients-served-here")
                                    .arg("address", ip.to_string())
                                    .num("days", r.tls.days_left.unwrap_or(0)),
                            )
                            .fix(Text::new("patients-served-here-fix").arg("host", l.host))
                            .detail(f.detail.unwrap_or_default()),
                        ),
                        Outcome::Warning(f) => Outcome::Warning(f.fix(
                            Text::new("patients-checked-here").arg("address", ip.to_string()),
                        )),
                        failed => failed,
                    };
                    Look::of(Vantage::ThisServer, outcome, Some(&r))
                }
                Err(e) => {
                    // Seen on this server: the router is not involved.
                    let f = Finding::new(Text::new("patients-here-no-answer").num("port", l.port))
                        .fix(Text::new("patients-here-no-answer-fix"))
                        .detail(format!("{addr}: {error}; {local}: {e}"));
                    Look::of(Vantage::ThisServer, Outcome::Failed(f), None)
                }
            }
        }
        Err(VerifyError::Connect { error, .. }) if !l.own.is_empty() => {
            let own: Vec<String> = l.own.iter().map(ToString::to_string).collect();
            let f = Finding::new(
                Text::new("patients-points-elsewhere")
                    .arg("host", l.host.to_string())
                    .arg("address", ip.to_string())
                    .arg("own", own.join(", ")),
            )
            .fix(Text::new("patients-points-elsewhere-fix").arg("own", own.join(", ")))
            .detail(format!("{addr}: {error}"));
            Look::of(Vantage::Direct, Outcome::Failed(f), None)
        }
        Err(e) => Look::of(Vantage::Direct, e.outcome(), None),
    }
}

/// Forged Hosts over TLS and over plain HTTP on the HTTPS port, and the
/// internal ports, at one address. From inside, through a router that does
/// not loop back, nothing about the internet side can be told.
async fn exposure_at(l: &Lookout<'_>, ip: IpAddr, vantage: Vantage) -> Outcome {
    if vantage == Vantage::ThisServer {
        return Outcome::Warning(
            Finding::new(Text::new("patients-exposure-here").arg("address", ip.to_string()))
                .fix(Text::new("golive-from-outside-fix").arg("host", l.host.to_string())),
        );
    }
    let https = SocketAddr::new(ip, l.port);
    let targets = Targets {
        https: Some(https),
        http: None,
        plain_on_https: true,
        termine_host: l.host.to_string(),
        local_name: l.local_name.to_string(),
        public_ip: ip,
    };
    let hosts = exposure::probe_hosts(&targets, l.timeout).await;
    let ports = exposure::probe_ports(ip, l.ports, l.timeout).await;
    exposure::outcome(&hosts, &ports)
}

/// Resolves the name and checks every address; waits up to `settle` for
/// each address to serve the expected certificate before judging.
pub async fn check(l: &Lookout<'_>) -> PatientsReport {
    let ips = match addresses(l.dns, l.host).await {
        Ok(ips) => ips,
        Err(f) => {
            return PatientsReport {
                host: l.host.to_string(),
                lookup: Some(f),
                addresses: Vec::new(),
            };
        }
    };
    let deadline = tokio::time::Instant::now() + l.settle;
    let mut seen: Vec<(IpAddr, Look)> = Vec::new();
    for ip in ips {
        let look = loop {
            let look = termine_at(l, ip, OffsetDateTime::now_utc()).await;
            let done = (served_expected(l, look.fingerprint.as_deref()) && !look.starting)
                || tokio::time::Instant::now() >= deadline;
            if done {
                break look;
            }
            tracing::debug!("final check: {ip} does not serve the new certificate yet");
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        seen.push((ip, look));
    }
    let mut addresses = Vec::new();
    for (address, look) in seen {
        let exposure = exposure_at(l, address, look.vantage).await;
        addresses.push(AddressCheck {
            address,
            vantage: look.vantage,
            termine: look.outcome,
            fingerprint: look.fingerprint,
            exposure,
        });
    }
    PatientsReport {
        host: l.host.to_string(),
        lookup: None,
        addresses,
    }
}

fn rank(o: &Outcome) -> u8 {
    match o {
        Outcome::Passed(_) => 0,
        Outcome::Warning(_) => 1,
        Outcome::Failed(_) => 2,
    }
}

fn finding(o: &Outcome) -> &Finding {
    match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => f,
    }
}

fn with_finding(o: &Outcome, f: Finding) -> Outcome {
    match o {
        Outcome::Passed(_) => Outcome::Passed(f),
        Outcome::Warning(_) => Outcome::Warning(f),
        Outcome::Failed(_) => Outcome::Failed(f),
    }
}

/// The worst of the addresses' outcomes, with a line naming every address
/// tried and where it was seen from.
fn worst(report: &PatientsReport, pick: impl Fn(&AddressCheck) -> &Outcome) -> Outcome {
    if let Some(f) = &report.lookup {
        return Outcome::Failed(f.clone());
    }
    let Some(worst) = report.addresses.iter().max_by_key(|a| rank(pick(a))) else {
        return Outcome::Failed(Finding::new(
            Text::new("patients-no-address").arg("host", report.host.clone()),
        ));
    };
    let mut f = finding(pick(worst)).clone();
    f.more.push(report.tried());
    let details: Vec<String> = report
        .addresses
        .iter()
        .filter_map(|a| {
            finding(pick(a))
                .detail
                .as_ref()
                .map(|d| format!("{}: {d}", a.address))
        })
        .collect();
    if !details.is_empty() {
        f.detail = Some(details.join("\n"));
    }
    with_finding(pick(worst), f)
}

impl PatientsReport {
    /// Which addresses were tried, and from where.
    pub fn tried(&self) -> Text {
        let here: Vec<String> = self
            .addresses
            .iter()
            .filter(|a| a.vantage == Vantage::ThisServer)
            .map(|a| a.address.to_string())
            .collect();
        let direct: Vec<String> = self
            .addresses
            .iter()
            .filter(|a| a.vantage == Vantage::Direct)
            .map(|a| a.address.to_string())
            .collect();
        let id = match (direct.is_empty(), here.is_empty()) {
            (false, true) | (true, true) => "patients-tried-direct",
            (true, false) => "patients-tried-here",
            (false, false) => "patients-tried-both",
        };
        Text::new(id)
            .arg("host", self.host.clone())
            .arg("direct", direct.join(", "))
            .arg("here", here.join(", "))
    }

    /// Passes only when every address serves the expected certificate.
    pub fn termine(&self) -> Outcome {
        worst(self, |a| &a.termine)
    }

    /// Fails when anything internal answers at any address.
    pub fn exposure(&self) -> Outcome {
        worst(self, |a| &a.exposure)
    }

    /// The fingerprints served, one per address that answered.
    pub fn fingerprints(&self) -> Vec<String> {
        self.addresses
            .iter()
            .filter_map(|a| a.fingerprint.clone())
            .collect()
    }

    /// True when at least one address was reached from outside.
    pub fn reached_directly(&self) -> bool {
        self.addresses
            .iter()
            .any(|a| a.vantage == Vantage::Direct && a.fingerprint.is_some())
    }

    pub fn passed(&self) -> bool {
        !matches!(self.termine(), Outcome::Failed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ip: &str, vantage: Vantage, termine: Outcome) -> AddressCheck {
        AddressCheck {
            address: ip.parse().unwrap(),
            vantage,
            termine,
            fingerprint: None,
            exposure: Outcome::Passed(Finding::new(Text::new("exposure-none"))),
        }
    }

    fn ok() -> Outcome {
        Outcome::Passed(Finding::new(Text::new("verify-passed")))
    }

    #[test]
    fn one_failing_address_fails_the_whole_check_and_all_are_named() {
        let r = PatientsReport {
            host: "termine.example.ch".into(),
            lookup: None,
            addresses: vec![
                check("192.0.2.1", Vantage::Direct, ok()),
                check(
                    "2001:db8::1",
                    Vantage::Direct,
                    Outcome::Failed(Finding::new(Text::new("verify-other-certificate"))),
                ),
            ],
        };
        let Outcome::Failed(f) = r.termine() else {
            panic!("{:?}", r.termine())
        };
        assert_eq!(f.summary.id, "verify-other-certificate");
        let tried = f.more.last().unwrap();
        assert_eq!(tried.id, "patients-tried-direct");
        let direct = &tried.args.iter().find(|(k, _)| k == "direct").unwrap().1;
        assert_eq!(direct, "192.0.2.1, 2001:db8::1");
        assert!(!r.passed());
    }

    #[test]
    fn a_name_without_addresses_fails() {
        let r = PatientsReport {
            host: "termine.example.ch".into(),
            lookup: None,
            addresses: Vec::new(),
        };
        assert!(matches!(r.termine(), Outcome::Failed(_)));
    }

    #[test]
    fn a_result_seen_on_this_server_says_so() {
        let r = PatientsReport {
            host: "termine.example.ch".into(),
            lookup: None,
            addresses: vec![check("192.0.2.1", Vantage::ThisServer, ok())],
        };
        let tried = r.tried();
        let here = &tried.args.iter().find(|(k, _)| k == "here").unwrap().1;
        assert_eq!(here, "192.0.2.1");
    }
}
