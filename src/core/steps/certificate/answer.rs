//! What an answers file implies on the certificate step: a failed
//! attempt is never repeated unattended.

use super::{CHECKS, has_certificate};
use crate::core::answers::drive::{Decision as AnswerDecision, StopReason, fill, pass, stop};
use crate::core::answers::{Answers, Source};
use crate::core::model::gate::Gate;
use crate::core::{Action, CheckId, Wizard};

pub fn answer(w: &Wizard, a: &Answers, gate: Gate) -> AnswerDecision {
    let Some(c) = &a.certificate else {
        return stop(w, StopReason::Unanswered);
    };
    if has_certificate(w) {
        return pass(w, a, gate, CHECKS);
    }
    if w.check(CheckId::Certificate).is_running() {
        return AnswerDecision::Wait;
    }
    // A failed attempt is never repeated unattended.
    let failed: Vec<CheckId> = [CheckId::DryRun, CheckId::Certificate]
        .into_iter()
        .filter(|id| w.check(*id).is_failed())
        .collect();
    if !failed.is_empty() {
        return stop(w, StopReason::Failed(failed));
    }
    if let Some(err) = &w.certificate.last_error {
        return stop(w, StopReason::Invalid(Some(err.summary.clone())));
    }
    if w.certificate.source != c.source.cert_source() {
        return AnswerDecision::Press(Action::Down);
    }
    match c.source {
        Source::LetsEncrypt => {
            let Some(email) = &c.email else {
                return stop(w, StopReason::Unanswered);
            };
            if let Some(d) = fill(w, &w.certificate.email, email) {
                return d;
            }
        }
        Source::Own => {
            let Some(cert) = &c.own_cert else {
                return stop(w, StopReason::Unanswered);
            };
            let key = c.own_key.as_deref().unwrap_or("");
            let fields = [
                (0, &w.certificate.own_cert, cert.as_str()),
                (1, &w.certificate.own_key, key),
            ];
            for (field, input, target) in fields {
                if input.value != target {
                    if w.session.cert_field != field {
                        return AnswerDecision::Press(Action::NextField);
                    }
                    if let Some(d) = fill(w, input, target) {
                        return d;
                    }
                }
            }
        }
        Source::SelfSigned => {}
    }
    AnswerDecision::Press(Action::Next)
}
