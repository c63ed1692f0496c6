//! The fixes on later steps name the menus of the router step 5
//! recognised: a Swisscom practice reads Internet-Box menus on the
//! firewall step, after a failed dry run and on the final check, never a
//! FRITZ!Box's; a FRITZ!Box practice still reads its own.

use std::net::{IpAddr, Ipv4Addr};

use super::golive::{at_certificate, generation, installed};
use super::network::{at_ports, probe_generation, seen};
use super::*;
use crate::core::library::acme_errors::{AcmeProblem, explain};
use crate::core::library::firewall::Detection;
use crate::core::library::reach::{HttpAnswer, ProbeReport};
use crate::core::library::router_guide::RouterSeen;
use crate::core::model::certificate::AcmeEnv;

const SWISSCOM_MENU: &str =
    "Internet-Box (Ansicht mit allen Menüs, Expertenmodus): Netzwerk > NAT/PAT";
const FRITZ_MENU: &str = "FRITZ!Box: Internet > Freigaben > Portfreigaben";

fn router(name: &str) -> RouterSeen {
    RouterSeen {
        upnp_name: Some(name.into()),
        lan_v4: Some(Ipv4Addr::new(192, 168, 1, 20)),
        ..RouterSeen::default()
    }
}

/// Every text of a finding, as a German reader sees it.
fn german(f: &Finding) -> String {
    std::iter::once(&f.summary)
        .chain(f.fix.iter())
        .chain(f.more.iter())
        .map(|t| crate::i18n::text(Lang::DeCh, t))
        .collect::<Vec<_>>()
        .join("\n")
}

fn shown(w: &Wizard, id: CheckId) -> String {
    w.check(id).finding().map(german).unwrap_or_default()
}

/// Step 6 with the router step 5 saw, and the probe answered by traefik
/// (the forward leads to port 80 instead of the responder's port).
fn firewall_step(seen_router: Option<RouterSeen>) -> Wizard {
    let (mut w, g) = at_ports();
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: seen([203, 0, 113, 7]),
        },
        NOW,
    );
    if let Some(r) = seen_router {
        update(&mut w, Msg::RouterDetected(r), NOW);
    }
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
            detection: Detection::default(),
            port: 28402,
        },
        NOW,
    );
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
            generation: probe_generation(&e),
            key_auth: "k".into(),
            reports: vec![traefik],
        },
        NOW,
    );
    w
}

/// Step 7: the dry run failed because port 80 was refused.
fn failed_dry_run(seen_router: Option<RouterSeen>) -> Wizard {
    let mut w = at_certificate();
    if let Some(r) = seen_router {
        update(&mut w, Msg::RouterDetected(r), NOW);
    }
    w.certificate.installed = None;
    w.certificate.email.set("praxis@meine-praxis.ch");
    key(&mut w, Action::Next);
    assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
    let e = key(&mut w, Action::Yes);
    let problem: AcmeProblem = serde_json::from_str(include_str!(
        "../../../tests/fixtures/acme-problems/connection-refused.json"
    ))
    .unwrap_or_default();
    update(
        &mut w,
        Msg::IssueFailed {
            generation: generation_of(&e),
            env: Some(AcmeEnv::Staging),
            finding: explain(&problem, "termine.meine-praxis.ch", None),
            kind: crate::core::model::certificate::FailureKind::Validation,
        },
        NOW,
    );
    w
}

/// Step 11: something else than the responder answers on port 80.
fn final_check(seen_router: Option<RouterSeen>) -> Wizard {
    let mut w = at_certificate();
    if let Some(r) = seen_router {
        update(&mut w, Msg::RouterDetected(r), NOW);
    }
    w.step = Step::FinalCheck;
    w.golive.installed = Some(installed());
    let e = key(&mut w, Action::Recheck);
    let ok = Outcome::Passed(Finding::new(Text::new("verify-passed")));
    // As io reports it: the fix carries only the port.
    let port80 = Outcome::Failed(
        Finding::new(
            Text::new("golive-port80-answers")
                .arg("status", "404")
                .arg("server", "traefik"),
        )
        .fix(Text::new("golive-port80-answers-fix").arg("port", "28402")),
    );
    update(
        &mut w,
        Msg::FinalChecked {
            fingerprints: Vec::new(),
            addresses: Vec::new(),
            generation: generation(&e),
            tls: ok.clone(),
            exposure: ok,
            port80,
        },
        NOW,
    );
    w
}

#[test]
fn a_swisscom_practice_reads_internet_box_menus_on_every_later_step() {
    let swisscom = || Some(router("Internet-Box 3"));
    let steps = [
        (
            "6",
            shown(&firewall_step(swisscom()), CheckId::Reachability),
        ),
        ("7", shown(&failed_dry_run(swisscom()), CheckId::DryRun)),
        ("11", shown(&final_check(swisscom()), CheckId::FinalPort80)),
    ];
    for (step, text) in steps {
        assert!(text.contains(SWISSCOM_MENU), "step {step}:\n{text}");
        assert!(!text.contains("FRITZ"), "step {step}:\n{text}");
    }
}

#[test]
fn a_fritzbox_practice_still_reads_fritzbox_menus() {
    let fritz = || Some(router("FRITZ!Box 7590"));
    let steps = [
        ("6", shown(&firewall_step(fritz()), CheckId::Reachability)),
        ("7", shown(&failed_dry_run(fritz()), CheckId::DryRun)),
        ("11", shown(&final_check(fritz()), CheckId::FinalPort80)),
    ];
    for (step, text) in steps {
        assert!(text.contains(FRITZ_MENU), "step {step}:\n{text}");
    }
}

#[test]
fn an_unknown_router_gets_general_words_and_no_brand() {
    let steps = [
        (
            "6",
            shown(
                &firewall_step(Some(router("Zyxel VMG"))),
                CheckId::Reachability,
            ),
        ),
        (
            "11",
            shown(
                &final_check(Some(router("Zyxel VMG"))),
                CheckId::FinalPort80,
            ),
        ),
    ];
    for (step, text) in steps {
        assert!(
            text.contains("Portfreigabe, Port-Weiterleitung, NAT"),
            "step {step}:\n{text}"
        );
        assert!(
            !text.contains("FRITZ") && !text.contains("Internet-Box"),
            "{text}"
        );
    }
}

/// Before step 5 looked (the DNS step), the words are general and point
/// to step 5.
#[test]
fn before_step_5_the_fix_points_to_it() {
    let mut w = at_domain_ok();
    let e = key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Dns);
    let mut report = report_ok();
    report.a = Ok(Vec::new());
    update(
        &mut w,
        Msg::DnsResolved {
            generation: generation_of(&e),
            report,
        },
        NOW,
    );
    let text = shown(&w, CheckId::DnsA);
    assert!(text.contains("zeigt Schritt 5"), "{text}");
    assert!(!text.contains("FRITZ"), "{text}");
}

/// Step 5's own finding comes before the router's answer: it takes the
/// router's menus once the router is known.
#[test]
fn step_5_s_finding_names_the_router_once_it_is_known() {
    let (mut w, g) = at_ports();
    let mut dynamic = seen([198, 51, 100, 9]);
    dynamic.router_detail = Some("no IGD".into());
    update(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen: dynamic,
        },
        NOW,
    );
    let before = shown(&w, CheckId::PublicIp);
    assert!(!before.contains("FRITZ"), "{before}");
    update(&mut w, Msg::RouterDetected(router("FRITZ!Box 7530")), NOW);
    let after = shown(&w, CheckId::PublicIp);
    assert!(after.contains("Statusinformationen über UPnP"), "{after}");
}
