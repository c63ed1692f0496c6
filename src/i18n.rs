//! Every word on screen comes from Fluent files embedded at build time.
//! de-CH is an overlay on de (only what differs), which falls back to en.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::core::{Arg, Lang, Text};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/ftl.rs"));
}

/// The embedded Fluent sources: (language dir, file name, content).
pub fn sources() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::FTL
}

type Bundle = FluentBundle<FluentResource>;

/// The bundles a process reads, each parsed the first time a message of
/// its language is asked for: all three held 3.5 MB of the 3.8 MB heap
/// at the peak of an unattended issuance, which speaks only one.
const TAGS: [&str; 3] = ["de", "de-CH", "en"];

fn bundle(tag: &str) -> Option<&'static Bundle> {
    static BUNDLES: [OnceLock<Bundle>; 3] = [const { OnceLock::new() }; 3];
    let i = TAGS.iter().position(|t| *t == tag)?;
    Some(BUNDLES[i].get_or_init(|| load(TAGS[i])))
}

fn load(tag: &'static str) -> Bundle {
    let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/9) show up as garbage on many terminals.
    bundle.set_use_isolating(false);
    // de-CH holds only what Swiss spelling changes: its bundle is
    // German with the overlay on top, so that an overlaid message
    // can still refer to a German one (the router's menus).
    let layers: &[&str] = if tag == "de-CH" {
        &["de", "de-CH"]
    } else {
        &[tag]
    };
    for layer in layers {
        for (lang, file, src) in sources().iter().filter(|(l, _, _)| l == layer) {
            let res = match FluentResource::try_new((*src).to_string()) {
                Ok(res) => res,
                Err((res, errs)) => {
                    tracing::error!("{lang}/{file}: {errs:?}");
                    res
                }
            };
            if layers.len() > 1 && *lang == tag {
                bundle.add_resource_overriding(res);
            } else if let Err(errs) = bundle.add_resource(res) {
                tracing::error!("{lang}/{file}: {errs:?}");
            }
        }
    }
    bundle
}

fn chain(lang: Lang) -> &'static [&'static str] {
    match lang {
        // The de-CH bundle holds all of German: no second German bundle.
        Lang::DeCh => &["de-CH", "en"],
        Lang::De => &["de", "en"],
        Lang::En => &["en"],
    }
}

/// Whether a message exists in the language or its fallbacks.
pub fn has(lang: Lang, id: &str) -> bool {
    chain(lang)
        .iter()
        .any(|t| bundle(t).is_some_and(|b| b.has_message(id)))
}

/// Formats a message whose arguments are all words; a missing one shows
/// its id, so a gap is visible instead of silent (the i18n test keeps that
/// from shipping). A number that should select a plural goes through
/// [`text`] with [`Text::num`]: a string here is never read as a number.
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, word(lang, v));
    }
    format(lang, id, fargs)
}

/// A word argument: verbatim, but a date in the reader's format.
fn word(lang: Lang, v: &str) -> FluentValue<'static> {
    match local_date(lang, v) {
        Some(date) => FluentValue::from(date),
        None => FluentValue::from(v.to_string()),
    }
}

/// A number argument. Fluent's own formatter prints digits only in every
/// language (28402, not 28’402 or 28.402); grouping is switched off as
/// well, so that a port, a line or a PID stays one if a locale-aware
/// formatter is ever set: no count in the wizard is large enough to need it.
fn number(n: i64) -> FluentValue<'static> {
    let options = FluentNumberOptions {
        use_grouping: false,
        ..Default::default()
    };
    // Exact: every count, port or line is far below 2^53.
    FluentValue::from(FluentNumber::new(n as f64, options))
}

