//! The router's own WAN address, asked over UPnP-IGD where the router
//! offers it: SSDP search, the device description, then the SOAP action
//! `GetExternalIPAddress` of its WAN connection service.
//!
//! It tells DS-Lite and carrier NAT (a WAN address in 100.64.0.0/10) and a
//! second router in front (a private WAN address) apart from a connection
//! with its own public IPv4, which the outside view alone cannot. Many
//! routers do not answer (a FRITZ!Box only with "Statusinformationen über
//! UPnP übertragen" switched on): that is normal and leaves the address
//! unknown, with the reason kept for the detail view.

mod desc;
mod ssdp;
mod wire;

pub use desc::{Description, SoapAnswer, WanService, parse_description, parse_soap};
pub use ssdp::SEARCH_TARGETS;

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::time::Duration;

use reqwest::Url;
use tokio::time::Instant;

/// The SSDP multicast group and port (UDA 1.1).
pub const SSDP_MULTICAST: SocketAddr =
    SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::new(239, 255, 255, 250), 1900));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpnpConfig {
    /// Where the M-SEARCH goes: the multicast group, or a test's responder.
    pub ssdp_target: SocketAddr,
    /// How long the search waits for a first answer.
    pub discovery_timeout: Duration,
    /// For the description and the SOAP call, each.
    pub http_timeout: Duration,
}

impl Default for UpnpConfig {
    fn default() -> Self {
        UpnpConfig {
            ssdp_target: SSDP_MULTICAST,
            discovery_timeout: Duration::from_secs(2),
            http_timeout: Duration::from_secs(2),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpnpError {
    #[error("{}", .0.join("; "))]
    NoGateway(Vec<String>),
    #[error("{url}: {reason}")]
    Http { url: String, reason: String },
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: not a device description: {reason}")]
    Description { url: String, reason: String },
    #[error("{url}: no WANIPConnection or WANPPPConnection service")]
    NoWanService { url: String },
    #[error("{url}: bad control URL: {reason}")]
    ControlUrl { url: String, reason: String },
    #[error("{url}: not a SOAP answer: {reason}")]
    Soap { url: String, reason: String },
    #[error("{url}: SOAP fault, UPnPError {code}: {description}")]
    Fault {
        url: String,
        code: String,
        description: String,
    },
    #[error("{url}: the router has no external address (not connected?)")]
    Empty { url: String },
    #[error("{url}: {answer:?} is not an IPv4 address")]
    NotIpv4 { url: String, answer: String },
    #[error("no answer from the gateway within {0} ms")]
    Timeout(u128),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Several(Vec<UpnpError>),
}

/// The router's answer and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouterWan {
    pub addr: Ipv4Addr,
    /// `friendlyName`, when the description has one.
    pub router: Option<String>,
    /// The control URL that answered.
    pub via: String,
}

impl RouterWan {
    /// One line for the detail view.
    pub fn describe(&self) -> String {
        let name = self.router.as_deref().unwrap_or("router");
        format!("UPnP: {name} reports WAN {} ({})", self.addr, self.via)
    }
}

/// Who the router says it is, from its device description.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub name: Option<String>,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
}

/// The router's WAN address, and its identity even where the address
/// stayed unknown (a router may describe itself and refuse the action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouterAnswer {
    pub identity: Option<Identity>,
    pub wan: Result<RouterWan, UpnpError>,
}

/// Asks every gateway that answers the search, first answer first, until
/// one tells its WAN address; all of it within the discovery timeout plus
/// two HTTP timeouts.
pub async fn router_wan(cfg: &UpnpConfig) -> Result<RouterWan, UpnpError> {
    ask_router(cfg).await.wan
}

/// As `router_wan`, keeping the first identity a description gave.
pub async fn ask_router(cfg: &UpnpConfig) -> RouterAnswer {
    let limit = cfg.discovery_timeout + 2 * cfg.http_timeout;
    let identity = std::sync::Mutex::new(None);
    let wan = tokio::time::timeout(limit, ask(cfg, &identity))
        .await
        .unwrap_or(Err(UpnpError::Timeout(limit.as_millis())));
    RouterAnswer {
        identity: identity.into_inner().unwrap_or_default(),
        wan,
    }
}

