//! Every screen at 80×24, in German and English (and de-CH where it differs),
//! pinned as text. Review a changed snapshot before accepting it.

use std::net::Ipv4Addr;
use std::path::PathBuf;

use praxis_tls::core::library::attempts::{Attempt, AttemptOutcome};
use praxis_tls::core::library::compose_override::{CertNames, Drift, Edit};
use praxis_tls::core::library::compose_ready::ComposeFacts;
use praxis_tls::core::library::dns::{CaaRecord, CaaSet, Delegation, DnsReport, LookupError};
use praxis_tls::core::library::firewall::Detection;
use praxis_tls::core::library::reach::{HttpAnswer, ProbeReport};
use praxis_tls::core::library::start::{DetectError, Generation, Installation};
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::model::golive::{FileDiff, InstalledFiles, PlanView, ProxyPlan};
use praxis_tls::core::model::network::PublicSeen;
use praxis_tls::core::{Action, Lang, Msg, Overlay, PendingChange, Step, Wizard, update};
use praxis_tls::core::{CheckId, Finding, Outcome, Text};
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

fn ctx() -> ViewCtx {
    ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "nuno".into(),
        responder_port: 28402,
        ..ViewCtx::default()
    }
}

fn render(w: &Wizard, ctx: &ViewCtx, width: u16, height: u16) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = terminal.draw(|f| draw(f, w, ctx)) {
        panic!("draw: {e}");
    }
    let screen = format!("{}", terminal.backend());
    if width >= 80 && height >= 24 {
        assert_footer_fits(&screen);
    }
    screen
}

