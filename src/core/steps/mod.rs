//! The wizard's steps, one module each, in the order a practice walks
//! them. Each implements [`contract::StepFlow`]; [`of`] is the table that
//! maps a step to its module, the one place that dispatches on the step.

pub mod autorenew;
pub mod certificate;
pub mod contract;
pub mod dns;
pub mod domain;
pub mod done;
pub mod final_check;
pub mod firewall;
pub mod golive;
pub mod install;
pub mod language;
pub mod ports;
pub mod proxy;
pub mod restart;
pub mod start;
pub mod systems;

use contract::StepFlow;

use crate::core::{CheckId, Step};

/// The module of a step.
pub fn of(step: Step) -> &'static dyn StepFlow {
    match step {
        Step::Language => &language::Language,
        Step::Start => &start::Start,
        Step::Domain => &domain::Domain,
        Step::Dns => &dns::Dns,
        Step::PortForwarding => &ports::Ports,
        Step::Firewall => &firewall::Firewall,
        Step::Certificate => &certificate::Certificate,
        Step::Install => &install::Install,
        Step::ProxyConfig => &proxy::Proxy,
        Step::Restart => &restart::Restart,
        Step::FinalCheck => &final_check::FinalCheck,
        Step::Systems => &systems::Systems,
        Step::AutoRenew => &autorenew::AutoRenew,
        Step::Done => &done::Done,
    }
}

/// The checks that guard a step's «weiter».
pub fn checks_of(step: Step) -> &'static [CheckId] {
    of(step).checks()
}
