//! The port-forwarding and firewall steps: the public address against DNS,
//! the firewall window, and the reachability probe through the router.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::check::{CheckId, CheckState, Finding, Outcome, Text};
use super::library::firewall::{Backend, Detection, FirewallPlan, plan_for};
use super::library::reach::{
    AddressPlan, FamilyProbe, ProbeReport, ValidationInputs, classify_probe, compare_a,
    predict_validation, probe_outcome,
};
use super::{Effect, Overlay, Step, Wizard};

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
    pub router: super::library::router_guide::RouterSeen,
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

pub(super) fn on_public(w: &mut Wizard, seen: PublicSeen) {
    w.network.public_v4 = seen.v4;
    w.network.public_v6 = seen.v6;
    w.network.router_wan = seen.router_wan;
    w.network.router_detail = seen.router_detail.clone();
    let outcome = if seen.v4.is_none() && !seen.errors.is_empty() {
        Outcome::Warning(
            Finding::new(Text::new("ports-public-unknown"))
                .fix(Text::new("ports-public-unknown-fix"))
                .detail(seen.errors.join("; ")),
        )
    } else {
        let plan = w.network.address_plan;
        let mut o = compare_a(&w.network.dns_a, seen.v4, seen.router_wan, plan);
        // A second internet line or an odd route can make discovery see
        // another address than the one patients reach: the probe decides.
        if let Outcome::Failed(f) = &mut o
            && f.summary.id == "reach-dns-a-differs"
        {
            f.can_override = true;
        }
        o
    };
    let outcome = with_router_view(outcome, &seen);
    let outcome = super::library::router_guide::for_wizard(w, outcome);
    w.checks.insert(CheckId::PublicIp, outcome.into());
}

/// The router's answer goes into the detail. Where it said nothing and the
/// finding asks for action, a line says how a FRITZ!Box would tell.
fn with_router_view(mut o: Outcome, seen: &PublicSeen) -> Outcome {
    let act = !matches!(o, Outcome::Passed(_));
    let (Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f)) = &mut o;
    if let Some(d) = &seen.router_detail {
        f.detail = Some(match f.detail.take() {
            Some(before) => format!("{before}; {d}"),
            None => d.clone(),
        });
        if act && seen.router_wan.is_none() && f.summary.id != "reach-public-cgnat" {
            f.more.push(Text::new("reach-upnp-unread"));
        }
    }
    o
}

