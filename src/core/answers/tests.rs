//! The driver against a synthetic world: every effect answered at once
//! with a result the test chose.

mod random;
mod world;

use crate::core::machine::replay::{decide, next_action};
use std::collections::VecDeque;
use std::net::Ipv4Addr;

use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::core::library::firewall::Detection;
use crate::core::model::input::TextInput;
use crate::core::{Action, CheckId, Msg, Overlay, update};
use crate::core::{Gate, gate};
use world::World;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);
const DIR: &str = "/opt/elexis-oob";
const NAME: &str = "termine.meine-praxis.ch";

/// Replays `a` against `world`, checking after every step forward that no
/// failed check was passed without an override the answers and the gate
/// both allowed.
fn replay(w: &mut Wizard, a: &Answers, world: &World) -> Stop {
    let mut queue: VecDeque<Msg> = VecDeque::new();
    for _ in 0..5_000 {
        while let Some(msg) = queue.pop_front() {
            for e in update(w, msg, NOW) {
                queue.extend(world.respond(e));
            }
        }
        let action = match decide(w, a) {
            Decision::Press(action) => action,
            Decision::Wait => panic!("waiting with nothing in flight on {:?}", w.step),
            Decision::Stop(stop) => return stop,
        };
        let before = w.step;
        let overridable = gate(w) == Gate::Overridable;
        for e in update(w, Msg::Key(action), NOW) {
            queue.extend(world.respond(e));
        }
        if w.step > before {
            let failed = crate::core::checks_of(before)
                .iter()
                .any(|id| w.check(*id).is_failed());
            assert!(
                !failed || (overridable && a.allows_override(before)),
                "{before:?} passed with failed checks: {:?}",
                w.checks
            );
        }
    }
    panic!("the replay did not end: {:?}", w.step)
}

fn full() -> Answers {
    Answers {
        language: Some(LanguageAnswer { lang: Lang::DeCh }),
        start: Some(StartAnswer {
            dir: DIR.into(),
            allow_override: false,
        }),
        domain: Some(DomainAnswer {
            name: NAME.into(),
            allow_override: false,
        }),
        ports: Some(PortsAnswer {
            policy: Some(Port80Policy::OnDemand),
            address: Some(Address::Dyndns),
            forwards_done: true,
            allow_override: false,
        }),
        firewall: Some(FirewallAnswer {
            open_window: false,
            allow_override: false,
        }),
        certificate: Some(CertificateAnswer {
            source: Source::LetsEncrypt,
            email: Some("praxis@meine-praxis.ch".into()),
            accept_terms: true,
            own_cert: None,
            own_key: None,
        }),
        steps: Some(StepsAnswer {
            confirmed: vec![
                Step::Install,
                Step::ProxyConfig,
                Step::Restart,
                Step::FinalCheck,
            ],
        }),
        renewal: Some(RenewalAnswer {
            schedule: true,
            mail_host: Some("mail.meine-praxis.ch".into()),
            mail_port: Some(465),
            mail_security: None,
            mail_user: None,
            mail_from: Some("praxis@meine-praxis.ch".into()),
            mail_to: vec!["it@meine-praxis.ch".into()],
        }),
        ..Answers::default()
    }
}

fn fresh() -> Wizard {
    Wizard::new(Lang::En, NOW)
}

#[test]
fn a_full_replay_reaches_done_and_writes_the_same_answers() {
    let mut w = fresh();
    let a = full();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.reason, StopReason::End);
    assert_eq!(w.step, Step::Done);
    assert_eq!(w.lang, Lang::DeCh);
    assert_eq!(w.start.input.value, DIR);
    assert_eq!(w.domain.input.value, NAME);
    assert_eq!(w.network.policy, Port80Policy::OnDemand);
    assert_eq!(w.certificate.dry_run_for.as_deref(), Some(NAME));
    assert!(w.certificate.installed.is_some());
    assert!(w.overrides.is_empty());
    assert_eq!(Answers::from_wizard(&w), a);
    assert_eq!(next_action(&w, &a), None, "the end is the end");
}

#[test]
fn an_active_firewall_is_opened_only_when_the_answers_say_so() {
    let world = World {
        firewall: Detection {
            firewalld_running: true,
            ..Detection::default()
        },
        ..World::default()
    };
    let mut a = full();
    let mut w = fresh();
    a.firewall = Some(FirewallAnswer::default());
    let stop = replay(&mut w, &a, &world);
    assert_eq!(
        (stop.step, stop.reason),
        (Step::Firewall, StopReason::Unanswered)
    );

    a.firewall = Some(FirewallAnswer {
        open_window: true,
        allow_override: false,
    });
    assert_eq!(replay(&mut w, &a, &world).reason, StopReason::End);
    assert_eq!(Answers::from_wizard(&w), a);
}

