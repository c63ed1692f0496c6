//! Recorded Let's Encrypt problem documents (RFC 8555 §6.7) map to findings.

use praxis_tls::core::library::acme_errors::{AcmeProblem, explain};
use time::macros::datetime;

fn fixture(name: &str) -> AcmeProblem {
    let path = format!(
        "{}/tests/fixtures/acme-problems/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const HOST: &str = "termine.praxis-muster.ch";

fn ids(name: &str) -> (String, String) {
    let f = explain(&fixture(name), HOST, None);
    let detail = f.detail.clone().unwrap_or_default();
    assert!(!detail.is_empty(), "{name}: raw text kept");
    assert!(
        detail.contains(fixture(name).detail.as_deref().unwrap_or("")),
        "{name}"
    );
    (f.summary.id, f.fix.map(|t| t.id).unwrap_or_default())
}

#[test]
fn every_fixture_maps_to_its_explanation() {
    let cases = [
        (
            "connection-timeout",
            "acme-error-connection-timeout",
            "acme-fix-connection-timeout",
        ),
        (
            "redirect-https-timeout",
            "acme-error-redirect-https",
            "acme-fix-redirect-https",
        ),
        (
            "connection-refused",
            "acme-error-connection-refused",
            "acme-fix-connection-refused",
        ),
        (
            "unauthorized-404",
            "acme-error-response-404",
            "acme-fix-response-404",
        ),
        (
            "dns-nxdomain",
            "acme-error-dns-nxdomain",
            "acme-fix-dns-nxdomain",
        ),
        (
            "dns-no-valid-ip",
            "acme-error-dns-nxdomain",
            "acme-fix-dns-nxdomain",
        ),
        (
            "dns-servfail",
            "acme-error-dns-servfail",
            "acme-fix-dns-servfail",
        ),
        ("caa", "acme-error-caa", "acme-fix-caa"),
        (
            "rate-limited-duplicate",
            "acme-error-rate-duplicate",
            "acme-fix-rate-wait",
        ),
        (
            "rate-limited-failed-authz",
            "acme-error-rate-failed",
            "acme-fix-rate-failed",
        ),
        (
            "secondary-validation",
            "acme-error-secondary",
            "acme-fix-secondary",
        ),
        (
            "rejected-identifier-compound",
            "acme-error-rejected-identifier",
            "acme-fix-rejected-identifier",
        ),
        ("bad-nonce", "acme-error-bad-nonce", "acme-fix-bad-nonce"),
        (
            "server-internal",
            "acme-error-server-internal",
            "acme-fix-server-internal",
        ),
        ("malformed", "acme-error-malformed", "acme-fix-malformed"),
        (
            "account-does-not-exist",
            "acme-error-account-missing",
            "acme-fix-account-missing",
        ),
        (
            "order-not-ready",
            "acme-error-order-not-ready",
            "acme-fix-order-not-ready",
        ),
        ("bad-csr", "acme-error-bad-csr", "acme-fix-bad-csr"),
        // A TLS failure at an https:// URL happened after a redirect from port 80.
        (
            "tls",
            "acme-error-redirect-https",
            "acme-fix-redirect-https",
        ),
        (
            "incorrect-response",
            "acme-error-incorrect-response",
            "acme-fix-incorrect-response",
        ),
        (
            "external-account-required",
            "acme-error-eab-required",
            "acme-fix-eab-required",
        ),
        (
            "user-action-required",
            "acme-error-user-action",
            "acme-fix-user-action",
        ),
        (
            "invalid-contact",
            "acme-error-invalid-contact",
            "acme-fix-invalid-contact",
        ),
        (
            "already-revoked",
            "acme-error-already-revoked",
            "acme-fix-already-revoked",
        ),
        (
            "bad-public-key",
            "acme-error-bad-public-key",
            "acme-fix-bad-public-key",
        ),
        (
            "bad-revocation-reason",
            "acme-error-bad-revocation-reason",
            "acme-fix-bad-revocation-reason",
        ),
        (
            "bad-signature-algorithm",
            "acme-error-bad-signature-algorithm",
            "acme-fix-bad-signature-algorithm",
        ),
        (
            "unsupported-contact",
            "acme-error-unsupported-contact",
            "acme-fix-unsupported-contact",
        ),
        (
            "unsupported-identifier",
            "acme-error-unsupported-identifier",
            "acme-fix-unsupported-identifier",
        ),
        ("dns-timeout", "acme-error-dns", "acme-fix-dns"),
        // A broken chain of trust in the name's DNS is the provider's to fix.
        (
            "dns-dnssec",
            "acme-error-dns-servfail",
            "acme-fix-dns-servfail",
        ),
        (
            "connection-reset",
            "acme-error-connection",
            "acme-fix-connection",
        ),
        (
            "connection-slow",
            "acme-error-connection",
            "acme-fix-connection",
        ),
        (
            "unauthorized",
            "acme-error-unauthorized",
            "acme-fix-unauthorized",
        ),
        // Let's Encrypt sends a wrong challenge answer as `unauthorized`.
        (
            "unauthorized-key-mismatch",
            "acme-error-incorrect-response",
            "acme-fix-incorrect-response",
        ),
        (
            "unauthorized-account-deactivated",
            "acme-error-account-missing",
            "acme-fix-account-missing",
        ),
        (
            "rate-limited-registered-domain",
            "acme-error-rate-domain",
            "acme-fix-rate-wait",
        ),
        (
            "rate-limited-new-orders",
            "acme-error-rate-orders",
            "acme-fix-rate-orders",
        ),
    ];
    for (file, summary, fix) in cases {
        assert_eq!(ids(file), (summary.to_string(), fix.to_string()), "{file}");
    }
}

#[test]
fn rate_limit_says_until_when() {
    let f = explain(&fixture("rate-limited-duplicate"), HOST, None);
    let fix = f.fix.unwrap();
    assert_eq!(
        fix.args,
        [("until".to_string(), "2026-11-26 09:23 UTC".into())]
    );
    // The Retry-After header wins over the text.
    let f = explain(
        &fixture("rate-limited-failed-authz"),
        HOST,
        Some(datetime!(2026-11-24 14:00 UTC)),
    );
    assert_eq!(f.fix.unwrap().args[0].1, "2026-11-24 14:00 UTC");
}

#[test]
fn response_404_carries_status_and_host() {
    let f = explain(&fixture("unauthorized-404"), HOST, None);
    assert!(f.summary.args.contains(&("status".into(), "404".into())));
    assert!(f.summary.args.contains(&("host".into(), HOST.into())));
}

#[test]
fn every_fixture_parses_and_every_id_exists_in_both_languages() {
    let dir = format!(
        "{}/tests/fixtures/acme-problems",
        env!("CARGO_MANIFEST_DIR")
    );
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_stem().unwrap().to_str().unwrap().to_string();
        if name == "renewal-info" {
            continue;
        }
        let f = explain(&fixture(&name), HOST, None);
        for lang in praxis_tls::core::Lang::ALL {
            for t in [Some(&f.summary), f.fix.as_ref()].into_iter().flatten() {
                let s = praxis_tls::i18n::text(lang, t);
                assert_ne!(s, t.id, "{name}: {} missing in {lang:?}", t.id);
            }
        }
    }
}

fn german(t: &praxis_tls::core::Text) -> String {
    praxis_tls::i18n::text(praxis_tls::core::Lang::De, t)
}

#[test]
fn too_many_failed_validations_never_advise_waiting_unchanged() {
    let f = explain(&fixture("rate-limited-failed-authz"), HOST, None);
    let fix = german(&f.fix.unwrap());
    assert!(fix.contains("Probelauf"), "{fix}");
    assert!(fix.contains("24.11.2026 "), "{fix}");
    assert!(!fix.contains("nichts ändern"), "{fix}");
}

#[test]
fn a_redirect_to_https_is_named_with_port_443_not_port_80() {
    let f = explain(&fixture("redirect-https-timeout"), HOST, None);
    let summary = german(&f.summary);
    assert!(summary.contains("443"), "{summary}");
    let fix = german(&f.fix.unwrap());
    assert!(fix.contains("leitet"), "{fix}");
    assert!(!fix.contains("Firewall"), "{fix}");
}

#[test]
fn in_the_wizard_the_fix_names_the_port_and_a_foreign_address_is_the_cause() {
    use praxis_tls::core::library::acme_context::in_context;
    let own = ["93.184.215.14".parse().unwrap()];
    let f = in_context(
        explain(&fixture("connection-refused"), HOST, None),
        28402,
        &own,
        HOST,
    );
    let fix = german(&f.fix.unwrap());
    assert!(fix.contains("Port 28402"), "{fix}");
    assert!(!fix.contains("Port des Assistenten"), "{fix}");

    let other = ["198.51.100.9".parse().unwrap()];
    let f = in_context(
        explain(&fixture("connection-refused"), HOST, None),
        28402,
        &other,
        HOST,
    );
    let summary = german(&f.summary);
    assert!(
        summary.contains("93.184.215.14") && summary.contains("198.51.100.9"),
        "{summary}"
    );
    assert!(!german(&f.fix.unwrap()).contains("Router: Sie muss"));
}

/// Every recorded problem type's advice in German, as she reads it: the
/// words that must be there, and the ones that would send her the wrong way.
#[test]
fn the_german_advice_for_every_problem_type_points_the_right_way() {
    struct Case {
        file: &'static str,
        summary_has: &'static [&'static str],
        fix_has: &'static [&'static str],
        fix_never: &'static [&'static str],
    }
    // Advice to wait with nothing changed, or to simply try again, is wrong
    // wherever something must be fixed first.
    const WAIT_UNCHANGED: &str = "nichts ändern";
    const JUST_RETRY: &str = "einfach erneut";
    let cases = [
        Case {
            file: "already-revoked",
            summary_has: &["schon gesperrt"],
            fix_has: &["nichts mehr zu tun", "neues ausstellen"],
            fix_never: &["erneut versuchen", "Router"],
        },
        Case {
            file: "bad-revocation-reason",
            summary_has: &["nicht gesperrt"],
            fix_has: &["hilft nicht", "IT-Betreuer"],
            fix_never: &["Router", WAIT_UNCHANGED],
        },
        Case {
            file: "bad-public-key",
            summary_has: &["Schlüssel des gespeicherten Kontos"],
            fix_has: &["hilft nicht", "neues Konto", "neuen Schlüssel"],
            fix_never: &["Router", "Zertifikatsanfrage", JUST_RETRY],
        },
        Case {
            file: "bad-signature-algorithm",
            summary_has: &["unterschreibt"],
            fix_has: &["nicht an Ihrer Einrichtung", "hilft nicht", "IT-Betreuer"],
            fix_never: &["Router", "Zertifikatsanfrage", JUST_RETRY],
        },
        Case {
            file: "unsupported-contact",
            summary_has: &["nur eine E-Mail-Adresse"],
            fix_has: &["genau eine E-Mail-Adresse"],
            fix_never: &["Router", "empfangen kann"],
        },
        Case {
            file: "unsupported-identifier",
            summary_has: &[HOST],
            fix_has: &["An Ihrem Namen liegt es nicht", "IT-Betreuer"],
            fix_never: &["Router", "öffentliche Domain"],
        },
        Case {
            file: "dns-timeout",
            summary_has: &["DNS"],
            fix_has: &["Nameserver", "5 pro Stunde", "Domain-Anbieter"],
            fix_never: &["Router", WAIT_UNCHANGED],
        },
        Case {
            file: "dns-dnssec",
            summary_has: &["Nameserver"],
            fix_has: &["DNSSEC", "Domain-Anbieter"],
            fix_never: &["Router", "erneut"],
        },
        // Reachability must be fixed, and proven without spending an attempt.
        Case {
            file: "connection-reset",
            summary_has: &["Verbindung brach ab"],
            fix_has: &["Port 80", "Router", "Probelauf"],
            fix_never: &[WAIT_UNCHANGED, "Internetverbindung", JUST_RETRY],
        },
        Case {
            file: "connection-slow",
            summary_has: &["ohne Antwort"],
            fix_has: &["Port 80", "Probelauf"],
            fix_never: &[WAIT_UNCHANGED, "Internetverbindung"],
        },
        Case {
            file: "unauthorized",
            summary_has: &[HOST],
            fix_has: &["öffentliche Adresse", "Port 80"],
            fix_never: &[WAIT_UNCHANGED],
        },
        Case {
            file: "unauthorized-key-mismatch",
            summary_has: &["anderes Programm"],
            fix_has: &["Port 80", "Vermittler"],
            fix_never: &[WAIT_UNCHANGED, "DNS"],
        },
        Case {
            file: "unauthorized-account-deactivated",
            summary_has: &["Konto"],
            fix_has: &["hilft nicht", "neues Konto"],
            fix_never: &["Router", "Port 80"],
        },
        // Rate limits on certificates: the cause is already fixed, so the
        // advice is to wait, and the time is named.
        Case {
            file: "rate-limited-registered-domain",
            summary_has: &["Ihre Domain"],
            fix_has: &["28.11.2026 ", WAIT_UNCHANGED],
            fix_never: &["Router"],
        },
        Case {
            file: "rate-limited-duplicate",
            summary_has: &[HOST, "5 Zertifikate"],
            fix_has: &["26.11.2026 "],
            fix_never: &["Router"],
        },
        // Failed validations: fix reachability, prove it, then wait.
        Case {
            file: "rate-limited-failed-authz",
            summary_has: &[HOST, "fehlgeschlagen"],
            fix_has: &[
                "Warten allein hilft nicht",
                "Port 80",
                "Probelauf",
                "24.11.2026 ",
            ],
            fix_never: &[WAIT_UNCHANGED],
        },
        // Hundreds of orders: something orders in a loop and must be stopped.
        Case {
            file: "rate-limited-new-orders",
            summary_has: &["zu viele Aufträge"],
            fix_has: &["immer wieder", "abstellen", "24.11.2026 "],
            fix_never: &[WAIT_UNCHANGED],
        },
        // A redirect to HTTPS is named as such, with port 443.
        Case {
            file: "redirect-https-timeout",
            summary_has: &["umgeleitet", "443"],
            fix_has: &["leitet", "HTTPS", "Port 443"],
            fix_never: &["Firewall", WAIT_UNCHANGED],
        },
    ];
    for c in cases {
        let f = explain(&fixture(c.file), HOST, None);
        let summary = german(&f.summary);
        let fix = german(f.fix.as_ref().unwrap());
        for want in c.summary_has {
            assert!(summary.contains(want), "{}: {want:?} in {summary}", c.file);
        }
        for want in c.fix_has {
            assert!(fix.contains(want), "{}: {want:?} in {fix}", c.file);
        }
        for never in c.fix_never {
            assert!(!fix.contains(never), "{}: {never:?} in {fix}", c.file);
        }
    }
}

#[test]
fn a_broken_connection_names_the_port_in_the_wizard() {
    use praxis_tls::core::library::acme_context::in_context;
    let own = ["93.184.215.14".parse().unwrap()];
    let f = in_context(
        explain(&fixture("connection-reset"), HOST, None),
        28402,
        &own,
        HOST,
    );
    let fix = german(&f.fix.unwrap());
    assert!(fix.contains("Port 28402"), "{fix}");
    assert!(!fix.contains("Port des Assistenten"), "{fix}");
}
