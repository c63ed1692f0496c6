//! Why a go-live step failed, and how to say it to the person.

use std::path::PathBuf;

use crate::core::library::compose_override::OverrideError;
use crate::core::library::traefik_legacy::LegacyTomlError;
use crate::core::{Finding, Text};
use crate::io::cert_import::ImportError;
use crate::io::compose::ComposeIoError;
use crate::io::journal::JournalError;
use crate::io::restart::RestartError;

/// The traefik that runs (or that a restart would start) cannot read the
/// configuration of the installed generation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TraefikMismatch {
    /// A legacy install whose unpinned `traefik` image was re-pulled: the
    /// container already runs v2 or later, which ignores `traefik.toml`.
    #[error("the legacy install runs {image} version {version}, which cannot read traefik.toml")]
    LegacyRunsNewer { image: String, version: String },
    /// The container still runs v1, but the image under its tag is now v2
    /// or later: the next restart would start that one.
    #[error("{image} now is version {version}; a restart would replace Traefik 1 with it")]
    LegacyWouldUpgrade { image: String, version: String },
    /// A current install whose proxy runs Traefik 1: labels and the file
    /// provider of v2 mean nothing to it.
    #[error("the current install runs {image} version {version} (Traefik 1)")]
    CurrentRunsV1 { image: String, version: String },
}

impl TraefikMismatch {
    pub fn text(&self) -> Text {
        let (id, image, version) = match self {
            TraefikMismatch::LegacyRunsNewer { image, version } => {
                ("golive-legacy-runs-newer", image, version)
            }
            TraefikMismatch::LegacyWouldUpgrade { image, version } => {
                ("golive-legacy-would-upgrade", image, version)
            }
            TraefikMismatch::CurrentRunsV1 { image, version } => {
                ("golive-current-runs-v1", image, version)
            }
        };
        Text::new(id)
            .arg("image", image.clone())
            .arg("version", version.clone())
    }

    /// What to do about it: pin the image, or update Elexis-OOB.
    pub fn fix(&self) -> Text {
        match self {
            TraefikMismatch::CurrentRunsV1 { .. } => Text::new("golive-current-runs-v1-fix"),
            _ => Text::new("golive-legacy-newer-fix"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GoLiveError {
    #[error("cannot read {path}: {error}")]
    Read { path: PathBuf, error: String },
    #[error("the certificate does not fit {host}: {error}")]
    Certificate { host: String, error: ImportError },
    #[error(transparent)]
    Compose(#[from] ComposeIoError),
    #[error(transparent)]
    Override(#[from] OverrideError),
    #[error(transparent)]
    Toml(#[from] LegacyTomlError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Restart(#[from] RestartError),
    #[error(transparent)]
    Traefik(#[from] TraefikMismatch),
    /// A file changed between the plan shown and its application.
    #[error("{path} changed since the plan was made")]
    Stale { path: PathBuf },
    /// The dynamic configuration would name a file that is not there.
    #[error("{path} is missing: install the certificate files first")]
    CertMissing { path: PathBuf },
    #[error("`docker {command}` failed: {error}")]
    Docker { command: String, error: String },
    #[error("cannot create {path}: {error}")]
    Dir { path: PathBuf, error: String },
    /// `proxy-certs/` could be changed by someone else (see `safe_dir`).
    #[error(transparent)]
    UnsafeDir(Box<crate::io::safe_dir::SafeDirError>),
    /// A file of the installation that does not parse, named by its path:
    /// the core's parse errors know only the line.
    #[error("{path} does not parse (line {line}): {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl GoLiveError {
    pub fn text(&self) -> Text {
        let p = |p: &PathBuf| p.display().to_string();
        match self {
            GoLiveError::Read { path, error } => Text::new("proxy-file-unreadable")
                .arg("file", p(path))
                .arg("error", error.clone()),
            GoLiveError::Certificate { host, error } => error.finding(host).summary,
            GoLiveError::Compose(e) => e.text(),
            GoLiveError::Override(e) => e.text(),
            GoLiveError::Toml(e) => e.text(),
            GoLiveError::Journal(e) => e.text(),
            GoLiveError::Restart(e) => e.text(),
            GoLiveError::Traefik(e) => e.text(),
            GoLiveError::Stale { path } => Text::new("golive-stale").arg("file", p(path)),
            GoLiveError::CertMissing { path } => {
                Text::new("golive-cert-missing").arg("file", p(path))
            }
            GoLiveError::Docker { command, .. } => {
                Text::new("golive-docker-failed").arg("command", command.clone())
            }
            GoLiveError::Dir { path, error } => Text::new("golive-dir-failed")
                .arg("dir", p(path))
                .arg("error", error.clone()),
            GoLiveError::UnsafeDir(e) => e.text(),
            GoLiveError::Syntax { path, line, .. } => Text::new("proxy-file-broken")
                .arg("file", p(path))
                .num("line", line),
        }
    }

    /// A parse error of the core, given the file it came from; other
    /// errors pass unchanged.
    pub fn in_file(self, path: &std::path::Path) -> GoLiveError {
        let (line, message) = match self {
            GoLiveError::Override(OverrideError::Yaml { line, message })
            | GoLiveError::Toml(LegacyTomlError::Parse { line, message }) => (line, message),
            other => return other,
        };
        GoLiveError::Syntax {
            path: path.to_path_buf(),
            line,
            message,
        }
    }

    /// For a check's verdict: the text, what to do where known, and the
    /// technical detail.
    pub fn finding(&self) -> Finding {
        let f = match self {
            GoLiveError::Certificate { host, error } => return error.finding(host),
            GoLiveError::Traefik(m) => Finding::new(m.text()).fix(m.fix()),
            GoLiveError::Syntax { line, .. } => {
                Finding::new(self.text()).fix(Text::new("proxy-file-broken-fix").num("line", line))
            }
            GoLiveError::Restart(e) => {
                let f = Finding::new(e.text());
                match e.fix() {
                    Some(fix) => f.fix(fix),
                    None => f,
                }
            }
            _ => Finding::new(self.text()),
        };
        f.detail(self.to_string())
    }
}
