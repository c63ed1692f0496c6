//! Every transition and guard, driven message by message.

use std::path::PathBuf;

use time::OffsetDateTime;
use time::macros::datetime;

use super::library::dns::{Delegation, DnsReport, LookupError};
use super::library::start::{DetectError, Generation, Installation};
use super::*;
use crate::core::model::check::{CheckId, CheckState, Finding, Outcome, Text};

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

fn key(w: &mut Wizard, a: Action) -> Vec<Effect> {
    update(w, Msg::Key(a), NOW)
}

fn typed(w: &mut Wizard, s: &str) -> Vec<Effect> {
    let mut last = Vec::new();
    for c in s.chars() {
        last = key(w, Action::Char(c));
    }
    last
}

fn install(dir: &str) -> Installation {
    Installation {
        compose_file: Some(PathBuf::from(dir).join("docker-compose.yaml")),
        proxy_image: Some("traefik:v2.8".into()),
        local_name: Some("nuno".into()),
        external_name: Some("meine-praxis.ch".into()),
        ..Installation::new(PathBuf::from(dir), Generation::Current)
    }
}

fn generation_of(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::DetectInstall { generation, .. }
            | Effect::CheckDelegation { generation, .. }
            | Effect::ResolveDns { generation, .. }
            | Effect::RecheckName { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0)
}

/// A wizard on the Start step with the installation found.
fn at_start_found() -> Wizard {
    let mut w = Wizard::new(Lang::De, NOW);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Start);
    let e = update(
        &mut w,
        Msg::InstallCandidates(vec!["/opt/elexis-oob".into()]),
        NOW,
    );
    let g = generation_of(&e);
    update(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Ok(install("/opt/elexis-oob")),
        },
        NOW,
    );
    w
}

fn delegated() -> Delegation {
    Delegation::Delegated {
        nameservers: vec!["ns1.example.net".into()],
    }
}

fn at_domain_ok() -> Wizard {
    let mut w = at_start_found();
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Domain);
    let g = generation_of(&e);
    update(
        &mut w,
        Msg::DelegationResolved {
            generation: g,
            delegation: delegated(),
        },
        NOW,
    );
    w
}

#[test]
fn language_step_selects_with_arrows_and_enter() {
    let mut w = Wizard::new(Lang::De, NOW);
    key(&mut w, Action::Down);
    key(&mut w, Action::Down);
    let e = key(&mut w, Action::Next);
    assert_eq!(w.lang, Lang::En);
    assert_eq!(w.step, Step::Start);
    assert!(e.contains(&Effect::Persist));
    assert!(e.contains(&Effect::ScanInstallDirs));
}

#[test]
fn language_toggles_on_every_screen() {
    let mut w = at_domain_ok();
    key(&mut w, Action::Help);
    assert_eq!(w.session.overlay, Overlay::Help);
    key(&mut w, Action::Back);
    assert_eq!(w.session.overlay, Overlay::None);
    key(&mut w, Action::ToggleLang);
    assert_eq!(w.lang, Lang::DeCh);
    key(&mut w, Action::ToggleLang);
    assert_eq!(w.lang, Lang::En);
}

#[test]
fn start_needs_a_detected_installation() {
    let mut w = Wizard::new(Lang::De, NOW);
    key(&mut w, Action::Next);
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Start, "no next without an installation");
    let e = typed(&mut w, "/srv/x");
    let g = generation_of(&e);
    assert_eq!(gate(&w), Gate::Waiting);
    update(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Err(DetectError::NotFound {
                path: "/srv/x".into(),
            }),
        },
        NOW,
    );
    assert!(w.check(CheckId::Installation).is_failed());
    assert_eq!(gate(&w), Gate::Overridable);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Start, "Enter never passes a failed check");
}