async fn ask(
    cfg: &UpnpConfig,
    identity: &std::sync::Mutex<Option<Identity>>,
) -> Result<RouterWan, UpnpError> {
    let deadline = Instant::now() + cfg.discovery_timeout;
    let locations = ssdp::search(cfg.ssdp_target, deadline)
        .await
        .map_err(UpnpError::NoGateway)?;
    let mut errors = Vec::new();
    for location in locations {
        match ask_gateway(&location, cfg.http_timeout, identity).await {
            Ok(found) => return Ok(found),
            Err(e) => errors.push(e),
        }
    }
    Err(one_or_several(errors))
}

fn one_or_several(mut errors: Vec<UpnpError>) -> UpnpError {
    match errors.len() {
        1 => errors.remove(0),
        _ => UpnpError::Several(errors),
    }
}

async fn ask_gateway(
    location: &Url,
    limit: Duration,
    identity: &std::sync::Mutex<Option<Identity>>,
) -> Result<RouterWan, UpnpError> {
    let url = location.to_string();
    let answer = wire::get(location, limit)
        .await
        .map_err(|reason| UpnpError::Http {
            url: url.clone(),
            reason,
        })?;
    if answer.status != 200 {
        return Err(UpnpError::Status {
            url,
            status: answer.status,
        });
    }
    let description = parse_description(&answer.body).map_err(|reason| UpnpError::Description {
        url: url.clone(),
        reason,
    })?;
    if let Ok(mut kept) = identity.lock()
        && kept.is_none()
        && !description.services.is_empty()
    {
        *kept = Some(Identity {
            name: description.name.clone(),
            manufacturer: description.manufacturer.clone(),
            model: description.model.clone(),
        });
    }
    if description.services.is_empty() {
        return Err(UpnpError::NoWanService { url });
    }
    let base = match &description.url_base {
        Some(b) => wire::parse(b).unwrap_or_else(|_| location.clone()),
        None => location.clone(),
    };
    let mut errors = Vec::new();
    for service in &description.services {
        match ask_service(location, &base, service, limit).await {
            Ok(addr) => {
                return Ok(RouterWan {
                    addr,
                    router: description.name.clone(),
                    via: wire::join(&base, &service.control_url).map_or(url, |u| u.to_string()),
                });
            }
            Err(e) => errors.push(e),
        }
    }
    Err(one_or_several(errors))
}

async fn ask_service(
    location: &Url,
    base: &Url,
    service: &WanService,
    limit: Duration,
) -> Result<Ipv4Addr, UpnpError> {
    let control =
        wire::join(base, &service.control_url).map_err(|reason| UpnpError::ControlUrl {
            url: location.to_string(),
            reason,
        })?;
    let url = control.to_string();
    // The call goes to the device that answered the search, nowhere else.
    let gateway = wire::ip(location);
    if wire::ip(&control) != gateway {
        return Err(UpnpError::ControlUrl {
            url,
            reason: format!(
                "not on the gateway {}",
                location.host_str().unwrap_or_default()
            ),
        });
    }
    let answer = wire::soap(
        &control,
        &service.service_type,
        "GetExternalIPAddress",
        limit,
    )
    .await
    .map_err(|reason| UpnpError::Http {
        url: url.clone(),
        reason,
    })?;
    // A fault comes with status 500; anything else that is not 200 is odd.
    let parsed = parse_soap(&answer.body);
    match parsed {
        Ok(SoapAnswer::Fault { code, description }) => Err(UpnpError::Fault {
            url,
            code: code.unwrap_or_else(|| "?".into()),
            description: description.unwrap_or_default(),
        }),
        _ if answer.status != 200 => Err(UpnpError::Status {
            url,
            status: answer.status,
        }),
        Err(reason) => Err(UpnpError::Soap { url, reason }),
        Ok(SoapAnswer::Address(a)) if a.is_empty() => Err(UpnpError::Empty { url }),
        Ok(SoapAnswer::Address(a)) => a
            .parse::<Ipv4Addr>()
            .map_err(|_| UpnpError::NotIpv4 { url, answer: a }),
    }
}
