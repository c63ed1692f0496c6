//! Install, proxy, restart and final check, driven by messages.

use super::*;
use crate::core::library::compose_override::{CertNames, Drift, Edit};
use crate::core::library::status::CertRecord;
use crate::core::model::golive::{FileDiff, InstalledFiles, PlanView, ProxyPlan};

fn record() -> CertRecord {
    CertRecord {
        domain: "termine.meine-praxis.ch".into(),
        path_crt: "/var/lib/praxis-tls/certs/t.crt".into(),
        path_key: "/var/lib/praxis-tls/certs/t.key".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "R13".into(),
        fingerprint_sha256: "AB:CD".into(),
        renewal: Default::default(),
    }
}

pub(super) fn installed() -> InstalledFiles {
    InstalledFiles {
        crt: "/var/lib/praxis-tls/proxy-certs/termine.meine-praxis.ch.2026-11-24.crt".into(),
        key: "/var/lib/praxis-tls/proxy-certs/termine.meine-praxis.ch.2026-11-24.key".into(),
        cert_name: "termine.meine-praxis.ch.2026-11-24.crt".into(),
        key_name: "termine.meine-praxis.ch.2026-11-24.key".into(),
        fingerprint: "abcd".into(),
    }
}

pub(super) fn generation(e: &[Effect]) -> u64 {
    e.iter()
        .find_map(|e| match e {
            Effect::InstallFiles { generation, .. }
            | Effect::PlanProxy { generation, .. }
            | Effect::ApplyProxy { generation, .. }
            | Effect::Restart { generation, .. }
            | Effect::FinalCheck { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0)
}

/// On the certificate step with a certificate and the installation found.
pub(super) fn at_certificate() -> Wizard {
    let mut w = at_domain_ok();
    w.step = Step::Certificate;
    w.network.dns_a = vec![
        "203.0.113.7"
            .parse()
            .unwrap_or(std::net::Ipv4Addr::LOCALHOST),
    ];
    w.certificate.installed = Some(record());
    w
}

#[test]
fn the_four_steps_run_in_order_and_guard_next() {
    let mut w = at_certificate();
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Install);
    assert!(
        matches!(e.iter().find(|e| matches!(e, Effect::InstallFiles { .. })),
        Some(Effect::InstallFiles { crt, site, .. }) if crt.ends_with("t.crt") && site.host == "termine.meine-praxis.ch")
    );
    assert_eq!(gate(&w), Gate::Waiting);
    update(
        &mut w,
        Msg::FilesInstalled {
            generation: generation(&e),
            result: Ok(installed()),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Open);

    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::ProxyConfig);
    assert!(
        matches!(e.iter().find(|e| matches!(e, Effect::PlanProxy { .. })),
        Some(Effect::PlanProxy { cert_name, .. }) if cert_name.ends_with("2026-11-24.crt"))
    );
    let plan = PlanView {
        diffs: vec![FileDiff {
            path: "/opt/elexis-oob/docker-compose.override.yml".into(),
            diff: "+x\n".into(),
        }],
        needs_restart: true,
        drift: false,
    };
    update(
        &mut w,
        Msg::ProxyPlanned {
            generation: generation(&e),
            result: Ok(proxy_plan(plan)),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Blocked, "nothing is written without a yes");
    let e = key(&mut w, Action::Next);
    assert!(e.is_empty());
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    let e = key(&mut w, Action::Yes);
    let g = generation(&e);
    assert!(matches!(e.last(), Some(Effect::ApplyProxy { .. })));
    update(
        &mut w,
        Msg::ProxyApplied {
            generation: g,
            result: Ok(()),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Open);
    assert!(w.golive.restart_owed);

    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Restart);
    assert_eq!(gate(&w), Gate::Blocked, "the override needs a restart");
    key(&mut w, Action::Next);
    let e = key(&mut w, Action::Yes);
    let g = generation(&e);
    update(
        &mut w,
        Msg::RestartLine {
            generation: g,
            line: "Stopping elx_proxy ... done".into(),
        },
        NOW,
    );
    assert_eq!(
        w.session.restart_log,
        vec!["Stopping elx_proxy ... done".to_string()]
    );
    update(
        &mut w,
        Msg::Restarted {
            generation: g,
            result: Ok(()),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Open);

    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::FinalCheck);
    assert!(
        matches!(e.iter().find(|e| matches!(e, Effect::FinalCheck { .. })),
        Some(Effect::FinalCheck { expected, local_name, .. }) if expected == "abcd" && local_name == "nuno")
    );
    let ok = Outcome::Passed(Finding::new(Text::new("verify-passed")));
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: Vec::new(),
            addresses: Vec::new(),
            generation: generation(&e),
            tls: ok.clone(),
            exposure: ok.clone(),
            port80: ok,
        },
        NOW,
    );
    assert_eq!(
        gate(&w),
        Gate::Blocked,
        "the phone check is confirmed by hand"
    );
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn exposure_is_a_hard_stop() {
    let mut w = at_certificate();
    w.step = Step::FinalCheck;
    w.golive.installed = Some(installed());
    let e = key(&mut w, Action::Recheck);
    let ok = Outcome::Passed(Finding::new(Text::new("verify-passed")));
    let exposed = Outcome::Failed(Finding::new(Text::new("exposure-host-reached")).overridable());
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: Vec::new(),
            addresses: Vec::new(),
            generation: generation(&e),
            tls: ok.clone(),
            exposure: exposed,
            port80: ok,
        },
        NOW,
    );
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Override);
    assert_eq!(w.session.overlay, Overlay::None, "no trotzdem weiter");
}

