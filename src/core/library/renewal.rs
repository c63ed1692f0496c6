//! When to renew a certificate: inside the CA's ARI window (RFC 9773) when
//! it offers one, otherwise at two thirds of the lifetime. Let's Encrypt's
//! lifetimes shrink (90 → 64 → 45 days), so a fixed "30 days before" rule
//! would renew too late; a fraction of the lifetime scales with them.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// The renewal window the CA suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub end: OffsetDateTime,
}

/// A parsed renewalInfo response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalInfo {
    #[serde(rename = "suggestedWindow")]
    pub suggested_window: Window,
    /// A page that explains why the window moved (e.g. a revocation event).
    #[serde(
        rename = "explanationURL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub explanation_url: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RenewalInfoError {
    #[error("renewalInfo is not valid JSON of the expected shape: {0}")]
    Malformed(String),
    #[error("renewalInfo window ends before it starts")]
    EmptyWindow,
}

/// Reads a renewalInfo body; a window that ends before it starts is
/// rejected, as RFC 9773 §4.2 tells clients to.
pub fn parse_renewal_info(body: &[u8]) -> Result<RenewalInfo, RenewalInfoError> {
    let info: RenewalInfo =
        serde_json::from_slice(body).map_err(|e| RenewalInfoError::Malformed(e.to_string()))?;
    if info.suggested_window.end <= info.suggested_window.start {
        return Err(RenewalInfoError::EmptyWindow);
    }
    Ok(info)
}

/// The ARI certificate identifier: base64url(AKI keyIdentifier) "."
/// base64url(serial DER content bytes), both without padding.
pub fn ari_cert_id(authority_key_id: &[u8], serial: &[u8]) -> String {
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(authority_key_id),
        URL_SAFE_NO_PAD.encode(serial)
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The CA's suggested window.
    Ari,
    /// Two thirds of the certificate's lifetime.
    Lifetime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Renew now.
    Due {
        basis: Basis,
        expired: bool,
    },
    NotDue {
        when: OffsetDateTime,
        basis: Basis,
    },
}

/// The point in the lifetime where renewal starts without ARI.
pub fn two_thirds(not_before: OffsetDateTime, not_after: OffsetDateTime) -> OffsetDateTime {
    let life = not_after - not_before;
    not_before + (life * 2) / 3
}

/// Within an ARI window the RFC asks for a random point, to spread load;
/// `jitter` (0.0..=1.0) is that random fraction, passed in to keep this
/// function deterministic. The caller draws it once per certificate.
pub fn renewal_due(
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    ari: Option<Window>,
    now: OffsetDateTime,
    jitter: f64,
) -> Due {
    if now >= not_after {
        let basis = if ari.is_some() {
            Basis::Ari
        } else {
            Basis::Lifetime
        };
        return Due::Due {
            basis,
            expired: true,
        };
    }
    let (when, basis) = match ari {
        Some(w) => {
            let span = (w.end - w.start).as_seconds_f64();
            let j = jitter.clamp(0.0, 1.0);
            (w.start + Duration::seconds_f64(span * j), Basis::Ari)
        }
        None => (two_thirds(not_before, not_after), Basis::Lifetime),
    };
    if now >= when {
        Due::Due {
            basis,
            expired: false,
        }
    } else {
        Due::NotDue { when, basis }
    }
}

/// Whole days until `not_after`, negative once expired.
pub fn days_left(not_after: OffsetDateTime, now: OffsetDateTime) -> i64 {
    (not_after - now).whole_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NB: OffsetDateTime = datetime!(2026-11-01 00:00 UTC);
    const NA: OffsetDateTime = datetime!(2027-01-30 00:00 UTC); // 90 days

    #[test]
    fn two_thirds_of_ninety_days_is_day_sixty() {
        assert_eq!(two_thirds(NB, NA), datetime!(2026-12-31 00:00 UTC));
    }

    #[test]
    fn without_ari_not_due_before_two_thirds() {
        let now = datetime!(2026-12-30 23:59 UTC);
        assert_eq!(
            renewal_due(NB, NA, None, now, 0.5),
            Due::NotDue {
                when: datetime!(2026-12-31 00:00 UTC),
                basis: Basis::Lifetime
            }
        );
    }

    #[test]
    fn without_ari_due_at_two_thirds() {
        let now = datetime!(2026-12-31 00:00 UTC);
        assert_eq!(
            renewal_due(NB, NA, None, now, 0.5),
            Due::Due {
                basis: Basis::Lifetime,
                expired: false
            }
        );
    }

    #[test]
    fn ari_window_overrides_lifetime_even_when_earlier() {
        let w = Window {
            start: datetime!(2026-11-10 00:00 UTC),
            end: datetime!(2026-11-12 00:00 UTC),
        };
        let now = datetime!(2026-11-11 00:00 UTC);
        assert_eq!(
            renewal_due(NB, NA, Some(w), now, 0.5),
            Due::Due {
                basis: Basis::Ari,
                expired: false
            }
        );
        assert_eq!(
            renewal_due(NB, NA, Some(w), now, 0.75),
            Due::NotDue {
                when: datetime!(2026-11-11 12:00 UTC),
                basis: Basis::Ari
            }
        );
    }

    #[test]
    fn expired_is_always_due() {
        let now = datetime!(2027-02-01 00:00 UTC);
        assert_eq!(
            renewal_due(NB, NA, None, now, 0.0),
            Due::Due {
                basis: Basis::Lifetime,
                expired: true
            }
        );
        assert_eq!(days_left(NA, now), -2);
    }

    #[test]
    fn forty_five_day_certificates_renew_at_day_thirty() {
        let nb = datetime!(2028-03-01 00:00 UTC);
        let na = nb + Duration::days(45);
        assert_eq!(two_thirds(nb, na), nb + Duration::days(30));
    }

    #[test]
    fn cert_id_follows_rfc_9773_example() {
        // RFC 9773 §4.1: keyIdentifier 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4
        // and serial 00:87:65:43:21 give "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE".
        let aki = [
            0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0,
            0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4,
        ];
        let serial = [0x00, 0x87, 0x65, 0x43, 0x21];
        assert_eq!(
            ari_cert_id(&aki, &serial),
            "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"
        );
    }

    #[test]
    fn parses_recorded_renewal_info() {
        let body = include_bytes!("../../../tests/fixtures/acme-problems/renewal-info.json");
        let info = parse_renewal_info(body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            info.suggested_window.start,
            datetime!(2027-01-02 05:43:56 UTC)
        );
        assert!(info.explanation_url.is_some());
        assert_eq!(
            parse_renewal_info(br#"{"suggestedWindow":{"start":"2027-01-03T00:00:00Z","end":"2027-01-02T00:00:00Z"}}"#),
            Err(RenewalInfoError::EmptyWindow)
        );
        assert!(matches!(
            parse_renewal_info(b"{}"),
            Err(RenewalInfoError::Malformed(_))
        ));
    }
}
