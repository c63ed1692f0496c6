//! The DNS checks against a real authoritative server (knotd) on loopback:
//! what `io::dns` gathers, and what `core::library::dns` makes of it.

mod support;

use std::time::{Duration, Instant};

use praxis_tls::core::library::dns::{self, CaaRecord, Delegation, DnsReport, LookupError};
use praxis_tls::core::{CheckId, Outcome};
use praxis_tls::io::dns::{DnsConfig, check_delegation, resolve};

fn cfg(knot: &support::knot::Knot) -> DnsConfig {
    DnsConfig {
        server: Some(knot.addr),
        timeout: Duration::from_secs(3),
    }
}

fn outcome(report: &DnsReport, id: CheckId) -> Outcome {
    dns::classify(report)
        .into_iter()
        .find(|(i, _)| *i == id)
        .map(|(_, o)| o)
        .expect("every DNS check has an outcome")
}

/// The summary id and whether the check may be passed over, for a compact
/// assertion.
fn verdict(o: &Outcome) -> (&'static str, &str, bool) {
    match o {
        Outcome::Passed(f) => ("passed", f.summary.id.as_str(), f.can_override),
        Outcome::Warning(f) => ("warning", f.summary.id.as_str(), f.can_override),
        Outcome::Failed(f) => ("failed", f.summary.id.as_str(), f.can_override),
    }
}

#[tokio::test]
async fn a_and_aaaa_with_caa_on_the_parent() {
    let knot = support::lab::start();
    let r = resolve(&cfg(&knot), "termine.praxis-muster.ch").await;
    assert_eq!(r.name, "termine.praxis-muster.ch");
    assert_eq!(r.a, Ok(vec!["203.0.113.10".parse().unwrap()]));
    assert_eq!(r.aaaa, Ok(vec!["2001:db8::10".parse().unwrap()]));
    assert!(r.cname_chain.is_empty());
    let caa = r.caa.clone().unwrap().expect("CAA set on the parent");
    assert_eq!(caa.owner, "praxis-muster.ch");
    assert!(caa.records.contains(&CaaRecord {
        critical: false,
        tag: "issue".into(),
        value: "letsencrypt.org".into()
    }));

    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("passed", "dns-a-ok", false)
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsAaaa)),
        ("warning", "dns-aaaa-public", false)
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCname)),
        ("passed", "dns-cname-none", false)
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCaa)),
        ("passed", "dns-caa-allows", false)
    );
}

#[tokio::test]
async fn inside_addresses_and_missing_records() {
    let knot = support::lab::start();
    let cfg = cfg(&knot);
    let r = resolve(&cfg, "intern.praxis-muster.ch").await;
    assert_eq!(r.a, Ok(vec!["192.168.1.20".parse().unwrap()]));
    assert_eq!(r.aaaa, Err(LookupError::NoRecords));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("failed", "dns-a-not-public", true)
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsAaaa)),
        ("passed", "dns-aaaa-none", false)
    );

    let r = resolve(&cfg, "ula.praxis-muster.ch").await;
    assert_eq!(r.aaaa, Ok(vec!["fd00::20".parse().unwrap()]));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsAaaa)),
        ("failed", "dns-aaaa-not-public", true)
    );

    let r = resolve(&cfg, "leer.praxis-muster.ch").await;
    assert_eq!(r.a, Err(LookupError::NoRecords));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("failed", "dns-a-none", false)
    );
}

#[tokio::test]
async fn a_truncated_answer_is_fetched_over_tcp() {
    let knot = support::lab::start();
    let r = resolve(&cfg(&knot), "viele.praxis-muster.ch").await;
    assert_eq!(r.a.map(|a| a.len()), Ok(120));
}

#[tokio::test]
async fn cname_chain_across_zones() {
    let knot = support::lab::start();
    let r = resolve(&cfg(&knot), "termine.praxis-cname.ch").await;
    assert_eq!(
        r.cname_chain,
        vec!["dyn.praxis-cname.ch", "host.dyndns-lab.ch"]
    );
    assert_eq!(r.a, Ok(vec!["203.0.113.30".parse().unwrap()]));
    // No CAA anywhere up to `ch`: any CA may issue.
    assert_eq!(r.caa, Ok(None));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("passed", "dns-a-ok", false)
    );
    let cname = outcome(&r, CheckId::DnsCname);
    assert_eq!(verdict(&cname), ("passed", "dns-cname-chain", false));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCaa)),
        ("passed", "dns-caa-none", false)
    );
}

#[tokio::test]
async fn cname_loop_and_dead_end() {
    let knot = support::lab::start();
    let cfg = cfg(&knot);
    let r = resolve(&cfg, "kreis1.praxis-cname.ch").await;
    assert_eq!(
        r.cname_chain,
        vec!["kreis2.praxis-cname.ch", "kreis1.praxis-cname.ch"]
    );
    assert!(r.a.is_err(), "{:?}", r.a);
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCname)),
        ("failed", "dns-cname-loop", false)
    );

    let r = resolve(&cfg, "sackgasse.praxis-cname.ch").await;
    assert_eq!(r.cname_chain, vec!["nirgends.dyndns-lab.ch"]);
    assert!(
        matches!(r.a, Err(LookupError::NxDomain | LookupError::NoRecords)),
        "{:?}",
        r.a
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCname)),
        ("failed", "dns-cname-dead-end", false)
    );
}

