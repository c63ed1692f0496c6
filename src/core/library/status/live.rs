//! What the last check from the patients' side saw: the name resolved,
//! every address connected to. `renew` and `certificate --install` record
//! it, `status --live` takes it again; a certificate that a patient does
//! not get, or an internal page that answers from outside, is CRITICAL.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{State, StatusReport};
use crate::core::{Outcome, Text};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveCheck {
    #[serde(with = "time::serde::rfc3339")]
    pub checked_at: OffsetDateTime,
    pub state: State,
    /// Every address of the name that was tried.
    pub addresses: Vec<String>,
    /// What is wrong, in the person's words; `None` when nothing is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Text>,
}

impl LiveCheck {
    /// A certificate that is not served, or anything internal reachable
    /// from outside, is CRITICAL; a result seen only from this server (no
    /// hairpin NAT) is a WARNING: nobody could look from outside.
    pub fn judge(
        checked_at: OffsetDateTime,
        termine: &Outcome,
        exposure: &Outcome,
        addresses: Vec<String>,
    ) -> LiveCheck {
        let (state, problem) = match (termine, exposure) {
            (Outcome::Failed(f), _) | (_, Outcome::Failed(f)) => {
                (State::Critical, Some(f.summary.clone()))
            }
            (Outcome::Warning(f), _) | (_, Outcome::Warning(f)) => {
                (State::Warning, Some(f.summary.clone()))
            }
            _ => (State::Ok, None),
        };
        LiveCheck {
            checked_at,
            state,
            addresses,
            problem,
        }
    }

    pub fn text(&self) -> Text {
        let addresses = self.addresses.join(", ");
        match &self.problem {
            None => Text::new("status-live-ok").arg("addresses", addresses),
            Some(p) => Text::new("status-live-problem")
                .arg("addresses", addresses)
                .arg("problem_id", p.id.clone()),
        }
    }
}

impl StatusReport {
    /// Adds the check from the patients' side.
    pub fn with_live(mut self, live: Option<LiveCheck>) -> Self {
        if let Some(l) = &live
            && !self.certificates.is_empty()
            && l.state.severity() > self.state.severity()
        {
            self.state = l.state;
        }
        self.live = live;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Finding;

    #[test]
    fn an_exposed_internal_page_is_critical() {
        let ok = Outcome::Passed(Finding::new(Text::new("verify-passed")));
        let exposed = Outcome::Failed(Finding::new(Text::new("exposure-host-reached")));
        let l = LiveCheck::judge(
            OffsetDateTime::UNIX_EPOCH,
            &ok,
            &exposed,
            vec!["192.0.2.1".into()],
        );
        assert_eq!(l.state, State::Critical);
        assert_eq!(l.problem.unwrap().id, "exposure-host-reached");
    }
}