pub(super) fn on_firewall_detected(w: &mut Wizard, d: &Detection, port: u16) -> Vec<Effect> {
    w.network.responder_port = port;
    let plan = plan_for(d, port, WINDOW_SECS);
    let none = plan.backend == Backend::None;
    let finding = Finding::new(plan.describe.clone()).detail(
        plan.open
            .iter()
            .map(|c| c.display())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    w.network.firewall = Some(plan);
    w.checks
        .insert(CheckId::FirewallRule, Outcome::Passed(finding).into());
    // Without a firewall there is nothing to open: look right away.
    if none { probe(w) } else { Vec::new() }
}

pub(super) fn open_requested(w: &mut Wizard) {
    if w.network
        .firewall
        .as_ref()
        .is_some_and(|p| p.backend != Backend::None)
    {
        w.session.overlay = Overlay::ConfirmOpen;
    }
}

pub(super) fn open_confirmed(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let Some(plan) = w.network.firewall.clone() else {
        return Vec::new();
    };
    let generation = super::transitions::next_generation(w);
    w.checks
        .insert(CheckId::FirewallRule, CheckState::Running { generation });
    vec![Effect::OpenFirewall { plan, generation }]
}

pub(super) fn on_opened(
    w: &mut Wizard,
    result: Result<(), Text>,
    now: OffsetDateTime,
) -> Vec<Effect> {
    match result {
        Ok(()) => {
            let until = now + time::Duration::seconds(i64::from(WINDOW_SECS));
            w.network.window_until = Some(until);
            let minutes = (WINDOW_SECS / 60).to_string();
            let finding = Finding::new(Text::new("firewall-window-open").arg("minutes", minutes));
            w.checks
                .insert(CheckId::FirewallRule, Outcome::Passed(finding).into());
            probe(w)
        }
        Err(text) => {
            let finding = Finding::new(text).fix(Text::new("firewall-open-failed-fix"));
            w.checks
                .insert(CheckId::FirewallRule, Outcome::Failed(finding).into());
            Vec::new()
        }
    }
}

/// Asks io to serve a fresh token and fetch it through the public name.
pub(super) fn probe(w: &mut Wizard) -> Vec<Effect> {
    let Some(name) = w.domain.parsed.as_ref().map(|d| d.ascii.clone()) else {
        return Vec::new();
    };
    let mut addrs: Vec<IpAddr> = w
        .network
        .dns_a
        .first()
        .map(|a| IpAddr::V4(*a))
        .into_iter()
        .collect();
    addrs.extend(w.network.dns_aaaa.first().map(|a| IpAddr::V6(*a)));
    if addrs.is_empty() {
        let f =
            Finding::new(Text::new("reach-dns-a-missing")).fix(Text::new("firewall-back-to-dns"));
        w.checks
            .insert(CheckId::Reachability, Outcome::Failed(f).into());
        return Vec::new();
    }
    let generation = super::transitions::next_generation(w);
    for id in [CheckId::Reachability, CheckId::Ipv6Path] {
        w.checks.insert(id, CheckState::Running { generation });
    }
    vec![Effect::Probe {
        name,
        addrs,
        generation,
    }]
}

pub(super) fn on_probed(w: &mut Wizard, key_auth: &str, reports: &[ProbeReport]) {
    let v4 = reports.iter().find(|r| r.address.is_ipv4());
    let v6 = reports.iter().find(|r| r.address.is_ipv6());
    let reach = match v4 {
        Some(r) => {
            let class = classify_probe(r, key_auth, true);
            let mut o = probe_outcome(&class, r, w.network.responder_port);
            // Issuance starts with a staging dry run that costs nothing:
            // a wrong verdict from inside must not block the real test.
            if let Outcome::Failed(f) = &mut o {
                f.can_override = true;
            }
            o
        }
        None => Outcome::Failed(Finding::new(Text::new("reach-dns-a-missing"))),
    };
    // Where the probe from inside cannot tell (a router that does not loop
    // back), its IPv4 answer proves nothing either way: IPv4 is untested.
    let v4_conclusive = !matches!(reach, Outcome::Warning(_));
    let reach = super::library::router_guide::for_wizard(w, reach);
    w.checks.insert(CheckId::Reachability, reach.into());
    let inputs = ValidationInputs {
        a: w.network.dns_a.clone(),
        aaaa: w.network.dns_aaaa.clone(),
        public_v4: w.network.public_v4,
        public_v6: w.network.public_v6.into_iter().collect(),
        probe_v4: v4
            .filter(|_| v4_conclusive)
            .map(|r| FamilyProbe::from_report(r, key_auth)),
        probe_v6: v6.map(|r| FamilyProbe::from_report(r, key_auth)),
    };
    let (_, mut o) = predict_validation(&inputs);
    if let Outcome::Failed(f) = &mut o {
        f.can_override = true;
    }
    let o = super::library::router_guide::for_wizard(w, o);
    w.checks.insert(CheckId::Ipv6Path, o.into());
}

/// ↑/↓ chooses the port-80 policy, ←/→ how the address is assigned.
pub(super) fn on_choice(w: &mut Wizard, vertical: bool) {
    if vertical {
        w.network.policy = match w.network.policy {
            Port80Policy::Permanent => Port80Policy::OnDemand,
            Port80Policy::OnDemand => Port80Policy::Permanent,
        };
    } else {
        w.network.address_plan = match w.network.address_plan {
            AddressPlan::Unknown | AddressPlan::Dynamic => AddressPlan::Static,
            AddressPlan::Static => AddressPlan::DynDns,
            AddressPlan::DynDns => AddressPlan::Dynamic,
        };
        if let (Some(v4), true) = (
            w.network.public_v4,
            !w.check(CheckId::PublicIp).is_running(),
        ) {
            on_public(
                w,
                PublicSeen {
                    v4: Some(v4),
                    v6: w.network.public_v6,
                    errors: Vec::new(),
                    router_wan: w.network.router_wan,
                    router_detail: w.network.router_detail.clone(),
                },
            );
        }
    }
}

/// Effects when the person arrives on one of the two steps.
pub(super) fn on_enter(w: &mut Wizard) -> Vec<Effect> {
    match w.step {
        Step::PortForwarding => {
            w.network.router_asking = true;
            let generation = super::transitions::next_generation(w);
            w.checks
                .insert(CheckId::PublicIp, CheckState::Running { generation });
            vec![Effect::DiscoverPublic { generation }]
        }
        Step::Firewall => {
            let generation = super::transitions::next_generation(w);
            w.checks
                .insert(CheckId::FirewallRule, CheckState::Running { generation });
            vec![Effect::DetectFirewall { generation }]
        }
        _ => Vec::new(),
    }
}

/// Leaving the certificate step forward: the window is not needed any more.
pub(super) fn close_window(w: &mut Wizard) -> Vec<Effect> {
    let keep_table = keeps_firewall_table(w);
    match (w.network.window_until.take(), w.network.firewall.clone()) {
        (Some(_), Some(plan)) => vec![Effect::CloseFirewall { plan, keep_table }],
        _ => Vec::new(),
    }
}

/// Whether our nftables table stays between windows as a guard: only when
/// the practice confirmed its port forwards with the policy that keeps the
/// port-80 forward. Then the router always passes port 80 to the responder
/// port, and the table's rule drops it while no window is open. Otherwise
/// the table goes with the last window.
pub fn keeps_firewall_table(w: &Wizard) -> bool {
    w.network.policy == Port80Policy::Permanent && w.confirmed.contains(&Step::PortForwarding)
}

/// The program stops (quit, hangup, a replay that ends): every window
/// closes, whatever step it stopped at. Returns `keep_table` for io.
pub fn stopped(w: &mut Wizard) -> bool {
    w.network.window_until = None;
    keeps_firewall_table(w)
}
