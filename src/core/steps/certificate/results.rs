//! The certificate step's orders and what comes back: the name looked at
//! again before an order, the order saved before validation, the
//! certificate issued or the attempt failed, each recorded in the one
//! attempt history.

use time::OffsetDateTime;

use super::{name, recheck, running, start};
use crate::core::library::attempts::{Attempt, AttemptOutcome};
use crate::core::library::dns::DnsReport;
use crate::core::library::firewall::Backend;
use crate::core::library::status::CertRecord;
use crate::core::model::certificate::{AcmeEnv, FailureKind};
use crate::core::model::check::{CheckId, CheckState, Finding, Outcome, Text};
use crate::core::{Effect, Wizard};

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
        failed(w, Some(env), finding);
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
    failed(w, env, finding);
}

/// The dry run's or the real order's check fails with `finding`; after a
/// failed dry run the real order is not started.
fn failed(w: &mut Wizard, env: Option<AcmeEnv>, finding: Finding) {
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
