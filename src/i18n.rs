//! Every word on screen comes from Fluent files embedded at build time.
//! de-CH is an overlay on de (only what differs), which falls back to en.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::core::{Lang, Text};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/ftl.rs"));
}

/// The embedded Fluent sources: (language dir, file name, content).
pub fn sources() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::FTL
}

type Bundle = FluentBundle<FluentResource>;

struct Catalog {
    bundles: HashMap<&'static str, Bundle>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut bundles = HashMap::new();
        for tag in ["de", "de-CH", "en"] {
            let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks (U+2068/9) show up as garbage on many terminals.
            bundle.set_use_isolating(false);
            for (lang, file, src) in sources().iter().filter(|(l, _, _)| *l == tag) {
                match FluentResource::try_new((*src).to_string()) {
                    Ok(res) => {
                        if let Err(errs) = bundle.add_resource(res) {
                            tracing::error!("{lang}/{file}: {errs:?}");
                        }
                    }
                    Err((res, errs)) => {
                        tracing::error!("{lang}/{file}: {errs:?}");
                        let _ = bundle.add_resource(res);
                    }
                }
            }
            bundles.insert(tag, bundle);
        }
        Catalog { bundles }
    })
}

fn chain(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::DeCh => &["de-CH", "de", "en"],
        Lang::De => &["de", "en"],
        Lang::En => &["en"],
    }
}

/// Whether a message exists in the language or its fallbacks.
pub fn has(lang: Lang, id: &str) -> bool {
    let cat = catalog();
    chain(lang)
        .iter()
        .any(|t| cat.bundles.get(t).is_some_and(|b| b.has_message(id)))
}

/// Formats a message; a missing one shows its id, so a gap is visible
/// instead of silent (the i18n test keeps that from shipping).
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let cat = catalog();
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        // Counts go in as numbers, so `[one]` and `*[other]` select by
        // the language's plural rules.
        match plain_count(v) {
            Some(n) => fargs.set(*k, FluentValue::from(n)),
            None => fargs.set(*k, FluentValue::from(*v)),
        }
    }
    for tag in chain(lang) {
        let Some(bundle) = cat.bundles.get(tag) else {
            continue;
        };
        let Some(msg) = bundle.get_message(id) else {
            continue;
        };
        let Some(pattern) = msg.value() else { continue };
        let mut errors = Vec::new();
        let s = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            tracing::warn!("fluent {tag}/{id}: {errors:?}");
        }
        return s.into_owned();
    }
    tracing::warn!("missing message {id}");
    id.to_string()
}

/// A whole number as written without leading zeros (a port, a count), and
/// nothing else: a date or a version stays text.
fn plain_count(v: &str) -> Option<i64> {
    let ok = !v.is_empty()
        && v.len() <= 9
        && v.bytes().all(|b| b.is_ascii_digit())
        && (v == "0" || !v.starts_with('0'));
    ok.then(|| v.parse().ok()).flatten()
}

pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

pub fn text(lang: Lang, t: &Text) -> String {
    let args: Vec<(&str, &str)> = t
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    tr_args(lang, &t.id, &args)
}

/// The language the environment asks for (LC_ALL, LC_MESSAGES, LANG).
pub fn from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return Lang::from_tag(&v).unwrap_or(Lang::En);
        }
    }
    Lang::En
}
