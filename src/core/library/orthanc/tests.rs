use super::jsonc::{SyntaxKind, parse};
use super::*;

fn tls(cert: &str) -> OrthancTls {
    OrthancTls {
        certificate: cert.to_string(),
        trusted_clients: None,
        ciphers: None,
    }
}

fn kind(text: &str) -> (SyntaxKind, usize, usize) {
    match parse(text) {
        Err(e) => (e.kind, e.line, e.column),
        Ok(r) => panic!("parsed: {r:?}"),
    }
}

#[test]
fn finds_top_level_members_only() {
    let text = "{\"a\": {\"SslEnabled\": false}, /* x */ \"b\" : [1, 2.5e3, -0, null]}";
    let root = parse(text).unwrap();
    let keys: Vec<_> = root.members.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(&text[root.members[1].value.clone()], "[1, 2.5e3, -0, null]");
}

#[test]
fn comment_markers_inside_strings_are_text() {
    let text = "{ \"url\": \"http://x/*y*/\" // real comment\n}";
    let root = parse(text).unwrap();
    assert_eq!(&text[root.members[0].value.clone()], "\"http://x/*y*/\"");
}

#[test]
fn escapes_are_decoded_in_keys() {
    let root = parse(r#"{"Ssl\u0045nabled": true, "\ud83d\ude00": 1}"#).unwrap();
    assert_eq!(root.members[0].key, "SslEnabled");
    assert_eq!(root.members[1].key, "\u{1f600}");
}

#[test]
fn errors_name_line_and_kind() {
    // The forgotten comma is named where it belongs: after the `1`.
    assert_eq!(
        kind("{\n  \"a\": 1\n  \"b\": 2\n}"),
        (SyntaxKind::MissingComma, 2, 9)
    );
    assert_eq!(kind("{ \"a\": [1 2] }"), (SyntaxKind::MissingComma, 1, 10));
    assert_eq!(kind("{ \"a\": 1 : }"), (SyntaxKind::Unexpected, 1, 10));
    assert_eq!(kind("{ /* open\n"), (SyntaxKind::UnclosedComment, 1, 3));
    assert_eq!(
        kind("{ \"a\": \"x\n\" }"),
        (SyntaxKind::UnclosedString, 1, 8)
    );
    assert_eq!(kind("[1, 2]"), (SyntaxKind::RootNotObject, 1, 1));
    assert_eq!(kind("{} x"), (SyntaxKind::TrailingContent, 1, 4));
    assert_eq!(kind("{\"a\": tru}"), (SyntaxKind::Unexpected, 1, 7));
    assert_eq!(kind("{\"a\": \"\\q\"}"), (SyntaxKind::BadEscape, 1, 8));
    assert_eq!(kind("{\"a\": "), (SyntaxKind::UnexpectedEnd, 1, 7));
    assert_eq!(kind(""), (SyntaxKind::UnexpectedEnd, 1, 1));
    let deep = format!("{{\"a\": {}{}}}", "[".repeat(100), "]".repeat(100));
    assert_eq!(kind(&deep).0, SyntaxKind::TooDeep);
}

#[test]
fn trailing_comma_is_tolerated_and_kept_valid() {
    let out = enable_https("{\n  \"Name\": \"x\",\n}\n", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"Name\": \"x\",\n  \"SslEnabled\": true,\n  \"SslCertificate\": \"/c.pem\"\n}\n"
    );
}

#[test]
fn empty_and_one_line_objects() {
    let out = enable_https("{}", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"SslEnabled\": true,\n  \"SslCertificate\": \"/c.pem\"\n}"
    );
    let out = enable_https("{ \"Name\" : \"x\" }", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{ \"Name\" : \"x\", \"SslEnabled\" : true, \"SslCertificate\" : \"/c.pem\" }"
    );
}

#[test]
fn duplicates_are_all_set_and_paths_escaped() {
    let text = "{\"SslEnabled\": false, \"SslEnabled\": false, \"SslCertificate\": 1}";
    let out = enable_https(text, &tls("C:\\o \"x\".pem"), "f").unwrap();
    assert_eq!(
        out.text,
        r#"{"SslEnabled": true, "SslEnabled": true, "SslCertificate": "C:\\o \"x\".pem"}"#
    );
    let now = current_tls(&out.text).unwrap();
    assert_eq!(now.certificate.as_deref(), Some("C:\\o \"x\".pem"));
}

#[test]
fn unchanged_file_has_no_diff() {
    let text = "{\n  \"SslEnabled\" : true,\n  \"SslCertificate\" : \"/c.pem\"\n}\n";
    let out = enable_https(text, &tls("/c.pem"), "f").unwrap();
    assert!(!out.changed());
    assert_eq!(out.text, text);
}

#[test]
fn error_text_carries_path_and_position() {
    let e = enable_https("{\n\"a\" 1}", &tls("/c"), "f").unwrap_err();
    let t = e.text("/etc/orthanc/orthanc.json");
    assert_eq!(t.id, "orthanc-syntax-unexpected");
    assert!(t.args.contains(&("line".to_string(), "2".to_string())));
    assert!(t.args.contains(&("column".to_string(), "5".to_string())));
}
