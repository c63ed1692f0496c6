//! Domain and DNS steps against a real authoritative server (knotd) that
//! serves the lab's zones: the person types the name, the wizard asks.

use praxis_tls::core::{Action, CheckId, CheckState, Step};

use super::rig::{Rig, answers, files, nothing_lost, practice, reads, says};
use crate::support::knot::{Knot, Zone};

/// The lab's zones, plus `praxis-neu.ch`: registered and delegated, but
/// nobody has created `termine` in it yet.
fn knot() -> Knot {
    let mut zones = crate::support::lab::zones();
    let ch = zones.iter_mut().find(|z| z.origin == "ch.").unwrap();
    ch.body
        .push_str("praxis-neu NS ns.praxis-neu.ch.\nns.praxis-neu A 127.0.0.1\n");
    zones.push(Zone::new(
        "praxis-neu.ch.",
        "$ORIGIN praxis-neu.ch.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n\
         @ NS ns\nns A 127.0.0.1\nwww A 203.0.113.50\n",
    ));
    Knot::start(&zones)
}

/// Types `name` on the domain step and waits for the delegation check.
async fn typed_name(knot: &Knot, name: &str) -> (Rig, praxis_tls::core::Wizard) {
    let mut rig = Rig::new(|c| c.dns.server = Some(knot.addr));
    let mut w = practice(Step::Domain, "", None);
    let n = rig.typed(&mut w, name);
    rig.settle(&mut w, n).await;
    (rig, w)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_that_does_not_exist_yet() {
    let knot = knot();
    let (mut rig, mut w) = typed_name(&knot, "termine.praxis-neu.ch").await;
    assert!(matches!(
        w.check(CheckId::Delegation),
        CheckState::Passed(_)
    ));
    let before = answers(&w);
    let state = files(rig.state.path());
    let n = rig.keys(&mut w, &[Action::Next]);
    rig.settle(&mut w, n).await;
    assert_eq!(w.step, Step::Dns);
    let read = reads(&w);
    says(
        &read,
        &[
            "Den Namen termine.praxis-neu.ch gibt es im Internet noch nicht.",
            "Was tun: Tragen Sie bei Ihrem Domain-Anbieter für termine.praxis-neu.ch \
             einen Adress-Eintrag (A-Eintrag) mit der öffentlichen Internet-Adresse Ihrer Praxis ein.",
        ],
    );
    nothing_lost(&before, &w);
    assert_eq!(files(rig.state.path()), state);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nameservers_that_answer_servfail() {
    let knot = knot();
    let (rig, w) = typed_name(&knot, "termine.kaputt.ch").await;
    let read = reads(&w);
    says(
        &read,
        &[
            "Für die Domain kaputt.ch antworten die Nameserver nicht richtig.",
            "Was tun: Rufen Sie Ihren Domain-Anbieter an und sagen Sie: \
             „Die Nameserver von kaputt.ch antworten mit SERVFAIL.“",
        ],
    );
    assert_eq!(w.domain.input.value, "termine.kaputt.ch");
    nothing_lost(&answers(&w), &w);
    assert!(files(rig.state.path()).is_empty(), "nothing written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caa_record_that_forbids_lets_encrypt() {
    let knot = knot();
    let (mut rig, mut w) = typed_name(&knot, "termine.praxis-streng.ch").await;
    let before = answers(&w);
    let n = rig.keys(&mut w, &[Action::Next]);
    rig.settle(&mut w, n).await;
    assert_eq!(w.step, Step::Dns);
    assert!(w.check(CheckId::DnsCaa).is_failed());
    let read = reads(&w);
    says(
        &read,
        &[
            "Der Aussteller-Eintrag (CAA-Eintrag) bei praxis-streng.ch erlaubt Zertifikate für \
             termine.praxis-streng.ch nur von: pki.example. Let's Encrypt gehört \
             nicht dazu und wird ablehnen.",
            "Was tun: Ergänzen Sie bei Ihrem Domain-Anbieter diesen Eintrag.",
            "praxis-streng.ch CAA 0 issue \"letsencrypt.org\"",
        ],
    );
    nothing_lost(&before, &w);
    assert!(files(rig.state.path()).is_empty(), "nothing written");
}
