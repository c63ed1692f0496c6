//! Which guide a router's own words, or its provider's, lead to.

use super::*;

fn upnp(name: &str, maker: &str, model: &str) -> RouterSeen {
    RouterSeen {
        upnp_name: Some(name.into()),
        upnp_manufacturer: Some(maker.into()),
        upnp_model: Some(model.into()),
        ..RouterSeen::default()
    }
}

#[test]
fn each_family_is_known_by_its_description() {
    let cases = [
        (
            upnp("FRITZ!Box 7590", "AVM Berlin", "FRITZ!Box 7590"),
            Family::FritzBox,
        ),
        (
            upnp("Internet-Box", "Swisscom", "Internet-Box 4"),
            Family::SwisscomInternetBox,
        ),
        (
            upnp("Connect Box", "Compal Broadband Networks", "CH7465LG"),
            Family::SunriseConnectBox,
        ),
        (
            upnp("Salt Fiber Box", "Salt Mobile SA", "Fiber Box"),
            Family::SaltFiberBox,
        ),
        (
            upnp(
                "Speedport Smart 4",
                "Deutsche Telekom AG",
                "Speedport Smart 4",
            ),
            Family::TelekomSpeedport,
        ),
        (
            upnp("Vodafone Station", "Technicolor", "CGA6444VF"),
            Family::VodafoneStation,
        ),
    ];
    for (seen, family) in cases {
        assert_eq!(choose(&seen).family, Some(family), "{seen:?}");
    }
}

#[test]
fn a_sunrise_internet_box_is_not_swisscoms() {
    let seen = upnp("Sunrise Internet Box", "Arcadyan", "");
    assert_eq!(choose(&seen).family, Some(Family::SunriseConnectBox));
}

#[test]
fn words_count_whole_only() {
    let seen = RouterSeen {
        page_title: Some("Basalt Gateway".into()),
        ..RouterSeen::default()
    };
    let g = choose(&seen);
    assert_eq!(g.family, None);
    assert_eq!(g.seen, Some((Source::Page, "Basalt Gateway".into())));
}

#[test]
fn the_page_title_decides_when_upnp_is_silent() {
    let seen = RouterSeen {
        page_title: Some("  FRITZ!Box\n".into()),
        reverse_name: Some("p5b0c1234.dip0.t-ipconnect.de".into()),
        ..RouterSeen::default()
    };
    let g = choose(&seen);
    assert_eq!(g.family, Some(Family::FritzBox));
    assert_eq!(g.seen, Some((Source::Page, "FRITZ!Box".into())));
}

#[test]
fn an_own_router_wins_over_the_provider() {
    let seen = RouterSeen {
        upnp_name: Some("Archer AX55".into()),
        upnp_manufacturer: Some("TP-Link".into()),
        reverse_name: Some("xdsl-1-2-3-4.adsl.bluewin.ch".into()),
        ..RouterSeen::default()
    };
    let g = choose(&seen);
    assert_eq!(g.family, None);
    assert_eq!(g.seen, Some((Source::Upnp, "Archer AX55, TP-Link".into())));
}

#[test]
fn the_provider_decides_when_the_router_says_nothing() {
    let seen = RouterSeen {
        page_title: Some("Login".into()),
        reverse_name: Some("xdsl-1-2-3-4.adsl.bluewin.ch.".into()),
        ..RouterSeen::default()
    };
    let g = choose(&seen);
    assert_eq!(g.family, Some(Family::SwisscomInternetBox));
    assert_eq!(g.seen.map(|s| s.0), Some(Source::ReverseDns));
    let other = RouterSeen {
        reverse_name: Some("host.notbluewin.ch".into()),
        ..RouterSeen::default()
    };
    assert_eq!(choose(&other).family, None);
}

#[test]
fn nothing_seen_is_the_generic_guide() {
    let g = choose(&RouterSeen::default());
    assert_eq!(
        g,
        Guide {
            family: None,
            seen: None
        }
    );
    let t = texts(&g, &RouterSeen::default(), false, "nuno", 28402);
    let ids: Vec<_> = t.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "router-generic-title",
            "router-seen-nothing",
            "router-generic-forward",
            "router-generic-dyndns",
            "router-generic-ipv6"
        ]
    );
}

#[test]
fn while_asking_the_guide_says_so() {
    let g = choose(&RouterSeen::default());
    let t = texts(&g, &RouterSeen::default(), true, "nuno", 28402);
    assert_eq!(t[1].id, "router-seen-asking");
}

#[test]
fn names_from_the_network_cannot_steer_the_terminal() {
    let seen = RouterSeen {
        upnp_name: Some(format!("Evil\u{1b}[2J{}", "x".repeat(200))),
        ..RouterSeen::default()
    };
    let Some((_, name)) = choose(&seen).seen else {
        panic!("no name")
    };
    assert!(!name.contains('\u{1b}'));
    assert_eq!(name.chars().count(), 60);
}
