//! The Fluent side of the DNS texts: every message the module can produce
//! exists and formats in de, de-CH and en, with the same variables.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

use super::super::*;
use super::{caa, finding, report};
use crate::core::model::check::Outcome;

const DE: &str = include_str!("../../../../../i18n/de/dns.ftl");
const DE_CH: &str = include_str!("../../../../../i18n/de-CH/dns.ftl");
const EN: &str = include_str!("../../../../../i18n/en/dns.ftl");
/// The router's menus, which some DNS fixes name.
const DE_ROUTER: &str = include_str!("../../../../../i18n/de/router.ftl");
const EN_ROUTER: &str = include_str!("../../../../../i18n/en/router.ftl");

/// Every outcome the module can produce, for the Fluent checks below.
fn all_texts() -> Vec<Text> {
    let mut reports = Vec::new();
    let a_cases: Vec<Result<Vec<Ipv4Addr>, LookupError>> = vec![
        Ok(vec!["203.0.113.10".parse().unwrap()]),
        Ok(vec!["192.168.1.1".parse().unwrap()]),
        Ok(vec!["100.64.1.1".parse().unwrap()]),
        Ok(vec!["127.0.0.1".parse().unwrap()]),
        Ok(vec!["169.254.1.1".parse().unwrap()]),
        Ok(vec!["0.0.0.0".parse().unwrap()]),
        Err(LookupError::NxDomain),
        Err(LookupError::NoRecords),
        Err(LookupError::ServFail),
        Err(LookupError::Refused),
        Err(LookupError::Timeout),
        Err(LookupError::Other("x".into())),
    ];
    for a in a_cases {
        reports.push(DnsReport { a, ..report() });
    }
    for ip in ["2001:db8::1", "fd00::1", "fe80::1", "::1", "ff02::1"] {
        reports.push(DnsReport {
            aaaa: Ok(vec![ip.parse().unwrap()]),
            ..report()
        });
    }
    for chain in [vec!["a.example"], vec!["a.example", "a.example"]] {
        let cname_chain = chain.into_iter().map(String::from).collect();
        reports.push(DnsReport {
            cname_chain,
            ..report()
        });
    }
    reports.push(DnsReport {
        cname_chain: vec!["a.example".into()],
        a: Err(LookupError::NoRecords),
        ..report()
    });
    for records in [
        &[(false, "issue", "letsencrypt.org")][..],
        &[(false, "iodef", "mailto:x@y")],
        &[(false, "issue", "letsencrypt.org; accounturi=u")],
        &[(false, "issue", "letsencrypt.org; validationmethods=dns-01")],
        &[(false, "issue", ";")],
        &[(false, "issue", "pki.example")],
        &[(true, "x", "y")],
    ] {
        reports.push(DnsReport {
            caa: caa("praxis-muster.ch", records),
            ..report()
        });
    }
    let mut texts = Vec::new();
    let mut push = |o: Outcome| {
        let f = finding(&o).clone();
        texts.push(f.summary);
        texts.extend(f.fix);
    };
    for r in &reports {
        for (_, o) in classify(r) {
            push(o);
        }
    }
    let delegations = [
        Delegation::Delegated {
            nameservers: vec!["ns.example".into()],
        },
        Delegation::Delegated {
            nameservers: vec![],
        },
        Delegation::Error(LookupError::NxDomain),
        Delegation::Error(LookupError::NoRecords),
        Delegation::Error(LookupError::ServFail),
        Delegation::Error(LookupError::Refused),
        Delegation::Error(LookupError::Timeout),
        Delegation::Error(LookupError::Other("x".into())),
    ];
    for d in &delegations {
        push(delegation_outcome("praxis-muster.ch", d));
        push(delegation_outcome("praxis-muster.info", d));
    }
    texts
}

/// Message ids and the variables each one uses, read from the source.
fn messages(ftl: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in ftl.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let id = line.split('=').next().unwrap().trim().to_string();
            out.insert(id.clone(), Vec::new());
            current = Some(id);
        }
        let vars = out.get_mut(current.as_ref().unwrap()).unwrap();
        for part in line.split('$').skip(1) {
            let var: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !vars.contains(&var) {
                vars.push(var);
            }
        }
    }
    for vars in out.values_mut() {
        vars.sort();
    }
    out
}

fn bundle(lang: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_string())
            .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
        // de-CH overrides messages of de on purpose.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

#[test]
fn every_text_formats_in_every_language() {
    let texts = all_texts();
    for (lang, sources) in [
        ("de", vec![DE_ROUTER, DE]),
        ("en", vec![EN_ROUTER, EN]),
        ("de-CH", vec![DE_ROUTER, DE, DE_CH]),
    ] {
        let bundle = bundle(lang, &sources);
        for text in &texts {
            let message = bundle
                .get_message(&text.id)
                .unwrap_or_else(|| panic!("{lang}: {} missing", text.id));
            let mut args = FluentArgs::new();
            // As the wizard names every finding's router (router_guide).
            args.set("router", "unknown");
            for (k, v) in &text.args {
                args.set(k.as_str(), crate::i18n::value(crate::core::Lang::En, v));
            }
            let mut errors = Vec::new();
            let out = bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
            assert!(errors.is_empty(), "{lang} {}: {errors:?}", text.id);
            assert!(!out.contains('{'), "{lang} {}: {out}", text.id);
        }
    }
}

#[test]
fn de_and_en_have_the_same_ids_and_variables() {
    let (de, en) = (messages(DE), messages(EN));
    assert_eq!(de.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    for (id, vars) in &de {
        assert_eq!(Some(vars), en.get(id), "{id}");
        assert!(id.starts_with("dns-"), "{id}");
    }
}

#[test]
fn de_ch_overlays_every_message_with_sharp_s() {
    let (de, ch) = (messages(DE), messages(DE_CH));
    assert!(!DE_CH.contains('ß'));
    for (id, vars) in &ch {
        assert_eq!(Some(vars), de.get(id), "{id} must overlay a de message");
    }
    // Checked on the source, so that every variant of a selector counts.
    let mut current = String::new();
    for line in DE.lines() {
        if !line.starts_with(' ') && !line.starts_with('#') && line.contains('=') {
            current = line.split('=').next().unwrap().trim().to_string();
        }
        if line.contains('ß') && !line.starts_with('#') {
            assert!(
                ch.contains_key(&current),
                "{current} needs a de-CH spelling"
            );
        }
    }
}
