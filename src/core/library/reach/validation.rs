//! DNS against the discovered address, and Let's Encrypt's IPv6-first rule.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

use super::{Family, FamilyProbe};
use crate::core::model::check::{Finding, Outcome, Text};

/// How the address is assigned, as far as the person or the router told us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AddressPlan {
    #[default]
    Unknown,
    Static,
    /// Changes now and then (most DSL and cable lines), no DynDNS yet.
    Dynamic,
    /// Changes, and a DynDNS client keeps the record up to date.
    DynDns,
}

/// Carrier-grade NAT range (RFC 6598), used by DS-Lite and CGNAT providers.
fn is_shared(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    o[0] == 100 && (o[1] & 0xc0) == 64
}

/// Compare the A records with the public IPv4 this site was seen from.
/// `router_wan` is the router's own WAN address when it could be read.
pub fn compare_a(
    a: &[Ipv4Addr],
    public_v4: Option<Ipv4Addr>,
    router_wan: Option<Ipv4Addr>,
    plan: AddressPlan,
) -> Outcome {
    let cgnat = |why: &str| {
        Outcome::Failed(
            Finding::new(Text::new("reach-public-cgnat"))
                .fix(Text::new("reach-fix-cgnat"))
                .detail(why.to_string()),
        )
    };
    let Some(public) = public_v4 else {
        return cgnat("no public IPv4 address found");
    };
    if is_shared(public) {
        return cgnat(&format!("public address {public} is in 100.64.0.0/10"));
    }
    if let Some(wan) = router_wan {
        if is_shared(wan) {
            return cgnat(&format!("router WAN address {wan} is in 100.64.0.0/10"));
        }
        if wan.is_private() {
            return Outcome::Failed(
                Finding::new(Text::new("reach-public-wan-private").arg("wan", wan.to_string()))
                    .fix(Text::new("reach-fix-cgnat"))
                    .detail(format!("router WAN {wan}, seen from outside as {public}")),
            );
        }
    }
    let public_s = public.to_string();
    let listed = a
        .iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let dyndns = Text::new("reach-fix-dyndns");
    if a.is_empty() {
        return Outcome::Failed(
            Finding::new(Text::new("reach-dns-a-missing"))
                .fix(match plan {
                    AddressPlan::Dynamic | AddressPlan::DynDns => dyndns,
                    _ => Text::new("reach-fix-a-set").arg("public", public_s),
                })
                .detail(format!("public {public}")),
        );
    }
    if !a.contains(&public) {
        let fix = match plan {
            AddressPlan::Dynamic => dyndns,
            AddressPlan::DynDns => Text::new("reach-fix-dyndns-check"),
            _ => Text::new("reach-fix-a-change").arg("public", public_s.clone()),
        };
        return Outcome::Failed(
            Finding::new(
                Text::new("reach-dns-a-differs")
                    .arg("dns", listed)
                    .arg("public", public_s),
            )
            .fix(fix),
        );
    }
    if a.len() > 1 {
        // The validator picks one of them; the others lead elsewhere.
        return Outcome::Failed(
            Finding::new(Text::new("reach-dns-a-extra").arg("dns", listed))
                .fix(Text::new("reach-fix-a-only").arg("public", public_s)),
        );
    }
    match plan {
        AddressPlan::Dynamic => Outcome::Warning(
            Finding::new(Text::new("reach-dns-a-matches-dynamic").arg("public", public_s))
                .fix(dyndns),
        ),
        _ => Outcome::Passed(Finding::new(
            Text::new("reach-dns-a-matches").arg("public", public_s),
        )),
    }
}

/// The data Let's Encrypt's HTTP-01 validation depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ValidationInputs {
    pub a: Vec<Ipv4Addr>,
    pub aaaa: Vec<Ipv6Addr>,
    pub public_v4: Option<Ipv4Addr>,
    /// This server's own public IPv6 address(es).
    pub public_v6: Vec<Ipv6Addr>,
    /// The result of connecting to the first A / AAAA address from outside;
    /// `None` when it could not be tried.
    pub probe_v4: Option<FamilyProbe>,
    pub probe_v6: Option<FamilyProbe>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prediction {
    Valid {
        via: Family,
    },
    Fails {
        via: Family,
    },
    /// Not enough was probed to tell.
    Unknown,
}

