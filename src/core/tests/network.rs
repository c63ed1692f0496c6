//! Port forwarding and firewall: discovery, the window, the probe.

use std::net::{IpAddr, Ipv4Addr};

use super::*;
use crate::core::library::firewall::{Backend, Detection};
use crate::core::library::reach::{HttpAnswer, ProbeError, ProbeReport};
use crate::core::model::network::{Port80Policy, PublicSeen};

/// A wizard that has just arrived on the port-forwarding step.
pub(super) fn at_ports() -> (Wizard, u64) {
    let mut w = at_domain_ok();
    let e = key(&mut w, Action::Next);
    let g = generation_of(&e);
    update(
        &mut w,
        Msg::DnsResolved {
            generation: g,
            report: report_ok(),
        },
        NOW,
    );
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::PortForwarding);
    let g = e
        .iter()
        .find_map(|e| match e {
            Effect::DiscoverPublic { generation } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0);
    assert!(g > 0, "discovery starts on arrival: {e:?}");
    (w, g)
}

pub(super) fn seen(v4: [u8; 4]) -> PublicSeen {
    PublicSeen {
        v4: Some(Ipv4Addr::from(v4)),
        v6: None,
        errors: vec![],
        router_wan: None,
        router_detail: None,
    }
}

#[test]
fn ports_need_the_address_and_a_confirmation() {
    let (mut w, g) = at_ports();
    assert_eq!(
        w.network.dns_a,
        vec![Ipv4Addr::new(203, 0, 113, 7)],
        "kept from the DNS step"
    );
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([203, 0, 113, 7]),
        },
        NOW,
    );
    assert!(w.check(CheckId::PublicIp).is_settled());
    assert_eq!(
        gate(&w),
        Gate::Blocked,
        "the forwards are confirmed by hand"
    );
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn another_public_address_fails_but_may_be_passed() {
    let (mut w, g) = at_ports();
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([198, 51, 100, 9]),
        },
        NOW,
    );
    let CheckState::Failed(f) = w.check(CheckId::PublicIp) else {
        panic!("{:?}", w.check(CheckId::PublicIp));
    };
    assert_eq!(f.summary.id, "reach-dns-a-differs");
    key(&mut w, Action::Toggle);
    assert_eq!(gate(&w), Gate::Overridable);
}

#[test]
fn cgnat_is_a_hard_stop() {
    let (mut w, g) = at_ports();
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([100, 64, 3, 4]),
        },
        NOW,
    );
    let CheckState::Failed(f) = w.check(CheckId::PublicIp) else {
        panic!("{:?}", w.check(CheckId::PublicIp));
    };
    assert_eq!(f.summary.id, "reach-public-cgnat");
    key(&mut w, Action::Toggle);
    assert_eq!(
        gate(&w),
        Gate::Blocked,
        "HTTP-01 cannot work: no trotzdem weiter"
    );
}

#[test]
fn discovery_trouble_is_not_called_cgnat() {
    let (mut w, g) = at_ports();
    let trouble = PublicSeen {
        v4: None,
        v6: None,
        errors: vec!["timeout".into()],
        router_wan: None,
        router_detail: None,
    };
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: trouble,
        },
        NOW,
    );
    assert!(matches!(w.check(CheckId::PublicIp), CheckState::Warning(_)));
}

#[test]
fn policy_and_address_plan_are_chosen_with_arrows() {
    let (mut w, g) = at_ports();
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([203, 0, 113, 7]),
        },
        NOW,
    );
    assert_eq!(w.network.policy, Port80Policy::Permanent);
    let e = key(&mut w, Action::Down);
    assert_eq!(w.network.policy, Port80Policy::OnDemand);
    assert_eq!(e, vec![Effect::Persist], "the choice is saved");
    key(&mut w, Action::Right);
    key(&mut w, Action::Right);
    key(&mut w, Action::Right);
    assert_eq!(
        w.network.address_plan,
        crate::core::library::reach::AddressPlan::Dynamic
    );
    assert!(
        matches!(w.check(CheckId::PublicIp), CheckState::Warning(_)),
        "DynDNS advice"
    );
}

fn at_firewall(d: Detection) -> (Wizard, Vec<Effect>) {
    let (mut w, g) = at_ports();
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([203, 0, 113, 7]),
        },
        NOW,
    );
    key(&mut w, Action::Toggle);
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Firewall);
    let g = e
        .iter()
        .find_map(|e| match e {
            Effect::DetectFirewall { generation } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0);
    let e = update(
        &mut w,
        Msg::FirewallDetected {
            generation: g,
            detection: d,
            port: 28402,
        },
        NOW,
    );
    (w, e)
}

fn served(key_auth: &str) -> ProbeReport {
    ProbeReport {
        address: IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7)),
        port: 80,
        result: Ok(HttpAnswer {
            status: 200,
            server: None,
            location: None,
            body_prefix: key_auth.into(),
        }),
    }
}

