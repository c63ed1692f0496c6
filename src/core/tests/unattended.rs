//! The commands' plans through the core: an issuance that is refused or
//! stops after the dry run, and a go-live that ends live or is taken back.

use super::*;
use crate::core::library::status::CertRecord;
use crate::core::model::certificate::{AcmeEnv, FailureKind};
use crate::core::model::golive::{FileDiff, InstalledFiles, PlanView};
use crate::core::model::unattended::Unattended;
use crate::core::model::unattended::{GoLive, Live, Phase};

const HOST: &str = "termine.meine-praxis.ch";

fn record(fingerprint: &str) -> CertRecord {
    CertRecord {
        domain: HOST.into(),
        path_crt: "/var/lib/praxis-tls/certs/t.crt".into(),
        path_key: "/var/lib/praxis-tls/certs/t.key".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "R13".into(),
        fingerprint_sha256: fingerprint.into(),
        renewal: Default::default(),
    }
}

fn generation(e: &[Effect]) -> u64 {
    e.iter()
        .find_map(|e| match e {
            Effect::Issue { generation, .. }
            | Effect::InstallFiles { generation, .. }
            | Effect::PlanProxy { generation, .. }
            | Effect::ApplyProxy { generation, .. }
            | Effect::Restart { generation, .. }
            | Effect::FinalCheck { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or(0)
}

fn plan(staging_only: bool) -> Unattended {
    Unattended {
        email: Some("it@meine-praxis.ch".into()),
        accept_terms: true,
        ..Unattended::new(
            crate::core::library::domain::parse(HOST).unwrap(),
            staging_only,
        )
    }
}

#[test]
fn a_dry_run_alone_stops_after_staging_and_records_it() {
    let mut w = Wizard::new(Lang::En, NOW);
    let e = update(&mut w, Msg::Unattended(plan(true)), NOW);
    assert!(
        e.iter().any(|e| matches!(
            e,
            Effect::Issue {
                env: AcmeEnv::Staging,
                window: None,
                ..
            }
        )),
        "no look-up first, no window: {e:?}"
    );
    let g = generation(&e);
    let e = update(
        &mut w,
        Msg::Issued {
            generation: g,
            env: Some(AcmeEnv::Staging),
            record: record("aa"),
        },
        NOW,
    );
    assert!(
        !e.iter().any(|e| matches!(e, Effect::Issue { .. })),
        "{e:?}"
    );
    assert_eq!(w.certificate.dry_run_for.as_deref(), Some(HOST));
    assert!(w.certificate.installed.is_none());
    let a = &w.certificate.attempts.attempts;
    assert_eq!(a.len(), 1);
    assert!(!a[0].production);
}

#[test]
fn production_once_a_day_and_a_validation_failure_counts() {
    let mut w = Wizard::new(Lang::En, NOW);
    w.certificate.dry_run_for = Some(HOST.into());
    let e = update(&mut w, Msg::Unattended(plan(false)), NOW);
    let g = generation(&e);
    update(
        &mut w,
        Msg::IssueFailed {
            generation: g,
            env: Some(AcmeEnv::Production),
            finding: Finding::new(Text::new("acme-error-connection")),
            kind: FailureKind::Validation,
        },
        NOW,
    );
    assert_eq!(w.certificate.attempts.attempts.len(), 1);
    let later = NOW + time::Duration::hours(2);
    let e = update(&mut w, Msg::Unattended(plan(false)), later);
    assert!(e.iter().all(|e| !matches!(e, Effect::Issue { .. })));
    let refused = w.session.unattended.as_ref().and_then(|u| u.refused);
    assert!(refused.is_some(), "refused until a day has passed");
}

fn live_wizard() -> Wizard {
    let mut w = Wizard::new(Lang::En, NOW);
    w.start.found = Some(Installation::new(
        "/opt/elexis-oob".into(),
        Generation::Current,
    ));
    w.certificate.installed = Some(record("new"));
    w
}

fn files() -> InstalledFiles {
    InstalledFiles {
        crt: "/x/t.crt".into(),
        key: "/x/t.key".into(),
        cert_name: "t.crt".into(),
        key_name: "t.key".into(),
        fingerprint: "new".into(),
    }
}

/// Install, plan with one change, apply without a restart: the final
/// check is next.
fn up_to_the_check(w: &mut Wizard, previous: CertRecord) -> u64 {
    let plan = GoLive {
        previous: Some(previous),
        mark: Some(7),
        reachable_before: true,
    };
    let e = update(w, Msg::GoLive(plan), NOW);
    let g = generation(&e);
    let e = update(
        w,
        Msg::FilesInstalled {
            generation: g,
            result: Ok(files()),
        },
        NOW,
    );
    assert!(
        e.iter().any(|e| matches!(e, Effect::PlanProxy { .. })),
        "{e:?}"
    );
    let view = PlanView {
        diffs: vec![FileDiff {
            path: "/opt/elexis-oob/dynamic.yml".into(),
            diff: "+tls".into(),
        }],
        needs_restart: false,
        drift: false,
    };
    let g = generation(&e);
    let e = update(
        w,
        Msg::ProxyPlanned {
            generation: g,
            result: Ok(crate::core::tests::golive::proxy_plan(view)),
        },
        NOW,
    );
    let g = generation(&e);
    let e = update(
        w,
        Msg::ProxyApplied {
            generation: g,
            result: Ok(()),
        },
        NOW,
    );
    assert!(
        e.iter().any(|e| matches!(e, Effect::FinalCheck { .. })),
        "no restart owed: {e:?}"
    );
    generation(&e)
}

/// The final check's result: `tls` as given, nothing exposed, `served`
/// seen at the name.
fn checked(generation: u64, tls: Outcome, served: &str) -> Msg {
    let fine = || Outcome::Passed(Finding::new(Text::new("x")));
    Msg::FinalChecked {
        generation,
        tls,
        exposure: fine(),
        port80: fine(),
        fingerprints: vec![served.into()],
        addresses: Vec::new(),
    }
}

fn phase(w: &Wizard) -> Option<Phase> {
    w.session.going_live.as_ref().map(|r| r.phase)
}

#[test]
fn a_failed_final_check_undoes_this_runs_entries_and_puts_the_old_record_back() {
    let mut w = live_wizard();
    let g = up_to_the_check(&mut w, record("old"));
    let e = update(
        &mut w,
        checked(
            g,
            Outcome::Failed(Finding::new(Text::new("patients-points-elsewhere"))),
            "old",
        ),
        NOW,
    );
    let outside: Vec<&Effect> = e.iter().filter(|e| **e != Effect::Persist).collect();
    assert_eq!(
        outside,
        [&Effect::UndoSince {
            mark: Some(7),
            restart: None
        }]
    );
    assert_eq!(phase(&w), Some(Phase::Undo));
    update(&mut w, Msg::GoLiveRolledBack { complete: true }, NOW);
    assert_eq!(w.certificate.installed, Some(record("old")));
    let end = w.session.going_live.as_ref().and_then(|r| r.end.clone());
    assert!(
        matches!(&end, Some(Live::Failed { reason, undone: true }) if reason.id == "patients-points-elsewhere"),
        "{end:?}"
    );
}

#[test]
fn a_served_certificate_is_live_and_nothing_is_undone() {
    let mut w = live_wizard();
    let g = up_to_the_check(&mut w, record("old"));
    let e = update(
        &mut w,
        checked(g, Outcome::Passed(Finding::new(Text::new("x"))), "new"),
        NOW,
    );
    assert!(e.iter().all(|e| !matches!(e, Effect::UndoSince { .. })));
    assert_eq!(w.certificate.installed, Some(record("new")));
    let end = w.session.going_live.as_ref().and_then(|r| r.end.clone());
    assert_eq!(end, Some(Live::Checked));
}

#[test]
fn without_an_installation_nothing_starts() {
    let mut w = live_wizard();
    w.start.found = None;
    let plan = GoLive {
        previous: None,
        mark: None,
        reachable_before: false,
    };
    assert!(
        update(&mut w, Msg::GoLive(plan), NOW)
            .iter()
            .all(|e| *e == Effect::Persist)
    );
    let end = w.session.going_live.as_ref().and_then(|r| r.end.clone());
    assert_eq!(end, Some(Live::NoInstallation));
}
