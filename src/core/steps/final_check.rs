//! Step 11: the final check from the patients' side. It runs from any
//! machine (a network check), so it is never merely confirmed by hand:
//! going live without it is what the checks exist to stop.

use time::OffsetDateTime;

use super::contract::StepFlow;
use super::golive::{by_hand, expected_fingerprint};
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::model::gate::Gate;
use crate::core::{Action, CheckId, CheckState, Effect, Finding, Outcome, Step, Text, Wizard};

pub struct FinalCheck;

pub const CHECKS: &[CheckId] = &[
    CheckId::FinalTls,
    CheckId::FinalExposure,
    CheckId::FinalPort80,
];

impl StepFlow for FinalCheck {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        final_check(w)
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        final_check(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        // Exposure is a hard stop: no «trotzdem weiter». It is judged from
        // inside only when the router loops back; otherwise it is a
        // warning that sends the person to check from outside.
        super::golive::gate(w, Step::FinalCheck, CHECKS, || {
            CHECKS.iter().all(|id| w.check(*id).is_settled())
                && w.confirmed.contains(&Step::FinalCheck)
        })
    }

    fn next(&self, w: &mut Wizard, gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if gate == Gate::Open {
            return None;
        }
        let tls = w.check(CheckId::FinalTls);
        Some(if !tls.is_running() && !tls.is_settled() {
            final_check(w)
        } else {
            Vec::new()
        })
    }

    fn own_keys(&self, _w: &Wizard) -> Vec<&'static str> {
        vec!["key-toggle", "key-recheck", "key-detail"]
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        let work = (!w.confirmed.contains(&Step::FinalCheck)).then_some(Action::Toggle);
        super::golive::answer(w, a, gate, CHECKS, work, true)
    }
}

pub fn final_check(w: &mut Wizard) -> Vec<Effect> {
    let (Some(host), Some(expected)) = (
        w.domain.parsed.as_ref().map(|d| d.ascii.clone()),
        expected_fingerprint(w),
    ) else {
        return Vec::new();
    };
    start_final_check(w, host, expected)
}

/// After the final check: an upload to the admin app counts only when the
/// name now serves the certificate that was sent. Its page says «installed»
/// whether or not it wrote anything.
pub fn on_final_checked(w: &mut Wizard, fingerprints: &[String]) {
    let sent_before = !matches!(
        w.check(CheckId::Uploaded),
        CheckState::Idle | CheckState::Running { .. }
    );
    if !by_hand(w) || !sent_before {
        return;
    }
    let Some(sent) = expected_fingerprint(w) else {
        return;
    };
    let norm = |s: &str| s.replace(':', "").to_ascii_lowercase();
    let confirmed = !fingerprints.is_empty() && fingerprints.iter().all(|f| norm(f) == norm(&sent));
    let detail = format!("sent sha256 {sent}; served {}", fingerprints.join(", "));
    let outcome = if confirmed {
        Outcome::Passed(Finding::new(Text::new("upload-confirmed")).detail(detail))
    } else {
        Outcome::Failed(
            Finding::new(Text::new("upload-not-confirmed"))
                .fix(Text::new("upload-not-confirmed-fix"))
                .detail(detail),
        )
    };
    if !confirmed && let CheckState::Failed(f) = w.check(CheckId::FinalTls).clone() {
        let mut f = f;
        f.more.insert(0, Text::new("upload-not-confirmed"));
        w.checks.insert(CheckId::FinalTls, CheckState::Failed(f));
    }
    w.checks.insert(CheckId::Uploaded, outcome.into());
}

/// The final check for `host`, which must serve `expected`: the wizard's
/// step and an unattended go-live start it alike.
pub fn start_final_check(w: &mut Wizard, host: String, expected: String) -> Vec<Effect> {
    let local_name = w
        .start
        .found
        .as_ref()
        .and_then(|i| i.local_name.clone())
        .unwrap_or_default();
    let own: Vec<std::net::IpAddr> = w
        .network
        .public_v4
        .map(std::net::IpAddr::V4)
        .into_iter()
        .chain(w.network.public_v6.map(std::net::IpAddr::V6))
        .collect();
    let generation = w.next_generation();
    for id in CHECKS {
        w.checks.insert(*id, CheckState::Running { generation });
    }
    vec![Effect::FinalCheck {
        host,
        local_name,
        own,
        expected,
        generation,
    }]
}
