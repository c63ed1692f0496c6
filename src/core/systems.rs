//! The optional step after the final check: the other systems of the
//! seeds, each under a host name of its own. Orthanc on the practice network
//! gets a certificate of the practice's own CA (a CA cannot reach an
//! intranet name); Express Gateway gets one from Let's Encrypt by the same
//! flow as the appointment service. Each is planned first (the diff is
//! shown), then written through the change journal after a "ja".

mod request;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use super::check::{CheckId, CheckState, Finding, Text};
use super::library::firewall::Backend;
use super::input::TextInput;
use super::transitions::start_check as start;
use super::{Action, Effect, Overlay, Wizard};
pub use request::{gateway_request, host_ok, orthanc_saved, request, split_list};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SystemKind {
    /// Nothing (more) to set up: "Weiter" goes on to the end.
    #[default]
    None,
    Orthanc,
    Gateway,
}

impl SystemKind {
    pub const ALL: [SystemKind; 3] = [SystemKind::None, SystemKind::Orthanc, SystemKind::Gateway];

    pub fn check(self) -> Option<CheckId> {
        match self {
            SystemKind::None => None,
            SystemKind::Orthanc => Some(CheckId::Orthanc),
            SystemKind::Gateway => Some(CheckId::Gateway),
        }
    }
}

/// Orthanc's answers. Client certificates are made when `clients` names
/// people; their PKCS#12 passphrase is typed and never saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrthancForm {
    pub host: TextInput,
    pub config: TextInput,
    /// Further addresses browsers use, comma-separated (may be empty).
    pub ips: TextInput,
    /// One browser certificate per name, comma-separated (may be empty).
    pub clients: TextInput,
    /// HTTPS from stunnel in front of Orthanc instead of its own.
    #[serde(default)]
    pub terminator: bool,
    /// How Orthanc is restarted.
    #[serde(default = "default_restart")]
    pub restart: TextInput,
    /// How the terminator is restarted.
    #[serde(default = "default_proxy_restart")]
    pub proxy_restart: TextInput,
    /// The port practice computers use with the terminator.
    #[serde(default = "default_port")]
    pub port: TextInput,
    /// With Orthanc's own HTTPS: the user practice computers log in with
    /// (remote access is then turned on); empty leaves access as it is.
    #[serde(default)]
    pub user: TextInput,
}

pub const DEFAULT_RESTART: &str = "systemctl restart orthanc";

fn default_restart() -> TextInput {
    TextInput::new(DEFAULT_RESTART)
}

fn default_proxy_restart() -> TextInput {
    TextInput::new(format!(
        "systemctl restart stunnel@{}",
        crate::core::library::orthanc::live::STUNNEL_INSTANCE
    ))
}

fn default_port() -> TextInput {
    TextInput::new(crate::core::library::orthanc::live::DEFAULT_TERMINATOR_PORT.to_string())
}

impl Default for OrthancForm {
    fn default() -> Self {
        OrthancForm {
            host: TextInput::default(),
            config: TextInput::default(),
            ips: TextInput::default(),
            clients: TextInput::default(),
            terminator: false,
            restart: default_restart(),
            proxy_restart: default_proxy_restart(),
            port: default_port(),
            user: TextInput::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayForm {
    pub host: TextInput,
    pub config: TextInput,
    /// The certbot folder on this machine (the seed's shared volume).
    pub disk_root: TextInput,
    /// The same folder as the gateway's container sees it.
    pub gateway_root: TextInput,
    /// The ACME account's contact; the certificate step's, when it had one.
    #[serde(default)]
    pub email: TextInput,
}

impl Default for GatewayForm {
    fn default() -> Self {
        GatewayForm {
            host: TextInput::default(),
            config: TextInput::default(),
            disk_root: TextInput::new("/etc/letsencrypt"),
            gateway_root: TextInput::new("/var/lib/certs"),
            email: TextInput::default(),
        }
    }
}

/// What io is asked to set up: plain values, checked by the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SystemRequest {
    Orthanc {
        host: String,
        config: PathBuf,
        ips: Vec<std::net::IpAddr>,
        clients: Vec<String>,
        /// The practice's name for the CA (shown in browsers).
        practice: String,
        way: crate::core::library::orthanc::live::Way,
        /// Orthanc's restart command; the terminator's.
        restart: String,
        proxy_restart: String,
        /// The terminator's port.
        port: u16,
        /// With Orthanc's own HTTPS: the user to let practice computers in
        /// with (its password travels apart, never saved).
        user: Option<String>,
    },
    Gateway {
        host: String,
        config: PathBuf,
        disk_root: PathBuf,
        gateway_root: String,
        email: String,
        terms_accepted: bool,
        /// The appointment name's addresses: the gateway's name must point
        /// at the same router.
        expected: Vec<std::net::Ipv4Addr>,
    },
}

impl SystemRequest {
    pub fn kind(&self) -> SystemKind {
        match self {
            SystemRequest::Orthanc { .. } => SystemKind::Orthanc,
            SystemRequest::Gateway { .. } => SystemKind::Gateway,
        }
    }

    /// The check its results answer.
    pub fn check(&self) -> CheckId {
        match self {
            SystemRequest::Orthanc { .. } => CheckId::Orthanc,
            SystemRequest::Gateway { .. } => CheckId::Gateway,
        }
    }
}

/// The change shown before "ja".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemPlan {
    pub kind: SystemKind,
    pub summary: Text,
    /// What the practice should know before saying yes (remote access,
    /// ciphers, a build whose HTTPS crashes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Unified diff of the configuration file; empty if it stays as it is.
    pub diff: String,
}

/// A system set up, for the screen and the status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemDone {
    pub kind: SystemKind,
    pub host: String,
    /// What to tell the person: where the files went, what to do next.
    pub report: Vec<Text>,
    /// The gateway's Let's Encrypt certificate, which `renew` keeps valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<super::library::status::CertRecord>,
    /// Orthanc behind stunnel rather than with its own HTTPS.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub terminator: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemsState {
    pub choice: SystemKind,
    pub orthanc: OrthancForm,
    pub gateway: GatewayForm,
    pub plan: Option<SystemPlan>,
    pub done: Vec<SystemDone>,
}