#[test]
fn a_renewal_of_the_watched_file_needs_no_restart() {
    let mut w = at_certificate();
    w.step = Step::ProxyConfig;
    w.golive.installed = Some(installed());
    let e = key(&mut w, Action::Recheck);
    let plan = PlanView {
        diffs: vec![FileDiff {
            path: "/x.toml".into(),
            diff: "+y".into(),
        }],
        needs_restart: false,
        drift: false,
    };
    update(
        &mut w,
        Msg::ProxyPlanned {
            generation: generation(&e),
            result: Ok(proxy_plan(plan)),
        },
        NOW,
    );
    key(&mut w, Action::Next);
    let e = key(&mut w, Action::Yes);
    update(
        &mut w,
        Msg::ProxyApplied {
            generation: generation(&e),
            result: Ok(()),
        },
        NOW,
    );
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Restart);
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn without_an_installation_the_steps_are_done_by_hand() {
    let mut w = at_certificate();
    w.start.found = None;
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Install);
    assert!(e.iter().all(|e| !matches!(e, Effect::InstallFiles { .. })));
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn a_failed_install_is_shown_and_tried_again_with_enter() {
    let mut w = at_certificate();
    let e = key(&mut w, Action::Next);
    let f = Finding::new(Text::new("golive-step-internal"));
    update(
        &mut w,
        Msg::FilesInstalled {
            generation: generation(&e),
            result: Err(f),
        },
        NOW,
    );
    assert!(w.check(CheckId::FilesInstalled).is_failed());
    let e = key(&mut w, Action::Next);
    assert!(e.iter().any(|e| matches!(e, Effect::InstallFiles { .. })));
}

#[test]
fn elsewhere_the_certificate_can_be_sent_to_the_admin_app_after_a_warning() {
    let mut w = at_certificate();
    w.start.found = None;
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Install);
    assert!(
        !crate::core::text_input_active(&w),
        "letters are shortcuts until Tab"
    );
    key(&mut w, Action::NextField);
    assert!(crate::core::text_input_active(&w));
    for c in "192.168.1.20".chars() {
        key(&mut w, Action::Char(c));
    }
    let e = key(&mut w, Action::Next);
    assert!(e.is_empty(), "nothing is sent before the warning: {e:?}");
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    let e = key(&mut w, Action::Yes);
    let Some(Effect::Upload {
        server, generation, ..
    }) = e
        .iter()
        .find(|e| matches!(e, Effect::Upload { .. }))
        .cloned()
    else {
        panic!("{e:?}");
    };
    assert_eq!(server, "192.168.1.20");
    let sent = Outcome::Warning(Finding::new(Text::new("upload-sent-unconfirmed")));
    update(
        &mut w,
        Msg::Uploaded {
            generation,
            result: Ok(sent),
        },
        NOW,
    );
    assert!(
        matches!(w.check(CheckId::Uploaded), CheckState::Warning(_)),
        "never a pass"
    );
    // Done by hand all the same: the person confirms.
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::NextField);
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn a_router_without_hairpin_sends_the_person_outside_but_lets_them_pass() {
    let mut w = at_certificate();
    w.step = Step::FinalCheck;
    w.golive.installed = Some(installed());
    let e = key(&mut w, Action::Recheck);
    let inside = Outcome::Warning(
        Finding::new(Text::new("verify-passed")).fix(Text::new("golive-checked-inside")),
    );
    let untestable = Outcome::Warning(Finding::new(Text::new("golive-exposure-inside")));
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: Vec::new(),
            addresses: Vec::new(),
            generation: generation(&e),
            tls: inside,
            exposure: untestable.clone(),
            port80: untestable,
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Blocked, "the phone check is still owed");
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Open);
}

