use super::*;
use crate::core::model::check::Outcome;

pub(super) fn report() -> DnsReport {
    DnsReport {
        name: "termine.praxis-muster.ch".into(),
        cname_chain: vec![],
        a: Ok(vec!["203.0.113.10".parse().unwrap()]),
        aaaa: Err(LookupError::NoRecords),
        caa: Ok(None),
    }
}

fn outcome(report: &DnsReport, id: CheckId) -> Outcome {
    let all = classify(report);
    assert_eq!(all.len(), 4, "every DNS check gets an outcome");
    all.into_iter()
        .find(|(i, _)| *i == id)
        .map(|(_, o)| o)
        .unwrap()
}

pub(super) fn finding(o: &Outcome) -> &Finding {
    match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => f,
    }
}

fn arg<'a>(t: &'a Text, name: &str) -> &'a str {
    t.args
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("{} has no ${name}", t.id))
}

#[track_caller]
fn passed(o: &Outcome, id: &str) {
    assert!(
        matches!(o, Outcome::Passed(f) if f.summary.id == id),
        "{o:?}"
    );
}

#[track_caller]
fn warning(o: &Outcome, id: &str) {
    assert!(
        matches!(o, Outcome::Warning(f) if f.summary.id == id),
        "{o:?}"
    );
}

#[track_caller]
fn failed(o: &Outcome, id: &str, overridable: bool) {
    match o {
        Outcome::Failed(f) => {
            assert_eq!(f.summary.id, id, "{o:?}");
            assert_eq!(f.can_override, overridable, "{o:?}");
            assert!(f.fix.is_some(), "a failure says what to do: {o:?}");
        }
        other => panic!("expected failure {id}, got {other:?}"),
    }
}

#[test]
fn a_public_passes_and_shows_addresses() {
    let mut r = report();
    r.a = Ok(vec![
        "203.0.113.10".parse().unwrap(),
        "198.51.100.7".parse().unwrap(),
    ]);
    let o = outcome(&r, CheckId::DnsA);
    passed(&o, "dns-a-ok");
    assert_eq!(
        arg(&finding(&o).summary, "addresses"),
        "203.0.113.10, 198.51.100.7"
    );
}

#[test]
fn a_missing_or_broken() {
    let mut r = report();
    r.a = Err(LookupError::NxDomain);
    failed(&outcome(&r, CheckId::DnsA), "dns-a-nxdomain", false);
    r.a = Err(LookupError::NoRecords);
    failed(&outcome(&r, CheckId::DnsA), "dns-a-none", false);
    r.a = Ok(vec![]);
    failed(&outcome(&r, CheckId::DnsA), "dns-a-none", false);
    r.a = Err(LookupError::ServFail);
    failed(&outcome(&r, CheckId::DnsA), "dns-lookup-servfail", false);
    r.a = Err(LookupError::Timeout);
    failed(&outcome(&r, CheckId::DnsA), "dns-lookup-timeout", true);
    r.a = Err(LookupError::Refused);
    failed(&outcome(&r, CheckId::DnsA), "dns-lookup-refused", true);
    r.a = Err(LookupError::Other("io error".into()));
    let o = outcome(&r, CheckId::DnsA);
    failed(&o, "dns-lookup-other", true);
    assert!(finding(&o).detail.as_deref().unwrap().contains("io error"));
}

#[test]
fn a_not_public() {
    let cases = [
        ("10.0.0.5", "private"),
        ("172.20.1.1", "private"),
        ("192.168.178.20", "private"),
        ("100.72.1.1", "cgnat"),
        ("127.0.1.1", "loopback"),
        ("169.254.10.10", "link-local"),
    ];
    for (ip, kind) in cases {
        let mut r = report();
        // One bad address among good ones is enough: Let's Encrypt may pick it.
        r.a = Ok(vec!["203.0.113.10".parse().unwrap(), ip.parse().unwrap()]);
        let o = outcome(&r, CheckId::DnsA);
        failed(&o, "dns-a-not-public", true);
        let f = finding(&o);
        assert_eq!(arg(&f.summary, "address"), ip);
        assert_eq!(arg(&f.summary, "kind"), kind);
        assert_eq!(arg(f.fix.as_ref().unwrap(), "kind"), kind);
    }
}

