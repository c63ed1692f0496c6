//! The name looked up again right before an order: a validation that is
//! bound to fail still counts against Let's Encrypt's limit of five failed
//! validations an hour, so an entry that moved since the DNS step stops
//! the order before it is placed.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr};

use crate::core::library::dns::{DnsReport, LookupError};
use crate::core::model::check::{Finding, Text};
use crate::core::model::network::NetworkState;

/// Why the order must not be placed, or `None` when the name still points
/// where the DNS step found it and, where the practice's public address
/// could be asked again (`public_now`), at that address too.
pub fn moved(
    net: &NetworkState,
    report: &DnsReport,
    public_now: Option<Ipv4Addr>,
) -> Option<Finding> {
    let addresses = |a: &[Ipv4Addr], aaaa: &[std::net::Ipv6Addr]| -> BTreeSet<IpAddr> {
        a.iter()
            .map(|ip| IpAddr::V4(*ip))
            .chain(aaaa.iter().map(|ip| IpAddr::V6(*ip)))
            .collect()
    };
    let (a, aaaa) = match (found(&report.a), found(&report.aaaa)) {
        (Ok(a), Ok(aaaa)) => (a, aaaa),
        (Err(e), _) | (_, Err(e)) => {
            return Some(
                Finding::new(Text::new("cert-recheck-lookup-failed").arg("host", &report.name))
                    .fix(Text::new("cert-recheck-lookup-failed-fix"))
                    .detail(format!("{e:?}")),
            );
        }
    };
    let before = addresses(&net.dns_a, &net.dns_aaaa);
    let now = addresses(&a, &aaaa);
    if before == now {
        return address_changed(net, &report.name, &a, public_now);
    }
    let list = |set: &BTreeSet<IpAddr>| {
        set.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = if now.is_empty() {
        Text::new("cert-recheck-gone")
    } else {
        Text::new("cert-recheck-moved").arg("now", list(&now))
    };
    Some(
        Finding::new(
            summary
                .arg("host", &report.name)
                .arg("before", list(&before)),
        )
        .fix(Text::new("cert-recheck-moved-fix")),
    )
}

/// The name did not move, but the practice did: its public address is no
/// longer the one the port-forwarding step found, and the name did not
/// follow (a lapsed DynDNS entry, a new address from the provider). Only a
/// change since that step counts: a name that never matched (a second
/// router in front, passed over on that step) was her decision then.
fn address_changed(
    net: &NetworkState,
    host: &str,
    a_now: &[Ipv4Addr],
    public_now: Option<Ipv4Addr>,
) -> Option<Finding> {
    let (Some(now), Some(then)) = (public_now, net.public_v4) else {
        return None;
    };
    if now == then || a_now.contains(&now) || !a_now.contains(&then) {
        return None;
    }
    Some(
        Finding::new(
            Text::new("cert-recheck-public-moved")
                .arg("host", host)
                .arg("public", now.to_string())
                .arg("before", then.to_string()),
        )
        .fix(Text::new("cert-recheck-public-moved-fix")),
    )
}

/// No record of a type is an empty list; only a failed lookup is an error.
fn found<T: Clone>(r: &Result<Vec<T>, LookupError>) -> Result<Vec<T>, LookupError> {
    match r {
        Ok(list) => Ok(list.clone()),
        Err(LookupError::NoRecords | LookupError::NxDomain) => Ok(Vec::new()),
        Err(e) => Err(e.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn report(a: Result<Vec<Ipv4Addr>, LookupError>, aaaa: Vec<Ipv6Addr>) -> DnsReport {
        DnsReport {
            name: "termine.praxis.ch".into(),
            cname_chain: vec![],
            a,
            aaaa: if aaaa.is_empty() {
                Err(LookupError::NoRecords)
            } else {
                Ok(aaaa)
            },
            caa: Ok(None),
        }
    }

    fn net() -> NetworkState {
        NetworkState {
            dns_a: vec![Ipv4Addr::new(198, 51, 100, 4)],
            public_v4: Some(Ipv4Addr::new(198, 51, 100, 4)),
            ..NetworkState::default()
        }
    }

    #[test]
    fn an_unchanged_name_orders() {
        assert_eq!(
            moved(
                &net(),
                &report(Ok(vec![Ipv4Addr::new(198, 51, 100, 4)]), vec![]),
                Some(Ipv4Addr::new(198, 51, 100, 4)),
            ),
            None
        );
    }

    #[test]
    fn a_lapsed_dyndns_entry_stops_the_order_with_both_addresses() {
        let f = moved(
            &net(),
            &report(Ok(vec![Ipv4Addr::new(203, 0, 113, 9)]), vec![]),
            None,
        )
        .unwrap();
        assert_eq!(f.summary.id, "cert-recheck-moved");
        assert!(
            f.summary
                .args
                .contains(&("now".into(), "203.0.113.9".into()))
        );
        assert!(
            f.summary
                .args
                .contains(&("before".into(), "198.51.100.4".into()))
        );
    }

    #[test]
    fn a_new_ipv6_entry_counts_as_a_move() {
        let v6: Ipv6Addr = "2001:db8::4".parse().unwrap();
        let f = moved(
            &net(),
            &report(Ok(vec![Ipv4Addr::new(198, 51, 100, 4)]), vec![v6]),
            None,
        )
        .unwrap();
        assert!(
            f.summary
                .args
                .iter()
                .any(|(_, v)| v.to_string().contains("2001:db8::4"))
        );
    }

    #[test]
    fn a_vanished_entry_and_a_failed_lookup_stop_too() {
        let f = moved(&net(), &report(Err(LookupError::NxDomain), vec![]), None).unwrap();
        assert_eq!(f.summary.id, "cert-recheck-gone");
        let f = moved(&net(), &report(Err(LookupError::Timeout), vec![]), None).unwrap();
        assert_eq!(f.summary.id, "cert-recheck-lookup-failed");
    }

    /// The name still says 198.51.100.4, but the provider gave the practice
    /// a new address overnight and the DynDNS update did not follow.
    #[test]
    fn a_new_public_address_the_name_did_not_follow_stops_the_order() {
        let name = report(Ok(vec![Ipv4Addr::new(198, 51, 100, 4)]), vec![]);
        let f = moved(&net(), &name, Some(Ipv4Addr::new(203, 0, 113, 50))).unwrap();
        assert_eq!(f.summary.id, "cert-recheck-public-moved");
        let args = &f.summary.args;
        assert!(args.contains(&("public".into(), "203.0.113.50".into())));
        assert!(args.contains(&("before".into(), "198.51.100.4".into())));
        assert_eq!(f.fix.unwrap().id, "cert-recheck-public-moved-fix");
    }

    #[test]
    fn an_address_nobody_could_tell_or_that_never_matched_lets_the_order_go() {
        let name = report(Ok(vec![Ipv4Addr::new(198, 51, 100, 4)]), vec![]);
        assert_eq!(moved(&net(), &name, None), None);
        // A name that followed the new address is fine.
        let followed = report(Ok(vec![Ipv4Addr::new(203, 0, 113, 50)]), vec![]);
        let mut n = net();
        n.dns_a = vec![Ipv4Addr::new(203, 0, 113, 50)];
        assert_eq!(
            moved(&n, &followed, Some(Ipv4Addr::new(203, 0, 113, 50))),
            None
        );
        // A second router in front: the name never pointed at the address
        // discovery sees, and she went on with that on step 5.
        let mut behind = net();
        behind.public_v4 = Some(Ipv4Addr::new(100, 64, 0, 7));
        assert_eq!(
            moved(&behind, &name, Some(Ipv4Addr::new(100, 64, 0, 8))),
            None
        );
    }
}
