//! What this machine can learn about its router without asking anyone
//! outside: the default gateway from the kernel's routing table, this
//! server's address towards it, its host name, and the title of the
//! gateway's web page. The public address's reverse-DNS name is asked of
//! the configured resolver (`dns::reverse_name`), never of a web service.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::time::Duration;

use super::dns::DnsConfig;
use super::upnp::Identity;
use crate::core::library::router_guide::RouterSeen;

mod page;

pub use page::{gateway_title, page_title};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouterProbeConfig {
    /// Off unless the program asks for it: a test's executor must not
    /// knock on the real router of the machine the tests run on.
    pub enabled: bool,
    /// The gateway's web page; `None`: port 80 of the default route's
    /// gateway. A test gives its stand-in.
    pub page_at: Option<SocketAddr>,
    pub page_timeout: Duration,
    /// Ask the PTR of the public address (through the configured resolver).
    pub reverse_dns: bool,
}

impl Default for RouterProbeConfig {
    fn default() -> Self {
        RouterProbeConfig {
            enabled: false,
            page_at: None,
            page_timeout: Duration::from_millis(1500),
            reverse_dns: false,
        }
    }
}

/// What the local look found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalView {
    pub gateway: Option<Ipv4Addr>,
    pub lan: Option<Ipv4Addr>,
    pub host_name: Option<String>,
    pub page_title: Option<String>,
}

/// The IPv4 default route's gateway, from `/proc/net/route`.
pub fn default_gateway() -> Option<Ipv4Addr> {
    let table = std::fs::read_to_string("/proc/net/route").ok()?;
    gateway_in(&table)
}

/// The table's columns: Iface, Destination, Gateway, Flags, …; addresses
/// are hexadecimal in the kernel's (little-endian) byte order.
fn gateway_in(table: &str) -> Option<Ipv4Addr> {
    const RTF_UP: u32 = 0x1;
    const RTF_GATEWAY: u32 = 0x2;
    table.lines().skip(1).find_map(|line| {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let dest = u32::from_str_radix(cols.get(1)?, 16).ok()?;
        let gw = u32::from_str_radix(cols.get(2)?, 16).ok()?;
        let flags = u32::from_str_radix(cols.get(3)?, 16).ok()?;
        let default = dest == 0 && flags & RTF_UP != 0 && flags & RTF_GATEWAY != 0;
        (default && gw != 0).then(|| Ipv4Addr::from(gw.to_le_bytes()))
    })
}

/// The address this server uses towards `gateway`: what the router lists
/// and asks for. Connecting a UDP socket sends nothing; it only picks the
/// route and with it the source address.
pub fn lan_address(gateway: Ipv4Addr) -> Option<Ipv4Addr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((gateway, 80)).ok()?;
    match socket.local_addr().ok()?.ip() {
        IpAddr::V4(a) if !a.is_unspecified() => Some(a),
        _ => None,
    }
}

/// The short host name: what the server announces when it asks the
/// router for an address, and so the device name a FRITZ!Box shows.
pub fn host_name() -> Option<String> {
    let name = nix::unistd::gethostname().ok()?;
    let name = name.to_string_lossy();
    let short = name.split('.').next().unwrap_or_default().trim();
    (!short.is_empty()).then(|| short.to_string())
}

/// Everything this machine can see by itself, within about one page
/// timeout.
pub async fn local_view(cfg: &RouterProbeConfig) -> LocalView {
    if !cfg.enabled {
        return LocalView::default();
    }
    let gateway = match cfg.page_at {
        Some(SocketAddr::V4(a)) => Some(*a.ip()),
        Some(SocketAddr::V6(_)) => None,
        None => default_gateway(),
    };
    let page = cfg
        .page_at
        .or_else(|| gateway.map(|g| SocketAddr::from((g, 80))));
    let page_title = match page {
        Some(at) => gateway_title(at, cfg.page_timeout).await.ok(),
        None => None,
    };
    LocalView {
        gateway,
        lan: gateway.and_then(lan_address),
        host_name: host_name(),
        page_title,
    }
}

/// All the router detection asks for, put together for the core: the
/// identity UPnP gave during discovery, the local look, and the PTR of
/// the public address.
pub async fn detect(
    cfg: &RouterProbeConfig,
    dns: &DnsConfig,
    identity: Option<Identity>,
    public: Option<Ipv4Addr>,
) -> RouterSeen {
    let reverse = async {
        match public {
            Some(a) if cfg.reverse_dns => super::dns::reverse_name(dns, a.into()).await.ok(),
            _ => None,
        }
    };
    let (local, reverse_name) = tokio::join!(local_view(cfg), reverse);
    let identity = identity.unwrap_or_default();
    RouterSeen {
        upnp_name: identity.name,
        upnp_manufacturer: identity.manufacturer,
        upnp_model: identity.model,
        page_title: local.page_title,
        reverse_name,
        lan_v4: local.lan,
        gateway_v4: local.gateway,
        host_name: local.host_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_default_gateway() {
        let table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                     eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n\
                     eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n";
        assert_eq!(gateway_in(table), Some(Ipv4Addr::new(192, 168, 1, 1)));
        let none = "Iface\tDestination\tGateway\tFlags\neth0\t0001A8C0\t00000000\t0001\n";
        assert_eq!(gateway_in(none), None);
    }

    #[test]
    fn the_lan_address_towards_loopback_is_loopback() {
        assert_eq!(lan_address(Ipv4Addr::LOCALHOST), Some(Ipv4Addr::LOCALHOST));
    }
}
