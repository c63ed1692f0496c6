//! The command line speaks her words too: `status`, `undo`, `renew`,
//! `certificate`, `check` and the mails they send say in German what
//! happened first, the technical term after it in brackets, and dates as
//! 24.12.2026 (issue 11, point 18).

mod support;

use std::collections::BTreeSet;

use fluent_syntax::ast;
use fluent_syntax::parser::parse;
use praxis_tls::core::Lang;
use praxis_tls::i18n;
use support::jargon::{bare_words, iso_dates};

/// The files whose messages the command line prints or mails.
const CLI_FILES: &[&str] = &[
    "cli.ftl",
    "renewal.ftl",
    "keepvalid.ftl",
    "journal.ftl",
    "patients.ftl",
    "golive.ftl",
    "limits.ftl",
    "certificate.ftl",
    "reach.ftl",
    "dns.ftl",
    "golive-steps.ftl",
    "compose-ready.ftl",
];

/// Every message of those files with the names of its variables.
fn messages() -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (lang, file, src) in i18n::sources() {
        if *lang != "de" || !CLI_FILES.contains(file) {
            continue;
        }
        let Ok(res) = parse(*src) else {
            panic!("de/{file} does not parse");
        };
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    collect_vars(v, &mut vars);
                }
                out.push((m.id.name.to_string(), vars));
            }
        }
    }
    out
}

fn collect_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.insert(id.name.to_string());
                }
                ast::Expression::Select { selector, variants } => {
                    if let ast::InlineExpression::VariableReference { id } = selector {
                        out.insert(id.name.to_string());
                    }
                    for v in variants {
                        collect_vars(&v.value, out);
                    }
                }
                _ => {}
            }
        }
    }
}

#[test]
fn every_command_line_message_speaks_her_words_in_german() {
    let mut bad = Vec::new();
    for (id, vars) in messages() {
        // A placeholder that is no word of either list.
        let args: Vec<(&str, &str)> = vars.iter().map(|v| (v.as_str(), "X")).collect();
        for lang in [Lang::De, Lang::DeCh] {
            let text = i18n::tr_args(lang, &id, &args);
            for w in bare_words(&text) {
                bad.push(format!("{lang:?} {id}: {w}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "bare jargon or English:\n{}",
        bad.join("\n")
    );
}

mod status_and_mail {
    use std::path::Path;
    use std::process::{Command, Stdio};

    use praxis_tls::core::library::acme_errors::{AcmeProblem, explain};
    use praxis_tls::core::library::status::{CertRecord, RenewalHint};
    use praxis_tls::core::{Lang, Text, Wizard};
    use praxis_tls::io::mail::{self, Notice};
    use praxis_tls::io::store::Store;
    use time::{Duration, OffsetDateTime};

    use super::{bare_words, iso_dates};

    const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
    const HOST: &str = "termine.praxis-muster.ch";

    fn assert_her_words(what: &str, text: &str) {
        let bad = bare_words(text);
        assert!(bad.is_empty(), "{what}: {bad:#?}\n{text}");
        let iso = iso_dates(text);
        assert!(iso.is_empty(), "{what}: ISO dates {iso:?}\n{text}");
    }

    /// A state whose certificate ends in `days` and whose setup was taken
    /// back an hour ago: the status says the most it can.
    fn state(root: &Path, days: i64) -> std::path::PathBuf {
        let state = root.join("state");
        let store = Store::open(&state).unwrap();
        let now = OffsetDateTime::now_utc();
        let cert = praxis_tls::io::self_signed::generate(HOST, now - Duration::days(80), 80 + days)
            .unwrap();
        let crt = state.join("termine.crt");
        std::fs::write(&crt, &cert.cert_pem).unwrap();
        let mut w = Wizard::new(Lang::De, now);
        w.certificate.installed = Some(CertRecord {
            domain: HOST.into(),
            path_crt: crt,
            path_key: state.join("termine.key"),
            not_before: cert.info.not_before,
            not_after: cert.info.not_after,
            issuer: cert.info.issuer.clone(),
            fingerprint_sha256: cert.info.fingerprint_sha256.clone(),
            renewal: RenewalHint::default(),
        });
        w.golive.undone_at = Some(now - Duration::hours(1));
        store.save(&w).unwrap();
        state
    }

    fn status(state: &Path, lang: &str) -> String {
        let o = Command::new(BIN)
            .arg("--state-dir")
            .arg(state)
            .args(["--lang", lang, "status"])
            .env_remove("PRAXIS_TLS_STATE_DIR")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    }

    #[test]
    fn status_speaks_her_words_in_german() {
        let root = tempfile::tempdir().unwrap();
        for days in [40, 5] {
            let state = state(&root.path().join(days.to_string()), days);
            for lang in ["de", "de-CH"] {
                let out = status(&state, lang);
                assert!(out.contains(HOST), "{out}");
                assert!(out.contains("zurückgenommen"), "{out}");
                assert_her_words(&format!("status {lang}, {days} days"), &out);
            }
        }
    }

    #[test]
    fn failure_mails_speak_her_words_in_german() {
        let problem: AcmeProblem = serde_json::from_str(include_str!(
            "fixtures/acme-problems/connection-refused.json"
        ))
        .unwrap();
        let reason = explain(&problem, HOST, None);
        let notices = [
            Notice::RenewFailed {
                domain: HOST.into(),
                days_left: 12,
                reason: reason.summary.clone(),
                next_try: "2026-12-13 10:00 UTC".into(),
            },
            Notice::RenewFailed {
                domain: HOST.into(),
                days_left: 1,
                reason: Text::new("cli-renew-golive-failed").arg("domain", HOST),
                next_try: "2026-12-13 10:00 UTC".into(),
            },
            Notice::RunFailed {
                host: "praxis-server".into(),
            },
            Notice::GatewayRenewed {
                domain: "api.praxis-muster.ch".into(),
                until: "2027-03-13".into(),
            },
            Notice::Reminder {
                domain: HOST.into(),
                renew_at: "2026-12-13".into(),
            },
        ];
        for lang in [Lang::De, Lang::DeCh] {
            for n in &notices {
                let m = mail::compose(n, lang);
                let text = format!("{}\n{}", m.subject, m.body);
                assert_her_words(&format!("{lang:?} {n:?}"), &text);
            }
        }
    }
}

/// The word test itself: a term in brackets or a command in quotes is
/// fine, the same term bare is not.
#[test]
fn the_word_test_tells_bare_from_bracketed() {
    assert!(bare_words("Der Vermittler (Proxy) startet neu.").is_empty());
    assert!(bare_words("Mit „praxis-tls undo“ zurücknehmen.").is_empty());
    assert!(bare_words("Mit «praxis-tls undo» zurücknehmen.").is_empty());
    assert!(!bare_words("Der Proxy startet neu.").is_empty());
    assert!(!bare_words("mit praxis-tls undo zurückgenommen").is_empty());
    assert!(!bare_words("The certificate is valid.").is_empty());
    assert!(bare_words("in /etc/cron.d/praxis-tls und termine.praxis.ch").is_empty());
    assert_eq!(iso_dates("bis 2026-12-24 13:41"), ["2026-12-24"]);
    assert!(iso_dates("bis 24.12.2026").is_empty());
}
