//! Work for the io layer: what `update` asks to be done, answered by a
//! `Msg` with the same generation.

use std::path::PathBuf;

use super::wizard::Lang;
use super::{autorenew, certificate, golive, systems};
use crate::core::library::firewall;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the resume file (after every transition).
    Persist,
    Quit,
    /// Answer with `Msg::TypingSettled` once typing has stopped for a
    /// while; a newer one replaces this one. The driver answers it itself.
    SettleTyping,
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
                | Effect::SettleTyping
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
            | SettleTyping
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
