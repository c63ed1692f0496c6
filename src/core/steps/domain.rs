//! Step 3: the practice's domain. The name is parsed as it is typed, and
//! who answers for it (the delegation) is looked up.

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, fill, pass, stop};
use crate::core::library::domain;
use crate::core::model::gate::Gate;
use crate::core::{Action, CheckId, CheckState, Effect, Wizard};

pub struct Domain;

const CHECKS: &[CheckId] = &[CheckId::Delegation];

impl StepFlow for Domain {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        if w.domain.input.value.trim().is_empty()
            && let Some(ext) = w.start.found.as_ref().and_then(|i| i.external_name.clone())
        {
            w.domain.input.set(format!("termine.{ext}"));
            return domain_changed(w, false);
        }
        if w.domain.parsed.is_some() && !w.check(CheckId::Delegation).is_settled() {
            return check_delegation(w, false);
        }
        Vec::new()
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        check_delegation(w, false)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        if w.domain.parsed.is_none() {
            return Gate::Blocked;
        }
        crate::core::model::gate::of_checks(w, CHECKS)
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        if !action.is_edit() {
            return None;
        }
        Some(if w.domain.input.apply(action) {
            domain_changed(w, true)
        } else {
            Vec::new()
        })
    }

    fn typing(&self, _w: &Wizard) -> bool {
        true
    }

    fn checks_follow_typing(&self) -> bool {
        true
    }

    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        vec!["key-recheck", "key-detail"]
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        let Some(d) = &a.domain else {
            return stop(w, StopReason::Unanswered);
        };
        if let Some(d) = fill(w, &w.domain.input, &d.name) {
            return d;
        }
        if w.domain.parsed.is_none() {
            return stop(w, StopReason::Invalid(w.domain.error.clone()));
        }
        pass(w, a, gate, CHECKS)
    }
}

/// The domain input changed: parse it, and check the new name afresh.
/// `typing`: asked for by a key in the name field, so the driver may wait
/// for typing to pause before the look-up (a late answer is dropped by its
/// generation either way).
pub fn domain_changed(w: &mut Wizard, typing: bool) -> Vec<Effect> {
    for id in [
        CheckId::Delegation,
        CheckId::DnsA,
        CheckId::DnsAaaa,
        CheckId::DnsCname,
        CheckId::DnsCaa,
    ] {
        w.checks.insert(id, CheckState::Idle);
    }
    match domain::parse(&w.domain.input.value) {
        Ok(name) => {
            w.domain.parsed = Some(name);
            w.domain.error = None;
            check_delegation(w, typing)
        }
        Err(e) => {
            w.domain.parsed = None;
            w.domain.error = if w.domain.input.value.trim().is_empty() {
                None
            } else {
                Some(e.text())
            };
            Vec::new()
        }
    }
}

pub fn check_delegation(w: &mut Wizard, typing: bool) -> Vec<Effect> {
    let Some(name) = w.domain.parsed.as_ref() else {
        return Vec::new();
    };
    let registered = name.registered.clone();
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::Delegation, CheckState::Running { generation });
    vec![Effect::CheckDelegation {
        registered,
        generation,
        typing,
    }]
}
