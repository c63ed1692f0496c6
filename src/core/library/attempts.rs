//! The one history of what was asked of Let's Encrypt, and the guard
//! against its production rate limits. A practice that hits them waits an
//! hour to a week with a broken site, so the wizard counts its own attempts
//! and asks before spending another one; `certificate` and `renew` write
//! the same records through the same transitions (see `cert_step`), and
//! the renewal decision reads this history too ([`AttemptHistory::renewal_view`]).
//!
//! Staging attempts are recorded as well, marked `production: false`.
//! Let's Encrypt counts failed validations per environment: staging's are
//! counted against staging's own, far higher limits, never against
//! production's. So the guard below counts production alone, and a staging
//! record costs nothing; keeping it means the wizard and the commands leave
//! the same trace of a dry run (what `report` and a support call read), and
//! a run that hammers staging would show. A staging record stands for what
//! staging counts: a certificate issued or a validation failed; a dry run
//! that never reached the validation (the CA unreachable, an address it
//! refused) spent nothing there. In production every failure is recorded,
//! whatever it cost: the guard and `renew`'s back-off must count a try
//! whose cost is unknown as spent.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Let's Encrypt's production limits (as published in 2026).
pub const FAILED_AUTHZ_PER_NAME_PER_HOUR: usize = 5;
pub const CERTS_PER_REGISTERED_DOMAIN_PER_WEEK: usize = 50;
pub const DUPLICATE_CERTS_PER_WEEK: usize = 5;
/// Unattended runs (renewal from a timer) get one production try per day,
/// so a broken setup never burns the hourly failure budget by itself.
pub const UNATTENDED_INTERVAL: Duration = Duration::DAY;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttemptOutcome {
    Failed,
    Issued,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The host name the certificate was for.
    pub name: String,
    /// The registered domain (eTLD+1) the name belongs to.
    pub registered: String,
    pub production: bool,
    pub outcome: AttemptOutcome,
}

/// What `renew` told someone by mail, so it neither repeats itself nor the
/// timer's failure unit mails a second time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// The reminder to switch the port-80 forward on went out.
    Reminder,
    /// `renew` mailed its own failure.
    FailureMailed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub domain: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub kind: NoticeKind,
}

/// How many notices are kept: a reminder must outlive a whole certificate
/// lifetime, so they are not pruned by age.
pub const NOTICES_KEPT: usize = 50;

/// Every attempt (both environments) and every notice, kept in the state
/// file. `notices` came later: files without it read as none, and the
/// separate `renew-reminders.json` of earlier versions is folded in when
/// the state is loaded (`io::store`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptHistory {
    pub attempts: Vec<Attempt>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

impl AttemptHistory {
    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt);
    }

    /// A notice, once: the same one read back from an old file is not
    /// counted twice.
    pub fn notice(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
        self.notices.sort_by_key(|n| n.at);
        let extra = self.notices.len().saturating_sub(NOTICES_KEPT);
        self.notices.drain(..extra);
    }

    /// Entries older than the longest window no longer matter.
    pub fn prune(&mut self, now: OffsetDateTime) {
        self.attempts.retain(|a| now - a.at < Duration::WEEK);
    }

    /// Whether `kind` went out at or after `since`.
    pub fn noticed_since(&self, kind: NoticeKind, since: OffsetDateTime) -> bool {
        self.notices.iter().any(|n| n.kind == kind && n.at >= since)
    }

    /// The history as the renewal decision reads it.
    pub fn renewal_view(&self) -> Vec<super::renew::Attempt> {
        use super::renew::{Attempt as R, AttemptKind as K};
        let attempts = self.attempts.iter().map(|a| {
            let ok = a.outcome == AttemptOutcome::Issued;
            R {
                domain: a.name.clone(),
                at: a.at,
                kind: if a.production {
                    K::Production {
                        ok,
                        retry_after: None,
                    }
                } else {
                    K::Staging { ok }
                },
            }
        });
        let notices = self.notices.iter().map(|n| R {
            domain: n.domain.clone(),
            at: n.at,
            kind: match n.kind {
                NoticeKind::Reminder => K::Reminder,
                NoticeKind::FailureMailed => K::FailureMailed,
            },
        });
        attempts.chain(notices).collect()
    }
}

/// What the limits leave, shown before a new attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub failures_last_hour: usize,
    pub failures_left_this_hour: usize,
    pub issued_for_domain_this_week: usize,
    pub duplicates_this_week: usize,
    pub duplicates_left_this_week: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusedBecause {
    FailedAuthorizations,
    DuplicateCertificates,
    CertificatesPerDomain,
    /// Unattended: already tried today.
    OncePerDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// The last attempt for this name failed: the person confirms, having
    /// seen what the limits still allow.
    NeedsConfirmation {
        budget: Budget,
    },
    Refused {
        until: OffsetDateTime,
        because: RefusedBecause,
        budget: Budget,
    },
}

