//! The terminal: the event loop, the key map and the views.

mod autorenew;
mod certificate;
mod dialogs;
mod golive;
pub mod keys;
mod network;
mod spinner;
mod steps;
mod systems;
pub mod theme;
pub mod view;
mod widgets;

pub use theme::Theme;
pub use view::{ViewCtx, draw};

pub mod app;
