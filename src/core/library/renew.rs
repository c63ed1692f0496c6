//! Whether the daily run should renew now. Pure and idempotent: the same
//! records, history, policy and `now` always give the same answer, so a
//! timer that fires twice, or a run repeated by hand, changes nothing.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::status::{CertRecord, WindowSource};
use crate::core::Text;

/// One earlier attempt (or reminder) for a domain, as the renewal decision
/// reads it: a view of the one stored history
/// ([`super::attempts::AttemptHistory::renewal_view`]), never stored itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub domain: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub kind: AttemptKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AttemptKind {
    /// A try against Let's Encrypt's production service.
    Production {
        ok: bool,
        /// The CA's Retry-After, e.g. after a rate limit.
        #[serde(default, with = "time::serde::rfc3339::option")]
        retry_after: Option<OffsetDateTime>,
    },
    /// A try against staging; it costs no production rate limit.
    Staging { ok: bool },
    /// The reminder mail went out.
    Reminder,
    /// `renew` mailed its own failure: the timer's failure unit, which
    /// follows right after, need not mail again.
    FailureMailed,
}

/// What to do with the router's port-80 forward between renewals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "forward", rename_all = "kebab-case")]
pub enum ForwardPolicy {
    /// The forward stays; the firewall opens only while issuing.
    Permanent,
    /// Someone switches it on by hand: remind them `days_before` the
    /// renewal window opens.
    OffBetweenRenewals { days_before: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewPolicy {
    pub forward: ForwardPolicy,
    /// First wait after a failure; it doubles with each further failure.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
}

/// At most one production attempt per day: Let's Encrypt allows 5 failed
/// authorizations per name per hour, and a daily timer must never get
/// near that.
pub const MIN_ATTEMPT_INTERVAL: Duration = Duration::DAY;

impl Default for RenewPolicy {
    fn default() -> Self {
        RenewPolicy {
            forward: ForwardPolicy::Permanent,
            backoff_base: Duration::DAY,
            // Short enough that a 45-day certificate, renewed with 15 days
            // left, still gets several tries before it expires.
            backoff_max: Duration::days(4),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueReason {
    /// The CA's renewal window (ARI) has opened.
    Ari,
    /// Two thirds of the lifetime are gone.
    TwoThirds,
    Expired,
    /// Asked for (`renew --force`), before it was due.
    Forced,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "kebab-case")]
pub enum RenewDecision {
    /// No certificate is recorded: the wizard issues the first one.
    NothingInstalled,
    NotDue {
        #[serde(with = "time::serde::rfc3339")]
        next_check: OffsetDateTime,
    },
    Due {
        domain: String,
        reason: DueReason,
    },
    /// Due, but too soon after the last attempt.
    Backoff {
        domain: String,
        #[serde(with = "time::serde::rfc3339")]
        until: OffsetDateTime,
    },
    /// Mail the reminder to switch the forward on; renew on a later run.
    RemindFirst {
        domain: String,
        #[serde(with = "time::serde::rfc3339")]
        mail_at: OffsetDateTime,
    },
}

impl RenewDecision {
    /// Which decision wins when several certificates disagree: act first,
    /// then wait for the earliest time.
    fn rank(&self) -> (u8, Option<OffsetDateTime>) {
        match self {
            RenewDecision::Due { .. } => (0, None),
            RenewDecision::RemindFirst { mail_at, .. } => (1, Some(*mail_at)),
            RenewDecision::Backoff { until, .. } => (2, Some(*until)),
            RenewDecision::NotDue { next_check } => (3, Some(*next_check)),
            RenewDecision::NothingInstalled => (4, None),
        }
    }

    pub fn text(&self) -> Text {
        match self {
            RenewDecision::NothingInstalled => Text::new("renew-nothing-installed"),
            RenewDecision::NotDue { next_check } => {
                Text::new("renew-not-due").arg("date", stamp(*next_check))
            }
            RenewDecision::Due { domain, reason } => {
                let id = match reason {
                    DueReason::Ari => "renew-due-ari",
                    DueReason::TwoThirds => "renew-due-two-thirds",
                    DueReason::Expired => "renew-due-expired",
                    DueReason::Forced => "renew-due-forced",
                };
                Text::new(id).arg("domain", domain.clone())
            }
            RenewDecision::Backoff { domain, until } => Text::new("renew-backoff")
                .arg("domain", domain.clone())
                .arg("date", stamp(*until)),
            RenewDecision::RemindFirst { domain, mail_at } => Text::new("renew-remind-first")
                .arg("domain", domain.clone())
                .arg("date", stamp(*mail_at)),
        }
    }
}

fn stamp(t: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// The point in the renewal window at which this certificate is due.
/// Inside an ARI window the CA asks clients to spread out; a point
/// derived from the fingerprint spreads them and stays the same on every
/// run. Without ARI, the window's start (two thirds of the lifetime).
pub fn due_at(record: &CertRecord) -> (OffsetDateTime, WindowSource) {
    let (w, source) = record.renewal_window();
    if source != WindowSource::Ari {
        return (w.start, source);
    }
    let span = (w.end - w.start).whole_seconds();
    if span <= 0 {
        return (w.start, source);
    }
    let digest = Sha256::digest(record.fingerprint_sha256.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let offset = u64::from_be_bytes(first) % span.unsigned_abs();
    let offset = i64::try_from(offset).unwrap_or(0);
    (w.start + Duration::seconds(offset), source)
}

/// Decides for every record and answers with the most pressing decision.
/// What a deploy hook is told about the renewed certificate: certbot's
/// names, so hooks written for certbot work unchanged, and our own.
pub fn deploy_env(record: &CertRecord) -> Vec<(&'static str, String)> {
    let lineage = record
        .path_crt
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    vec![
        ("RENEWED_LINEAGE", lineage),
        ("RENEWED_DOMAINS", record.domain.clone()),
        (
            "PRAXIS_TLS_CERTIFICATE",
            record.path_crt.display().to_string(),
        ),
        ("PRAXIS_TLS_KEY", record.path_key.display().to_string()),
    ]
}

/// `renew --force`: a certificate that is not due yet is renewed now. The
/// back-off after failures and the reminder stay; the once-a-day guard and
/// the rate limits are checked at the issuance.
pub fn force(decision: RenewDecision, records: &[CertRecord]) -> RenewDecision {
    match decision {
        RenewDecision::NotDue { .. } => match records.first() {
            Some(r) => RenewDecision::Due {
                domain: r.domain.clone(),
                reason: DueReason::Forced,
            },
            None => RenewDecision::NothingInstalled,
        },
        other => other,
    }
}

pub fn decide(
    records: &[CertRecord],
    history: &[Attempt],
    policy: &RenewPolicy,
    now: OffsetDateTime,
) -> RenewDecision {
    records
        .iter()
        .map(|r| decide_one(r, history, policy, now))
        .min_by_key(RenewDecision::rank)
        .unwrap_or(RenewDecision::NothingInstalled)
}

fn decide_one(
    record: &CertRecord,
    history: &[Attempt],
    policy: &RenewPolicy,
    now: OffsetDateTime,
) -> RenewDecision {
    let domain = record.domain.clone();
    // Only what happened since this certificate was issued belongs to its
    // renewal; older failures were about its predecessor.
    let cycle: Vec<&Attempt> = history
        .iter()
        .filter(|a| a.domain == record.domain && a.at >= record.not_before && a.at <= now)
        .collect();
    let (due, source) = due_at(record);

    if let ForwardPolicy::OffBetweenRenewals { days_before } = policy.forward {
        let mail_at = due - Duration::days(i64::from(days_before));
        let reminded = cycle.iter().any(|a| a.kind == AttemptKind::Reminder);
        if !reminded {
            if now >= mail_at {
                return RenewDecision::RemindFirst { domain, mail_at };
            }
            return RenewDecision::NotDue {
                next_check: mail_at,
            };
        }
    }
    if now < due {
        return RenewDecision::NotDue { next_check: due };
    }
    if let Some(until) = backoff_until(&cycle, policy)
        && now < until
    {
        return RenewDecision::Backoff { domain, until };
    }
    let reason = if now >= record.not_after {
        DueReason::Expired
    } else if source == WindowSource::Ari {
        DueReason::Ari
    } else {
        DueReason::TwoThirds
    };
    RenewDecision::Due { domain, reason }
}

/// When the next production attempt is allowed, if the history limits it.
fn backoff_until(cycle: &[&Attempt], policy: &RenewPolicy) -> Option<OffsetDateTime> {
    let mut production: Vec<(OffsetDateTime, bool, Option<OffsetDateTime>)> = cycle
        .iter()
        .filter_map(|a| match a.kind {
            AttemptKind::Production { ok, retry_after } => Some((a.at, ok, retry_after)),
            _ => None,
        })
        .collect();
    // Recorded order is not trusted: a clock step or a merge can shuffle it.
    production.sort_by_key(|p| p.0);
    let &(last_at, _, retry_after) = production.last()?;
    let failures = production.iter().rev().take_while(|p| !p.1).count();
    let mut wait = MIN_ATTEMPT_INTERVAL;
    if failures > 0 {
        let doublings = u32::try_from(failures - 1).unwrap_or(u32::MAX).min(16);
        let backoff = policy.backoff_base * 2i32.pow(doublings);
        wait = wait.max(backoff.min(policy.backoff_max));
    }
    let mut until = last_at + wait;
    if let Some(r) = retry_after {
        until = until.max(r);
    }
    Some(until)
}
