//! The driver against a synthetic world: every effect answered at once
//! with a result the test chose.

use std::collections::VecDeque;
use std::net::{IpAddr, Ipv4Addr};

use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::core::dns::{Delegation, DnsReport, LookupError};
use crate::core::firewall::Detection;
use crate::core::gate::{Gate, gate};
use crate::core::input::TextInput;
use crate::core::network::PublicSeen;
use crate::core::reach::{HttpAnswer, ProbeError, ProbeReport};
use crate::core::start::{DetectError, Generation, Installation};
use crate::core::status::CertRecord;
use crate::core::{Action, CheckId, Effect, Msg, Overlay, update};

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);
const DIR: &str = "/opt/elexis-oob";
const NAME: &str = "termine.meine-praxis.ch";

/// What the outside world answers.
#[derive(Debug, Clone)]
struct World {
    install_found: bool,
    delegated: bool,
    a: Ipv4Addr,
    public: Ipv4Addr,
    firewall: Detection,
    probe_ok: bool,
    issue_ok: bool,
}

impl Default for World {
    fn default() -> Self {
        World {
            install_found: true,
            delegated: true,
            a: Ipv4Addr::new(203, 0, 113, 7),
            public: Ipv4Addr::new(203, 0, 113, 7),
            firewall: Detection::default(),
            probe_ok: true,
            issue_ok: true,
        }
    }
}

const KEY_AUTH: &str = "t0k3n.praxis-tls-probe";

fn record(name: &str) -> CertRecord {
    CertRecord {
        domain: name.to_string(),
        path_crt: "/var/lib/praxis-tls/certs/cert.pem".into(),
        path_key: "/var/lib/praxis-tls/certs/key.pem".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "Test CA".into(),
        fingerprint_sha256: "00".into(),
        renewal: Default::default(),
    }
}

impl World {
    fn respond(&self, effect: Effect) -> Vec<Msg> {
        let msg = match effect {
            Effect::ScanInstallDirs => Msg::InstallCandidates(vec![]),
            Effect::DetectInstall { dir, generation } => Msg::InstallDetected {
                generation,
                result: if self.install_found {
                    Ok(Installation::new(dir, Generation::Current))
                } else {
                    Err(DetectError::NotFound { path: dir })
                },
            },
            Effect::CheckDelegation { generation, .. } => Msg::DelegationResolved {
                generation,
                delegation: if self.delegated {
                    Delegation::Delegated {
                        nameservers: vec!["ns1.example.net".into()],
                    }
                } else {
                    Delegation::Error(LookupError::NxDomain)
                },
            },
            Effect::ResolveDns { name, generation } => Msg::DnsResolved {
                generation,
                report: DnsReport {
                    name,
                    cname_chain: vec![],
                    a: Ok(vec![self.a]),
                    aaaa: Err(LookupError::NoRecords),
                    caa: Ok(None),
                },
            },
            Effect::DiscoverPublic { generation } => Msg::PublicDiscovered {
                generation,
                seen: PublicSeen {
                    v4: Some(self.public),
                    v6: None,
                    errors: vec![],
                },
            },
            Effect::DetectFirewall { generation } => Msg::FirewallDetected {
                generation,
                detection: self.firewall.clone(),
                port: 28402,
            },
            Effect::OpenFirewall { generation, .. } => Msg::FirewallOpened {
                generation,
                result: Ok(()),
            },
            Effect::Probe {
                addrs, generation, ..
            } => Msg::Probed {
                generation,
                key_auth: KEY_AUTH.into(),
                reports: addrs.iter().map(|a| self.probe(*a)).collect(),
            },
            Effect::FetchTerms => Msg::Terms {
                url: Some("https://ca.example/terms".into()),
            },
            Effect::Issue {
                env,
                name,
                generation,
                ..
            } => self.issued(generation, Some(env), &name),
            Effect::ImportCertificate {
                name, generation, ..
            }
            | Effect::SelfSign { name, generation } => self.issued(generation, None, &name),
            Effect::ResolvePending { .. } => Msg::PendingResolved { ok: true },
            Effect::Persist | Effect::Quit | Effect::CloseFirewall { .. } => return vec![],
        };
        vec![msg]
    }