#[test]
fn override_is_confirmed_recorded_and_bound_to_its_input() {
    let mut w = Wizard::new(Lang::De, NOW);
    key(&mut w, Action::Next);
    let g = generation_of(&typed(&mut w, "/srv/x"));
    update(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Err(DetectError::NotFound {
                path: "/srv/x".into(),
            }),
        },
        NOW,
    );
    key(&mut w, Action::Override);
    assert_eq!(w.session.overlay, Overlay::ConfirmOverride);
    key(&mut w, Action::No);
    assert_eq!(w.step, Step::Start);
    assert!(w.overrides.is_empty());
    key(&mut w, Action::Override);
    let e = key(&mut w, Action::Yes);
    assert_eq!(w.step, Step::Domain);
    assert!(e.contains(&Effect::Persist));
    assert_eq!(w.overrides.len(), 1);
    assert_eq!(w.overrides[0].checks, vec![CheckId::Installation]);
    assert_eq!(w.overrides[0].context, "/srv/x");
    // Back, and a different directory: the override no longer counts.
    key(&mut w, Action::Back);
    let g = generation_of(&typed(&mut w, "y"));
    update(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Err(DetectError::NotFound {
                path: "/srv/x".into(),
            }),
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Overridable);
}

#[test]
fn override_is_not_offered_for_a_hard_failure() {
    let mut w = at_domain_ok();
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Dns);
    let g = generation_of(&e);
    let hard = Outcome::Failed(Finding::new(Text::new("x")));
    let mut report = report_ok();
    report.caa = Err(LookupError::ServFail);
    update(
        &mut w,
        Msg::DnsResolved {
            generation: g,
            report,
        },
        NOW,
    );
    // Whatever the classification said, force a hard failure to test the gate.
    w.checks.insert(CheckId::DnsCaa, hard.into());
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Override);
    assert_eq!(w.session.overlay, Overlay::None);
}

fn report_ok() -> DnsReport {
    DnsReport {
        name: "termine.meine-praxis.ch".into(),
        cname_chain: vec![],
        a: Ok(vec![
            "203.0.113.7"
                .parse()
                .unwrap_or(std::net::Ipv4Addr::LOCALHOST),
        ]),
        aaaa: Err(LookupError::NoRecords),
        caa: Ok(None),
    }
}

#[test]
fn domain_is_prefilled_from_external_name() {
    let mut w = at_start_found();
    let e = key(&mut w, Action::Next);
    assert_eq!(w.domain.input.value, "termine.meine-praxis.ch");
    assert!(matches!(
        e.as_slice(),
        [Effect::Persist, Effect::CheckDelegation { registered, .. }] if registered == "meine-praxis.ch"
    ));
}

#[test]
fn stale_results_are_dropped() {
    let mut w = at_start_found();
    let e1 = key(&mut w, Action::Next);
    let g1 = generation_of(&e1);
    key(&mut w, Action::Home);
    let e2 = key(&mut w, Action::Char('a'));
    let g2 = generation_of(&e2);
    assert!(g2 > g1);
    let e = update(
        &mut w,
        Msg::DelegationResolved {
            generation: g1,
            delegation: delegated(),
        },
        NOW,
    );
    assert!(
        e.is_empty(),
        "a stale answer changes nothing and persists nothing"
    );
    assert!(w.check(CheckId::Delegation).is_running());
}

#[test]
fn invalid_domain_blocks_and_clears_checks() {
    let mut w = at_domain_ok();
    for _ in 0..40 {
        key(&mut w, Action::Backspace);
    }
    assert!(w.domain.parsed.is_none());
    assert_eq!(*w.check(CheckId::Delegation), CheckState::Idle);
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Domain);
}

#[test]
fn dns_checks_run_on_entry_and_guard_next() {
    let mut w = at_domain_ok();
    assert_eq!(gate(&w), Gate::Open);
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Dns);
    assert!(e.iter().any(
        |e| matches!(e, Effect::ResolveDns { name, .. } if name == "termine.meine-praxis.ch")
    ));
    assert_eq!(gate(&w), Gate::Waiting);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Dns);
    let g = generation_of(&e);
    update(
        &mut w,
        Msg::DnsResolved {
            generation: g,
            report: report_ok(),
        },
        NOW,
    );
    for id in crate::core::checks_of(Step::Dns) {
        assert!(!w.check(*id).is_running(), "{id:?} settled");
    }
}

