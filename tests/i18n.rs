//! German and English say the same things: the same message ids with the
//! same variables; de-CH only overlays de; every id the code uses exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser::parse;
use praxis_tls::core::{CheckId, Lang, Step};
use praxis_tls::i18n;

type Catalog = BTreeMap<String, BTreeSet<String>>;

fn vars_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            vars_in_expr(expression, out);
        }
    }
}

fn vars_in_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => vars_in_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            vars_in_inline(selector, out);
            for v in variants {
                vars_in_pattern(&v.value, out);
            }
        }
    }
}

fn vars_in_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => vars_in_expr(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_in_inline(a, out);
            }
        }
        _ => {}
    }
}

fn catalog(lang: &str) -> Catalog {
    let mut cat = Catalog::new();
    for (l, file, src) in i18n::sources() {
        if *l != lang {
            continue;
        }
        let res = match parse(*src) {
            Ok(r) => r,
            Err((_, errs)) => panic!("{lang}/{file} does not parse: {errs:?}"),
        };
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    vars_in_pattern(v, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    cat.insert(id.clone(), vars).is_none(),
                    "{lang}/{file}: {id} defined twice"
                );
            }
        }
    }
    cat
}

#[test]
fn german_and_english_have_the_same_messages_and_variables() {
    let de = catalog("de");
    let en = catalog("en");
    assert!(!de.is_empty());
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    assert!(
        only_de.is_empty() && only_en.is_empty(),
        "only in de: {only_de:?}; only in en: {only_en:?}"
    );
    for (id, vars) in &de {
        assert_eq!(Some(vars), en.get(id), "variables of {id} differ");
    }
}

#[test]
fn swiss_german_only_overlays_german() {
    let de = catalog("de");
    let ch = catalog("de-CH");
    for (id, vars) in &ch {
        assert_eq!(
            de.get(id),
            Some(vars),
            "de-CH has {id}, which de lacks or uses other variables"
        );
    }
    for (l, file, src) in i18n::sources() {
        if *l == "de-CH" {
            assert!(!src.contains('ß'), "de-CH/{file} contains ß");
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Literals that look like message ids but are not: a program's name, and
/// suffixes the detection module completes with its own prefix (its own
/// test checks those).
const NOT_IDS: [&str; 5] = [
    "firewall-cmd",
    "override-exists",
    "check-address",
    "check-ca",
    "check-port",
];

/// String literals that look like message ids of a known family.
fn ids_in_code(prefixes: &BTreeSet<String>) -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = BTreeSet::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        for (i, lit) in src.split('"').enumerate() {
            if i % 2 == 0 || lit.is_empty() {
                continue;
            }
            let idlike = lit.contains('-')
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !lit.ends_with('-');
            let prefix = lit.split('-').next().unwrap_or_default();
            if idlike && prefixes.contains(prefix) && !NOT_IDS.contains(&lit) {
                found.insert((f.display().to_string(), lit.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_message_the_code_uses_exists() {
    let de = catalog("de");
    let prefixes: BTreeSet<String> = de
        .keys()
        .filter_map(|k| k.split('-').next())
        .map(str::to_string)
        .collect();
    let mut missing = Vec::new();
    for (file, id) in ids_in_code(&prefixes) {
        if !de.contains_key(&id) {
            missing.push(format!("{file}: {id}"));
        }
    }
    // Ids the code builds from a step, check or language.
    let mut built: Vec<String> = Vec::new();
    for step in Step::ALL {
        built.push(format!("{}-name", step.key()));
        built.push(format!("{}-title", step.key()));
        if step.is_manual() {
            built.push(format!("{}-body", step.key()));
            built.push(format!("golive-{}-body", step.key()));
        }
    }
    for lang in Lang::ALL {
        built.push(format!("language-{}", lang.tag()));
    }
    for id in [
        CheckId::Installation,
        CheckId::Delegation,
        CheckId::DnsA,
        CheckId::DnsAaaa,
        CheckId::DnsCname,
        CheckId::DnsCaa,
    ] {
        built.push(id.key().to_string());
    }
    for id in built {
        if !de.contains_key(&id) {
            missing.push(format!("(built) {id}"));
        }
    }
    assert!(missing.is_empty(), "missing messages: {missing:#?}");
}

#[test]
fn every_message_formats_in_every_language() {
    for (id, vars) in catalog("de") {
        let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), "X")).collect();
        for lang in Lang::ALL {
            let s = i18n::tr_args(lang, &id, &args);
            assert_ne!(s, id, "{id} missing in {lang:?}");
            assert!(!s.contains('\u{2068}'), "isolation marks in {id}");
        }
    }
}

#[test]
fn swiss_german_is_written_the_swiss_way_everywhere() {
    // A German message without its de-CH overlay falls back to de: every
    // one with "ß" or „…“ needs the overlay, or Swiss readers get both.
    let mut german_spelling = Vec::new();
    for id in catalog("de").keys() {
        let text = i18n::tr(praxis_tls::core::Lang::DeCh, id);
        if text.contains('ß') || text.contains('„') {
            german_spelling.push(id.clone());
        }
    }
    assert!(
        german_spelling.is_empty(),
        "de-CH shows German spelling for {german_spelling:?}"
    );
}

#[test]
fn every_router_guide_is_written_in_full() {
    use praxis_tls::core::library::router_guide::Family;
    let de = catalog("de");
    let keys = Family::ALL
        .iter()
        .map(|f| f.key())
        .chain(std::iter::once("generic"));
    for key in keys {
        for part in ["title", "forward", "dyndns", "ipv6"] {
            let id = format!("router-{key}-{part}");
            assert!(de.contains_key(&id), "{id} missing");
        }
    }
}

/// F1 helps on every step, and the glossary explains every word it
/// lists, in German and English alike (de-CH falls back to de).
#[test]
fn every_step_has_help_and_every_glossary_word_its_text() {
    let de = catalog("de");
    let en = catalog("en");
    let mut ids: Vec<String> = Step::ALL
        .iter()
        .map(|s| praxis_tls::ui::help::step_help_id(*s))
        .collect();
    for word in praxis_tls::ui::help::GLOSSARY {
        ids.push(format!("gloss-{word}"));
        ids.push(format!("gloss-{word}-text"));
    }
    for id in ids {
        assert!(de.contains_key(&id), "de lacks {id}");
        assert!(en.contains_key(&id), "en lacks {id}");
        for lang in Lang::ALL {
            assert!(!i18n::tr(lang, &id).trim().is_empty(), "{id} empty");
        }
    }
}
