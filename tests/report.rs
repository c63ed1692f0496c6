//! The support bundle: the expected files are in it, and no byte of a
//! private key or the SMTP password.

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use praxis_tls::io::mail::{Password, save_password};
use praxis_tls::io::report::{self, Version};
use time::macros::datetime;

const PASSWORD: &str = "Praxis#Geheim-4711";
/// A test key (random bytes in PEM form, not a real key): its body lines
/// must not appear anywhere in the bundle.
const KEY_LINES: [&str; 3] = [
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgq3Tf9yQ0Vb7u8PwX",
    "c2Lh0aKzQmN1Rj5dWk9sYXhWEqGhRANCAAQ7nY1vU0iXw3mJd6fQm2oZ8kT4cB9a",
    "Lp0eN7sHqR2yV4xG1tK8uW3jZ6bD5cF9mA0nE2gI7hL4oP1qS8rT5vU3wX6zY9aB",
];

fn key_pem() -> String {
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        KEY_LINES.join("\n")
    )
}

fn state_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("certs")).unwrap();
    fs::write(d.join("certs/termine.praxis-muster.ch.key"), key_pem()).unwrap();
    // A journal backup of the key, and a staged copy: never packed.
    fs::create_dir_all(d.join("backups")).unwrap();
    fs::write(d.join("backups/3-termine.key"), key_pem()).unwrap();
    save_password(d, &Password::new(PASSWORD)).unwrap();
    fs::write(
        d.join("state.json"),
        format!(
            "{{\"schema\":1,\"wizard\":{{\"mail\":{{\"host\":\"mail.example.ch\",\"user\":\"praxis\",\"smtp_password\":\"{PASSWORD}\"}},\"pasted_key\":{:?}}}}}",
            key_pem()
        ),
    )
    .unwrap();
    fs::write(
        d.join("journal.json"),
        "{\"schema\":1,\"entries\":[{\"id\":3,\"staged\":\"staged/3-termine.key\"}]}",
    )
    .unwrap();
    fs::write(d.join("checks.json"), "{\"dns-a\":\"passed\"}").unwrap();
    let mut log = String::new();
    for i in 0..250 {
        log.push_str(&format!("2026-11-24T10:00:{:02}Z INFO line {i}\n", i % 60));
    }
    log.push_str(&format!(
        "2026-11-24T10:01:00Z WARN smtp login with {PASSWORD} refused\n"
    ));
    log.push_str(&format!(
        "2026-11-24T10:01:01Z DEBUG key body {}\n",
        KEY_LINES[1]
    ));
    fs::write(d.join("praxis-tls.log"), log).unwrap();
    dir
}

fn unpack(bundle: &Path) -> Vec<(String, Vec<u8>)> {
    let gz = flate2::read::GzDecoder::new(fs::File::open(bundle).unwrap());
    let mut ar = tar::Archive::new(gz);
    let mut out = Vec::new();
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().display().to_string();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        out.push((name, bytes));
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn bundle_has_the_files_and_no_secrets() {
    let state = state_dir();
    let out = tempfile::tempdir().unwrap();
    let versions = [
        Version {
            name: "praxis-tls".into(),
            value: "0.1.0".into(),
        },
        Version {
            name: "docker".into(),
            value: "Docker version 26.1.5".into(),
        },
    ];
    let b = report::write_bundle(
        state.path(),
        out.path(),
        &versions,
        datetime!(2026-11-24 10:05 UTC),
    )
    .unwrap();
    assert_eq!(
        b.path,
        out.path().join("praxis-tls-report-20261124T100500Z.tar.gz")
    );
    assert_eq!(
        fs::metadata(&b.path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let files = unpack(&b.path);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let top = "praxis-tls-report-20261124T100500Z";
    for want in [
        "state.json",
        "journal.json",
        "checks.json",
        "log-tail.txt",
        "versions.txt",
        "README.txt",
    ] {
        assert!(
            names.contains(&format!("{top}/{want}").as_str()),
            "{names:?}"
        );
    }
    assert_eq!(names.len(), 6, "{names:?}");

    for (name, bytes) in &files {
        assert!(!contains(bytes, PASSWORD), "password in {name}");
        for line in KEY_LINES {
            assert!(!contains(bytes, line), "key body in {name}");
        }
        assert!(
            !contains(bytes, "PRIVATE KEY-----\\n"),
            "key block in {name}"
        );
    }
    let get = |n: &str| {
        let (_, b) = files.iter().find(|(x, _)| x.ends_with(n)).unwrap();
        String::from_utf8(b.clone()).unwrap()
    };
    let log = get("log-tail.txt");
    assert_eq!(log.lines().count(), 200);
    assert!(log.contains("smtp login with [entfernt] refused"), "{log}");
    assert!(log.contains("key body [entfernt]"));
    let state_json = get("state.json");
    assert!(
        state_json.contains("\"smtp_password\":\"[entfernt]\""),
        "{state_json}"
    );
    assert!(state_json.contains("\"host\":\"mail.example.ch\""));
    assert!(get("versions.txt").contains("docker: Docker version 26.1.5"));
    assert!(b.redactions >= 4, "{}", b.redactions);
}

#[test]
fn secret_files_are_never_candidates() {
    for name in [
        "smtp-password",
        "termine.key",
        "account.json",
        "privkey.pem",
        "acme-credentials.json",
    ] {
        assert!(report::is_secret_file(name), "{name}");
    }
    for name in ["state.json", "journal.json", "checks.json"] {
        assert!(!report::is_secret_file(name), "{name}");
    }
}

#[test]
fn a_missing_state_dir_still_gives_a_bundle_with_versions() {
    let state = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let b = report::write_bundle(
        state.path(),
        out.path(),
        &[],
        datetime!(2026-01-02 03:04:05 UTC),
    )
    .unwrap();
    assert_eq!(b.files, ["versions.txt", "README.txt"]);
}
