//! The answers file: what a person chose in one practice, so that an IT
//! supporter can replay the same setup in the next one. Keyed by step, in
//! TOML; never a private key, a passphrase or a password.
//!
//! [`Answers::from_wizard`] writes down what was chosen; [`decide`] (and its
//! short form [`next_action`]) says which key press the answers imply on the
//! current screen, or why they stop there. The driver never passes a failed
//! check unless the step's answer says `override = true` and the gate offers
//! "trotzdem weiter".

pub mod drive;
pub mod renewal;
pub mod systems;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::core::library::firewall::Backend;
use crate::core::library::reach::AddressPlan;
use crate::core::model::certificate::CertSource;
use crate::core::model::network::Port80Policy;
use crate::core::{Lang, Step, Wizard};

pub use drive::{Decision, Stop, StopReason};
pub use renewal::{MailSecurity, RenewalAnswer};
pub use systems::{GatewayAnswer, OrthancAnswer};

/// The layout of the answers file; a file with a higher one is refused.
pub const ANSWERS_VERSION: u32 = 1;

/// Every table and key the file may have, for a loader that names an
/// unknown one (kept in step with the types below by a test).
pub const SCHEMA: &[(&str, &[&str])] = &[
    ("answers", &["version"]),
    ("language", &["lang"]),
    ("start", &["dir", "override"]),
    ("domain", &["name", "override"]),
    ("dns", &["override"]),
    ("ports", &["policy", "address", "forwards_done", "override"]),
    ("firewall", &["open_window", "override"]),
    (
        "certificate",
        &["source", "email", "accept_terms", "own_cert", "own_key"],
    ),
    ("steps", &["confirmed"]),
    (
        "orthanc",
        &[
            "host",
            "config",
            "ips",
            "clients",
            "terminator",
            "restart",
            "proxy_restart",
            "port",
            "user",
        ],
    ),
    (
        "gateway",
        &["host", "config", "disk_root", "gateway_root", "email"],
    ),
    (
        "renewal",
        &[
            "schedule",
            "mail_host",
            "mail_port",
            "mail_security",
            "mail_user",
            "mail_from",
            "mail_to",
        ],
    ),
];

/// The whole file. A step without its table is unanswered: the replay stops
/// there (steps with nothing to choose, DNS and the firewall without an
/// active one, need no table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub answers: Meta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<StartAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<DnsAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortsAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firewall: Option<FirewallAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<StepsAnswer>,
    /// The optional systems step; without these tables it is skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orthanc: Option<OrthancAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<GatewayAnswer>,
    /// Automatic renewal: set up (with mail) or skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<RenewalAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: u32,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageAnswer {
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartAnswer {
    /// The Elexis-OOB directory, e.g. `/opt/elexis-oob`.
    pub dir: String,
    /// Pass a failed detection ("trotzdem weiter"), written by hand only.
    #[serde(rename = "override", default, skip_serializing_if = "is_false")]
    pub allow_override: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainAnswer {
    /// The name patients book at, e.g. `termine.meine-praxis.ch`.
    pub name: String,
    #[serde(rename = "override", default, skip_serializing_if = "is_false")]
    pub allow_override: bool,
}

/// The DNS step has nothing to choose; the table only allows an override.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DnsAnswer {
    #[serde(rename = "override", default, skip_serializing_if = "is_false")]
    pub allow_override: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Address {
    Static,
    Dyndns,
    Dynamic,
}

impl Address {
    pub fn plan(self) -> AddressPlan {
        match self {
            Address::Static => AddressPlan::Static,
            Address::Dyndns => AddressPlan::DynDns,
            Address::Dynamic => AddressPlan::Dynamic,
        }
    }

    fn of(plan: AddressPlan) -> Option<Address> {
        match plan {
            AddressPlan::Unknown => None,
            AddressPlan::Static => Some(Address::Static),
            AddressPlan::DynDns => Some(Address::Dyndns),
            AddressPlan::Dynamic => Some(Address::Dynamic),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortsAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Port80Policy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The router's forwards are set up (the space-bar confirmation).
    #[serde(default)]
    pub forwards_done: bool,
    #[serde(rename = "override", default, skip_serializing_if = "is_false")]
    pub allow_override: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirewallAnswer {
    /// Open the 15-minute window for the responder port when a firewall is
    /// active (the confirmation before the commands run).
    #[serde(default)]
    pub open_window: bool,
    #[serde(rename = "override", default, skip_serializing_if = "is_false")]
    pub allow_override: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    #[serde(rename = "letsencrypt")]
    LetsEncrypt,
    #[serde(rename = "own")]
    Own,
    #[serde(rename = "self-signed")]
    SelfSigned,
}

impl Source {
    pub fn cert_source(self) -> CertSource {
        match self {
            Source::LetsEncrypt => CertSource::LetsEncrypt,
            Source::Own => CertSource::Own,
            Source::SelfSigned => CertSource::SelfSigned,
        }
    }

    fn of(source: CertSource) -> Source {
        match source {
            CertSource::LetsEncrypt => Source::LetsEncrypt,
            CertSource::Own => Source::Own,
            CertSource::SelfSigned => Source::SelfSigned,
        }
    }
}

/// Paths only: a key's passphrase is typed by a person, never replayed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateAnswer {
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The CA's terms of service are accepted (the confirmation before the
    /// dry run).
    #[serde(default)]
    pub accept_terms: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_cert: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_key: Option<String>,
}

/// The steps that are still done by hand and confirmed with the space bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepsAnswer {
    #[serde(default)]
    pub confirmed: Vec<Step>,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            answers: Meta {
                version: ANSWERS_VERSION,
            },
            language: None,
            start: None,
            domain: None,
            dns: None,
            ports: None,
            firewall: None,
            certificate: None,
            steps: None,
            orthanc: None,
            gateway: None,
            renewal: None,
        }
    }
}

