//! The event loop: keys and results in, model updated, effects carried out,
//! screen redrawn. Nothing here blocks on the outside world.

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use time::OffsetDateTime;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use super::{ViewCtx, draw, keys};
use crate::core::{Effect, Msg, Wizard, update};
use crate::i18n;
use crate::io::exec::Executor;
use crate::io::store::Store;

enum Input {
    Event(Event),
    Closed,
}

pub struct App {
    pub wizard: Wizard,
    pub store: Store,
    pub exec: Executor,
    pub ctx: ViewCtx,
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The terminal went away (SSH dropped) or a signal asked us to stop.
    Hangup,
}

impl App {
    /// Applies a message and carries out what the core asks for.
    fn handle(&mut self, msg: Msg) -> bool {
        let effects = update(&mut self.wizard, msg, OffsetDateTime::now_utc());
        let mut quit = false;
        for effect in effects {
            match effect {
                Effect::Persist => self.persist(),
                Effect::Quit => quit = true,
                other => self.exec.run(other),
            }
        }
        quit
    }

    fn persist(&mut self) {
        match self.store.save(&self.wizard) {
            Ok(()) => self.ctx.error = None,
            Err(e) => {
                tracing::error!("saving the resume file: {e}");
                self.ctx.error = Some(i18n::text(self.wizard.lang, &e.text()));
            }
        }
    }

    pub async fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        mut results: mpsc::UnboundedReceiver<Msg>,
        startup: Vec<Msg>,
    ) -> io::Result<Exit> {
        let (in_tx, mut inputs) = mpsc::unbounded_channel();
        // crossterm's read blocks; a thread of its own keeps the loop free.
        std::thread::spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if in_tx.send(Input::Event(ev)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = in_tx.send(Input::Closed);
                        return;
                    }
                }
            }
        });
        let mut hangup = signal(SignalKind::hangup())?;
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut ticker = tokio::time::interval(Duration::from_millis(120));
        for msg in startup {
            if self.handle(msg) {
                return Ok(Exit::Quit);
            }
        }
        loop {
            terminal.draw(|f| draw(f, &self.wizard, &self.ctx))?;
            let running = self.wizard.checks.values().any(|c| c.is_running());
            tokio::select! {
                input = inputs.recv() => match input {
                    Some(Input::Event(Event::Key(k))) => {
                        if let Some(action) = keys::map(k, self.wizard.text_input_active())
                            && self.handle(Msg::Key(action)) {
                                return Ok(Exit::Quit);
                            }
                    }
                    Some(Input::Event(_)) => {}
                    Some(Input::Closed) | None => return Ok(Exit::Hangup),
                },
                Some(msg) = results.recv() => {
                    if self.handle(msg) {
                        return Ok(Exit::Quit);
                    }
                }
                _ = ticker.tick(), if running => self.ctx.tick += 1,
                _ = hangup.recv() => return Ok(Exit::Hangup),
                _ = terminate.recv() => return Ok(Exit::Hangup),
                _ = interrupt.recv() => return Ok(Exit::Hangup),
            }
        }
    }
}
