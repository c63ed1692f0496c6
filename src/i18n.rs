//! Every word on screen comes from Fluent files embedded at build time.
//! de-CH is an overlay on de (only what differs), which falls back to en.

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

/// Formats a message; a missing one shows its id, so a gap is visible
/// instead of silent (the i18n test keeps that from shipping).
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let mut fargs = FluentArgs::new();
    // A text the wizard did not name a router for (the command line's,
    // a test's) gets the words that point to step 5's guide.
    if !args
        .iter()
        .any(|(k, _)| *k == crate::core::library::router_guide::ROUTER_ARG)
    {
        fargs.set(crate::core::library::router_guide::ROUTER_ARG, "unknown");
    }
    for (k, v) in args {
        // Counts go in as numbers, so `[one]` and `*[other]` select by
        // the language's plural rules; dates in the reader's format.
        if let Some(n) = plain_count(v) {
            fargs.set(*k, FluentValue::from(n));
            continue;
        }
        match local_date(lang, v) {
            Some(date) => fargs.set(*k, FluentValue::from(date)),
            None => fargs.set(*k, FluentValue::from(*v)),
        }
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

/// A whole number as written without leading zeros (a port, a count, days
/// left, which may be negative), and nothing else: a date or a version
/// stays text. It goes to Fluent as a number, so that `[one]` and
/// `*[other]` select by the language's plural rules, not by the caller.
fn plain_count(v: &str) -> Option<i64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let ok = !digits.is_empty()
        && digits.len() <= 9
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
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
mod tests {
    use super::*;

    #[test]
    fn one_exposed_port_is_singular() {
        let one = tr_args(
            Lang::DeCh,
            "exposure-ports-open",
            &[("ports", "4040"), ("count", "1")],
        );
        assert!(one.contains("(Port 4040)"), "{one}");
        let two = tr_args(
            Lang::De,
            "exposure-ports-open",
            &[
                ("ports", "4040, 3030"),
                ("count", "2"),
                ("rest", "4040"),
                ("last", "3030"),
            ],
        );
        assert!(two.contains("(Ports 4040 und 3030)"), "{two}");
        let en = tr_args(
            Lang::En,
            "exposure-ports-open",
            &[("ports", "4040"), ("count", "1")],
        );
        assert!(en.contains("(port 4040)"), "{en}");
    }

    #[test]
    fn the_locale_is_negotiated() {
        for (locale, lang) in [
            ("de_CH.UTF-8", Lang::DeCh),
            ("de_CH", Lang::DeCh),
            ("de_AT.UTF-8", Lang::De),
            ("de_DE@euro", Lang::De),
            ("de", Lang::De),
            ("en_GB.UTF-8", Lang::En),
            ("fr_CH.UTF-8", Lang::En),
            ("fr", Lang::En),
            ("C.UTF-8", Lang::En),
            ("POSIX", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(negotiate(locale), lang, "{locale}");
        }
    }

    #[test]
    fn days_select_by_the_plural_rules() {
        let days = |lang, n: &str| {
            tr_args(
                lang,
                "status-ok",
                &[("domain", "t.ch"), ("days", n), ("date", "2026-12-24")],
            )
        };
        assert!(days(Lang::De, "1").contains("noch 1 Tag gültig"));
        assert!(days(Lang::DeCh, "1").contains("noch 1 Tag gültig"));
        assert!(days(Lang::De, "2").contains("noch 2 Tage gültig"));
        assert!(days(Lang::De, "0").contains("noch 0 Tage gültig"));
        assert!(days(Lang::En, "1").contains("valid for 1 more day "));
        assert!(days(Lang::En, "21").contains("valid for 21 more days "));
        assert_eq!(plain_count("-3"), Some(-3));
        assert_eq!(plain_count("-"), None);
        assert_eq!(plain_count("007"), None);
    }

    #[test]
    fn german_readers_get_german_dates_in_every_iso_shape() {
        // The time of day depends on the zone of the machine the test runs
        // on: the date is certain, the clock is tested below.
        for (iso, german) in [
            ("2026-12-24", "24.12.2026"),
            ("2026-11-24 13:41 UTC", "24.11.2026 "),
            ("2026-11-24 13:41:07 UTC", "24.11.2026 "),
            ("2026-11-24T14:41:07+01:00", "24.11.2026 "),
        ] {
            for lang in [Lang::De, Lang::DeCh] {
                let out = local_date(lang, iso).unwrap_or_default();
                assert!(out.starts_with(german), "{iso}: {out}");
                assert!(!out.contains("2026-11"), "{iso}: {out}");
            }
            assert_eq!(local_date(Lang::En, iso), None, "{iso}");
        }
        for other in ["28402", "2026", "termine.praxis.ch", "2026-13-45"] {
            assert_eq!(local_date(Lang::De, other), None, "{other}");
        }
    }

    #[test]
    fn a_message_with_a_date_reads_german_in_german() {
        let t = Text::new("acme-fix-rate-wait").arg("until", "2026-11-26 09:23 UTC");
        let de = text(Lang::De, &t);
        assert!(de.contains("26.11.2026 "), "{de}");
        assert!(text(Lang::En, &t).contains("2026-11-26 09:23 UTC"));
    }

    /// Her clock in Zurich: an hour ahead of UTC in winter, two in summer.
    #[test]
    fn a_moment_is_told_on_her_own_clock() {
        let zurich = jiff::tz::TimeZone::get("Europe/Zurich").unwrap();
        let at = |s: &str| {
            time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap()
        };
        assert_eq!(
            on_her_clock(at("2026-11-24T13:41:07Z"), &zurich).as_deref(),
            Some("24.11.2026 14:41 Uhr")
        );
        assert_eq!(
            on_her_clock(at("2026-07-01T23:30:00Z"), &zurich).as_deref(),
            Some("02.07.2026 01:30 Uhr")
        );
    }

    /// A server on UTC is read on Central European time; a server set to
    /// its practice's zone keeps it.
    #[test]
    fn a_server_on_utc_is_read_in_central_european_time() {
        let name =
            |tz: Option<jiff::tz::TimeZone>| tz.and_then(|t| t.iana_name().map(String::from));
        let utc = jiff::tz::TimeZone::get("Etc/UTC").ok();
        assert_eq!(name(choose_zone(utc)).as_deref(), Some("Europe/Zurich"));
        assert_eq!(name(choose_zone(None)).as_deref(), Some("Europe/Zurich"));
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").ok();
        assert_eq!(name(choose_zone(berlin)).as_deref(), Some("Europe/Berlin"));
    }
}
