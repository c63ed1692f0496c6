//! Takes secrets out of a text before it leaves the server: private-key
//! blocks, values of password-like keys, and known secret values in every
//! spelling we know of (as is, JSON-escaped, base64).

use base64::Engine as _;

/// What stands where a secret was.
pub const REDACTED: &str = "[entfernt]";

/// Keys whose values are secrets; matched case-insensitively as part of a
/// longer name too (`SMTP_PASSWORD`, `smtp-passwd`).
const SECRET_KEYS: [&str; 5] = ["password", "passwd", "passwort", "kennwort", "secret"];

/// The spellings of one secret value that may appear in a log or file.
pub fn spellings(secret: &str) -> Vec<String> {
    if secret.is_empty() {
        return Vec::new();
    }
    let mut v = vec![secret.to_string()];
    if let Ok(json) = serde_json::to_string(secret) {
        v.push(json.trim_matches('"').to_string());
    }
    v.push(base64::engine::general_purpose::STANDARD.encode(secret));
    v.sort();
    v.dedup();
    // Longest first: a spelling inside another must not leave a remnant.
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// The text without secrets, and how many were taken out.
pub fn redact(text: &str, secrets: &[String]) -> (String, usize) {
    let (mut out, mut n) = pem_blocks(text);
    for s in secrets.iter().filter(|s| !s.is_empty()) {
        let c = out.matches(s.as_str()).count();
        if c > 0 {
            out = out.replace(s.as_str(), REDACTED);
            n += c;
        }
    }
    let (out, m) = key_values(&out);
    (out, n + m)
}

/// Replaces every `-----BEGIN … PRIVATE KEY-----` … `-----END …-----`
/// span (also when its line breaks are escaped, as in JSON). A block
/// without its end is cut to the end of the text.
fn pem_blocks(text: &str) -> (String, usize) {
    const BEGIN: &str = "-----BEGIN ";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut n = 0;
    while let Some(i) = rest.find(BEGIN) {
        let after = &rest[i + BEGIN.len()..];
        let Some(label_len) = after.find("-----") else {
            break;
        };
        if !after[..label_len].contains("PRIVATE KEY") {
            out.push_str(&rest[..i + BEGIN.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..i]);
        out.push_str(REDACTED);
        n += 1;
        let body = &after[label_len + 5..];
        rest = match body.find("-----END ") {
            Some(e) => {
                let tail = &body[e + 9..];
                match tail.find("-----") {
                    Some(close) => &tail[close + 5..],
                    None => "",
                }
            }
            None => "",
        };
    }
    out.push_str(rest);
    (out, n)
}

/// `password=…`, `"smtp_password": "…"`, `Passwort: …` and the like:
/// the value goes, the key stays so the reader sees what was there.
fn key_values(text: &str) -> (String, usize) {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut pos = 0;
    let mut n = 0;
    while pos < text.len() {
        let Some((start, key)) = SECRET_KEYS
            .iter()
            .filter_map(|k| lower[pos..].find(k).map(|i| (pos + i, k.len())))
            .min()
        else {
            break;
        };
        let mut i = start + key;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"_-".contains(&bytes[i])) {
            i += 1;
        }
        if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
            i += 1;
        }
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i >= bytes.len() || !(bytes[i] == b'=' || bytes[i] == b':') {
            pos = start + key;
            continue;
        }
        i += 1;
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let (vstart, vend) = value_span(bytes, i);
        pos = vend.max(start + key);
        let value = &text[vstart..vend];
        if value.is_empty() || value == REDACTED || value == "null" {
            continue;
        }
        out.push_str(&text[copied..vstart]);
        out.push_str(REDACTED);
        copied = vend;
        n += 1;
    }
    out.push_str(&text[copied..]);
    (out, n)
}

/// The value starting at `i`: up to the closing quote (honouring
/// backslash escapes), else up to white space or a separator.
fn value_span(bytes: &[u8], i: usize) -> (usize, usize) {
    if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
        let quote = bytes[i];
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        return (i + 1, j.min(bytes.len()));
    }
    let mut j = i;
    while j < bytes.len() && !(bytes[j].is_ascii_whitespace() || b",;&}]".contains(&bytes[j])) {
        j += 1;
    }
    (i, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        redact(s, &[]).0
    }

    #[test]
    fn key_value_forms() {
        assert_eq!(r("password=geheim rest"), "password=[entfernt] rest");
        assert_eq!(
            r(r#"{"smtp_password": "ge\"heim", "x": 1}"#),
            r#"{"smtp_password": "[entfernt]", "x": 1}"#
        );
        assert_eq!(
            r("MYSQL_ROOT_PASSWORD: s3cr3t\n"),
            "MYSQL_ROOT_PASSWORD: [entfernt]\n"
        );
        assert_eq!(r("Passwort: abc"), "Passwort: [entfernt]");
        assert_eq!(r("the password is wrong"), "the password is wrong");
        assert_eq!(r("password: null"), "password: null");
    }

    #[test]
    fn pem_private_keys_go_certificates_stay() {
        let cert = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n";
        let key = "-----BEGIN EC PRIVATE KEY-----\nS0VZ\n-----END EC PRIVATE KEY-----";
        let (out, n) = redact(&format!("{cert}{key}\nafter"), &[]);
        assert_eq!(out, format!("{cert}[entfernt]\nafter"));
        assert_eq!(n, 1);
        let escaped = r#"{"k":"-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n"}"#;
        assert_eq!(r(escaped), r#"{"k":"[entfernt]\n"}"#);
        assert_eq!(r("x -----BEGIN PRIVATE KEY-----\nS0VZ"), "x [entfernt]");
    }

    #[test]
    fn known_secrets_in_every_spelling() {
        let s = spellings("pa\"ss");
        let b64 = base64::engine::general_purpose::STANDARD.encode("pa\"ss");
        let text = format!("a pa\"ss b pa\\\"ss c {b64}");
        let (out, _) = redact(&text, &s);
        assert!(
            !out.contains("pa\"ss") && !out.contains("pa\\\"ss"),
            "{out}"
        );
        assert!(!out.contains(&base64::engine::general_purpose::STANDARD.encode("pa\"ss")));
    }
}