impl SystemsState {
    pub fn done(&self, kind: SystemKind) -> Option<&SystemDone> {
        self.done.iter().find(|d| d.kind == kind)
    }
}

/// Minimum length of the browser certificates' passphrase.
pub const MIN_PASSPHRASE: usize = 8;

/// The number of text fields of the chosen form, as it is: Orthanc's own
/// HTTPS has its restart, the login's user and password and the
/// passphrase last; the terminator its port and restart, no login.
pub fn fields_of(w: &Wizard) -> usize {
    match w.systems.choice {
        SystemKind::None => 0,
        SystemKind::Orthanc if w.systems.orthanc.terminator => 7,
        SystemKind::Orthanc => 8,
        SystemKind::Gateway => 5,
    }
}

/// The focused field, while the form takes letters.
pub fn field(w: &Wizard) -> Option<usize> {
    let n = fields_of(w);
    (n > 0 && w.systems.plan.is_none() && !running(w)).then(|| w.session.system_field.min(n - 1))
}

fn running(w: &Wizard) -> bool {
    w.systems
        .choice
        .check()
        .is_some_and(|id| w.check(id).is_running())
}

pub(super) fn on_choice(w: &mut Wizard, up: bool) {
    if w.systems.plan.is_some() || running(w) {
        return;
    }
    // Orthanc has two rows: its own HTTPS, and stunnel in front.
    let rows = [
        (SystemKind::None, false),
        (SystemKind::Orthanc, false),
        (SystemKind::Orthanc, true),
        (SystemKind::Gateway, false),
    ];
    let now = (
        w.systems.choice,
        w.systems.choice == SystemKind::Orthanc && w.systems.orthanc.terminator,
    );
    let i = rows.iter().position(|r| *r == now).unwrap_or(0);
    let n = rows.len();
    let (kind, terminator) = rows[if up { (i + n - 1) % n } else { (i + 1) % n }];
    w.systems.choice = kind;
    if kind == SystemKind::Orthanc {
        w.systems.orthanc.terminator = terminator;
        // The other way starts afresh: the last way's failure is not its.
        w.checks.insert(CheckId::Orthanc, CheckState::Idle);
    }
    w.session.system_field = 0;
    // The account of the certificate step serves the gateway too.
    let email = &mut w.systems.gateway.email;
    if w.systems.choice == SystemKind::Gateway && email.value.trim().is_empty() {
        email.set(w.certificate.email.value.trim());
    }
    w.session.passphrase = TextInput::default();
    w.session.orthanc_password = TextInput::default();
}

pub(super) fn on_next_field(w: &mut Wizard) {
    let n = fields_of(w).max(1);
    w.session.system_field = (w.session.system_field + 1) % n;
}

