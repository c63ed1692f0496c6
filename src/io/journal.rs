//! The change journal: every change the wizard makes outside itself is
//! written down before it is made, with what undoes it, and marked done
//! after. After a crash, the entries still "recorded" are the changes that
//! may be half made; the next start offers to finish or undo them.

mod commands;
mod error;
mod file;
mod firewall;
#[cfg(test)]
mod texts_test;
mod undo;

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub use commands::CommandRun;
pub use error::JournalError;
pub use file::{FileWrite, Original};
pub use firewall::FirewallWindow;
pub use undo::{UndoSummary, confirm_text, run_undo};

use super::atomic;
use super::store::{StoreError, show};
use crate::core::library::change_set::SetMember;
use crate::core::{PendingChange, Text};

pub const JOURNAL_FILE: &str = "journal.json";
/// Layout version of `journal.json`. 2 added `set` to entries; a version 1
/// journal is read as it is, each of its changes a set of its own. 3 keeps
/// a number in a change's text as a number (`Arg::Num`), which a program
/// knowing 2 could not read; a version 2 journal's strings read as words.
pub const JOURNAL_SCHEMA: u32 = 3;

/// A change to the world outside the wizard. New kinds (a firewall rule,
/// a command run) are new variants; an older program refuses a journal
/// with kinds it does not know instead of guessing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    WriteFile(FileWrite),
    /// A firewall window for the responder port; undone by closing it.
    FirewallWindow(FirewallWindow),
    /// Commands run on the system, undone by their counterparts.
    Commands(CommandRun),
    /// Our nftables table kept between windows, because the practice chose
    /// to keep the router's port-80 forward: its rule drops the responder
    /// port while no window is open. Undone by removing the table.
    FirewallGuard(FirewallWindow),
}

impl Change {
    /// The kind and port a message names this change by.
    pub fn kind(&self) -> (&'static str, String) {
        match self {
            Change::WriteFile(_) => ("file", String::new()),
            Change::FirewallWindow(fw) => ("firewall", fw.port()),
            Change::FirewallGuard(fw) => ("guard", fw.port()),
            Change::Commands(_) => ("command", String::new()),
        }
    }

