//! An issuance without questions, as `certificate` and `renew` ask for it:
//! the plan a command hands the core, and the transition that sets the
//! model up from it. From there on the wizard's own certificate step runs
//! (`cert_step`): the same order saved before validation, the same attempt
//! records, the same staging rule. What differs is said here:
//!
//! - The name is the command's, not the domain step's: a renewal is for
//!   the certificate in use, whatever the wizard was last typing.
//! - No look-up of the name right before the order. The wizard compares
//!   with what its DNS step found minutes ago; an unattended run has no
//!   such finding (or one from months ago, which a legitimate change of
//!   address contradicts). The once-a-day guard below bounds the failed
//!   validations instead.
//! - Production only once a day (`attempts::UNATTENDED_INTERVAL`), checked
//!   before anything starts; a refusal is kept here for the command.
//! - The firewall window is the one the command detected (`window`), not
//!   the firewall step's: `Effect::Issue` carries it, io opens it through
//!   the journal, and the driver closes it at the end, as in the wizard.

use time::OffsetDateTime;

use crate::core::TextInput;
use crate::core::library::attempts::{
    Attempt, AttemptOutcome, Decision, RefusedBecause, may_attempt,
};
use crate::core::model::certificate::{AcmeEnv, AcmeStage};
use crate::core::model::unattended::Unattended;
use crate::core::{Effect, Wizard};

/// Which environment the run starts with: the dry run, unless it already
/// went through for this name.
pub fn first_env(w: &Wizard, plan: &Unattended) -> AcmeEnv {
    if plan.staging_only || w.certificate.dry_run_for.as_deref() != Some(&plan.name.ascii) {
        AcmeEnv::Staging
    } else {
        AcmeEnv::Production
    }
}

/// Why the run may not start: the once-a-day guard and the rate limits,
/// for production (a dry run alone is never refused).
pub fn refusal(
    w: &Wizard,
    plan: &Unattended,
    now: OffsetDateTime,
) -> Option<(RefusedBecause, OffsetDateTime)> {
    if plan.staging_only {
        return None;
    }
    let h = &w.certificate.attempts;
    match may_attempt(h, &plan.name.ascii, &plan.name.registered, true, now, false) {
        Decision::Refused { until, because, .. } => Some((because, until)),
        _ => None,
    }
}

pub(super) fn on_plan(w: &mut Wizard, mut plan: Unattended, now: OffsetDateTime) -> Vec<Effect> {
    w.certificate.attempts.prune(now);
    if let Some(e) = &plan.email {
        w.certificate.email = TextInput::new(e.trim());
    }
    if plan.accept_terms {
        w.certificate.terms_accepted = true;
    }
    let env = first_env(w, &plan);
    if let Some(refused) = refusal(w, &plan, now) {
        plan.refused = Some(refused);
        w.session.unattended = Some(plan);
        return Vec::new();
    }
    w.session.unattended = Some(plan);
    w.session.acme_stage = Some((env, AcmeStage::Account));
    crate::core::steps::certificate::order(w, env, now)
}

/// `renew` for Express Gateway's certificate: the attempt recorded as the
/// certificate step records its own, the system's record replaced.
pub(super) fn on_gateway_renewed(
    w: &mut Wizard,
    name: String,
    done: Option<crate::core::model::systems::SystemDone>,
    now: OffsetDateTime,
) {
    let registered = crate::core::library::domain::parse(&name)
        .map(|d| d.registered)
        .unwrap_or_default();
    w.certificate.attempts.record(Attempt {
        at: now,
        name,
        registered,
        production: true,
        outcome: if done.is_some() {
            AttemptOutcome::Issued
        } else {
            AttemptOutcome::Failed
        },
    });
    if let Some(done) = done {
        w.systems.done.retain(|d| d.kind != done.kind);
        w.systems.done.push(done);
    }
}
