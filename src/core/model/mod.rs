//! The wizard's model: the saved state of every step, the session of this
//! run, and the messages that flow in and out. Data and its invariants
//! only; what the steps do with it lives in `steps`.

pub mod action;
pub mod autorenew;
pub mod certificate;
pub mod check;
pub mod effect;
pub mod gate;
pub mod golive;
pub mod input;
pub mod messages;
pub mod network;
pub mod step;
pub mod systems;
pub mod unattended;
pub mod wizard;
