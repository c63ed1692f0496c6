//! The terminal: the screen (drawing and reading keys), the key map and
//! the views. The loop around them is the entry layer's (`cli`).

mod autorenew;
mod certificate;
mod dialog_content;
mod dialogs;
mod footer;
mod golive;
pub mod help;
pub mod keys;
pub mod lean;
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
