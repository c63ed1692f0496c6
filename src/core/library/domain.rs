//! The practice's host name, validated: bad input never gets past here.
//!
//! Pasted browser addresses (`https://termine.praxis.ch/`) are reduced to
//! the name instead of being refused: the intent is unambiguous, and the
//! screen shows the name that was kept, so nothing happens behind the
//! person's back. Anything else that is not a plain public DNS name gets
//! its own error, because "invalid" alone does not tell a practice
//! assistant what to type instead.

use std::net::{Ipv4Addr, Ipv6Addr};

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use serde::{Deserialize, Serialize};

use super::domain_spelling::{Invisible, first_invisible, mixed_scripts};
use crate::core::model::check::Text;

/// RFC 1035 limits, counted on the punycode form (what DNS carries).
pub const MAX_NAME_LEN: usize = 253;
pub const MAX_LABEL_LEN: usize = 63;
/// Let's Encrypt refuses names of more parts than this (its policy, not DNS).
pub const MAX_LABELS: usize = 10;

/// Suffixes that only exist inside a network (RFC 2606, 6761, 6762, 8375,
/// 7686, ICANN's `.internal`) or that routers and companies use as if they
/// did: a certificate authority can never reach them.
/// `.box` is a real TLD, but FRITZ!Box answers `fritz.box` in the LAN only.
const INTERNAL_SUFFIXES: &str = "local localdomain lan home home.arpa internal localhost \
    intranet private corp test example invalid onion fritz.box";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainName {
    /// Lower-case, punycode (what DNS and the CA see).
    pub ascii: String,
    /// What the person typed, normalised (umlauts kept).
    pub unicode: String,
    /// The registered domain, e.g. `meine-praxis.ch` (punycode).
    pub registered: String,
    /// The public suffix the name was registered under, e.g. `ch`, `co.uk`.
    #[serde(default)]
    pub suffix: String,
}

impl DomainName {
    /// The wizard publishes `termine.<domain>`; a bare registered domain is
    /// allowed (some practices want exactly that) but worth a hint.
    pub fn is_registered_domain_itself(&self) -> bool {
        self.ascii == self.registered
    }

    /// Whether the name sits under a provider's suffix from the private part
    /// of the Public Suffix List (DynDNS names such as `praxis.dyndns.org`).
    pub fn suffix_is_private(&self) -> bool {
        psl::suffix(self.ascii.as_bytes()).and_then(|s| s.typ()) == Some(psl::Type::Private)
    }

    /// Hints for a valid name that is probably not what the person meant.
    pub fn hints(&self) -> Vec<Text> {
        let mut hints = Vec::new();
        if let Some(mixed) = mixed_scripts(&self.unicode) {
            hints.push(mixed);
        }
        if let Some(rest) = self.unicode.strip_prefix("www.") {
            hints.push(
                Text::new("domain-hint-www")
                    .arg("name", self.unicode.clone())
                    .arg("suggestion", format!("termine.{rest}")),
            );
        } else if self.is_registered_domain_itself() {
            hints.push(
                Text::new("domain-hint-registered-itself")
                    .arg("domain", self.unicode.clone())
                    .arg("suggestion", format!("termine.{}", self.unicode)),
            );
        }
        hints
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("no name given")]
    Empty,
    #[error("wildcard names cannot be used")]
    Wildcard,
    #[error("{0} is an IP address, not a name")]
    IpAddress(String),
    #[error("{0} looks like an e-mail address")]
    Email(String),
    #[error("the name contains a space")]
    Whitespace,
    #[error("the character {0:?} is not allowed in a name")]
    InvalidCharacter(char),
    #[error("the name has an empty part (two dots in a row, or a leading dot)")]
    EmptyLabel,
    #[error("the part {0:?} starts or ends with a hyphen")]
    HyphenAtEdge(String),
    #[error("the part {label:?} is {len} characters long (at most 63)")]
    LabelTooLong { label: String, len: usize },
    #[error("the name is {0} characters long (at most 253)")]
    TooLong(usize),
    #[error("the name has {0} parts (Let's Encrypt allows at most 10)")]
    TooManyLabels(usize),
    #[error("the name contains the invisible character {:?} at position {}", .0.code, .0.position)]
    Invisible(Invisible),
    #[error("the name cannot be converted to an international domain name")]
    Idna,
    #[error("{0} has no dot: a name inside the practice network only")]
    NoDot(String),
    #[error("the suffix .{0} exists only inside a local network")]
    InternalSuffix(String),
    #[error("{0} is a public suffix that nobody can own")]
    PublicSuffix(String),
    #[error("the ending .{0} is not a known top-level domain")]
    UnknownSuffix(String),
}