/// Away from the server, the final check still runs: a confirmation alone
/// never opens step 11, and an upload counts only when the name serves it.
#[test]
fn by_hand_the_final_check_runs_and_gates_like_on_the_server() {
    let mut w = at_certificate();
    w.start.found = None;
    w.network.public_v4 = Some("203.0.113.7".parse().unwrap());
    w.step = Step::Restart;
    w.confirmed.insert(Step::Restart);
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::FinalCheck);
    let sent = record().fingerprint_sha256;
    assert!(
        matches!(e.iter().find(|e| matches!(e, Effect::FinalCheck { .. })),
        Some(Effect::FinalCheck { expected, own, .. }) if *expected == sent && own.len() == 1),
        "{e:?}"
    );
    key(&mut w, Action::Toggle);
    assert_ne!(gate(&w), Gate::Open, "a confirmation alone is not enough");
    let wrong = Outcome::Failed(Finding::new(Text::new("verify-other-certificate")));
    let ok = Outcome::Passed(Finding::new(Text::new("exposure-none")));
    w.checks.insert(
        CheckId::Uploaded,
        Outcome::Warning(Finding::new(Text::new("upload-sent-unconfirmed"))).into(),
    );
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: vec!["00ff".into()],
            addresses: Vec::new(),
            generation: generation(&e),
            tls: wrong,
            exposure: ok.clone(),
            port80: ok.clone(),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Blocked);
    assert!(w.check(CheckId::Uploaded).is_failed());
    let CheckState::Failed(f) = w.check(CheckId::FinalTls) else {
        panic!("{:?}", w.check(CheckId::FinalTls))
    };
    assert_eq!(f.more[0].id, "upload-not-confirmed");

    let e = key(&mut w, Action::Recheck);
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: vec![sent.to_uppercase()],
            addresses: Vec::new(),
            generation: generation(&e),
            tls: Outcome::Passed(Finding::new(Text::new("verify-passed"))),
            exposure: ok.clone(),
            port80: ok,
        },
        NOW,
    );
    assert!(w.check(CheckId::Uploaded).is_passed());
    assert_eq!(gate(&w), Gate::Open);
}

/// Step 8 by hand: once the upload warning is answered, Space and Enter
/// work on «Erledigt» again and never bring the warning back.
#[test]
fn after_the_upload_warning_the_keys_are_back_on_done() {
    let mut w = at_certificate();
    w.start.found = None;
    key(&mut w, Action::Next);
    key(&mut w, Action::NextField);
    typed(&mut w, "192.168.1.20");
    key(&mut w, Action::Next);
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    key(&mut w, Action::No);
    assert!(
        !crate::core::text_input_active(&w),
        "the keys are back on «Erledigt»"
    );
    key(&mut w, Action::Next);
    assert_eq!(w.session.overlay, Overlay::None, "no warning again");
    key(&mut w, Action::Toggle);
    assert!(w.confirmed.contains(&Step::Install));
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::ProxyConfig);
}

/// The upload warning keeps the exact edit for the IT supporter behind
/// «D», as the firewall's question keeps its commands; Esc closes the
/// details before the question.
#[test]
fn the_upload_warning_keeps_its_edit_behind_d() {
    let mut w = at_certificate();
    w.start.found = None;
    key(&mut w, Action::Next);
    key(&mut w, Action::NextField);
    typed(&mut w, "192.168.1.20");
    key(&mut w, Action::Next);
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    assert!(!w.session.dialog_detail);
    key(&mut w, Action::Detail);
    assert!(w.session.dialog_detail, "D shows the edit");
    key(&mut w, Action::Back);
    assert!(!w.session.dialog_detail);
    assert_eq!(w.session.overlay, Overlay::ConfirmAction, "still asking");
    key(&mut w, Action::Back);
    assert_eq!(w.session.overlay, Overlay::None);
}

