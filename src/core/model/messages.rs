//! What flows into the core: key presses and results (`Msg`). The work
//! that flows out is `Effect` (`effect.rs`).

use std::path::PathBuf;

pub use super::action::Action;
pub use super::effect::Effect;
use super::wizard::PendingChange;
use super::{autorenew, certificate, golive, network, systems};
use crate::core::library::{dns, firewall, reach, start, status};
use crate::core::model::check::{CheckId, Finding, Outcome, Text};

// Messages pass one at a time through a channel: their size costs nothing
// worth boxing the findings for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Action),
    /// Typing in the field has stopped long enough: what it led to may
    /// show now.
    TypingSettled,
    /// What the screen just drawn allows (its size, how far text scrolls).
    Viewport(super::wizard::Viewport),
    InstallCandidates(Vec<PathBuf>),
    InstallDetected {
        generation: u64,
        result: Result<start::Installation, start::DetectError>,
    },
    /// What docker says about the project the restart will need.
    ComposeInspected {
        generation: u64,
        facts: crate::core::library::compose_ready::ComposeFacts,
    },
    DelegationResolved {
        generation: u64,
        delegation: dns::Delegation,
    },
    DnsResolved {
        generation: u64,
        report: dns::DnsReport,
    },
    /// The name looked up again right before an order, and the practice's
    /// public IPv4 address asked again (`None` when nobody answered).
    NameRechecked {
        generation: u64,
        report: dns::DnsReport,
        public_v4: Option<std::net::Ipv4Addr>,
    },
    /// At start: changes an earlier run recorded but did not finish.
    PendingChanges(Vec<PendingChange>),
    /// The journal finished or undid the pending changes.
    PendingResolved {
        ok: bool,
    },
    PublicDiscovered {
        generation: u64,
        seen: network::PublicSeen,
    },
    /// Which router this is and where this server sits behind it; no
    /// generation: any answer describes the same router.
    RouterDetected(crate::core::library::router_guide::RouterSeen),
    FirewallDetected {
        generation: u64,
        detection: firewall::Detection,
        port: u16,
    },
    FirewallOpened {
        generation: u64,
        result: Result<(), Text>,
    },
    Probed {
        generation: u64,
        key_auth: String,
        reports: Vec<reach::ProbeReport>,
    },
    /// The probe could not even start (e.g. the responder port is taken).
    ProbeFailed {
        generation: u64,
        reason: Text,
    },
    /// The CA's terms of service, from its directory.
    Terms {
        url: Option<String>,
    },
    /// Whether the installed Orthanc is a build whose own HTTPS crashes.
    OrthancBuild {
        affected: bool,
    },
    /// `renew` told someone by mail (a reminder, its own failure).
    Noticed(crate::core::library::attempts::Notice),
    IssueProgress {
        generation: u64,
        stage: certificate::AcmeStage,
    },
    /// The CA still holds a validation for the name: none is needed now.
    AuthorizationReused {
        generation: u64,
        name: String,
    },
    OrderCreated {
        generation: u64,
        env: certificate::AcmeEnv,
        url: String,
        /// An order saved earlier, taken up again.
        resumed: bool,
    },
    /// A certificate is ready: `env` is `None` for an imported or
    /// self-signed one.
    Issued {
        generation: u64,
        env: Option<certificate::AcmeEnv>,
        record: status::CertRecord,
    },
    IssueFailed {
        generation: u64,
        env: Option<certificate::AcmeEnv>,
        finding: Finding,
        /// What kind of failure, for the commands' exit codes.
        kind: certificate::FailureKind,
    },
    /// A command asks for an issuance (see `unattended`).
    Unattended(super::unattended::Unattended),
    /// A command puts the certificate in use live (see `unattended_live`).
    GoLive(super::unattended::GoLive),
    /// A command's go-live was taken back (`complete`: every entry).
    GoLiveRolledBack {
        complete: bool,
    },
    /// `renew` reissued Express Gateway's certificate (`done`) or failed
    /// to (`None`); the attempt counts as any other.
    GatewayRenewed {
        name: String,
        done: Option<systems::SystemDone>,
    },
    /// `renew` reissued Orthanc's certificate from the practice's CA.
    OrthancRenewed {
        record: status::CertRecord,
    },
    FilesInstalled {
        generation: u64,
        result: Result<golive::InstalledFiles, Finding>,
    },
    ProxyPlanned {
        generation: u64,
        result: Result<golive::ProxyPlan, Finding>,
    },
    ProxyApplied {
        generation: u64,
        result: Result<(), Finding>,
    },
    /// One line of compose's output during the restart.
    RestartLine {
        generation: u64,
        line: String,
    },
    Restarted {
        generation: u64,
        result: Result<(), Finding>,
    },
    FinalChecked {
        generation: u64,
        tls: Outcome,
        exposure: Outcome,
        port80: Outcome,
        /// What the name's addresses served, one per address that answered.
        fingerprints: Vec<String>,
        /// The addresses the name resolved to for this check.
        addresses: Vec<String>,
    },
    /// Sent to the admin app: a warning ("not confirmed") or a failure.
    Uploaded {
        generation: u64,
        result: Result<Outcome, Finding>,
    },
    /// The systems step's plan (`check` says which system).
    SystemPlanned {
        check: CheckId,
        generation: u64,
        result: Result<systems::SystemPlan, Finding>,
    },
    SystemApplied {
        check: CheckId,
        generation: u64,
        result: Result<systems::SystemDone, Finding>,
    },
    /// What the renewal step found on the system.
    ScheduleInspected {
        generation: u64,
        view: autorenew::ScheduleView,
    },
    ScheduleInstalled {
        generation: u64,
        result: Result<autorenew::RenewalSetUp, Finding>,
    },
    /// The test mail went out (the text says to whom), or why not.
    TestMailSent {
        generation: u64,
        result: Result<Text, Finding>,
    },
}