    /// What the change is about, for lists and messages.
    pub fn target(&self) -> String {
        match self {
            Change::WriteFile(fw) => show(&fw.path),
            Change::FirewallWindow(fw) => format!("firewall {:?}", fw.plan.backend),
            Change::FirewallGuard(_) => {
                format!(
                    "nftables table inet {}",
                    crate::core::library::firewall::TABLE
                )
            }
            Change::Commands(c) => c.display(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryState {
    /// Written down; the change may or may not have happened.
    Recorded,
    Done,
    Undone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    pub description: String,
    pub state: EntryState,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub done_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub undone_at: Option<OffsetDateTime>,
    pub change: Change,
    /// The change set this change belongs to: undo takes a set back whole
    /// or asks before breaking it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<SetMember>,
}

impl Entry {
    /// The change in the person's words, for dialogs.
    pub fn what(&self) -> Text {
        match &self.change {
            Change::WriteFile(fw) => Text::new("journal-change-file").arg("path", show(&fw.path)),
            Change::FirewallWindow(fw) => {
                Text::new("journal-change-firewall").arg("port", fw.port())
            }
            Change::FirewallGuard(fw) => {
                Text::new("journal-change-firewall-guard").arg("port", fw.port())
            }
            Change::Commands(c) => Text::new("journal-change-command").arg("command", c.display()),
        }
    }
}

impl From<&Entry> for PendingChange {
    fn from(e: &Entry) -> Self {
        PendingChange {
            id: e.id,
            what: e.what(),
            window: matches!(e.change, Change::FirewallWindow(_)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoOutcome {
    Restored,
    /// The file did not exist before and was removed again.
    Removed,
    /// The target was already as it had been before.
    AlreadyReverted,
    /// Someone changed the target since the wizard wrote it; left alone.
    Conflict,
    /// Reverted over someone else's change; their version was saved here
    /// (`None` if they had removed the file).
    Forced {
        kept: Option<PathBuf>,
    },
    Failed(Text),
    /// Left as it is because it belongs with a file changed by hand, and
    /// the person did not agree to break the set.
    KeptWithSet {
        edited: String,
    },
}

impl UndoOutcome {
    /// The failure's own reason, or `fallback` for an outcome without one.
    pub fn text_or(&self, fallback: Text) -> Text {
        match self {
            UndoOutcome::Failed(t) => t.clone(),
            _ => fallback,
        }
    }

    pub fn reverted(&self) -> bool {
        matches!(
            self,
            UndoOutcome::Restored
                | UndoOutcome::Removed
                | UndoOutcome::AlreadyReverted
                | UndoOutcome::Forced { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoReport {
    pub id: u64,
    pub description: String,
    /// `file`, `firewall`, `guard` or `command`: how the line names it.
    pub kind: &'static str,
    pub port: String,
    pub target: String,
    pub outcome: UndoOutcome,
}

impl UndoReport {
    pub fn of(entry: &Entry, outcome: UndoOutcome) -> UndoReport {
        let (kind, port) = entry.change.kind();
        UndoReport {
            id: entry.id,
            description: entry.description.clone(),
            kind,
            port,
            target: entry.change.target(),
            outcome,
        }
    }

    /// One line for the person; a failure's reason is `outcome`'s text.
    pub fn text(&self) -> Text {
        let id = match &self.outcome {
            UndoOutcome::Restored => "journal-undo-restored",
            UndoOutcome::Removed => "journal-undo-removed",
            UndoOutcome::AlreadyReverted => "journal-undo-already",
            UndoOutcome::Conflict => "journal-undo-conflict",
            UndoOutcome::Forced { .. } => "journal-undo-forced",
            UndoOutcome::Failed(_) => "journal-undo-failed",
            UndoOutcome::KeptWithSet { .. } => "journal-undo-kept-set",
        };
        let kept = match &self.outcome {
            UndoOutcome::Forced { kept: Some(p) } => show(p),
            UndoOutcome::KeptWithSet { edited } => edited.clone(),
            _ => String::new(),
        };
        // The description is the journal's own record (English); the
        // person reads the kind of change and its file or port instead.
        Text::new(id)
            .arg("kind", self.kind)
            .arg("port", self.port.clone())
            .arg("path", self.target.clone())
            .arg("kept", kept)
    }
}

#[derive(Serialize, Deserialize)]
struct JournalFile {
    schema: u32,
    entries: Vec<Entry>,
}

/// The journal of one state directory. Whoever opens it holds the session
/// [`Lock`](crate::io::lock::Lock): two writers would lose each other's
/// entries.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    entries: Vec<Entry>,
}

impl Journal {
    /// Reads the journal in `state_dir`. A journal that cannot be read is
    /// an error and left as it is: without it, undo would be guesswork.
    pub fn open(state_dir: &Path) -> Result<Journal, JournalError> {
        let path = state_dir.join(JOURNAL_FILE);
        let bytes = match super::safe_dir::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Journal {
                    dir: state_dir.to_path_buf(),
                    entries: Vec::new(),
                });
            }
            Err(e) => return Err(StoreError::io(&path, e).into()),
        };
        let corrupt = |reason: String| JournalError::Corrupt {
            path: path.clone(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
        let found = value
            .get("schema")
            .and_then(serde_json::Value::as_u64)
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| corrupt("no schema".to_string()))?;
        if found > JOURNAL_SCHEMA {
            return Err(JournalError::NewerSchema {
                path,
                found,
                supported: JOURNAL_SCHEMA,
            });
        }
        let file: JournalFile =
            serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))?;
        Ok(Journal {
            dir: state_dir.to_path_buf(),
            entries: file.entries,
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: u64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Recorded but not marked done: possibly half made by a crashed run.
    pub fn pending(&self) -> Vec<Entry> {
        self.with_state(&[EntryState::Recorded])
    }

    /// What `undo_all` would revert, newest first.
    pub fn undoable(&self) -> Vec<Entry> {
        let mut v = self.with_state(&[EntryState::Recorded, EntryState::Done]);
        v.reverse();
        v
    }

    /// Records, applies and marks done: the whole life of one file write.
    pub fn write_file(
        &mut self,
        path: &Path,
        bytes: &[u8],
        mode: u32,
        description: String,
    ) -> Result<u64, JournalError> {
        let id = self.record_write_file(path, bytes, mode, description)?;
        self.apply(id)?;
        Ok(id)
    }

    /// Like [`Journal::write_file`], as one change of the set `set`.
    pub fn write_file_in_set(
        &mut self,
        path: &Path,
        bytes: &[u8],
        mode: u32,
        description: String,
        set: SetMember,
    ) -> Result<u64, JournalError> {
        let id = self.next_id();
        let fw = file::prepare(&self.dir, id, path, bytes, mode)?;
        self.push_in(id, Change::WriteFile(fw), description, Some(set))?;
        self.apply(id)?;
        Ok(id)
    }

    /// Backs up the current file, stages the new content and records the
    /// change, all inside the state directory; the target is not touched.
    pub fn record_write_file(
        &mut self,
        path: &Path,
        bytes: &[u8],
        mode: u32,
        description: String,
    ) -> Result<u64, JournalError> {
        let id = self.next_id();
        let fw = file::prepare(&self.dir, id, path, bytes, mode)?;
        self.push(id, Change::WriteFile(fw), description)?;
        Ok(id)
    }

    /// Makes a recorded change and marks it done.
    pub fn apply(&mut self, id: u64) -> Result<(), JournalError> {
        let entry = self.get(id)?;
        if entry.state != EntryState::Recorded {
            return Err(JournalError::WrongState {
                id,
                state: entry.state,
            });
        }
        match &entry.change {
            Change::WriteFile(fw) => file::apply(fw, &self.dir)?,
            Change::FirewallWindow(fw) => {
                crate::io::firewall::run_blocking(&fw.plan.open, &fw.runner())?
            }
            // The table is there already: the window made it.
            Change::FirewallGuard(_) => {}
            Change::Commands(c) => c.apply()?,
        }
        self.set_state(id, EntryState::Done)
    }

    /// Completes a change a crashed run left recorded. Repeating a change
    /// that did happen is harmless: the result is the same.
    pub fn finish(&mut self, id: u64) -> Result<(), JournalError> {
        self.apply(id)
    }

    /// Reverts one change, done or only recorded. A target someone else
    /// changed since is left alone unless `force`.
    pub fn undo(&mut self, id: u64, force: bool) -> Result<UndoOutcome, JournalError> {
        let entry = self.get(id)?;
        if entry.state == EntryState::Undone {
            return Err(JournalError::WrongState {
                id,
                state: entry.state,
            });
        }
        let outcome = match &entry.change {
            Change::WriteFile(fw) => file::undo(fw, &self.dir, id, force)?,
            Change::FirewallWindow(fw) => self.close_window(id, fw),
            Change::FirewallGuard(fw) => firewall::remove_table(fw),
            Change::Commands(c) => match c.revert() {
                Ok(()) => UndoOutcome::Restored,
                Err(e) => UndoOutcome::Failed(e.text()),
            },
        };
        if outcome.reverted() {
            self.set_state(id, EntryState::Undone)?;
        }
        Ok(outcome)
    }

    /// Reverts every change not yet undone, newest first, so that several
    /// writes to one file unwind in order.
    pub fn undo_all(&mut self, force: bool) -> Result<Vec<UndoReport>, JournalError> {
        self.undo_all_with(force, |_| {})
    }

    /// Like [`Journal::undo_all`], telling `each` as every entry is done.
    pub fn undo_all_with(
        &mut self,
        force: bool,
        mut each: impl FnMut(&UndoReport),
    ) -> Result<Vec<UndoReport>, JournalError> {
        let mut reports = Vec::new();
        for entry in self.undoable() {
            let outcome = match self.undo(entry.id, force) {
                Ok(o) => o,
                // Without a working journal nothing more can be recorded.
                Err(e @ (JournalError::State(_) | JournalError::Lock(_))) => return Err(e),
                Err(e) => UndoOutcome::Failed(e.text()),
            };
            let report = UndoReport::of(&entry, outcome);
            each(&report);
            reports.push(report);
        }
        Ok(reports)
    }

    fn with_state(&self, states: &[EntryState]) -> Vec<Entry> {
        self.entries
            .iter()
            .filter(|e| states.contains(&e.state))
            .cloned()
            .collect()
    }

    fn next_id(&self) -> u64 {
        self.entries.iter().map(|e| e.id).max().unwrap_or(0) + 1
    }

    fn get(&self, id: u64) -> Result<Entry, JournalError> {
        self.entry(id)
            .cloned()
            .ok_or(JournalError::UnknownEntry(id))
    }

    fn push(&mut self, id: u64, change: Change, description: String) -> Result<(), JournalError> {
        self.push_in(id, change, description, None)
    }

    fn push_in(
        &mut self,
        id: u64,
        change: Change,
        description: String,
        set: Option<SetMember>,
    ) -> Result<(), JournalError> {
        self.entries.push(Entry {
            id,
            description,
            state: EntryState::Recorded,
            recorded_at: OffsetDateTime::now_utc(),
            done_at: None,
            undone_at: None,
            change,
            set,
        });
        let saved = self.save();
        if saved.is_err() {
            // Not on disk means not recorded: the change must not be made.
            self.entries.pop();
        }
        saved
    }

    fn set_state(&mut self, id: u64, state: EntryState) -> Result<(), JournalError> {
        let now = OffsetDateTime::now_utc();
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
            e.state = state;
            match state {
                EntryState::Done => e.done_at = Some(now),
                EntryState::Undone => e.undone_at = Some(now),
                EntryState::Recorded => {}
            }
        }
        self.save()
    }

    fn save(&self) -> Result<(), JournalError> {
        let path = self.dir.join(JOURNAL_FILE);
        let file = JournalFile {
            schema: JOURNAL_SCHEMA,
            entries: self.entries.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| StoreError::Io {
            path: path.clone(),
            source: io::Error::other(e),
        })?;
        atomic::write_atomic(&path, &bytes, 0o600).map_err(|e| StoreError::io(&path, e).into())
    }
}
