//! The answers for the optional systems step: `[orthanc]` and `[gateway]`.
//! The browser certificates' passphrase and the Orthanc user's password
//! are never in the file: with `clients` or `user`, the replay hands over
//! to the person at that field.

use serde::{Deserialize, Serialize};

use super::drive::{Decision, StopReason, fill_form, stop};
use crate::core::model::check::CheckState;
use crate::core::model::systems::{MIN_PASSPHRASE, SystemKind};
use crate::core::{Action, Overlay, TextInput, Wizard};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrthancAnswer {
    /// Orthanc's name on the practice network, e.g. `pacs.praxis.lan`.
    pub host: String,
    /// Its configuration file, e.g. `/etc/orthanc/orthanc.json`.
    pub config: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ips: Vec<String>,
    /// People who get a browser certificate (mutual TLS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<String>,
    /// HTTPS from stunnel in front of Orthanc instead of its own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub terminator: bool,
    /// How Orthanc is restarted (`systemctl restart orthanc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart: Option<String>,
    /// How stunnel is restarted (`systemctl restart stunnel@praxis-orthanc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_restart: Option<String>,
    /// The terminator's port (8443).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// With Orthanc's own HTTPS: the user practice computers log in with.
    /// Its password is never in the file: the replay hands over there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayAnswer {
    /// The gateway's public name, e.g. `api.praxis-muster.ch`.
    pub host: String,
    /// `gateway.config.yml` on this machine.
    pub config: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_root: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_root: Option<String>,
    /// The ACME account's contact, when not the certificate step's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl OrthancAnswer {
    fn fields(&self) -> Vec<String> {
        let default = crate::core::model::systems::OrthancForm::default();
        let mut v = vec![
            self.host.clone(),
            self.config.clone(),
            self.ips.join(", "),
            self.clients.join(", "),
        ];
        if self.terminator {
            v.push(
                self.port
                    .map(|p| p.to_string())
                    .unwrap_or(default.port.value),
            );
            v.push(
                self.proxy_restart
                    .clone()
                    .unwrap_or(default.proxy_restart.value),
            );
        } else {
            v.push(self.restart.clone().unwrap_or(default.restart.value));
            v.push(self.user.clone().unwrap_or_default());
        }
        v
    }

    pub(super) fn of(w: &Wizard) -> OrthancAnswer {
        let f = &w.systems.orthanc;
        let default = crate::core::model::systems::OrthancForm::default();
        let unless_default = |v: &TextInput, d: &TextInput| {
            (v.value.trim() != d.value).then(|| v.value.trim().to_string())
        };
        OrthancAnswer {
            host: f.host.value.trim().to_string(),
            config: f.config.value.trim().to_string(),
            ips: crate::core::library::form_values::split_list(&f.ips.value),
            clients: crate::core::library::form_values::split_list(&f.clients.value),
            terminator: w
                .systems
                .done(SystemKind::Orthanc)
                .map_or(f.terminator, |d| d.terminator),
            restart: unless_default(&f.restart, &default.restart),
            proxy_restart: unless_default(&f.proxy_restart, &default.proxy_restart),
            port: unless_default(&f.port, &default.port).and_then(|p| p.parse().ok()),
            user: (!f.terminator && !f.user.value.trim().is_empty())
                .then(|| f.user.value.trim().to_string()),
        }
    }
}

impl GatewayAnswer {
    /// Without `email`, the field keeps what the wizard filled in (the
    /// certificate step's address).
    fn fields(&self, w: &Wizard) -> Vec<String> {
        let default = crate::core::model::systems::GatewayForm::default();
        vec![
            self.host.clone(),
            self.config.clone(),
            self.disk_root.clone().unwrap_or(default.disk_root.value),
            self.gateway_root
                .clone()
                .unwrap_or(default.gateway_root.value),
            self.email
                .clone()
                .unwrap_or_else(|| w.systems.gateway.email.value.clone()),
        ]
    }

