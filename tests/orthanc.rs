//! Orthanc's configuration edit against expected files, and the practice
//! CA's certificates in a real mutual-TLS handshake on loopback.

use std::path::PathBuf;

use praxis_tls::core::orthanc::{OrthancTls, current_tls, enable_https};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/orthanc")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// Compares with the expected file; `UPDATE_FIXTURES=1` rewrites it after
/// a deliberate change (review the diff before committing).
fn assert_expected(name: &str, actual: &str) {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(fixture(name), actual).unwrap();
    }
    assert_eq!(read(name), actual, "differs from {name}");
}

/// Orthanc's comments removed, so serde_json can check the result.
fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                while chars.peek().is_some_and(|&n| n != '\n') {
                    chars.next();
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut last = ' ';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

fn as_json(text: &str) -> serde_json::Value {
    serde_json::from_str(&strip_comments(text)).unwrap()
}

const CERT: &str = "/etc/orthanc/tls/pacs.praxis.lan.pem";
const TRUSTED: &str = "/etc/orthanc/tls/praxis-ca.crt";

#[test]
fn adds_https_to_a_file_without_it_keeping_comments() {
    let original = read("without-tls.json");
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: Some(TRUSTED.into()),
    };
    let edit = enable_https(&original, &tls, "orthanc.json").unwrap();
    assert_expected("without-tls.expected.json", &edit.text);
    assert_expected("without-tls.expected.diff", &edit.diff);

    // Every comment line of the original is still there.
    for line in original
        .lines()
        .filter(|l| l.contains("//") || l.contains('*'))
    {
        let comment = line.find("//").map_or(line.trim(), |i| &line[i..]);
        assert!(edit.text.contains(comment), "lost: {comment}");
    }
    let json = as_json(&edit.text);
    assert_eq!(json["SslEnabled"], true);
    assert_eq!(json["SslCertificate"], CERT);
    assert_eq!(json["SslVerifyPeers"], true);
    assert_eq!(json["SslTrustedClientCertificates"], TRUSTED);
    // Everything else as it was.
    let mut before = as_json(&original);
    let mut after = json;
    for key in [
        "SslEnabled",
        "SslCertificate",
        "SslVerifyPeers",
        "SslTrustedClientCertificates",
    ] {
        after.as_object_mut().unwrap().remove(key);
        before.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(before, after);
}

#[test]
fn replaces_values_of_keys_already_present() {
    let original = read("with-tls.json");
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: None,
    };
    let edit = enable_https(&original, &tls, "orthanc.json").unwrap();
    assert_expected("with-tls.expected.json", &edit.text);
    // Only the two values changed: same number of lines, comments intact.
    assert_eq!(original.lines().count(), edit.text.lines().count());
    assert!(
        edit.text
            .contains("\"SslEnabled\": true,    // vorerst aus")
    );
    let json = as_json(&edit.text);
    assert_eq!(json["SslEnabled"], true);
    assert_eq!(json["SslCertificate"], CERT);
    // Client certificates were not asked for: left as they were.
    assert_eq!(json["SslVerifyPeers"], false);
    assert_eq!(json["SslTrustedClientCertificates"], "");
    let now = current_tls(&edit.text).unwrap();
    assert_eq!(now.ssl_enabled, Some(true));
    assert_eq!(now.certificate.as_deref(), Some(CERT));

    // Running it again changes nothing.
    let again = enable_https(&edit.text, &tls, "orthanc.json").unwrap();
    assert!(!again.changed());
}

#[test]
fn refuses_a_broken_file_and_names_the_line() {
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: None,
    };
    let err = enable_https(&read("broken.json"), &tls, "orthanc.json").unwrap_err();
    let text = err.text("/etc/orthanc/orthanc.json");
    assert_eq!(text.id, "orthanc-syntax-unexpected");
    let arg = |n: &str| {
        text.args
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(arg("line"), Some("4"));
    assert_eq!(arg("column"), Some("3"));
    assert_eq!(arg("path"), Some("/etc/orthanc/orthanc.json"));
}
