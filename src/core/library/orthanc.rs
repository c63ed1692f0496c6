//! Orthanc's built-in HTTPS (seed `orthanc-https.rst`): `SslEnabled` and
//! `SslCertificate` in its configuration file, optionally client
//! certificates (`SslVerifyPeers`, `SslTrustedClientCertificates`).
//!
//! The file is JSON with comments, and its comments are the practice's
//! documentation of its own setup. So the file is edited as text, member
//! by member, never parsed into a value and written back out.

pub mod access;
pub mod jsonc;
pub mod live;

use std::ops::Range;

use similar::TextDiff;

use crate::core::Text;
pub use jsonc::{SyntaxError, SyntaxKind};

/// What Orthanc should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrthancTls {
    /// The one PEM file holding key and certificate, as Orthanc reads it.
    pub certificate: String,
    /// With client certificates: the file of CA certificates a browser's
    /// certificate must chain to. `None` leaves those settings as they are.
    pub trusted_clients: Option<String>,
    /// A new `SslCiphersAccepted`, when the present list would lock out
    /// the key (see [`live::ciphers_lock_out`]).
    pub ciphers: Option<Vec<String>>,
}

impl OrthancTls {
    /// The settings for `original`: the cipher list is replaced only where
    /// it would lock out browsers with the practice CA's ECDSA key.
    pub fn for_config(
        original: &str,
        certificate: String,
        trusted_clients: Option<String>,
    ) -> Result<OrthancTls, OrthancError> {
        let current = current_tls(original)?;
        let ciphers = live::ciphers_lock_out(&current.ciphers, live::KeyType::Ecdsa)
            .then(|| live::CIPHERS_FIX.iter().map(|c| c.to_string()).collect());
        Ok(OrthancTls {
            certificate,
            trusted_clients,
            ciphers,
        })
    }
}

/// The TLS settings a configuration file has now (absent = not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentTls {
    pub ssl_enabled: Option<bool>,
    pub certificate: Option<String>,
    pub verify_peers: Option<bool>,
    pub trusted_clients: Option<String>,
    /// `HttpPort` (Orthanc's default 8042 when absent).
    pub http_port: u16,
    pub remote_access: Option<bool>,
    /// How many `RegisteredUsers` this file names.
    pub users: usize,
    /// `SslCiphersAccepted`, when set.
    pub ciphers: Vec<String>,
}

/// Orthanc's port when the file does not set one.
pub const DEFAULT_HTTP_PORT: u16 = 8042;

/// The edited file and what changed, for the person to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEdit {
    pub text: String,
    /// Unified diff of old against new; empty if nothing changes.
    pub diff: String,
}

impl ConfigEdit {
    pub fn changed(&self) -> bool {
        !self.diff.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrthancError {
    #[error("not valid JSON at line {}, column {}: {:?}", .0.line, .0.column, .0.kind)]
    Syntax(SyntaxError),
}

impl OrthancError {
    /// `path`: the file as the person knows it.
    pub fn text(&self, path: &str) -> Text {
        match self {
            OrthancError::Syntax(e) => {
                let id = match e.kind {
                    SyntaxKind::UnclosedComment => "orthanc-syntax-unclosed-comment",
                    SyntaxKind::UnclosedString => "orthanc-syntax-unclosed-string",
                    SyntaxKind::BadEscape => "orthanc-syntax-bad-escape",
                    SyntaxKind::ControlInString => "orthanc-syntax-control-in-string",
                    SyntaxKind::Unexpected => "orthanc-syntax-unexpected",
                    SyntaxKind::MissingComma => "orthanc-syntax-missing-comma",
                    SyntaxKind::UnexpectedEnd => "orthanc-syntax-unexpected-end",
                    SyntaxKind::RootNotObject => "orthanc-syntax-not-object",
                    SyntaxKind::TrailingContent => "orthanc-syntax-trailing",
                    SyntaxKind::TooDeep => "orthanc-syntax-too-deep",
                };
                Text::new(id)
                    .arg("path", path)
                    .arg("line", e.line.to_string())
                    .arg("column", e.column.to_string())
            }
        }
    }
}

impl From<SyntaxError> for OrthancError {
    fn from(e: SyntaxError) -> Self {
        OrthancError::Syntax(e)
    }
}

pub const KEY_ENABLED: &str = "SslEnabled";
pub const KEY_CERTIFICATE: &str = "SslCertificate";
pub const KEY_VERIFY_PEERS: &str = "SslVerifyPeers";
pub const KEY_TRUSTED_CLIENTS: &str = "SslTrustedClientCertificates";
pub const KEY_REMOTE_ACCESS: &str = "RemoteAccessAllowed";
pub const KEY_USERS: &str = "RegisteredUsers";
pub const KEY_CIPHERS: &str = "SslCiphersAccepted";

/// Reads the TLS settings. A duplicated key counts with its last value, as
/// in Orthanc's reader.
pub fn current_tls(text: &str) -> Result<CurrentTls, OrthancError> {
    let root = jsonc::parse(text)?;
    let raw = |key: &str| {
        root.members
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &text[m.value.clone()])
    };
    let boolean = |key: &str| raw(key).and_then(|v| serde_json::from_str::<bool>(v).ok());
    let string = |key: &str| raw(key).and_then(|v| serde_json::from_str::<String>(v).ok());
    Ok(CurrentTls {
        ssl_enabled: boolean(KEY_ENABLED),
        certificate: string(KEY_CERTIFICATE),
        verify_peers: boolean(KEY_VERIFY_PEERS),
        trusted_clients: string(KEY_TRUSTED_CLIENTS),
        http_port: raw("HttpPort")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_HTTP_PORT),
        remote_access: boolean(KEY_REMOTE_ACCESS),
        users: raw(KEY_USERS)
            .and_then(|v| jsonc::parse(v).ok())
            .map_or(0, |r| r.members.len()),
        ciphers: raw(KEY_CIPHERS)
            .and_then(|v| serde_json::from_str::<Vec<String>>(v).ok())
            .unwrap_or_default(),
    })
}

