//! The resume file written off the keystroke path.
//!
//! A save is two to four fsyncs; made on every key, it held the screen up
//! while she typed. The driver hands each state here instead and goes on.
//! One slot holds the newest state not yet written: a state handed in
//! while a write runs replaces the one waiting, so a burst of keys ends in
//! one write of its last state, and what is on disk is always a whole
//! state the wizard passed through. Writing starts as soon as the slot
//! fills, without a pause to gather more, so what a kill can lose is the
//! typing since the last write began: a few milliseconds on a healthy
//! disk, well inside the 250 ms the README promises.
//!
//! A dedicated thread, not a tokio task: a write blocks on fsync, and the
//! last one must still finish after the runtime is gone (the final flush
//! when the program ends). The slot is a mutex and two condition
//! variables: a watch channel offers no blocking wait, and no crate
//! offers "wait until this state or a newer one is on disk".

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use super::Store;
use crate::core::{Text, Wizard};

/// Told after every write, with the state now on disk (the executor's
/// issuance waits for its order to be in the file).
pub type OnSaved = Box<dyn Fn(&Wizard) + Send>;

pub struct Writer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    slot: Mutex<Slot>,
    /// The writer thread waits here for a state or for the end.
    filled: Condvar,
    /// Callers of [`Writer::save`] wait here for their state on disk.
    written: Condvar,
}

struct Slot {
    newest: Option<Wizard>,
    /// How many states were handed in, and the number of the last one
    /// whose write finished (written or failed).
    handed_in: u64,
    finished: u64,
    /// The outcome of the last write that finished.
    last: Result<(), Text>,
    closing: bool,
}