#[test]
fn the_replay_stops_at_the_first_unanswered_step() {
    let mut a = full();
    a.domain = None;
    a.ports = None;
    let mut w = fresh();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(
        (stop.step, stop.reason),
        (Step::Domain, StopReason::Unanswered)
    );
    assert_eq!(w.start.input.value, DIR, "what was answered is filled in");

    let mut a = full();
    if let Some(p) = a.ports.as_mut() {
        p.forwards_done = false;
    }
    let mut w = fresh();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.step, Step::PortForwarding);
    assert_eq!(w.network.policy, Port80Policy::OnDemand, "choices made");

    let mut a = full();
    a.steps = Some(StepsAnswer {
        confirmed: vec![Step::Install],
    });
    let stop = replay(&mut fresh(), &a, &World::default());
    assert_eq!(
        (stop.step, stop.reason),
        (Step::ProxyConfig, StopReason::Unanswered)
    );
    assert_eq!(
        replay(&mut fresh(), &Answers::default(), &World::default()).step,
        Step::Language
    );
}

#[test]
fn a_failed_check_stops_unless_overridden_where_the_gate_allows() {
    let differs = World {
        public: Ipv4Addr::new(198, 51, 100, 9),
        ..World::default()
    };
    let mut w = fresh();
    let stop = replay(&mut w, &full(), &differs);
    assert_eq!(stop.step, Step::PortForwarding);
    assert_eq!(stop.reason, StopReason::Failed(vec![CheckId::PublicIp]));

    let mut a = full();
    if let Some(p) = a.ports.as_mut() {
        p.allow_override = true;
    }
    let mut w = fresh();
    assert_eq!(replay(&mut w, &a, &differs).reason, StopReason::End);
    assert_eq!(w.overrides.len(), 1);
    assert_eq!(w.overrides[0].step, Step::PortForwarding);

    // CGNAT: no "trotzdem weiter", whatever the answers say.
    let cgnat = World {
        public: Ipv4Addr::new(100, 64, 3, 4),
        ..World::default()
    };
    let stop = replay(&mut fresh(), &a, &cgnat);
    assert_eq!(stop.reason, StopReason::Failed(vec![CheckId::PublicIp]));

    // A refused certificate is not tried again.
    let refused = World {
        issue_ok: false,
        ..World::default()
    };
    let stop = replay(&mut fresh(), &full(), &refused);
    assert_eq!(stop.step, Step::Certificate);
    assert_eq!(stop.reason, StopReason::Failed(vec![CheckId::DryRun]));
}

#[test]
fn a_resumed_run_goes_back_to_a_step_whose_answer_differs() {
    let mut w = fresh();
    let mut a = full();
    a.ports = None;
    assert_eq!(
        replay(&mut w, &a, &World::default()).step,
        Step::PortForwarding
    );
    let mut w = crate::core::resumed(w);
    assert!(matches!(w.session.overlay, Overlay::Resume { .. }));
    a.domain = Some(DomainAnswer {
        name: "termine.andere-praxis.ch".into(),
        allow_override: false,
    });
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.step, Step::PortForwarding);
    assert_eq!(w.domain.input.value, "termine.andere-praxis.ch");
}

#[test]
fn own_and_self_signed_certificates_are_chosen_and_paths_typed() {
    let mut a = full();
    a.certificate = Some(CertificateAnswer {
        source: Source::Own,
        email: None,
        accept_terms: false,
        own_cert: Some("/root/praxis.crt".into()),
        own_key: Some("/root/praxis.key".into()),
    });
    let mut w = fresh();
    assert_eq!(
        replay(&mut w, &a, &World::default()).reason,
        StopReason::End
    );
    assert_eq!(w.certificate.own_key.value, "/root/praxis.key");
    assert!(w.session.passphrase.value.is_empty());
    assert_eq!(Answers::from_wizard(&w), a);

    a.certificate = Some(CertificateAnswer {
        source: Source::SelfSigned,
        email: None,
        accept_terms: false,
        own_cert: None,
        own_key: None,
    });
    let mut w = fresh();
    assert_eq!(
        replay(&mut w, &a, &World::default()).reason,
        StopReason::End
    );
    assert_eq!(Answers::from_wizard(&w), a);
}

#[test]
fn terms_not_accepted_stop_at_the_question() {
    let mut a = full();
    if let Some(c) = a.certificate.as_mut() {
        c.accept_terms = false;
    }
    let mut w = fresh();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(
        (stop.step, stop.reason),
        (Step::Certificate, StopReason::Dialog)
    );
    assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
}

#[test]
fn typing_fixes_what_is_there() {
    let mut input = TextInput::new("/opt/elexis-xyz");
    input.home();
    let mut n = 0;
    while let Ok(Some(action)) = drive::type_into(&input, DIR) {
        match action {
            Action::Char(c) => assert!(input.insert(c)),
            Action::Backspace => assert!(input.backspace()),
            Action::End => input.end(),
            other => panic!("{other:?}"),
        }
        n += 1;
    }
    assert_eq!(input.value, DIR);
    assert_eq!(n, 1 + 3 + 3);
    assert_eq!(
        drive::type_into(&input, "a\nb").map_err(|t| t.id),
        Err("answers-value-line-break".into())
    );
}