impl DomainError {
    pub fn text(&self) -> Text {
        match self {
            DomainError::Empty => Text::new("domain-error-empty"),
            DomainError::Wildcard => Text::new("domain-error-wildcard"),
            DomainError::IpAddress(ip) => Text::new("domain-error-ip-address").arg("input", ip),
            DomainError::Email(s) => Text::new("domain-error-email").arg("input", s),
            DomainError::Whitespace => Text::new("domain-error-whitespace"),
            DomainError::InvalidCharacter(c) => {
                Text::new("domain-error-invalid-character").arg("char", c.to_string())
            }
            DomainError::EmptyLabel => Text::new("domain-error-empty-label"),
            DomainError::HyphenAtEdge(l) => Text::new("domain-error-hyphen-edge").arg("label", l),
            DomainError::LabelTooLong { label, len } => Text::new("domain-error-label-too-long")
                .arg("label", label)
                .num("length", len)
                .num("max", MAX_LABEL_LEN),
            DomainError::TooLong(len) => Text::new("domain-error-too-long")
                .num("length", len)
                .num("max", MAX_NAME_LEN),
            DomainError::TooManyLabels(n) => Text::new("domain-error-too-many-labels")
                .num("count", n)
                .num("max", MAX_LABELS),
            DomainError::Invisible(found) => found.text(),
            DomainError::Idna => Text::new("domain-error-idna"),
            DomainError::NoDot(n) => Text::new("domain-error-no-dot").arg("name", n),
            DomainError::InternalSuffix(s) => {
                Text::new("domain-error-internal-suffix").arg("suffix", s)
            }
            DomainError::PublicSuffix(n) => Text::new("domain-error-public-suffix").arg("name", n),
            DomainError::UnknownSuffix(s) => {
                Text::new("domain-error-unknown-suffix").arg("suffix", s)
            }
        }
    }
}

pub fn parse(input: &str) -> Result<DomainName, DomainError> {
    let name = strip_url(input.trim());
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.is_empty() {
        return Err(DomainError::Empty);
    }
    if let Some(found) = first_invisible(name) {
        return Err(DomainError::Invisible(found));
    }
    reject_non_names(name)?;
    check_labels(name.split('.'))?;

    let ascii = Uts46::new()
        .to_ascii(
            name.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::Allow,
            DnsLength::Ignore,
        )
        .map_err(|_| DomainError::Idna)?
        .into_owned();
    // Mapping can create or remove dots (e.g. U+FF0E), so the rules run on
    // the result again; punycode also makes labels longer than typed.
    check_labels(ascii.split('.'))?;
    check_lengths(&ascii)?;
    if ascii.split('.').next_back().is_some_and(is_numeric) {
        return Err(DomainError::IpAddress(name.to_string()));
    }
    let (unicode, result) =
        Uts46::new().to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Allow);
    result.map_err(|_| DomainError::Idna)?;
    let unicode = unicode.into_owned();
    // A typed A-label can decode to a U-label with a hyphen at its edge
    // (RFC 5891 forbids it), which the same name typed in Unicode would fail.
    check_labels(unicode.split('.'))?;
    // An A-label of an A-label («xn--xn--…») decodes to a label that reads
    // as punycode again: no registrar sells it, and its Unicode form could
    // not be parsed back.
    if unicode.split('.').any(|l| l.starts_with("xn--")) {
        return Err(DomainError::Idna);
    }

    if !ascii.contains('.') {
        let is_tld = psl::suffix(ascii.as_bytes()).is_some_and(|s| s.is_known());
        return Err(if is_tld {
            DomainError::PublicSuffix(unicode)
        } else {
            DomainError::NoDot(unicode)
        });
    }
    if let Some(suffix) = internal_suffix(&ascii) {
        return Err(DomainError::InternalSuffix(suffix.to_string()));
    }
    let (registered, suffix) = registered_domain(&ascii, &unicode)?;
    Ok(DomainName {
        ascii,
        unicode,
        registered,
        suffix,
    })
}

