//! What stands between the person and «weiter», as values: the gate of a
//! step, and the line under it.

use crate::core::model::check::{CheckId, CheckState};
use crate::core::model::wizard::Wizard;

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

/// How the line reads: the screen maps each tone to one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Err,
    Plain,
    /// Still working: drawn dim.
    Quiet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateLine {
    pub id: &'static str,
    pub tone: Tone,
}

/// The gate that a step's checks alone make.
pub fn of_checks(w: &Wizard, ids: &[CheckId]) -> Gate {
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
