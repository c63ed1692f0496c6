//! `praxis-tls undo`: takes back everything the wizard changed. Returns
//! data, not prose; the caller words it in the person's language.

use std::path::Path;

use super::{Entry, Journal, JournalError, UndoReport};
use crate::core::Text;
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
            Text::new("journal-undo-complete").arg("count", self.reports.len().to_string())
        } else {
            let left = self
                .reports
                .iter()
                .filter(|r| !r.outcome.reverted())
                .count();
            Text::new("journal-undo-incomplete").arg("count", left.to_string())
        }
    }
}

/// Text for the question `confirm` answers, e.g. "Diese 3 Änderungen
/// zurücknehmen?".
pub fn confirm_text(planned: &[Entry]) -> Text {
    Text::new("journal-undo-confirm").arg("count", planned.len().to_string())
}

/// Holds the session lock (a running wizard must not see its changes
/// vanish), shows `confirm` the list once, then reverts newest first and
/// tells `report` each result as it happens. `force` also reverts files
/// someone else changed since (their version is kept in the state dir).
pub fn run_undo(
    state_dir: &Path,
    force: bool,
    mut confirm: impl FnMut(&[Entry]) -> bool,
    report: impl FnMut(&UndoReport),
) -> Result<UndoSummary, JournalError> {
    let _lock = Lock::acquire(state_dir)?;
    let mut journal = Journal::open(state_dir)?;
    let planned = journal.undoable();
    let mut summary = UndoSummary {
        planned,
        ..UndoSummary::default()
    };
    if summary.planned.is_empty() {
        return Ok(summary);
    }
    summary.confirmed = confirm(&summary.planned);
    if summary.confirmed {
        summary.reports = journal.undo_all_with(force, report)?;
    }
    if summary.complete() {
        // Nothing is left to apply: the staged copies (keys among them)
        // have no use any more and must not lie around.
        super::file::remove_staged(state_dir)?;
    }
    Ok(summary)
}
