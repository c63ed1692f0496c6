//! The wizard in a terminal: the driver and the screen in one loop. Keys
//! and results in, the model updated by the driver, the screen redrawn.
//! Nothing here blocks on the outside world.

use std::io;

use praxis_tls::core::answers::{Answers, Decision};
use praxis_tls::core::machine::replay::decide;
use praxis_tls::core::{Msg, Wizard};
use praxis_tls::i18n;
use praxis_tls::ui::screen::{Input, Screen};
use tokio::signal::unix::{SignalKind, signal};

use super::driver::Driver;

/// More key presses than any answers file needs: a guard against a loop.
const AUTOPILOT_KEYS: usize = 20_000;

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The terminal went away (SSH dropped) or a signal asked us to stop.
    Hangup,
}

/// Runs until the person quits or the terminal goes. `autopilot`: an
/// answers file, whose keys are pressed until it says nothing more or the
/// person presses a key. The caller ends the driver afterwards.
pub async fn run(
    driver: &mut Driver,
    screen: &mut Screen<'_>,
    mut autopilot: Option<Answers>,
    startup: Vec<Msg>,
) -> io::Result<Exit> {
    let mut hangup = signal(SignalKind::hangup())?;
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    for msg in startup {
        if driver.handle(msg) {
            return Ok(Exit::Quit);
        }
    }
    loop {
        if let Some(answers) = &autopilot
            && press_answers(driver, answers)
        {
            return Ok(Exit::Quit);
        }
        let w = driver.wizard();
        screen.ctx.error = driver.save_error().map(|t| i18n::text(w.lang, &t));
        screen.ctx.answers_file = driver.answers_written().map(|p| p.display().to_string());
        if let Some(msg) = screen.draw(w)?
            && driver.handle(msg)
        {
            return Ok(Exit::Quit);
        }
        let w = driver.wizard();
        let text_input = praxis_tls::core::text_input_active(w);
        // While she types, a running check shows no spinner (see
        // `Session::typing`): nothing turns.
        let running = !w.session.typing && w.checks.values().any(|c| c.is_running());
        tokio::select! {
            input = screen.next(text_input, running) => match input {
                Input::Key(key) => {
                    // The person takes over.
                    autopilot = None;
                    if let Some(action) = key
                        && driver.handle(Msg::Key(action))
                    {
                        return Ok(Exit::Quit);
                    }
                }
                Input::Redraw => {}
                Input::Closed => return Ok(Exit::Hangup),
            },
            Some(msg) = driver.next() => {
                if driver.handle(msg) {
                    return Ok(Exit::Quit);
                }
            }
            _ = hangup.recv() => return Ok(Exit::Hangup),
            _ = terminate.recv() => return Ok(Exit::Hangup),
            _ = interrupt.recv() => return Ok(Exit::Hangup),
        }
    }
}

/// Presses what the answers imply while no result is outstanding, as
/// `replay` does, and hands over to the person at the first step they do
/// not answer. Typing goes on while a detection waits for a pause. True:
/// quit.
fn press_answers(driver: &mut Driver, answers: &Answers) -> bool {
    for _ in 0..AUTOPILOT_KEYS {
        let w = driver.wizard();
        // Nothing acts on a window too small to show it, answers neither.
        if w.session.viewport.too_small || driver.in_flight() > 0 {
            return false;
        }
        let Decision::Press(action) = decide(w, answers) else {
            return false;
        };
        let before: Wizard = w.clone();
        if driver.handle(Msg::Key(action)) {
            return true;
        }
        if *driver.wizard() == before {
            return false;
        }
    }
    false
}
