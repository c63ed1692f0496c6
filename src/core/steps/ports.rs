//! Step 5: the router's port forwards. The public address is compared
//! with what DNS says, the router is recognised where it tells, and the
//! guide names its menus. Only the person can confirm the forwards: no
//! check from inside proves them.

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, pass, stop};
use crate::core::library::reach::{AddressPlan, compare_a};
use crate::core::library::router_guide;
use crate::core::model::gate::Gate;
use crate::core::model::network::{Port80Policy, PublicSeen};
use crate::core::{Action, CheckId, CheckState, Effect, Finding, Outcome, Step, Text, Wizard};

pub struct Ports;

const CHECKS: &[CheckId] = &[CheckId::PublicIp];

impl StepFlow for Ports {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        discover(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        discover(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        if w.confirmed.contains(&Step::PortForwarding) {
            crate::core::model::gate::of_checks(w, CHECKS)
        } else {
            Gate::Blocked
        }
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::Up | Action::Down => on_choice(w, true),
            Action::Left | Action::Right => on_choice(w, false),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        vec![
            "key-choose-ports",
            "key-toggle",
            "key-recheck",
            "key-detail",
        ]
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        let Some(p) = &a.ports else {
            return stop(w, StopReason::Unanswered);
        };
        if p.policy.is_some_and(|policy| policy != w.network.policy) {
            return Decision::Press(Action::Up);
        }
        if p.address
            .is_some_and(|addr| addr.plan() != w.network.address_plan)
        {
            return Decision::Press(Action::Right);
        }
        if !w.confirmed.contains(&Step::PortForwarding) {
            return if p.forwards_done {
                Decision::Press(Action::Toggle)
            } else {
                stop(w, StopReason::Unanswered)
            };
        }
        pass(w, a, gate, CHECKS)
    }
}

/// The public address asked for, and then the router.
fn discover(w: &mut Wizard) -> Vec<Effect> {
    w.network.router_asking = true;
    let generation = w.start_check(CheckId::PublicIp);
    vec![Effect::DiscoverPublic { generation }]
}

pub fn on_public(w: &mut Wizard, seen: PublicSeen) {
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
    let outcome = crate::core::library::router_guide::for_router(&w.network.router, outcome);
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

/// ↑/↓ chooses the port-80 policy, ←/→ how the address is assigned.
pub fn on_choice(w: &mut Wizard, vertical: bool) {
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

/// The router is known now: every finding that names its menus says so.
pub fn on_recognised(w: &mut Wizard) {
    let key = router_guide::menu_key(&w.network.router);
    let checks = w.checks.values_mut().filter_map(CheckState::finding_mut);
    router_guide::rename_menus(checks.chain(w.certificate.last_error.as_mut()), key);
}
