//! Which guide the port-forwarding step shows, through the real executor:
//! a stand-in gateway per router family describes itself over UPnP; a
//! silent one's line has a provider's reverse-DNS name. (Start pages:
//! `page.rs`.)

use praxis_tls::core::library::router_guide::{self, Family, RouterSeen};
use praxis_tls::i18n;

use super::support::knot::{Knot, Zone};
use super::*;

#[derive(Default)]
pub(super) struct Probe {
    /// The stand-in for the gateway's start page.
    pub(super) page: Option<SocketAddr>,
    /// A DNS server to ask the public address's PTR of.
    pub(super) dns: Option<SocketAddr>,
}

/// Arrives on the port-forwarding step and lets discovery and the router
/// detection that follows it run through the executor.
pub(super) async fn detect(ssdp: SocketAddr, probe: Probe) -> Wizard {
    let state = tempfile::tempdir().unwrap();
    let dns = DnsConfig {
        server: Some(
            probe
                .dns
                .unwrap_or(SocketAddr::from((Ipv4Addr::LOCALHOST, 9))),
        ),
        timeout: Duration::from_secs(2),
    };
    let mut cfg = IoConfig::new(state.path(), dns);
    cfg.discovery.v4_dns = vec![];
    cfg.discovery.v6_dns = vec![];
    cfg.discovery.v6_http = vec![];
    cfg.discovery.v4_http = vec![HttpEndpoint {
        host: "127.0.0.1".into(),
        port: echo(PUBLIC).await,
        path: "/".into(),
        https: false,
        ca_file: None,
    }];
    cfg.discovery.timeout = Duration::from_secs(2);
    cfg.upnp = UpnpConfig {
        discovery_timeout: Duration::from_millis(500),
        ..upnp(ssdp)
    };
    cfg.router.enabled = probe.page.is_some();
    cfg.router.page_at = probe.page;
    cfg.router.reverse_dns = probe.dns.is_some();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let exec = Executor::new(cfg, Journal::open(state.path()).unwrap(), tx);
    let mut w = Wizard::new(Lang::De, NOW);
    w.network.dns_a = vec![PUBLIC];
    w.step = Step::PortForwarding;
    let mut pending = 0;
    let mut effects = update(&mut w, Msg::Key(Action::Recheck), NOW);
    loop {
        for e in effects.drain(..) {
            if !matches!(e, praxis_tls::core::Effect::Persist) {
                pending += 1;
                exec.run(e);
            }
        }
        if pending == 0 {
            return w;
        }
        let msg = tokio::time::timeout(Duration::from_secs(10), rx.recv())
            .await
            .unwrap()
            .unwrap();
        pending -= 1;
        effects = update(&mut w, msg, NOW);
    }
}

