//! Expiry watch: thresholds, the file check, and the exact monitoring lines.

use praxis_tls::core::library::status::{
    self, CertRecord, FileState, ReadError, RenewalHint, State, Thresholds, Window, WindowSource,
};
use praxis_tls::core::{Lang, Text};
use praxis_tls::i18n;
use sha2::{Digest, Sha256};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const ISSUED: OffsetDateTime = datetime!(2026-09-25 10:00 UTC);

/// A Let's Encrypt-like record: `days` of lifetime, one second short.
fn record(days: i64) -> CertRecord {
    CertRecord {
        domain: "termine.praxis-muster.ch".into(),
        path_crt: "/var/lib/praxis-tls/certs/termine.crt".into(),
        path_key: "/var/lib/praxis-tls/certs/termine.key".into(),
        not_before: ISSUED,
        not_after: ISSUED + Duration::days(days) - Duration::SECOND,
        issuer: "CN=E7, O=Let's Encrypt, C=US".into(),
        fingerprint_sha256: "ab".repeat(32),
        renewal: RenewalHint::default(),
    }
}

/// `now` such that exactly `left` whole days remain (plus a few hours).
fn at_days_left(r: &CertRecord, left: i64) -> OffsetDateTime {
    r.not_after - Duration::days(left) - Duration::hours(3)
}

fn one(r: &CertRecord, t: Thresholds, now: OffsetDateTime) -> status::StatusReport {
    status::evaluate(&[(r.clone(), FileState::Matches)], t, now)
}

#[test]
fn ninety_day_certificate_warns_at_a_third_and_is_critical_at_seven() {
    let r = record(90);
    assert_eq!(r.lifetime_days(), 90);
    let state = |left| one(&r, Thresholds::default(), at_days_left(&r, left)).state;
    assert_eq!(state(31), State::Ok);
    assert_eq!(state(30), State::Warning);
    assert_eq!(state(8), State::Warning);
    assert_eq!(state(7), State::Critical);
    assert_eq!(state(0), State::Critical);
    assert_eq!(
        one(&r, Thresholds::default(), r.not_after).state,
        State::Critical
    );
}

#[test]
fn short_lifetimes_keep_at_least_fourteen_days_of_warning() {
    // 45 days (2028): a third is 15. 30 days: a third is 10, 14 wins.
    let r = record(45);
    let state = |left| one(&r, Thresholds::default(), at_days_left(&r, left)).state;
    assert_eq!(state(16), State::Ok);
    assert_eq!(state(15), State::Warning);
    let r = record(30);
    let state = |left| one(&r, Thresholds::default(), at_days_left(&r, left)).state;
    assert_eq!(state(15), State::Ok);
    assert_eq!(state(14), State::Warning);
}

#[test]
fn thresholds_from_the_command_line_replace_the_defaults() {
    let r = record(90);
    let t = Thresholds {
        warning_days: Some(20),
        critical_days: Some(10),
    };
    let state = |left| one(&r, t, at_days_left(&r, left)).state;
    assert_eq!(state(21), State::Ok);
    assert_eq!(state(20), State::Warning);
    assert_eq!(state(11), State::Warning);
    assert_eq!(state(10), State::Critical);
}

#[test]
fn exact_nagios_lines_and_exit_codes() {
    let r = record(90);
    let ok = one(&r, Thresholds::default(), at_days_left(&r, 42));
    assert_eq!(
        ok.nagios(),
        "TLS OK: termine.praxis-muster.ch: certificate valid for 42 more days (until 2026-12-24) \
         | days_left=42;@~:30;@~:7;0;"
    );
    assert_eq!(ok.exit_code(), 0);

    let t = Thresholds {
        warning_days: Some(14),
        critical_days: Some(7),
    };
    let warn = one(&r, t, at_days_left(&r, 12));
    assert_eq!(
        warn.nagios(),
        "TLS WARNING: termine.praxis-muster.ch: certificate valid for 12 more days (until 2026-12-24) \
         | days_left=12;@~:14;@~:7;0;"
    );
    assert_eq!(warn.exit_code(), 1);

    let crit = one(&r, t, at_days_left(&r, 3));
    assert_eq!(crit.exit_code(), 2);
    assert!(crit.nagios().starts_with("TLS CRITICAL: "));

    let expired = one(&r, t, r.not_after + Duration::days(2) + Duration::hours(1));
    assert_eq!(
        expired.nagios(),
        "TLS CRITICAL: termine.praxis-muster.ch: certificate expired on 2026-12-24 \
         | days_left=-3;@~:14;@~:7;0;"
    );
}

#[test]
fn unknown_without_a_certificate_or_with_an_unreadable_file() {
    let now = ISSUED;
    let none = status::evaluate(&[], Thresholds::default(), now);
    assert_eq!(none.state, State::Unknown);
    assert_eq!(none.exit_code(), 3);
    assert_eq!(none.nagios(), "TLS UNKNOWN: no certificate recorded");
    assert_eq!(none.texts(), vec![Text::new("status-none")]);

    let r = record(90);
    let unreadable = FileState::Unreadable {
        detail: "Permission denied | os error 13".into(),
    };
    let rep = status::evaluate(&[(r.clone(), unreadable)], Thresholds::default(), now);
    assert_eq!(rep.exit_code(), 3);
    // No perfdata for a certificate we cannot vouch for; no stray '|'.
    assert_eq!(
        rep.nagios(),
        "TLS UNKNOWN: termine.praxis-muster.ch: file /var/lib/praxis-tls/certs/termine.crt \
         unreadable (Permission denied / os error 13)"
    );
    let rep = status::evaluate(&[(r, FileState::Missing)], Thresholds::default(), now);
    assert_eq!(rep.state, State::Unknown);
    assert_eq!(rep.texts()[0].id, "status-file-missing");
}