impl Writer {
    /// Starts the thread; it writes into `store` and calls `on_saved` after
    /// every successful write.
    pub fn start(store: Store, on_saved: OnSaved) -> std::io::Result<Writer> {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot {
                newest: None,
                handed_in: 0,
                finished: 0,
                last: Ok(()),
                closing: false,
            }),
            filled: Condvar::new(),
            written: Condvar::new(),
        });
        let theirs = shared.clone();
        let thread = std::thread::Builder::new()
            .name("state-writer".into())
            .spawn(move || write_loop(&theirs, &store, &on_saved))?;
        Ok(Writer {
            shared,
            thread: Some(thread),
        })
    }

    /// Hands in a state and returns at once; it replaces one still
    /// waiting. Returns its number.
    pub fn submit(&self, w: &Wizard) -> u64 {
        let mut slot = self.shared.lock();
        slot.newest = Some(w.clone());
        slot.handed_in += 1;
        self.shared.filled.notify_one();
        slot.handed_in
    }

    /// Hands in a state and waits until it (or a newer one) is on disk:
    /// for a state that must be there before what follows it starts.
    pub fn save(&self, w: &Wizard) -> Result<(), Text> {
        let n = self.submit(w);
        self.wait_for(n)
    }

    /// Waits until every state handed in so far is written.
    pub fn flush(&self) -> Result<(), Text> {
        let n = self.shared.lock().handed_in;
        self.wait_for(n)
    }

    /// Why the last write failed, while the newest write is a failure.
    pub fn last_error(&self) -> Option<Text> {
        self.shared.lock().last.clone().err()
    }

    fn wait_for(&self, n: u64) -> Result<(), Text> {
        let mut slot = self.shared.lock();
        while slot.finished < n {
            slot = match self.shared.written.wait(slot) {
                Ok(s) => s,
                Err(poisoned) => poisoned.into_inner(),
            };
        }
        slot.last.clone()
    }

    /// Writes what is still waiting and ends the thread.
    pub fn close(mut self) -> Result<(), Text> {
        let result = self.flush();
        self.stop();
        result
    }

    fn stop(&mut self) {
        self.shared.lock().closing = true;
        self.shared.filled.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Writer {
    /// However the driver ends, the newest state is written first.
    fn drop(&mut self) {
        self.stop();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic elsewhere must not cost the resume file: the slot holds
        // nothing a half-finished update could break.
        match self.slot.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

fn write_loop(shared: &Shared, store: &Store, on_saved: &OnSaved) {
    loop {
        let (n, w) = {
            let mut slot = shared.lock();
            loop {
                if let Some(w) = slot.newest.take() {
                    break (slot.handed_in, w);
                }
                if slot.closing {
                    return;
                }
                slot = match shared.filled.wait(slot) {
                    Ok(s) => s,
                    Err(poisoned) => poisoned.into_inner(),
                };
            }
        };
        let result = match store.save(&w) {
            Ok(()) => {
                on_saved(&w);
                Ok(())
            }
            Err(e) => {
                tracing::error!("saving the resume file: {e}");
                Err(e.text_while_running())
            }
        };
        let mut slot = shared.lock();
        slot.finished = n;
        slot.last = result;
        shared.written.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use time::OffsetDateTime;

    use super::*;
    use crate::core::Lang;

    fn typed(text: &str) -> Wizard {
        let mut w = Wizard::new(Lang::En, OffsetDateTime::UNIX_EPOCH);
        w.start.input.set(text.to_string());
        w
    }

    fn on_disk(store: &Store) -> String {
        store.load().unwrap().unwrap().start.input.value
    }

    /// While the first write is held up, 50 more states come in: the
    /// writer writes the last of them, once, and none in between.
    #[test]
    fn the_newest_state_wins_and_a_burst_is_one_write() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (seen_tx, seen) = mpsc::channel::<String>();
        let (go_tx, go) = mpsc::channel::<()>();
        let go = Mutex::new(go);
        let writer = Writer::start(
            store.clone(),
            Box::new(move |w| {
                seen_tx.send(w.start.input.value.clone()).unwrap();
                let _ = go.lock().unwrap().recv();
            }),
        )
        .unwrap();
        writer.submit(&typed("a"));
        assert_eq!(seen.recv().unwrap(), "a");
        let mut text = String::from("a");
        for c in "bcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY".chars() {
            text.push(c);
            writer.submit(&typed(&text));
        }
        go_tx.send(()).unwrap();
        assert_eq!(seen.recv().unwrap(), text);
        go_tx.send(()).unwrap();
        writer.flush().unwrap();
        assert_eq!(on_disk(&store), text);
        drop(go_tx);
        writer.close().unwrap();
        assert!(seen.try_recv().is_err(), "no write after the newest");
    }

    #[test]
    fn save_returns_once_the_state_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let writer = Writer::start(store.clone(), Box::new(|_| {})).unwrap();
        for text in ["/o", "/op", "/opt"] {
            writer.save(&typed(text)).unwrap();
            assert_eq!(on_disk(&store), text);
        }
    }

    /// Ending the program, or dropping the writer on the way out of an
    /// error, still writes what was handed in last.
    #[test]
    fn closing_and_dropping_flush() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let writer = Writer::start(store.clone(), Box::new(|_| {})).unwrap();
        writer.submit(&typed("/srv/elexis"));
        writer.close().unwrap();
        assert_eq!(on_disk(&store), "/srv/elexis");

        let writer = Writer::start(store.clone(), Box::new(|_| {})).unwrap();
        for text in ["/x", "/xy", "/xyz"] {
            writer.submit(&typed(text));
        }
        drop(writer);
        assert_eq!(on_disk(&store), "/xyz");
    }

    /// A failed write is reported to whoever waits, and the next state
    /// handed in is tried again.
    #[test]
    fn a_failed_write_is_reported_and_retried() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("s")).unwrap();
        let writer = Writer::start(store.clone(), Box::new(|_| {})).unwrap();
        // A directory where the file goes: the rename cannot replace it.
        std::fs::create_dir(store.path()).unwrap();
        assert!(writer.save(&typed("/a")).is_err());
        assert!(writer.last_error().is_some());
        std::fs::remove_dir(store.path()).unwrap();
        writer.save(&typed("/ab")).unwrap();
        assert!(writer.last_error().is_none());
        assert_eq!(on_disk(&store), "/ab");
    }
}