pub(super) fn probe_generation(e: &[Effect]) -> u64 {
    e.iter()
        .find_map(|e| match e {
            Effect::Probe { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0)
}

#[test]
fn without_a_firewall_the_probe_starts_at_once() {
    let (mut w, e) = at_firewall(Detection::default());
    assert_eq!(
        w.network.firewall.as_ref().map(|p| p.backend),
        Some(Backend::None)
    );
    let g = probe_generation(&e);
    assert!(g > 0, "{e:?}");
    assert!(matches!(
        e.iter().find(|e| matches!(e, Effect::Probe { .. })),
        Some(Effect::Probe { name, addrs, .. }) if name == "termine.meine-praxis.ch" && addrs.len() == 1
    ));
    update(
        &mut w,
        Msg::Probed {
            generation: g,
            key_auth: "k".into(),
            reports: vec![served("k")],
        },
        NOW,
    );
    assert!(w.check(CheckId::Reachability).is_settled());
    assert!(w.check(CheckId::Ipv6Path).is_settled());
    assert_eq!(gate(&w), Gate::Open);
}

#[test]
fn the_window_opens_only_after_confirmation_and_closes_after_the_certificate() {
    let nft = Detection {
        nft: true,
        ..Detection::default()
    };
    let (mut w, e) = at_firewall(nft);
    assert!(
        e.iter()
            .all(|e| !matches!(e, Effect::Probe { .. } | Effect::OpenFirewall { .. }))
    );
    assert_eq!(gate(&w), Gate::Blocked, "nothing probed yet");
    key(&mut w, Action::OpenWindow);
    assert_eq!(w.session.overlay, Overlay::ConfirmOpen);
    key(&mut w, Action::No);
    assert_eq!(w.session.overlay, Overlay::None);
    key(&mut w, Action::OpenWindow);
    let e = key(&mut w, Action::Yes);
    let Some(Effect::OpenFirewall { plan, generation }) = e
        .iter()
        .find(|e| matches!(e, Effect::OpenFirewall { .. }))
        .cloned()
    else {
        panic!("{e:?}");
    };
    assert_eq!(plan.backend, Backend::Nftables);
    let e = update(
        &mut w,
        Msg::FirewallOpened {
            generation,
            result: Ok(()),
        },
        NOW,
    );
    assert!(w.network.window_until.is_some());
    let g = probe_generation(&e);
    update(
        &mut w,
        Msg::Probed {
            generation: g,
            key_auth: "k".into(),
            reports: vec![served("k")],
        },
        NOW,
    );
    assert_eq!(gate(&w), Gate::Open);
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Certificate);
    w.certificate.installed = Some(crate::core::library::status::CertRecord {
        domain: "termine.meine-praxis.ch".into(),
        path_crt: "/x.crt".into(),
        path_key: "/x.key".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "Pebble".into(),
        fingerprint_sha256: "AB".into(),
        renewal: Default::default(),
    });
    let e = key(&mut w, Action::Next);
    assert!(
        e.iter().any(|e| matches!(e, Effect::CloseFirewall { .. })),
        "{e:?}"
    );
    assert!(w.network.window_until.is_none());
}

#[test]
fn a_failed_opening_is_shown_and_nothing_is_probed() {
    let nft = Detection {
        nft: true,
        ..Detection::default()
    };
    let (mut w, _) = at_firewall(nft);
    key(&mut w, Action::OpenWindow);
    let e = key(&mut w, Action::Yes);
    let g = e
        .iter()
        .find_map(|e| match e {
            Effect::OpenFirewall { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0);
    let e = update(
        &mut w,
        Msg::FirewallOpened {
            generation: g,
            result: Err(Text::new("firewall-command-failed")),
        },
        NOW,
    );
    assert!(e.iter().all(|e| !matches!(e, Effect::Probe { .. })));
    assert!(w.check(CheckId::FirewallRule).is_failed());
    assert!(w.network.window_until.is_none());
}

#[test]
fn traefik_answering_fails_the_probe_but_the_dry_run_may_decide() {
    let (mut w, e) = at_firewall(Detection::default());
    let g = probe_generation(&e);
    let traefik = ProbeReport {
        address: IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7)),
        port: 80,
        result: Ok(HttpAnswer {
            status: 404,
            server: None,
            location: None,
            body_prefix: "404 page not found\n".into(),
        }),
    };
    update(
        &mut w,
        Msg::Probed {
            generation: g,
            key_auth: "k".into(),
            reports: vec![traefik],
        },
        NOW,
    );
    let CheckState::Failed(f) = w.check(CheckId::Reachability) else {
        panic!("{:?}", w.check(CheckId::Reachability));
    };
    assert_eq!(f.summary.id, "reach-probe-traefik");
    assert_eq!(gate(&w), Gate::Overridable);
}

#[test]
fn refused_from_inside_is_untestable_not_failed() {
    let (mut w, e) = at_firewall(Detection::default());
    let g = probe_generation(&e);
    let refused = ProbeReport {
        address: IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7)),
        port: 80,
        result: Err(ProbeError::Refused),
    };
    update(
        &mut w,
        Msg::Probed {
            generation: g,
            key_auth: "k".into(),
            reports: vec![refused],
        },
        NOW,
    );
    assert!(matches!(
        w.check(CheckId::Reachability),
        CheckState::Warning(_)
    ));
    // Nor does the IPv4 path claim to fail: from inside it is untested.
    let CheckState::Warning(f) = w.check(CheckId::Ipv6Path) else {
        panic!("{:?}", w.check(CheckId::Ipv6Path));
    };
    assert_eq!(f.summary.id, "reach-v4-untested");
    assert_ne!(gate(&w), Gate::Blocked);
}

#[test]
fn a_taken_responder_port_is_explained() {
    let (mut w, e) = at_firewall(Detection::default());
    let g = probe_generation(&e);
    let reason = Text::new("responder-port-in-use").arg("port", "28402");
    update(
        &mut w,
        Msg::ProbeFailed {
            generation: g,
            reason,
        },
        NOW,
    );
    assert!(w.check(CheckId::Reachability).is_failed());
    assert_eq!(gate(&w), Gate::Blocked);
}
