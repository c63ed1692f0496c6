//! Random answers against a random world: the replay never passes a
//! failed check it may not pass.

use std::net::Ipv4Addr;

use proptest::prelude::*;

use super::world::World;
use super::{fresh, full, replay};
use crate::core::Step;
use crate::core::answers::*;
use crate::core::library::firewall::Detection;

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