pub(super) fn on_edit(w: &mut Wizard, action: Action) {
    let Some(i) = field(w) else {
        return;
    };
    let s = &mut w.systems;
    let proxy = s.orthanc.terminator;
    let input = match (s.choice, i) {
        (SystemKind::Orthanc, 0) => &mut s.orthanc.host,
        (SystemKind::Orthanc, 1) => &mut s.orthanc.config,
        (SystemKind::Orthanc, 2) => &mut s.orthanc.ips,
        (SystemKind::Orthanc, 3) => &mut s.orthanc.clients,
        (SystemKind::Orthanc, 4) if proxy => &mut s.orthanc.port,
        (SystemKind::Orthanc, 5) if proxy => &mut s.orthanc.proxy_restart,
        (SystemKind::Orthanc, 4) => &mut s.orthanc.restart,
        (SystemKind::Orthanc, 5) if !proxy => &mut s.orthanc.user,
        (SystemKind::Orthanc, 6) if !proxy => &mut w.session.orthanc_password,
        (SystemKind::Orthanc, _) => &mut w.session.passphrase,
        (SystemKind::Gateway, 0) => &mut s.gateway.host,
        (SystemKind::Gateway, 1) => &mut s.gateway.config,
        (SystemKind::Gateway, 2) => &mut s.gateway.disk_root,
        (SystemKind::Gateway, 3) => &mut s.gateway.gateway_root,
        (SystemKind::Gateway, _) => &mut s.gateway.email,
        (SystemKind::None, _) => return,
    };
    if input.apply(action)
        && let Some(id) = s.choice.check()
        && !w.check(id).is_running()
    {
        w.checks.insert(id, CheckState::Idle);
    }
}

fn fail(w: &mut Wizard, id: CheckId, text: Text) -> Vec<Effect> {
    w.checks.insert(id, CheckState::Failed(Finding::new(text)));
    Vec::new()
}

/// Enter: nothing chosen goes on; a form is planned (diff first).
pub(super) fn on_next(w: &mut Wizard) -> Vec<Effect> {
    let Some(id) = w.systems.choice.check() else {
        return super::transitions::advance(w);
    };
    if running(w) {
        return Vec::new();
    }
    if w.systems.plan.is_some() {
        w.session.overlay = Overlay::ConfirmAction;
        return Vec::new();
    }
    match request(w) {
        Ok(request) => {
            let generation = start(w, id);
            vec![Effect::PlanSystem {
                request,
                generation,
            }]
        }
        Err(text) => fail(w, id, text),
    }
}

/// "Ja" on the shown plan: write it (and for the gateway, issue first).
pub(super) fn on_confirm(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    let Some(id) = w.systems.choice.check() else {
        return Vec::new();
    };
    let request = match request(w) {
        Ok(r) => r,
        Err(text) => {
            w.systems.plan = None;
            return fail(w, id, text);
        }
    };
    let window = match (&request, &w.network.firewall) {
        (SystemRequest::Gateway { .. }, Some(plan)) if plan.backend != Backend::None => {
            Some(plan.clone())
        }
        _ => None,
    };
    let generation = start(w, id);
    vec![Effect::ApplySystem {
        request,
        window,
        passphrase: w.session.passphrase.value.clone(),
        login_password: w.session.orthanc_password.value.clone(),
        generation,
    }]
}

/// Esc while a plan is shown discards it (the form stays as it was).
pub fn discards_plan(w: &Wizard) -> bool {
    w.step == super::Step::Systems && w.systems.plan.is_some()
}

/// "Nein" or Esc on the plan: back to the form, nothing written.
pub(super) fn on_decline(w: &mut Wizard) {
    w.session.overlay = Overlay::None;
    w.systems.plan = None;
    if let Some(id) = w.systems.choice.check() {
        w.checks.insert(id, CheckState::Idle);
    }
}

pub(super) fn on_planned(w: &mut Wizard, id: CheckId, result: Result<SystemPlan, Finding>) {
    match result {
        Ok(plan) => {
            w.checks.insert(id, CheckState::Idle);
            // Shown on the step first, from its summary: the person reads
            // the diff, then Enter asks before writing.
            w.systems.plan = Some(plan);
            w.session.scroll = 0;
        }
        Err(f) => {
            w.checks.insert(id, CheckState::Failed(f));
        }
    }
}

pub(super) fn on_applied(w: &mut Wizard, id: CheckId, result: Result<SystemDone, Finding>) {
    w.systems.plan = None;
    w.session.scroll = 0;
    match result {
        Ok(done) => {
            let summary = Text::new("systems-done").arg("host", done.host.clone());
            w.checks
                .insert(id, CheckState::Passed(Finding::new(summary)));
            w.systems.done.retain(|d| d.kind != done.kind);
            w.systems.done.push(done);
            // The passwords did their work; the form is ready for the next.
            w.session.passphrase = TextInput::default();
            w.session.orthanc_password = TextInput::default();
            w.systems.choice = SystemKind::None;
        }
        Err(f) => {
            w.checks.insert(id, CheckState::Failed(f));
        }
    }
}
