//! What the go-live steps (install, proxy, restart, final check) keep:
//! the files placed, the proxy plan, whether a restart is owed.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::core::library::compose_override::{CertNames, Drift, Edit};
use crate::core::library::start::Generation;

/// Where the certificate went in the wizard's own directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledFiles {
    pub crt: PathBuf,
    pub key: PathBuf,
    /// File names as the proxy configuration names them.
    pub cert_name: String,
    pub key_name: String,
    pub fingerprint: String,
}

/// One file the proxy step will change, with its diff for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDiff {
    pub path: PathBuf,
    pub diff: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub diffs: Vec<FileDiff>,
    pub needs_restart: bool,
    /// The base compose file's proxy command changed since our override.
    pub drift: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoLiveState {
    pub installed: Option<InstalledFiles>,
    /// The Elexis-OOB server's admin app, when the wizard runs elsewhere.
    #[serde(default)]
    pub upload_server: crate::core::model::input::TextInput,
    pub plan: Option<PlanView>,
    /// Whether the restart is still owed after the proxy was configured.
    pub restart_owed: bool,
    /// When `undo` took the installed files back; cleared by the next
    /// install. `status` reads it: the certificate is no longer in use.
    #[serde(
        with = "time::serde::rfc3339::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub undone_at: Option<time::OffsetDateTime>,
    /// The end of the last restart's output, kept once it finished so that
    /// after a resume the screen can still show what compose said. Saved
    /// once per restart, not per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restart_output: Vec<String>,
}

/// The site the go-live works on: the one place the host travels in,
/// from the wizard's domain step to the traefik file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The Elexis-OOB directory (with `docker-compose.yml`).
    pub install_dir: PathBuf,
    pub generation: Generation,
    /// `termine.<domain>`, already validated.
    pub host: String,
}

impl InstalledFiles {
    /// Fingerprints come with and without colons, in either case.
    pub fn fingerprint_matches(&self, other: &str) -> bool {
        let norm = |s: &str| s.replace(':', "").to_ascii_lowercase();
        norm(&self.fingerprint) == norm(other)
    }
}

/// Lines of compose's output kept in the saved state: what the screen shows.
pub const RESTART_OUTPUT_KEPT: usize = 20;

/// The proxy edits as planned: what the screen shows (`view`), and
/// exactly what is written after the «Ja», with the hashes of the files it
/// was built from, so that a file changed since makes it stale. It lives
/// in the session (never saved): after a restart the step plans afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyPlan {
    /// In the order they are written; each with its diff for the screen.
    pub edits: Vec<(PathBuf, Edit)>,
    /// Whether the base file's proxy command changed since an earlier
    /// override of ours was built (the new override follows the base).
    pub drift: Drift,
    /// The site the plan is for, and the file names it makes the proxy
    /// read.
    pub site: Site,
    pub names: CertNames,
    /// The dynamic configuration file (current generation): traefik reloads
    /// it by itself, everything else needs a restart.
    pub dynamic: Option<PathBuf>,
    /// Files the edits name, which must exist before they are written.
    pub requires: Vec<PathBuf>,
    /// Every file the plan was built from, with its hash then (`None`:
    /// absent): a change before `apply_proxy` makes the plan stale.
    pub seen: Vec<(PathBuf, Option<String>)>,
}

impl ProxyPlan {
    /// Only the edits that change something.
    pub fn changes(&self) -> impl Iterator<Item = &(PathBuf, Edit)> {
        self.edits.iter().filter(|(_, e)| e.is_change())
    }

    /// Whether traefik needs a restart to apply the plan: not when only the
    /// watched dynamic configuration changes (a renewal of the current
    /// generation); always for `traefik.toml` or the override.
    pub fn needs_restart(&self) -> bool {
        self.changes()
            .any(|(p, _)| self.dynamic.as_ref() != Some(p))
    }

    /// What the screen shows of the plan, and what is saved of it.
    pub fn view(&self) -> PlanView {
        PlanView {
            diffs: self
                .changes()
                .map(|(path, edit)| FileDiff {
                    path: path.clone(),
                    diff: edit.diff.clone(),
                })
                .collect(),
            needs_restart: self.needs_restart(),
            drift: matches!(self.drift, Drift::Changed { .. }),
        }
    }
}
