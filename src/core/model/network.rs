//! What the port-forwarding and firewall steps found and chose: the public
//! addresses, the firewall's plan and window, the router as seen.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::core::library::firewall::FirewallPlan;
use crate::core::library::reach::AddressPlan;

/// How long the firewall lets the responder be reached: long enough for an
/// issuance with a retry, short enough that a dropped session leaves no hole.
pub const WINDOW_SECS: u32 = 15 * 60;

/// What happens to the router's port-80 forward between renewals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Port80Policy {
    /// The forward stays; only the firewall window opens, around issuance.
    #[default]
    Permanent,
    /// The practice switches the forward off; a reminder mail comes first.
    OnDemand,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkState {
    pub policy: Port80Policy,
    pub address_plan: AddressPlan,
    /// What the DNS step found, kept for the comparisons here.
    pub dns_a: Vec<Ipv4Addr>,
    pub dns_aaaa: Vec<Ipv6Addr>,
    pub public_v4: Option<Ipv4Addr>,
    pub public_v6: Option<Ipv6Addr>,
    pub firewall: Option<FirewallPlan>,
    /// The responder's port on this server: where the router must forward.
    #[serde(default)]
    pub responder_port: u16,
    /// Until when the window the wizard opened stays open by itself.
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub window_until: Option<OffsetDateTime>,
    /// The router's own WAN address (UPnP-IGD), and how asking went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub router_wan: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub router_detail: Option<String>,
    /// What the router and this server look like from here, for the guide.
    #[serde(default)]
    pub router: crate::core::library::router_guide::RouterSeen,
    /// The router is being asked right now: the guide says so rather than
    /// that it stayed silent.
    #[serde(skip)]
    pub router_asking: bool,
}

/// The public addresses this server is seen from, as discovery found them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicSeen {
    pub v4: Option<Ipv4Addr>,
    pub v6: Option<Ipv6Addr>,
    /// Why discovery found nothing, if it did not: network trouble is not
    /// the same as "no public IPv4".
    pub errors: Vec<String>,
    /// The router's own WAN address, where it tells it over UPnP-IGD.
    pub router_wan: Option<Ipv4Addr>,
    /// What the router said or why it said nothing, for the detail view.
    pub router_detail: Option<String>,
}
