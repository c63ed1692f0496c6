//! The event loop: keys and results in, model updated, effects carried out,
//! screen redrawn. Nothing here blocks on the outside world.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::{DefaultTerminal, Frame};
use time::OffsetDateTime;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use super::view::{MIN_HEIGHT, MIN_WIDTH};
use super::{ViewCtx, draw, keys};
use crate::core::answers::{Answers, next_action};
use crate::core::{Effect, Msg, Overlay, Step, Wizard, update};
use crate::i18n;
use crate::io::answers::{ANSWERS_FILE, save};
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
    /// An answers file: its keys are pressed until it says nothing more or
    /// the person presses a key.
    pub autopilot: Option<Answers>,
    /// Where this run's answers were written once it reached the end.
    pub answers_written: Option<PathBuf>,
}

/// More key presses than any answers file needs: a guard against a loop.
const AUTOPILOT_KEYS: usize = 20_000;

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
        self.write_answers_at_done();
        quit
    }

    /// Presses what the answers imply while no check runs; hands over to
    /// the person at the first step they do not answer. True: quit.
    fn autopilot(&mut self) -> bool {
        let Some(answers) = self.autopilot.take() else {
            return false;
        };
        for _ in 0..AUTOPILOT_KEYS {
            if self.wizard.checks.values().any(|c| c.is_running()) {
                self.autopilot = Some(answers);
                return false;
            }
            let Some(action) = next_action(&self.wizard, &answers) else {
                return false;
            };
            let before = self.wizard.clone();
            if self.handle(Msg::Key(action)) {
                return true;
            }
            if self.wizard == before {
                return false;
            }
        }
        false
    }

    /// At the end, what was chosen goes into `answers.toml` for the next
    /// practice (no secrets); the Done screen names it.
    fn write_answers_at_done(&mut self) {
        if self.wizard.step != Step::Done || self.answers_written.is_some() {
            return;
        }
        let path = self.store.dir().join(ANSWERS_FILE);
        match save(&path, &Answers::from_wizard(&self.wizard)) {
            Ok(()) => self.answers_written = Some(path),
            Err(e) => tracing::error!("writing the answers file: {e}"),
        }
    }

    fn persist(&mut self) {
        match self.store.save(&self.wizard) {
            Ok(()) => {
                self.exec.saved(&self.wizard);
                self.ctx.error = None;
            }
            Err(e) => {
                tracing::error!("saving the resume file: {e}");
                self.ctx.error = Some(i18n::text(self.wizard.lang, &e.text_while_running()));
            }
        }
    }

    pub async fn run(
        mut self,
        terminal: &mut DefaultTerminal,
        results: mpsc::UnboundedReceiver<Msg>,
        startup: Vec<Msg>,
    ) -> io::Result<Exit> {
        let exit = self.run_loop(terminal, results, startup).await;
        // However the wizard ends (quit, a closed terminal, a signal), no
        // firewall window stays open behind it.
        let keep_table = crate::core::network::stopped(&mut self.wizard);
        self.exec.close_windows_now(keep_table);
        self.persist();
        exit
    }

    async fn run_loop(
        &mut self,
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
        let mut spinner = super::spinner::Spinner::new(Duration::from_millis(120));
        for msg in startup {
            if self.handle(msg) {
                return Ok(Exit::Quit);
            }
        }
        loop {
            if self.autopilot() {
                return Ok(Exit::Quit);
            }
            terminal.draw(|f| {
                draw(f, &self.wizard, &self.ctx);
                if let Some(path) = &self.answers_written {
                    draw_answers_note(f, &self.wizard, &self.ctx, path);
                }
            })?;
            let running = self.wizard.checks.values().any(|c| c.is_running());
            spinner.running(running);
            tokio::select! {
                input = inputs.recv() => match input {
                    Some(Input::Event(Event::Key(k))) => {
                        // The person takes over.
                        self.autopilot = None;
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
                _ = spinner.tick(), if running => self.ctx.tick += 1,
                _ = hangup.recv() => return Ok(Exit::Hangup),
                _ = terminate.recv() => return Ok(Exit::Hangup),
                _ = interrupt.recv() => return Ok(Exit::Hangup),
            }
        }
    }
}

/// Names the answers file on the Done screen, in the status lines that
/// screen leaves free (right of the 17-column step list and its margin,
/// above the two footer lines; its summary ends far higher).
fn draw_answers_note(frame: &mut Frame, w: &Wizard, ctx: &ViewCtx, path: &Path) {
    let area = frame.area();
    if w.step != Step::Done
        || w.session.overlay != Overlay::None
        || area.width < MIN_WIDTH
        || area.height < MIN_HEIGHT
    {
        return;
    }
    let rect = Rect {
        x: area.x + 18,
        y: area.y + area.height - 5,
        width: area.width - 19,
        height: 3,
    };
    let path = path.display().to_string();
    let text = i18n::tr_args(w.lang, "answers-written", &[("path", &path)]);
    frame.render_widget(
        Paragraph::new(ctx.theme.text(&text)).wrap(Wrap { trim: true }),
        rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Lang;
    use crate::ui::Theme;

    #[test]
    fn the_done_screen_names_the_answers_file() {
        let mut w = Wizard::new(Lang::De, time::OffsetDateTime::UNIX_EPOCH);
        w.step = Step::Done;
        w.domain.input.set("termine.meine-praxis.ch");
        let ctx = ViewCtx {
            theme: Theme {
                utf8: true,
                color: false,
            },
            ..ViewCtx::default()
        };
        let path = Path::new("/var/lib/praxis-tls/answers.toml");
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
            .unwrap_or_else(|e| panic!("{e}"));
        t.draw(|f| {
            draw(f, &w, &ctx);
            draw_answers_note(f, &w, &ctx, path);
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let screen = format!("{}", t.backend());
        assert!(
            screen.contains("/var/lib/praxis-tls/answers.toml"),
            "{screen}"
        );
        assert!(screen.contains("praxis-tls replay"), "{screen}");
        assert!(
            screen.contains("Enter beenden"),
            "the footer stays: {screen}"
        );
    }
}
