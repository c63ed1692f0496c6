//! What a command (`certificate`, `renew`) hands the core, and where its
//! unattended run stands (in the session, never saved).

use time::OffsetDateTime;

use crate::core::Text;
use crate::core::library::attempts::RefusedBecause;
use crate::core::library::domain::DomainName;
use crate::core::library::status::CertRecord;
use crate::core::model::golive::Site;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unattended {
    pub name: DomainName,
    /// Replaces the saved address when given.
    pub email: Option<String>,
    pub accept_terms: bool,
    /// The dry run alone: no trusted certificate, nothing installed.
    pub staging_only: bool,
    /// The window to open for the responder port, when a firewall is on.
    pub window: Option<crate::core::library::firewall::FirewallPlan>,
    /// Set when the guard refused to start.
    pub refused: Option<(RefusedBecause, OffsetDateTime)>,
}

impl Unattended {
    pub fn new(name: DomainName, staging_only: bool) -> Unattended {
        Unattended {
            name,
            email: None,
            accept_terms: false,
            staging_only,
            window: None,
            refused: None,
        }
    }
}

/// What the command hands the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoLive {
    /// The certificate served before, put back when the go-live fails.
    pub previous: Option<CertRecord>,
    /// The newest journal entry before the go-live: every later one is
    /// this run's, and only those are undone.
    pub mark: Option<u64>,
    /// Whether any address of the name served anything before the change.
    pub reachable_before: bool,
}

/// How a go-live ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    /// The final check saw the new certificate.
    Checked,
    /// The new certificate is served, but something internal answers from
    /// outside: the run fails loudly, the change stays.
    Exposed(Text),
    /// Nothing answers at the check's address, before the change as after
    /// it: the change is kept.
    NotCheckable,
    /// No Elexis-OOB installation is recorded: nothing to put it into.
    NoInstallation,
    /// Something failed; the change was taken back (`undone`: completely).
    Failed { reason: Text, undone: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Install,
    Plan,
    Apply,
    Restart,
    Check,
    Undo,
    Done,
}

/// A go-live while it runs (in the session, never saved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRun {
    pub plan: GoLive,
    pub site: Site,
    pub phase: Phase,
    pub restarted: bool,
    /// What the final check saw served, by fingerprint.
    pub fingerprints: Vec<String>,
    /// Why it is being undone.
    pub failure: Option<Text>,
    pub end: Option<Live>,
}
