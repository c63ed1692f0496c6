//! DNS lookups for the domain and DNS steps. Gathers raw answers only; what
//! they mean is decided by `core::library::dns`.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::lookup::Lookup;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};

use crate::core::library::dns::{CaaRecord, CaaSet, Delegation, DnsReport, LookupError};

/// More CNAME hops than any sane setup has; resolvers give up around here.
const MAX_CNAME_HOPS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsConfig {
    /// `None`: the resolvers in the system's resolv.conf.
    pub server: Option<SocketAddr>,
    /// The limit for each single lookup.
    pub timeout: Duration,
}

impl Default for DnsConfig {
    fn default() -> Self {
        DnsConfig {
            server: None,
            timeout: Duration::from_secs(5),
        }
    }
}

/// Builds a fresh resolver for every check, so that "check again" never
/// sees an answer cached from before the person fixed their records.
fn resolver(cfg: &DnsConfig) -> Result<TokioResolver, LookupError> {
    let mut builder = match cfg.server {
        Some(addr) => {
            let mut udp = ConnectionConfig::udp();
            udp.port = addr.port();
            let mut tcp = ConnectionConfig::tcp();
            tcp.port = addr.port();
            let server = NameServerConfig::new(addr.ip(), true, vec![udp, tcp]);
            Resolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![server]),
                TokioRuntimeProvider::default(),
            )
            .with_options(ResolverOpts::default())
        }
        None => TokioResolver::builder_tokio().map_err(|e| {
            LookupError::Other(format!("cannot read the system's DNS configuration: {e}"))
        })?,
    };
    let opts = builder.options_mut();
    opts.timeout = cfg.timeout;
    // hickory would resend a SERVFAIL `attempts` more times and a silent
    // server would cost (attempts + 1) × timeout; UDP loss is already
    // covered by the client's own retransmissions within the timeout.
    opts.attempts = 0;
    // Let's Encrypt never sees this machine's /etc/hosts.
    opts.use_hosts_file = ResolveHosts::Never;
    builder
        .build()
        .map_err(|e| LookupError::Other(format!("cannot set up the DNS resolver: {e}")))
}

/// The name as an absolute name, so no search domain of resolv.conf is
/// appended to it.
fn fqdn(name: &str) -> Result<Name, LookupError> {
    let trimmed = name.trim().trim_end_matches('.');
    Name::from_ascii(format!("{trimmed}."))
        .map_err(|e| LookupError::Other(format!("{name}: not a DNS name: {e}")))
}