/// In the «Server:» field, Space types nothing and the cursor keys leave a
/// sent upload sent: Enter there never asks again for the same sending.
#[test]
fn the_server_field_keeps_a_sent_upload() {
    let mut w = at_certificate();
    w.start.found = None;
    key(&mut w, Action::Next);
    key(&mut w, Action::NextField);
    typed(&mut w, "192.168.1.20");
    key(&mut w, Action::Next);
    let e = key(&mut w, Action::Yes);
    let sent = Outcome::Warning(Finding::new(Text::new("upload-sent-unconfirmed")));
    let generation = e
        .iter()
        .find_map(|e| match e {
            Effect::Upload { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0);
    update(
        &mut w,
        Msg::Uploaded {
            generation,
            result: Ok(sent),
        },
        NOW,
    );
    key(&mut w, Action::NextField);
    assert!(crate::core::text_input_active(&w));
    for a in [Action::Char(' '), Action::Left, Action::End] {
        key(&mut w, a);
    }
    assert_eq!(w.golive.upload_server.value, "192.168.1.20");
    assert!(w.check(CheckId::Uploaded).is_settled(), "still sent");
    key(&mut w, Action::Next);
    assert_eq!(w.session.overlay, Overlay::None, "not asked again");
}

/// F5 after a failed restart asks docker how things stand now: the old
/// error does not stay once someone fixed the cause and started it, and
/// what is shown otherwise is today's state.
#[test]
fn checking_again_after_a_failed_restart_reads_the_state_now() {
    use crate::core::library::compose_ready::ComposeFacts;
    let mut w = at_certificate();
    w.step = Step::Restart;
    w.golive.restart_owed = true;
    let failed = || {
        CheckState::Failed(Finding::new(
            Text::new("restart-port-taken").arg("port", "443"),
        ))
    };
    w.checks.insert(CheckId::Restarted, failed());
    let facts = |stopped: &[&str]| ComposeFacts::Loaded {
        services: vec!["proxy".into(), "termine".into()],
        missing_images: vec![],
        stopped: stopped.iter().map(|s| s.to_string()).collect(),
    };
    let inspected = |w: &mut Wizard, facts| {
        let e = key(w, Action::Recheck);
        let generation = e
            .iter()
            .find_map(|e| match e {
                Effect::InspectCompose { generation, .. } => Some(*generation),
                _ => None,
            })
            .expect("F5 asks docker");
        update(w, Msg::ComposeInspected { generation, facts }, NOW);
    };

    inspected(&mut w, facts(&["proxy", "termine"]));
    let CheckState::Failed(f) = w.check(CheckId::Restarted) else {
        panic!("{:?}", w.check(CheckId::Restarted))
    };
    assert_eq!(f.summary.id, "compose-ready-all-stopped", "today's state");
    assert_eq!(
        f.fix.as_ref().map(|t| t.id.as_str()),
        Some("restart-still-fix")
    );
    assert!(w.golive.restart_owed);

    inspected(&mut w, facts(&[]));
    assert!(w.check(CheckId::Restarted).is_passed());
    assert!(!w.golive.restart_owed);
}

/// The e-mail error goes once she corrects the address; it does not stay
/// beside the corrected field until the next Enter.
#[test]
fn a_corrected_email_clears_its_error() {
    let mut w = at_certificate();
    w.certificate.installed = None;
    w.certificate.email.set("praxis@");
    key(&mut w, Action::Next);
    assert_eq!(
        w.certificate
            .last_error
            .as_ref()
            .map(|f| f.summary.id.as_str()),
        Some("acme-email-invalid")
    );
    for c in "praxis.ch".chars() {
        key(&mut w, Action::Char(c));
    }
    assert_eq!(w.certificate.last_error, None);
}

/// A try's answer is not about what she typed: typing leaves it standing
/// until the next try, whatever its message.
#[test]
fn typing_leaves_a_try_s_answer_standing() {
    use crate::core::model::certificate::ErrorCause;
    let mut w = at_certificate();
    w.certificate.installed = None;
    w.certificate.email.set("praxis@praxis.ch");
    // Even a CA answer that shares the input error's message stays.
    w.certificate.fail(Finding::new(
        Text::new("acme-email-invalid").arg("email", "x"),
    ));
    key(&mut w, Action::Char('x'));
    assert!(w.certificate.last_error.is_some());
    assert_eq!(w.certificate.last_error_cause, ErrorCause::Attempt);
    w.certificate.email.set("praxis@");
    key(&mut w, Action::Next);
    assert_eq!(w.certificate.last_error_cause, ErrorCause::Input);
    key(&mut w, Action::Char('p'));
    assert_eq!(w.certificate.last_error, None);
}

/// What compose said stays in the saved state once the restart finished,
/// so a resumed wizard can still show it.
#[test]
fn the_restart_output_survives_a_resume() {
    let mut w = at_certificate();
    w.step = Step::Restart;
    w.golive.restart_owed = true;
    let e = key(&mut w, Action::Next);
    let e = if e.iter().any(|e| matches!(e, Effect::Restart { .. })) {
        e
    } else {
        key(&mut w, Action::Yes)
    };
    let generation = generation(&e);
    for line in ["$ docker-compose stop", "Stopping elx_proxy ... done"] {
        update(
            &mut w,
            Msg::RestartLine {
                generation,
                line: line.into(),
            },
            NOW,
        );
    }
    update(
        &mut w,
        Msg::Restarted {
            generation,
            result: Err(Finding::new(Text::new("restart-failed"))),
        },
        NOW,
    );
    let saved = serde_json::to_string(&w).unwrap();
    let back: Wizard = serde_json::from_str(&saved).unwrap();
    let back = crate::core::resumed(back);
    assert!(back.session.restart_log.is_empty());
    assert_eq!(
        back.golive.restart_output,
        ["$ docker-compose stop", "Stopping elx_proxy ... done"]
    );
}

/// Step 8 by hand with the «Server:» field focused: Space types there and
/// Enter sends, so the gate line names Tab first; on «Erledigt» it is
/// Space, then Enter again, and those keys do what it says.
#[test]
fn the_gate_line_in_the_server_field_names_what_works_there() {
    use crate::core::machine::gate_line::gate_line;
    let mut w = at_certificate();
    w.start.found = None;
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Install);
    assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-manual"));
    key(&mut w, Action::NextField);
    assert!(crate::core::text_input_active(&w));
    assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-manual-input"));
    // Space in the field ticks nothing.
    key(&mut w, Action::Char(' '));
    assert!(!w.confirmed.contains(&Step::Install));
    // Tab, Space, Enter: the way the line names.
    key(&mut w, Action::NextField);
    assert!(!crate::core::text_input_active(&w));
    assert_eq!(gate_line(&w).map(|l| l.id), Some("gate-manual"));
    key(&mut w, Action::Toggle);
    assert!(w.confirmed.contains(&Step::Install));
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::ProxyConfig);
}

