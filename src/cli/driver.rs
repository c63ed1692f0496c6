//! The driver: while the wizard runs, the one owner of its model. Every
//! message goes through `core::update` here, and everything the core asks
//! for is done from here: the resume file, the io executor, the answers
//! file at the end. The terminal wizard, `replay` and the unattended
//! commands (`certificate`, `renew`, their go-live: `issue`, `golive`)
//! all run on it, so a rule about saving or about waiting holds for all,
//! and a test of one is a test of the others.
//!
//! Why the loop is in the entry layer and `ui` is a passive screen: the
//! loop is where the model changes and io starts, and `ui` may not import
//! upward, so a loop inside `ui` would need a callback for every duty of
//! the driver (handle, results, timers, saving, the end) — the driver
//! again, behind an indirection. Instead `ui` draws the wizard it is lent
//! and turns keys into messages; `cli::terminal` puts the two together.
//!
//! Saving: a key that keeps the step and starts nothing outside (typing,
//! mostly) goes to the [`Writer`] and the loop goes on; a fsync per key
//! held up the screen. Anything else — a step change, a result from io,
//! an effect that changes something outside — is on disk before its
//! effects start, so a kill during them resumes from that state.
//!
//! Install detection while she types waits for a pause ([`TYPING_PAUSE`]):
//! the core marks such effects ([`Effect::follows_typing`]), and a newer
//! one replaces the one waiting. The core's generations still drop the
//! answer of a detection that was already running. The core's request to
//! be told when typing has stopped ([`Effect::SettleTyping`]) is answered
//! here, after [`TYPING_SETTLE`], without io.

use std::mem::Discriminant;
use std::path::{Path, PathBuf};
use std::time::Duration;

use praxis_tls::core::answers::Answers;
use praxis_tls::core::{Effect, Msg, Step, Text, Wizard, update};
use praxis_tls::io::answers::{ANSWERS_FILE, save};
use praxis_tls::io::exec::Executor;
use praxis_tls::io::store::Store;
use praxis_tls::io::store::writer::Writer;
use time::OffsetDateTime;
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::time::Instant;

/// How long typing must pause before the effects it asked for run: longer
/// than the gap between two keys of a practised typist, short enough that
/// the answer seems to come with the last key.
pub const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// How long typing must stop before a verdict on what she typed shows
/// (`Effect::SettleTyping`): a pass comes after [`TYPING_PAUSE`], a
/// failure only once she has stopped, so a half-typed word is not told
/// off at every key ("reward early, punish late").
pub const TYPING_SETTLE: Duration = Duration::from_secs(1);

/// What the driver needs of the io layer; the executor in the program, a
/// recorder in tests.
pub trait Io: Clone + Send + 'static {
    /// Starts the work; its results come back on the driver's channel.
    fn run(&self, effect: Effect);
    /// This state is on disk now.
    fn saved(&self, w: &Wizard);
    /// Closes the firewall windows before the program ends.
    fn close_windows_now(&self, keep_table: bool);
}

impl Io for Executor {
    fn run(&self, effect: Effect) {
        Executor::run(self, effect);
    }
    fn saved(&self, w: &Wizard) {
        Executor::saved(self, w);
    }
    fn close_windows_now(&self, keep_table: bool) {
        Executor::close_windows_now(self, keep_table);
    }
}

pub struct Driver<X: Io = Executor> {
    wizard: Wizard,
    io: X,
    writer: Writer,
    results: UnboundedReceiver<Msg>,
    /// Effects waiting for typing to pause, at most one of each kind.
    typing: Vec<(Instant, Effect)>,
    /// Effects started whose result has not come back yet.
    in_flight: usize,
    state_dir: PathBuf,
    answers_written: Option<PathBuf>,
    /// Off for the unattended commands: they run no walk to its end.
    answers_file: bool,
}

impl<X: Io> Driver<X> {
    /// Takes over `wizard` (as loaded from `store`, or new); `results` is
    /// where `io` answers.
    pub fn start(
        wizard: Wizard,
        store: &Store,
        io: X,
        results: UnboundedReceiver<Msg>,
    ) -> std::io::Result<Driver<X>> {
        io.saved(&wizard);
        let told = io.clone();
        let writer = Writer::start(store.clone(), Box::new(move |w| told.saved(w)))?;
        Ok(Driver {
            wizard,
            io,
            writer,
            results,
            typing: Vec::new(),
            in_flight: 0,
            state_dir: store.dir().to_path_buf(),
            answers_written: None,
            answers_file: true,
        })
    }

    /// For a command that uses the wizard's model without walking it: no
    /// answers file is written, whatever step the model is on.
    pub fn without_answers_file(mut self) -> Driver<X> {
        self.answers_file = false;
        self
    }

    pub fn wizard(&self) -> &Wizard {
        &self.wizard
    }

    /// Results still to come for effects already started.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Effects that wait for typing to pause (and will then run).
    pub fn typing_pending(&self) -> bool {
        !self.typing.is_empty()
    }

