//! Which key press the answers imply on the current screen.

use super::{Answers, Source};
use crate::core::check::{CheckId, CheckState, Text};
use crate::core::library::firewall::Backend;
use crate::core::gate::{Gate, gate};
use crate::core::input::TextInput;
use crate::core::{Action, Lang, Overlay, Step, Wizard, cert_step, golive_step};

/// What the answers say on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Press this key.
    Press(Action),
    /// Checks are running: wait for their results, then ask again.
    Wait,
    /// Hand over to the person (or, unattended, end the replay).
    Stop(Stop),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub step: Step,
    pub reason: StopReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopReason {
    /// The Done step: the replay went through.
    End,
    /// The answers say nothing about this step (or not that it was done).
    Unanswered,
    /// These checks failed, and the answers do not pass them (or the gate
    /// does not offer it).
    Failed(Vec<CheckId>),
    /// A question the answers do not cover: changes left half done, a
    /// repeated production attempt, help or quit.
    Dialog,
    /// The wizard refuses the answer; the text says why, where it has one.
    Invalid(Option<Text>),
    /// "Weiter" stays closed for a reason no answer changes.
    Blocked,
}

/// The key press the answers imply, or `None`: stop here (an unanswered
/// step, a failed check the answers do not pass, the end, or checks that
/// are still running).
pub fn next_action(w: &Wizard, a: &Answers) -> Option<Action> {
    match decide(w, a) {
        Decision::Press(action) => Some(action),
        Decision::Wait | Decision::Stop(_) => None,
    }
}

pub(super) fn stop(w: &Wizard, reason: StopReason) -> Decision {
    Decision::Stop(Stop {
        step: w.step,
        reason,
    })
}

/// Longest value a text field takes (as `TextInput` allows).
const MAX_CHARS: usize = 512;

/// Brings a text field to `target` one key at a time: to the end, erase
/// what differs, type what is missing. `Err` when the field can never hold
/// it, with the reason (control characters, too long).
pub(super) fn type_into(input: &TextInput, target: &str) -> Result<Option<Action>, Text> {
    if input.value == target {
        return Ok(None);
    }
    if let Some(at) = target.chars().position(char::is_control) {
        let what = match target.chars().nth(at) {
            Some('\n' | '\r') => "answers-value-line-break",
            Some('\0') => "answers-value-nul",
            _ => "answers-value-control",
        };
        return Err(Text::new(what).arg("position", (at + 1).to_string()));
    }
    let count = target.chars().count();
    if count > MAX_CHARS {
        return Err(Text::new("answers-value-too-long")
            .arg("count", count.to_string())
            .arg("max", MAX_CHARS.to_string()));
    }
    let len = input.value.chars().count();
    if input.cursor < len {
        return Ok(Some(Action::End));
    }
    Ok(Some(match target.strip_prefix(input.value.as_str()) {
        Some(rest) => rest.chars().next().map_or(Action::Backspace, Action::Char),
        None => Action::Backspace,
    }))
}

/// `Some(decision)` while the field still needs keys.
pub(super) fn fill(w: &Wizard, input: &TextInput, target: &str) -> Option<Decision> {
    match type_into(input, target) {
        Ok(None) => None,
        Ok(Some(action)) => Some(Decision::Press(action)),
        Err(why) => Some(stop(w, StopReason::Invalid(Some(why)))),
    }
}

/// A form brought to what the answers say, one key at a time: Tab to the
/// first field that differs from its target, then type into it. `None`
/// once every field holds its target.
pub(super) fn fill_form(
    w: &Wizard,
    focused: usize,
    fields: &[(&TextInput, &str)],
) -> Option<Decision> {
    let (i, (input, target)) = fields
        .iter()
        .enumerate()
        .find(|(_, (input, target))| input.value != *target)?;
    if focused != i {
        return Some(Decision::Press(Action::NextField));
    }
    fill(w, input, target)
}

pub fn decide(w: &Wizard, a: &Answers) -> Decision {
    if let Some(d) = on_overlay(w, a) {
        return d;
    }
    if w.step == Step::Done {
        return stop(w, StopReason::End);
    }
    if w.step != Step::Language
        && let Some(l) = &a.language
        && w.lang != l.lang
    {
        return Decision::Press(Action::ToggleLang);
    }
    if earlier_differs(w, a) {
        return Decision::Press(Action::Back);
    }
    match w.step {
        Step::Language => language(w, a),
        Step::Start => start(w, a),
        Step::Domain => domain(w, a),
        Step::Dns => pass(w, a),
        Step::PortForwarding => ports(w, a),
        Step::Firewall => firewall(w, a),
        Step::Certificate => certificate(w, a),
        Step::Systems => super::systems::decide(w, a),
        Step::AutoRenew => super::renewal::decide(w, a),
        s if s.is_manual() => manual(w, a),
        _ => stop(w, StopReason::Blocked),
    }
}

