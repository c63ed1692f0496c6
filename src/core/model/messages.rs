//! What flows through the core: key presses and results in (`Msg`),
//! work for the io layer out (`Effect`).

use std::path::PathBuf;

pub use super::action::Action;
use super::wizard::{Lang, PendingChange};
use super::{autorenew, certificate, golive, network, systems};
use crate::core::library::{dns, firewall, reach, start, status};
use crate::core::model::check::{CheckId, Finding, Outcome, Text};

// Messages pass one at a time through a channel: their size costs nothing
// worth boxing the findings for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Action),
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the resume file (after every transition).
    Persist,
    Quit,
    ScanInstallDirs,
    DetectInstall {
        dir: PathBuf,
        generation: u64,
        /// Asked for by a key in the path field: typing goes on, so the
        /// driver waits for a pause, and a newer one replaces this one.
        typing: bool,
    },
    /// Ask docker what the restart will need of this project.
    InspectCompose {
        dir: PathBuf,
        generation: u64,
    },
    CheckDelegation {
        registered: String,
        generation: u64,
        /// Asked for by a key in the name field.
        typing: bool,
    },
    ResolveDns {
        name: String,
        generation: u64,
    },
    /// Look the name up again before an order is placed; with
    /// `ask_public`, the practice's public IPv4 address too (only where the
    /// port-forwarding step found one to compare with).
    RecheckName {
        name: String,
        generation: u64,
        ask_public: bool,
    },
    /// Finish (`true`) or undo (`false`) the changes left half done.
    ResolvePending {
        finish: bool,
    },
    DiscoverPublic {
        generation: u64,
    },
    /// After discovery: which router this is (for its guide) and where this
    /// server sits behind it; the public address names the provider.
    DetectRouter {
        public: Option<std::net::Ipv4Addr>,
    },
    DetectFirewall {
        generation: u64,
    },
    /// Open the window, through the change journal.
    OpenFirewall {
        plan: firewall::FirewallPlan,
        generation: u64,
    },
    /// Close every open window. `keep_table`: the practice keeps its
    /// port-80 forward, so our nftables table stays as a guard.
    CloseFirewall {
        plan: firewall::FirewallPlan,
        keep_table: bool,
    },
    /// Serve a fresh token and fetch it from these addresses by `name`.
    Probe {
        name: String,
        addrs: Vec<std::net::IpAddr>,
        generation: u64,
    },
    FetchTerms,
    /// An ACME issuance; `window` opens the firewall first if it is shut.
    Issue {
        env: certificate::AcmeEnv,
        name: String,
        email: String,
        terms_accepted: bool,
        resume_order: Option<String>,
        window: Option<firewall::FirewallPlan>,
        generation: u64,
    },
    ImportCertificate {
        name: String,
        cert: PathBuf,
        key: Option<PathBuf>,
        passphrase: Option<String>,
        generation: u64,
    },
    SelfSign {
        name: String,
        generation: u64,
    },
    /// Copy the certificate into the proxy's directory, through the journal.
    InstallFiles {
        site: golive::Site,
        crt: PathBuf,
        key: PathBuf,
        generation: u64,
    },
    /// Work out the proxy edits and their diffs; nothing is written.
    PlanProxy {
        site: golive::Site,
        cert_name: String,
        key_name: String,
        generation: u64,
    },
    /// Write the edits last planned, through the journal.
    /// Writes exactly the plan the person saw (io refuses if a file
    /// changed since).
    ApplyProxy {
        plan: Box<golive::ProxyPlan>,
        generation: u64,
    },
    Restart {
        site: golive::Site,
        generation: u64,
    },
    /// Undo the journal entries after `mark` (all, without one), newest
    /// first; then restart again when `restart` names the site.
    UndoSince {
        mark: Option<u64>,
        restart: Option<golive::Site>,
    },
    /// Send certificate and key to the admin app (the wizard runs elsewhere).
    Upload {
        server: String,
        host: String,
        crt: PathBuf,
        key: PathBuf,
        generation: u64,
    },
    /// From the patients' side: the certificate, and nothing else exposed.
    FinalCheck {
        host: String,
        local_name: String,
        /// The practice's own public addresses: an address of the name
        /// that is not one of them is someone else's.
        own: Vec<std::net::IpAddr>,
        expected: String,
        generation: u64,
    },
    /// Read, issue the certificate, compute the edit: nothing written.
    PlanSystem {
        request: systems::SystemRequest,
        generation: u64,
    },
    /// Write what the plan showed; the gateway first gets its certificate
    /// (`window` opens the firewall for it). `passphrase` protects the
    /// browser certificates and is never saved; `login_password` is the
    /// password of the request's Orthanc user, never saved either.
    ApplySystem {
        request: systems::SystemRequest,
        window: Option<firewall::FirewallPlan>,
        passphrase: String,
        login_password: String,
        generation: u64,
    },
    /// Look whether the installed Orthanc's own HTTPS crashes (its
    /// version and the libraries it loads).
    InspectOrthanc,
    /// Read what renews the certificate now, and plan what would.
    InspectSchedule {
        generation: u64,
    },
    /// Store the mail settings (the password in its own 0600 file, when
    /// one was typed) and set up the renewal run, through the journal.
    InstallSchedule {
        mail: Option<autorenew::MailRequest>,
        password: Option<String>,
        lang: Lang,
        generation: u64,
    },
    SendTestMail {
        mail: autorenew::MailRequest,
        password: Option<String>,
        lang: Lang,
        generation: u64,
    },
}

impl Effect {
    /// Asked for while the person types: worth running only once typing
    /// pauses, and replaced by a newer effect of the same kind.
    pub fn follows_typing(&self) -> bool {
        matches!(
            self,
            Effect::DetectInstall { typing: true, .. }
                | Effect::CheckDelegation { typing: true, .. }
        )
    }

    /// Changes something outside the program (a file, the firewall, a
    /// certificate at the CA, a mail sent), or reports an order the
    /// resume file must hold: the state that led to it is on disk before
    /// it starts, so a run killed during it resumes from that state.
    pub fn changes_outside(&self) -> bool {
        use Effect::*;
        match self {
            Persist
            | Quit
            | ScanInstallDirs
            | DetectInstall { .. }
            | InspectCompose { .. }
            | CheckDelegation { .. }
            | ResolveDns { .. }
            | RecheckName { .. }
            | DiscoverPublic { .. }
            | DetectRouter { .. }
            | DetectFirewall { .. }
            | FetchTerms
            | PlanProxy { .. }
            | FinalCheck { .. }
            | Probe { .. }
            | InspectOrthanc
            | InspectSchedule { .. } => false,
            ResolvePending { .. }
            | OpenFirewall { .. }
            | CloseFirewall { .. }
            | Issue { .. }
            | ImportCertificate { .. }
            | SelfSign { .. }
            | InstallFiles { .. }
            | ApplyProxy { .. }
            | Restart { .. }
            | UndoSince { .. }
            | Upload { .. }
            | PlanSystem { .. }
            | ApplySystem { .. }
            | InstallSchedule { .. }
            | SendTestMail { .. } => true,
        }
    }
}
