//! Reachability from data: does the name point here, what answered a probe,
//! and what will Let's Encrypt's validator do with A and AAAA records.
//! The io layer gathers the facts (`ProbeReport`, discovered addresses);
//! nothing here touches the network.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::core::model::check::{Finding, Outcome, Text};

mod validation;
pub use validation::{AddressPlan, Prediction, ValidationInputs, compare_a, predict_validation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Family {
    V4,
    V6,
}

impl Family {
    pub fn of(ip: IpAddr) -> Family {
        match ip {
            IpAddr::V4(_) => Family::V4,
            IpAddr::V6(_) => Family::V6,
        }
    }

    pub(crate) fn tag(self) -> &'static str {
        match self {
            Family::V4 => "IPv4",
            Family::V6 => "IPv6",
        }
    }
}

/// Why a connection attempt produced no HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProbeError {
    Refused,
    /// No answer to the connection attempt (a dropping firewall).
    ConnectTimeout,
    /// Connected, but no complete answer in time.
    ResponseTimeout,
    Unreachable,
    Reset,
    Other(String),
}

/// What came back from one HTTP request, as raw as the classifier needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HttpAnswer {
    pub status: u16,
    pub server: Option<String>,
    pub location: Option<String>,
    /// The first bytes of the body, lossily decoded.
    pub body_prefix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeReport {
    pub address: IpAddr,
    pub port: u16,
    pub result: Result<HttpAnswer, ProbeError>,
}

/// What answered a probe of `http://<name>/.well-known/acme-challenge/<token>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProbeClass {
    TokenServed,
    Refused,
    Timeout,
    Unreachable,
    /// The router's own web interface, not the server behind it.
    RouterPage {
        vendor: String,
    },
    /// Redirected to HTTPS, where the token is not served.
    HttpsRedirect {
        location: String,
    },
    /// Traefik answered: the forward leads to its port 80, not the responder.
    Traefik,
    /// Something else answered.
    Other {
        status: u16,
        server: String,
    },
    /// Probed from inside towards our own public address and the router
    /// does not loop it back: nothing can be concluded from here.
    HairpinUnsupported,
}

/// How one address family fared, in the terms Let's Encrypt's fallback
/// rule cares about: did a TCP connection come up at all?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FamilyProbe {
    TokenServed,
    Answered { status: u16, server: Option<String> },
    Refused,
    Timeout,
    Unreachable,
}

impl FamilyProbe {
    pub(crate) fn connection_failed(&self) -> bool {
        matches!(
            self,
            FamilyProbe::Refused | FamilyProbe::Timeout | FamilyProbe::Unreachable
        )
    }
}

impl FamilyProbe {
    /// What a probe of one address means for the fallback rule.
    pub fn from_report(r: &ProbeReport, key_auth: &str) -> Self {
        match &r.result {
            Ok(a) if a.status == 200 && a.body_prefix.trim_end() == key_auth => {
                FamilyProbe::TokenServed
            }
            Ok(a) => FamilyProbe::Answered {
                status: a.status,
                server: a.server.clone(),
            },
            Err(ProbeError::Refused) => FamilyProbe::Refused,
            Err(ProbeError::ConnectTimeout) => FamilyProbe::Timeout,
            Err(ProbeError::Unreachable) => FamilyProbe::Unreachable,
            // The connection came up, so Let's Encrypt would not fall back.
            Err(ProbeError::ResponseTimeout | ProbeError::Reset | ProbeError::Other(_)) => {
                FamilyProbe::Answered {
                    status: 0,
                    server: None,
                }
            }
        }
    }
}

const ROUTER_MARKERS: &[(&str, &str)] = &[
    ("fritz!box", "FRITZ!Box"),
    ("fritz.box", "FRITZ!Box"),
    ("avm gmbh", "FRITZ!Box"),
    ("speedport", "Speedport"),
    ("vodafone station", "Vodafone Station"),
    ("easybox", "EasyBox"),
    ("internet-box", "Internet-Box"),
    ("internet box", "Internet-Box"),
    ("connect box", "Connect Box"),
    ("draytek", "DrayTek"),
    ("zyxel", "Zyxel"),
    ("tp-link", "TP-Link"),
    ("mikrotik", "MikroTik"),
    ("routeros", "MikroTik"),
    ("openwrt", "OpenWrt"),
    ("luci", "OpenWrt"),
    ("pfsense", "pfSense"),
    ("opnsense", "OPNsense"),
    ("ubiquiti", "Ubiquiti"),
];

/// Embedded web servers that, in practice, are routers and modems.
const ROUTER_SERVERS: &[&str] = &["rompager", "mini_httpd", "micro_httpd", "goahead", "boa/"];

