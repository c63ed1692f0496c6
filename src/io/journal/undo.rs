//! `praxis-tls undo`: takes back everything the wizard changed. Returns
//! data, not prose; the caller words it in the person's language.

use std::path::Path;

use super::{Change, Entry, Journal, JournalError, UndoOutcome, UndoReport, file};
use crate::core::Text;
use crate::core::library::change_set::{self, Break, Found, Member};
use crate::io::lock::Lock;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoSummary {
    /// What there was to revert, newest first (shown before asking).
    pub planned: Vec<Entry>,
    /// `false` if the person said no; nothing was touched then.
    pub confirmed: bool,
    pub reports: Vec<UndoReport>,
}

impl UndoSummary {
    pub fn nothing_to_do(&self) -> bool {
        self.planned.is_empty()
    }

    /// Every planned change is reverted.
    pub fn complete(&self) -> bool {
        self.confirmed
            && self.reports.len() == self.planned.len()
            && self.reports.iter().all(|r| r.outcome.reverted())
    }

    /// The closing line: nothing to do, cancelled, all done, or how many
    /// were left (conflicts and failures are listed in `reports`).
    pub fn text(&self) -> Text {
        if self.nothing_to_do() {
            Text::new("journal-undo-nothing")
        } else if !self.confirmed {
            Text::new("journal-undo-cancelled")
        } else if self.complete() {
            Text::new("journal-undo-complete").num("count", self.reports.len())
        } else {
            let left = self
                .reports
                .iter()
                .filter(|r| !r.outcome.reverted())
                .count();
            Text::new("journal-undo-incomplete").num("count", left)
        }
    }
}

/// Text for the question `confirm` answers, e.g. "Diese 3 Änderungen
/// zurücknehmen?".
pub fn confirm_text(planned: &[Entry]) -> Text {
    Text::new("journal-undo-confirm").num("count", planned.len())
}

/// Holds the session lock (a running wizard must not see its changes
/// vanish), shows `confirm` the list once, then reverts newest first and
/// tells `report` each result as it happens. `force` also reverts files
/// someone else changed since (their version is kept in the state dir).
///
/// Without `force`, a change set with a file changed by hand is broken only
/// when `break_set` says yes; otherwise every change of that set stays as
/// it is. At the end our firewall table goes, with nothing left to guard.
pub fn run_undo(
    state_dir: &Path,
    force: bool,
    mut confirm: impl FnMut(&[Entry]) -> bool,
    mut break_set: impl FnMut(&Break) -> bool,
    mut report: impl FnMut(&UndoReport),
) -> Result<UndoSummary, JournalError> {
    let _lock = Lock::acquire(state_dir)?;
    let mut journal = Journal::open(state_dir)?;
    let planned = journal.undoable();
    let mut summary = UndoSummary {
        planned,
        ..UndoSummary::default()
    };
    if summary.planned.is_empty() {
        journal.remove_tables();
        return Ok(summary);
    }
    summary.confirmed = confirm(&summary.planned);
    if !summary.confirmed {
        return Ok(summary);
    }
    // Each change of a set kept whole, with the outcome it reports.
    let mut kept: Vec<(u64, UndoOutcome)> = Vec::new();
    if !force {
        let members = members(&summary.planned);
        for b in change_set::breaks(&members) {
            if break_set(&b) {
                continue;
            }
            let edited = b.edited.join(", ");
            for id in &b.ids {
                let by_hand = members
                    .iter()
                    .any(|m| m.id == *id && m.found == Found::ByHand);
                let outcome = if by_hand {
                    UndoOutcome::Conflict
                } else {
                    UndoOutcome::KeptWithSet {
                        edited: edited.clone(),
                    }
                };
                kept.push((*id, outcome));
            }
        }
    }
    for entry in &summary.planned {
        let outcome = match kept.iter().find(|(id, _)| *id == entry.id) {
            Some((_, outcome)) => outcome.clone(),
            None => match journal.undo(entry.id, force) {
                Ok(o) => o,
                // Without a working journal nothing more can be recorded.
                Err(e @ (JournalError::State(_) | JournalError::Lock(_))) => return Err(e),
                Err(e) => UndoOutcome::Failed(e.text()),
            },
        };
        let r = UndoReport::of(entry, outcome);
        report(&r);
        summary.reports.push(r);
    }
    if journal.guard().is_none() && journal.open_windows().is_empty() {
        journal.remove_tables();
    }
    if summary.complete() {
        // Nothing is left to apply: the staged copies (keys among them)
        // have no use any more and must not lie around.
        super::file::remove_staged(state_dir)?;
    }
    Ok(summary)
}

/// What undo would find at each planned change, for the set decision.
fn members(planned: &[Entry]) -> Vec<Member> {
    let writes: Vec<&file::FileWrite> = planned
        .iter()
        .filter_map(|e| match &e.change {
            Change::WriteFile(fw) => Some(fw),
            _ => None,
        })
        .collect();
    planned
        .iter()
        .map(|e| {
            let (found, removes) = match &e.change {
                Change::WriteFile(fw) => {
                    let same: Vec<&file::FileWrite> = writes
                        .iter()
                        .copied()
                        .filter(|w| w.path == fw.path)
                        .collect();
                    (file::found(fw, &same), fw.original.is_none())
                }
                _ => (Found::Other, false),
            };
            Member {
                id: e.id,
                set: e.set.clone(),
                target: e.change.target(),
                found,
                removes,
            }
        })
        .collect()
}