    pub(super) fn of(w: &Wizard) -> GatewayAnswer {
        let f = &w.systems.gateway;
        let default = crate::core::model::systems::GatewayForm::default();
        let unless_default = |v: &str, d: &str| (v.trim() != d).then(|| v.trim().to_string());
        GatewayAnswer {
            host: f.host.value.trim().to_string(),
            config: f.config.value.trim().to_string(),
            disk_root: unless_default(&f.disk_root.value, &default.disk_root.value),
            gateway_root: unless_default(&f.gateway_root.value, &default.gateway_root.value),
            email: unless_default(&f.email.value, w.certificate.email.value.trim()),
        }
    }
}

/// The system the answers still want set up.
fn wanted(w: &Wizard, a: &super::Answers) -> Option<SystemKind> {
    let open = |k| w.systems.done(k).is_none();
    if a.orthanc.is_some() && open(SystemKind::Orthanc) {
        Some(SystemKind::Orthanc)
    } else if a.gateway.is_some() && open(SystemKind::Gateway) {
        Some(SystemKind::Gateway)
    } else {
        None
    }
}

/// "Ja" on the plan of a system the answers name.
pub fn confirms(w: &Wizard, a: &super::Answers) -> bool {
    w.systems
        .plan
        .as_ref()
        .is_some_and(|p| Some(p.kind) == wanted(w, a))
}

pub fn decide(w: &Wizard, a: &super::Answers) -> Decision {
    let Some(kind) = wanted(w, a) else {
        // Nothing (more) to set up: an answers file without these tables
        // simply goes on to the end.
        return if w.systems.choice == SystemKind::None {
            Decision::Press(Action::Next)
        } else {
            Decision::Press(Action::Up)
        };
    };
    let terminator = a.orthanc.as_ref().is_some_and(|o| o.terminator);
    if w.systems.choice != kind
        || (kind == SystemKind::Orthanc && w.systems.orthanc.terminator != terminator)
    {
        return Decision::Press(Action::Down);
    }
    let Some(id) = kind.check() else {
        return stop(w, StopReason::Blocked);
    };
    match w.check(id) {
        CheckState::Running { .. } => return Decision::Wait,
        CheckState::Failed(_) => return stop(w, StopReason::Failed(vec![id])),
        _ => {}
    }
    if w.systems.plan.is_some() && w.session.overlay == Overlay::None {
        return Decision::Press(Action::Next);
    }
    let (targets, inputs, clients, login) = match kind {
        SystemKind::Orthanc => {
            let Some(o) = &a.orthanc else {
                return stop(w, StopReason::Blocked);
            };
            let f = &w.systems.orthanc;
            let mut inputs = vec![&f.host, &f.config, &f.ips, &f.clients];
            if o.terminator {
                inputs.extend([&f.port, &f.proxy_restart]);
            } else {
                inputs.extend([&f.restart, &f.user]);
            }
            let login = !o.terminator && o.user.as_ref().is_some_and(|u| !u.trim().is_empty());
            (o.fields(), inputs, !o.clients.is_empty(), login)
        }
        _ => {
            let Some(g) = &a.gateway else {
                return stop(w, StopReason::Blocked);
            };
            let f = &w.systems.gateway;
            (
                g.fields(w),
                vec![&f.host, &f.config, &f.disk_root, &f.gateway_root, &f.email],
                false,
                false,
            )
        }
    };
    let focused = w.session.system_field % w.systems.field_count().max(1);
    let fields: Vec<(&TextInput, &str)> = inputs
        .iter()
        .copied()
        .zip(targets.iter().map(String::as_str))
        .collect();
    if let Some(d) = fill_form(w, focused, &fields) {
        return d;
    }
    // Secrets: typed by the person, never in the file.
    if clients && w.session.passphrase.value.chars().count() < MIN_PASSPHRASE {
        return stop(w, StopReason::Unanswered);
    }
    if login && w.session.orthanc_password.value.chars().count() < MIN_PASSPHRASE {
        return stop(w, StopReason::Unanswered);
    }
    Decision::Press(Action::Next)
}