/// Whether a new production attempt for `name` may start. Staging has far
/// higher limits and is always allowed.
pub fn may_attempt(
    history: &AttemptHistory,
    name: &str,
    registered: &str,
    production: bool,
    now: OffsetDateTime,
    interactive: bool,
) -> Decision {
    if !production {
        return Decision::Allowed;
    }
    let prod = || {
        history
            .attempts
            .iter()
            .filter(|a| a.production && a.at <= now)
    };
    let within = |a: &&Attempt, d: Duration| now - a.at < d;

    let mut failures: Vec<OffsetDateTime> = prod()
        .filter(|a| a.name == name && a.outcome == AttemptOutcome::Failed)
        .filter(|a| within(a, Duration::HOUR))
        .map(|a| a.at)
        .collect();
    failures.sort();
    let mut duplicates: Vec<OffsetDateTime> = prod()
        .filter(|a| a.name == name && a.outcome == AttemptOutcome::Issued)
        .filter(|a| within(a, Duration::WEEK))
        .map(|a| a.at)
        .collect();
    duplicates.sort();
    let mut per_domain: Vec<OffsetDateTime> = prod()
        .filter(|a| a.registered == registered && a.outcome == AttemptOutcome::Issued)
        .filter(|a| within(a, Duration::WEEK))
        .map(|a| a.at)
        .collect();
    per_domain.sort();

    let budget = Budget {
        failures_last_hour: failures.len(),
        failures_left_this_hour: FAILED_AUTHZ_PER_NAME_PER_HOUR.saturating_sub(failures.len()),
        issued_for_domain_this_week: per_domain.len(),
        duplicates_this_week: duplicates.len(),
        duplicates_left_this_week: DUPLICATE_CERTS_PER_WEEK.saturating_sub(duplicates.len()),
    };

    // The window frees up when its oldest counted entry drops out.
    let refuse = |times: &[OffsetDateTime], limit: usize, window: Duration, because| {
        (times.len() >= limit).then(|| Decision::Refused {
            until: times[times.len() - limit] + window,
            because,
            budget,
        })
    };
    if let Some(d) = refuse(
        &failures,
        FAILED_AUTHZ_PER_NAME_PER_HOUR,
        Duration::HOUR,
        RefusedBecause::FailedAuthorizations,
    )
    .or_else(|| {
        refuse(
            &duplicates,
            DUPLICATE_CERTS_PER_WEEK,
            Duration::WEEK,
            RefusedBecause::DuplicateCertificates,
        )
    })
    .or_else(|| {
        refuse(
            &per_domain,
            CERTS_PER_REGISTERED_DOMAIN_PER_WEEK,
            Duration::WEEK,
            RefusedBecause::CertificatesPerDomain,
        )
    }) {
        return d;
    }

    let last_for_name = prod().filter(|a| a.name == name).max_by_key(|a| a.at);
    if !interactive {
        if let Some(last) = prod()
            .filter(|a| within(a, UNATTENDED_INTERVAL))
            .max_by_key(|a| a.at)
        {
            return Decision::Refused {
                until: last.at + UNATTENDED_INTERVAL,
                because: RefusedBecause::OncePerDay,
                budget,
            };
        }
        return Decision::Allowed;
    }
    match last_for_name {
        Some(a) if a.outcome == AttemptOutcome::Failed && within(&a, Duration::WEEK) => {
            Decision::NeedsConfirmation { budget }
        }
        _ => Decision::Allowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-24 12:00 UTC);
    const NAME: &str = "termine.praxis-muster.ch";
    const REG: &str = "praxis-muster.ch";

    fn at(minutes_ago: i64, outcome: AttemptOutcome) -> Attempt {
        Attempt {
            at: NOW - Duration::minutes(minutes_ago),
            name: NAME.into(),
            registered: REG.into(),
            production: true,
            outcome,
        }
    }

    fn history(v: Vec<Attempt>) -> AttemptHistory {
        AttemptHistory {
            attempts: v,
            notices: Vec::new(),
        }
    }

    #[test]
    fn a_notice_read_twice_counts_once_and_the_oldest_go() {
        let mut h = AttemptHistory::default();
        let n = |i: i64| Notice {
            domain: NAME.into(),
            at: NOW - Duration::minutes(i),
            kind: NoticeKind::Reminder,
        };
        h.notice(n(1));
        h.notice(n(1));
        assert_eq!(h.notices.len(), 1);
        for i in 2..=60 {
            h.notice(n(i));
        }
        assert_eq!(h.notices.len(), NOTICES_KEPT);
        assert!(h.noticed_since(NoticeKind::Reminder, NOW - Duration::minutes(1)));
        assert!(!h.noticed_since(NoticeKind::FailureMailed, NOW - Duration::DAY));
    }

    #[test]
    fn first_attempt_is_allowed_both_ways() {
        let h = AttemptHistory::default();
        assert_eq!(
            may_attempt(&h, NAME, REG, true, NOW, true),
            Decision::Allowed
        );
        assert_eq!(
            may_attempt(&h, NAME, REG, true, NOW, false),
            Decision::Allowed
        );
    }

    #[test]
    fn after_a_failure_interactive_needs_confirmation_with_budget() {
        let h = history(vec![
            at(10, AttemptOutcome::Failed),
            at(20, AttemptOutcome::Failed),
        ]);
        match may_attempt(&h, NAME, REG, true, NOW, true) {
            Decision::NeedsConfirmation { budget } => {
                assert_eq!(budget.failures_last_hour, 2);
                assert_eq!(budget.failures_left_this_hour, 3);
            }
            d => panic!("{d:?}"),
        }
    }

    #[test]
    fn five_failures_in_an_hour_refuse_until_the_oldest_ages_out() {
        let h = history(
            (1..=5)
                .map(|m| at(m * 10, AttemptOutcome::Failed))
                .collect(),
        );
        match may_attempt(&h, NAME, REG, true, NOW, true) {
            Decision::Refused { until, because, .. } => {
                assert_eq!(because, RefusedBecause::FailedAuthorizations);
                assert_eq!(until, NOW - Duration::minutes(50) + Duration::HOUR);
            }
            d => panic!("{d:?}"),
        }
    }

    #[test]
    fn failures_older_than_an_hour_do_not_count() {
        let h = history(
            (1..=5)
                .map(|m| at(60 + m, AttemptOutcome::Failed))
                .collect(),
        );
        assert!(matches!(
            may_attempt(&h, NAME, REG, true, NOW, true),
            Decision::NeedsConfirmation { budget } if budget.failures_last_hour == 0
        ));
    }

    #[test]
    fn a_success_after_failures_needs_no_confirmation() {
        let h = history(vec![
            at(30, AttemptOutcome::Failed),
            at(10, AttemptOutcome::Issued),
        ]);
        assert_eq!(
            may_attempt(&h, NAME, REG, true, NOW, true),
            Decision::Allowed
        );
    }

    #[test]
    fn five_duplicates_in_a_week_refuse() {
        let h = history(
            (1..=5)
                .map(|d| at(d * 24 * 60, AttemptOutcome::Issued))
                .collect(),
        );
        assert!(matches!(
            may_attempt(&h, NAME, REG, true, NOW, true),
            Decision::Refused {
                because: RefusedBecause::DuplicateCertificates,
                ..
            }
        ));
    }

    #[test]
    fn fifty_per_registered_domain_refuse() {
        let v = (0..50)
            .map(|i| Attempt {
                name: format!("h{i}.{REG}"),
                ..at(60 + i, AttemptOutcome::Issued)
            })
            .collect();
        assert!(matches!(
            may_attempt(&history(v), NAME, REG, true, NOW, true),
            Decision::Refused {
                because: RefusedBecause::CertificatesPerDomain,
                ..
            }
        ));
    }

    #[test]
    fn unattended_once_per_day() {
        let h = history(vec![at(23 * 60, AttemptOutcome::Failed)]);
        assert_eq!(
            may_attempt(&h, NAME, REG, true, NOW, false),
            Decision::Refused {
                until: NOW + Duration::HOUR,
                because: RefusedBecause::OncePerDay,
                budget: Budget {
                    failures_last_hour: 0,
                    failures_left_this_hour: 5,
                    issued_for_domain_this_week: 0,
                    duplicates_this_week: 0,
                    duplicates_left_this_week: 5,
                },
            }
        );
        let h = history(vec![at(25 * 60, AttemptOutcome::Failed)]);
        assert_eq!(
            may_attempt(&h, NAME, REG, true, NOW, false),
            Decision::Allowed
        );
    }

    #[test]
    fn staging_is_never_limited() {
        let h = history((1..=9).map(|m| at(m, AttemptOutcome::Failed)).collect());
        assert_eq!(
            may_attempt(&h, NAME, REG, false, NOW, false),
            Decision::Allowed
        );
    }

    #[test]
    fn prune_keeps_one_week() {
        let mut h = history(vec![
            at(8 * 24 * 60, AttemptOutcome::Failed),
            at(5, AttemptOutcome::Failed),
        ]);
        h.prune(NOW);
        assert_eq!(h.attempts.len(), 1);
    }
}
