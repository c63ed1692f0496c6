use std::path::PathBuf;

use super::*;
use crate::core::library::firewall::{Backend, Command, FirewallPlan};
use crate::core::model::check::CheckState;
use crate::core::{Gate, Lang, Msg, Step, gate, update};

const NOW: time::OffsetDateTime = time::macros::datetime!(2026-12-05 10:00 UTC);

fn at_systems() -> Wizard {
    let mut w = Wizard::new(Lang::De, NOW);
    w.domain.parsed = crate::core::library::domain::parse("termine.meine-praxis.ch").ok();
    w.network.dns_a = vec![std::net::Ipv4Addr::new(203, 0, 113, 7)];
    w.step = Step::Systems;
    w
}

/// The effects of a key press, without the resume file's write.
fn key(w: &mut Wizard, a: Action) -> Vec<Effect> {
    update(w, Msg::Key(a), NOW)
        .into_iter()
        .filter(|e| *e != Effect::Persist)
        .collect()
}

fn typed(w: &mut Wizard, s: &str) {
    for c in s.chars() {
        key(w, Action::Char(c));
    }
}

fn generation(e: &[Effect]) -> u64 {
    e.iter()
        .find_map(|e| match e {
            Effect::PlanSystem { generation, .. } | Effect::ApplySystem { generation, .. } => {
                Some(*generation)
            }
            _ => None,
        })
        .unwrap_or(0)
}

/// The plan for the effects `e` started, as io answers it: nothing to diff.
fn planned(w: &mut Wizard, e: &[Effect], kind: SystemKind) {
    let check = kind.check().unwrap_or(CheckId::Orthanc);
    let summary = Text::new(match kind {
        SystemKind::Gateway => "systems-gateway-plan",
        _ => "systems-orthanc-plan",
    });
    update(
        w,
        Msg::SystemPlanned {
            check,
            generation: generation(e),
            result: Ok(SystemPlan {
                kind,
                summary,
                notes: Vec::new(),
                diff: String::new(),
            }),
        },
        NOW,
    );
}

fn failed_with(w: &Wizard, id: CheckId) -> String {
    match w.check(id) {
        CheckState::Failed(f) => f.summary.id.clone(),
        other => format!("{other:?}"),
    }
}

fn orthanc_form(w: &mut Wizard, host: &str, clients: &str) {
    key(w, Action::Down);
    assert_eq!(w.systems.choice, SystemKind::Orthanc);
    typed(w, host);
    key(w, Action::NextField);
    typed(w, "/etc/orthanc/orthanc.json");
    key(w, Action::NextField);
    key(w, Action::NextField);
    typed(w, clients);
}

#[test]
fn nothing_chosen_goes_on_to_the_end() {
    let mut w = at_systems();
    assert_eq!(gate(&w), Gate::Open);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::AutoRenew);
    key(&mut w, Action::Back);
    assert_eq!(w.step, Step::Systems);
}

