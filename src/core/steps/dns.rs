//! Step 4: the name's DNS entries (A, AAAA, CNAME, CAA), looked up afresh
//! on every arrival: DynDNS and a record just added change the answers.

use super::contract::StepFlow;
use crate::core::model::gate::Gate;
use crate::core::{CheckId, CheckState, Effect, Wizard};

pub struct Dns;

pub const CHECKS: &[CheckId] = &[
    CheckId::DnsA,
    CheckId::DnsAaaa,
    CheckId::DnsCname,
    CheckId::DnsCaa,
];

impl StepFlow for Dns {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        resolve_dns(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        resolve_dns(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        if w.domain.parsed.is_none() {
            return Gate::Blocked;
        }
        crate::core::model::gate::of_checks(w, CHECKS)
    }

    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        vec!["key-recheck", "key-detail"]
    }
}

fn resolve_dns(w: &mut Wizard) -> Vec<Effect> {
    let Some(name) = w.domain.parsed.as_ref() else {
        return Vec::new();
    };
    let name = name.ascii.clone();
    let generation = w.next_generation();
    for id in CHECKS {
        w.checks.insert(*id, CheckState::Running { generation });
    }
    vec![Effect::ResolveDns { name, generation }]
}