/// `https://termine.praxis.ch:443/path?x#y` → `termine.praxis.ch`.
fn strip_url(s: &str) -> &str {
    let has = |scheme: &str| {
        s.as_bytes()
            .get(..scheme.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    // The schemes are ASCII, so slicing after them stays on a char boundary.
    let rest = if has("https://") {
        &s[8..]
    } else if has("http://") {
        &s[7..]
    } else {
        return s;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    if let Some(close) = host.starts_with('[').then(|| host.find(']')).flatten() {
        // An IPv6 literal: keep it whole so that it is named as an address.
        return &host[..=close];
    }
    match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

/// Errors that are clearer than "invalid character": addresses, wildcards,
/// e-mail addresses, spaces.
fn reject_non_names(name: &str) -> Result<(), DomainError> {
    let unbracketed = name
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(name);
    if unbracketed.parse::<Ipv6Addr>().is_ok() || unbracketed.parse::<Ipv4Addr>().is_ok() {
        return Err(DomainError::IpAddress(unbracketed.to_string()));
    }
    if name.starts_with('*') {
        return Err(DomainError::Wildcard);
    }
    if name.contains('@') {
        return Err(DomainError::Email(name.to_string()));
    }
    if name.chars().any(char::is_whitespace) {
        return Err(DomainError::Whitespace);
    }
    // Non-ASCII goes to IDNA, which knows which letters are allowed.
    if let Some(c) = name
        .chars()
        .find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(DomainError::InvalidCharacter(c));
    }
    Ok(())
}

fn check_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Result<(), DomainError> {
    for label in labels {
        if label.is_empty() {
            return Err(DomainError::EmptyLabel);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainError::HyphenAtEdge(label.to_string()));
        }
    }
    Ok(())
}

fn check_lengths(ascii: &str) -> Result<(), DomainError> {
    if let Some(label) = ascii.split('.').find(|l| l.len() > MAX_LABEL_LEN) {
        return Err(DomainError::LabelTooLong {
            label: label.to_string(),
            len: label.len(),
        });
    }
    if ascii.len() > MAX_NAME_LEN {
        return Err(DomainError::TooLong(ascii.len()));
    }
    let labels = ascii.split('.').count();
    if labels > MAX_LABELS {
        return Err(DomainError::TooManyLabels(labels));
    }
    Ok(())
}

fn is_numeric(label: &str) -> bool {
    label.bytes().all(|b| b.is_ascii_digit())
}

fn internal_suffix(ascii: &str) -> Option<&'static str> {
    INTERNAL_SUFFIXES.split_whitespace().find(|s| {
        ascii
            .strip_suffix(s)
            .is_some_and(|rest| rest.ends_with('.'))
    })
}

/// The registered domain and its public suffix. Names under a provider's
/// suffix from the list's private part (DynDNS) are accepted: the seed
/// names them as a way to get a name, and Let's Encrypt counts them as
/// registered domains of their own.
fn registered_domain(ascii: &str, unicode: &str) -> Result<(String, String), DomainError> {
    let Some(suffix) = psl::suffix(ascii.as_bytes()) else {
        return Err(DomainError::UnknownSuffix(last_label(unicode)));
    };
    if !suffix.is_known() {
        return Err(DomainError::UnknownSuffix(last_label(unicode)));
    }
    let suffix_str = String::from_utf8_lossy(suffix.as_bytes()).into_owned();
    match psl::domain(ascii.as_bytes()) {
        Some(domain) => Ok((
            String::from_utf8_lossy(domain.as_bytes()).into_owned(),
            suffix_str,
        )),
        None => Err(DomainError::PublicSuffix(unicode.to_string())),
    }
}

fn last_label(name: &str) -> String {
    name.rsplit('.').next().unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(s: &str) -> DomainName {
        match parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s:?} rejected: {e}"),
        }
    }

    fn err(s: &str) -> DomainError {
        match parse(s) {
            Ok(d) => panic!("{s:?} accepted as {d:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn normalises_case_spaces_and_trailing_dot() {
        let d = ok("  Termine.Meine-Praxis.CH. ");
        assert_eq!(d.ascii, "termine.meine-praxis.ch");
        assert_eq!(d.unicode, "termine.meine-praxis.ch");
        assert_eq!(d.registered, "meine-praxis.ch");
        assert_eq!(d.suffix, "ch");
        assert!(!d.is_registered_domain_itself());
        assert!(d.hints().is_empty());
    }

    #[test]
    fn pasted_urls_are_reduced_to_the_name() {
        for url in [
            "https://termine.praxis.ch/",
            "HTTP://termine.praxis.ch:8080/termine?x=1#top",
            "https://termine.praxis.ch",
        ] {
            assert_eq!(ok(url).ascii, "termine.praxis.ch", "{url}");
        }
        assert_eq!(
            err("ftp://termine.praxis.ch"),
            DomainError::InvalidCharacter(':')
        );
        assert_eq!(
            err("termine.praxis.ch/x"),
            DomainError::InvalidCharacter('/')
        );
    }

    #[test]
    fn umlauts_become_punycode_and_both_forms_are_kept() {
        let d = ok("termine.Zahnärzte-Bern.ch");
        assert_eq!(d.ascii, "termine.xn--zahnrzte-bern-efb.ch");
        assert_eq!(d.unicode, "termine.zahnärzte-bern.ch");
        assert_eq!(d.registered, "xn--zahnrzte-bern-efb.ch");
        assert_eq!(ok(&d.ascii), d);
    }

    #[test]
    fn bare_registered_domain_is_valid_with_a_hint() {
        let d = ok("meine-praxis.ch");
        assert!(d.is_registered_domain_itself());
        let hint = d.hints().into_iter().next().map(|t| t.args);
        assert_eq!(
            hint,
            Some(vec![
                ("domain".into(), "meine-praxis.ch".into()),
                ("suggestion".into(), "termine.meine-praxis.ch".into())
            ])
        );
    }

    #[test]
    fn multi_label_and_private_suffixes() {
        let d = ok("termine.praxis.co.uk");
        assert_eq!(
            (d.registered.as_str(), d.suffix.as_str()),
            ("praxis.co.uk", "co.uk")
        );
        assert!(!d.suffix_is_private());
        let d = ok("termine.praxis.dyndns.org");
        assert_eq!(d.registered, "praxis.dyndns.org");
        assert!(d.suffix_is_private());
        let d = ok("Termine.Praxis．РФ");
        assert_eq!(
            (d.ascii.as_str(), d.suffix.as_str()),
            ("termine.praxis.xn--p1ai", "xn--p1ai")
        );
    }

    #[test]
    fn each_bad_input_has_its_own_reason() {
        use DomainError as E;
        let cases: Vec<(&str, DomainError)> = vec![
            ("", E::Empty),
            ("   ", E::Empty),
            (".", E::Empty),
            ("*.praxis.ch", E::Wildcard),
            ("192.168.1.10", E::IpAddress("192.168.1.10".into())),
            ("[2001:db8::1]", E::IpAddress("2001:db8::1".into())),
            ("2001:db8::1", E::IpAddress("2001:db8::1".into())),
            ("https://[::1]:443/", E::IpAddress("::1".into())),
            ("10.0.0", E::IpAddress("10.0.0".into())),
            ("info@praxis.ch", E::Email("info@praxis.ch".into())),
            ("termine praxis.ch", E::Whitespace),
            ("ter_mine.praxis.ch", E::InvalidCharacter('_')),
            ("termine.praxis.ch:443", E::InvalidCharacter(':')),
            ("a..praxis.ch", E::EmptyLabel),
            (".praxis.ch", E::EmptyLabel),
            ("-termine.praxis.ch", E::HyphenAtEdge("-termine".into())),
            ("termine-.praxis.ch", E::HyphenAtEdge("termine-".into())),
            ("nuno", E::NoDot("nuno".into())),
            ("webelexis.nuno", E::UnknownSuffix("nuno".into())),
            ("server.local", E::InternalSuffix("local".into())),
            ("nas.home.arpa", E::InternalSuffix("home.arpa".into())),
            ("nuno.fritz.box", E::InternalSuffix("fritz.box".into())),
            ("praxis.intranet", E::InternalSuffix("intranet".into())),
            ("termine.example", E::InternalSuffix("example".into())),
            ("localhost", E::NoDot("localhost".into())),
            ("ch", E::PublicSuffix("ch".into())),
            ("https://ä", E::NoDot("ä".into())),
            ("co.uk", E::PublicSuffix("co.uk".into())),
            ("xn--zz.ch", E::Idna),
            ("termine.xn--xn---3ra.ch", E::Idna),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn lengths_are_counted_on_punycode() {
        let long = "a".repeat(64);
        assert!(matches!(
            err(&format!("{long}.ch")),
            DomainError::LabelTooLong { len: 64, .. }
        ));
        let label = "a".repeat(63);
        let too_long = format!("{label}.{label}.{label}.{label}.ch");
        assert_eq!(err(&too_long), DomainError::TooLong(258));
        // 50 characters as typed, 65 in punycode.
        let typed = "äbcöefüghéjkèmnàpqçstñvwäyzöbcüefégh".repeat(2);
        let typed: String = typed.chars().take(50).collect();
        assert!(matches!(
            err(&format!("{typed}.ch")),
            DomainError::LabelTooLong { .. }
        ));
    }

    #[test]
    fn every_error_has_a_domain_error_id() {
        for e in [
            DomainError::Empty,
            DomainError::TooLong(300),
            DomainError::Idna,
        ] {
            assert!(e.text().id.starts_with("domain-error-"));
        }
        assert_eq!(
            DomainError::InvalidCharacter('_').text().args,
            vec![("char".to_string(), "_".into())]
        );
    }

    fn label() -> impl Strategy<Value = String> {
        "[a-z0-9äöüé-]{1,20}"
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse(&s);
        }

        #[test]
        fn never_panics_on_name_like_input(s in "[a-zA-Z0-9äÄß.*_:/@\\[\\] -]{0,80}") {
            let _ = parse(&s);
        }

        #[test]
        fn accepted_names_keep_the_rules_and_round_trip(
            labels in proptest::collection::vec(label(), 1..4),
            suffix in prop_oneof!["ch", "de", "co.uk", "com", "li"],
        ) {
            let input = format!("{}.{suffix}", labels.join("."));
            if let Ok(d) = parse(&input) {
                prop_assert!(d.ascii.len() <= MAX_NAME_LEN);
                for l in d.ascii.split('.') {
                    prop_assert!(!l.is_empty() && l.len() <= MAX_LABEL_LEN);
                    prop_assert!(!l.starts_with('-') && !l.ends_with('-'));
                    prop_assert!(l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
                }
                prop_assert!(d.ascii.ends_with(&d.registered));
                prop_assert!(d.registered.ends_with(&d.suffix));
                prop_assert_eq!(parse(&d.ascii), Ok(d.clone()));
                prop_assert_eq!(parse(&d.unicode), Ok(d.clone()));
                prop_assert_eq!(parse(&d.unicode.to_uppercase()).map(|x| x.ascii), Ok(d.ascii.clone()));
            }
        }
    }
}
