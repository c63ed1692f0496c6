//! The daily renewal decision: due or not, once a day, backoff, reminders.

use praxis_tls::core::library::renew::{
    self, Attempt, AttemptKind, DueReason, ForwardPolicy, RenewDecision, RenewPolicy,
};
use praxis_tls::core::library::status::{CertRecord, RenewalHint, Window};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const ISSUED: OffsetDateTime = datetime!(2026-09-25 10:00 UTC);
const DOMAIN: &str = "termine.praxis-muster.ch";

fn record() -> CertRecord {
    CertRecord {
        domain: DOMAIN.into(),
        path_crt: "/c.crt".into(),
        path_key: "/c.key".into(),
        not_before: ISSUED,
        not_after: ISSUED + Duration::days(90),
        issuer: "E7".into(),
        fingerprint_sha256: "cd".repeat(32),
        renewal: RenewalHint::default(),
    }
}

fn two_thirds() -> OffsetDateTime {
    ISSUED + Duration::days(60)
}

fn prod(at: OffsetDateTime, ok: bool) -> Attempt {
    Attempt {
        domain: DOMAIN.into(),
        at,
        kind: AttemptKind::Production {
            ok,
            retry_after: None,
        },
    }
}

fn decide(history: &[Attempt], now: OffsetDateTime) -> RenewDecision {
    renew::decide(&[record()], history, &RenewPolicy::default(), now)
}

#[test]
fn nothing_recorded_means_nothing_to_renew() {
    let d = renew::decide(&[], &[], &RenewPolicy::default(), ISSUED);
    assert_eq!(d, RenewDecision::NothingInstalled);
}

#[test]
fn not_due_before_two_thirds_due_after() {
    assert_eq!(
        decide(&[], two_thirds() - Duration::SECOND),
        RenewDecision::NotDue {
            next_check: two_thirds()
        }
    );
    assert_eq!(
        decide(&[], two_thirds()),
        RenewDecision::Due {
            domain: DOMAIN.into(),
            reason: DueReason::TwoThirds
        }
    );
    assert_eq!(
        decide(&[], record().not_after),
        RenewDecision::Due {
            domain: DOMAIN.into(),
            reason: DueReason::Expired
        }
    );
}

#[test]
fn an_ari_window_wins_and_its_point_is_stable() {
    let mut r = record();
    let w = Window {
        start: ISSUED + Duration::days(40),
        end: ISSUED + Duration::days(42),
    };
    r.renewal.ari_window = Some(w);
    let (at, _) = renew::due_at(&r);
    assert!(at >= w.start && at < w.end);
    assert_eq!(renew::due_at(&r), renew::due_at(&r.clone()));
    let p = RenewPolicy::default();
    assert_eq!(
        renew::decide(std::slice::from_ref(&r), &[], &p, w.end),
        RenewDecision::Due {
            domain: DOMAIN.into(),
            reason: DueReason::Ari
        }
    );
    assert!(matches!(
        renew::decide(&[r], &[], &p, w.start - Duration::SECOND),
        RenewDecision::NotDue { .. }
    ));
}

#[test]
fn at_most_one_production_attempt_a_day() {
    let first = two_thirds() + Duration::hours(2);
    let history = [prod(first, true)];
    // Even a success: the same day gets no second try.
    assert_eq!(
        decide(&history, first + Duration::hours(23)),
        RenewDecision::Backoff {
            domain: DOMAIN.into(),
            until: first + Duration::DAY
        }
    );
    // Staging tries are free.
    let staging = [Attempt {
        domain: DOMAIN.into(),
        at: first,
        kind: AttemptKind::Staging { ok: false },
    }];
    assert!(matches!(
        decide(&staging, first + Duration::hours(1)),
        RenewDecision::Due { .. }
    ));
    // Another domain's attempts do not count.
    let mut other = prod(first, false);
    other.domain = "termine.andere.ch".into();
    assert!(matches!(
        decide(&[other], first + Duration::hours(1)),
        RenewDecision::Due { .. }
    ));
}

#[test]
fn failures_back_off_exponentially_up_to_the_cap() {
    let t0 = two_thirds();
    let mut history = vec![prod(t0, false)];
    let until = |h: &[Attempt]| match decide(h, h[h.len() - 1].at) {
        RenewDecision::Backoff { until, .. } => until - h[h.len() - 1].at,
        d => panic!("expected backoff, got {d:?}"),
    };
    assert_eq!(until(&history), Duration::days(1));
    history.push(prod(t0 + Duration::days(1), false));
    assert_eq!(until(&history), Duration::days(2));
    history.push(prod(t0 + Duration::days(3), false));
    assert_eq!(until(&history), Duration::days(4));
    history.push(prod(t0 + Duration::days(7), false));
    assert_eq!(until(&history), Duration::days(4), "capped");
    // Due again once the wait is over.
    let last = t0 + Duration::days(7);
    assert!(matches!(
        decide(&history, last + Duration::days(4)),
        RenewDecision::Due { .. }
    ));
}

