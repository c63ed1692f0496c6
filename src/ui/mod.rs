//! The terminal: the event loop, the key map and the views.

mod autorenew;
mod certificate;
mod dialog_content;
mod dialogs;
mod footer;
mod golive;
pub mod help;
pub mod keys;
mod network;
mod spinner;
mod steps;
mod systems;
pub mod theme;
pub mod view;
mod widgets;

pub use theme::Theme;
pub use view::{ViewCtx, draw, draw_measured};

pub mod screen;
