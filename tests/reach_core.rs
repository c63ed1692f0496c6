//! The pure reachability rules, table-driven: Let's Encrypt's IPv6-first
//! rule and the A record against the public address.
#![allow(clippy::type_complexity)] // the test tables

use std::net::{Ipv4Addr, Ipv6Addr};

use praxis_tls::core::Outcome;
use praxis_tls::core::library::reach::*;

const PUBLIC4: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 7);
const OTHER4: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 9);
const SERVER6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10);
const ROUTER6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0xff, 0, 0, 0, 0, 1);

fn kind(o: &Outcome) -> (&'static str, &str) {
    match o {
        Outcome::Passed(f) => ("passed", f.summary.id.as_str()),
        Outcome::Warning(f) => ("warning", f.summary.id.as_str()),
        Outcome::Failed(f) => ("failed", f.summary.id.as_str()),
    }
}

fn fix(o: &Outcome) -> Option<&str> {
    match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => {
            f.fix.as_ref().map(|t| t.id.as_str())
        }
    }
}

fn answered(status: u16, server: &str) -> Option<FamilyProbe> {
    Some(FamilyProbe::Answered {
        status,
        server: Some(server.into()),
    })
}

#[test]
fn lets_encrypt_ipv6_first_fallback_only_on_connection_failure() {
    use FamilyProbe::*;
    let ok = Some(TokenServed);
    // (case, aaaa, probe_v6, probe_v4, prediction, kind, summary id, fix id)
    let table: Vec<(
        &str,
        Vec<Ipv6Addr>,
        Option<FamilyProbe>,
        Option<FamilyProbe>,
        Prediction,
        &str,
        &str,
        Option<&str>,
    )> = vec![
        (
            "no AAAA, v4 ok",
            vec![],
            None,
            ok.clone(),
            Prediction::Valid { via: Family::V4 },
            "passed",
            "reach-v4-ok",
            None,
        ),
        (
            "no AAAA, v4 refused",
            vec![],
            None,
            Some(Refused),
            Prediction::Fails { via: Family::V4 },
            "failed",
            "reach-v4-fails",
            Some("reach-fix-v4-forward"),
        ),
        (
            "AAAA served token",
            vec![SERVER6],
            ok.clone(),
            Some(Refused),
            Prediction::Valid { via: Family::V6 },
            "passed",
            "reach-v6-ok",
            None,
        ),
        (
            "router AAAA drops (timeout) -> v4",
            vec![ROUTER6],
            Some(Timeout),
            ok.clone(),
            Prediction::Valid { via: Family::V4 },
            "passed",
            "reach-v6-fallback-router",
            None,
        ),
        (
            "router AAAA refused -> v4",
            vec![ROUTER6],
            Some(Refused),
            ok.clone(),
            Prediction::Valid { via: Family::V4 },
            "passed",
            "reach-v6-fallback-router",
            None,
        ),
        (
            "own AAAA unreachable -> v4",
            vec![SERVER6],
            Some(Unreachable),
            ok.clone(),
            Prediction::Valid { via: Family::V4 },
            "passed",
            "reach-v6-fallback",
            None,
        ),
        (
            "fallback, but v4 broken",
            vec![ROUTER6],
            Some(Timeout),
            Some(Timeout),
            Prediction::Fails { via: Family::V4 },
            "failed",
            "reach-v4-fails",
            Some("reach-fix-v4-forward"),
        ),
        (
            "traefik answers on v6: no fallback",
            vec![SERVER6],
            answered(404, "traefik"),
            ok.clone(),
            Prediction::Fails { via: Family::V6 },
            "failed",
            "reach-v6-answered",
            Some("reach-fix-v6-answered"),
        ),
        (
            "anything answering on v6 fails",
            vec![ROUTER6],
            answered(200, "nginx"),
            ok.clone(),
            Prediction::Fails { via: Family::V6 },
            "failed",
            "reach-v6-answered",
            Some("reach-fix-v6-answered"),
        ),
        (
            "v6 untested, AAAA is this server",
            vec![SERVER6],
            None,
            ok.clone(),
            Prediction::Unknown,
            "warning",
            "reach-v6-untested-server",
            Some("reach-fix-v6-answered"),
        ),
        (
            "v6 untested, AAAA elsewhere (router)",
            vec![ROUTER6],
            None,
            ok.clone(),
            Prediction::Valid { via: Family::V4 },
            "warning",
            "reach-v6-untested-router",
            None,
        ),
        (
            "nothing tested",
            vec![],
            None,
            None,
            Prediction::Unknown,
            "warning",
            "reach-v4-untested",
            None,
        ),
    ];
    for (case, aaaa, v6, v4, prediction, k, id, fix_id) in table {
        let inputs = ValidationInputs {
            a: vec![PUBLIC4],
            aaaa,
            public_v4: Some(PUBLIC4),
            public_v6: vec![SERVER6],
            probe_v4: v4,
            probe_v6: v6,
        };
        let (p, o) = predict_validation(&inputs);
        assert_eq!(p, prediction, "{case}");
        assert_eq!(kind(&o), (k, id), "{case}");
        assert_eq!(fix(&o), fix_id, "{case}");
    }
}