    /// Why the resume file could not be written, while that is so.
    pub fn save_error(&self) -> Option<Text> {
        self.writer.last_error()
    }

    /// Where this run's answers were written once it reached the end.
    pub fn answers_written(&self) -> Option<&Path> {
        self.answers_written.as_deref()
    }

    /// Applies a message and starts what the core asks for. True: quit.
    pub fn handle(&mut self, msg: Msg) -> bool {
        let key = matches!(msg, Msg::Key(_));
        let step = self.wizard.step;
        let effects = update(&mut self.wizard, msg, OffsetDateTime::now_utc());
        if effects.contains(&Effect::Persist) {
            if may_wait(key, step, self.wizard.step, &effects) {
                self.writer.submit(&self.wizard);
            } else {
                // The error shows through `save_error`; the next change
                // tries again.
                let _ = self.writer.save(&self.wizard);
            }
        }
        let mut quit = false;
        for effect in effects {
            match effect {
                Effect::Persist => {}
                Effect::Quit => quit = true,
                e if e.follows_typing() => self.after_typing(e),
                // Closing the window answers with nothing.
                e @ Effect::CloseFirewall { .. } => self.io.run(e),
                e => {
                    // Asked for at once: one of its kind waiting for a
                    // pause in typing is out of date.
                    let kind = std::mem::discriminant(&e);
                    self.typing
                        .retain(|(_, w)| std::mem::discriminant(w) != kind);
                    self.launch(e);
                }
            }
        }
        if !self.wizard.session.typing {
            // Any other key showed the verdicts already.
            self.typing.retain(|(_, e)| *e != Effect::SettleTyping);
        }
        self.write_answers_at_done();
        quit
    }

    /// The next result from io, running what waited for typing to pause
    /// once it is due. Cancel-safe: a loop may wait on keys beside it.
    pub async fn next(&mut self) -> Option<Msg> {
        loop {
            let due = self.typing.iter().map(|(at, _)| *at).min();
            tokio::select! {
                msg = self.results.recv() => {
                    if let Some(m) = &msg
                        && !m.is_report()
                    {
                        self.in_flight = self.in_flight.saturating_sub(1);
                    }
                    return msg;
                }
                () = sleep_until(due), if due.is_some() => {
                    if self.run_due() {
                        return Some(Msg::TypingSettled);
                    }
                }
            }
        }
    }

    /// Ends the run: no firewall window stays open behind it (whether it
    /// quit, lost its terminal or finished a replay), the last state is
    /// written and the writer stopped. Returns the model as saved.
    pub fn finish(mut self) -> Wizard {
        let keep_table = praxis_tls::core::steps::firewall::stopped(&mut self.wizard);
        self.io.close_windows_now(keep_table);
        let _ = self.writer.save(&self.wizard);
        let Driver { wizard, writer, .. } = self;
        let _ = writer.close();
        wizard
    }

    fn launch(&mut self, effect: Effect) {
        self.in_flight += 1;
        self.io.run(effect);
    }

    fn after_typing(&mut self, effect: Effect) {
        let kind: Discriminant<Effect> = std::mem::discriminant(&effect);
        self.typing
            .retain(|(_, w)| std::mem::discriminant(w) != kind);
        let pause = if effect == Effect::SettleTyping {
            TYPING_SETTLE
        } else {
            TYPING_PAUSE
        };
        self.typing.push((Instant::now() + pause, effect));
    }

    /// Starts what is due; true when typing has settled.
    fn run_due(&mut self) -> bool {
        let now = Instant::now();
        let (due, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.typing)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.typing = waiting;
        let mut settled = false;
        for (_, effect) in due {
            if effect == Effect::SettleTyping {
                settled = true;
            } else {
                self.launch(effect);
            }
        }
        settled
    }

    /// At the end, what was chosen goes into `answers.toml` for the next
    /// practice (no secrets); the Done screen names it.
    fn write_answers_at_done(&mut self) {
        if !self.answers_file || self.wizard.step != Step::Done || self.answers_written.is_some() {
            return;
        }
        let path = self.state_dir.join(ANSWERS_FILE);
        match save(&path, &Answers::from_wizard(&self.wizard)) {
            Ok(()) => self.answers_written = Some(path),
            Err(e) => tracing::error!("writing the answers file: {e}"),
        }
    }
}

/// Whether a transition's state may reach the disk after its effects
/// start: a key that stays on its step and starts nothing outside nor the
/// end. Everything else is saved first.
fn may_wait(key: bool, before: Step, after: Step, effects: &[Effect]) -> bool {
    key && before == after
        && !effects
            .iter()
            .any(|e| e.changes_outside() || *e == Effect::Quit)
}

async fn sleep_until(due: Option<Instant>) {
    if let Some(at) = due {
        tokio::time::sleep_until(at).await;
    }
}

#[cfg(test)]
mod tests;
