//! The gate of the step shown now: the step's own, opened by an override
//! the person gave for the same input.

use crate::core::model::gate::Gate;
use crate::core::steps;
use crate::core::{Step, Wizard};

pub fn gate(w: &Wizard) -> Gate {
    let g = steps::of(w.step).gate(w);
    if g == Gate::Overridable && overridden(w, w.step) {
        Gate::Open
    } else {
        g
    }
}

/// What an override was given for: passing a check for one domain or
/// directory must not pass it for another.
pub fn override_context(w: &Wizard, step: Step) -> String {
    steps::of(step).override_context(w)
}

/// Whether the person passed this step's failed checks for the input the
/// step has now.
pub fn overridden(w: &Wizard, step: Step) -> bool {
    let context = override_context(w, step);
    w.overrides
        .iter()
        .any(|o| o.step == step && o.context == context)
}

/// Whether a text field of the step shown now has the keyboard.
pub fn text_input_active(w: &Wizard) -> bool {
    w.session.overlay == crate::core::Overlay::None
        && !w.session.viewport.too_small
        && steps::of(w.step).typing(w)
}