fn plain(name: &Name) -> String {
    name.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

fn map_error(err: &NetError) -> LookupError {
    match err {
        NetError::Dns(DnsError::NoRecordsFound(no)) => match no.response_code {
            ResponseCode::NXDomain => LookupError::NxDomain,
            ResponseCode::ServFail => LookupError::ServFail,
            ResponseCode::Refused => LookupError::Refused,
            _ => LookupError::NoRecords,
        },
        NetError::Dns(DnsError::ResponseCode(ResponseCode::ServFail)) => LookupError::ServFail,
        NetError::Dns(DnsError::ResponseCode(ResponseCode::Refused)) => LookupError::Refused,
        NetError::Timeout => LookupError::Timeout,
        other => LookupError::Other(other.to_string()),
    }
}

async fn query(
    resolver: &TokioResolver,
    name: &Name,
    rtype: RecordType,
    timeout: Duration,
) -> Result<Lookup, LookupError> {
    // hickory keeps its own deadline, but CNAME chasing can add rounds:
    // the outer limit is what the person waits at most per lookup.
    match tokio::time::timeout(timeout, resolver.lookup(name.clone(), rtype)).await {
        Err(_) => Err(LookupError::Timeout),
        Ok(Err(e)) => Err(map_error(&e)),
        Ok(Ok(lookup)) => Ok(lookup),
    }
}

/// The reverse-DNS (PTR) name of an address, through the configured
/// resolver: it names the provider of the line, which tells the router
/// it usually hands out.
pub async fn reverse_name(cfg: &DnsConfig, addr: std::net::IpAddr) -> Result<String, LookupError> {
    let resolver = resolver(cfg)?;
    let answer = query(&resolver, &Name::from(addr), RecordType::PTR, cfg.timeout).await;
    let names = collect(answer, |d| match d {
        RData::PTR(p) => Some(plain(&p.0)),
        _ => None,
    })?;
    names.into_iter().next().ok_or(LookupError::NoRecords)
}

/// The records of one kind in an answer, or `NoRecords` when the answer
/// held only others (a CNAME without its target, for one).
fn collect<T>(
    answer: Result<Lookup, LookupError>,
    pick: impl Fn(&RData) -> Option<T>,
) -> Result<Vec<T>, LookupError> {
    let found: Vec<T> = answer?
        .answers()
        .iter()
        .filter_map(|r| pick(&r.data))
        .collect();
    if found.is_empty() {
        Err(LookupError::NoRecords)
    } else {
        Ok(found)
    }
}

pub async fn check_delegation(cfg: &DnsConfig, registered: &str) -> Delegation {
    let (resolver, name) = match resolver(cfg).and_then(|r| Ok((r, fqdn(registered)?))) {
        Ok(pair) => pair,
        Err(e) => return Delegation::Error(e),
    };
    let (ns, soa) = tokio::join!(
        query(&resolver, &name, RecordType::NS, cfg.timeout),
        query(&resolver, &name, RecordType::SOA, cfg.timeout),
    );
    let nameservers = collect(ns, |data| match data {
        RData::NS(ns) => Some(plain(&ns.0)),
        _ => None,
    });
    // The NS set alone can come from the parent zone; only an SOA answer
    // shows that the domain's own nameservers serve it.
    let soa = collect(soa, |data| matches!(data, RData::SOA(_)).then_some(()));
    match (nameservers, soa) {
        (Ok(mut nameservers), Ok(_)) => {
            nameservers.sort();
            nameservers.dedup();
            Delegation::Delegated { nameservers }
        }
        (Err(e), _) | (Ok(_), Err(e)) => Delegation::Error(e),
    }
}

pub async fn resolve(cfg: &DnsConfig, name: &str) -> DnsReport {
    let plain_name = name.trim().trim_end_matches('.').to_ascii_lowercase();
    let (resolver, fq) = match resolver(cfg).and_then(|r| Ok((r, fqdn(name)?))) {
        Ok(pair) => pair,
        Err(e) => {
            return DnsReport {
                name: plain_name,
                cname_chain: Vec::new(),
                a: Err(e.clone()),
                aaaa: Err(e.clone()),
                caa: Err(e),
            };
        }
    };
    let t = cfg.timeout;
    let (a, aaaa, cname_chain, caa) = tokio::join!(
        async {
            collect(query(&resolver, &fq, RecordType::A, t).await, |d| match d {
                RData::A(a) => Some(a.0),
                _ => None,
            })
        },
        async {
            collect(
                query(&resolver, &fq, RecordType::AAAA, t).await,
                |d| match d {
                    RData::AAAA(aaaa) => Some(aaaa.0),
                    _ => None,
                },
            )
        },
        cname_chain(&resolver, &fq, t),
        relevant_caa(&resolver, &fq, t),
    );
    DnsReport {
        name: plain_name,
        cname_chain,
        a,
        aaaa,
        caa,
    }
}

/// Follows the CNAMEs one query at a time, so that the chain can be shown
/// and a loop is caught here rather than in the resolver's depth limit.
async fn cname_chain(resolver: &TokioResolver, name: &Name, timeout: Duration) -> Vec<String> {
    let start = plain(name);
    let mut chain: Vec<String> = Vec::new();
    let mut current = name.clone();
    for _ in 0..MAX_CNAME_HOPS {
        let Ok(answer) = query(resolver, &current, RecordType::CNAME, timeout).await else {
            break;
        };
        let Some(target) = answer.answers().iter().find_map(|r| match &r.data {
            RData::CNAME(cname) if plain(&r.name) == plain(&current) => Some(cname.0.clone()),
            _ => None,
        }) else {
            break;
        };
        let shown = plain(&target);
        let looped = shown == start || chain.contains(&shown);
        chain.push(shown);
        if looped {
            break;
        }
        current = target;
    }
    chain
}

/// RFC 8659 §3: the CAA set of the name itself or, if it has none, of the
/// closest parent that has one. The root is not asked.
async fn relevant_caa(
    resolver: &TokioResolver,
    name: &Name,
    timeout: Duration,
) -> Result<Option<CaaSet>, LookupError> {
    let mut current = name.clone();
    while !current.is_root() {
        match query(resolver, &current, RecordType::CAA, timeout).await {
            Ok(answer) => {
                let mut owner = None;
                let records: Vec<CaaRecord> = answer
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::CAA(caa) => {
                            // After a CNAME the set belongs to the target.
                            owner.get_or_insert_with(|| plain(&r.name));
                            Some(CaaRecord {
                                critical: caa.issuer_critical,
                                tag: caa.tag.clone(),
                                value: String::from_utf8_lossy(&caa.value).into_owned(),
                            })
                        }
                        _ => None,
                    })
                    .collect();
                if let Some(owner) = owner {
                    return Ok(Some(CaaSet { owner, records }));
                }
            }
            Err(LookupError::NxDomain | LookupError::NoRecords) => {}
            Err(e) => return Err(e),
        }
        current = current.base_name();
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_absolute_and_lowercase() {
        assert_eq!(
            fqdn("Termine.Praxis.ch").unwrap().to_ascii(),
            "Termine.Praxis.ch."
        );
        assert_eq!(
            fqdn("termine.praxis.ch.").unwrap().to_ascii(),
            "termine.praxis.ch."
        );
        assert_eq!(
            plain(&fqdn("Termine.Praxis.ch").unwrap()),
            "termine.praxis.ch"
        );
    }
}
