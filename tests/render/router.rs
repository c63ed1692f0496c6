//! The port-forwarding step with a router guide, at 80×24: the server's
//! address and device name, then the guide, paged with PgDn.

use praxis_tls::core::library::router_guide::RouterSeen;
use praxis_tls::i18n;

use super::*;

fn fritzbox() -> RouterSeen {
    RouterSeen {
        upnp_name: Some("FRITZ!Box 7590".into()),
        upnp_manufacturer: Some("AVM Berlin".into()),
        upnp_model: Some("FRITZ!Box 7590".into()),
        lan_v4: Some(Ipv4Addr::new(192, 168, 178, 20)),
        gateway_v4: Some(Ipv4Addr::new(192, 168, 178, 1)),
        host_name: Some("nuno".into()),
        ..RouterSeen::default()
    }
}

/// Every page of the step, top to bottom, as the person pages through it.
fn pages(w: &mut Wizard) -> Vec<String> {
    w.session.scroll = 0;
    let mut out = vec![render(w, &ctx(), 80, 24)];
    for _ in 0..4 {
        key(w, Action::PageDown);
        let page = render(w, &ctx(), 80, 24);
        if out.last() == Some(&page) {
            break;
        }
        out.push(page);
    }
    out
}

#[test]
fn the_fritzbox_guide_at_80x24() {
    for (lang, name) in [(Lang::De, "de"), (Lang::DeCh, "de_ch"), (Lang::En, "en")] {
        let mut w = wizard_at(Step::PortForwarding, lang);
        send(&mut w, Msg::RouterDetected(fritzbox()));
        let pages = pages(&mut w);
        let first = &pages[0];
        // What the router asks for is on the first page.
        assert!(first.contains("192.168.178.20"), "{first}");
        assert!(first.contains("FRITZ!Box"), "{first}");
        let all = pages.join("\n");
        assert!(all.contains("DynDNS"), "{all}");
        assert!(all.contains("IPv6"), "{all}");
        if lang != Lang::En {
            assert!(all.contains("FRITZ!OS 7 und"), "{all}");
        }
        if lang == Lang::DeCh {
            assert!(!all.contains('ß'), "{all}");
        }
        for (i, page) in pages.iter().enumerate() {
            insta::assert_snapshot!(format!("ports_fritzbox_{name}_{}", i + 1), page);
        }
    }
}

#[test]
fn an_unknown_router_is_named_above_the_general_guide() {
    let mut w = wizard_at(Step::PortForwarding, Lang::DeCh);
    let seen = RouterSeen {
        page_title: Some("Gateway GX-200".into()),
        lan_v4: Some(Ipv4Addr::new(192, 168, 1, 20)),
        host_name: Some("nuno".into()),
        ..RouterSeen::default()
    };
    send(&mut w, Msg::RouterDetected(seen));
    let pages = pages(&mut w);
    let all = pages.join("\n");
    assert!(all.contains("Gateway GX-200"), "{all}");
    assert!(all.contains("So geht es bei den meisten Routern"), "{all}");
    for (i, page) in pages.iter().enumerate() {
        insta::assert_snapshot!(format!("ports_generic_de_ch_{}", i + 1), page);
    }
}

/// F1 on this step: the router's guide is on the screen; the help keeps
/// what holds for every router.
#[test]
fn the_help_points_to_the_guide() {
    for (lang, name, word) in [
        (Lang::De, "de", "Anleitung für Ihren Router"),
        (Lang::DeCh, "de_ch", "Anleitung für Ihren Router"),
        (Lang::En, "en", "guide for your router"),
    ] {
        let mut w = wizard_at(Step::PortForwarding, lang);
        key(&mut w, Action::Help);
        let screen = render(&w, &ctx(), 80, 24);
        assert!(screen.contains(word), "{screen}");
        // The whole help fits, down to how to close it.
        let close = i18n::tr(lang, "help-close");
        assert!(screen.contains(close.as_str()), "{screen}");
        assert!(screen.contains("└"), "{screen}");
        assert!(!screen.contains("Gerät für Freigaben"), "{screen}");
        insta::assert_snapshot!(format!("ports_help_{name}"), screen);
    }
}

/// While the router is asked, the guide does not claim it stayed silent.
#[test]
fn while_the_router_is_asked_the_screen_says_so() {
    let mut w = wizard_at(Step::PortForwarding, Lang::DeCh);
    w.network.router = RouterSeen::default();
    w.network.router_asking = true;
    let screen = pages(&mut w).join("\n");
    assert!(
        screen.contains("Der Router wird gerade gefragt"),
        "{screen}"
    );
    assert!(!screen.contains("nicht zu erkennen gegeben"), "{screen}");
    send(&mut w, Msg::RouterDetected(RouterSeen::default()));
    let screen = pages(&mut w).join("\n");
    assert!(screen.contains("nicht zu erkennen gegeben"), "{screen}");
}

/// D shows what the recognition went by, for the IT supporter.
#[test]
fn the_details_name_every_source() {
    let mut w = wizard_at(Step::PortForwarding, Lang::De);
    let seen = RouterSeen {
        page_title: Some("FRITZ!Box".into()),
        reverse_name: Some("p5b0c1234.dip0.t-ipconnect.de".into()),
        gateway_v4: Some(Ipv4Addr::new(192, 168, 178, 1)),
        lan_v4: Some(Ipv4Addr::new(192, 168, 178, 20)),
        ..fritzbox()
    };
    send(&mut w, Msg::RouterDetected(seen));
    key(&mut w, Action::Detail);
    let screen = pages(&mut w).join("\n");
    for part in [
        "192.168.178.1",
        "AVM Berlin",
        "t-ipconnect.de",
        "Startseite: FRITZ!Box",
    ] {
        assert!(screen.contains(part), "{part}: {screen}");
    }
}