fn format(lang: Lang, id: &str, mut fargs: FluentArgs) -> String {
    // A text the wizard did not name a router for (the command line's,
    // a test's) gets the words that point to step 5's guide.
    if fargs
        .get(crate::core::library::router_guide::ROUTER_ARG)
        .is_none()
    {
        fargs.set(crate::core::library::router_guide::ROUTER_ARG, "unknown");
    }
    for tag in chain(lang) {
        let Some(bundle) = bundle(tag) else {
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

/// A date argument in the reader's format. The core passes dates as ISO
/// text (`2026-12-24`, `2026-12-24 13:41 UTC`, RFC 3339); German readers
/// get `24.12.2026`, and a moment on their own clock (`24.12.2026 14:41
/// Uhr`, see [`reader_zone`]); English ones keep ISO and UTC. One place for every message,
/// so that no screen, mail or status line can forget it.
pub fn local_date(lang: Lang, value: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;
    if lang == Lang::En || !value.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let day = format_description!("[year]-[month]-[day]");
    let minute = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    let second = format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
    let german_day = format_description!("[day].[month].[year]");
    let german_minute = format_description!("[day].[month].[year] [hour]:[minute] UTC");
    if let Ok(d) = time::Date::parse(value, &day) {
        return d.format(&german_day).ok();
    }
    let at = time::PrimitiveDateTime::parse(value, &minute)
        .or_else(|_| time::PrimitiveDateTime::parse(value, &second))
        .map(|t| t.assume_utc())
        .or_else(|_| time::OffsetDateTime::parse(value, &Rfc3339))
        .ok()?;
    match reader_zone() {
        Some(zone) => on_her_clock(at, zone),
        None => at
            .to_offset(time::UtcOffset::UTC)
            .format(&german_minute)
            .ok(),
    }
}

/// A moment as the clock on her wall shows it: `24.12.2026 14:41 Uhr`.
fn on_her_clock(at: time::OffsetDateTime, zone: &jiff::tz::TimeZone) -> Option<String> {
    let ts = jiff::Timestamp::from_second(at.unix_timestamp()).ok()?;
    Some(
        ts.to_zoned_datetime(zone.clone())
            .strftime("%d.%m.%Y %H:%M Uhr")
            .to_string(),
    )
}

/// The zone German readers live in: the server's own, unless it runs on
/// UTC, as many servers do while the practice's clocks do not; then
/// Central European time (Switzerland and Germany keep the same rules).
/// `None` where no time zone data is installed: the time stays in UTC and
/// says so.
fn reader_zone() -> Option<&'static jiff::tz::TimeZone> {
    static ZONE: OnceLock<Option<jiff::tz::TimeZone>> = OnceLock::new();
    ZONE.get_or_init(|| choose_zone(jiff::tz::TimeZone::try_system().ok()))
        .as_ref()
}

fn choose_zone(system: Option<jiff::tz::TimeZone>) -> Option<jiff::tz::TimeZone> {
    const UTC: &[&str] = &[
        "UTC",
        "Etc/UTC",
        "UCT",
        "Etc/UCT",
        "Universal",
        "Etc/Universal",
        "Zulu",
        "Etc/Zulu",
        "GMT",
        "Etc/GMT",
    ];
    match system {
        Some(tz) if tz.iana_name().is_some_and(|n| !UTC.contains(&n)) => Some(tz),
        _ => jiff::tz::TimeZone::get("Europe/Zurich").ok(),
    }
}

pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

pub fn text(lang: Lang, t: &Text) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in &t.args {
        fargs.set(k.as_str(), value(lang, v));
    }
    format(lang, &t.id, fargs)
}

/// An argument as Fluent takes it: a number as a number, a word verbatim
/// (a date in the reader's format).
pub fn value(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Num(n) => number(*n),
        Arg::Str(s) => word(lang, s),
    }
}

/// The language the environment asks for (LC_ALL, LC_MESSAGES, LANG: the
/// first that is set decides, as in C).
pub fn from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return negotiate(&v);
        }
    }
    Lang::En
}

/// The best of our languages for a POSIX locale (`de_CH.UTF-8`,
/// `de_AT@euro`), by Fluent's language negotiation: Swiss German for
/// Switzerland, German for any other German, English for everything else
/// (`fr_CH`, `C`, `POSIX`).
pub fn negotiate(locale: &str) -> Lang {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    // The encoding and modifier are no part of a language tag.
    let tag = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('_', "-");
    let Ok(requested) = tag.parse::<LanguageIdentifier>() else {
        return Lang::En;
    };
    let available: Vec<LanguageIdentifier> = Lang::ALL
        .iter()
        .filter_map(|l| l.tag().parse().ok())
        .collect();
    let english: LanguageIdentifier = Lang::En.tag().parse().unwrap_or_default();
    let chosen = negotiate_languages(
        &[requested],
        &available,
        Some(&english),
        NegotiationStrategy::Lookup,
    );
    chosen
        .first()
        .and_then(|l| Lang::from_tag(&l.to_string()))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests;
