//! `update`: one message in, the new model and the effects out.

use time::OffsetDateTime;

use crate::core::library::dns;
use crate::core::steps::firewall;
use crate::core::steps::{
    self, autorenew, certificate, final_check, install, ports, proxy, restart, start, systems,
};
use crate::core::{
    CheckId, CheckState, Effect, Finding, Msg, Outcome, Overlay, Step, Text, Wizard,
};

pub fn update(w: &mut Wizard, msg: Msg, now: OffsetDateTime) -> Vec<Effect> {
    // A result counts only if its check still waits for that generation: a
    // late answer for an input the person has since changed is dropped here,
    // once, for every kind of result.
    if let Some((id, generation)) = msg.answers()
        && !accepts(w, id, generation)
    {
        return Vec::new();
    }
    let before = persisted_view(w);
    let overlay_before = std::mem::discriminant(&w.session.overlay);
    let mut effects = match msg {
        Msg::Key(action) => super::keys::on_key(w, action, now),
        Msg::TypingSettled => {
            w.session.typing = false;
            Vec::new()
        }
        Msg::Viewport(v) => {
            super::dialog_keys::on_viewport(w, v);
            Vec::new()
        }
        Msg::InstallCandidates(list) => start::on_candidates(w, list),
        Msg::InstallDetected { result, .. } => {
            let outcome = start::installation_outcome(w, result);
            w.checks.insert(CheckId::Installation, outcome.into());
            start::inspect_compose(w)
        }
        Msg::ComposeInspected { facts, .. } => {
            if let Some(found) = &w.start.found {
                let outcome = crate::core::library::compose_ready::judge(&facts, &found.dir);
                // Asked for by F5 after a failed restart (on the start step
                // it is asked for the folder).
                if w.step == Step::Restart {
                    restart::on_compose_inspected(w, outcome.clone());
                }
                w.checks.insert(CheckId::ComposeReady, outcome.into());
            }
            Vec::new()
        }
        Msg::DelegationResolved { delegation, .. } => {
            let registered = w
                .domain
                .parsed
                .as_ref()
                .map(|d| d.registered.clone())
                .unwrap_or_default();
            let outcome = dns::delegation_outcome(&registered, &delegation);
            w.checks.insert(CheckId::Delegation, outcome.into());
            Vec::new()
        }
        Msg::DnsResolved { report, .. } => {
            for id in steps::dns::CHECKS {
                w.checks.insert(*id, CheckState::Idle);
            }
            for (id, outcome) in dns::classify(&report) {
                let outcome =
                    crate::core::library::router_guide::for_router(&w.network.router, outcome);
                w.checks.insert(id, outcome.into());
            }
            w.network.dns_a = report.a.clone().unwrap_or_default();
            w.network.dns_aaaa = report.aaaa.clone().unwrap_or_default();
            Vec::new()
        }
        Msg::PendingChanges(changes) => {
            if !changes.is_empty() {
                w.session.overlay = Overlay::Pending {
                    changes,
                    finish_selected: false,
                };
            }
            Vec::new()
        }
        Msg::PendingResolved { ok } => {
            w.session.pending_result = Some(ok);
            w.session.overlay = super::resume_question(w);
            Vec::new()
        }
        Msg::PublicDiscovered { seen, .. } => {
            ports::on_public(w, seen);
            vec![Effect::DetectRouter {
                public: w.network.public_v4,
            }]
        }
        Msg::RouterDetected(seen) => {
            w.network.router = seen;
            w.network.router_asking = false;
            ports::on_recognised(w);
            Vec::new()
        }
        Msg::FirewallDetected {
            detection, port, ..
        } => firewall::on_firewall_detected(w, &detection, port),
        Msg::FirewallOpened { result, .. } => firewall::on_opened(w, result, now),
        Msg::Probed {
            key_auth, reports, ..
        } => {
            firewall::on_probed(w, &key_auth, &reports);
            Vec::new()
        }
        Msg::OrthancBuild { affected } => {
            w.session.orthanc_affected = Some(affected);
            Vec::new()
        }
        Msg::Terms { url } => {
            w.certificate.terms_url = url;
            Vec::new()
        }
        Msg::Unattended(plan) => super::unattended::on_plan(w, plan, now),
        Msg::GoLive(plan) => super::unattended_live::on_start(w, plan),
        Msg::GoLiveRolledBack { complete } => {
            super::unattended_live::on_undone(w, complete);
            Vec::new()
        }
        Msg::OrthancRenewed { record } => {
            let orthanc = systems::SystemKind::Orthanc;
            if let Some(done) = w.systems.done.iter_mut().find(|d| d.kind == orthanc) {
                done.certificate = Some(record);
            }
            Vec::new()
        }
        Msg::GatewayRenewed { name, done } => {
            super::unattended::on_gateway_renewed(w, name, done, now);
            Vec::new()
        }
        Msg::Noticed(notice) => {
            w.certificate.attempts.notice(notice);
            Vec::new()
        }
        Msg::IssueProgress { stage, .. } => {
            if let Some((env, _)) = w.session.acme_stage {
                w.session.acme_stage = Some((env, stage));
            }
            Vec::new()
        }
        Msg::NameRechecked {
            report, public_v4, ..
        } => certificate::on_rechecked(w, &report, public_v4, now),
        Msg::AuthorizationReused { .. } => Vec::new(),
        Msg::OrderCreated { env, url, .. } => {
            certificate::on_order(w, env, url);
            Vec::new()
        }
        Msg::Issued { env, record, .. } => certificate::on_issued(w, env, record, now),
        Msg::IssueFailed {
            env, finding, kind, ..
        } => {
            certificate::on_failed(w, env, finding, kind, now);
            Vec::new()
        }
        Msg::FilesInstalled { result, .. } => {
            install::on_installed(w, result);
            super::unattended_live::next(w)
        }
        Msg::ProxyPlanned { result, .. } => {
            proxy::on_planned(w, result);
            super::unattended_live::next(w)
        }
        Msg::ProxyApplied { result, .. } => {
            proxy::on_applied(w, result);
            super::unattended_live::next(w)
        }
        Msg::Uploaded { result, .. } => {
            install::on_uploaded(w, result);
            Vec::new()
        }
        Msg::SystemPlanned { check, result, .. } => {
            systems::on_planned(w, check, result);
            Vec::new()
        }
        Msg::SystemApplied { check, result, .. } => {
            systems::on_applied(w, check, result);
            Vec::new()
        }
        Msg::RestartLine { line, .. } => {
            let log = &mut w.session.restart_log;
            log.push(line);
            // The screen shows the end; the log file keeps everything.
            let excess = log.len().saturating_sub(200);
            log.drain(..excess);
            Vec::new()
        }
        Msg::Restarted { result, .. } => {
            restart::on_restarted(w, result);
            super::unattended_live::next(w)
        }
        Msg::FinalChecked {
            tls,
            exposure,
            port80,
            fingerprints,
            ..
        } => {
            // The final check's fixes name her router's menus.
            let named = |o| crate::core::library::router_guide::for_router(&w.network.router, o);
            let (tls, exposure, port80) = (named(tls), named(exposure), named(port80));
            w.checks.insert(CheckId::FinalTls, tls.into());
            w.checks.insert(CheckId::FinalExposure, exposure.into());
            w.checks.insert(CheckId::FinalPort80, port80.into());
            final_check::on_final_checked(w, &fingerprints);
            super::unattended_live::on_checked(w, &fingerprints);
            super::unattended_live::next(w)
        }
        Msg::ScheduleInspected { view, .. } => {
            autorenew::on_inspected(w, view);
            Vec::new()
        }
        Msg::ScheduleInstalled { result, .. } => {
            autorenew::on_installed(w, result);
            Vec::new()
        }
        Msg::TestMailSent { result, .. } => {
            autorenew::on_test_sent(w, result);
            Vec::new()
        }
        Msg::ProbeFailed { reason, .. } => {
            let f = Finding::new(reason).fix(Text::new("firewall-probe-failed-fix"));
            w.checks
                .insert(CheckId::Reachability, Outcome::Failed(f).into());
            w.checks.insert(CheckId::Ipv6Path, CheckState::Idle);
            Vec::new()
        }
    };
    // Another dialog starts at its top, with its details hidden.
    if std::mem::discriminant(&w.session.overlay) != overlay_before {
        w.session.dialog_scroll = 0;
        w.session.dialog_detail = false;
    }
    if persisted_view(w) != before {
        w.updated_at = now;
        effects.insert(0, Effect::Persist);
    }
    effects
}

/// The model as the resume file sees it (the session part is not saved).
fn persisted_view(w: &Wizard) -> Wizard {
    let mut v = w.clone();
    v.session = Default::default();
    v
}

/// A result counts only if its check still waits for that generation.
fn accepts(w: &Wizard, id: CheckId, generation: u64) -> bool {
    matches!(w.check(id), CheckState::Running { generation: g } if *g == generation)
}
