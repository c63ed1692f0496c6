//! reach.ftl: parses in every language, German and English have the same
//! ids and variables, de-CH only overlays, and every id the reach, responder
//! and firewall code uses exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;

const DE: &str = include_str!("../i18n/de/reach.ftl");
const EN: &str = include_str!("../i18n/en/reach.ftl");
const DE_CH: &str = include_str!("../i18n/de-CH/reach.ftl");
const SOURCES: [&str; 6] = [
    include_str!("../src/core/library/reach/validation.rs"),
    include_str!("../src/core/library/reach.rs"),
    include_str!("../src/core/library/firewall.rs"),
    include_str!("../src/io/responder.rs"),
    include_str!("../src/io/firewall.rs"),
    include_str!("../src/io/public_ip.rs"),
];
/// Strings with an id-like prefix that are not message ids.
const NOT_IDS: [&str; 1] = ["firewall-cmd"];

fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    if let Err((_, errors)) = FluentResource::try_new(ftl.to_string()) {
        panic!("ftl does not parse: {errors:?}");
    }
    ftl.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, _)| !id.starts_with('#') && !id.contains(' '))
        .map(|(id, value)| {
            let vars = value
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split_once(' ').map(|(v, _)| v.to_string()))
                .collect();
            (id.to_string(), vars)
        })
        .collect()
}

fn used_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for src in SOURCES {
        for piece in src.split('"').skip(1).step_by(2) {
            let prefixed = ["reach-", "responder-", "firewall-"]
                .iter()
                .any(|p| piece.starts_with(p));
            let shaped = piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if prefixed && shaped && !NOT_IDS.contains(&piece) {
                ids.insert(piece.to_string());
            }
        }
    }
    ids
}

#[test]
fn german_and_english_match() {
    let (de, en) = (messages(DE), messages(EN));
    assert!(de.len() > 40);
    assert_eq!(de.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    for (id, vars) in &de {
        assert_eq!(Some(vars), en.get(id), "variables of {id}");
    }
}

#[test]
fn swiss_overlay_only_differs_in_spelling() {
    let (de, ch) = (messages(DE), messages(DE_CH));
    assert!(!DE_CH.contains('ß'));
    for (id, vars) in &ch {
        assert_eq!(Some(vars), de.get(id), "{id} must overlay a German message");
    }
    for line in DE
        .lines()
        .filter(|l| l.contains('ß') && !l.starts_with('#'))
    {
        let id = line.split(" = ").next().unwrap_or_default();
        assert!(
            ch.contains_key(id),
            "{id} has ß in de and needs a de-CH overlay"
        );
    }
}

#[test]
fn every_used_id_exists() {
    let (de, en) = (messages(DE), messages(EN));
    let used = used_ids();
    assert!(used.len() > 40, "{used:?}");
    for id in &used {
        assert!(de.contains_key(id), "{id} missing in de");
        assert!(en.contains_key(id), "{id} missing in en");
    }
}
