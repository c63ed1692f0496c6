//! Step 2: where Elexis-OOB is installed. The folders found are offered;
//! each path typed is looked at (after typing pauses), and docker is asked
//! what a restart would need before anything is written.

use super::contract::StepFlow;
use crate::core::answers::Answers;
use crate::core::answers::drive::{Decision, StopReason, fill, pass, stop};
use crate::core::model::gate::Gate;
use crate::core::{Action, CheckId, CheckState, Effect, Finding, Outcome, Text, Wizard};

pub struct Start;

const CHECKS: &[CheckId] = &[CheckId::Installation];

impl StepFlow for Start {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    /// Docker's answer is shown beside the step's own check.
    fn shown_too(&self) -> &'static [CheckId] {
        &[CheckId::ComposeReady]
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        let mut e = vec![Effect::ScanInstallDirs];
        if !w.start.input.value.trim().is_empty() && !w.check(CheckId::Installation).is_settled() {
            e.extend(detect_install(w, false));
        }
        e
    }

    fn recheck(&self, w: &mut Wizard) -> Vec<Effect> {
        let mut e = vec![Effect::ScanInstallDirs];
        e.extend(detect_install(w, false));
        e
    }

    fn gate(&self, w: &Wizard) -> Gate {
        let g = crate::core::model::gate::of_checks(w, CHECKS);
        if g == Gate::Open && w.start.found.is_none() {
            Gate::Blocked
        } else {
            g
        }
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::Up | Action::Down | Action::NextField => Some(choose(w, action == Action::Up)),
            a if a.is_edit() => Some(if w.start.input.apply(a) {
                detect_install(w, true)
            } else {
                Vec::new()
            }),
            _ => None,
        }
    }

    fn typing(&self, _w: &Wizard) -> bool {
        true
    }

    fn checks_follow_typing(&self) -> bool {
        true
    }

    fn override_context(&self, w: &Wizard) -> String {
        w.start.input.value.clone()
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if !w.start.candidates.is_empty() {
            keys.push("key-choose");
        }
        keys.extend(["key-recheck", "key-detail"]);
        keys
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
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
        pass(w, a, gate, CHECKS)
    }
}

/// Up and down walk the folders found.
fn choose(w: &mut Wizard, up: bool) -> Vec<Effect> {
    let list = &w.start.candidates;
    if list.is_empty() {
        return Vec::new();
    }
    let pos = list
        .iter()
        .position(|p| p.display().to_string() == w.start.input.value);
    let n = list.len();
    let next = match pos {
        Some(i) if up => (i + n - 1) % n,
        Some(i) => (i + 1) % n,
        None => 0,
    };
    let value = list[next].display().to_string();
    w.start.input.set(value);
    detect_install(w, true)
}

/// Files the detection result: found with warnings is a warning, so the
/// person reads them, but may go on.
pub fn installation_outcome(
    w: &mut Wizard,
    result: Result<
        crate::core::library::start::Installation,
        crate::core::library::start::DetectError,
    >,
) -> Outcome {
    match result {
        Ok(inst) => {
            let id = match inst.generation {
                crate::core::library::start::Generation::Legacy => "start-found-legacy",
                crate::core::library::start::Generation::Current => "start-found-current",
            };
            let mut finding =
                Finding::new(Text::new(id).arg("dir", inst.dir.display().to_string()));
            let warnings: Vec<Text> = inst.warnings.iter().map(|w| w.text()).collect();
            w.start.found = Some(inst);
            match warnings.split_first() {
                None => Outcome::Passed(finding),
                Some((first, rest)) => {
                    finding.fix = Some(first.clone());
                    finding.more = rest.to_vec();
                    Outcome::Warning(finding)
                }
            }
        }
        Err(e) => {
            w.start.found = None;
            Outcome::Failed(
                Finding::new(e.text())
                    .fix(Text::new("start-fix-path"))
                    .detail(e.detail())
                    .overridable(),
            )
        }
    }
}

pub fn on_candidates(w: &mut Wizard, list: Vec<std::path::PathBuf>) -> Vec<Effect> {
    w.start.candidates = list;
    if w.start.input.value.trim().is_empty()
        && let Some(first) = w.start.candidates.first()
    {
        let value = first.display().to_string();
        w.start.input.set(value);
        return detect_install(w, false);
    }
    Vec::new()
}

/// `typing`: asked for by a key in the path field, so the driver may wait
/// for typing to pause (the generation drops a late answer either way).
pub fn detect_install(w: &mut Wizard, typing: bool) -> Vec<Effect> {
    let dir = w.start.input.value.trim().to_string();
    w.start.found = None;
    if dir.is_empty() {
        w.checks.insert(CheckId::Installation, CheckState::Idle);
        return Vec::new();
    }
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::Installation, CheckState::Running { generation });
    vec![Effect::DetectInstall {
        dir: dir.into(),
        generation,
        typing,
    }]
}

/// Once the folder is understood (and after a failed restart, on F5),
/// docker is asked what the restart needs; without a folder there is
/// nothing to ask about.
pub fn inspect_compose(w: &mut Wizard) -> Vec<Effect> {
    let Some(found) = &w.start.found else {
        w.checks.remove(&CheckId::ComposeReady);
        return Vec::new();
    };
    let dir = found.dir.clone();
    let generation = w.next_generation();
    w.checks
        .insert(CheckId::ComposeReady, CheckState::Running { generation });
    vec![Effect::InspectCompose { dir, generation }]
}