#[test]
fn the_worst_certificate_decides_and_each_gets_perfdata() {
    let a = record(90);
    let mut b = record(90);
    b.domain = "termine.zweite-praxis.ch".into();
    b.not_after -= Duration::days(80);
    let now = at_days_left(&a, 50);
    let rep = status::evaluate(
        &[(a, FileState::Matches), (b, FileState::Matches)],
        Thresholds::default(),
        now,
    );
    assert_eq!(rep.state, State::Critical);
    let line = rep.nagios();
    assert!(line.starts_with("TLS CRITICAL: "), "{line}");
    assert!(
        line.ends_with(
            "| days_left_termine.praxis-muster.ch=50;@~:30;@~:7;0; \
             days_left_termine.zweite-praxis.ch=-30;@~:14;@~:7;0;"
        ),
        "{line}"
    );
}

#[test]
fn renewal_window_from_ari_or_two_thirds() {
    let mut r = record(90);
    let (w, src) = r.renewal_window();
    assert_eq!(src, WindowSource::TwoThirds);
    assert_eq!(
        w.start.date(),
        time::macros::date!(2026 - 12 - 24) - Duration::days(30)
    );
    let ari = Window {
        start: datetime!(2026-11-20 00:00 UTC),
        end: datetime!(2026-11-22 00:00 UTC),
    };
    r.renewal.ari_window = Some(ari);
    assert_eq!(r.renewal_window(), (ari, WindowSource::Ari));
    let rep = one(&r, Thresholds::default(), datetime!(2026-11-21 00:00 UTC));
    assert!(rep.certificates[0].renewal_due);
    assert_eq!(rep.certificates[0].window_text().id, "status-renewal-due");
}

#[test]
fn json_has_the_documented_field_names() {
    let r = record(90);
    let rep = one(&r, Thresholds::default(), at_days_left(&r, 12));
    let v: serde_json::Value = serde_json::from_str(&rep.to_json()).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["exit_code"], 1);
    assert_eq!(v["state"], "WARNING");
    assert_eq!(v["checked_at"], "2026-12-12T06:59:59Z");
    let c = &v["certificates"][0];
    for key in [
        "domain",
        "state",
        "days_left",
        "expired",
        "not_before",
        "not_after",
        "lifetime_days",
        "issuer",
        "fingerprint_sha256",
        "path_crt",
        "renewal_window",
        "renewal_window_source",
        "renewal_due",
        "warning_days",
        "critical_days",
        "file",
    ] {
        assert!(c.get(key).is_some(), "missing {key}");
    }
    assert_eq!(c["days_left"], 12);
    assert_eq!(c["renewal_window_source"], "two-thirds");
    assert_eq!(c["file"]["state"], "matches");
    assert_eq!(c["renewal_window"]["start"], "2026-11-24T09:59:59Z");
}

const PEM: &str = "-----BEGIN CERTIFICATE-----\nAAECAwQF\nBgcI\n-----END CERTIFICATE-----\n";

#[test]
fn the_file_is_compared_by_the_leaf_fingerprint() {
    let der = [0u8, 1, 2, 3, 4, 5, 6, 7, 8];
    let fp: String = Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}:"))
        .collect();
    let mut r = record(90);
    r.fingerprint_sha256 = fp.trim_end_matches(':').to_string();
    let chain = format!("{PEM}-----BEGIN CERTIFICATE-----\nCQo=\n-----END CERTIFICATE-----\n");
    assert_eq!(
        status::file_state(&r, Ok(chain.as_bytes())),
        FileState::Matches
    );
    r.fingerprint_sha256 = "00".repeat(32);
    assert!(matches!(
        status::file_state(&r, Ok(PEM.as_bytes())),
        FileState::Different { .. }
    ));
    assert_eq!(
        status::file_state(&r, Err(ReadError::NotFound)),
        FileState::Missing
    );
    assert!(matches!(
        status::file_state(&r, Ok(b"garbage")),
        FileState::Unreadable { .. }
    ));
}

#[test]
fn texts_read_well_in_both_languages() {
    let r = record(90);
    let rep = one(&r, Thresholds::default(), at_days_left(&r, 1));
    let de = i18n::text(Lang::De, &rep.texts()[0]);
    let en = i18n::text(Lang::En, &rep.texts()[0]);
    assert!(de.contains("1 Tag ") || de.contains("1 Tag."), "{de}");
    assert!(en.contains("1 more day "), "{en}");
    assert!(!en.contains("1 more days"), "{en}");
    for t in rep.texts() {
        for lang in Lang::ALL {
            assert_ne!(i18n::text(lang, &t), t.id);
        }
    }
}
