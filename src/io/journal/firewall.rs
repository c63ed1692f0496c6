//! Firewall windows in the journal, and our nftables table around them.
//!
//! The table is made by the first window and holds the rule that drops the
//! responder port while no window is open. It goes away with the last
//! window, unless the practice keeps the router's port-80 forward: then it
//! stays as a guard, recorded as a change of its own, so that `status`
//! shows it and `undo` removes it.

use serde::{Deserialize, Serialize};

use super::{Change, EntryState, Journal, JournalError, UndoOutcome};
use crate::core::library::firewall::{Backend, FirewallPlan};
use crate::io::firewall::{Runner, run_blocking};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallWindow {
    pub plan: FirewallPlan,
    /// The network namespace the commands ran in (tests and the lab).
    #[serde(default)]
    pub netns: Option<String>,
}

impl FirewallWindow {
    pub(super) fn runner(&self) -> Runner {
        Runner {
            netns: self.netns.clone(),
        }
    }

    /// The responder port the window is for.
    pub fn port(&self) -> String {
        self.plan
            .describe
            .args
            .iter()
            .find(|(k, _)| k == "port")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    }
}

/// Removes our table (and empties our set in a foreign table).
pub(super) fn remove_table(fw: &FirewallWindow) -> UndoOutcome {
    match run_blocking(&fw.plan.remove, &fw.runner()) {
        Ok(()) => UndoOutcome::Restored,
        Err(e) => UndoOutcome::Failed(e.text()),
    }
}

fn firewall_of(change: &Change) -> Option<&FirewallWindow> {
    match change {
        Change::FirewallWindow(fw) | Change::FirewallGuard(fw) => Some(fw),
        _ => None,
    }
}

impl Journal {
    /// Firewall windows opened and not closed by the wizard. They expire by
    /// themselves, but after a crash the person is offered to close them.
    pub fn open_windows(&self) -> Vec<super::Entry> {
        self.with_state(&[EntryState::Done])
            .into_iter()
            .filter(|e| matches!(e.change, Change::FirewallWindow(_)))
            .collect()
    }

    /// The table kept as a guard between windows, if there is one.
    pub fn guard(&self) -> Option<&FirewallWindow> {
        self.entries.iter().find_map(|e| match &e.change {
            Change::FirewallGuard(fw) if e.state == EntryState::Done => Some(fw),
            _ => None,
        })
    }

    /// Records a firewall window and opens it.
    pub fn open_window(
        &mut self,
        window: FirewallWindow,
        description: String,
    ) -> Result<u64, JournalError> {
        let id = self.next_id();
        let runner = window.runner();
        let close = window.plan.close.clone();
        self.push(id, Change::FirewallWindow(window), description)?;
        if let Err(e) = self.apply(id) {
            // Half an opening is taken back, so nothing stays open unrecorded.
            let _ = run_blocking(&close, &runner);
            let _ = self.set_state(id, EntryState::Undone);
            return Err(e);
        }
        Ok(id)
    }

    /// Closes every open window. `keep_table`: `Some(true)` when the
    /// practice keeps its port-80 forward, so our table stays as a guard
    /// (nftables only; the other managers have no table of ours);
    /// `Some(false)` when it does not, so a guard kept before goes too;
    /// `None` leaves the guard as it is.
    pub fn close_windows(
        &mut self,
        keep_table: Option<bool>,
    ) -> Vec<(u64, Result<UndoOutcome, JournalError>)> {
        let open = self.open_windows();
        if keep_table == Some(true)
            && self.guard().is_none()
            && let Some(fw) = open.iter().rev().find_map(|e| firewall_of(&e.change))
            && fw.plan.backend == Backend::Nftables
        {
            let id = self.next_id();
            let description = format!("firewall guard, port {}", fw.port());
            let recorded = self
                .push(id, Change::FirewallGuard(fw.clone()), description)
                .and_then(|()| self.set_state(id, EntryState::Done));
            if let Err(e) = recorded {
                tracing::error!("recording the firewall guard: {e}");
            }
        }
        let mut results: Vec<_> = open
            .iter()
            .map(|e| (e.id, self.undo(e.id, false)))
            .collect();
        if keep_table == Some(false) {
            let guards: Vec<u64> = self
                .with_state(&[EntryState::Done])
                .iter()
                .filter(|e| matches!(e.change, Change::FirewallGuard(_)))
                .map(|e| e.id)
                .collect();
            results.extend(guards.into_iter().map(|id| (id, self.undo(id, false))));
        }
        results
    }

    /// Closes one window; the last one takes our table with it unless a
    /// guard keeps it.
    pub(super) fn close_window(&self, id: u64, fw: &FirewallWindow) -> UndoOutcome {
        if let Err(e) = run_blocking(&fw.plan.close, &fw.runner()) {
            return UndoOutcome::Failed(e.text());
        }
        let others = self.entries.iter().any(|e| {
            e.id != id
                && e.state == EntryState::Done
                && firewall_of(&e.change).is_some_and(|o| o.netns == fw.netns)
        });
        if others {
            UndoOutcome::Restored
        } else {
            remove_table(fw)
        }
    }

    /// Removes our table wherever a window of this journal made one: also
    /// what an older version left behind after closing its windows.
    pub fn remove_tables(&self) {
        let mut done: Vec<&Option<String>> = Vec::new();
        for e in self.entries.iter().rev() {
            let Some(fw) = firewall_of(&e.change) else {
                continue;
            };
            if fw.plan.backend != Backend::Nftables || done.contains(&&fw.netns) {
                continue;
            }
            done.push(&fw.netns);
            if let UndoOutcome::Failed(t) = remove_table(fw) {
                tracing::warn!("removing the firewall table: {t:?}");
            }
        }
    }
}