#[test]
fn orthanc_is_planned_shown_confirmed_and_recorded() {
    let mut w = at_systems();
    orthanc_form(&mut w, "pacs.praxis.lan", "Dr. Muster, Empfang");
    // Letters go into the field, not to the keys' other meanings.
    assert!(crate::core::text_input_active(&w));
    assert_eq!(gate(&w), Gate::Blocked);

    // Two people named: a passphrase is needed first.
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(
        failed_with(&w, CheckId::Orthanc),
        "systems-passphrase-short"
    );
    // Past the restart command: the login for practice computers, its
    // password too short first.
    key(&mut w, Action::NextField);
    key(&mut w, Action::NextField);
    typed(&mut w, "praxis");
    key(&mut w, Action::NextField);
    typed(&mut w, "kurz");
    key(&mut w, Action::NextField);
    typed(&mut w, "geheim-123");
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(
        failed_with(&w, CheckId::Orthanc),
        "systems-orthanc-login-short"
    );
    for _ in 0..7 {
        key(&mut w, Action::NextField);
    }
    typed(&mut w, "-Röntgen");

    let e = key(&mut w, Action::Next);
    let Some(Effect::PlanSystem {
        request:
            SystemRequest::Orthanc {
                host,
                clients,
                config,
                user,
                ..
            },
        ..
    }) = e.first()
    else {
        panic!("{e:?}");
    };
    assert_eq!(user.as_deref(), Some("praxis"));
    assert_eq!(host, "pacs.praxis.lan");
    assert_eq!(clients, &["Dr. Muster", "Empfang"]);
    assert_eq!(config, &PathBuf::from("/etc/orthanc/orthanc.json"));
    assert_eq!(gate(&w), Gate::Waiting);

    let plan = SystemPlan {
        kind: SystemKind::Orthanc,
        summary: Text::new("systems-orthanc-plan"),
        notes: Vec::new(),
        diff: "-  \"SslEnabled\" : false\n+  \"SslEnabled\" : true\n".into(),
    };
    update(
        &mut w,
        Msg::SystemPlanned {
            check: CheckId::Orthanc,
            generation: generation(&e),
            result: Ok(plan),
        },
        NOW,
    );
    // The diff is read on the step; Enter then asks.
    assert_eq!(w.session.overlay, Overlay::None);
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    let e = key(&mut w, Action::Yes);
    let Some(Effect::ApplySystem {
        passphrase,
        login_password,
        window,
        ..
    }) = e.first()
    else {
        panic!("{e:?}");
    };
    assert_eq!(passphrase, "geheim-123");
    assert_eq!(login_password, "kurz-Röntgen");
    assert!(window.is_none(), "the practice CA needs no port 80");
    // Neither password reaches the resume file.
    let json = serde_json::to_string(&w).unwrap_or_default();
    assert!(!json.contains("geheim-123"));
    assert!(!json.contains("kurz-Röntgen"));

    update(
        &mut w,
        Msg::SystemApplied {
            check: CheckId::Orthanc,
            generation: generation(&e),
            result: Ok(SystemDone {
                kind: SystemKind::Orthanc,
                terminator: false,
                host: "pacs.praxis.lan".into(),
                report: vec![Text::new("systems-orthanc-restart")],
                certificate: None,
            }),
        },
        NOW,
    );
    assert!(w.systems.done(SystemKind::Orthanc).is_some());
    assert_eq!(w.systems.choice, SystemKind::None);
    assert!(w.session.passphrase.value.is_empty());
    assert!(w.session.orthanc_password.value.is_empty());
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn no_on_the_plan_writes_nothing_and_returns_to_the_form() {
    let mut w = at_systems();
    orthanc_form(&mut w, "pacs.praxis.lan", "");
    let e = key(&mut w, Action::Next);
    planned(&mut w, &e, SystemKind::Orthanc);
    key(&mut w, Action::Next);
    assert!(key(&mut w, Action::No).is_empty());
    assert!(w.systems.plan.is_none());
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.check(CheckId::Orthanc), &CheckState::Idle);

    // Esc on a shown plan discards it and stays on the step.
    let e = key(&mut w, Action::Next);
    planned(&mut w, &e, SystemKind::Orthanc);
    key(&mut w, Action::Back);
    assert_eq!(w.step, Step::Systems);
    assert!(w.systems.plan.is_none());
}

#[test]
fn a_plan_that_arrives_after_esc_waits_for_the_return() {
    let mut w = at_systems();
    orthanc_form(&mut w, "pacs.praxis.lan", "");
    let e = key(&mut w, Action::Next);
    key(&mut w, Action::Back);
    assert_eq!(w.step, Step::FinalCheck);
    planned(&mut w, &e, SystemKind::Orthanc);
    // No question on a screen it does not belong to.
    assert_eq!(w.session.overlay, Overlay::None);
    w.step = Step::Systems;
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
}

#[test]
fn bad_answers_are_named_before_anything_runs() {
    for (host, expected) in [
        ("pacs praxis", "systems-host-invalid"),
        ("-pacs.lan", "systems-host-invalid"),
        ("termine.meine-praxis.ch", "systems-host-is-termine"),
    ] {
        let mut w = at_systems();
        orthanc_form(&mut w, host, "");
        assert!(key(&mut w, Action::Next).is_empty(), "{host}");
        assert_eq!(failed_with(&w, CheckId::Orthanc), expected, "{host}");
    }
    let mut w = at_systems();
    key(&mut w, Action::Down);
    typed(&mut w, "pacs.lan");
    key(&mut w, Action::NextField);
    typed(&mut w, "orthanc.json");
    key(&mut w, Action::Next);
    assert_eq!(failed_with(&w, CheckId::Orthanc), "systems-path-invalid");
}

