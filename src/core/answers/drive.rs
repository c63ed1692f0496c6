//! Which key press the answers imply on the current screen.

use super::Answers;
use crate::core::model::gate::Gate;
use crate::core::{Action, CheckId, CheckState, Step, Text, TextInput, Wizard};

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

pub fn stop(w: &Wizard, reason: StopReason) -> Decision {
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
pub fn type_into(input: &TextInput, target: &str) -> Result<Option<Action>, Text> {
    if input.value == target {
        return Ok(None);
    }
    if let Some(at) = target.chars().position(char::is_control) {
        let what = match target.chars().nth(at) {
            Some('\n' | '\r') => "answers-value-line-break",
            Some('\0') => "answers-value-nul",
            _ => "answers-value-control",
        };
        return Err(Text::new(what).num("position", at + 1));
    }
    let count = target.chars().count();
    if count > MAX_CHARS {
        return Err(Text::new("answers-value-too-long")
            .num("count", count)
            .num("max", MAX_CHARS));
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
pub fn fill(w: &Wizard, input: &TextInput, target: &str) -> Option<Decision> {
    match type_into(input, target) {
        Ok(None) => None,
        Ok(Some(action)) => Some(Decision::Press(action)),
        Err(why) => Some(stop(w, StopReason::Invalid(Some(why)))),
    }
}

/// A form brought to what the answers say, one key at a time: Tab to the
/// first field that differs from its target, then type into it. `None`
/// once every field holds its target.
pub fn fill_form(w: &Wizard, focused: usize, fields: &[(&TextInput, &str)]) -> Option<Decision> {
    let (i, (input, target)) = fields
        .iter()
        .enumerate()
        .find(|(_, (input, target))| input.value != *target)?;
    if focused != i {
        return Some(Decision::Press(Action::NextField));
    }
    fill(w, input, target)
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
pub fn pass(w: &Wizard, a: &Answers, gate: Gate, checks: &[CheckId]) -> Decision {
    match gate {
        Gate::Open => Decision::Press(Action::Next),
        Gate::Waiting => Decision::Wait,
        Gate::Overridable if a.allows_override(w.step) => Decision::Press(Action::Override),
        Gate::Overridable | Gate::Blocked => {
            let failed = failed(w, checks);
            if !failed.is_empty() {
                stop(w, StopReason::Failed(failed))
            } else if checks
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

/// What comes before a step's own answer: the language the answers name,
/// and an earlier step whose text no longer matches its answer.
pub fn prelude(w: &Wizard, a: &Answers) -> Option<Decision> {
    if let Some(l) = &a.language
        && w.lang != l.lang
    {
        return Some(Decision::Press(Action::ToggleLang));
    }
    earlier_differs(w, a).then_some(Decision::Press(Action::Back))
}

/// The checks of `checks` that failed.
pub fn failed(w: &Wizard, checks: &[CheckId]) -> Vec<CheckId> {
    checks
        .iter()
        .copied()
        .filter(|id| w.check(*id).is_failed())
        .collect()
}
