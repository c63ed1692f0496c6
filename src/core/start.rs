//! What the wizard knows about the Elexis-OOB installation it works on.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::check::Text;

/// Elexis-OOB comes in two generations that need different proxy edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Generation {
    /// 2019 to mid 2020: Traefik v1 with `traefik.toml` at the install root.
    Legacy,
    /// Traefik v2+, configured by Docker labels, no `traefik.toml`.
    Current,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installation {
    pub dir: PathBuf,
    pub generation: Generation,
    pub compose_file: Option<PathBuf>,
    /// The proxy image the compose file names, e.g. `traefik:v2.8`.
    pub proxy_image: Option<String>,
    pub local_name: Option<String>,
    pub external_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DetectError {
    #[error("directory not found")]
    NotFound,
}

impl DetectError {
    pub fn text(&self) -> Text {
        Text::new("start-error-not-found")
    }
}