#[test]
fn both_systems_are_set_up_from_their_tables_and_written_back() {
    let mut w = fresh();
    let mut a = full();
    a.orthanc = Some(OrthancAnswer {
        host: "pacs.praxis.lan".into(),
        config: "/etc/orthanc/orthanc.json".into(),
        ips: vec!["192.168.1.20".into()],
        clients: Vec::new(),
        terminator: false,
        restart: None,
        proxy_restart: None,
        port: None,
        user: None,
    });
    a.gateway = Some(GatewayAnswer {
        host: "api.meine-praxis.ch".into(),
        config: "/opt/aiotes/gateway.config.yml".into(),
        disk_root: None,
        gateway_root: Some("/certs".into()),
        email: None,
    });
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.reason, StopReason::End);
    use crate::core::steps::systems::SystemKind;
    assert_eq!(
        w.systems.done(SystemKind::Gateway).map(|d| d.host.as_str()),
        Some("api.meine-praxis.ch")
    );
    assert!(w.systems.done(SystemKind::Orthanc).is_some());
    assert_eq!(w.systems.gateway.gateway_root.value, "/certs");
    assert_eq!(Answers::from_wizard(&w), a);
}

#[test]
fn browser_certificates_hand_the_passphrase_to_the_person() {
    let mut w = fresh();
    let mut a = full();
    a.orthanc = Some(OrthancAnswer {
        host: "pacs.praxis.lan".into(),
        config: "/etc/orthanc/orthanc.json".into(),
        ips: Vec::new(),
        clients: vec!["Dr. Muster".into()],
        terminator: false,
        restart: None,
        proxy_restart: None,
        port: None,
        user: None,
    });
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.step, Step::Systems);
    assert_eq!(stop.reason, StopReason::Unanswered);
    assert_eq!(w.systems.orthanc.clients.value, "Dr. Muster");
    // The person types it; the replay then goes through.
    w.session.passphrase = TextInput::new("ein-langes-kennwort");
    assert_eq!(
        replay(&mut w, &a, &World::default()).reason,
        StopReason::End
    );
}

#[test]
fn an_orthanc_user_hands_its_password_to_the_person() {
    let mut w = fresh();
    let mut a = full();
    a.orthanc = Some(OrthancAnswer {
        host: "pacs.praxis.lan".into(),
        config: "/etc/orthanc/orthanc.json".into(),
        ips: Vec::new(),
        clients: Vec::new(),
        terminator: false,
        restart: Some("/usr/local/bin/orthanc-neu".into()),
        proxy_restart: None,
        port: None,
        user: Some("praxis".into()),
    });
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.step, Step::Systems);
    assert_eq!(stop.reason, StopReason::Unanswered);
    assert_eq!(w.systems.orthanc.user.value, "praxis");
    assert_eq!(
        w.systems.orthanc.restart.value,
        "/usr/local/bin/orthanc-neu"
    );
    w.session.orthanc_password = TextInput::new("Röntgen-2026");
    assert_eq!(
        replay(&mut w, &a, &World::default()).reason,
        StopReason::End
    );
    assert!(
        w.systems
            .done(crate::core::steps::systems::SystemKind::Orthanc)
            .is_some()
    );
    assert_eq!(Answers::from_wizard(&w).orthanc, a.orthanc);
    let json = serde_json::to_string(&w).unwrap_or_default();
    assert!(!json.contains("Röntgen-2026"));
}

#[test]
fn renewal_is_set_up_skipped_or_stopped_at_as_the_answers_say() {
    // Skipped, explicitly: the replay goes on to the end and says so again.
    let mut a = full();
    if let Some(r) = a.renewal.as_mut() {
        r.schedule = false;
    }
    let mut w = fresh();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.reason, StopReason::End);
    assert!(w.autorenew.skipped && w.autorenew.set_up.is_none());
    let back = Answers::from_wizard(&w).renewal.unwrap();
    assert!(!back.schedule);

    // Set up, with the mail settings typed into the form.
    let mut w = fresh();
    replay(&mut w, &full(), &World::default());
    assert!(w.autorenew.set_up.as_ref().is_some_and(|s| s.mail));
    assert_eq!(w.autorenew.mail.host.value, "mail.meine-praxis.ch:465");

    // An answers file from before this step stops there for the person.
    let mut a = full();
    a.renewal = None;
    let mut w = fresh();
    let stop = replay(&mut w, &a, &World::default());
    assert_eq!(stop.step, Step::AutoRenew);
    assert_eq!(stop.reason, StopReason::Unanswered);
}

#[test]
fn a_pasted_address_is_saved_as_the_name_that_was_kept() {
    let mut w = fresh();
    let mut a = full();
    a.domain = Some(DomainAnswer {
        name: format!("https://{NAME}/termine?x=1"),
        allow_override: false,
    });
    replay(&mut w, &a, &World::default());
    let saved = Answers::from_wizard(&w).domain.map(|d| d.name);
    assert_eq!(saved.as_deref(), Some(NAME));
}