#[test]
fn a_retry_after_from_the_ca_is_honoured() {
    let t0 = two_thirds();
    let later = t0 + Duration::days(3);
    let h = [Attempt {
        domain: DOMAIN.into(),
        at: t0,
        kind: AttemptKind::Production {
            ok: false,
            retry_after: Some(later),
        },
    }];
    assert_eq!(
        decide(&h, t0 + Duration::days(2)),
        RenewDecision::Backoff {
            domain: DOMAIN.into(),
            until: later
        }
    );
}

#[test]
fn attempts_for_the_previous_certificate_are_forgotten() {
    let old_failure = prod(ISSUED - Duration::days(1), false);
    assert!(matches!(
        decide(&[old_failure], two_thirds()),
        RenewDecision::Due { .. }
    ));
}

#[test]
fn forward_off_between_renewals_reminds_first() {
    let policy = RenewPolicy {
        forward: ForwardPolicy::OffBetweenRenewals { days_before: 3 },
        ..RenewPolicy::default()
    };
    let mail_at = two_thirds() - Duration::days(3);
    let d = |h: &[Attempt], now| renew::decide(&[record()], h, &policy, now);
    assert_eq!(
        d(&[], mail_at - Duration::hours(1)),
        RenewDecision::NotDue {
            next_check: mail_at
        }
    );
    let remind = RenewDecision::RemindFirst {
        domain: DOMAIN.into(),
        mail_at,
    };
    assert_eq!(d(&[], mail_at), remind);
    // Reminder never sent: even when due, it goes out first.
    assert_eq!(d(&[], two_thirds() + Duration::DAY), remind);
    let sent = [Attempt {
        domain: DOMAIN.into(),
        at: mail_at + Duration::hours(1),
        kind: AttemptKind::Reminder,
    }];
    assert_eq!(
        d(&sent, mail_at + Duration::DAY),
        RenewDecision::NotDue {
            next_check: two_thirds()
        }
    );
    assert!(matches!(d(&sent, two_thirds()), RenewDecision::Due { .. }));
}

#[test]
fn the_same_inputs_give_the_same_answer() {
    let h = [prod(two_thirds(), false), prod(ISSUED, true)];
    let now = two_thirds() + Duration::hours(5);
    let a = decide(&h, now);
    for _ in 0..3 {
        assert_eq!(decide(&h, now), a);
    }
    // Order of the history does not matter.
    let rev = [h[1].clone(), h[0].clone()];
    assert_eq!(decide(&rev, now), a);
}

#[test]
fn the_most_pressing_certificate_decides() {
    let mut fresh = record();
    fresh.domain = "termine.neu.ch".into();
    fresh.not_before = two_thirds();
    fresh.not_after = two_thirds() + Duration::days(90);
    let d = renew::decide(
        &[fresh, record()],
        &[],
        &RenewPolicy::default(),
        two_thirds(),
    );
    assert!(matches!(d, RenewDecision::Due { domain, .. } if domain == DOMAIN));
    assert_eq!(d_text_id(&decide(&[], ISSUED)), "renew-not-due");
}

fn d_text_id(d: &RenewDecision) -> String {
    d.text().id
}

#[test]
fn force_renews_what_is_not_due_and_nothing_else() {
    let r = record();
    let early = r.not_before + Duration::days(1);
    let not_due = decide(&[], early);
    assert!(matches!(not_due, RenewDecision::NotDue { .. }));
    assert!(matches!(
        renew::force(not_due, std::slice::from_ref(&r)),
        RenewDecision::Due {
            reason: DueReason::Forced,
            ..
        }
    ));
    // A back-off after a failure stays: force is no way around it.
    let failed = decide(
        &[prod(two_thirds(), false)],
        two_thirds() + Duration::hours(2),
    );
    assert!(
        matches!(failed, RenewDecision::Backoff { .. }),
        "{failed:?}"
    );
    assert_eq!(renew::force(failed.clone(), &[r]), failed);
}

#[test]
fn a_deploy_hook_gets_certbots_names() {
    let env = renew::deploy_env(&record());
    let get = |k: &str| env.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
    assert_eq!(
        get("RENEWED_DOMAINS").as_deref(),
        Some(record().domain.as_str())
    );
    let lineage = record().path_crt.parent().unwrap().display().to_string();
    assert_eq!(get("RENEWED_LINEAGE"), Some(lineage));
    assert!(get("PRAXIS_TLS_KEY").is_some());
}
