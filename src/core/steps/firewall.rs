//! Step 6: the host firewall. The wizard opens a window for the
//! responder's port, for a limited time, and probes through the router
//! whether Let's Encrypt's validator will get through.

use std::net::IpAddr;

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, pass, stop};
use crate::core::library::firewall::{Backend, Detection, plan_for};
use crate::core::library::reach::{
    FamilyProbe, ProbeReport, ValidationInputs, classify_probe, predict_validation, probe_outcome,
};
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::model::network::{Port80Policy, WINDOW_SECS};
use crate::core::{
    Action, CheckId, CheckState, Effect, Finding, Outcome, Overlay, Step, Text, Wizard,
};

pub struct Firewall;

const CHECKS: &[CheckId] = &[
    CheckId::FirewallRule,
    CheckId::Reachability,
    CheckId::Ipv6Path,
];

impl StepFlow for Firewall {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        detect(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        // With the window open (or no firewall), only the probe repeats.
        let open = w.network.window_until.is_some()
            || w.network
                .firewall
                .as_ref()
                .is_some_and(|p| p.backend == Backend::None);
        if open { probe(w) } else { detect(w) }
    }

    fn gate(&self, w: &Wizard) -> Gate {
        crate::core::model::gate::of_checks(w, CHECKS)
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        (action == Action::OpenWindow).then(|| {
            open_requested(w);
            Vec::new()
        })
    }

    fn line(&self, w: &Wizard, gate: Gate) -> Option<GateLine> {
        (gate == Gate::Blocked && waits_for_opening(w)).then_some(GateLine {
            id: "firewall-open-hint",
            tone: Tone::Warn,
        })
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if active(w) {
            keys.push("key-open");
        }
        keys.extend(["key-recheck", "key-detail"]);
        keys
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        if CHECKS.iter().any(|id| w.check(*id).is_running()) {
            return Decision::Wait;
        }
        let detected = w.check(CheckId::FirewallRule).is_settled();
        let not_probed = matches!(w.check(CheckId::Reachability), CheckState::Idle);
        if detected && not_probed && active(w) && w.network.window_until.is_none() {
            return if a.firewall.as_ref().is_some_and(|f| f.open_window) {
                Decision::Press(Action::OpenWindow)
            } else {
                stop(w, StopReason::Unanswered)
            };
        }
        pass(w, a, gate, CHECKS)
    }

    /// «von aussen erreichbar» belongs to the window that was open then;
    /// on the firewall step itself it is checked again, not shown as true
    /// of a window closed since.
    fn resumed(&self, w: &mut Wizard) {
        for id in CHECKS {
            w.checks.remove(id);
        }
    }
}

/// A firewall guards this machine.
fn active(w: &Wizard) -> bool {
    w.network
        .firewall
        .as_ref()
        .is_some_and(|p| p.backend != Backend::None)
}

/// An active firewall and no window open yet: the line says how to open it.
pub fn waits_for_opening(w: &Wizard) -> bool {
    w.network.window_until.is_none() && active(w)
}

fn detect(w: &mut Wizard) -> Vec<Effect> {
    let generation = w.start_check(CheckId::FirewallRule);
    vec![Effect::DetectFirewall { generation }]
}

pub fn on_firewall_detected(w: &mut Wizard, d: &Detection, port: u16) -> Vec<Effect> {
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

pub fn open_requested(w: &mut Wizard) {
    if w.network
        .firewall
        .as_ref()
        .is_some_and(|p| p.backend != Backend::None)
    {
        w.session.overlay = Overlay::ConfirmOpen;
    }
}

pub fn open_confirmed(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let Some(plan) = w.network.firewall.clone() else {
        return Vec::new();
    };
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::FirewallRule, CheckState::Running { generation });
    vec![Effect::OpenFirewall { plan, generation }]
}

pub fn on_opened(w: &mut Wizard, result: Result<(), Text>, now: OffsetDateTime) -> Vec<Effect> {
    match result {
        Ok(()) => {
            let until = now + time::Duration::seconds(i64::from(WINDOW_SECS));
            w.network.window_until = Some(until);
            let minutes = WINDOW_SECS / 60;
            let finding = Finding::new(Text::new("firewall-window-open").num("minutes", minutes));
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
pub fn probe(w: &mut Wizard) -> Vec<Effect> {
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
    let generation = w.next_generation();
    for id in [CheckId::Reachability, CheckId::Ipv6Path] {
        w.checks.insert(id, CheckState::Running { generation });
    }
    vec![Effect::Probe {
        name,
        addrs,
        generation,
    }]
}

pub fn on_probed(w: &mut Wizard, key_auth: &str, reports: &[ProbeReport]) {
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
    let reach = crate::core::library::router_guide::for_router(&w.network.router, reach);
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
    let o = crate::core::library::router_guide::for_router(&w.network.router, o);
    w.checks.insert(CheckId::Ipv6Path, o.into());
}

/// Leaving the certificate step forward: the window is not needed any more.
pub fn close_window(w: &mut Wizard) -> Vec<Effect> {
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