/// The guide as the German screen words it, one line per part.
pub(super) fn guide_de(seen: &RouterSeen) -> String {
    let guide = router_guide::choose(seen);
    router_guide::texts(&guide, seen, false, "nuno", 28402)
        .iter()
        .map(|t| i18n::text(Lang::De, t))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn family_by_upnp(id: Ident, family: Family, german: &[&str]) {
    let ssdp = gateway_as(Some(Wan::Address(PUBLIC)), id).await;
    let w = detect(ssdp, Probe::default()).await;
    let seen = &w.network.router;
    assert_eq!(seen.upnp_name.as_deref(), Some(id.name));
    assert_eq!(seen.upnp_manufacturer.as_deref(), Some(id.maker));
    assert_eq!(seen.upnp_model.as_deref(), Some(id.model));
    assert_eq!(router_guide::choose(seen).family, Some(family));
    let text = guide_de(seen);
    assert!(
        text.contains(&format!("Erkannt: Ihr Router meldet sich als {}", id.name)),
        "{text}"
    );
    for part in german {
        assert!(text.contains(part), "{part:?} not in:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fritzbox_gets_the_fritzbox_guide() {
    let id = Ident {
        name: "FRITZ!Box 7590",
        maker: "AVM Berlin",
        model: "FRITZ!Box 7590",
    };
    let german = [
        "So geht es bei der FRITZ!Box (beschrieben für FRITZ!OS 7 und 8",
        "Internet > Freigaben > Portfreigaben > Gerät für Freigaben hinzufügen, den Server nuno wählen",
        "Internet > Freigaben > DynDNS",
        "nur bei Freigaben mit angekreuztem IPv6",
    ];
    family_by_upnp(id, Family::FritzBox, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internet_box_gets_the_swisscom_guide() {
    let id = Ident {
        name: "Internet-Box",
        maker: "Swisscom",
        model: "Internet-Box 4",
    };
    let german = [
        "So geht es bei der Internet-Box von Swisscom (beschrieben für Internet-Box 3, 4 und plus mit Software ab 11.3)",
        "Netzwerk > NAT/PAT",
        "Netzwerk > DynDNS",
        "Netzwerk > Firewall",
    ];
    family_by_upnp(id, Family::SwisscomInternetBox, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connect_box_gets_the_sunrise_guide() {
    let id = Ident {
        name: "Connect Box",
        maker: "Compal Broadband Networks",
        model: "CH7465LG",
    };
    let german = [
        "So geht es bei der Connect Box von Sunrise (früher UPC; beschrieben für die Connect Box CH7465LG",
        "Erweiterte Einstellungen > Sicherheit > Port-Weiterleitung",
    ];
    family_by_upnp(id, Family::SunriseConnectBox, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fiber_box_gets_the_salt_guide() {
    let id = Ident {
        name: "Salt Fiber Box",
        maker: "Salt Mobile SA",
        model: "Fiber Box",
    };
    let german = [
        "So geht es bei der Fiber Box von Salt (beschrieben für die Salt Fiber Box mit Software ab 2020",
        "Port-Weiterleitung (NAT)",
    ];
    family_by_upnp(id, Family::SaltFiberBox, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_speedport_gets_the_telekom_guide() {
    let id = Ident {
        name: "Speedport Smart 4",
        maker: "Deutsche Telekom AG",
        model: "Speedport Smart 4",
    };
    let german = [
        "So geht es beim Speedport der Telekom (beschrieben für Speedport Smart 3 und 4)",
        "Internet > Portfreischaltung > Port-Umleitungen und Port-Weiterleitungen",
        "eine Umleitung auf Port 28402",
        "Internet > Dynamisches DNS",
    ];
    family_by_upnp(id, Family::TelekomSpeedport, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vodafone_station_gets_the_vodafone_guide() {
    let id = Ident {
        name: "Vodafone Station",
        maker: "Technicolor",
        model: "CGA6444VF",
    };
    let german = [
        "So geht es bei der Vodafone Station (beschrieben für die Kabel-Modelle von Arris und Technicolor",
        "Internet > Port-Weiterleitung",
        "Internet > DDNS",
    ];
    family_by_upnp(id, Family::VodafoneStation, &german).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_router_gets_the_general_guide_and_is_named() {
    let id = Ident {
        name: "Archer AX55",
        maker: "TP-Link",
        model: "Archer AX55",
    };
    let w = detect(
        gateway_as(Some(Wan::Address(PUBLIC)), id).await,
        Probe::default(),
    )
    .await;
    let seen = &w.network.router;
    assert_eq!(router_guide::choose(seen).family, None);
    let text = guide_de(seen);
    assert!(
        text.starts_with("So geht es bei den meisten Routern:"),
        "{text}"
    );
    assert!(
        text.contains("Gesehen wurde der Router Archer AX55, TP-Link. Für ihn gibt es hier keine eigene Anleitung"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_providers_name_for_the_address_decides_when_nothing_else_speaks() {
    let soa = "$TTL 60\n@ SOA ns.example. hostmaster.example. 1 60 60 600 60\n@ NS ns.example.\n";
    let knot = Knot::start(&[Zone::new(
        "113.0.203.in-addr.arpa.",
        &format!("$ORIGIN 113.0.203.in-addr.arpa.\n{soa}7 PTR xdsl-203-0-113-7.adsl.bluewin.ch.\n"),
    )]);
    let probe = Probe {
        page: None,
        dns: Some(knot.addr),
    };
    let w = detect(gateway(None).await, probe).await;
    let seen = &w.network.router;
    assert_eq!(
        seen.reverse_name.as_deref(),
        Some("xdsl-203-0-113-7.adsl.bluewin.ch")
    );
    assert_eq!(
        router_guide::choose(seen).family,
        Some(Family::SwisscomInternetBox)
    );
    let text = guide_de(seen);
    assert!(
        text.contains("Erkannt am Namen Ihres Anschlusses (xdsl-203-0-113-7.adsl.bluewin.ch)"),
        "{text}"
    );
}

/// A router that describes itself but refuses to tell its WAN address
/// (a FRITZ!Box with status over UPnP half switched on) is still known.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_router_that_refuses_the_address_is_still_known() {
    let id = Ident {
        name: "FRITZ!Box 7530",
        maker: "AVM Berlin",
        model: "FRITZ!Box 7530",
    };
    let w = detect(gateway_as(Some(Wan::Fault), id).await, Probe::default()).await;
    assert_eq!(w.network.router_wan, None);
    assert_eq!(
        router_guide::choose(&w.network.router).family,
        Some(Family::FritzBox)
    );
}
