//! The systems step's state: the chosen system, its form, the plan on
//! screen and what was set up.

use std::path::PathBuf;

use crate::core::model::check::{CheckId, Text};
use crate::core::model::input::TextInput;
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
    pub certificate: Option<crate::core::library::status::CertRecord>,
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
    /// The number of text fields of the chosen form, as it is: Orthanc's
    /// own HTTPS has its restart, the login's user and password and the
    /// passphrase last; the terminator its port and restart, no login.
    pub fn field_count(&self) -> usize {
        match self.choice {
            SystemKind::None => 0,
            SystemKind::Orthanc if self.orthanc.terminator => 7,
            SystemKind::Orthanc => 8,
            SystemKind::Gateway => 5,
        }
    }

    pub fn done(&self, kind: SystemKind) -> Option<&SystemDone> {
        self.done.iter().find(|d| d.kind == kind)
    }
}

/// Minimum length of the browser certificates' passphrase.
pub const MIN_PASSPHRASE: usize = 8;
