//! DNS findings: the io layer gathers raw answers into a `DnsReport`; this
//! module decides, without any network, what they mean for the practice.

mod addr;
mod caa;
#[cfg(test)]
mod tests;

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

use crate::core::model::check::{CheckId, Finding, Outcome, Text};

pub use caa::LETSENCRYPT;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LookupError {
    /// The name does not exist at all (NXDOMAIN).
    NxDomain,
    /// The name exists, but has no records of the type asked for.
    NoRecords,
    ServFail,
    Refused,
    Timeout,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaaRecord {
    pub critical: bool,
    pub tag: String,
    pub value: String,
}

/// The CAA record set that applies to the name (RFC 8659: the first one
/// found climbing from the name towards the root), and where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaaSet {
    pub owner: String,
    pub records: Vec<CaaRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsReport {
    pub name: String,
    /// The CNAME targets in order, without `name` itself. A target that
    /// repeats `name` or an earlier target marks a loop; the walk stops there.
    pub cname_chain: Vec<String>,
    pub a: Result<Vec<Ipv4Addr>, LookupError>,
    pub aaaa: Result<Vec<Ipv6Addr>, LookupError>,
    /// `Ok(None)`: no CAA set anywhere up to the top-level domain.
    pub caa: Result<Option<CaaSet>, LookupError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delegation {
    Delegated {
        nameservers: Vec<String>,
    },
    /// `NxDomain`: nobody registered the domain; `NoRecords`: the name
    /// exists but has no nameservers of its own.
    Error(LookupError),
}

pub fn classify(report: &DnsReport) -> Vec<(CheckId, Outcome)> {
    vec![
        (CheckId::DnsA, classify_a(report)),
        (CheckId::DnsAaaa, classify_aaaa(report)),
        (CheckId::DnsCname, classify_cname(report)),
        (CheckId::DnsCaa, classify_caa(report)),
    ]
}

pub fn delegation_outcome(registered: &str, delegation: &Delegation) -> Outcome {
    let text = |id: &str| Text::new(id).arg("domain", registered);
    match delegation {
        Delegation::Delegated { nameservers } if !nameservers.is_empty() => Outcome::Passed(
            Finding::new(text("dns-delegation-ok").arg("nameservers", nameservers.join(", "))),
        ),
        Delegation::Delegated { .. } | Delegation::Error(LookupError::NoRecords) => {
            Outcome::Failed(
                Finding::new(text("dns-delegation-no-ns"))
                    .fix(text("dns-delegation-no-ns-fix"))
                    .detail(format!("NS {registered}: no records")),
            )
        }
        Delegation::Error(LookupError::NxDomain) => {
            let tld = registered
                .trim_end_matches('.')
                .rsplit('.')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            // SWITCH runs .ch and .li and accredits the registrars for both.
            let fix = if tld == "ch" || tld == "li" {
                text("dns-delegation-register-switch")
            } else {
                text("dns-delegation-register-nic").arg("tld", tld)
            };
            Outcome::Failed(
                Finding::new(text("dns-delegation-not-registered"))
                    .fix(fix)
                    .detail(format!("NS {registered}: NXDOMAIN")),
            )
        }
        Delegation::Error(LookupError::ServFail) => Outcome::Failed(
            Finding::new(text("dns-delegation-servfail"))
                .fix(text("dns-delegation-servfail-fix"))
                .detail(format!("NS/SOA {registered}: SERVFAIL")),
        ),
        Delegation::Error(err) => lookup_failure("NS/SOA", registered, err, true),
    }
}

/// A lookup that got no usable answer. `fails` says whether this check
/// cannot pass without the answer; otherwise it is only a warning.
fn lookup_failure(rtype: &str, name: &str, err: &LookupError, fails: bool) -> Outcome {
    let text = |id: &str| Text::new(id).arg("name", name);
    let (id, overridable) = match err {
        LookupError::NxDomain | LookupError::NoRecords => ("dns-lookup-other", true),
        // Broken nameservers look the same from Let's Encrypt's side.
        LookupError::ServFail => ("dns-lookup-servfail", false),
        // A silent or refusing resolver is often only the local one: the
        // view from the internet may well be fine.
        LookupError::Refused => ("dns-lookup-refused", true),
        LookupError::Timeout => ("dns-lookup-timeout", true),
        LookupError::Other(_) => ("dns-lookup-other", true),
    };
    let detail = match err {
        LookupError::Other(message) => format!("{rtype} {name}: {message}"),
        other => format!("{rtype} {name}: {other:?}"),
    };
    let finding = Finding::new(text(id))
        .fix(text(&format!("{id}-fix")))
        .detail(detail);
    match (fails, overridable) {
        (false, _) => Outcome::Warning(finding),
        (true, true) => Outcome::Failed(finding.overridable()),
        (true, false) => Outcome::Failed(finding),
    }
}

fn join<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn classify_a(report: &DnsReport) -> Outcome {
    let name = report.name.as_str();
    let text = |id: &str| Text::new(id).arg("name", name);
    let missing = |id: &str, what: &str| {
        Outcome::Failed(
            Finding::new(text(id))
                .fix(text("dns-a-missing-fix"))
                .detail(format!("A {name}: {what}")),
        )
    };
    match &report.a {
        Ok(addrs) if addrs.is_empty() => missing("dns-a-none", "no records"),
        Ok(addrs) => match addrs.iter().find_map(|ip| addr::v4(*ip).map(|k| (ip, k))) {
            // Overridable: behind split-horizon DNS the practice's own
            // resolver may answer with the inside address on purpose.
            Some((ip, kind)) => Outcome::Failed(
                Finding::new(
                    text("dns-a-not-public")
                        .arg("address", ip.to_string())
                        .arg("kind", kind.kind()),
                )
                .fix(text("dns-a-not-public-fix").arg("kind", kind.kind()))
                .detail(format!("A {name}: {}", join(addrs)))
                .overridable(),
            ),
            None => Outcome::Passed(
                Finding::new(text("dns-a-ok").arg("addresses", join(addrs)))
                    .detail(format!("A {name}: {}", join(addrs))),
            ),
        },
        Err(LookupError::NxDomain) => missing("dns-a-nxdomain", "NXDOMAIN"),
        Err(LookupError::NoRecords) => missing("dns-a-none", "no records"),
        Err(err) => lookup_failure("A", name, err, true),
    }
}

fn classify_aaaa(report: &DnsReport) -> Outcome {
    let name = report.name.as_str();
    let text = |id: &str| Text::new(id).arg("name", name);
    match &report.aaaa {
        Ok(addrs) if !addrs.is_empty() => {
            let detail = format!("AAAA {name}: {}", join(addrs));
            match addrs.iter().find_map(|ip| addr::v6(*ip).map(|k| (ip, k))) {
                Some((ip, kind)) => Outcome::Failed(
                    Finding::new(
                        text("dns-aaaa-not-public")
                            .arg("address", ip.to_string())
                            .arg("kind", kind.kind()),
                    )
                    .fix(text("dns-aaaa-not-public-fix"))
                    .detail(detail)
                    .overridable(),
                ),
                // Not an error: Let's Encrypt falls back to IPv4 when the
                // IPv6 connection fails, and the reachability step finds out
                // what really answers there.
                None => Outcome::Warning(
                    Finding::new(text("dns-aaaa-public").arg("addresses", join(addrs)))
                        .fix(text("dns-aaaa-public-fix"))
                        .detail(detail),
                ),
            }
        }
        Ok(_) | Err(LookupError::NoRecords) | Err(LookupError::NxDomain) => {
            Outcome::Passed(Finding::new(text("dns-aaaa-none")))
        }
        // Let's Encrypt goes on with IPv4 when only the IPv6 lookup fails.
        Err(err) => lookup_failure("AAAA", name, err, false),
    }
}

fn classify_cname(report: &DnsReport) -> Outcome {
    let name = report.name.as_str();
    let chain = &report.cname_chain;
    let Some(last) = chain.last() else {
        return Outcome::Passed(Finding::new(Text::new("dns-cname-none").arg("name", name)));
    };
    let shown = std::iter::once(name)
        .chain(chain.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" → ");
    let text = |id: &str| Text::new(id).arg("name", name).arg("chain", shown.clone());
    let detail = format!("CNAME {shown}");
    let earlier = &chain[..chain.len() - 1];
    let same = |other: &str| other.eq_ignore_ascii_case(last);
    if same(name) || earlier.iter().any(|n| same(n)) {
        return Outcome::Failed(
            Finding::new(text("dns-cname-loop"))
                .fix(text("dns-cname-loop-fix"))
                .detail(detail),
        );
    }
    // Only a clean "nothing there" proves a dead end; a failed lookup is
    // the A check's business.
    if nothing(&report.a) && nothing(&report.aaaa) {
        return Outcome::Failed(
            Finding::new(text("dns-cname-dead-end").arg("target", last.clone()))
                .fix(text("dns-cname-dead-end-fix").arg("target", last.clone()))
                .detail(detail),
        );
    }
    Outcome::Passed(Finding::new(text("dns-cname-chain")).detail(detail))
}

fn nothing<T>(result: &Result<Vec<T>, LookupError>) -> bool {
    match result {
        Ok(v) => v.is_empty(),
        Err(e) => matches!(e, LookupError::NxDomain | LookupError::NoRecords),
    }
}

fn classify_caa(report: &DnsReport) -> Outcome {
    let name = report.name.as_str();
    let set = match &report.caa {
        Ok(Some(set)) => set,
        // An empty answer anywhere on the way up means no CAA set.
        Ok(None) | Err(LookupError::NxDomain | LookupError::NoRecords) => {
            return Outcome::Passed(Finding::new(Text::new("dns-caa-none").arg("name", name)));
        }
        // Let's Encrypt refuses to issue when it cannot read CAA; but the
        // failure may be our resolver's only, so the person may go on.
        Err(err) => {
            return match lookup_failure("CAA", name, err, true) {
                Outcome::Failed(f) => Outcome::Failed(f.overridable()),
                other => other,
            };
        }
    };
    let owner = set.owner.as_str();
    let text = |id: &str| Text::new(id).arg("name", name).arg("owner", owner);
    let add = || Text::new("dns-caa-add-fix").arg("owner", owner);
    let detail = set
        .records
        .iter()
        .map(|r| {
            let flags = if r.critical { 128 } else { 0 };
            format!("{owner} CAA {flags} {} \"{}\"", r.tag, r.value)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let finding = |summary: Text| Finding::new(summary).detail(detail.clone());
    match caa::evaluate(set) {
        caa::Verdict::NoIssue => Outcome::Passed(finding(text("dns-caa-no-issue"))),
        caa::Verdict::Allows => Outcome::Passed(finding(text("dns-caa-allows"))),
        caa::Verdict::AllowsOneAccount => Outcome::Warning(
            finding(text("dns-caa-one-account"))
                .fix(Text::new("dns-caa-one-account-fix").arg("owner", owner)),
        ),
        // Not overridable: Let's Encrypt obeys CAA, trying only burns the
        // hourly limit on failed validations.
        caa::Verdict::MethodExcluded => Outcome::Failed(finding(text("dns-caa-method")).fix(add())),
        caa::Verdict::Denies { issuers } if issuers.is_empty() => {
            Outcome::Failed(finding(text("dns-caa-denies-all")).fix(add()))
        }
        caa::Verdict::Denies { issuers } => Outcome::Failed(
            finding(text("dns-caa-denies").arg("issuers", issuers.join(", "))).fix(add()),
        ),
        caa::Verdict::UnknownCritical { tag } => Outcome::Failed(
            finding(text("dns-caa-critical").arg("tag", tag.clone())).fix(
                Text::new("dns-caa-critical-fix")
                    .arg("owner", owner)
                    .arg("tag", tag),
            ),
        ),
    }
}