#[test]
fn aaaa_rules() {
    let mut r = report();
    passed(&outcome(&r, CheckId::DnsAaaa), "dns-aaaa-none");
    r.aaaa = Ok(vec![]);
    passed(&outcome(&r, CheckId::DnsAaaa), "dns-aaaa-none");
    r.aaaa = Ok(vec!["2001:db8::10".parse().unwrap()]);
    let o = outcome(&r, CheckId::DnsAaaa);
    warning(&o, "dns-aaaa-public");
    assert_eq!(arg(&finding(&o).summary, "addresses"), "2001:db8::10");
    assert!(finding(&o).fix.is_some());
    for (ip, kind) in [
        ("fd00::20", "unique-local"),
        ("fe80::1", "link-local"),
        ("::1", "loopback"),
    ] {
        r.aaaa = Ok(vec![ip.parse().unwrap()]);
        let o = outcome(&r, CheckId::DnsAaaa);
        failed(&o, "dns-aaaa-not-public", true);
        assert_eq!(arg(&finding(&o).summary, "kind"), kind);
    }
    r.aaaa = Err(LookupError::ServFail);
    warning(&outcome(&r, CheckId::DnsAaaa), "dns-lookup-servfail");
    r.aaaa = Err(LookupError::Timeout);
    warning(&outcome(&r, CheckId::DnsAaaa), "dns-lookup-timeout");
}

#[test]
fn cname_rules() {
    let mut r = report();
    passed(&outcome(&r, CheckId::DnsCname), "dns-cname-none");
    r.cname_chain = vec!["dyn.praxis-muster.ch".into(), "host.dyndns.example".into()];
    let o = outcome(&r, CheckId::DnsCname);
    passed(&o, "dns-cname-chain");
    assert_eq!(
        arg(&finding(&o).summary, "chain"),
        "termine.praxis-muster.ch → dyn.praxis-muster.ch → host.dyndns.example"
    );
    // The chain ends at a name without any address.
    r.a = Err(LookupError::NxDomain);
    r.aaaa = Err(LookupError::NxDomain);
    let o = outcome(&r, CheckId::DnsCname);
    failed(&o, "dns-cname-dead-end", false);
    assert_eq!(arg(&finding(&o).summary, "target"), "host.dyndns.example");
    // A failed lookup is not proof of a dead end.
    r.a = Err(LookupError::Timeout);
    passed(&outcome(&r, CheckId::DnsCname), "dns-cname-chain");
    // Loops, back to the name itself or to a name on the way.
    r.cname_chain = vec!["a.example".into(), "Termine.Praxis-Muster.ch".into()];
    failed(&outcome(&r, CheckId::DnsCname), "dns-cname-loop", false);
    r.cname_chain = vec!["a.example".into(), "b.example".into(), "a.example".into()];
    failed(&outcome(&r, CheckId::DnsCname), "dns-cname-loop", false);
}

pub(super) fn caa(
    owner: &str,
    records: &[(bool, &str, &str)],
) -> Result<Option<CaaSet>, LookupError> {
    Ok(Some(CaaSet {
        owner: owner.into(),
        records: records
            .iter()
            .map(|(critical, tag, value)| CaaRecord {
                critical: *critical,
                tag: (*tag).into(),
                value: (*value).into(),
            })
            .collect(),
    }))
}