#[test]
fn a_late_result_of_an_earlier_plan_is_dropped() {
    let mut w = at_systems();
    orthanc_form(&mut w, "pacs.praxis.lan", "");
    let e = key(&mut w, Action::Next);
    let stale = generation(&e);
    update(
        &mut w,
        Msg::SystemPlanned {
            check: CheckId::Orthanc,
            generation: stale,
            result: Err(Finding::new(Text::new("systems-config-unreadable"))),
        },
        NOW,
    );
    // The person fixes the file and tries again.
    let e = key(&mut w, Action::Next);
    assert_ne!(generation(&e), stale);
    update(
        &mut w,
        Msg::SystemPlanned {
            check: CheckId::Orthanc,
            generation: stale,
            result: Err(Finding::new(Text::new("systems-internal"))),
        },
        NOW,
    );
    assert!(w.check(CheckId::Orthanc).is_running());
}

fn gateway_form(w: &mut Wizard, host: &str) {
    key(w, Action::Up);
    assert_eq!(w.systems.choice, SystemKind::Gateway);
    typed(w, host);
    key(w, Action::NextField);
    typed(w, "/opt/aiotes/gateway.config.yml");
}

#[test]
fn the_gateway_needs_an_address_for_the_account_and_a_public_name() {
    // The certificate step used the practice's own certificate: no account
    // yet, so the gateway's form asks for the address itself.
    let mut w = at_systems();
    gateway_form(&mut w, "gateway.praxis.lan");
    assert_eq!(w.systems.gateway.email.value, "");
    key(&mut w, Action::Next);
    assert_eq!(
        failed_with(&w, CheckId::Gateway),
        "systems-gateway-email-invalid"
    );
    for _ in 0..3 {
        key(&mut w, Action::NextField);
    }
    assert_eq!(field(&w), Some(4));
    typed(&mut w, "praxis@meine-praxis.ch");
    key(&mut w, Action::Next);
    assert_eq!(
        failed_with(&w, CheckId::Gateway),
        "systems-gateway-not-public"
    );
}

#[test]
fn the_gateway_issues_with_the_firewall_window() {
    let mut w = at_systems();
    // With the certificate step's account, its address is filled in.
    w.certificate.email.set("praxis@meine-praxis.ch");
    w.certificate.terms_accepted = true;
    w.network.firewall = Some(FirewallPlan {
        backend: Backend::Nftables,
        open: vec![Command::new("nft", &["add", "rule"])],
        close: Vec::new(),
        remove: Vec::new(),
        describe: Text::new("firewall-plan-nftables"),
    });
    gateway_form(&mut w, "api.meine-praxis.ch");
    let e = key(&mut w, Action::Next);
    let Some(Effect::PlanSystem {
        request:
            SystemRequest::Gateway {
                host,
                disk_root,
                gateway_root,
                expected,
                email,
                ..
            },
        ..
    }) = e.first()
    else {
        panic!("{e:?}");
    };
    assert_eq!(host, "api.meine-praxis.ch");
    assert_eq!(disk_root, &PathBuf::from("/etc/letsencrypt"));
    assert_eq!(gateway_root, "/var/lib/certs");
    assert_eq!(email, "praxis@meine-praxis.ch");
    assert_eq!(expected, &w.network.dns_a);
    planned(&mut w, &e, SystemKind::Gateway);
    key(&mut w, Action::Next);
    let e = key(&mut w, Action::Yes);
    assert!(
        matches!(e.first(), Some(Effect::ApplySystem { window: Some(p), .. }) if p.backend == Backend::Nftables),
        "{e:?}"
    );
}

#[test]
fn the_orthanc_build_is_looked_at_once_when_the_step_opens() {
    let mut w = at_systems();
    let e = crate::core::machine::moves::enter(&mut w);
    assert_eq!(e, vec![Effect::InspectOrthanc]);
    update(&mut w, Msg::OrthancBuild { affected: true }, NOW);
    assert_eq!(w.session.orthanc_affected, Some(true));
    let e = crate::core::machine::moves::enter(&mut w);
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_plan_opens_at_its_summary() {
    let mut w = at_systems();
    orthanc_form(&mut w, "pacs.praxis.lan", "");
    let e = key(&mut w, Action::Next);
    w.session.scroll = 40;
    planned(&mut w, &e, SystemKind::Orthanc);
    assert!(w.systems.plan.is_some());
    assert_eq!(w.session.scroll, 0);
}
