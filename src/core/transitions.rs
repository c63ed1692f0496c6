//! `update`: one message in, the new model and the effects out.

use time::OffsetDateTime;

use super::check::{CheckId, CheckState, Finding, Outcome, Text};
use super::{Effect, Msg, Overlay, Step, Wizard, cert_step, golive_step, library::{dns, domain}, network};

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
        Msg::Viewport(v) => {
            super::dialog_keys::on_viewport(w, v);
            Vec::new()
        }
        Msg::InstallCandidates(list) => on_candidates(w, list),
        Msg::InstallDetected { result, .. } => {
            let outcome = installation_outcome(w, result);
            w.checks.insert(CheckId::Installation, outcome.into());
            inspect_compose(w)
        }
        Msg::ComposeInspected { facts, .. } => {
            if let Some(found) = &w.start.found {
                let outcome = super::library::compose_ready::judge(&facts, &found.dir);
                if w.step == Step::Restart && w.check(CheckId::Restarted).is_failed() {
                    let state = after_failed_restart(outcome.clone());
                    if state.is_passed() {
                        w.golive.restart_owed = false;
                    }
                    w.checks.insert(CheckId::Restarted, state);
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
            for id in Wizard::checks_of(Step::Dns) {
                w.checks.insert(*id, CheckState::Idle);
            }
            for (id, outcome) in dns::classify(&report) {
                let outcome = super::library::router_guide::for_wizard(w, outcome);
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
            w.session.overlay = if w.step == Step::Language {
                Overlay::None
            } else {
                Overlay::Resume {
                    continue_selected: true,
                }
            };
            Vec::new()
        }
        Msg::PublicDiscovered { seen, .. } => {
            network::on_public(w, seen);
            vec![Effect::DetectRouter {
                public: w.network.public_v4,
            }]
        }
        Msg::RouterDetected(seen) => {
            w.network.router = seen;
            w.network.router_asking = false;
            super::library::router_guide::on_recognised(w);
            Vec::new()
        }
        Msg::FirewallDetected {
            detection, port, ..
        } => network::on_firewall_detected(w, &detection, port),
        Msg::FirewallOpened { result, .. } => network::on_opened(w, result, now),
        Msg::Probed {
            key_auth, reports, ..
        } => {
            network::on_probed(w, &key_auth, &reports);
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
            let orthanc = super::systems::SystemKind::Orthanc;
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
        } => cert_step::on_rechecked(w, &report, public_v4, now),
        Msg::AuthorizationReused { .. } => Vec::new(),
        Msg::OrderCreated { env, url, .. } => {
            cert_step::on_order(w, env, url);
            Vec::new()
        }
        Msg::Issued { env, record, .. } => cert_step::on_issued(w, env, record, now),
        Msg::IssueFailed {
            env, finding, kind, ..
        } => {
            cert_step::on_failed(w, env, finding, kind, now);
            Vec::new()
        }
        Msg::FilesInstalled { result, .. } => {
            golive_step::on_installed(w, result);
            super::unattended_live::next(w)
        }
        Msg::ProxyPlanned { result, .. } => {
            golive_step::on_planned(w, result);
            super::unattended_live::next(w)
        }
        Msg::ProxyApplied { result, .. } => {
            golive_step::on_applied(w, result);
            super::unattended_live::next(w)
        }
        Msg::Uploaded { result, .. } => {
            golive_step::on_uploaded(w, result);
            Vec::new()
        }
        Msg::SystemPlanned { check, result, .. } => {
            super::systems::on_planned(w, check, result);
            Vec::new()
        }
        Msg::SystemApplied { check, result, .. } => {
            super::systems::on_applied(w, check, result);
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
            golive_step::on_restarted(w, result);
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
            let named = |o| super::library::router_guide::for_wizard(w, o);
            let (tls, exposure, port80) = (named(tls), named(exposure), named(port80));
            w.checks.insert(CheckId::FinalTls, tls.into());
            w.checks.insert(CheckId::FinalExposure, exposure.into());
            w.checks.insert(CheckId::FinalPort80, port80.into());
            super::golive_step::on_final_checked(w, &fingerprints);
            super::unattended_live::on_checked(w, &fingerprints);
            super::unattended_live::next(w)
        }
        Msg::ScheduleInspected { view, .. } => {
            super::autorenew::on_inspected(w, view);
            Vec::new()
        }
        Msg::ScheduleInstalled { result, .. } => {
            super::autorenew::on_installed(w, result);
            Vec::new()
        }
        Msg::TestMailSent { result, .. } => {
            super::autorenew::on_test_sent(w, result);
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

/// Files the detection result: found with warnings is a warning, so the
/// person reads them, but may go on.
fn installation_outcome(
    w: &mut Wizard,
    result: Result<super::library::start::Installation, super::library::start::DetectError>,
) -> Outcome {
    match result {
        Ok(inst) => {
            let id = match inst.generation {
                super::library::start::Generation::Legacy => "start-found-legacy",
                super::library::start::Generation::Current => "start-found-current",
            };
            let mut finding =
                Finding::new(Text::new(id).arg("dir", inst.dir.display().to_string()));
            let warnings: Vec<Text> = inst.warnings.iter().map(|w| w.text()).collect();
            w.start.found = Some(inst);
            match warnings.split_first() {
                None => Outcome::Passed(finding),
                Some((first, rest)) => {
                    finding.fix = Some(first.clone());
                    finding.more = rest.to_vec();
                    Outcome::Warning(finding)
                }
            }
        }
        Err(e) => {
            w.start.found = None;
            Outcome::Failed(
                Finding::new(e.text())
                    .fix(Text::new("start-fix-path"))
                    .detail(e.detail())
                    .overridable(),
            )
        }
    }
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

pub(super) fn next_generation(w: &mut Wizard) -> u64 {
    w.session.generation += 1;
    w.session.generation
}

/// Marks one check as running under a new generation, which its result
/// must carry to count.
pub(super) fn start_check(w: &mut Wizard, id: CheckId) -> u64 {
    let generation = next_generation(w);
    w.checks.insert(id, CheckState::Running { generation });
    generation
}

fn on_candidates(w: &mut Wizard, list: Vec<std::path::PathBuf>) -> Vec<Effect> {
    w.start.candidates = list;
    if w.start.input.value.trim().is_empty()
        && let Some(first) = w.start.candidates.first()
    {
        let value = first.display().to_string();
        w.start.input.set(value);
        return detect_install(w, false);
    }
    Vec::new()
}

/// `typing`: asked for by a key in the path field, so the driver may wait
/// for typing to pause (the generation drops a late answer either way).
pub(super) fn detect_install(w: &mut Wizard, typing: bool) -> Vec<Effect> {
    let dir = w.start.input.value.trim().to_string();
    w.start.found = None;
    if dir.is_empty() {
        w.checks.insert(CheckId::Installation, CheckState::Idle);
        return Vec::new();
    }
    let generation = next_generation(w);
    w.checks
        .insert(CheckId::Installation, CheckState::Running { generation });
    vec![Effect::DetectInstall {
        dir: dir.into(),
        generation,
        typing,
    }]
}

/// F5 after a failed restart asks docker how things stand now: running
/// again (someone fixed the cause and started it) passes the step; else
/// the error shown is today's, not the one from the failed attempt.
fn after_failed_restart(now: Outcome) -> CheckState {
    match now {
        Outcome::Passed(_) => {
            CheckState::Passed(Finding::new(Text::new("golive-step-restarted-since")))
        }
        Outcome::Warning(f) | Outcome::Failed(f) => {
            let mut f = f;
            f.fix = Some(Text::new("restart-still-fix"));
            CheckState::Failed(f)
        }
    }
}

/// Once the folder is understood (and after a failed restart, on F5),
/// docker is asked what the restart needs; without a folder there is
/// nothing to ask about.
fn inspect_compose(w: &mut Wizard) -> Vec<Effect> {
    let Some(found) = &w.start.found else {
        w.checks.remove(&CheckId::ComposeReady);
        return Vec::new();
    };
    let dir = found.dir.clone();
    let generation = next_generation(w);
    w.checks
        .insert(CheckId::ComposeReady, CheckState::Running { generation });
    vec![Effect::InspectCompose { dir, generation }]
}

/// The domain input changed: parse it, and check the new name afresh.
pub(super) fn domain_changed(w: &mut Wizard) -> Vec<Effect> {
    for id in [
        CheckId::Delegation,
        CheckId::DnsA,
        CheckId::DnsAaaa,
        CheckId::DnsCname,
        CheckId::DnsCaa,
    ] {
        w.checks.insert(id, CheckState::Idle);
    }
    match domain::parse(&w.domain.input.value) {
        Ok(name) => {
            w.domain.parsed = Some(name);
            w.domain.error = None;
            check_delegation(w)
        }
        Err(e) => {
            w.domain.parsed = None;
            w.domain.error = if w.domain.input.value.trim().is_empty() {
                None
            } else {
                Some(e.text())
            };
            Vec::new()
        }
    }
}

fn check_delegation(w: &mut Wizard) -> Vec<Effect> {
    let Some(name) = w.domain.parsed.as_ref() else {
        return Vec::new();
    };
    let registered = name.registered.clone();
    let generation = next_generation(w);
    w.checks
        .insert(CheckId::Delegation, CheckState::Running { generation });
    vec![Effect::CheckDelegation {
        registered,
        generation,
    }]
}

fn resolve_dns(w: &mut Wizard) -> Vec<Effect> {
    let Some(name) = w.domain.parsed.as_ref() else {
        return Vec::new();
    };
    let name = name.ascii.clone();
    let generation = next_generation(w);
    for id in Wizard::checks_of(Step::Dns) {
        w.checks.insert(*id, CheckState::Running { generation });
    }
    vec![Effect::ResolveDns { name, generation }]
}

/// Runs the current step's live checks again.
pub(super) fn run_checks(w: &mut Wizard) -> Vec<Effect> {
    match w.step {
        Step::Start => {
            let mut e = vec![Effect::ScanInstallDirs];
            e.extend(detect_install(w, false));
            e
        }
        Step::Domain => check_delegation(w),
        Step::Dns => resolve_dns(w),
        Step::PortForwarding => network::on_enter(w),
        Step::Firewall => {
            // With the window open (or no firewall), only the probe repeats.
            let open = w.network.window_until.is_some()
                || w.network
                    .firewall
                    .as_ref()
                    .is_some_and(|p| p.backend == super::library::firewall::Backend::None);
            if open {
                network::probe(w)
            } else {
                network::on_enter(w)
            }
        }
        Step::FinalCheck => golive_step::final_check(w),
        Step::ProxyConfig => golive_step::on_enter(w),
        Step::Restart if w.check(CheckId::Restarted).is_failed() => inspect_compose(w),
        Step::AutoRenew => super::autorenew::on_enter(w),
        _ => Vec::new(),
    }
}

pub(super) fn advance(w: &mut Wizard) -> Vec<Effect> {
    match w.step.next() {
        Some(next) => {
            let mut effects = Vec::new();
            if w.step == Step::Certificate {
                effects.extend(network::close_window(w));
            }
            w.step = next;
            w.session.show_detail = false;
            w.session.scroll = 0;
            effects.extend(on_enter(w));
            effects
        }
        None => Vec::new(),
    }
}

/// What a step needs when the person arrives on it.
pub(super) fn on_enter(w: &mut Wizard) -> Vec<Effect> {
    match w.step {
        Step::Start => {
            let mut e = vec![Effect::ScanInstallDirs];
            if !w.start.input.value.trim().is_empty()
                && !w.check(CheckId::Installation).is_settled()
            {
                e.extend(detect_install(w, false));
            }
            e
        }
        Step::Domain => {
            if w.domain.input.value.trim().is_empty()
                && let Some(ext) = w.start.found.as_ref().and_then(|i| i.external_name.clone())
            {
                w.domain.input.set(format!("termine.{ext}"));
                return domain_changed(w);
            }
            if w.domain.parsed.is_some() && !w.check(CheckId::Delegation).is_settled() {
                return check_delegation(w);
            }
            Vec::new()
        }
        // DNS answers change (DynDNS, a record just added): always look again.
        Step::Dns => resolve_dns(w),
        Step::PortForwarding | Step::Firewall => network::on_enter(w),
        Step::Certificate => cert_step::on_enter(w),
        Step::Install | Step::ProxyConfig | Step::FinalCheck => golive_step::on_enter(w),
        Step::AutoRenew => super::autorenew::on_enter(w),
        // Looked at once per run, so the form can offer stunnel up front.
        Step::Systems if w.session.orthanc_affected.is_none() => vec![Effect::InspectOrthanc],
        _ => Vec::new(),
    }
}