fn on_overlay(w: &Wizard, a: &Answers) -> Option<Decision> {
    let yes_if = |covered: bool| {
        if covered {
            Decision::Press(Action::Yes)
        } else {
            stop(w, StopReason::Dialog)
        }
    };
    match &w.session.overlay {
        Overlay::None => None,
        // Continue where the last run was: the answers correct any field.
        Overlay::Resume { .. } => Some(Decision::Press(Action::Yes)),
        Overlay::ConfirmOverride => Some(yes_if(
            a.allows_override(w.step) && gate(w) == Gate::Overridable,
        )),
        Overlay::ConfirmOpen => Some(yes_if(
            w.step == Step::Firewall && a.firewall.as_ref().is_some_and(|f| f.open_window),
        )),
        Overlay::ConfirmIssue => Some(yes_if(issue_covered(w, a))),
        Overlay::ConfirmAction if w.step == Step::Systems => {
            Some(yes_if(super::systems::confirms(w, a)))
        }
        Overlay::ConfirmAction if w.step == Step::AutoRenew => {
            Some(yes_if(super::renewal::confirms(a)))
        }
        Overlay::ConfirmAction => Some(yes_if(a.confirms(w.step))),
        Overlay::Help
        | Overlay::Glossary
        | Overlay::ConfirmQuit
        | Overlay::ConfirmStartOver
        | Overlay::Pending { .. } => Some(stop(w, StopReason::Dialog)),
    }
}

/// The terms before the first (dry) run, or the warning before a
/// self-signed certificate that the answers chose; never the question
/// before another production attempt.
fn issue_covered(w: &Wizard, a: &Answers) -> bool {
    let Some(c) = &a.certificate else {
        return false;
    };
    if w.certificate.source != c.source.cert_source() {
        return false;
    }
    match c.source {
        Source::SelfSigned => true,
        Source::LetsEncrypt => {
            let host = w.domain.parsed.as_ref().map(|d| d.ascii.as_str());
            c.accept_terms && w.certificate.dry_run_for.as_deref() != host
        }
        Source::Own => false,
    }
}

/// An earlier step's text no longer matches its answer (a resumed run, or
/// the person changed it): go back to it.
fn earlier_differs(w: &Wizard, a: &Answers) -> bool {
    let start = a
        .start
        .as_ref()
        .is_some_and(|s| w.start.input.value.trim() != s.dir.trim());
    let domain = a
        .domain
        .as_ref()
        .is_some_and(|d| w.domain.input.value.trim() != d.name.trim());
    (w.step > Step::Start && start) || (w.step > Step::Domain && domain)
}

/// Enter when the gate is open, "trotzdem weiter" where the answers and
/// the gate both allow it, a fresh look at checks that never ran.
fn pass(w: &Wizard, a: &Answers) -> Decision {
    match gate(w) {
        Gate::Open => Decision::Press(Action::Next),
        Gate::Waiting => Decision::Wait,
        Gate::Overridable if a.allows_override(w.step) => Decision::Press(Action::Override),
        Gate::Overridable | Gate::Blocked => {
            let ids = Wizard::checks_of(w.step);
            let failed: Vec<CheckId> = ids
                .iter()
                .copied()
                .filter(|id| w.check(*id).is_failed())
                .collect();
            if !failed.is_empty() {
                stop(w, StopReason::Failed(failed))
            } else if ids
                .iter()
                .any(|id| matches!(w.check(*id), CheckState::Idle))
            {
                Decision::Press(Action::Recheck)
            } else {
                stop(w, StopReason::Blocked)
            }
        }
    }
}

fn language(w: &Wizard, a: &Answers) -> Decision {
    let Some(l) = &a.language else {
        return stop(w, StopReason::Unanswered);
    };
    let want = Lang::ALL.iter().position(|x| *x == l.lang).unwrap_or(0);
    if w.session.lang_cursor % Lang::ALL.len() != want {
        Decision::Press(Action::Down)
    } else {
        Decision::Press(Action::Next)
    }
}

fn start(w: &Wizard, a: &Answers) -> Decision {
    let Some(s) = &a.start else {
        return stop(w, StopReason::Unanswered);
    };
    if let Some(d) = fill(w, &w.start.input, &s.dir) {
        return d;
    }
    if w.start.input.value.trim().is_empty() {
        return stop(
            w,
            StopReason::Invalid(Some(Text::new("answers-value-empty"))),
        );
    }
    pass(w, a)
}

fn domain(w: &Wizard, a: &Answers) -> Decision {
    let Some(d) = &a.domain else {
        return stop(w, StopReason::Unanswered);
    };
    if let Some(d) = fill(w, &w.domain.input, &d.name) {
        return d;
    }
    if w.domain.parsed.is_none() {
        return stop(w, StopReason::Invalid(w.domain.error.clone()));
    }
    pass(w, a)
}