#[tokio::test]
async fn caa_on_the_parent_denies() {
    let knot = support::lab::start();
    let cfg = cfg(&knot);
    let r = resolve(&cfg, "termine.praxis-streng.ch").await;
    let caa = r.caa.clone().unwrap().expect("CAA set on the parent");
    assert_eq!(caa.owner, "praxis-streng.ch");
    let o = outcome(&r, CheckId::DnsCaa);
    assert_eq!(verdict(&o), ("failed", "dns-caa-denies", false));
    let Outcome::Failed(f) = o else {
        unreachable!()
    };
    let fix = f.fix.expect("says which record to add");
    assert_eq!(fix.id, "dns-caa-add-fix");
    assert_eq!(
        fix.args,
        vec![("owner".to_string(), "praxis-streng.ch".into())]
    );

    // The closest set wins: the name's own CAA overrides the parent's.
    let r = resolve(&cfg, "erlaubt.praxis-streng.ch").await;
    assert_eq!(
        r.caa.clone().unwrap().unwrap().owner,
        "erlaubt.praxis-streng.ch"
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCaa)),
        ("passed", "dns-caa-allows", false)
    );

    let r = resolve(&cfg, "kritisch.praxis-streng.ch").await;
    assert_eq!(
        r.caa.clone().unwrap().unwrap().records,
        vec![CaaRecord {
            critical: true,
            tag: "tbs".into(),
            value: "unbekannt".into()
        }]
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCaa)),
        ("failed", "dns-caa-critical", false)
    );
}

#[tokio::test]
async fn nxdomain_name_and_unregistered_domain() {
    let knot = support::lab::start();
    let cfg = cfg(&knot);
    let r = resolve(&cfg, "termine.gibt-es-nicht.ch").await;
    assert_eq!(r.a, Err(LookupError::NxDomain));
    assert_eq!(r.caa, Ok(None));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("failed", "dns-a-nxdomain", false)
    );

    let d = check_delegation(&cfg, "gibt-es-nicht.ch").await;
    assert_eq!(d, Delegation::Error(LookupError::NxDomain));
    let o = dns::delegation_outcome("gibt-es-nicht.ch", &d);
    assert_eq!(
        verdict(&o),
        ("failed", "dns-delegation-not-registered", false)
    );
    let Outcome::Failed(f) = o else {
        unreachable!()
    };
    assert_eq!(f.fix.unwrap().id, "dns-delegation-register-switch");
}

#[tokio::test]
async fn delegation_of_a_registered_domain() {
    let knot = support::lab::start();
    let d = check_delegation(&cfg(&knot), "praxis-muster.ch").await;
    assert_eq!(
        d,
        Delegation::Delegated {
            nameservers: vec!["ns.praxis-muster.ch".into()]
        }
    );
    let o = dns::delegation_outcome("praxis-muster.ch", &d);
    assert_eq!(verdict(&o), ("passed", "dns-delegation-ok", false));
}

#[tokio::test]
async fn broken_zone_answers_servfail_without_waiting() {
    let knot = support::lab::start();
    let cfg = cfg(&knot);
    let started = Instant::now();
    let d = check_delegation(&cfg, "kaputt.ch").await;
    assert_eq!(d, Delegation::Error(LookupError::ServFail));
    assert_eq!(
        verdict(&dns::delegation_outcome("kaputt.ch", &d)),
        ("failed", "dns-delegation-servfail", false)
    );

    let r = resolve(&cfg, "termine.kaputt.ch").await;
    assert_eq!(r.a, Err(LookupError::ServFail));
    assert_eq!(r.aaaa, Err(LookupError::ServFail));
    assert_eq!(r.caa, Err(LookupError::ServFail));
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("failed", "dns-lookup-servfail", false)
    );
    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsCaa)),
        ("failed", "dns-lookup-servfail", true)
    );
    // A SERVFAIL is an answer: it must not be retried into a timeout.
    assert!(
        started.elapsed() < cfg.timeout,
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_silent_server_times_out() {
    let silent = support::knot::Silent::start();
    let cfg = DnsConfig {
        server: Some(silent.addr),
        timeout: Duration::from_millis(600),
    };
    let started = Instant::now();
    let (r, d) = tokio::join!(
        resolve(&cfg, "termine.praxis-muster.ch"),
        check_delegation(&cfg, "praxis-muster.ch")
    );
    let elapsed = started.elapsed();
    assert_eq!(r.a, Err(LookupError::Timeout));
    assert_eq!(r.aaaa, Err(LookupError::Timeout));
    assert_eq!(r.caa, Err(LookupError::Timeout));
    assert!(r.cname_chain.is_empty());
    assert_eq!(d, Delegation::Error(LookupError::Timeout));
    // Everything runs at once, and the CAA climb stops at the first timeout.
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");

    assert_eq!(
        verdict(&outcome(&r, CheckId::DnsA)),
        ("failed", "dns-lookup-timeout", true)
    );
    assert_eq!(
        verdict(&dns::delegation_outcome("praxis-muster.ch", &d)),
        ("failed", "dns-lookup-timeout", true)
    );
}
