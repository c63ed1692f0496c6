//! The catalog's formatting: plurals, numbers, words and dates.

use super::*;

#[test]
fn one_exposed_port_is_singular() {
    let open = |lang, ports: &[&str]| {
        let (last, rest) = ports.split_last().unwrap();
        let t = Text::new("exposure-ports-open")
            .arg("ports", ports.join(", "))
            .num("count", ports.len())
            .arg("rest", rest.join(", "))
            .arg("last", *last);
        text(lang, &t)
    };
    let one = open(Lang::DeCh, &["4040"]);
    assert!(one.contains("(Port 4040)"), "{one}");
    let two = open(Lang::De, &["4040", "3030"]);
    assert!(two.contains("(Ports 4040 und 3030)"), "{two}");
    let en = open(Lang::En, &["4040"]);
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
    let days = |lang, n: i64| {
        let t = Text::new("status-ok")
            .arg("domain", "t.ch")
            .num("days", n)
            .arg("date", "2026-12-24");
        text(lang, &t)
    };
    assert!(days(Lang::De, 1).contains("noch 1 Tag gültig"));
    assert!(days(Lang::DeCh, 1).contains("noch 1 Tag gültig"));
    assert!(days(Lang::De, 2).contains("noch 2 Tage gültig"));
    assert!(days(Lang::DeCh, 2).contains("noch 2 Tage gültig"));
    assert!(days(Lang::De, 0).contains("noch 0 Tage gültig"));
    assert!(days(Lang::En, 1).contains("valid for 1 more day "));
    assert!(days(Lang::En, 2).contains("valid for 2 more days "));
    assert!(days(Lang::En, 21).contains("valid for 21 more days "));
}

/// A port or a line is one run of digits in every language: 28402, not
/// 28’402 (de-CH) or 28.402 (de).
#[test]
fn ports_and_lines_are_never_grouped() {
    let FluentValue::Number(n) = number(28402) else {
        panic!("a number goes to Fluent as a number");
    };
    assert!(!n.options.use_grouping);
    for lang in Lang::ALL {
        let port = text(lang, &Text::new("reach-fix-forward").num("port", 28402u16));
        assert!(port.contains(" 28402 ("), "{lang:?}: {port}");
        let line = text(
            lang,
            &Text::new("proxy-file-broken-fix").num("line", 12345usize),
        );
        assert!(line.contains(" 12345 "), "{lang:?}: {line}");
    }
}

/// Only `Text::num` makes a number: a word that looks like one stays
/// as written, and does not select a plural.
#[test]
fn a_number_like_word_stays_verbatim() {
    let port = Text::new("reach-fix-forward").arg("port", "0443");
    assert!(text(Lang::DeCh, &port).contains("Port 0443 ("));
    assert!(tr_args(Lang::De, "reach-fix-forward", &[("port", "0443")]).contains("Port 0443 ("));
    let word = Text::new("golive-step-proxy-planned").arg("count", "1");
    let num = Text::new("golive-step-proxy-planned").num("count", 1);
    assert!(text(Lang::De, &num).starts_with("1 Datei wird"));
    assert!(text(Lang::De, &word).starts_with("1 Dateien werden"));
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
    let name = |tz: Option<jiff::tz::TimeZone>| tz.and_then(|t| t.iana_name().map(String::from));
    let utc = jiff::tz::TimeZone::get("Etc/UTC").ok();
    assert_eq!(name(choose_zone(utc)).as_deref(), Some("Europe/Zurich"));
    assert_eq!(name(choose_zone(None)).as_deref(), Some("Europe/Zurich"));
    let berlin = jiff::tz::TimeZone::get("Europe/Berlin").ok();
    assert_eq!(name(choose_zone(berlin)).as_deref(), Some("Europe/Berlin"));
}
