//! The legacy (Traefik v1) edits against expected-output files. There is no
//! Traefik v1 binary to run them against: these files are the whole test.
//! `UPDATE_EXPECT=1 cargo test --test traefik_legacy` rewrites the expected
//! files; review their diff before committing.

use std::path::PathBuf;

use praxis_tls::core::library::compose_override::{CertNames, OverrideError};
use praxis_tls::core::library::traefik_legacy::{
    LegacyTomlError, enable_certificate, legacy_override,
};
use time::macros::date;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/traefik-legacy")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expect(name: &str, actual: &str) {
    let path = dir().join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        want == actual,
        "{name} differs:\n--- want\n{want}\n--- got\n{actual}"
    );
}

const HOST: &str = "termine.praxis-muster.ch";

fn files() -> CertNames {
    CertNames::new(HOST, date!(2026 - 11 - 24))
}

fn edited(input: &str) -> (String, String) {
    let e =
        enable_certificate(&read(input), HOST, &files()).unwrap_or_else(|e| panic!("{input}: {e}"));
    (e.text, e.diff)
}

#[test]
fn shipped_block_is_uncommented_in_place() {
    let (text, diff) = edited("shipped.toml");
    expect("shipped.expected.toml", &text);
    expect("shipped.expected.diff", &diff);
    // Nothing else moved: the same number of lines, three of them changed.
    assert_eq!(text.lines().count(), read("shipped.toml").lines().count());
    assert_eq!(
        diff.lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .count(),
        3
    );
}

#[test]
fn seed_chapter_form_is_uncommented_too() {
    expect("seed-form.expected.toml", &edited("seed-form.toml").0);
}

#[test]
fn already_enabled_is_left_alone() {
    let (text, diff) = edited("enabled.toml");
    assert_eq!(text, read("enabled.toml"));
    assert!(diff.is_empty());
}

#[test]
fn older_date_for_the_same_host_is_replaced() {
    let (text, _) = edited("older-date.toml");
    assert_eq!(text, read("enabled.toml"));
}

#[test]
fn another_hosts_entry_is_kept_and_ours_added() {
    let (text, _) = edited("other-host.toml");
    expect("other-host.expected.toml", &text);
    assert!(text.contains("intranet.praxis-muster.ch.crt\"  # the practice's own"));
}

#[test]
fn crlf_stays_crlf() {
    let (text, _) = edited("crlf.toml");
    expect("crlf.expected.toml", &text);
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text, read("shipped.expected.toml").replace('\n', "\r\n"));
}

#[test]
fn no_trailing_newline_gets_the_block_appended() {
    let (text, _) = edited("no-trailing-newline.toml");
    expect("no-trailing-newline.expected.toml", &text);
    assert!(text.starts_with(&read("no-trailing-newline.toml")));
}

#[test]
fn editing_twice_changes_nothing_more() {
    for input in [
        "shipped.toml",
        "seed-form.toml",
        "other-host.toml",
        "crlf.toml",
        "no-trailing-newline.toml",
    ] {
        let (once, _) = edited(input);
        let twice = enable_certificate(&once, HOST, &files()).unwrap();
        assert_eq!(twice.text, once, "{input}");
        assert!(twice.diff.is_empty(), "{input}");
    }
}

#[test]
fn broken_file_is_refused_with_its_line() {
    match enable_certificate(&read("broken.toml"), HOST, &files()) {
        Err(LegacyTomlError::Parse { line, .. }) => assert_eq!(line, 17),
        other => panic!("{other:?}"),
    }
    let e = enable_certificate(&read("broken.toml"), HOST, &files()).unwrap_err();
    assert_eq!(e.text().id, "proxy-toml-broken");
    assert!(
        e.text()
            .args
            .contains(&("line".to_string(), praxis_tls::core::Arg::Num(17)))
    );
}

#[test]
fn file_without_https_entry_point_is_refused() {
    let e =
        enable_certificate("[entryPoints.http]\naddress = \":80\"\n", HOST, &files()).unwrap_err();
    assert_eq!(e, LegacyTomlError::NoHttps);
}

#[test]
fn legacy_override_pins_internal_sites_to_http() {
    let e = legacy_override(
        &read("docker-compose.yml"),
        "/var/lib/praxis-tls/proxy/certs",
        None,
    )
    .unwrap();
    expect("docker-compose.override.expected.yml", &e.text);
    assert!(
        e.text
            .contains("\"traefik.external.frontend.entryPoints=https,http\"")
    );
    for seg in ["traefik.internal.", "traefik.ui.", "traefik.aet."] {
        assert!(
            e.text
                .contains(&format!("\"{seg}frontend.entryPoints=http\"")),
            "{seg}"
        );
    }
    // The wizard's own file may be rewritten; the practice's may not.
    assert!(legacy_override(&read("docker-compose.yml"), "/x", Some(&e.text)).is_ok());
    assert!(matches!(
        legacy_override(&read("docker-compose.yml"), "/x", Some("services: {}\n")),
        Err(OverrideError::ForeignOverride(_))
    ));
}

/// Compose v1 itself merges the legacy override into the base file: same
/// `version:`, labels merged by key, the certificate mount added. Needs
/// only the `docker-compose` program, not the engine.
#[test]
fn compose_v1_accepts_and_merges_the_legacy_override() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("appserver")).unwrap();
    std::fs::write(dir.path().join("traefik.toml"), read("shipped.toml")).unwrap();
    std::fs::write(
        dir.path().join("docker-compose.yml"),
        read("docker-compose.yml"),
    )
    .unwrap();
    let e = legacy_override(
        &read("docker-compose.yml"),
        "/var/lib/praxis-tls/proxy/certs",
        None,
    )
    .unwrap();
    std::fs::write(dir.path().join("docker-compose.override.yml"), &e.text).unwrap();
    let out = std::process::Command::new("docker-compose")
        .args(["-p", "ptl-legacy-config", "config"])
        .current_dir(dir.path())
        .envs([
            ("LOCAL_NAME", "nuno"),
            ("EXTERNAL_NAME", "praxis-muster.ch"),
        ])
        .envs([("APPSERVER_PORT", "3000"), ("PUBLIC_DBPORT", "3312")])
        .envs([("WEBELEXIS_PORT", "3030"), ("SELFSERVICE_PORT", "4040")])
        .output()
        .expect("docker-compose (Debian's 1.29.2) is installed");
    let merged = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for want in [
        "traefik.external.frontend.entryPoints: https,http",
        "traefik.external.frontend.rule: Host:termine.praxis-muster.ch",
        "traefik.internal.frontend.entryPoints: http",
        "traefik.aet.frontend.entryPoints: http",
        "/var/lib/praxis-tls/proxy/certs:/certs:ro",
        "/var/run/docker.sock:/var/run/docker.sock",
    ] {
        assert!(merged.contains(want), "{want} missing in:\n{merged}");
    }
}