#[test]
fn recheck_runs_the_step_checks_again() {
    let mut w = at_domain_ok();
    let e = key(&mut w, Action::Recheck);
    assert!(matches!(
        e.as_slice(),
        [Effect::Persist, Effect::CheckDelegation { .. }]
    ));
}

#[test]
fn manual_steps_need_a_confirmation() {
    let mut w = Wizard::new(Lang::En, NOW);
    w.step = Step::Install;
    assert_eq!(gate(&w), Gate::Blocked);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Install);
    key(&mut w, Action::Toggle);
    assert!(w.confirmed.contains(&Step::Install));
    key(&mut w, Action::Toggle);
    assert!(!w.confirmed.contains(&Step::Install));
    key(&mut w, Action::Toggle);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::ProxyConfig);
}

#[test]
fn back_always_works_and_keeps_answers() {
    let mut w = at_domain_ok();
    w.step = Step::Done;
    for _ in 0..20 {
        key(&mut w, Action::Back);
    }
    assert_eq!(w.step, Step::Language);
    assert_eq!(w.domain.input.value, "termine.meine-praxis.ch");
}

#[test]
fn quit_asks_first() {
    let mut w = at_domain_ok();
    let e = key(&mut w, Action::Quit);
    assert!(e.is_empty());
    assert_eq!(w.session.overlay, Overlay::ConfirmQuit);
    key(&mut w, Action::No);
    assert_eq!(w.session.overlay, Overlay::None);
    key(&mut w, Action::Quit);
    let e = key(&mut w, Action::Yes);
    assert_eq!(e, vec![Effect::Quit]);
}

#[test]
fn done_finishes_with_enter() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Done;
    assert_eq!(key(&mut w, Action::Next), vec![Effect::Quit]);
}

#[test]
fn resumed_wizard_offers_to_continue_or_restart() {
    let mut w = at_domain_ok();
    w.checks
        .insert(CheckId::DnsA, CheckState::Running { generation: 9 });
    let mut r = crate::core::resumed(w.clone());
    assert_eq!(
        r.session.overlay,
        Overlay::Resume {
            continue_selected: true
        }
    );
    assert_eq!(
        *r.check(CheckId::DnsA),
        CheckState::Idle,
        "no check runs after a restart"
    );
    let e = key(&mut r, Action::Next);
    assert_eq!(r.session.overlay, Overlay::None);
    assert_eq!(r.step, Step::Domain);
    assert!(e.is_empty() || e.iter().all(|e| !matches!(e, Effect::Quit)));

    let mut r = crate::core::resumed(w);
    key(&mut r, Action::Down);
    assert_eq!(
        r.session.overlay,
        Overlay::Resume {
            continue_selected: false
        }
    );
    key(&mut r, Action::Next);
    assert_eq!(r.session.overlay, Overlay::ConfirmStartOver, "asked again");
    let e = key(&mut r, Action::Yes);
    assert_eq!(r.step, Step::Language);
    assert_eq!(r.domain.input.value, "");
    assert!(e.contains(&Effect::Persist));
}

#[test]
fn pending_changes_are_offered_before_anything_else() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Install;
    let mut w = crate::core::resumed(w);
    let change = PendingChange {
        id: 3,
        what: Text::new("journal-change-file").arg("path", "traefik.toml"),
        window: false,
    };
    update(&mut w, Msg::PendingChanges(vec![change]), NOW);
    assert!(matches!(
        w.session.overlay,
        Overlay::Pending {
            finish_selected: false,
            ..
        }
    ));
    key(&mut w, Action::Up);
    let e = key(&mut w, Action::Next);
    assert_eq!(e, vec![Effect::ResolvePending { finish: true }]);
    update(&mut w, Msg::PendingResolved { ok: true }, NOW);
    assert_eq!(
        w.session.overlay,
        Overlay::Resume {
            continue_selected: true
        }
    );
    assert_eq!(w.session.pending_result, Some(true));
}