fn ports(w: &Wizard, a: &Answers) -> Decision {
    let Some(p) = &a.ports else {
        return stop(w, StopReason::Unanswered);
    };
    if p.policy.is_some_and(|policy| policy != w.network.policy) {
        return Decision::Press(Action::Up);
    }
    if p.address
        .is_some_and(|addr| addr.plan() != w.network.address_plan)
    {
        return Decision::Press(Action::Right);
    }
    if !w.confirmed.contains(&Step::PortForwarding) {
        return if p.forwards_done {
            Decision::Press(Action::Toggle)
        } else {
            stop(w, StopReason::Unanswered)
        };
    }
    pass(w, a)
}

fn firewall(w: &Wizard, a: &Answers) -> Decision {
    let ids = Wizard::checks_of(Step::Firewall);
    if ids.iter().any(|id| w.check(*id).is_running()) {
        return Decision::Wait;
    }
    let active = w
        .network
        .firewall
        .as_ref()
        .is_some_and(|p| p.backend != Backend::None);
    let detected = w.check(CheckId::FirewallRule).is_settled();
    let not_probed = matches!(w.check(CheckId::Reachability), CheckState::Idle);
    if detected && not_probed && active && w.network.window_until.is_none() {
        return if a.firewall.as_ref().is_some_and(|f| f.open_window) {
            Decision::Press(Action::OpenWindow)
        } else {
            stop(w, StopReason::Unanswered)
        };
    }
    pass(w, a)
}

fn certificate(w: &Wizard, a: &Answers) -> Decision {
    let Some(c) = &a.certificate else {
        return stop(w, StopReason::Unanswered);
    };
    if cert_step::has_certificate(w) {
        return pass(w, a);
    }
    if w.check(CheckId::Certificate).is_running() {
        return Decision::Wait;
    }
    // A failed attempt is never repeated unattended.
    let failed: Vec<CheckId> = [CheckId::DryRun, CheckId::Certificate]
        .into_iter()
        .filter(|id| w.check(*id).is_failed())
        .collect();
    if !failed.is_empty() {
        return stop(w, StopReason::Failed(failed));
    }
    if let Some(err) = &w.certificate.last_error {
        return stop(w, StopReason::Invalid(Some(err.summary.clone())));
    }
    if w.certificate.source != c.source.cert_source() {
        return Decision::Press(Action::Down);
    }
    match c.source {
        Source::LetsEncrypt => {
            let Some(email) = &c.email else {
                return stop(w, StopReason::Unanswered);
            };
            if let Some(d) = fill(w, &w.certificate.email, email) {
                return d;
            }
        }
        Source::Own => {
            let Some(cert) = &c.own_cert else {
                return stop(w, StopReason::Unanswered);
            };
            let key = c.own_key.as_deref().unwrap_or("");
            let fields = [
                (0, &w.certificate.own_cert, cert.as_str()),
                (1, &w.certificate.own_key, key),
            ];
            for (field, input, target) in fields {
                if input.value != target {
                    if w.session.cert_field != field {
                        return Decision::Press(Action::NextField);
                    }
                    if let Some(d) = fill(w, input, target) {
                        return d;
                    }
                }
            }
        }
        Source::SelfSigned => {}
    }
    Decision::Press(Action::Next)
}

/// Install, proxy, restart, final check: only what the gate and the
/// space-bar confirmation say, and only for steps the answers list.
fn manual(w: &Wizard, a: &Answers) -> Decision {
    if !a.confirms(w.step) {
        return stop(w, StopReason::Unanswered);
    }
    match gate(w) {
        Gate::Open => return Decision::Press(Action::Next),
        Gate::Waiting => return Decision::Wait,
        _ => {}
    }
    if golive_step::done_by_hand(w) {
        return if w.confirmed.contains(&w.step) {
            pass(w, &Answers::default())
        } else {
            Decision::Press(Action::Toggle)
        };
    }
    // On the server the wizard does these steps itself.
    let ids = Wizard::checks_of(w.step);
    let failed: Vec<CheckId> = ids
        .iter()
        .copied()
        .filter(|id| w.check(*id).is_failed())
        .collect();
    if !failed.is_empty() {
        return stop(w, StopReason::Failed(failed));
    }
    if ids
        .iter()
        .any(|id| matches!(w.check(*id), CheckState::Idle))
        && w.step != Step::Restart
    {
        return Decision::Press(Action::Recheck);
    }
    match w.step {
        // Enter asks before writing or restarting; the dialog is answered.
        Step::ProxyConfig if w.golive.plan.as_ref().is_some_and(|p| !p.diffs.is_empty()) => {
            Decision::Press(Action::Next)
        }
        Step::Restart => Decision::Press(Action::Next),
        Step::FinalCheck if !w.confirmed.contains(&Step::FinalCheck) => {
            Decision::Press(Action::Toggle)
        }
        _ => stop(w, StopReason::Blocked),
    }
}
