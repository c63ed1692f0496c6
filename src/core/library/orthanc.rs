//! Orthanc's built-in HTTPS (seed `orthanc-https.rst`): `SslEnabled` and
//! `SslCertificate` in its configuration file, optionally client
//! certificates (`SslVerifyPeers`, `SslTrustedClientCertificates`).
//!
//! The file is JSON with comments, and its comments are the practice's
//! documentation of its own setup. So it is edited as a concrete syntax
//! tree (see [`jsonc`]): only the values set change, every comment and
//! blank line stays where it was.

pub mod access;
pub mod jsonc;
pub mod live;

use jsonc_parser::cst::{CstInputValue, CstNode, CstObject, CstObjectProp};
use similar::TextDiff;

use crate::core::Text;
use jsonc::Document;
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
                    .num("line", e.line)
                    .num("column", e.column)
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
    let doc = Document::parse(text)?;
    let root = doc.object();
    let value = |key: &str| jsonc::last(root, key).and_then(|p| p.value());
    Ok(CurrentTls {
        ssl_enabled: boolean(root, KEY_ENABLED),
        certificate: string(root, KEY_CERTIFICATE),
        verify_peers: boolean(root, KEY_VERIFY_PEERS),
        trusted_clients: string(root, KEY_TRUSTED_CLIENTS),
        http_port: value("HttpPort")
            .and_then(|v| v.as_number_lit())
            .and_then(|n| n.to_string().parse().ok())
            .unwrap_or(DEFAULT_HTTP_PORT),
        remote_access: boolean(root, KEY_REMOTE_ACCESS),
        users: count(root, KEY_USERS),
        ciphers: value(KEY_CIPHERS)
            .and_then(|v| v.as_array())
            .and_then(|a| strings(&a.elements()))
            .unwrap_or_default(),
    })
}

fn boolean(object: &CstObject, key: &str) -> Option<bool> {
    let value = jsonc::last(object, key)?.value()?;
    Some(value.as_boolean_lit()?.value())
}

fn string(object: &CstObject, key: &str) -> Option<String> {
    let value = jsonc::last(object, key)?.value()?;
    value.as_string_lit()?.decoded_value().ok()
}

/// How many entries the object under `key` has (0 for anything else).
fn count(object: &CstObject, key: &str) -> usize {
    jsonc::last(object, key)
        .and_then(|p| p.object_value())
        .map_or(0, |o| o.properties().len())
}

/// All of them as strings, or `None` if one is not a string.
fn strings(elements: &[CstNode]) -> Option<Vec<String>> {
    elements
        .iter()
        .map(|e| e.as_string_lit()?.decoded_value().ok())
        .collect()
}

/// Turns HTTPS on. `label` names the file in the diff's header.
pub fn enable_https(
    original: &str,
    tls: &OrthancTls,
    label: &str,
) -> Result<ConfigEdit, OrthancError> {
    let mut settings: Vec<(&str, CstInputValue)> = vec![
        (KEY_ENABLED, true.into()),
        (KEY_CERTIFICATE, tls.certificate.clone().into()),
    ];
    if let Some(trusted) = &tls.trusted_clients {
        settings.push((KEY_VERIFY_PEERS, true.into()));
        settings.push((KEY_TRUSTED_CLIENTS, trusted.clone().into()));
    }
    if let Some(ciphers) = &tls.ciphers {
        let list = ciphers.iter().map(|c| c.clone().into()).collect();
        settings.push((KEY_CIPHERS, CstInputValue::Array(list)));
    }
    let doc = Document::parse(original)?;
    let mut previous: Option<&str> = None;
    for (key, value) in settings {
        set(doc.object(), key, value, previous);
        previous = Some(key);
    }
    let text = doc.text();
    let diff = unified_diff(original, &text, label);
    Ok(ConfigEdit { text, diff })
}

/// Sets `key` of `object` to `value`: every occurrence is replaced; a
/// missing key is added after `after` (if present) or after the last
/// property, in the file's own indentation and `:` spacing.
fn set(object: &CstObject, key: &str, value: CstInputValue, after: Option<&str>) {
    let present = jsonc::props(object, key);
    if !present.is_empty() {
        for prop in present {
            prop.set_value(value.clone());
        }
        return;
    }
    let anchor = after
        .and_then(|a| jsonc::last(object, a))
        .or_else(|| object.properties().pop());
    // The spacing of the nearest property: the anchor, else the one whose
    // value this object is (`"RegisteredUsers" : { }`).
    let holder = object.parent().and_then(|p| p.as_object_prop());
    let style = anchor.as_ref().or(holder.as_ref()).map(Colon::of);
    let prop = match anchor {
        Some(a) => object.insert(a.property_index() + 1, key, value),
        None => object.append(key, value),
    };
    if let Some(style) = style {
        style.apply(&prop);
    }
}

/// The blanks around a property's `:` (`"Name" : x` in Orthanc's own
/// sample, `"Name": x` in many others).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Colon {
    before: String,
    after: String,
}

impl Colon {
    fn of(prop: &CstObjectProp) -> Colon {
        // A property added before carries its blanks in the key's text.
        let raw = prop
            .name()
            .and_then(|n| n.as_string_lit())
            .map(|s| s.raw_value());
        let carried = raw
            .as_deref()
            .and_then(|r| r.rsplit_once('"'))
            .map(|(_, b)| b);
        let mut style = Colon {
            before: carried.unwrap_or_default().to_string(),
            after: String::new(),
        };
        let mut seen_colon = false;
        // Children after the name, up to the value.
        let is_name = |c: &CstNode| c.as_string_lit().is_some() || c.as_word_lit().is_some();
        let children = prop.children();
        let after_name = children.iter().skip_while(|c| !is_name(c)).skip(1);
        for child in after_name {
            if let Some(w) = child.as_whitespace() {
                let side = if seen_colon {
                    &mut style.after
                } else {
                    &mut style.before
                };
                side.push_str(&w.value());
            } else if child.token_char() == Some(':') {
                seen_colon = true;
            } else if child.is_trivia() {
                // A comment or line break beside the colon is no style
                // to copy.
                return Colon::spaced();
            } else {
                break;
            }
        }
        style
    }

    fn spaced() -> Colon {
        Colon {
            before: " ".into(),
            after: " ".into(),
        }
    }

    /// `prop` and the properties of its value (the crate writes `"k": v`).
    fn apply(&self, prop: &CstObjectProp) {
        // The crate has no node for blanks before a new property's colon;
        // the key's text carries them (its decoded name stays the same).
        if let Some(name) = prop.name().and_then(|n| n.as_string_lit()) {
            name.set_raw_value(format!("{}{}", name.raw_value(), self.before));
        }
        if let Some(w) = prop.children().iter().find_map(|c| c.as_whitespace()) {
            w.set_value(self.after.clone());
        }
        if let Some(inner) = prop.object_value() {
            for p in inner.properties() {
                self.apply(&p);
            }
        }
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
