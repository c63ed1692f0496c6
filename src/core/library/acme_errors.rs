//! ACME problem documents (RFC 8555 §6.7) turned into findings a practice
//! assistant can act on. The raw text stays in `detail` for the IT
//! supporter; the summary and fix are Fluent ids.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::macros::format_description;

use crate::core::model::check::{Finding, Text};

const PREFIX: &str = "urn:ietf:params:acme:error:";
const SECONDARY: &str = "During secondary validation:";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemIdentifier {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeSubproblem {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub identifier: Option<ProblemIdentifier>,
}

/// The core's own copy of a problem document, so it needs no ACME crate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcmeProblem {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub subproblems: Vec<AcmeSubproblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    AccountDoesNotExist,
    AlreadyRevoked,
    BadCsr,
    BadNonce,
    BadPublicKey,
    BadRevocationReason,
    BadSignatureAlgorithm,
    Caa,
    Compound,
    Connection,
    Dns,
    ExternalAccountRequired,
    IncorrectResponse,
    InvalidContact,
    Malformed,
    OrderNotReady,
    RateLimited,
    RejectedIdentifier,
    ServerInternal,
    Tls,
    Unauthorized,
    UnsupportedContact,
    UnsupportedIdentifier,
    UserActionRequired,
    Unknown,
}

impl ProblemKind {
    pub fn parse(urn: &str) -> ProblemKind {
        use ProblemKind::*;
        match urn.strip_prefix(PREFIX).unwrap_or(urn) {
            "accountDoesNotExist" => AccountDoesNotExist,
            "alreadyRevoked" => AlreadyRevoked,
            "badCSR" => BadCsr,
            "badNonce" => BadNonce,
            "badPublicKey" => BadPublicKey,
            "badRevocationReason" => BadRevocationReason,
            "badSignatureAlgorithm" => BadSignatureAlgorithm,
            "caa" => Caa,
            "compound" => Compound,
            "connection" => Connection,
            "dns" => Dns,
            "externalAccountRequired" => ExternalAccountRequired,
            "incorrectResponse" => IncorrectResponse,
            "invalidContact" => InvalidContact,
            "malformed" => Malformed,
            "orderNotReady" => OrderNotReady,
            "rateLimited" => RateLimited,
            "rejectedIdentifier" => RejectedIdentifier,
            "serverInternal" => ServerInternal,
            "tls" => Tls,
            "unauthorized" => Unauthorized,
            "unsupportedContact" => UnsupportedContact,
            "unsupportedIdentifier" => UnsupportedIdentifier,
            "userActionRequired" => UserActionRequired,
            _ => Unknown,
        }
    }
}

impl AcmeProblem {
    /// The problem that says what went wrong: a compound problem (or one
    /// that only wraps its subproblems) is explained by its first child.
    fn effective(&self) -> (ProblemKind, String) {
        let top = self
            .kind
            .as_deref()
            .map(ProblemKind::parse)
            .unwrap_or(ProblemKind::Unknown);
        let first = self.subproblems.first();
        match (top, first) {
            (ProblemKind::Compound | ProblemKind::Unknown, Some(sub)) => (
                sub.kind
                    .as_deref()
                    .map(ProblemKind::parse)
                    .unwrap_or(ProblemKind::Unknown),
                sub.detail.clone().unwrap_or_default(),
            ),
            _ => (top, self.detail.clone().unwrap_or_default()),
        }
    }

    /// Everything the server said, for the detail view.
    pub fn raw(&self) -> String {
        let mut s = format!(
            "{} {}: {}",
            self.status.map(|s| s.to_string()).unwrap_or_default(),
            self.kind.as_deref().unwrap_or("?"),
            self.detail.as_deref().unwrap_or("")
        )
        .trim_start()
        .to_string();
        for sub in &self.subproblems {
            let id = sub
                .identifier
                .as_ref()
                .map(|i| i.value.as_str())
                .unwrap_or("");
            s.push_str(&format!(
                "\n  [{id}] {}: {}",
                sub.kind.as_deref().unwrap_or("?"),
                sub.detail.as_deref().unwrap_or("")
            ));
        }
        s
    }
}

/// `retry after 2026-11-26 09:23:11 UTC` as Let's Encrypt writes it.
pub fn retry_after_in_detail(detail: &str) -> Option<OffsetDateTime> {
    let lower = detail.to_ascii_lowercase();
    let i = lower.find("retry after ")? + "retry after ".len();
    let rest = detail.get(i..)?;
    let stamp = rest.get(..19)?;
    let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    time::PrimitiveDateTime::parse(stamp, &fmt)
        .ok()
        .map(|dt| dt.assume_utc())
}

