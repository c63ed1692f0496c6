//! The answers for the renewal step: `[renewal]`. `schedule = true` sets
//! automatic renewal up (with the mail settings given), `false` skips it,
//! so the fleet path does not stop there. The mail password is never in
//! the file: `praxis-tls mail --password-stdin` stores it beforehand.

use serde::{Deserialize, Serialize};

use super::drive::{Decision, StopReason, fill_form, stop};
use crate::core::model::autorenew::{FIELDS, RenewChoice};
use crate::core::model::check::{CheckId, CheckState};
use crate::core::{Action, Overlay, Wizard};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailSecurity {
    Starttls,
    Tls,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalAnswer {
    /// Set up automatic renewal (`false`: skip it, explicitly).
    pub schedule: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_host: Option<String>,
    /// Default 587 (STARTTLS); 465 means TLS from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_port: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_security: Option<MailSecurity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail_from: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mail_to: Vec<String>,
}

impl RenewalAnswer {
    /// The form's fields as the answers fill them (the password aside).
    fn fields(&self) -> [String; 4] {
        let host = self.mail_host.clone().unwrap_or_default();
        let port = match (self.mail_port, self.mail_security) {
            (Some(p), _) if p != 587 => Some(p),
            (None, Some(MailSecurity::Tls)) => Some(465),
            _ => None,
        };
        let host = match port {
            Some(p) if !host.is_empty() => format!("{host}:{p}"),
            _ => host,
        };
        [
            host,
            self.mail_from.clone().unwrap_or_default(),
            self.mail_to.join(", "),
            self.mail_user.clone().unwrap_or_default(),
        ]
    }

    pub(super) fn of(w: &Wizard) -> Option<RenewalAnswer> {
        let r = &w.autorenew;
        if r.set_up.is_none() && !r.skipped {
            return None;
        }
        let text = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        let mail = crate::core::model::autorenew::mail_request(&r.mail)
            .ok()
            .flatten();
        Some(RenewalAnswer {
            schedule: r.set_up.is_some(),
            mail_host: mail.as_ref().map(|m| m.host.clone()),
            mail_port: mail.as_ref().map(|m| m.port).filter(|p| *p != 587),
            mail_security: None,
            mail_user: mail.as_ref().and_then(|m| m.user.clone()),
            mail_from: text(&r.mail.from.value),
            mail_to: mail.map(|m| m.to).unwrap_or_default(),
        })
    }
}

/// «Ja» on the question before setting it up.
pub fn confirms(a: &super::Answers) -> bool {
    a.renewal.as_ref().is_some_and(|r| r.schedule)
}

pub fn decide(w: &Wizard, a: &super::Answers) -> Decision {
    let Some(r) = &a.renewal else {
        return stop(w, StopReason::Unanswered);
    };
    match w.check(CheckId::Schedule) {
        CheckState::Running { .. } => return Decision::Wait,
        CheckState::Failed(_) => return stop(w, StopReason::Failed(vec![CheckId::Schedule])),
        _ => {}
    }
    let want = if r.schedule {
        RenewChoice::SetUp
    } else {
        RenewChoice::Skip
    };
    if w.autorenew.choice != want {
        return Decision::Press(Action::Down);
    }
    if !r.schedule {
        return Decision::Press(Action::Next);
    }
    if w.check(CheckId::Schedule).is_passed() {
        return Decision::Press(Action::Next);
    }
    if w.autorenew.view.is_none() {
        return Decision::Wait;
    }
    let m = &w.autorenew.mail;
    let targets = r.fields();
    let fields = [&m.host, &m.from, &m.to, &m.user]
        .into_iter()
        .zip(targets.iter().map(String::as_str))
        .collect::<Vec<_>>();
    if let Some(d) = fill_form(w, w.session.renew_field % FIELDS, &fields) {
        return d;
    }
    if let CheckState::Failed(f) = w.check(CheckId::TestMail) {
        return stop(w, StopReason::Invalid(Some(f.summary.clone())));
    }
    if w.session.overlay == Overlay::None {
        Decision::Press(Action::Next)
    } else {
        stop(w, StopReason::Dialog)
    }
}