#[test]
fn no_a_record_cannot_fall_back() {
    let inputs = ValidationInputs {
        aaaa: vec![ROUTER6],
        public_v4: Some(PUBLIC4),
        probe_v6: Some(FamilyProbe::Timeout),
        ..ValidationInputs::default()
    };
    let (p, o) = predict_validation(&inputs);
    assert_eq!(p, Prediction::Fails { via: Family::V4 });
    assert_eq!(kind(&o), ("failed", "reach-dns-a-missing"));
    assert_eq!(fix(&o), Some("reach-fix-a-set"));
}

#[test]
fn a_record_against_public_address() {
    let shared = Ipv4Addr::new(100, 72, 1, 2);
    let private = Ipv4Addr::new(192, 168, 178, 1);
    let table: Vec<(
        &str,
        Vec<Ipv4Addr>,
        Option<Ipv4Addr>,
        Option<Ipv4Addr>,
        AddressPlan,
        &str,
        &str,
        Option<&str>,
    )> = vec![
        (
            "match",
            vec![PUBLIC4],
            Some(PUBLIC4),
            None,
            AddressPlan::Static,
            "passed",
            "reach-dns-a-matches",
            None,
        ),
        (
            "match, dynamic",
            vec![PUBLIC4],
            Some(PUBLIC4),
            None,
            AddressPlan::Dynamic,
            "warning",
            "reach-dns-a-matches-dynamic",
            Some("reach-fix-dyndns"),
        ),
        (
            "match, dyndns",
            vec![PUBLIC4],
            Some(PUBLIC4),
            None,
            AddressPlan::DynDns,
            "passed",
            "reach-dns-a-matches",
            None,
        ),
        (
            "differs",
            vec![OTHER4],
            Some(PUBLIC4),
            None,
            AddressPlan::Unknown,
            "failed",
            "reach-dns-a-differs",
            Some("reach-fix-a-change"),
        ),
        (
            "differs, dynamic",
            vec![OTHER4],
            Some(PUBLIC4),
            None,
            AddressPlan::Dynamic,
            "failed",
            "reach-dns-a-differs",
            Some("reach-fix-dyndns"),
        ),
        (
            "differs, dyndns stale",
            vec![OTHER4],
            Some(PUBLIC4),
            None,
            AddressPlan::DynDns,
            "failed",
            "reach-dns-a-differs",
            Some("reach-fix-dyndns-check"),
        ),
        (
            "extra A",
            vec![PUBLIC4, OTHER4],
            Some(PUBLIC4),
            None,
            AddressPlan::Static,
            "failed",
            "reach-dns-a-extra",
            Some("reach-fix-a-only"),
        ),
        (
            "missing",
            vec![],
            Some(PUBLIC4),
            None,
            AddressPlan::Static,
            "failed",
            "reach-dns-a-missing",
            Some("reach-fix-a-set"),
        ),
        (
            "no public v4 (DS-Lite)",
            vec![PUBLIC4],
            None,
            None,
            AddressPlan::Unknown,
            "failed",
            "reach-public-cgnat",
            Some("reach-fix-cgnat"),
        ),
        (
            "seen from 100.64/10",
            vec![PUBLIC4],
            Some(shared),
            None,
            AddressPlan::Unknown,
            "failed",
            "reach-public-cgnat",
            Some("reach-fix-cgnat"),
        ),
        (
            "WAN in 100.64/10",
            vec![PUBLIC4],
            Some(PUBLIC4),
            Some(shared),
            AddressPlan::Unknown,
            "failed",
            "reach-public-cgnat",
            Some("reach-fix-cgnat"),
        ),
        (
            "WAN private",
            vec![PUBLIC4],
            Some(PUBLIC4),
            Some(private),
            AddressPlan::Unknown,
            "failed",
            "reach-public-wan-private",
            Some("reach-fix-cgnat"),
        ),
        (
            "WAN public",
            vec![PUBLIC4],
            Some(PUBLIC4),
            Some(PUBLIC4),
            AddressPlan::Static,
            "passed",
            "reach-dns-a-matches",
            None,
        ),
    ];
    for (case, a, public, wan, plan, k, id, fix_id) in table {
        let o = compare_a(&a, public, wan, plan);
        assert_eq!(kind(&o), (k, id), "{case}");
        assert_eq!(fix(&o), fix_id, "{case}");
    }
    // 100.63.x and 100.128.x are outside the shared range.
    let o = compare_a(
        &[PUBLIC4],
        Some(PUBLIC4),
        Some(Ipv4Addr::new(100, 128, 0, 1)),
        AddressPlan::Static,
    );
    assert_eq!(kind(&o).0, "passed");
}