/// Turns HTTPS on. `label` names the file in the diff's header.
pub fn enable_https(
    original: &str,
    tls: &OrthancTls,
    label: &str,
) -> Result<ConfigEdit, OrthancError> {
    let mut settings = vec![
        (KEY_ENABLED, "true".to_string()),
        (KEY_CERTIFICATE, json_string(&tls.certificate)),
    ];
    if let Some(trusted) = &tls.trusted_clients {
        settings.push((KEY_VERIFY_PEERS, "true".to_string()));
        settings.push((KEY_TRUSTED_CLIENTS, json_string(trusted)));
    }
    if let Some(ciphers) = &tls.ciphers {
        let list: Vec<String> = ciphers.iter().map(|c| json_string(c)).collect();
        settings.push((KEY_CIPHERS, format!("[ {} ]", list.join(", "))));
    }
    let mut text = original.to_string();
    let mut previous: Option<&str> = None;
    for (key, value) in &settings {
        text = set_member(&text, key, value, previous)?;
        previous = Some(key);
    }
    let diff = unified_diff(original, &text, label);
    Ok(ConfigEdit { text, diff })
}

/// Sets top-level `key` to the JSON literal `value`: every occurrence is
/// replaced; a missing key is added after `after` (if present) or after
/// the last member, in the file's own indentation and `:` spacing.
pub fn set_member(
    text: &str,
    key: &str,
    value: &str,
    after: Option<&str>,
) -> Result<String, OrthancError> {
    let root = jsonc::parse(text)?;
    let present: Vec<Range<usize>> = root
        .members
        .iter()
        .filter(|m| m.key == key)
        .map(|m| m.value.clone())
        .collect();
    if !present.is_empty() {
        let mut out = text.to_string();
        for span in present.into_iter().rev() {
            out.replace_range(span, value);
        }
        return Ok(out);
    }
    Ok(insert_member(text, &root, key, value, after))
}

fn insert_member(
    text: &str,
    root: &jsonc::Root,
    key: &str,
    value: &str,
    after: Option<&str>,
) -> String {
    let anchor = after
        .and_then(|a| root.members.iter().rposition(|m| m.key == a))
        .or_else(|| root.members.len().checked_sub(1));
    let Some(index) = anchor else {
        return insert_into_empty(text, root, key, value);
    };
    let member = &root.members[index];
    let is_last = index + 1 == root.members.len();
    let indent = indentation(text, member)
        .or_else(|| root.members.iter().find_map(|m| indentation(text, m)));
    let separator = separator(text, member);
    let new_member = format!("{}{separator}{value}", json_string(key));

    let mut out = text.to_string();
    let (after_member, own_comma) = match member.comma {
        Some(c) => (c + 1, !is_last),
        None => (member.value.end, false),
    };
    // On its own line, the new member goes below the anchor's comments.
    let pos = match indent {
        Some(_) => jsonc::end_of_line_trivia(text, after_member),
        None => after_member,
    };
    let comma = if own_comma { "," } else { "" };
    let insertion = match &indent {
        Some(indent) => format!("\n{indent}{new_member}{comma}"),
        // A file written on one line stays on one line.
        None => format!(" {new_member}{comma}"),
    };
    out.insert_str(pos, &insertion);
    if member.comma.is_none() {
        out.insert(member.value.end, ',');
    }
    out
}

fn insert_into_empty(text: &str, root: &jsonc::Root, key: &str, value: &str) -> String {
    let pos = jsonc::end_of_line_trivia(text, root.open + 1);
    let mut insertion = format!("\n  {}: {value}", json_string(key));
    if text.as_bytes().get(pos) == Some(&b'}') {
        insertion.push('\n');
    }
    let mut out = text.to_string();
    out.insert_str(pos, &insertion);
    out
}

/// The blanks before `member`'s key, if the key is the first thing on its
/// line; `None` when members share lines.
fn indentation(text: &str, member: &jsonc::Member) -> Option<String> {
    let line_start = text[..member.key_span.start].rfind('\n')? + 1;
    let lead = &text[line_start..member.key_span.start];
    lead.chars()
        .all(|c| c == ' ' || c == '\t')
        .then(|| lead.to_string())
}

/// The `:` with the spacing the file uses (`"Name" : x` in Orthanc's own
/// sample, `"Name": x` in many others).
fn separator(text: &str, member: &jsonc::Member) -> String {
    let between = &text[member.key_span.end..member.value.start];
    let plain = between.trim_matches(|c| c == ' ' || c == '\t') == ":";
    if plain {
        between.to_string()
    } else {
        " : ".to_string()
    }
}

pub fn json_string(s: &str) -> String {
    // Serialising a &str cannot fail; the fallback is never used.
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

/// A unified diff with three lines of context; empty when equal.
pub fn unified_diff(old: &str, new: &str, label: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(label, label)
        .to_string()
}

#[cfg(test)]
mod tests;