/// Let's Encrypt connects to the AAAA address first and uses IPv4 only when
/// that connection fails (refused, timeout, unreachable). If anything answers
/// on IPv6 port 80, that answer is final, however wrong it is.
pub fn predict_validation(i: &ValidationInputs) -> (Prediction, Outcome) {
    let Some(v6) = i.aaaa.first() else {
        return predict_v4(i);
    };
    let addr = v6.to_string();
    let ours = i.public_v6.contains(v6);
    match &i.probe_v6 {
        Some(FamilyProbe::TokenServed) => (
            Prediction::Valid { via: Family::V6 },
            Outcome::Passed(Finding::new(Text::new("reach-v6-ok").arg("address", addr))),
        ),
        Some(FamilyProbe::Answered { status, server }) => (
            Prediction::Fails { via: Family::V6 },
            Outcome::Failed(
                Finding::new(
                    Text::new("reach-v6-answered")
                        .arg("address", addr.clone())
                        .num("status", status)
                        .arg("server", server.clone().unwrap_or_else(|| "-".into())),
                )
                .fix(Text::new("reach-fix-v6-answered").arg("address", addr)),
            ),
        ),
        Some(p) if p.connection_failed() => {
            let why = if ours {
                "reach-v6-fallback"
            } else {
                "reach-v6-fallback-router"
            };
            let note = Text::new(why).arg("address", addr);
            explain_fallback(predict_v4(i), note, format!("IPv6 {v6}: {p:?}"))
        }
        _ => {
            // Untested: say what is likely. Our own server's address has
            // traefik on port 80; another address (the router's, as FRITZ!Box
            // DynDNS publishes it) normally drops inbound IPv6.
            if ours {
                let f = Finding::new(
                    Text::new("reach-v6-untested-server").arg("address", addr.clone()),
                )
                .fix(Text::new("reach-fix-v6-answered").arg("address", addr))
                .overridable();
                (Prediction::Unknown, Outcome::Warning(f))
            } else {
                let note = Text::new("reach-v6-untested-router").arg("address", addr);
                match predict_v4(i) {
                    (p, Outcome::Passed(f)) => {
                        let f = Finding { summary: note, ..f }.overridable();
                        (p, Outcome::Warning(f))
                    }
                    other => other,
                }
            }
        }
    }
}

/// IPv6 failed to connect, so the IPv4 result decides; when it passes, the
/// summary says why the AAAA record did no harm.
fn explain_fallback(v4: (Prediction, Outcome), note: Text, why: String) -> (Prediction, Outcome) {
    let add = |f: Finding| {
        let detail = match &f.detail {
            Some(d) => format!("{why}; {d}"),
            None => why.clone(),
        };
        f.detail(detail)
    };
    match v4 {
        (p, Outcome::Passed(f)) => (p, Outcome::Passed(add(Finding { summary: note, ..f }))),
        (p, Outcome::Warning(f)) => (p, Outcome::Warning(add(f))),
        (p, Outcome::Failed(f)) => (p, Outcome::Failed(add(f))),
    }
}

fn predict_v4(i: &ValidationInputs) -> (Prediction, Outcome) {
    let Some(v4) = i.a.first() else {
        let fix = match i.public_v4 {
            Some(p) => Text::new("reach-fix-a-set").arg("public", p.to_string()),
            None => Text::new("reach-fix-cgnat"),
        };
        return (
            Prediction::Fails { via: Family::V4 },
            Outcome::Failed(Finding::new(Text::new("reach-dns-a-missing")).fix(fix)),
        );
    };
    let addr = v4.to_string();
    match &i.probe_v4 {
        Some(FamilyProbe::TokenServed) => (
            Prediction::Valid { via: Family::V4 },
            Outcome::Passed(Finding::new(Text::new("reach-v4-ok").arg("address", addr))),
        ),
        Some(p) => {
            let f = Finding::new(Text::new("reach-v4-fails").arg("address", addr))
                .fix(Text::new("reach-fix-v4-forward"))
                .detail(format!("{} {v4}: {p:?}", Family::V4.tag()));
            (Prediction::Fails { via: Family::V4 }, Outcome::Failed(f))
        }
        None => (
            Prediction::Unknown,
            Outcome::Warning(
                Finding::new(Text::new("reach-v4-untested").arg("address", addr)).overridable(),
            ),
        ),
    }
}