impl Msg {
    /// Sent while an effect's work goes on (progress, the order URL, a
    /// line of compose's output); its result is still to come.
    pub fn is_report(&self) -> bool {
        matches!(
            self,
            Msg::IssueProgress { .. }
                | Msg::OrderCreated { .. }
                | Msg::AuthorizationReused { .. }
                | Msg::RestartLine { .. }
        )
    }

    /// The check a result answers and the generation it was started under;
    /// `None` for keys and for messages that are not check results.
    pub fn answers(&self) -> Option<(CheckId, u64)> {
        use Msg::*;
        let (id, g) = match self {
            InstallDetected { generation, .. } => (CheckId::Installation, generation),
            ComposeInspected { generation, .. } => (CheckId::ComposeReady, generation),
            DelegationResolved { generation, .. } => (CheckId::Delegation, generation),
            DnsResolved { generation, .. } => (CheckId::DnsA, generation),
            PublicDiscovered { generation, .. } => (CheckId::PublicIp, generation),
            FirewallDetected { generation, .. } | FirewallOpened { generation, .. } => {
                (CheckId::FirewallRule, generation)
            }
            Probed { generation, .. } | ProbeFailed { generation, .. } => {
                (CheckId::Reachability, generation)
            }
            IssueProgress { generation, .. }
            | NameRechecked { generation, .. }
            | OrderCreated { generation, .. }
            | AuthorizationReused { generation, .. }
            | Issued { generation, .. }
            | IssueFailed { generation, .. } => (CheckId::Certificate, generation),
            FilesInstalled { generation, .. } => (CheckId::FilesInstalled, generation),
            ProxyPlanned { generation, .. } | ProxyApplied { generation, .. } => {
                (CheckId::ProxyConfig, generation)
            }
            Uploaded { generation, .. } => (CheckId::Uploaded, generation),
            SystemPlanned {
                check, generation, ..
            }
            | SystemApplied {
                check, generation, ..
            } => (*check, generation),
            RestartLine { generation, .. } | Restarted { generation, .. } => {
                (CheckId::Restarted, generation)
            }
            FinalChecked { generation, .. } => (CheckId::FinalTls, generation),
            ScheduleInspected { generation, .. } | ScheduleInstalled { generation, .. } => {
                (CheckId::Schedule, generation)
            }
            TestMailSent { generation, .. } => (CheckId::TestMail, generation),
            Key(_)
            | TypingSettled
            | Viewport(_)
            | InstallCandidates(_)
            | PendingChanges(_)
            | PendingResolved { .. }
            | OrthancBuild { .. }
            | RouterDetected(_)
            | Noticed(_)
            | Unattended(_)
            | GoLive(_)
            | GoLiveRolledBack { .. }
            | GatewayRenewed { .. }
            | OrthancRenewed { .. }
            | Terms { .. } => {
                return None;
            }
        };
        Some((id, *g))
    }
}
