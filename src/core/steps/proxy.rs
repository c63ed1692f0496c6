//! Step 9: the proxy configuration (traefik) names the certificate. The
//! plan is shown as a diff first; Enter asks, «Ja» writes it through the
//! change journal.

use time::OffsetDateTime;

use super::contract::StepFlow;
use super::golive::{by_hand, done_by_hand, site};
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::model::golive::{InstalledFiles, ProxyPlan, Site};
use crate::core::{
    Action, CheckId, CheckState, Effect, Finding, Outcome, Overlay, Step, Text, Wizard,
};

pub struct Proxy;

const CHECKS: &[CheckId] = &[CheckId::ProxyConfig];

impl StepFlow for Proxy {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        plan(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        plan(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        super::golive::gate(w, Step::ProxyConfig, CHECKS, || {
            matches!(w.check(CheckId::ProxyConfig), CheckState::Passed(_))
        })
    }

    fn next(&self, w: &mut Wizard, gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if by_hand(w) || gate == Gate::Open {
            return None;
        }
        if waits_to_write(w) {
            w.session.overlay = Overlay::ConfirmAction;
        }
        Some(Vec::new())
    }

    fn confirm(&self, w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        w.session.overlay = Overlay::None;
        if site(w).is_none() {
            return Vec::new();
        }
        apply(w)
    }

    fn line(&self, w: &Wizard, gate: Gate) -> Option<GateLine> {
        (gate == Gate::Blocked && waits_to_write(w)).then_some(GateLine {
            id: "golive-gate-apply",
            tone: Tone::Plain,
        })
    }

    fn enter_label(&self, w: &Wizard, gate: Gate, _body_max: u16) -> &'static str {
        if !done_by_hand(w, Step::ProxyConfig) && gate != Gate::Open && waits_to_write(w) {
            "key-write"
        } else {
            "key-next"
        }
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        super::golive::own_keys(w)
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        // Enter asks before writing; the question is answered.
        let work = waits_to_write(w).then_some(Action::Next);
        super::golive::answer(w, a, gate, CHECKS, work, true)
    }
}

/// A plan with changes waits to be written.
fn waits_to_write(w: &Wizard) -> bool {
    w.golive.plan.as_ref().is_some_and(|p| !p.diffs.is_empty())
}

/// Asks io what the proxy files would become.
fn plan(w: &mut Wizard) -> Vec<Effect> {
    if by_hand(w) {
        return Vec::new();
    }
    let (Some(site), Some(files)) = (site(w), w.golive.installed.clone()) else {
        return Vec::new();
    };
    plan_for(w, site, files)
}

/// Asks io what the proxy files would become for `site` naming `files`:
/// the step and the unattended go-live plan alike.
pub fn plan_for(w: &mut Wizard, site: Site, files: InstalledFiles) -> Vec<Effect> {
    let generation = w.start_check(CheckId::ProxyConfig);
    w.golive.plan = None;
    w.session.proxy_plan = None;
    vec![Effect::PlanProxy {
        site,
        cert_name: files.cert_name,
        key_name: files.key_name,
        generation,
    }]
}

/// Writes exactly the plan on screen. Without one (this run never planned:
/// a resume), nothing is written and the step says to look again.
pub fn apply(w: &mut Wizard) -> Vec<Effect> {
    match w.session.proxy_plan.take() {
        Some(plan) => {
            let generation = w.start_check(CheckId::ProxyConfig);
            vec![Effect::ApplyProxy {
                plan: Box::new(plan),
                generation,
            }]
        }
        None => {
            let f = Finding::new(Text::new("golive-step-replan"));
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Failed(f).into());
            Vec::new()
        }
    }
}

pub fn on_planned(w: &mut Wizard, result: Result<ProxyPlan, Finding>) {
    let result = result.map(|full| {
        let view = full.view();
        w.session.proxy_plan = Some(full);
        view
    });
    match result {
        Ok(plan) if plan.diffs.is_empty() => {
            // Already configured for these files: nothing to write, and a
            // restart is owed only if an earlier change still waits for one.
            let f = Finding::new(Text::new("golive-step-proxy-unchanged"));
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Passed(f).into());
            w.golive.plan = Some(plan);
        }
        Ok(plan) => {
            let n = plan.diffs.len();
            let mut f = Finding::new(Text::new("golive-step-proxy-planned").num("count", n));
            if plan.drift {
                f = f.fix(Text::new("golive-step-proxy-drift"));
            }
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Warning(f).into());
            w.golive.plan = Some(plan);
        }
        Err(f) => {
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Failed(f).into());
        }
    }
}

pub fn on_applied(w: &mut Wizard, result: Result<(), Finding>) {
    let outcome = match result {
        Ok(()) => {
            w.golive.restart_owed = w.golive.plan.as_ref().is_some_and(|p| p.needs_restart);
            if let Some(p) = w.golive.plan.as_mut() {
                p.diffs.clear();
            }
            Outcome::Passed(Finding::new(Text::new("golive-step-proxy-applied")))
        }
        Err(f) => Outcome::Failed(f),
    };
    w.checks.insert(CheckId::ProxyConfig, outcome.into());
}