    fn probe(&self, address: IpAddr) -> ProbeReport {
        ProbeReport {
            address,
            port: 80,
            result: if self.probe_ok {
                Ok(HttpAnswer {
                    status: 200,
                    body_prefix: KEY_AUTH.into(),
                    ..HttpAnswer::default()
                })
            } else {
                Err(ProbeError::Refused)
            },
        }
    }

    fn issued(
        &self,
        generation: u64,
        env: Option<crate::core::certificate::AcmeEnv>,
        name: &str,
    ) -> Msg {
        if self.issue_ok {
            Msg::Issued {
                generation,
                env,
                record: record(name),
            }
        } else {
            Msg::IssueFailed {
                generation,
                env,
                finding: crate::core::Finding::new(crate::core::Text::new("acme-validation")),
            }
        }
    }
}

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
            let failed = Wizard::checks_of(before)
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
    let mut w = w.resumed();
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
    assert!(drive::type_into(&input, "a\nb").is_err());
}

mod random {
    use super::*;
    use proptest::prelude::*;

    fn world() -> impl Strategy<Value = World> {
        (
            any::<bool>(),
            any::<bool>(),
            0..3u8,
            0..3u8,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(found, delegated, a, public, fw, probe, issue)| {
                let addrs = [
                    Ipv4Addr::new(203, 0, 113, 7),
                    Ipv4Addr::new(192, 168, 1, 20),
                    Ipv4Addr::new(100, 64, 3, 4),
                ];
                World {
                    install_found: found,
                    delegated,
                    a: addrs[usize::from(a)],
                    public: addrs[usize::from(public)],
                    firewall: Detection {
                        nft: fw,
                        ..Detection::default()
                    },
                    probe_ok: probe,
                    issue_ok: issue,
                }
            })
    }

    fn answers() -> impl Strategy<Value = Answers> {
        (
            proptest::collection::vec(any::<bool>(), 9),
            proptest::collection::vec(any::<bool>(), 5),
            0..3u8,
        )
            .prop_map(|(present, overrides, source)| {
                let mut a = full();
                let keep = |i: usize| present[i];
                if !keep(0) {
                    a.language = None;
                }
                if !keep(1) {
                    a.domain = None;
                }
                if !keep(2) {
                    a.ports = None;
                }
                if let Some(s) = a.start.as_mut() {
                    s.allow_override = overrides[0];
                }
                if let Some(s) = a.domain.as_mut() {
                    s.allow_override = overrides[1];
                }
                a.dns = Some(DnsAnswer {
                    allow_override: overrides[2],
                });
                if let Some(s) = a.ports.as_mut() {
                    s.allow_override = overrides[3];
                }
                a.firewall = Some(FirewallAnswer {
                    open_window: keep(3),
                    allow_override: overrides[4],
                });
                if let Some(s) = a.ports.as_mut() {
                    s.forwards_done = keep(4);
                }
                if let Some(c) = a.certificate.as_mut() {
                    c.accept_terms = keep(5);
                    c.source =
                        [Source::LetsEncrypt, Source::Own, Source::SelfSigned][usize::from(source)];
                    c.own_cert = keep(6).then(|| "/root/c.pem".to_string());
                }
                if !keep(7) {
                    a.steps = None;
                }
                if !keep(8) {
                    a.certificate = None;
                }
                a
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn never_passes_a_closed_gate(world in world(), a in answers()) {
            let mut w = fresh();
            let stop = replay(&mut w, &a, &world);
            prop_assert_eq!(stop.step, w.step);
            if stop.reason == StopReason::End {
                prop_assert_eq!(w.step, Step::Done);
            }
            for o in &w.overrides {
                prop_assert!(a.allows_override(o.step));
            }
        }
    }
}
