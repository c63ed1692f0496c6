use super::jsonc::{self, Document, SyntaxKind};
use super::*;

fn tls(cert: &str) -> OrthancTls {
    OrthancTls {
        certificate: cert.to_string(),
        trusted_clients: None,
        ciphers: None,
    }
}

fn kind(text: &str) -> (SyntaxKind, usize, usize) {
    match Document::parse(text) {
        Err(e) => (e.kind, e.line, e.column),
        Ok(d) => panic!("parsed: {}", d.text()),
    }
}

fn names(doc: &Document) -> Vec<String> {
    let props = doc.object().properties();
    props.iter().filter_map(|p| p.decoded_name()).collect()
}

#[test]
fn finds_top_level_members_only() {
    let text = "{\"a\": {\"SslEnabled\": false}, /* x */ \"b\" : [1, 2.5e3, -0, null]}";
    let doc = Document::parse(text).unwrap();
    assert_eq!(names(&doc), ["a", "b"]);
    let b = jsonc::last(doc.object(), "b").and_then(|p| p.value());
    assert_eq!(b.unwrap().to_string(), "[1, 2.5e3, -0, null]");
}

#[test]
fn comment_markers_inside_strings_are_text() {
    let text = "{ \"url\": \"http://x/*y*/\" // real comment\n}";
    let doc = Document::parse(text).unwrap();
    let url = jsonc::last(doc.object(), "url").and_then(|p| p.value());
    assert_eq!(url.unwrap().to_string(), "\"http://x/*y*/\"");
    assert_eq!(doc.text(), text);
}

#[test]
fn escapes_are_decoded_in_keys() {
    let doc = Document::parse(r#"{"Ssl\u0045nabled": true, "\ud83d\ude00": 1}"#).unwrap();
    assert_eq!(names(&doc), ["SslEnabled", "\u{1f600}"]);
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
    // The crate's own limit (512) guards its stack; ours was 64.
    let deep = format!("{{\"a\": {}{}}}", "[".repeat(600), "]".repeat(600));
    assert_eq!(kind(&deep).0, SyntaxKind::TooDeep);
}

#[test]
fn trailing_comma_is_tolerated_and_kept() {
    // The file's own style stays: it ended with a comma before `}`, and so
    // does the edit (the old editor dropped it). Orthanc read the file with
    // that comma before, so it reads it after.
    let out = enable_https("{\n  \"Name\": \"x\",\n}\n", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"Name\": \"x\",\n  \"SslEnabled\": true,\n  \"SslCertificate\": \"/c.pem\",\n}\n"
    );
    assert_eq!(current_tls(&out.text).unwrap().ssl_enabled, Some(true));
}

#[test]
fn empty_and_one_line_objects() {
    let out = enable_https("{}", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"SslEnabled\": true,\n  \"SslCertificate\": \"/c.pem\"\n}"
    );
    // A one-line object that gains entries becomes a block, one entry a
    // line (the crate's rule, and how Orthanc's own sample is written);
    // the old editor kept it on one line. The `:` spacing stays the file's.
    let out = enable_https("{ \"Name\" : \"x\" }", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"Name\" : \"x\",\n  \"SslEnabled\" : true,\n  \"SslCertificate\" : \"/c.pem\"\n}"
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
    assert_eq!(t.get("line"), Some(&crate::core::Arg::Num(2)));
    assert_eq!(t.get("column"), Some(&crate::core::Arg::Num(5)));
}

#[test]
fn comments_stay_through_an_edit() {
    let text = "// Praxis\n{\n  /* HTTPS */\n  \"SslEnabled\" /* vorerst */ : false, // aus\n  \"Name\" : \"x\" // Server\n  // Ende\n}\n// Schluss\n";
    let out = enable_https(text, &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "// Praxis\n{\n  /* HTTPS */\n  \"SslEnabled\" /* vorerst */ : true, // aus\n  \"SslCertificate\" : \"/c.pem\",\n  \"Name\" : \"x\" // Server\n  // Ende\n}\n// Schluss\n"
    );
}

#[test]
fn nested_keys_of_the_same_name_are_left_alone() {
    let text = "{\n  \"Plugin\" : { \"SslEnabled\" : false, \"Deep\" : { \"SslCertificate\" : \"/p.pem\" } },\n  \"Dicom\" : [ { \"SslEnabled\" : false } ],\n  \"SslEnabled\" : false\n}\n";
    let out = enable_https(text, &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\n  \"Plugin\" : { \"SslEnabled\" : false, \"Deep\" : { \"SslCertificate\" : \"/p.pem\" } },\n  \"Dicom\" : [ { \"SslEnabled\" : false } ],\n  \"SslEnabled\" : true,\n  \"SslCertificate\" : \"/c.pem\"\n}\n"
    );
    let now = current_tls(&out.text).unwrap();
    assert_eq!(now.certificate.as_deref(), Some("/c.pem"));
}

#[test]
fn a_forgotten_quote_is_named_where_the_string_starts() {
    // The parser would stumble on line 3; the mistake is on line 2.
    let text = "{\n  \"SslCertificate\" : \"/c.pem,\n  \"SslEnabled\" : true\n}\n";
    assert_eq!(kind(text), (SyntaxKind::UnclosedString, 2, 22));
    assert_eq!(
        kind("{ \"a\": \"x\u{1}\" }"),
        (SyntaxKind::ControlInString, 1, 10)
    );
    // An earlier mistake is named first.
    assert_eq!(
        kind("{ \"a\" 1, \"b\": \"x\n\" }"),
        (SyntaxKind::Unexpected, 1, 7)
    );
    // The crate's liberties are refused as Orthanc's reader refuses them.
    assert_eq!(kind("{ a: 1 }"), (SyntaxKind::Unexpected, 1, 3));
    assert_eq!(kind("{ \"a\": 'x' }"), (SyntaxKind::Unexpected, 1, 8));
    assert_eq!(kind("{ \"a\": 0x1F }"), (SyntaxKind::Unexpected, 1, 8));
    // Where the text stops, not where the bracket opened.
    assert_eq!(
        kind("{\n  \"a\": [1,\n  2\n"),
        (SyntaxKind::UnexpectedEnd, 4, 1)
    );
}

#[test]
fn a_byte_order_mark_is_kept_and_counts_in_columns() {
    let text = "\u{feff}{ \"Name\" : \"x\" }";
    let out = enable_https(text, &tls("/c.pem"), "f").unwrap();
    assert!(out.text.starts_with("\u{feff}{\n"), "{:?}", out.text);
    assert_eq!(kind("\u{feff}{ \"a\" 1 }"), (SyntaxKind::Unexpected, 1, 8));
}

#[test]
fn a_missing_comma_reaches_the_message_with_its_position() {
    let e = current_tls("{\n  \"HttpPort\" : 8042\n  \"SslEnabled\" : true\n}").unwrap_err();
    let t = e.text("/etc/orthanc/orthanc.json");
    assert_eq!(t.id, "orthanc-syntax-missing-comma");
    assert_eq!(t.get("line"), Some(&crate::core::Arg::Num(2)));
    assert_eq!(t.get("column"), Some(&crate::core::Arg::Num(20)));
}

#[test]
fn windows_line_ends_and_tabs_are_the_files() {
    let out = enable_https("{\r\n\t\"Name\" : \"x\"\r\n}\r\n", &tls("/c.pem"), "f").unwrap();
    assert_eq!(
        out.text,
        "{\r\n\t\"Name\" : \"x\",\r\n\t\"SslEnabled\" : true,\r\n\t\"SslCertificate\" : \"/c.pem\"\r\n}\r\n"
    );
}
