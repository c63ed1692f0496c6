//! A command run on the system (e.g. `systemctl enable --now`), recorded
//! with the commands that take it back.

use serde::{Deserialize, Serialize};

use super::{Change, Journal, JournalError};
use crate::core::library::firewall::Command;
use crate::io::firewall::{Runner, run_blocking};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandRun {
    pub run: Vec<Command>,
    pub undo: Vec<Command>,
}

impl CommandRun {
    pub fn display(&self) -> String {
        self.run
            .iter()
            .map(Command::display)
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub(super) fn apply(&self) -> Result<(), JournalError> {
        Ok(run_blocking(&self.run, &Runner::host())?)
    }

    pub(super) fn revert(&self) -> Result<(), JournalError> {
        Ok(run_blocking(&self.undo, &Runner::host())?)
    }
}

impl Journal {
    /// Records the commands with their undo, then runs them. A run that
    /// fails halfway is taken back at once, so nothing stays unrecorded.
    pub fn run_commands(
        &mut self,
        change: CommandRun,
        description: String,
    ) -> Result<u64, JournalError> {
        let id = self.next_id();
        let undo = change.clone();
        self.push(id, Change::Commands(change), description)?;
        if let Err(e) = self.apply(id) {
            let _ = undo.revert();
            let _ = self.set_state(id, super::EntryState::Undone);
            return Err(e);
        }
        Ok(id)
    }
}