impl Answers {
    /// What the person chose on the steps they got past. No secrets, and no
    /// overrides: passing a failed check was a decision about one practice's
    /// network, which the next practice must earn for itself.
    pub fn from_wizard(w: &Wizard) -> Answers {
        let past = |s: Step| w.step > s;
        let mut a = Answers::default();
        if past(Step::Language) {
            a.language = Some(LanguageAnswer { lang: w.lang });
        }
        let dir = w.start.input.value.trim();
        if past(Step::Start) && !dir.is_empty() {
            a.start = Some(StartAnswer {
                dir: dir.to_string(),
                allow_override: false,
            });
        }
        // The kept name, not what was pasted (`https://…/`).
        let name = match &w.domain.parsed {
            Some(d) => d.unicode.clone(),
            None => w.domain.input.value.trim().to_string(),
        };
        if past(Step::Domain) && !name.is_empty() {
            a.domain = Some(DomainAnswer {
                name,
                allow_override: false,
            });
        }
        if past(Step::PortForwarding) {
            a.ports = Some(PortsAnswer {
                policy: Some(w.network.policy),
                address: Address::of(w.network.address_plan),
                forwards_done: w.confirmed.contains(&Step::PortForwarding),
                allow_override: false,
            });
        }
        if past(Step::Firewall) {
            let active = w
                .network
                .firewall
                .as_ref()
                .is_some_and(|p| p.backend != Backend::None);
            a.firewall = Some(FirewallAnswer {
                open_window: active,
                allow_override: false,
            });
        }
        if past(Step::Certificate) {
            a.certificate = Some(certificate_answer(w));
        }
        // On the server these steps run by themselves once the person says
        // yes; passing them is the answer, whether confirmed by hand or not.
        let confirmed: Vec<Step> = Step::ALL
            .iter()
            .copied()
            .filter(|s| s.is_manual() && past(*s))
            .collect();
        if !confirmed.is_empty() {
            a.steps = Some(StepsAnswer { confirmed });
        }
        use crate::core::model::systems::SystemKind;
        if w.systems.done(SystemKind::Orthanc).is_some() {
            a.orthanc = Some(OrthancAnswer::of(w));
        }
        if w.systems.done(SystemKind::Gateway).is_some() {
            a.gateway = Some(GatewayAnswer::of(w));
        }
        a.renewal = RenewalAnswer::of(w);
        a
    }

    /// Whether the answers allow "trotzdem weiter" on this step.
    pub fn allows_override(&self, step: Step) -> bool {
        match step {
            Step::Start => self.start.as_ref().is_some_and(|s| s.allow_override),
            Step::Domain => self.domain.as_ref().is_some_and(|s| s.allow_override),
            Step::Dns => self.dns.as_ref().is_some_and(|s| s.allow_override),
            Step::PortForwarding => self.ports.as_ref().is_some_and(|s| s.allow_override),
            Step::Firewall => self.firewall.as_ref().is_some_and(|s| s.allow_override),
            _ => false,
        }
    }

    /// Whether a manual step is listed as done by hand.
    pub fn confirms(&self, step: Step) -> bool {
        self.steps
            .as_ref()
            .is_some_and(|s| s.confirmed.contains(&step))
    }
}

/// The table of the answers file that answers a step.
pub fn table_of(step: Step) -> &'static str {
    match step {
        Step::Language => "language",
        Step::Start => "start",
        Step::Domain => "domain",
        Step::Dns => "dns",
        Step::PortForwarding => "ports",
        Step::Firewall => "firewall",
        Step::Certificate => "certificate",
        Step::AutoRenew => "renewal",
        _ => "steps",
    }
}

fn certificate_answer(w: &Wizard) -> CertificateAnswer {
    let c = &w.certificate;
    let source = Source::of(c.source);
    let text = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let own = source == Source::Own;
    CertificateAnswer {
        source,
        email: if source == Source::LetsEncrypt {
            text(&c.email.value)
        } else {
            None
        },
        accept_terms: source == Source::LetsEncrypt && c.terms_accepted,
        own_cert: if own { text(&c.own_cert.value) } else { None },
        own_key: if own { text(&c.own_key.value) } else { None },
    }
}