#[test]
fn caa_rules() {
    let mut r = report();
    passed(&outcome(&r, CheckId::DnsCaa), "dns-caa-none");
    r.caa = caa("praxis-muster.ch", &[(false, "issue", "letsencrypt.org")]);
    let o = outcome(&r, CheckId::DnsCaa);
    passed(&o, "dns-caa-allows");
    assert_eq!(arg(&finding(&o).summary, "owner"), "praxis-muster.ch");
    r.caa = caa("praxis-muster.ch", &[(false, "issuewild", "pki.example")]);
    passed(&outcome(&r, CheckId::DnsCaa), "dns-caa-no-issue");

    r.caa = caa("praxis-muster.ch", &[(false, "issue", "pki.example")]);
    let o = outcome(&r, CheckId::DnsCaa);
    failed(&o, "dns-caa-denies", false);
    let f = finding(&o);
    assert_eq!(arg(&f.summary, "issuers"), "pki.example");
    let fix = f.fix.as_ref().unwrap();
    assert_eq!(fix.id, "dns-caa-add-fix");
    assert_eq!(arg(fix, "owner"), "praxis-muster.ch");
    assert!(
        f.detail
            .as_deref()
            .unwrap()
            .contains("praxis-muster.ch CAA 0 issue \"pki.example\"")
    );

    r.caa = caa("praxis-muster.ch", &[(false, "issue", ";")]);
    failed(&outcome(&r, CheckId::DnsCaa), "dns-caa-denies-all", false);
    r.caa = caa("praxis-muster.ch", &[(true, "future", "x")]);
    let o = outcome(&r, CheckId::DnsCaa);
    failed(&o, "dns-caa-critical", false);
    assert_eq!(arg(&finding(&o).summary, "tag"), "future");
    r.caa = caa(
        "praxis-muster.ch",
        &[(false, "issue", "letsencrypt.org; validationmethods=dns-01")],
    );
    failed(&outcome(&r, CheckId::DnsCaa), "dns-caa-method", false);
    r.caa = caa(
        "praxis-muster.ch",
        &[(
            false,
            "issue",
            "letsencrypt.org; accounturi=https://x/acct/1",
        )],
    );
    warning(&outcome(&r, CheckId::DnsCaa), "dns-caa-one-account");

    r.caa = Err(LookupError::ServFail);
    failed(&outcome(&r, CheckId::DnsCaa), "dns-lookup-servfail", true);
    r.caa = Err(LookupError::Timeout);
    failed(&outcome(&r, CheckId::DnsCaa), "dns-lookup-timeout", true);
}

#[test]
fn delegation_rules() {
    let ok = Delegation::Delegated {
        nameservers: vec!["ns1.example.net".into(), "ns2.example.net".into()],
    };
    let o = delegation_outcome("praxis-muster.ch", &ok);
    passed(&o, "dns-delegation-ok");
    assert_eq!(
        arg(&finding(&o).summary, "nameservers"),
        "ns1.example.net, ns2.example.net"
    );

    let nx = Delegation::Error(LookupError::NxDomain);
    for domain in ["gibt-es-nicht.ch", "gibt-es-nicht.li", "Gibt-Es-Nicht.CH"] {
        let o = delegation_outcome(domain, &nx);
        failed(&o, "dns-delegation-not-registered", false);
        assert_eq!(
            finding(&o).fix.as_ref().unwrap().id,
            "dns-delegation-register-switch"
        );
    }
    let o = delegation_outcome("gibt-es-nicht.info", &nx);
    let fix = finding(&o).fix.clone().unwrap();
    assert_eq!(fix.id, "dns-delegation-register-nic");
    assert_eq!(arg(&fix, "tld"), "info");

    failed(
        &delegation_outcome("kaputt.ch", &Delegation::Error(LookupError::ServFail)),
        "dns-delegation-servfail",
        false,
    );
    failed(
        &delegation_outcome("praxis-muster.ch", &Delegation::Error(LookupError::Timeout)),
        "dns-lookup-timeout",
        true,
    );
    failed(
        &delegation_outcome(
            "praxis-muster.ch",
            &Delegation::Error(LookupError::NoRecords),
        ),
        "dns-delegation-no-ns",
        false,
    );
}

mod ftl;
