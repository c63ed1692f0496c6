//! The optional step after the final check: the other systems of the
//! seeds, each under a host name of its own. Orthanc on the practice network
//! gets a certificate of the practice's own CA (a CA cannot reach an
//! intranet name); Express Gateway gets one from Let's Encrypt by the same
//! flow as the appointment service. Each is planned first (the diff is
//! shown), then written through the change journal after a "ja".

mod request;
#[cfg(test)]
mod tests;

use time::OffsetDateTime;

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::library::firewall::Backend;
use crate::core::model::gate::{Gate, GateLine, Tone};
use crate::core::{Action, CheckId, CheckState, Effect, Finding, Overlay, Text, TextInput, Wizard};

pub use crate::core::library::form_values::{email_ok, host_ok, split_list};
pub use crate::core::model::systems::*;
pub use request::{gateway_request, orthanc_saved, request};

pub struct Systems;

impl StepFlow for Systems {
    /// Looked at once per run, so the form can offer stunnel up front.
    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        if w.session.orthanc_affected.is_none() {
            vec![Effect::InspectOrthanc]
        } else {
            Vec::new()
        }
    }

    /// Optional: «weiter» goes on once nothing is chosen or running.
    fn gate(&self, w: &Wizard) -> Gate {
        let running = [CheckId::Orthanc, CheckId::Gateway]
            .iter()
            .any(|id| w.check(*id).is_running());
        if running {
            Gate::Waiting
        } else if w.systems.choice == SystemKind::None {
            Gate::Open
        } else {
            Gate::Blocked
        }
    }

    fn next(&self, w: &mut Wizard, _gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        on_next(w)
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::Back if discards_plan(w) => on_decline(w),
            Action::NextField => on_next_field(w),
            Action::Up | Action::Down => on_choice(w, action == Action::Up),
            a if a.is_edit() => on_edit(w, a),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn typing(&self, w: &Wizard) -> bool {
        field(w).is_some()
    }

    fn confirm(&self, w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        on_confirm(w)
    }

    fn decline(&self, w: &mut Wizard) {
        on_decline(w);
    }

    fn line(&self, w: &Wizard, gate: Gate) -> Option<GateLine> {
        let id = match gate {
            Gate::Blocked if w.systems.plan.is_some() => "systems-gate-apply",
            Gate::Blocked => "systems-gate-plan",
            _ => return None,
        };
        Some(GateLine {
            id,
            tone: Tone::Plain,
        })
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        let mut keys = vec!["key-choose"];
        if field(w).is_some() {
            keys.push("key-field");
        }
        // A plan on screen: its raw diff is behind «D Details».
        if w.systems.plan.is_some() {
            keys.push("key-detail");
        }
        keys
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, _gate: Gate) -> Decision {
        crate::core::answers::systems::decide(w, a)
    }

    fn answers_confirm(&self, w: &Wizard, a: &Answers) -> bool {
        crate::core::answers::systems::confirms(w, a)
    }
}

/// The number of text fields of the chosen form.
pub fn fields_of(w: &Wizard) -> usize {
    w.systems.field_count()
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

pub fn on_choice(w: &mut Wizard, up: bool) {
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

pub fn on_next_field(w: &mut Wizard) {
    let n = fields_of(w).max(1);
    w.session.system_field = (w.session.system_field + 1) % n;
}

pub fn on_edit(w: &mut Wizard, action: Action) {
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
pub fn on_next(w: &mut Wizard) -> Option<Vec<Effect>> {
    let id = w.systems.choice.check()?;
    if running(w) {
        return Some(Vec::new());
    }
    if w.systems.plan.is_some() {
        w.session.overlay = Overlay::ConfirmAction;
        return Some(Vec::new());
    }
    Some(match request(w) {
        Ok(request) => {
            let generation = w.start_check(id);
            vec![Effect::PlanSystem {
                request,
                generation,
            }]
        }
        Err(text) => fail(w, id, text),
    })
}

/// "Ja" on the shown plan: write it (and for the gateway, issue first).
pub fn on_confirm(w: &mut Wizard) -> Vec<Effect> {
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
    let generation = w.start_check(id);
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
    w.systems.plan.is_some()
}

/// "Nein" or Esc on the plan: back to the form, nothing written.
pub fn on_decline(w: &mut Wizard) {
    w.session.overlay = Overlay::None;
    w.systems.plan = None;
    if let Some(id) = w.systems.choice.check() {
        w.checks.insert(id, CheckState::Idle);
    }
}

pub fn on_planned(w: &mut Wizard, id: CheckId, result: Result<SystemPlan, Finding>) {
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

pub fn on_applied(w: &mut Wizard, id: CheckId, result: Result<SystemDone, Finding>) {
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
