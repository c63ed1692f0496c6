//! The go-live of `certificate --install` and `renew`, without questions:
//! the wizard's own go-live effects and result handlers (`golive_step`),
//! chained here instead of by her Enter key, and taken back when the
//! final check fails. The steps:
//!
//! install the files → plan the proxy → apply it (when it changes) →
//! restart (only when the plan needs one, or one is still owed) → the
//! final check → done; or, after any failure, this run's journal entries
//! undone (with a restart again when this run restarted) and the
//! certificate served before put back in the model.
//!
//! The command looks at the name once before it starts
//! (`reachable_before`): a name that answers nowhere, before the change as
//! after it (a router without hairpin NAT), cannot be checked from here,
//! and the change is kept rather than undone for that.

use crate::core::model::golive::Site;
use crate::core::model::unattended::{GoLive, Live, LiveRun, Phase};
use crate::core::steps::{final_check, install, proxy, restart};
use crate::core::{CheckId, CheckState, Effect, Outcome, Text, Wizard};

pub(super) fn on_start(w: &mut Wizard, plan: GoLive) -> Vec<Effect> {
    let (Some(inst), Some(cert)) = (w.start.found.clone(), w.certificate.installed.clone()) else {
        w.session.going_live = Some(LiveRun {
            plan,
            site: Site {
                install_dir: Default::default(),
                generation: crate::core::library::start::Generation::Current,
                host: String::new(),
            },
            phase: Phase::Done,
            restarted: false,
            fingerprints: Vec::new(),
            failure: None,
            end: Some(Live::NoInstallation),
        });
        return Vec::new();
    };
    let site = Site {
        install_dir: inst.dir,
        generation: inst.generation,
        host: cert.domain.clone(),
    };
    w.session.going_live = Some(LiveRun {
        plan,
        site: site.clone(),
        phase: Phase::Install,
        restarted: false,
        fingerprints: Vec::new(),
        failure: None,
        end: None,
    });
    install::write_files(w, site, cert)
}

/// After one of the go-live results: the next effect, or the end.
pub(super) fn next(w: &mut Wizard) -> Vec<Effect> {
    let Some(run) = w.session.going_live.clone() else {
        return Vec::new();
    };
    let failed = |id| match w.check(id) {
        CheckState::Failed(f) => Some(f.summary.clone()),
        _ => None,
    };
    match run.phase {
        Phase::Install => match (failed(CheckId::FilesInstalled), w.golive.installed.clone()) {
            (Some(reason), _) => undo(w, reason),
            (None, Some(files)) => {
                set_phase(w, Phase::Plan);
                proxy::plan_for(w, run.site, files)
            }
            (None, None) => Vec::new(),
        },
        Phase::Plan => {
            if let Some(reason) = failed(CheckId::ProxyConfig) {
                return undo(w, reason);
            }
            let Some(plan) = w.golive.plan.clone() else {
                return Vec::new();
            };
            if plan.diffs.is_empty() {
                return restart_or_check(w, w.golive.restart_owed);
            }
            set_phase(w, Phase::Apply);
            match proxy::apply(w) {
                // No plan in this run: the check's failure says so.
                e if e.is_empty() => next(w),
                e => e,
            }
        }
        Phase::Apply => match failed(CheckId::ProxyConfig) {
            Some(reason) => undo(w, reason),
            None => restart_or_check(w, w.golive.restart_owed),
        },
        Phase::Restart => match failed(CheckId::Restarted) {
            Some(reason) => undo(w, reason),
            None => check(w),
        },
        Phase::Check => judge(w, &run),
        Phase::Undo | Phase::Done => Vec::new(),
    }
}

fn set_phase(w: &mut Wizard, phase: Phase) {
    if let Some(run) = w.session.going_live.as_mut() {
        run.phase = phase;
    }
}

fn restart_or_check(w: &mut Wizard, restart: bool) -> Vec<Effect> {
    let Some(site) = w.session.going_live.as_ref().map(|r| r.site.clone()) else {
        return Vec::new();
    };
    if !restart {
        return check(w);
    }
    if let Some(run) = w.session.going_live.as_mut() {
        run.phase = Phase::Restart;
        run.restarted = true;
    }
    restart::restart(w, site)
}

fn check(w: &mut Wizard) -> Vec<Effect> {
    let (Some(run), Some(files)) = (w.session.going_live.clone(), w.golive.installed.clone())
    else {
        return Vec::new();
    };
    set_phase(w, Phase::Check);
    final_check::start_final_check(w, run.site.host, files.fingerprint)
}

/// The final check's verdict: every address of the name must serve the
/// new certificate.
fn judge(w: &mut Wizard, run: &LiveRun) -> Vec<Effect> {
    let outcome = |id| match w.check(id) {
        CheckState::Passed(f) => Some(Outcome::Passed(f.clone())),
        CheckState::Warning(f) => Some(Outcome::Warning(f.clone())),
        CheckState::Failed(f) => Some(Outcome::Failed(f.clone())),
        _ => None,
    };
    let (Some(tls), exposure) = (outcome(CheckId::FinalTls), outcome(CheckId::FinalExposure))
    else {
        return Vec::new();
    };
    let end = match tls {
        Outcome::Passed(_) | Outcome::Warning(_) => match exposure {
            Some(Outcome::Failed(f)) => Live::Exposed(f.summary),
            _ => Live::Checked,
        },
        Outcome::Failed(f) => {
            let nothing_served = run.fingerprints.is_empty();
            let lookup_failed = f.summary.id == "patients-no-address";
            if nothing_served && !run.plan.reachable_before && !lookup_failed {
                Live::NotCheckable
            } else {
                return undo(w, f.summary);
            }
        }
    };
    if let Some(run) = w.session.going_live.as_mut() {
        run.phase = Phase::Done;
        run.end = Some(end);
    }
    Vec::new()
}

fn undo(w: &mut Wizard, reason: Text) -> Vec<Effect> {
    let Some(run) = w.session.going_live.as_mut() else {
        return Vec::new();
    };
    run.phase = Phase::Undo;
    run.failure = Some(reason);
    let restart = run.restarted.then(|| run.site.clone());
    vec![Effect::UndoSince {
        mark: run.plan.mark,
        restart,
    }]
}

/// The run's changes are taken back: the previous certificate is the one
/// in use again.
pub(super) fn on_undone(w: &mut Wizard, complete: bool) {
    let Some(run) = w.session.going_live.as_mut() else {
        return;
    };
    run.phase = Phase::Done;
    let reason = run
        .failure
        .clone()
        .unwrap_or_else(|| Text::new("cli-golive-undo-failed"));
    run.end = Some(Live::Failed {
        reason,
        undone: complete,
    });
    if let Some(previous) = run.plan.previous.clone() {
        w.certificate.installed = Some(previous);
    }
}

/// What the final check saw served, kept for the verdict.
pub(super) fn on_checked(w: &mut Wizard, fingerprints: &[String]) {
    if let Some(run) = w.session.going_live.as_mut() {
        run.fingerprints = fingerprints.to_vec();
    }
}