fn router_vendor(answer: &HttpAnswer) -> Option<String> {
    let server = answer.server.as_deref().unwrap_or("").to_ascii_lowercase();
    let body = answer.body_prefix.to_ascii_lowercase();
    for (marker, vendor) in ROUTER_MARKERS {
        if server.contains(marker) || body.contains(marker) {
            return Some((*vendor).to_string());
        }
    }
    ROUTER_SERVERS
        .iter()
        .any(|s| server.contains(s))
        .then(|| answer.server.clone().unwrap_or_default())
}

fn is_traefik(answer: &HttpAnswer) -> bool {
    let server = answer.server.as_deref().unwrap_or("").to_ascii_lowercase();
    server.contains("traefik")
        || (answer.status == 404 && answer.body_prefix.trim_end() == "404 page not found")
}

/// `from_inside`: the probe ran on this server against its own public
/// address, so it depends on the router looping traffic back (hairpin NAT).
pub fn classify_probe(report: &ProbeReport, key_auth: &str, from_inside: bool) -> ProbeClass {
    let class = match &report.result {
        Err(ProbeError::Refused) => ProbeClass::Refused,
        Err(ProbeError::ConnectTimeout | ProbeError::ResponseTimeout) => ProbeClass::Timeout,
        Err(ProbeError::Unreachable) => ProbeClass::Unreachable,
        Err(ProbeError::Reset) => ProbeClass::Other {
            status: 0,
            server: "connection reset".into(),
        },
        Err(ProbeError::Other(e)) => ProbeClass::Other {
            status: 0,
            server: e.clone(),
        },
        Ok(a) if a.status == 200 && a.body_prefix.trim_end() == key_auth => ProbeClass::TokenServed,
        Ok(a) if (300..400).contains(&a.status) => match &a.location {
            Some(l) if l.to_ascii_lowercase().starts_with("https://") => {
                ProbeClass::HttpsRedirect {
                    location: l.clone(),
                }
            }
            _ => other(a),
        },
        Ok(a) if is_traefik(a) => ProbeClass::Traefik,
        Ok(a) => match router_vendor(a) {
            Some(vendor) => ProbeClass::RouterPage { vendor },
            None => other(a),
        },
    };
    let inconclusive = matches!(
        class,
        ProbeClass::Refused
            | ProbeClass::Timeout
            | ProbeClass::Unreachable
            | ProbeClass::RouterPage { .. }
    );
    if from_inside && inconclusive {
        ProbeClass::HairpinUnsupported
    } else {
        class
    }
}

fn other(a: &HttpAnswer) -> ProbeClass {
    ProbeClass::Other {
        status: a.status,
        server: a.server.clone().unwrap_or_else(|| "-".into()),
    }
}

/// The finding for a classified probe. `port` is the responder's port on
/// this server, the one the router must forward external port 80 to.
pub fn probe_outcome(class: &ProbeClass, report: &ProbeReport, port: u16) -> Outcome {
    let detail = format!("{}:{} -> {:?}", report.address, report.port, report.result);
    let fwd = Text::new("reach-fix-forward").num("port", port);
    let f = |id: &str| Finding::new(Text::new(id)).detail(detail.clone());
    match class {
        ProbeClass::TokenServed => Outcome::Passed(f("reach-probe-ok")),
        ProbeClass::Refused => Outcome::Failed(f("reach-probe-refused").fix(fwd)),
        ProbeClass::Timeout => Outcome::Failed(
            f("reach-probe-timeout").fix(Text::new("reach-fix-forward-firewall").num("port", port)),
        ),
        ProbeClass::Unreachable => Outcome::Failed(f("reach-probe-unreachable").fix(fwd)),
        ProbeClass::RouterPage { vendor } => Outcome::Failed(
            Finding::new(Text::new("reach-probe-router-page").arg("vendor", vendor.clone()))
                .fix(Text::new("reach-fix-router-page").num("port", port))
                .detail(detail),
        ),
        ProbeClass::HttpsRedirect { location } => Outcome::Failed(
            Finding::new(Text::new("reach-probe-https-redirect").arg("location", location.clone()))
                .fix(fwd)
                .detail(detail),
        ),
        ProbeClass::Traefik => Outcome::Failed(
            f("reach-probe-traefik").fix(Text::new("reach-fix-forward-traefik").num("port", port)),
        ),
        ProbeClass::Other { status, server } => Outcome::Failed(
            Finding::new(
                Text::new("reach-probe-other")
                    .num("status", status)
                    .arg("server", server.clone()),
            )
            .fix(fwd)
            .detail(detail),
        ),
        ProbeClass::HairpinUnsupported => Outcome::Warning(
            f("reach-probe-inside-untestable")
                .fix(Text::new("reach-fix-test-outside").num("port", port))
                .overridable(),
        ),
    }
}
