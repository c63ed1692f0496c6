//! What each step needs before "next" is allowed.

use super::check::{CheckId, CheckState};
use super::{Step, Wizard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Checks are still running.
    Waiting,
    /// Something is missing or failed, and may not be passed.
    Blocked,
    /// Failed checks that the person may pass with "trotzdem weiter".
    Overridable,
}

pub fn gate(w: &Wizard) -> Gate {
    if let Some(open) = super::golive_step::gate_open(w) {
        let running = Wizard::checks_of(w.step)
            .iter()
            .any(|id| w.check(*id).is_running());
        return if open {
            Gate::Open
        } else if running {
            Gate::Waiting
        } else {
            Gate::Blocked
        };
    }
    match w.step {
        Step::Language => Gate::Open,
        Step::Done => Gate::Blocked,
        // Optional: "Weiter" goes on once nothing is chosen or running.
        Step::Systems => {
            let running = [CheckId::Orthanc, CheckId::Gateway]
                .iter()
                .any(|id| w.check(*id).is_running());
            if running {
                Gate::Waiting
            } else if w.systems.choice == super::systems::SystemKind::None {
                Gate::Open
            } else {
                Gate::Blocked
            }
        }
        Step::AutoRenew => {
            if w.check(CheckId::Schedule).is_running() || w.check(CheckId::TestMail).is_running() {
                Gate::Waiting
            } else if w.check(CheckId::Schedule).is_passed()
                || w.autorenew.choice == super::autorenew::RenewChoice::Skip
            {
                Gate::Open
            } else {
                Gate::Blocked
            }
        }
        Step::Start => {
            let g = checks_gate(w, Wizard::checks_of(Step::Start));
            if g == Gate::Open && w.start.found.is_none() {
                Gate::Blocked
            } else {
                g
            }
        }
        Step::Domain => {
            if w.domain.parsed.is_none() {
                return Gate::Blocked;
            }
            checks_gate(w, Wizard::checks_of(Step::Domain))
        }
        Step::Dns => {
            if w.domain.parsed.is_none() {
                return Gate::Blocked;
            }
            checks_gate(w, Wizard::checks_of(Step::Dns))
        }
        Step::PortForwarding => {
            if w.confirmed.contains(&Step::PortForwarding) {
                checks_gate(w, Wizard::checks_of(Step::PortForwarding))
            } else {
                Gate::Blocked
            }
        }
        Step::Firewall => checks_gate(w, Wizard::checks_of(Step::Firewall)),
        Step::Certificate => {
            if super::cert_step::has_certificate(w) {
                Gate::Open
            } else if w.check(CheckId::Certificate).is_running() {
                Gate::Waiting
            } else {
                Gate::Blocked
            }
        }
        s if s.is_manual() => {
            if w.confirmed.contains(&s) {
                Gate::Open
            } else {
                Gate::Blocked
            }
        }
        _ => Gate::Blocked,
    }
    .with_override(w)
}

impl Gate {
    fn with_override(self, w: &Wizard) -> Gate {
        if self == Gate::Overridable && w.overridden(w.step) {
            Gate::Open
        } else {
            self
        }
    }
}

fn checks_gate(w: &Wizard, ids: &[CheckId]) -> Gate {
    let states: Vec<&CheckState> = ids.iter().map(|id| w.check(*id)).collect();
    if states.iter().any(|s| s.is_running()) {
        return Gate::Waiting;
    }
    if states.iter().any(|s| matches!(s, CheckState::Idle)) {
        return Gate::Blocked;
    }
    let failed: Vec<_> = states
        .iter()
        .filter_map(|s| match s {
            CheckState::Failed(f) => Some(f),
            _ => None,
        })
        .collect();
    if failed.is_empty() {
        Gate::Open
    } else if failed.iter().all(|f| f.can_override) {
        Gate::Overridable
    } else {
        Gate::Blocked
    }
}
