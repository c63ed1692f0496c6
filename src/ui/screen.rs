//! The terminal as the driver sees it: it draws the wizard it is lent and
//! turns what the person does into messages. It owns no model, no store
//! and no executor; the loop that puts it together with the core lives in
//! the entry layer (`cli::terminal`, see `cli::driver` for why).

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};
use tokio::sync::mpsc;

use super::lean::Tty;
use super::spinner::Spinner;
use super::{ViewCtx, draw_measured, keys};
use crate::core::{Action, Msg, Wizard};

enum Read {
    Event(Event),
    Closed,
}

/// What happened at the terminal.
#[derive(Debug, PartialEq)]
pub enum Input {
    /// A key, as the action it means here (`Msg::Key`), or `None` for a
    /// key that means nothing here: the person is there all the same.
    Key(Option<Action>),
    /// Nothing for the model: a resize, or a beat of the spinner.
    Redraw,
    /// The terminal went away (SSH dropped).
    Closed,
}

pub struct Screen<'t> {
    terminal: &'t mut Tty,
    reads: mpsc::UnboundedReceiver<Read>,
    spinner: Spinner,
    pub ctx: ViewCtx,
}

impl<'t> Screen<'t> {
    pub fn new(terminal: &'t mut Tty, ctx: ViewCtx) -> Screen<'t> {
        let (tx, reads) = mpsc::unbounded_channel();
        // crossterm's read blocks; a thread of its own keeps the loop free.
        std::thread::spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if tx.send(Read::Event(ev)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = tx.send(Read::Closed);
                        return;
                    }
                }
            }
        });
        Screen {
            terminal,
            reads,
            spinner: Spinner::new(Duration::from_millis(120)),
            ctx,
        }
    }

    /// Draws the wizard; a message when the screen now allows something
    /// else than the model knows (its size, how far text scrolls).
    pub fn draw(&mut self, w: &Wizard) -> io::Result<Option<Msg>> {
        let mut viewport = w.session.viewport;
        let ctx = &self.ctx;
        self.terminal
            .draw(|f| viewport = draw_measured(f, w, ctx))?;
        Ok((viewport != w.session.viewport).then_some(Msg::Viewport(viewport)))
    }

    /// Waits for the person, or for the spinner's next beat while a check
    /// runs. `text_input`: the focused field takes letters. Cancel-safe.
    pub async fn next(&mut self, text_input: bool, running: bool) -> Input {
        self.spinner.running(running);
        tokio::select! {
            read = self.reads.recv() => match read {
                Some(Read::Event(Event::Key(k))) => {
                    Input::Key(keys::map(k, text_input))
                }
                Some(Read::Event(_)) => Input::Redraw,
                Some(Read::Closed) | None => Input::Closed,
            },
            () = self.spinner.tick(), if running => {
                self.ctx.tick += 1;
                Input::Redraw
            }
        }
    }
}