/// The HTTP status after `Invalid response from <url>: ` (LE writes
/// `...: 404` or, since 2023, `...: "<html>..."` with the status before).
fn http_status_in(detail: &str) -> Option<String> {
    let tail = detail.rsplit_once(": ")?.1.trim();
    let digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.len() == 3).then_some(digits)
}

fn format_time(t: OffsetDateTime) -> String {
    let fmt = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    t.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| t.to_string())
}

fn pair(summary: &str, fix: &str) -> (Text, Text) {
    (Text::new(summary), Text::new(fix))
}

/// Explains a problem document. `host` is the name being certified;
/// `retry_after` comes from the HTTP header when there was one.
pub fn explain(problem: &AcmeProblem, host: &str, retry_after: Option<OffsetDateTime>) -> Finding {
    use ProblemKind::*;
    let (kind, detail) = problem.effective();
    let d = detail.as_str();
    // Let's Encrypt writes "Connection refused", Go's dialer (Pebble, other
    // ACME CAs) "connection refused": the cause is the same.
    let lower = d.to_ascii_lowercase();
    let has = |needle: &str| lower.contains(&needle.to_ascii_lowercase());
    // The CA writes the URL it fetched last: after a redirect to HTTPS the
    // failure is at port 443, and advice about port 80 would mislead.
    let redirected = has("Fetching https://") || has("from https://");
    let (summary, fix) = if d.trim_start().starts_with(SECONDARY) {
        pair("acme-error-secondary", "acme-fix-secondary")
    } else if redirected && kind != RateLimited {
        pair("acme-error-redirect-https", "acme-fix-redirect-https")
    } else {
        match kind {
            Connection if has("Timeout during connect") => pair(
                "acme-error-connection-timeout",
                "acme-fix-connection-timeout",
            ),
            Connection if has("Connection refused") => pair(
                "acme-error-connection-refused",
                "acme-fix-connection-refused",
            ),
            Connection => pair("acme-error-connection", "acme-fix-connection"),
            // Boulder sends a wrong answer at the challenge URL as
            // `unauthorized`; the cause is the same as `incorrectResponse`.
            Unauthorized | IncorrectResponse if has("did not match this challenge") => pair(
                "acme-error-incorrect-response",
                "acme-fix-incorrect-response",
            ),
            Unauthorized | IncorrectResponse if has("Invalid response from") => {
                let status = http_status_in(d).unwrap_or_else(|| "?".into());
                let (s, f) = if status == "404" {
                    pair("acme-error-response-404", "acme-fix-response-404")
                } else {
                    pair("acme-error-response", "acme-fix-response")
                };
                (s.arg("status", status), f)
            }
            // A deactivated account is refused like a missing one: the
            // name and the router are not the cause.
            Unauthorized if has("Account is not valid") => {
                pair("acme-error-account-missing", "acme-fix-account-missing")
            }
            Unauthorized => pair("acme-error-unauthorized", "acme-fix-unauthorized"),
            IncorrectResponse => pair(
                "acme-error-incorrect-response",
                "acme-fix-incorrect-response",
            ),
            Dns if has("NXDOMAIN") || has("No valid IP addresses found") => {
                pair("acme-error-dns-nxdomain", "acme-fix-dns-nxdomain")
            }
            Dns if has("SERVFAIL") || has("DNSSEC") => {
                pair("acme-error-dns-servfail", "acme-fix-dns-servfail")
            }
            Dns => pair("acme-error-dns", "acme-fix-dns"),
            Caa => pair("acme-error-caa", "acme-fix-caa"),
            RateLimited => {
                let s = if has("exact set of identifiers") || has("exact set of domains") {
                    Text::new("acme-error-rate-duplicate")
                } else if has("failed authorizations") {
                    Text::new("acme-error-rate-failed")
                } else if has("registered domain") || has("too many certificates") {
                    Text::new("acme-error-rate-domain")
                } else if has("new orders") {
                    Text::new("acme-error-rate-orders")
                } else {
                    Text::new("acme-error-rate-limited")
                };
                let until = retry_after.or_else(|| retry_after_in_detail(d));
                // Failed validations fail again after the wait unless the
                // cause is fixed: "wait and change nothing" would be wrong.
                let failed = has("failed authorizations");
                // Hundreds of orders in a few hours mean something orders in
                // a loop: waiting alone would let it hit the limit again.
                let orders = has("new orders");
                let f = match (until, failed) {
                    (Some(t), _) if orders => {
                        Text::new("acme-fix-rate-orders").arg("until", format_time(t))
                    }
                    (None, _) if orders => Text::new("acme-fix-rate-orders-unknown"),
                    (Some(t), true) => {
                        Text::new("acme-fix-rate-failed").arg("until", format_time(t))
                    }
                    (None, true) => Text::new("acme-fix-rate-failed-unknown"),
                    (Some(t), false) => {
                        Text::new("acme-fix-rate-wait").arg("until", format_time(t))
                    }
                    (None, false) => Text::new("acme-fix-rate-wait-unknown"),
                };
                (s, f)
            }
            Malformed => pair("acme-error-malformed", "acme-fix-malformed"),
            ServerInternal => pair("acme-error-server-internal", "acme-fix-server-internal"),
            BadNonce => pair("acme-error-bad-nonce", "acme-fix-bad-nonce"),
            RejectedIdentifier => pair(
                "acme-error-rejected-identifier",
                "acme-fix-rejected-identifier",
            ),
            UnsupportedIdentifier => pair(
                "acme-error-unsupported-identifier",
                "acme-fix-unsupported-identifier",
            ),
            Tls => pair("acme-error-tls", "acme-fix-tls"),
            OrderNotReady => pair("acme-error-order-not-ready", "acme-fix-order-not-ready"),
            AccountDoesNotExist => pair("acme-error-account-missing", "acme-fix-account-missing"),
            ExternalAccountRequired => pair("acme-error-eab-required", "acme-fix-eab-required"),
            BadCsr => pair("acme-error-bad-csr", "acme-fix-bad-csr"),
            // Boulder sends badPublicKey only for the account's own key (a
            // certificate key it dislikes is badCSR): retrying with the same
            // account fails the same way.
            BadPublicKey => pair("acme-error-bad-public-key", "acme-fix-bad-public-key"),
            BadSignatureAlgorithm => pair(
                "acme-error-bad-signature-algorithm",
                "acme-fix-bad-signature-algorithm",
            ),
            InvalidContact => pair("acme-error-invalid-contact", "acme-fix-invalid-contact"),
            UnsupportedContact => pair(
                "acme-error-unsupported-contact",
                "acme-fix-unsupported-contact",
            ),
            UserActionRequired => pair("acme-error-user-action", "acme-fix-user-action"),
            AlreadyRevoked => pair("acme-error-already-revoked", "acme-fix-already-revoked"),
            BadRevocationReason => pair(
                "acme-error-bad-revocation-reason",
                "acme-fix-bad-revocation-reason",
            ),
            Compound | Unknown => pair("acme-error-other", "acme-fix-other"),
        }
    };
    Finding::new(summary.arg("host", host))
        .fix(fix)
        .detail(problem.raw())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn reads_retry_after_from_detail() {
        let d = "too many failed authorizations (5) for \"x\" in the last 1h0m0s, retry after 2026-11-24 13:05:00 UTC: see https://letsencrypt.org/docs/rate-limits/";
        assert_eq!(
            retry_after_in_detail(d),
            Some(datetime!(2026-11-24 13:05 UTC))
        );
        assert_eq!(retry_after_in_detail("nothing"), None);
    }

    #[test]
    fn status_after_invalid_response() {
        assert_eq!(
            http_status_in("Invalid response from http://a/.well-known/acme-challenge/x: 404")
                .as_deref(),
            Some("404")
        );
    }

    #[test]
    fn a_refused_connection_is_named_however_the_ca_spells_it() {
        for detail in [
            "198.51.100.1: Fetching http://h/.well-known/acme-challenge/x: Connection refused",
            "dial tcp 198.51.100.1:80: connect: connection refused",
        ] {
            let p = AcmeProblem {
                kind: Some("urn:ietf:params:acme:error:connection".into()),
                detail: Some(detail.into()),
                ..Default::default()
            };
            assert_eq!(
                explain(&p, "h", None).summary.id,
                "acme-error-connection-refused"
            );
        }
    }

    #[test]
    fn unknown_type_is_other() {
        let p = AcmeProblem {
            kind: Some("urn:x:y".into()),
            ..Default::default()
        };
        assert_eq!(explain(&p, "h", None).summary.id, "acme-error-other");
    }
}
