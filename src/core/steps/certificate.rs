//! The certificate step: Let's Encrypt with a staging dry run first, the
//! practice's own certificate, or a self-signed one as the last resort.

mod answer;
mod recheck;
mod results;

pub use results::{on_failed, on_issued, on_order, on_rechecked, order, staging_only};

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision as AnswerDecision;
use crate::core::library::attempts::{Decision, may_attempt};
use crate::core::library::form_values::email_ok;
use crate::core::model::certificate::{AcmeEnv, AcmeStage, CertSource};
use crate::core::model::check::{CheckId, CheckState, Finding, Text};
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::{Action, Effect, Overlay, Wizard};

pub struct Certificate;

const CHECKS: &[CheckId] = &[CheckId::DryRun, CheckId::Certificate];

impl StepFlow for Certificate {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        on_enter(w)
    }

    /// The window is not needed any more once the certificate is there.
    fn leave(&self, w: &mut Wizard) -> Vec<Effect> {
        super::firewall::close_window(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        if has_certificate(w) {
            Gate::Open
        } else if w.check(CheckId::Certificate).is_running() {
            Gate::Waiting
        } else {
            Gate::Blocked
        }
    }

    fn next(&self, w: &mut Wizard, gate: Gate, now: OffsetDateTime) -> Option<Vec<Effect>> {
        (gate != Gate::Open).then(|| on_next(w, now))
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::NextField => w.session.cert_field = (w.session.cert_field + 1) % 3,
            Action::Up | Action::Down => {
                if !has_certificate(w) {
                    on_choice(w, action == Action::Up);
                }
            }
            a if a.is_edit() => on_edit(w, a),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn typing(&self, w: &Wizard) -> bool {
        field(w).is_some()
    }

    fn line(&self, _w: &Wizard, gate: Gate) -> Option<GateLine> {
        (gate == Gate::Blocked).then_some(GateLine {
            id: "cert-gate-start",
            tone: Tone::Plain,
        })
    }

    fn enter_label(&self, w: &Wizard, _gate: Gate, _body_max: u16) -> &'static str {
        if has_certificate(w) {
            "key-next"
        } else {
            "key-issue"
        }
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        if has_certificate(w) {
            return Vec::new();
        }
        // Only the own certificate has more than one field.
        if w.certificate.source == CertSource::Own {
            vec!["key-choose", "key-field"]
        } else {
            vec!["key-choose"]
        }
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> AnswerDecision {
        answer::answer(w, a, gate)
    }
}

/// The host the certificate is for: a command's, or once the domain step
/// has one, that.
pub(super) fn name(w: &Wizard) -> Option<(String, String)> {
    if let Some(u) = &w.session.unattended {
        return Some((u.name.ascii.clone(), u.name.registered.clone()));
    }
    w.domain
        .parsed
        .as_ref()
        .map(|d| (d.ascii.clone(), d.registered.clone()))
}

/// Whether the certificate in use is for the name the wizard works on.
pub fn has_certificate(w: &Wizard) -> bool {
    match (&w.certificate.installed, name(w)) {
        (Some(c), Some((n, _))) => c.domain == n,
        _ => false,
    }
}

/// Which text field takes letters on this step, if any.
pub fn field(w: &Wizard) -> Option<usize> {
    if has_certificate(w) {
        return None;
    }
    match w.certificate.source {
        CertSource::LetsEncrypt => Some(0),
        CertSource::Own => Some(w.session.cert_field.min(2)),
        CertSource::SelfSigned => None,
    }
}

pub fn on_enter(w: &mut Wizard) -> Vec<Effect> {
    if w.certificate.terms_url.is_none() {
        vec![Effect::FetchTerms]
    } else {
        Vec::new()
    }
}

pub fn on_choice(w: &mut Wizard, up: bool) {
    use CertSource::*;
    let order = [LetsEncrypt, Own, SelfSigned];
    let i = order
        .iter()
        .position(|s| *s == w.certificate.source)
        .unwrap_or(0);
    let n = order.len();
    w.certificate.source = order[if up { (i + n - 1) % n } else { (i + 1) % n }];
    w.certificate.clear_error();
    w.session.cert_field = 0;
}

pub fn on_edit(w: &mut Wizard, action: Action) {
    let input = match field(w) {
        Some(0) if w.certificate.source == CertSource::LetsEncrypt => &mut w.certificate.email,
        Some(0) => &mut w.certificate.own_cert,
        Some(1) => &mut w.certificate.own_key,
        Some(_) => &mut w.session.passphrase,
        None => return,
    };
    input.apply(action);
    w.certificate.edited();
}

/// Enter on the step: start what the chosen source needs, or go on.
pub fn on_next(w: &mut Wizard, now: OffsetDateTime) -> Vec<Effect> {
    let Some((host, registered)) = name(w) else {
        return Vec::new();
    };
    if w.check(CheckId::Certificate).is_running() {
        return Vec::new();
    }
    match w.certificate.source {
        CertSource::LetsEncrypt => {
            if !email_ok(&w.certificate.email.value) {
                let invalid =
                    Text::new("acme-email-invalid").arg("email", w.certificate.email.value.clone());
                w.certificate.refuse_input(Finding::new(invalid));
                return Vec::new();
            }
            if w.certificate.dry_run_for.as_deref() != Some(host.as_str()) {
                w.session.overlay = Overlay::ConfirmIssue;
                return Vec::new();
            }
            match may_attempt(&w.certificate.attempts, &host, &registered, true, now, true) {
                Decision::Allowed => start(w, AcmeEnv::Production, now),
                Decision::NeedsConfirmation { budget } => {
                    w.session.issue_budget = Some(budget);
                    w.session.overlay = Overlay::ConfirmIssue;
                    Vec::new()
                }
                Decision::Refused { until, .. } => {
                    let until = until.date().to_string();
                    w.certificate.fail(Finding::new(
                        Text::new("acme-refused-until").arg("until", until),
                    ));
                    Vec::new()
                }
            }
        }
        CertSource::Own => {
            let generation = running(w);
            let key = w.certificate.own_key.value.trim();
            let passphrase = w.session.passphrase.value.clone();
            vec![Effect::ImportCertificate {
                name: host,
                cert: w.certificate.own_cert.value.trim().into(),
                key: (!key.is_empty()).then(|| key.into()),
                passphrase: (!passphrase.is_empty()).then_some(passphrase),
                generation,
            }]
        }
        CertSource::SelfSigned => {
            w.session.overlay = Overlay::ConfirmIssue;
            Vec::new()
        }
    }
}

/// "Ja" in the confirmation: terms accepted, limits seen, warning read.
pub fn on_confirm(w: &mut Wizard, now: OffsetDateTime) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let Some((host, _)) = name(w) else {
        return Vec::new();
    };
    match w.certificate.source {
        CertSource::LetsEncrypt => {
            w.certificate.terms_accepted = true;
            let env = if w.certificate.dry_run_for.as_deref() == Some(host.as_str()) {
                AcmeEnv::Production
            } else {
                AcmeEnv::Staging
            };
            start(w, env, now)
        }
        CertSource::SelfSigned => {
            let generation = running(w);
            vec![Effect::SelfSign {
                name: host,
                generation,
            }]
        }
        CertSource::Own => Vec::new(),
    }
}

pub(super) fn running(w: &mut Wizard) -> u64 {
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::Certificate, CheckState::Running { generation });
    w.certificate.clear_error();
    generation
}

/// Before any order, the name is looked up once more (see cert_recheck);
/// not in an unattended run (see `unattended`).
pub(super) fn start(w: &mut Wizard, env: AcmeEnv, now: OffsetDateTime) -> Vec<Effect> {
    let Some((host, _)) = name(w) else {
        return Vec::new();
    };
    if w.session.unattended.is_some() {
        w.session.acme_stage = Some((env, AcmeStage::Account));
        return order(w, env, now);
    }
    let generation = running(w);
    w.session.acme_stage = Some((env, AcmeStage::Account));
    vec![Effect::RecheckName {
        name: host,
        generation,
        ask_public: w.network.public_v4.is_some(),
    }]
}