#[test]
fn start_candidates_cycle_with_arrows() {
    let mut w = Wizard::new(Lang::De, NOW);
    key(&mut w, Action::Next);
    update(
        &mut w,
        Msg::InstallCandidates(vec!["/a".into(), "/b".into()]),
        NOW,
    );
    assert_eq!(w.start.input.value, "/a");
    let e = key(&mut w, Action::Down);
    assert_eq!(w.start.input.value, "/b");
    assert!(
        matches!(e.last(), Some(Effect::DetectInstall { dir, .. }) if dir == &PathBuf::from("/b"))
    );
    key(&mut w, Action::Down);
    assert_eq!(w.start.input.value, "/a");
}

#[test]
fn every_transition_that_changes_state_persists() {
    let mut w = Wizard::new(Lang::De, NOW);
    let e = key(&mut w, Action::Next);
    assert_eq!(e.first(), Some(&Effect::Persist));
    // Opening help changes nothing that is saved.
    let e = key(&mut w, Action::Help);
    assert!(e.is_empty());
}

mod dialogs;
pub(crate) mod golive;
mod network;
mod resume;
mod router_words;
mod unattended;

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Next),
            Just(Action::Back),
            Just(Action::Help),
            Just(Action::ToggleLang),
            Just(Action::Quit),
            prop::sample::select(vec!['a', '.', 'ü', '-', ' ', '/', 'q']).prop_map(Action::Char),
            Just(Action::Backspace),
            Just(Action::Delete),
            Just(Action::Left),
            Just(Action::Right),
            Just(Action::Home),
            Just(Action::End),
            Just(Action::Up),
            Just(Action::Down),
            Just(Action::Toggle),
            Just(Action::Override),
            Just(Action::Recheck),
            Just(Action::Detail),
            Just(Action::Yes),
            Just(Action::No),
        ]
    }

    fn outcome() -> impl Strategy<Value = Result<Installation, DetectError>> {
        prop_oneof![
            Just(Ok(install("/opt/elexis-oob"))),
            Just(Err(DetectError::NotFound {
                path: "/srv/x".into()
            }))
        ]
    }

    fn msg() -> impl Strategy<Value = Msg> {
        prop_oneof![
            6 => action().prop_map(Msg::Key),
            1 => (0u64..8, outcome()).prop_map(|(generation, result)| Msg::InstallDetected { generation, result }),
            1 => (0u64..8, prop::bool::ANY).prop_map(|(generation, ok)| Msg::DelegationResolved {
                generation,
                delegation: if ok { delegated() } else { Delegation::Error(LookupError::NxDomain) },
            }),
            1 => (0u64..8, prop::bool::ANY).prop_map(|(generation, ok)| Msg::DnsResolved {
                generation,
                report: if ok { report_ok() } else {
                    DnsReport { a: Err(LookupError::ServFail), ..report_ok() }
                },
            }),
            1 => Just(Msg::InstallCandidates(vec!["/opt/elexis-oob".into()])),
            1 => Just(Msg::PendingChanges(vec![PendingChange { id: 1, what: Text::new("x"), window: false }])),
            1 => prop::bool::ANY.prop_map(|ok| Msg::PendingResolved { ok }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever arrives in whatever order: no panic, and the step only
        /// moves forward through an open gate (or a confirmed override).
        #[test]
        fn random_messages_never_pass_a_closed_gate(msgs in prop::collection::vec(msg(), 1..120)) {
            let mut w = Wizard::new(Lang::De, NOW);
            for m in msgs {
                let before = w.clone();
                let gate_before = gate(&before);
                let confirming_override = before.session.overlay == Overlay::ConfirmOverride;
                let _ = update(&mut w, m, NOW);
                if w.step > before.step {
                    prop_assert_eq!(Some(w.step), before.step.next(), "one step at a time");
                    prop_assert!(
                        gate_before == Gate::Open
                            || (confirming_override && gate_before == Gate::Overridable),
                        "passed {:?} with gate {:?}", before.step, gate_before
                    );
                    if confirming_override && gate_before == Gate::Overridable {
                        prop_assert_eq!(w.overrides.len(), before.overrides.len() + 1);
                    }
                }
                // The model must survive the resume file.
                let json = serde_json::to_string(&w);
                prop_assert!(json.is_ok());
            }
        }
    }
}
