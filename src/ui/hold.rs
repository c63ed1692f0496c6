//! A check that runs again because she typed keeps its last failure or
//! warning on screen for a moment. The install detection answers a path
//! within milliseconds of the typing pause: clearing its explanation to
//! «checking …» at every key and writing it again a third of a second
//! later made each letter cost 1.7 KB over SSH and the text flicker.
//! A check still running a second after the last key shows its spinner
//! as before; a pass is never held (it would promise too much), and a
//! recheck she asked for (F5) shows its spinner at once.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use crate::core::{CheckId, CheckState, Wizard};

/// How long after the last key a rerun keeps the verdict before it.
pub const HOLD: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Hold {
    /// The failures and warnings last drawn.
    last: BTreeMap<CheckId, CheckState>,
    /// Checks that started running again right after an edit.
    typed: BTreeSet<CheckId>,
    edited: Option<Instant>,
}

impl Hold {
    /// She changed a text field.
    pub fn edited(&mut self, at: Instant) {
        self.edited = Some(at);
    }

    /// The wizard to draw at `now`: `w`, or a copy in which a check that
    /// reruns after typing still shows its previous verdict.
    pub fn apply<'w>(&mut self, w: &'w Wizard, now: Instant) -> Cow<'w, Wizard> {
        let recent = self.edited.is_some_and(|e| now.duration_since(e) < HOLD);
        let mut held = Vec::new();
        for (id, state) in &w.checks {
            match state {
                CheckState::Failed(_) | CheckState::Warning(_) => {
                    self.last.insert(*id, state.clone());
                    self.typed.remove(id);
                }
                CheckState::Running { .. } => {
                    if !self.last.contains_key(id) {
                        continue;
                    }
                    // First seen running: after a key in a field, or not.
                    if !self.typed.contains(id) && !recent {
                        self.last.remove(id);
                        continue;
                    }
                    self.typed.insert(*id);
                    if recent && let Some(prev) = self.last.get(id) {
                        held.push((*id, prev.clone()));
                    }
                }
                CheckState::Idle | CheckState::Passed(_) => {
                    self.last.remove(id);
                    self.typed.remove(id);
                }
            }
        }
        if held.is_empty() {
            return Cow::Borrowed(w);
        }
        let mut copy = w.clone();
        copy.checks.extend(held);
        Cow::Owned(copy)
    }
}

#[cfg(test)]
mod tests;
