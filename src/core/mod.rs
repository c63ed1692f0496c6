//! The wizard's state machine. Pure: no tokio, no ratatui, no file system,
//! no network, no clock. `update` consumes one message and answers with the
//! effects the io layer must carry out; their results come back as messages.
//!
//! - `steps`: the wizard's steps, one module each, behind one contract.
//! - `machine`: what runs them: `update`, keys, dialogs, the gate, the
//!   unattended runs of the commands, the answers file replayed.
//! - `model`: the state and the messages, data only.
//! - `library`: pure parsers, editors and rules the steps use.
//! - `answers`: the answers file an IT supporter replays.

pub mod answers;
pub mod library;
pub mod machine;
pub mod model;
pub mod steps;

#[cfg(test)]
pub(crate) mod tests;

pub use machine::gate::{gate, overridden, text_input_active};
pub use machine::update::update;
pub use machine::{resume_question, resumed};
pub use model::action::Action;
pub use model::check::{Arg, CheckId, CheckState, Finding, Outcome, Text, Whole};
pub use model::gate::Gate;
pub use model::input::TextInput;
pub use model::messages::{Effect, Msg};
pub use model::step::Step;
pub use model::wizard::{
    DEFAULT_RESPONDER_PORT, DomainStep, Lang, Overlay, OverrideRecord, PendingChange,
    SCHEMA_VERSION, Session, StartStep, Viewport, Wizard,
};
pub use steps::checks_of;