fn send(w: &mut Wizard, msg: Msg) -> u64 {
    let effects = update(w, msg, NOW);
    effects
        .iter()
        .find_map(|e| match e {
            praxis_tls::core::Effect::DetectInstall { generation, .. }
            | praxis_tls::core::Effect::InspectCompose { generation, .. }
            | praxis_tls::core::Effect::CheckDelegation { generation, .. }
            | praxis_tls::core::Effect::ResolveDns { generation, .. }
            | praxis_tls::core::Effect::RecheckName { generation, .. }
            | praxis_tls::core::Effect::DiscoverPublic { generation }
            | praxis_tls::core::Effect::DetectFirewall { generation }
            | praxis_tls::core::Effect::OpenFirewall { generation, .. }
            | praxis_tls::core::Effect::Probe { generation, .. }
            | praxis_tls::core::Effect::InstallFiles { generation, .. }
            | praxis_tls::core::Effect::PlanProxy { generation, .. }
            | praxis_tls::core::Effect::ApplyProxy { generation, .. }
            | praxis_tls::core::Effect::Restart { generation, .. }
            | praxis_tls::core::Effect::FinalCheck { generation, .. }
            | praxis_tls::core::Effect::PlanSystem { generation, .. }
            | praxis_tls::core::Effect::ApplySystem { generation, .. }
            | praxis_tls::core::Effect::InspectSchedule { generation }
            | praxis_tls::core::Effect::InstallSchedule { generation, .. }
            | praxis_tls::core::Effect::SendTestMail { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0)
}

fn key(w: &mut Wizard, a: Action) -> u64 {
    send(w, Msg::Key(a))
}

fn installation() -> Installation {
    Installation {
        compose_file: Some(PathBuf::from("/opt/elexis-oob/docker-compose.yaml")),
        proxy_image: Some("traefik:v2.8".into()),
        local_name: Some("nuno".into()),
        external_name: Some("meine-praxis.ch".into()),
        ..Installation::new(PathBuf::from("/opt/elexis-oob"), Generation::Current)
    }
}

fn report() -> DnsReport {
    DnsReport {
        name: "termine.meine-praxis.ch".into(),
        cname_chain: vec![],
        a: Ok(vec![Ipv4Addr::new(203, 0, 113, 7)]),
        aaaa: Err(LookupError::NoRecords),
        caa: Ok(Some(CaaSet {
            owner: "meine-praxis.ch".into(),
            records: vec![CaaRecord {
                critical: false,
                tag: "issue".into(),
                value: "letsencrypt.org".into(),
            }],
        })),
    }
}

/// Walks a fresh wizard to `step` with good answers on the way.
fn wizard_at(step: Step, lang: Lang) -> Wizard {
    let mut w = Wizard::new(lang, NOW);
    w.session.lang_cursor = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    if step == Step::Language {
        return w;
    }
    key(&mut w, Action::Next);
    let g = send(
        &mut w,
        Msg::InstallCandidates(vec!["/opt/elexis-oob".into(), "/srv/elexis-oob".into()]),
    );
    let g = send(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Ok(installation()),
        },
    );
    send(
        &mut w,
        Msg::ComposeInspected {
            generation: g,
            facts: ComposeFacts::Loaded {
                services: vec!["proxy".into(), "termine".into()],
                missing_images: vec![],
                stopped: vec![],
            },
        },
    );
    if step == Step::Start {
        return w;
    }
    let g = key(&mut w, Action::Next);
    let delegation = Delegation::Delegated {
        nameservers: vec!["ns1.registrar.ch".into(), "ns2.registrar.ch".into()],
    };
    send(
        &mut w,
        Msg::DelegationResolved {
            generation: g,
            delegation,
        },
    );
    if step == Step::Domain {
        return w;
    }
    let g = key(&mut w, Action::Next);
    send(
        &mut w,
        Msg::DnsResolved {
            generation: g,
            report: report(),
        },
    );
    if step == Step::Dns {
        return w;
    }
    let mut g = key(&mut w, Action::Next);
    // Port forwarding: the address as DNS says, the forwards confirmed.
    let seen = PublicSeen {
        v4: Some(Ipv4Addr::new(203, 0, 113, 7)),
        v6: None,
        errors: vec![],
        router_wan: None,
        router_detail: None,
    };
    send(
        &mut w,
        Msg::PublicDiscovered {
            generation: g,
            seen,
        },
    );
    // The router told who it is; the server's place in the practice network.
    send(
        &mut w,
        Msg::RouterDetected(praxis_tls::core::library::router_guide::RouterSeen {
            upnp_name: Some("FRITZ!Box 7590".into()),
            upnp_manufacturer: Some("AVM Berlin".into()),
            upnp_model: Some("FRITZ!Box 7590".into()),
            lan_v4: Some(Ipv4Addr::new(192, 168, 178, 20)),
            host_name: Some("nuno".into()),
            ..Default::default()
        }),
    );
    if step == Step::PortForwarding {
        return w;
    }
    key(&mut w, Action::Toggle);
    g = key(&mut w, Action::Next);
    // Firewall: nftables found, the window opened, the token served.
    let detection = Detection {
        nft: true,
        ..Detection::default()
    };
    send(
        &mut w,
        Msg::FirewallDetected {
            generation: g,
            detection,
            port: 28402,
        },
    );
    key(&mut w, Action::OpenWindow);
    g = key(&mut w, Action::Yes);
    g = send(
        &mut w,
        Msg::FirewallOpened {
            generation: g,
            result: Ok(()),
        },
    );
    let served = ProbeReport {
        address: Ipv4Addr::new(203, 0, 113, 7).into(),
        port: 80,
        result: Ok(HttpAnswer {
            status: 200,
            server: None,
            location: None,
            body_prefix: "k".into(),
        }),
    };
    send(
        &mut w,
        Msg::Probed {
            generation: g,
            key_auth: "k".into(),
            reports: vec![served],
        },
    );
    if step <= Step::Firewall {
        return w;
    }
    // The certificate: what a finished issuance leaves (tests/cert_flow.rs
    // issues for real).
    while w.step < Step::Certificate {
        key(&mut w, Action::Next);
    }
    w.certificate.installed = Some(CertRecord {
        domain: "termine.meine-praxis.ch".into(),
        path_crt: "/var/lib/praxis-tls/certs/termine.meine-praxis.ch.2026-11-24.crt".into(),
        path_key: "/var/lib/praxis-tls/certs/termine.meine-praxis.ch.2026-11-24.key".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "R13".into(),
        fingerprint_sha256: "AB:CD".into(),
        renewal: Default::default(),
    });
    if step == Step::Certificate {
        return w;
    }
    // Install, proxy, restart, final check: each as it looks when its work
    // is done (tests/golive_flow.rs and cert_flow.rs do it for real).
    let g = key(&mut w, Action::Next);
    let files = InstalledFiles {
        crt: "/var/lib/praxis-tls/proxy-certs/termine.meine-praxis.ch.2026-11-24.crt".into(),
        key: "/var/lib/praxis-tls/proxy-certs/termine.meine-praxis.ch.2026-11-24.key".into(),
        cert_name: "termine.meine-praxis.ch.2026-11-24.crt".into(),
        key_name: "termine.meine-praxis.ch.2026-11-24.key".into(),
        fingerprint: "abcd".into(),
    };
    send(
        &mut w,
        Msg::FilesInstalled {
            generation: g,
            result: Ok(files),
        },
    );
    if step == Step::Install {
        return w;
    }
    let g = key(&mut w, Action::Next);
    let diff = "--- docker-compose.override.yml\n+++ docker-compose.override.yml\n@@ -0,0 +1,4 @@\n+services:\n+  webelexis:\n+    labels:\n+      - traefik.http.routers.termine-tls.tls=true\n";
    let plan = PlanView {
        diffs: vec![FileDiff {
            path: "/opt/elexis-oob/docker-compose.override.yml".into(),
            diff: diff.into(),
        }],
        needs_restart: true,
        drift: false,
    };
    send(
        &mut w,
        Msg::ProxyPlanned {
            generation: g,
            result: Ok(proxy_plan(plan)),
        },
    );
    if step == Step::ProxyConfig {
        return w;
    }
    key(&mut w, Action::Next);
    let g = key(&mut w, Action::Yes);
    send(
        &mut w,
        Msg::ProxyApplied {
            generation: g,
            result: Ok(()),
        },
    );
    key(&mut w, Action::Next);
    key(&mut w, Action::Next);
    let g = key(&mut w, Action::Yes);
    for line in [
        "$ docker-compose stop",
        "Stopping elx_proxy ... done",
        "$ docker-compose up -d",
        "Starting elx_proxy ... done",
    ] {
        send(
            &mut w,
            Msg::RestartLine {
                generation: g,
                line: line.into(),
            },
        );
    }
    send(
        &mut w,
        Msg::Restarted {
            generation: g,
            result: Ok(()),
        },
    );
    if step == Step::Restart {
        return w;
    }
    let g = key(&mut w, Action::Next);
    let tls = Outcome::Passed(Finding::new(
        Text::new("verify-passed")
            .arg("host", "termine.meine-praxis.ch")
            .num("days", 90),
    ));
    let exposure = Outcome::Passed(Finding::new(Text::new("exposure-none")));
    send(
        &mut w,
        Msg::FinalChecked {
            generation: g,
            fingerprints: Vec::new(),
            addresses: Vec::new(),
            tls,
            exposure,
            port80: Outcome::Passed(Finding::new(Text::new("golive-port80-quiet"))),
        },
    );
    if step == Step::FinalCheck {
        return w;
    }
    key(&mut w, Action::Toggle);
    key(&mut w, Action::Next);
    if step == Step::Systems {
        return w;
    }
    let g = key(&mut w, Action::Next);
    send(
        &mut w,
        Msg::ScheduleInspected {
            generation: g,
            view: inspected(),
        },
    );
    if step == Step::AutoRenew {
        return w;
    }
    key(&mut w, Action::Next);
    let g = key(&mut w, Action::Yes);
    send(
        &mut w,
        Msg::ScheduleInstalled {
            generation: g,
            result: Ok(praxis_tls::core::steps::autorenew::RenewalSetUp {
                binary: "/usr/local/sbin/praxis-tls".into(),
                mail: false,
            }),
        },
    );
    key(&mut w, Action::Next);
    assert_eq!(w.step, step);
    w
}

/// What the renewal step finds on a server where the wizard runs from
/// the folder it was built in.
fn inspected() -> praxis_tls::core::steps::autorenew::ScheduleView {
    use praxis_tls::core::library::schedule::{SchedulePlan, Scheduler, Verdict};
    praxis_tls::core::steps::autorenew::ScheduleView {
        verdict: Verdict::NotSet,
        plan: Ok(SchedulePlan {
            scheduler: Scheduler::Systemd,
            binary: "/usr/local/sbin/praxis-tls".into(),
            copy_from: Some("/root/praxis-tls/target/release/praxis-tls".into()),
            write_units: true,
            findings: vec![],
        }),
        stored_mail: None,
        password_stored: false,
    }
}

fn name(step: Step, lang: Lang) -> String {
    format!("{}_{}", step.key(), lang.tag())
}

#[test]
fn every_step_in_both_languages() {
    for lang in [Lang::De, Lang::En] {
        for step in Step::ALL {
            let w = wizard_at(step, lang);
            assert_eq!(w.step, step);
            insta::assert_snapshot!(name(step, lang), render(&w, &ctx(), 80, 24));
        }
    }
}

#[test]
fn swiss_spelling_on_a_screen_that_differs() {
    let w = wizard_at(Step::Firewall, Lang::DeCh);
    let screen = render(&w, &ctx(), 80, 24);
    assert!(screen.contains("schliesst"), "{screen}");
    insta::assert_snapshot!("firewall_de-CH", screen);
}

#[test]
fn failures_are_shown_with_what_to_do() {
    for lang in [Lang::De, Lang::En] {
        let mut w = wizard_at(Step::Start, lang);
        key(&mut w, Action::End);
        let g = key(&mut w, Action::Char('x'));
        send(
            &mut w,
            Msg::InstallDetected {
                generation: g,
                result: Err(DetectError::NotFound {
                    path: "/opt/elexis-oobx".into(),
                }),
            },
        );
        // While she types, the verdict waits: no failure, no «continue
        // anyway», nothing spinning.
        insta::assert_snapshot!(
            format!("start_typing_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("start_failed_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );

        // Elexis-OOB found but stopped: said on the start step, before
        // anything is written, not only when step 10 restarts it.
        let mut w = Wizard::new(lang, NOW);
        key(&mut w, Action::Next);
        let g = key(&mut w, Action::Char('/'));
        let g = send(
            &mut w,
            Msg::InstallDetected {
                generation: g,
                result: Ok(installation()),
            },
        );
        send(
            &mut w,
            Msg::ComposeInspected {
                generation: g,
                facts: ComposeFacts::Loaded {
                    services: vec!["proxy".into(), "termine".into()],
                    missing_images: vec![],
                    stopped: vec!["proxy".into(), "termine".into()],
                },
            },
        );
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("start_stopped_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );

        let mut w = wizard_at(Step::Domain, lang);
        for _ in 0..30 {
            key(&mut w, Action::Backspace);
        }
        // Emptied: the field says it waits for her.
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("domain_empty_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        for c in "praxis.local".chars() {
            key(&mut w, Action::Char(c));
        }
        insta::assert_snapshot!(
            format!("domain_typing_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("domain_invalid_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );

        // Pasted from a chat: an address, with a Cyrillic «а» in it.
        let mut w = wizard_at(Step::Domain, lang);
        for _ in 0..30 {
            key(&mut w, Action::Backspace);
        }
        typed(&mut w, "https://termine.pr\u{0430}xis.ch/");
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("domain_look_alike_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );

        let mut w = wizard_at(Step::Domain, lang);
        for _ in 0..30 {
            key(&mut w, Action::Backspace);
        }
        typed(&mut w, "termine.pra\u{200B}xis.ch");
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("domain_invisible_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );

        let mut w = wizard_at(Step::Domain, lang);
        let g = key(&mut w, Action::Next);
        let mut bad = report();
        bad.a = Ok(vec![Ipv4Addr::new(192, 168, 1, 20)]);
        bad.caa = Ok(Some(CaaSet {
            owner: "meine-praxis.ch".into(),
            records: vec![CaaRecord {
                critical: false,
                tag: "issue".into(),
                value: "pki.example".into(),
            }],
        }));
        send(
            &mut w,
            Msg::DnsResolved {
                generation: g,
                report: bad,
            },
        );
        send(&mut w, Msg::TypingSettled);
        insta::assert_snapshot!(
            format!("dns_failed_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
    }
}

/// A dialog as it must look at 80×24: the question and its answer keys
/// in view, nothing cut off at the box's edge.
fn assert_dialog_whole(screen: &str, lang: Lang, keys_id: &str) {
    let keys = praxis_tls::i18n::tr(lang, keys_id);
    let first = keys
        .lines()
        .next()
        .and_then(|l| l.split("  ").next())
        .unwrap_or_default()
        .trim();
    assert!(screen.contains(first), "{keys_id} not in view:\n{screen}");
    assert_footer_fits(screen);
}

/// The footer's keys end before the screen's edge: none is cut off.
fn assert_footer_fits(screen: &str) {
    for line in screen.lines().rev().take(2) {
        let cells: Vec<char> = line.trim_matches('"').chars().collect();
        assert!(
            cells.last().is_none_or(|c| *c == ' '),
            "footer cut off: {line}"
        );
    }
}

/// Every dialog, in German, Swiss German and English: the ones with a
/// long text scrolled to their end too.
#[test]
fn every_dialog_in_every_language() {
    use praxis_tls::core::steps::systems::SystemKind;
    let snap = |name: &str, lang: Lang, w: &Wizard, keys_id: &str| {
        let screen = render(w, &ctx(), 80, 24);
        assert_dialog_whole(&screen, lang, keys_id);
        insta::assert_snapshot!(format!("dialog_{name}_{}", lang.tag()), screen);
    };
    for lang in Lang::ALL {
        let mut w = wizard_at(Step::Dns, lang);
        key(&mut w, Action::Help);
        snap("help", lang, &w, "help-close");

        // Step 5's help is longer than the box: it scrolls, the closing
        // line stays.
        let mut w = wizard_at(Step::PortForwarding, lang);
        key(&mut w, Action::Help);
        snap("help_ports", lang, &w, "help-close");
        for _ in 0..5 {
            key(&mut w, Action::PageDown);
        }
        snap("help_ports_end", lang, &w, "help-close");

        let mut w = wizard_at(Step::Dns, lang);
        key(&mut w, Action::Quit);
        snap("quit", lang, &w, "dialog-yes-no");

        let w = praxis_tls::core::resumed(wizard_at(Step::Dns, lang));
        snap("resume", lang, &w, "resume-choose-hint");

        let mut w = praxis_tls::core::resumed(wizard_at(Step::Dns, lang));
        key(&mut w, Action::Down);
        key(&mut w, Action::Next);
        snap("start_over", lang, &w, "start-over-keys");

        let mut w = praxis_tls::core::resumed(wizard_at(Step::Dns, lang));
        let change = PendingChange {
            id: 4,
            what: praxis_tls::core::Text::new("journal-change-file")
                .arg("path", "/opt/elexis-oob/docker-compose.override.yml"),
            window: false,
        };
        send(&mut w, Msg::PendingChanges(vec![change]));
        snap("pending", lang, &w, "dialog-choose-hint");

        // A window left open after a clean quit: said as what it is, and
        // closing chosen unless she picks otherwise.
        let mut w = praxis_tls::core::resumed(wizard_at(Step::Certificate, lang));
        let change = PendingChange {
            id: 5,
            what: praxis_tls::core::Text::new("journal-change-firewall").arg("port", "28402"),
            window: true,
        };
        send(&mut w, Msg::PendingChanges(vec![change]));
        snap("pending_window", lang, &w, "dialog-choose-hint");

        let mut w = wizard_at(Step::Start, lang);
        key(&mut w, Action::End);
        let g = key(&mut w, Action::Char('x'));
        send(
            &mut w,
            Msg::InstallDetected {
                generation: g,
                result: Err(DetectError::NotFound {
                    path: "/opt/elexis-oobx".into(),
                }),
            },
        );
        key(&mut w, Action::Override);
        snap("override", lang, &w, "dialog-yes-no");

        // The firewall's question in words; the commands behind «D».
        let mut w = wizard_at(Step::Firewall, lang);
        key(&mut w, Action::OpenWindow);
        snap("firewall_open", lang, &w, "dialog-yes-no");
        key(&mut w, Action::Detail);
        snap("firewall_open_details", lang, &w, "dialog-yes-no");
        key(&mut w, Action::PageDown);
        key(&mut w, Action::PageDown);
        snap("firewall_open_details_end", lang, &w, "dialog-yes-no");

        let mut w = wizard_at(Step::Certificate, lang);
        w.certificate.installed = None;
        typed(&mut w, "praxis@meine-praxis.ch");
        key(&mut w, Action::Next);
        snap("certificate_terms", lang, &w, "dialog-yes-no");

        let mut w = wizard_at(Step::ProxyConfig, lang);
        key(&mut w, Action::Next);
        snap("proxy_write", lang, &w, "dialog-yes-no");
        let g = key(&mut w, Action::Yes);
        send(
            &mut w,
            Msg::ProxyApplied {
                generation: g,
                result: Ok(()),
            },
        );
        key(&mut w, Action::Next);
        key(&mut w, Action::Next);
        snap("restart", lang, &w, "dialog-yes-no");

        let mut w = wizard_at(Step::Install, lang);
        w.start.found = None;
        key(&mut w, Action::NextField);
        typed(&mut w, "192.168.1.20");
        key(&mut w, Action::Next);
        snap("upload_warning", lang, &w, "dialog-yes-no");
        for _ in 0..3 {
            key(&mut w, Action::PageDown);
        }
        snap("upload_warning_end", lang, &w, "dialog-yes-no");
        // The exact edit for the IT supporter, behind «D».
        key(&mut w, Action::Detail);
        snap("upload_warning_details", lang, &w, "dialog-yes-no");

        snap(
            "systems_orthanc",
            lang,
            &orthanc_confirm(lang),
            "dialog-yes-no",
        );

        // The gateway's question: the CA's terms in words before the URL.
        let w = systems_confirm(lang, SystemKind::Gateway, false);
        let screen = render(&w, &ctx(), 80, 24);
        let gist = if lang == Lang::En {
            "gist:"
        } else {
            "Das Wichtigste"
        };
        assert!(screen.contains(gist), "{screen}");
        assert!(screen.contains("LE-SA-v1.6"), "{screen}");
        snap("systems_gateway", lang, &w, "dialog-yes-no");

        // Orthanc behind stunnel: says what stunnel is, and that Orthanc's
        // own file stays as it is.
        let w = systems_confirm(lang, SystemKind::Orthanc, true);
        snap("systems_stunnel", lang, &w, "dialog-yes-no");

        // Back after a cleaned-up interrupted change: the result above the
        // choice.
        for ok in [true, false] {
            let mut w = praxis_tls::core::resumed(wizard_at(Step::Dns, lang));
            let change = PendingChange {
                id: 4,
                what: praxis_tls::core::Text::new("journal-change-file")
                    .arg("path", "/opt/elexis-oob/docker-compose.override.yml"),
                window: false,
            };
            send(&mut w, Msg::PendingChanges(vec![change]));
            key(&mut w, Action::Next);
            send(&mut w, Msg::PendingResolved { ok });
            let id = if ok { "pending-done" } else { "pending-failed" };
            let screen = render(&w, &ctx(), 80, 24);
            let said: String = praxis_tls::i18n::tr(lang, id).chars().take(30).collect();
            assert!(screen.contains(&said), "{screen}");
            snap(&format!("resume_{id}"), lang, &w, "resume-choose-hint");
        }

        let mut w = wizard_at(Step::Certificate, lang);
        w.certificate.installed = None;
        key(&mut w, Action::Up);
        key(&mut w, Action::Next);
        assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
        snap("certificate_self_signed", lang, &w, "dialog-yes-no");

        // Another real attempt after a failed one: what the limits leave.
        let mut w = wizard_at(Step::Certificate, lang);
        w.certificate.installed = None;
        typed(&mut w, "praxis@meine-praxis.ch");
        w.certificate.dry_run_for = Some("termine.meine-praxis.ch".into());
        w.certificate.attempts.record(Attempt {
            at: NOW - time::Duration::minutes(10),
            name: "termine.meine-praxis.ch".into(),
            registered: "meine-praxis.ch".into(),
            production: true,
            outcome: AttemptOutcome::Failed,
        });
        key(&mut w, Action::Next);
        assert_eq!(w.session.overlay, Overlay::ConfirmIssue);
        snap("certificate_after_failure", lang, &w, "dialog-yes-no");
    }
}

/// The systems step's question for `kind`, with a plan on screen (the plan
/// itself is pinned by the systems tests).
fn systems_confirm(
    lang: Lang,
    kind: praxis_tls::core::steps::systems::SystemKind,
    terminator: bool,
) -> Wizard {
    use praxis_tls::core::steps::systems::SystemPlan;
    let mut w = wizard_at(Step::Systems, lang);
    w.systems.choice = kind;
    w.systems.orthanc.terminator = terminator;
    w.certificate.terms_url =
        Some("https://letsencrypt.org/documents/LE-SA-v1.6-August-18-2025.pdf".into());
    w.systems.plan = Some(SystemPlan {
        kind,
        summary: Text::new("systems-gateway-plan")
            .arg("host", "gateway.meine-praxis.ch")
            .arg("dir", "/opt/express-gateway"),
        notes: Vec::new(),
        diff: String::new(),
    });
    w.session.overlay = Overlay::ConfirmAction;
    w
}

/// The systems step asking before it writes Orthanc's settings.
fn orthanc_confirm(lang: Lang) -> Wizard {
    use praxis_tls::core::steps::systems::{SystemKind, SystemPlan};
    let mut w = wizard_at(Step::Systems, lang);
    key(&mut w, Action::Down);
    typed(&mut w, "pacs.praxis.lan");
    key(&mut w, Action::NextField);
    typed(&mut w, "/etc/orthanc/orthanc.json");
    let g = key(&mut w, Action::Next);
    send(
        &mut w,
        Msg::SystemPlanned {
            check: CheckId::Orthanc,
            generation: g,
            result: Ok(SystemPlan {
                kind: SystemKind::Orthanc,
                summary: Text::new("systems-orthanc-plan")
                    .arg("host", "pacs.praxis.lan")
                    .arg("certificate", "/etc/orthanc/pacs.praxis.lan.pem")
                    .num("count", 0),
                notes: Vec::new(),
                diff: "@@ -3,1 +3,1 @@\n-  \"SslEnabled\" : false,\n+  \"SslEnabled\" : true,\n"
                    .into(),
            }),
        },
    );
    key(&mut w, Action::Next);
    w
}

#[test]
fn too_small_window_says_so() {
    let w = wizard_at(Step::Dns, Lang::De);
    let screen = render(&w, &ctx(), 60, 20);
    assert!(screen.contains("zu klein"), "{screen}");
    insta::assert_snapshot!("too_small_de", screen);
    for lang in [Lang::DeCh, Lang::En] {
        let w = wizard_at(Step::Dns, lang);
        let screen = render(&w, &ctx(), 60, 20);
        assert!(screen.contains("Ctrl+C"), "{screen}");
        insta::assert_snapshot!(format!("too_small_{}", lang.tag()), screen);
    }
}

/// Before the issuance the e-mail field has the keys: Enter issues, the
/// other keys in their Ctrl form.
#[test]
fn certificate_before_issuance_in_every_language() {
    for lang in Lang::ALL {
        let mut w = wizard_at(Step::Certificate, lang);
        w.certificate.installed = None;
        typed(&mut w, "praxis@meine-praxis.ch");
        let screen = render(&w, &ctx(), 80, 24);
        // German keyboards say «Strg», Swiss and English ones «Ctrl».
        let ctrl = if lang == Lang::De { "Strg+G" } else { "Ctrl+G" };
        assert!(screen.contains(ctrl), "{screen}");
        insta::assert_snapshot!(format!("certificate_before_{}", lang.tag()), screen);
    }
}

#[test]
fn ascii_terminal_gets_no_unicode() {
    let w = wizard_at(Step::Dns, Lang::De);
    let ascii = ViewCtx {
        theme: Theme {
            utf8: false,
            color: false,
        },
        ..ctx()
    };
    let screen = render(&w, &ascii, 80, 24);
    let body: String = screen
        .lines()
        .map(|l| l.trim_matches('"'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body.is_ascii(), "{body}");
    insta::assert_snapshot!("dns_ascii_de", screen);

    // A dialog in Swiss German: its scroll hint and quotes too.
    let mut w = wizard_at(Step::Firewall, Lang::DeCh);
    key(&mut w, Action::OpenWindow);
    key(&mut w, Action::Detail);
    let screen = render(&w, &ascii, 80, 24);
    let body: String = screen
        .lines()
        .map(|l| l.trim_matches('"'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body.is_ascii(), "{body}");
    assert!(body.contains("\"praxis-tls undo\""), "{body}");
    assert!(
        body.contains("BildDown oder Ctrl+N (zurueck:") && body.contains("BildUp)"),
        "the hint whole, over two lines: {body}"
    );
    insta::assert_snapshot!("dialog_firewall_open_ascii_de-CH", screen);
}

#[test]
fn larger_terminals_use_the_room() {
    let w = wizard_at(Step::PortForwarding, Lang::De);
    let screen = render(&w, &ctx(), 120, 40);
    assert!(screen.contains("Exposed Host"), "{screen}");
}

#[test]
fn long_text_pages_with_page_down() {
    let mut w = wizard_at(Step::Domain, Lang::En);
    let g = key(&mut w, Action::Next);
    let mut bad = report();
    bad.a = Ok(vec![Ipv4Addr::new(192, 168, 1, 20)]);
    send(
        &mut w,
        Msg::DnsResolved {
            generation: g,
            report: bad,
        },
    );
    let first = render(&w, &ctx(), 80, 24);
    assert!(first.contains("More below"), "{first}");
    assert!(
        !first.contains("Allowed certificate authorities"),
        "{first}"
    );
    key(&mut w, Action::PageDown);
    let paged = render(&w, &ctx(), 80, 24);
    assert!(paged.contains("Allowed certificate authorities"), "{paged}");
    assert!(!paged.contains("More below"), "{paged}");
    key(&mut w, Action::PageUp);
    assert_eq!(render(&w, &ctx(), 80, 24), first);
}

#[test]
fn a_failed_save_is_shown() {
    let w = wizard_at(Step::Dns, Lang::De);
    let ctx = ViewCtx {
        error: Some("Die Festplatte ist voll.".into()),
        ..ctx()
    };
    let screen = render(&w, &ctx, 80, 24);
    assert!(
        screen.contains("Der Zwischenstand konnte nicht gespeichert werden"),
        "{screen}"
    );
}

#[test]
fn install_elsewhere_offers_the_upload() {
    for lang in Lang::ALL {
        let mut w = wizard_at(Step::Install, lang);
        w.start.found = None;
        key(&mut w, Action::NextField);
        for c in "192.168.1.20".chars() {
            key(&mut w, Action::Char(c));
        }
        let screen = render(&w, &ctx(), 80, 24);
        // In the field Space types: the line names Tab, not «Leertaste».
        assert!(
            screen.contains(
                &praxis_tls::i18n::tr(lang, "gate-manual-input")
                    .chars()
                    .take(30)
                    .collect::<String>()
            ),
            "{screen}"
        );
        insta::assert_snapshot!(format!("install_upload_{}", lang.tag()), screen);
        key(&mut w, Action::Next);
        let s = render(&w, &ctx(), 80, 24);
        assert!(s.contains("webelexisdata"), "the warning first: {s}");
    }
}

fn typed(w: &mut Wizard, s: &str) {
    for c in s.chars() {
        key(w, Action::Char(c));
    }
}

#[test]
fn systems_form_plan_and_result_in_both_languages() {
    use praxis_tls::core::steps::systems::{SystemDone, SystemKind, SystemPlan};
    for lang in [Lang::De, Lang::En] {
        let mut w = wizard_at(Step::Systems, lang);
        key(&mut w, Action::Down);
        typed(&mut w, "pacs.praxis.lan");
        key(&mut w, Action::NextField);
        typed(&mut w, "/etc/orthanc/orthanc.json");
        key(&mut w, Action::NextField);
        key(&mut w, Action::NextField);
        typed(&mut w, "Dr. Muster, Empfang");
        // Past the restart command: the login for practice computers,
        // then the passphrase.
        key(&mut w, Action::NextField);
        key(&mut w, Action::NextField);
        typed(&mut w, "praxis");
        key(&mut w, Action::NextField);
        typed(&mut w, "Röntgen-2026");
        key(&mut w, Action::NextField);
        typed(&mut w, "kurz");
        key(&mut w, Action::Next);
        insta::assert_snapshot!(
            format!("systems_orthanc_form_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        // The login's fields, paged to: both passwords masked.
        key(&mut w, Action::PageDown);
        let paged = render(&w, &ctx(), 80, 24);
        assert!(!paged.contains("Röntgen-2026") && !paged.contains("kurz"));
        insta::assert_snapshot!(format!("systems_orthanc_login_{}", lang.tag()), paged);
        key(&mut w, Action::PageUp);
        typed(&mut w, "-und-lang");
        let g = key(&mut w, Action::Next);
        let diff = "@@ -3,1 +3,2 @@\n-  \"SslEnabled\" : false,\n+  \"SslEnabled\" : true,\n+  \"SslCertificate\" : \"/etc/orthanc/pacs.praxis.lan.pem\",\n";
        send(
            &mut w,
            Msg::SystemPlanned {
                check: CheckId::Orthanc,
                generation: g,
                result: Ok(SystemPlan {
                    kind: SystemKind::Orthanc,
                    summary: Text::new("systems-orthanc-plan-mtls")
                        .arg("host", "pacs.praxis.lan")
                        .arg("certificate", "/etc/orthanc/pacs.praxis.lan.pem")
                        .num("count", 2),
                    notes: Vec::new(),
                    diff: diff.into(),
                }),
            },
        );
        let plain = praxis_tls::i18n::tr_args(lang, "plain-orthanc", &[("file", "orthanc.json")]);
        let screen = render(&w, &ctx(), 80, 24);
        assert_plain_above_diff(&screen, &plain, "SslEnabled", false);
        insta::assert_snapshot!(format!("systems_orthanc_plan_{}", lang.tag()), screen);
        key(&mut w, Action::Detail);
        let screen = render(&w, &ctx(), 80, 24);
        assert_plain_above_diff(&screen, &plain, "SslEnabled", true);
        insta::assert_snapshot!(
            format!("systems_orthanc_plan_details_{}", lang.tag()),
            screen
        );
        key(&mut w, Action::Back);
        assert!(w.systems.plan.is_some(), "Esc closes the details first");
        key(&mut w, Action::Next);
        insta::assert_snapshot!(
            format!("systems_orthanc_confirm_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        let g = key(&mut w, Action::Yes);
        send(
            &mut w,
            Msg::SystemApplied {
                check: CheckId::Orthanc,
                generation: g,
                result: Ok(SystemDone {
                    kind: SystemKind::Orthanc,
                    terminator: false,
                    host: "pacs.praxis.lan".into(),
                    report: vec![
                        Text::new("systems-orthanc-done")
                            .arg("certificate", "/etc/orthanc/pacs.praxis.lan.pem")
                            .arg("config", "/etc/orthanc/orthanc.json")
                            .arg("date", "2027-12-05"),
                        Text::new("systems-orthanc-ca").arg(
                            "ca",
                            "/var/lib/praxis-tls/browser-certificates/praxis-ca.crt",
                        ),
                        Text::new("systems-orthanc-checked").num("port", 8042),
                    ],
                    certificate: None,
                }),
            },
        );
        insta::assert_snapshot!(
            format!("systems_orthanc_done_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        // The gateway's form, with its defaults.
        key(&mut w, Action::Up);
        insta::assert_snapshot!(
            format!("systems_gateway_form_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
    }
}

/// Orthanc's own HTTPS on an affected build: the plan's notes, the crash
/// explained after the rollback, and the terminator's form offered.
#[test]
fn systems_orthanc_crash_and_terminator_in_both_languages() {
    use praxis_tls::core::Finding;
    use praxis_tls::core::steps::systems::{SystemKind, SystemPlan};
    for lang in [Lang::De, Lang::En] {
        let mut w = wizard_at(Step::Systems, lang);
        // The build was looked at when the step opened: stunnel is offered
        // before anything is typed.
        send(&mut w, Msg::OrthancBuild { affected: true });
        key(&mut w, Action::Down);
        insta::assert_snapshot!(
            format!("systems_orthanc_affected_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        typed(&mut w, "pacs.praxis.lan");
        key(&mut w, Action::NextField);
        typed(&mut w, "/etc/orthanc/orthanc.json");
        let g = key(&mut w, Action::Next);
        let diff = "@@ -3,1 +3,2 @@\n-  \"SslEnabled\" : false,\n+  \"SslEnabled\" : true,\n+  \"SslCertificate\" : \"/etc/orthanc/pacs.praxis.lan.pem\",\n";
        send(
            &mut w,
            Msg::SystemPlanned {
                check: CheckId::Orthanc,
                generation: g,
                result: Ok(SystemPlan {
                    kind: SystemKind::Orthanc,
                    summary: Text::new("systems-orthanc-plan")
                        .arg("host", "pacs.praxis.lan")
                        .arg("certificate", "/etc/orthanc/pacs.praxis.lan.pem")
                        .num("count", 0),
                    notes: vec![
                        Text::new("systems-orthanc-remote-off"),
                        Text::new("systems-orthanc-affected"),
                    ],
                    diff: diff.into(),
                }),
            },
        );
        insta::assert_snapshot!(
            format!("systems_orthanc_plan_notes_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        key(&mut w, Action::Next);
        let g = key(&mut w, Action::Yes);
        let mut crash = Finding::new(Text::new("orthanc-live-crash"))
            .fix(Text::new("orthanc-live-offer-terminator"));
        crash
            .more
            .push(Text::new("orthanc-live-rolled-back").num("port", 8042));
        send(
            &mut w,
            Msg::SystemApplied {
                check: CheckId::Orthanc,
                generation: g,
                result: Err(crash),
            },
        );
        insta::assert_snapshot!(
            format!("systems_orthanc_crash_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        key(&mut w, Action::Down);
        assert!(w.systems.orthanc.terminator);
        insta::assert_snapshot!(
            format!("systems_orthanc_terminator_form_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
    }
}

#[test]
fn renewal_form_question_skip_and_done_in_every_language() {
    for lang in [Lang::De, Lang::DeCh, Lang::En] {
        let mut w = wizard_at(Step::AutoRenew, lang);
        typed(&mut w, "mail.praxis-muster.ch");
        key(&mut w, Action::NextField);
        typed(&mut w, "praxis@praxis-muster.ch");
        key(&mut w, Action::NextField);
        typed(&mut w, "it@praxis-muster.ch");
        key(&mut w, Action::NextField);
        key(&mut w, Action::NextField);
        typed(&mut w, "geheim");
        let g = key(&mut w, Action::TestMail);
        send(
            &mut w,
            Msg::TestMailSent {
                generation: g,
                result: Err(Finding::new(
                    Text::new("mail-error-auth").arg("host", "mail.praxis-muster.ch"),
                )
                .fix(Text::new("autorenew-test-failed-fix"))),
            },
        );
        insta::assert_snapshot!(
            format!("autorenew_form_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        key(&mut w, Action::Next);
        insta::assert_snapshot!(
            format!("autorenew_confirm_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        key(&mut w, Action::No);
        key(&mut w, Action::Down);
        insta::assert_snapshot!(
            format!("autorenew_skip_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
        key(&mut w, Action::Next);
        assert_eq!(w.step, Step::Done);
        insta::assert_snapshot!(
            format!("done_without_renewal_{}", lang.tag()),
            render(&w, &ctx(), 80, 24)
        );
    }
}

#[test]
fn renewal_question_names_what_it_replaces() {
    use praxis_tls::core::library::schedule::{SchedulePlan, Scheduler, Verdict};
    let mut w = wizard_at(Step::Systems, Lang::DeCh);
    let g = key(&mut w, Action::Next);
    let view = praxis_tls::core::steps::autorenew::ScheduleView {
        verdict: Verdict::Missing {
            binary: "/root/praxis-tls/target/release/praxis-tls".into(),
        },
        plan: Ok(SchedulePlan {
            scheduler: Scheduler::Cron,
            binary: "/usr/local/sbin/praxis-tls".into(),
            copy_from: Some("/tmp/praxis-tls".into()),
            write_units: true,
            findings: vec![
                Text::new("schedule-finding-stale-copy").arg("path", "/usr/local/sbin/praxis-tls"),
                Text::new("schedule-finding-gone-binary")
                    .arg("binary", "/root/praxis-tls/target/release/praxis-tls")
                    .arg("source", "/etc/cron.d/praxis-tls-renew"),
            ],
        }),
        stored_mail: None,
        password_stored: true,
    };
    send(
        &mut w,
        Msg::ScheduleInspected {
            generation: g,
            view,
        },
    );
    key(&mut w, Action::Next);
    insta::assert_snapshot!(
        "autorenew_confirm_findings_de-CH",
        render(&w, &ctx(), 80, 24)
    );
    key(&mut w, Action::Yes);
    insta::assert_snapshot!("autorenew_installing_de-CH", render(&w, &ctx(), 80, 24));
}

/// Draws as the program does and hands the measured limits to the wizard.
fn render_measured(w: &mut Wizard, ctx: &ViewCtx) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    let mut viewport = w.session.viewport;
    if let Err(e) = terminal.draw(|f| viewport = praxis_tls::ui::draw_measured(f, w, ctx)) {
        panic!("draw: {e}");
    }
    send(w, Msg::Viewport(viewport));
    format!("{}", terminal.backend())
}

/// «Fertig»: the answers file named in the text (not drawn over the hint
/// that more follows), Enter reading on to the end of the security advice
/// before it quits.
#[test]
fn done_reads_to_the_end_before_enter_quits() {
    for lang in Lang::ALL {
        let mut w = wizard_at(Step::Done, lang);
        let ctx = ViewCtx {
            answers_file: Some("/var/lib/praxis-tls/answers.toml".into()),
            ..ctx()
        };
        let first = render_measured(&mut w, &ctx);
        let more = praxis_tls::i18n::tr(lang, "more-below");
        assert!(first.contains(&more), "the hint whole:\n{first}");
        assert!(first.contains("answers.toml"), "{first}");
        insta::assert_snapshot!(format!("done_answers_{}", lang.tag()), first);
        let mut last = first;
        let mut pages = 0;
        loop {
            let e = update(&mut w, Msg::Key(Action::Next), NOW);
            if e.contains(&praxis_tls::core::Effect::Quit) {
                break;
            }
            last = render_measured(&mut w, &ctx);
            pages += 1;
            assert!(pages < 10, "Enter never reaches the end");
        }
        assert!(pages > 0, "the advice is longer than the screen");
        assert!(last.contains("DELETE"), "read to the end:\n{last}");
        let finish = praxis_tls::i18n::tr(lang, "key-finish");
        assert!(last.contains(&finish), "{last}");
        insta::assert_snapshot!(format!("done_end_{}", lang.tag()), last);
    }
}

/// Step 12 says the appointment service runs only when the final check
/// passed by itself, not when it was passed by hand.
#[test]
fn step_12_claims_the_service_runs_only_after_a_passed_final_check() {
    let mut w = wizard_at(Step::Systems, Lang::De);
    assert!(render(&w, &ctx(), 80, 24).contains("Der Termindienst läuft."));
    let context = w
        .domain
        .parsed
        .as_ref()
        .map(|d| d.ascii.clone())
        .unwrap_or_default();
    w.overrides.push(praxis_tls::core::OverrideRecord {
        step: Step::FinalCheck,
        checks: vec![CheckId::FinalTls],
        context,
        at: NOW,
    });
    assert!(praxis_tls::core::overridden(&w, Step::FinalCheck));
    let screen = render(&w, &ctx(), 80, 24);
    assert!(!screen.contains("Termindienst läuft"), "{screen}");
    assert!(screen.contains("Hier lassen sich zwei weitere Systeme"));
}

/// The port-forwarding step with a router guide.
#[path = "render/router.rs"]
mod router;

/// A plan in plain words first; the raw diff only with «D Details» on,
/// and then below the words.
fn assert_plain_above_diff(screen: &str, plain: &str, diff_marker: &str, details: bool) {
    let flat: String = screen
        .lines()
        .map(|l| {
            l.split('│')
                .nth(1)
                .unwrap_or_default()
                .trim()
                .trim_end_matches('"')
        })
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let head: String = plain
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let at = flat.find(&head);
    assert!(at.is_some(), "«{head}» not on screen:\n{screen}");
    match flat.find(diff_marker) {
        Some(d) => {
            assert!(details, "the diff shows without D:\n{screen}");
            assert!(at < Some(d), "the words stand above the diff:\n{screen}");
        }
        None => assert!(!details, "D shows no diff:\n{screen}"),
    }
}

/// Step 9: each file's change said in words above its diff, the diff
/// behind «D Details».
#[test]
fn proxy_plan_says_in_words_what_changes() {
    for lang in [Lang::De, Lang::En, Lang::DeCh] {
        let mut w = wizard_at(Step::ProxyConfig, lang);
        let plain = praxis_tls::i18n::tr_args(
            lang,
            "plain-override-new",
            &[("file", "docker-compose.override.yml")],
        );
        let screen = render(&w, &ctx(), 80, 24);
        assert_plain_above_diff(&screen, &plain, "+++ docker-compose", false);
        let hint = praxis_tls::i18n::tr(lang, "plain-details-hint");
        assert!(screen.contains(&hint), "{screen}");
        key(&mut w, Action::Detail);
        let screen = render(&w, &ctx(), 80, 24);
        assert_plain_above_diff(&screen, &plain, "+++ docker-compose", true);
        if lang != Lang::DeCh {
            insta::assert_snapshot!(format!("proxy_details_{}", lang.tag()), screen);
        }
    }
}

/// Step 10 after a failed restart: what failed, the way out (Enter again,
/// `praxis-tls undo` for the IT supporter), the end of compose's output.
fn restart_failed(lang: Lang, finding: Finding, output: &[&str]) -> Wizard {
    let mut w = wizard_at(Step::ProxyConfig, lang);
    key(&mut w, Action::Next);
    let g = key(&mut w, Action::Yes);
    send(
        &mut w,
        Msg::ProxyApplied {
            generation: g,
            result: Ok(()),
        },
    );
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Restart);
    key(&mut w, Action::Next);
    let g = key(&mut w, Action::Yes);
    for line in output {
        send(
            &mut w,
            Msg::RestartLine {
                generation: g,
                line: (*line).into(),
            },
        );
    }
    send(
        &mut w,
        Msg::Restarted {
            generation: g,
            result: Err(finding),
        },
    );
    w
}

#[test]
fn a_failed_restart_says_what_to_do_in_every_language() {
    for lang in Lang::ALL {
        let failed = Finding::new(
            Text::new("restart-failed")
                .arg("command", "docker compose up -d")
                .arg("code", "1"),
        )
        .fix(Text::new("restart-failed-fix"));
        let w = restart_failed(
            lang,
            failed,
            &[
                "$ docker compose stop",
                " Container elx_proxy  Stopped",
                " Container elx_termine  Stopped",
                "$ docker compose up -d",
                " Container elx_termine  Started",
                " Container elx_proxy  Starting",
                "Error response from daemon: failed to create task for container: mount /opt/elexis-oob/certs: no such file or directory",
            ],
        );
        let screen = render(&w, &ctx(), 80, 24);
        let fix = praxis_tls::i18n::tr(lang, "restart-failed-fix");
        // The way out in plain words: Enter again, and the undo command.
        assert!(screen.contains("praxis-tls undo"), "{screen}");
        assert!(fix.contains("Enter"), "{fix}");
        // The end of compose's output, where the reason is.
        assert!(screen.contains("mount /opt/elexis-oob/certs"), "{screen}");
        // Enter restarts again: the footer says so, not «weiter».
        let restart_key = praxis_tls::i18n::tr(lang, "key-restart");
        assert!(screen.contains(&restart_key), "{screen}");
        insta::assert_snapshot!(format!("restart_failed_{}", lang.tag()), screen);

        // A busy port with the program that holds it, looked up as root.
        let taken = Finding::new(
            Text::new("restart-port-taken-by")
                .num("port", 443)
                .arg("program", "nginx")
                .num("pid", 812),
        )
        .fix(Text::new("restart-port-taken-by-fix").arg("program", "nginx"));
        let w = restart_failed(
            lang,
            taken,
            &[
                "$ docker compose up -d",
                "Error response from daemon: driver failed programming external connectivity on endpoint elx_proxy: Bind for 0.0.0.0:443 failed: port is already allocated",
            ],
        );
        let screen = render(&w, &ctx(), 80, 24);
        assert!(screen.contains("nginx"), "{screen}");
        assert!(screen.contains("812"), "{screen}");
        assert!(screen.contains("port is already"), "{screen}");
        insta::assert_snapshot!(format!("restart_port_taken_{}", lang.tag()), screen);
    }
}

/// Enter's label says what it does where it does more than go on: the
/// proxy step writes the files, the restart step restarts the stack.
#[test]
fn enter_is_labelled_for_what_it_does_on_steps_9_and_10() {
    for lang in Lang::ALL {
        let next = praxis_tls::i18n::tr(lang, "key-next");
        let mut w = wizard_at(Step::ProxyConfig, lang);
        let screen = render(&w, &ctx(), 80, 24);
        let footer: String = screen.lines().rev().take(2).collect();
        assert!(
            footer.contains(&praxis_tls::i18n::tr(lang, "key-write")),
            "{footer}"
        );
        assert!(!footer.contains(&next), "{footer}");
        key(&mut w, Action::Next);
        let g = key(&mut w, Action::Yes);
        send(
            &mut w,
            Msg::ProxyApplied {
                generation: g,
                result: Ok(()),
            },
        );
        // Written: Enter goes on.
        let screen = render(&w, &ctx(), 80, 24);
        let footer: String = screen.lines().rev().take(2).collect();
        assert!(footer.contains(&next), "{footer}");
        key(&mut w, Action::Next);
        let screen = render(&w, &ctx(), 80, 24);
        let footer: String = screen.lines().rev().take(2).collect();
        assert!(
            footer.contains(&praxis_tls::i18n::tr(lang, "key-restart")),
            "{footer}"
        );
        assert!(!footer.contains(&next), "{footer}");
    }
}

/// A plan as io would build it, showing `view`'s diffs.
fn proxy_plan(view: PlanView) -> ProxyPlan {
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
        site: praxis_tls::core::model::golive::Site {
            install_dir: "/opt/elexis-oob".into(),
            generation: praxis_tls::core::library::start::Generation::Current,
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
