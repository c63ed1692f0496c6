//! Classifying what answered a reachability probe, table-driven.
#![allow(clippy::type_complexity)] // the test tables

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use praxis_tls::core::Outcome;
use praxis_tls::core::library::reach::*;

const PUBLIC4: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);
const SERVER6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10);

fn kind(o: &Outcome) -> (&'static str, &str) {
    match o {
        Outcome::Passed(f) => ("passed", f.summary.id.as_str()),
        Outcome::Warning(f) => ("warning", f.summary.id.as_str()),
        Outcome::Failed(f) => ("failed", f.summary.id.as_str()),
    }
}

fn http(
    status: u16,
    server: Option<&str>,
    location: Option<&str>,
    body: &str,
) -> Result<HttpAnswer, ProbeError> {
    Ok(HttpAnswer {
        status,
        server: server.map(String::from),
        location: location.map(String::from),
        body_prefix: body.to_string(),
    })
}

#[test]
fn probe_answers_are_classified() {
    const KEY: &str = "tok123.thumbprint";
    let fritz = "<html><head><title>FRITZ!Box</title></head>";
    let table: Vec<(&str, Result<HttpAnswer, ProbeError>, bool, ProbeClass, &str)> = vec![
        (
            "token",
            http(200, Some("praxis-tls"), None, "tok123.thumbprint\n"),
            false,
            ProbeClass::TokenServed,
            "passed",
        ),
        (
            "refused",
            Err(ProbeError::Refused),
            false,
            ProbeClass::Refused,
            "failed",
        ),
        (
            "connect timeout",
            Err(ProbeError::ConnectTimeout),
            false,
            ProbeClass::Timeout,
            "failed",
        ),
        (
            "silent server",
            Err(ProbeError::ResponseTimeout),
            false,
            ProbeClass::Timeout,
            "failed",
        ),
        (
            "unreachable",
            Err(ProbeError::Unreachable),
            false,
            ProbeClass::Unreachable,
            "failed",
        ),
        (
            "fritzbox page",
            http(200, None, None, fritz),
            false,
            ProbeClass::RouterPage {
                vendor: "FRITZ!Box".into(),
            },
            "failed",
        ),
        (
            "embedded router server",
            http(401, Some("RomPager/4.07"), None, ""),
            false,
            ProbeClass::RouterPage {
                vendor: "RomPager/4.07".into(),
            },
            "failed",
        ),
        (
            "https redirect",
            http(
                301,
                Some("nginx"),
                Some("https://termine.example.ch/.well-known/acme-challenge/x"),
                "",
            ),
            false,
            ProbeClass::HttpsRedirect {
                location: "https://termine.example.ch/.well-known/acme-challenge/x".into(),
            },
            "failed",
        ),
        (
            "traefik body",
            http(404, None, None, "404 page not found\n"),
            false,
            ProbeClass::Traefik,
            "failed",
        ),
        (
            "traefik header",
            http(502, Some("Traefik"), None, "Bad Gateway"),
            false,
            ProbeClass::Traefik,
            "failed",
        ),
        (
            "wrong token body",
            http(200, Some("praxis-tls"), None, "other.key"),
            false,
            ProbeClass::Other {
                status: 200,
                server: "praxis-tls".into(),
            },
            "failed",
        ),
        (
            "plain 404",
            http(404, Some("nginx"), None, "<html>nope</html>"),
            false,
            ProbeClass::Other {
                status: 404,
                server: "nginx".into(),
            },
            "failed",
        ),
        (
            "from inside: timeout is no verdict",
            Err(ProbeError::ConnectTimeout),
            true,
            ProbeClass::HairpinUnsupported,
            "warning",
        ),
        (
            "from inside: router page is no verdict",
            http(200, None, None, fritz),
            true,
            ProbeClass::HairpinUnsupported,
            "warning",
        ),
        (
            "from inside: token still passes",
            http(200, None, None, KEY),
            true,
            ProbeClass::TokenServed,
            "passed",
        ),
        (
            "from inside: traefik still fails",
            http(404, None, None, "404 page not found"),
            true,
            ProbeClass::Traefik,
            "failed",
        ),
    ];
    for (case, result, inside, class, k) in table {
        let report = ProbeReport {
            address: IpAddr::V4(PUBLIC4),
            port: 80,
            result,
        };
        let c = classify_probe(&report, KEY, inside);
        assert_eq!(c, class, "{case}");
        let o = probe_outcome(&c, &report, 28402);
        assert_eq!(kind(&o).0, k, "{case}");
        if let Outcome::Warning(f) = &o {
            assert!(f.can_override, "{case}: an inside view may be wrong");
        }
        if let Outcome::Failed(f) = &o {
            let fix = f.fix.as_ref().expect("every failure says what to do");
            assert!(fix.id.starts_with("reach-fix-"), "{case}");
        }
    }
}

#[test]
fn traefik_fix_names_the_responder_port() {
    let report = ProbeReport {
        address: IpAddr::V4(PUBLIC4),
        port: 80,
        result: http(404, None, None, "404 page not found\n"),
    };
    let o = probe_outcome(&classify_probe(&report, "k", false), &report, 28402);
    let Outcome::Failed(f) = o else {
        panic!("traefik must fail")
    };
    let fix = f.fix.unwrap();
    assert_eq!(fix.id, "reach-fix-forward-traefik");
    assert!(
        fix.args
            .contains(&("port".into(), praxis_tls::core::Arg::Num(28402)))
    );
}

#[test]
fn family_probe_from_report_keeps_connection_semantics() {
    let r = |result| ProbeReport {
        address: IpAddr::V6(SERVER6),
        port: 80,
        result,
    };
    assert_eq!(
        FamilyProbe::from_report(&r(http(200, None, None, "k\n")), "k"),
        FamilyProbe::TokenServed
    );
    assert_eq!(
        FamilyProbe::from_report(&r(Err(ProbeError::Refused)), "k"),
        FamilyProbe::Refused
    );
    assert_eq!(
        FamilyProbe::from_report(&r(Err(ProbeError::ConnectTimeout)), "k"),
        FamilyProbe::Timeout
    );
    // Connected but silent: the validator would not fall back to IPv4.
    assert!(matches!(
        FamilyProbe::from_report(&r(Err(ProbeError::ResponseTimeout)), "k"),
        FamilyProbe::Answered { .. }
    ));
    assert!(matches!(
        FamilyProbe::from_report(&r(http(404, Some("traefik"), None, "")), "k"),
        FamilyProbe::Answered { status: 404, .. }
    ));
}
