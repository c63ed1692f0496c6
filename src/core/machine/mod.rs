//! The machine that runs the steps: `update` takes one message and
//! answers with effects; keys and dialogs; the gate and its line; the
//! unattended runs of the commands; the answers file replayed. It asks
//! the step's module (`steps::of`) for everything that is the step's own.

pub mod dialog_keys;
pub mod gate;
pub mod gate_line;
pub mod keys;
pub mod moves;
pub mod replay;
pub mod unattended;
pub mod unattended_live;
pub mod undone;
pub mod update;

use crate::core::steps;
use crate::core::{Overlay, Wizard};

/// The question a resumed run opens with on the step it stopped at.
pub fn resume_question(w: &Wizard) -> Overlay {
    if steps::of(w.step).asks_resume() {
        Overlay::Resume {
            continue_selected: true,
        }
    } else {
        Overlay::None
    }
}

/// A wizard read back from the resume file: checks that were running when
/// the program stopped are idle now, the step forgets what belonged to the
/// run that stopped, and the resume question shows.
pub fn resumed(w: Wizard) -> Wizard {
    let mut w = w.resumed_checks();
    steps::of(w.step).resumed(&mut w);
    w.session = crate::core::Session {
        lang_cursor: crate::core::Lang::ALL
            .iter()
            .position(|l| *l == w.lang)
            .unwrap_or(0),
        overlay: resume_question(&w),
        ..crate::core::Session::default()
    };
    w
}