/// A planned change of the proxy files is the normal next step, not a
/// warning; a plan over files someone changed by hand stays a warning.
#[test]
fn a_planned_proxy_change_is_no_warning_unless_files_drifted() {
    use crate::core::steps::golive::is_planned_change;
    use crate::core::steps::proxy::on_planned;
    for (drift, planned) in [(false, true), (true, false)] {
        let mut w = at_certificate();
        let plan = PlanView {
            diffs: vec![FileDiff {
                path: "/opt/elexis-oob/docker-compose.override.yml".into(),
                diff: "+x\n".into(),
            }],
            needs_restart: true,
            drift,
        };
        on_planned(&mut w, Ok(proxy_plan(plan)));
        let state = w.check(CheckId::ProxyConfig);
        assert_eq!(is_planned_change(state), planned, "drift {drift}");
    }
}

/// A plan as io would build it, showing `view`'s diffs.
pub(crate) fn proxy_plan(view: PlanView) -> ProxyPlan {
    let dynamic = if view.needs_restart {
        None
    } else {
        view.diffs.first().map(|d| d.path.clone())
    };
    ProxyPlan {
        edits: view
            .diffs
            .into_iter()
            .map(|d| {
                let edit = Edit {
                    text: String::new(),
                    diff: d.diff,
                };
                (d.path, edit)
            })
            .collect(),
        drift: if view.drift {
            Drift::Changed {
                added: Vec::new(),
                removed: Vec::new(),
            }
        } else {
            Drift::NoOverride
        },
        site: crate::core::model::golive::Site {
            install_dir: "/opt/elexis-oob".into(),
            generation: crate::core::library::start::Generation::Current,
            host: "termine.meine-praxis.ch".into(),
        },
        names: CertNames {
            cert: "x.crt".into(),
            key: "x.key".into(),
        },
        dynamic,
        requires: Vec::new(),
        seen: Vec::new(),
    }
}
