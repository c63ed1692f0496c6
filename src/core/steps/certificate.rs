//! The certificate step: Let's Encrypt with a staging dry run first, the
//! practice's own certificate, or a self-signed one as the last resort.

mod recheck;

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::drive::{Decision as AnswerDecision, StopReason, fill, pass, stop};
use crate::core::answers::{Answers, Source};
use crate::core::library::attempts::{Attempt, AttemptOutcome, Decision, may_attempt};
use crate::core::library::dns::DnsReport;
use crate::core::library::firewall::Backend;
use crate::core::library::form_values::email_ok;
use crate::core::library::status::CertRecord;
use crate::core::model::certificate::{AcmeEnv, AcmeStage, CertSource, FailureKind};
use crate::core::model::check::{CheckId, CheckState, Finding, Outcome, Text};
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
        answer(w, a, gate)
    }
}

/// The host the certificate is for: a command's, or once the domain step
/// has one, that.
fn name(w: &Wizard) -> Option<(String, String)> {
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

fn running(w: &mut Wizard) -> u64 {
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::Certificate, CheckState::Running { generation });
    w.certificate.clear_error();
    generation
}

/// Before any order, the name is looked up once more (see cert_recheck);
/// not in an unattended run (see `unattended`).
fn start(w: &mut Wizard, env: AcmeEnv, now: OffsetDateTime) -> Vec<Effect> {
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

/// The name still points where the DNS step found it: order; otherwise
/// stop here, before a validation is spent.
pub fn on_rechecked(
    w: &mut Wizard,
    report: &DnsReport,
    public_v4: Option<std::net::Ipv4Addr>,
    now: OffsetDateTime,
) -> Vec<Effect> {
    let Some((env, _)) = w.session.acme_stage else {
        return Vec::new();
    };
    if let Some(mut finding) = recheck::moved(&w.network, report, public_v4) {
        // The fix names her router's menu for the address update.
        crate::core::library::router_guide::name_menus(
            &mut finding,
            crate::core::library::router_guide::menu_key(&w.network.router),
        );
        w.session.acme_stage = None;
        let id = if env == AcmeEnv::Staging {
            CheckId::DryRun
        } else {
            CheckId::Certificate
        };
        w.checks.insert(id, Outcome::Failed(finding.clone()).into());
        if id == CheckId::DryRun {
            w.checks.insert(CheckId::Certificate, CheckState::Idle);
        }
        w.certificate.fail(finding);
        return Vec::new();
    }
    order(w, env, now)
}

pub fn order(w: &mut Wizard, env: AcmeEnv, now: OffsetDateTime) -> Vec<Effect> {
    let Some((host, _)) = name(w) else {
        return Vec::new();
    };
    let generation = match w.checks.get(&CheckId::Certificate) {
        Some(CheckState::Running { generation }) => *generation,
        _ => running(w),
    };
    let resume_order = match env {
        AcmeEnv::Staging => w.certificate.staging_order.clone(),
        AcmeEnv::Production => w.certificate.production_order.clone(),
    };
    // The firewall window from the firewall step may have run out; a
    // command brings the plan it detected.
    let plan = match &w.session.unattended {
        Some(u) => u.window.as_ref(),
        None => w.network.firewall.as_ref(),
    };
    let window = match (plan, w.network.window_until) {
        (Some(plan), until) if plan.backend != Backend::None && until.is_none_or(|u| u <= now) => {
            w.network.window_until = Some(
                now + time::Duration::seconds(i64::from(crate::core::model::network::WINDOW_SECS)),
            );
            Some(plan.clone())
        }
        _ => None,
    };
    vec![Effect::Issue {
        env,
        name: host,
        email: w.certificate.email.value.trim().to_string(),
        terms_accepted: w.certificate.terms_accepted,
        resume_order,
        window,
        generation,
    }]
}

pub fn on_order(w: &mut Wizard, env: AcmeEnv, url: String) {
    match env {
        AcmeEnv::Staging => w.certificate.staging_order = Some(url),
        AcmeEnv::Production => w.certificate.production_order = Some(url),
    }
}

pub fn on_issued(
    w: &mut Wizard,
    env: Option<AcmeEnv>,
    record: CertRecord,
    now: OffsetDateTime,
) -> Vec<Effect> {
    w.session.acme_stage = None;
    let Some((host, registered)) = name(w) else {
        return Vec::new();
    };
    match env {
        Some(AcmeEnv::Staging) => {
            w.certificate.staging_order = None;
            w.certificate.attempts.record(Attempt {
                at: now,
                name: host.clone(),
                registered,
                production: false,
                outcome: AttemptOutcome::Issued,
            });
            w.certificate.dry_run_for = Some(host);
            w.checks.insert(
                CheckId::DryRun,
                Outcome::Passed(Finding::new(Text::new("cert-dry-run-ok"))).into(),
            );
            if staging_only(w) {
                w.checks.insert(CheckId::Certificate, CheckState::Idle);
                return Vec::new();
            }
            // The dry run proved the way in: production follows at once.
            start(w, AcmeEnv::Production, now)
        }
        Some(AcmeEnv::Production) => {
            w.certificate.production_order = None;
            w.certificate.attempts.record(Attempt {
                at: now,
                name: host,
                registered,
                production: true,
                outcome: AttemptOutcome::Issued,
            });
            installed(w, record, now);
            Vec::new()
        }
        None => {
            installed(w, record, now);
            Vec::new()
        }
    }
}

fn installed(w: &mut Wizard, record: CertRecord, now: OffsetDateTime) {
    // Days left, as the person will count them down.
    let days = (record.not_after - now).whole_days().max(0);
    let summary = Text::new("cert-ready")
        .arg("issuer", record.issuer.clone())
        .arg("until", record.not_after.date().to_string())
        .num("days", days);
    w.checks.insert(
        CheckId::Certificate,
        Outcome::Passed(Finding::new(summary)).into(),
    );
    w.certificate.installed = Some(record);
}

pub fn on_failed(
    w: &mut Wizard,
    env: Option<AcmeEnv>,
    finding: Finding,
    kind: FailureKind,
    now: OffsetDateTime,
) {
    w.session.acme_stage = None;
    let public: Vec<std::net::IpAddr> = w
        .network
        .public_v4
        .map(Into::into)
        .into_iter()
        .chain(w.network.public_v6.map(Into::into))
        .collect();
    let host = name(w).map(|(h, _)| h).unwrap_or_default();
    let mut finding = crate::core::library::acme_context::in_context(
        finding,
        w.network.responder_port,
        &public,
        &host,
    );
    // The fix names her router's menus for the port-80 forward.
    crate::core::library::router_guide::name_menus(
        &mut finding,
        crate::core::library::router_guide::menu_key(&w.network.router),
    );
    // Both environments: see `attempts` for why staging is recorded too,
    // and why a staging failure counts only when validation failed.
    let spent = match env {
        Some(AcmeEnv::Production) => true,
        Some(AcmeEnv::Staging) => kind == FailureKind::Validation,
        None => false,
    };
    if let (true, Some(env), Some((host, registered))) = (spent, env, name(w)) {
        w.certificate.attempts.record(Attempt {
            at: now,
            name: host,
            registered,
            production: env == AcmeEnv::Production,
            outcome: AttemptOutcome::Failed,
        });
    }
    let id = if env == Some(AcmeEnv::Staging) {
        CheckId::DryRun
    } else {
        CheckId::Certificate
    };
    w.checks.insert(id, Outcome::Failed(finding.clone()).into());
    if id == CheckId::DryRun {
        w.checks.insert(CheckId::Certificate, CheckState::Idle);
    }
    w.certificate.fail(finding);
}

/// Whether this run stops after the dry run.
pub fn staging_only(w: &Wizard) -> bool {
    w.session
        .unattended
        .as_ref()
        .is_some_and(|u| u.staging_only)
}

fn answer(w: &Wizard, a: &Answers, gate: Gate) -> AnswerDecision {
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
