//! praxis-tls: publishes an Elexis-OOB appointment service with a trusted
//! certificate. `core` decides, `io` does, `ui` shows.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod core;
pub mod i18n;
pub mod io;
pub mod ui;
