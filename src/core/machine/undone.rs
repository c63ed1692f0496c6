//! What the saved wizard says after `praxis-tls undo`: undo takes back
//! every change the journal holds (the installed files, the proxy's
//! configuration, Orthanc's and Express Gateway's, the renewal schedule),
//! so the steps that made them are open again, and nothing may still
//! read «Geschafft» or «in Ordnung» about them.
//!
//! The issued certificate itself stays: it lives in the wizard's own
//! directory, was never the practice's file, and can be installed again
//! without a new order.

use time::OffsetDateTime;

use crate::core::{CheckId, Step, Wizard};

/// The checks whose result described a change undo took back.
const REOPENED_CHECKS: [CheckId; 10] = [
    CheckId::FilesInstalled,
    CheckId::ProxyConfig,
    CheckId::Restarted,
    CheckId::FinalTls,
    CheckId::FinalExposure,
    CheckId::FinalPort80,
    CheckId::Uploaded,
    CheckId::Orthanc,
    CheckId::Gateway,
    CheckId::Schedule,
];

/// The steps the person confirmed that undo took back.
const REOPENED_STEPS: [Step; 7] = [
    Step::Install,
    Step::ProxyConfig,
    Step::Restart,
    Step::FinalCheck,
    Step::Systems,
    Step::AutoRenew,
    Step::Done,
];

/// Reopens what undo took back; the wizard resumes at installing the
/// certificate when it had got that far.
pub fn after_undo(w: &mut Wizard, now: OffsetDateTime) {
    for id in REOPENED_CHECKS {
        w.checks.remove(&id);
    }
    for step in REOPENED_STEPS {
        w.confirmed.remove(&step);
    }
    w.golive.installed = None;
    w.golive.plan = None;
    w.golive.restart_owed = false;
    w.golive.undone_at = Some(now);
    w.systems.plan = None;
    w.systems.done.clear();
    w.autorenew.set_up = None;
    w.autorenew.skipped = false;
    if w.step > Step::Install {
        w.step = Step::Install;
    }
    w.updated_at = now;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{CheckState, Finding, Lang, Text};

    #[test]
    fn a_finished_wizard_is_open_again_at_the_install_step() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let mut w = Wizard::new(Lang::De, now);
        w.step = Step::Done;
        for id in [CheckId::DryRun, CheckId::FilesInstalled, CheckId::FinalTls] {
            w.checks
                .insert(id, CheckState::Passed(Finding::new(Text::new("x"))));
        }
        w.confirmed.insert(Step::PortForwarding);
        w.confirmed.insert(Step::FinalCheck);
        w.golive.restart_owed = true;
        after_undo(&mut w, now);
        assert_eq!(w.step, Step::Install);
        assert!(w.check(CheckId::DryRun).is_passed(), "before go-live: kept");
        assert!(!w.checks.contains_key(&CheckId::FilesInstalled));
        assert!(!w.checks.contains_key(&CheckId::FinalTls));
        assert!(w.confirmed.contains(&Step::PortForwarding));
        assert!(!w.confirmed.contains(&Step::FinalCheck));
        assert!(!w.golive.restart_owed);
        assert_eq!(w.golive.undone_at, Some(now));
    }

    #[test]
    fn a_wizard_before_go_live_stays_where_it_was() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let mut w = Wizard::new(Lang::De, now);
        w.step = Step::Firewall;
        after_undo(&mut w, now);
        assert_eq!(w.step, Step::Firewall);
    }
}
