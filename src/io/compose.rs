//! Reads an Elexis-OOB install directory's compose files and finds the
//! compose program. The edits themselves are computed in the core and
//! written by the journal; this module only reads.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use crate::core::Text;
use crate::core::library::compose_override::{self, Drift, Edit, OverrideError, ProxyDirs};
use crate::core::library::limits::MAX_FILE_BYTES;
use crate::core::library::traefik_legacy;
use crate::io::atomic::{Refused, read_small, refused_of};

/// The names compose looks for, in the order compose v1 does.
const BASE_NAMES: [&str; 4] = [
    "docker-compose.yml",
    "docker-compose.yaml",
    "compose.yaml",
    "compose.yml",
];
const OVERRIDE_NAMES: [&str; 2] = [
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
];

#[derive(Debug, thiserror::Error)]
pub enum ComposeIoError {
    #[error("no compose file in {0}")]
    NoComposeFile(PathBuf),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {why}")]
    Refused { path: PathBuf, why: Refused },
    #[error(transparent)]
    Override(#[from] OverrideError),
}

impl ComposeIoError {
    pub fn text(&self) -> Text {
        match self {
            ComposeIoError::NoComposeFile(d) => {
                Text::new("proxy-compose-missing").arg("dir", d.display().to_string())
            }
            ComposeIoError::Read { path, source } => Text::new("proxy-file-unreadable")
                .arg("file", path.display().to_string())
                .arg("error", source.to_string()),
            ComposeIoError::Refused { path, why } => why.text(&path.display().to_string()),
            ComposeIoError::Override(e) => e.text(),
        }
    }
}

/// The same bound as detection (`core::library::limits`), so the proxy plan never
/// accepts a file detection refused.
fn read(path: &Path) -> Result<String, ComposeIoError> {
    read_small(path, MAX_FILE_BYTES).map_err(|source| match refused_of(&source) {
        Some(why) => ComposeIoError::Refused {
            path: path.to_path_buf(),
            why: why.clone(),
        },
        None => ComposeIoError::Read {
            path: path.to_path_buf(),
            source,
        },
    })
}

/// The base compose file of an install directory, and its text.
pub fn read_base(dir: &Path) -> Result<(PathBuf, String), ComposeIoError> {
    let path = BASE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .ok_or_else(|| ComposeIoError::NoComposeFile(dir.to_path_buf()))?;
    let text = read(&path)?;
    Ok((path, text))
}

/// Where the override is (or will be), and its text if it exists.
pub fn read_override(dir: &Path) -> Result<(PathBuf, Option<String>), ComposeIoError> {
    match OVERRIDE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
    {
        Some(p) => {
            let text = read(&p)?;
            Ok((p, Some(text)))
        }
        None => Ok((dir.join(OVERRIDE_NAMES[0]), None)),
    }
}

/// The override for the current generation, as a proposed edit of the file
/// at the returned path.
pub fn plan_current(
    dir: &Path,
    host: &str,
    dirs: &ProxyDirs,
) -> Result<(PathBuf, Edit), ComposeIoError> {
    let (_, base) = read_base(dir)?;
    let (path, existing) = read_override(dir)?;
    let edit = compose_override::current_override(&base, host, dirs, existing.as_deref())?;
    Ok((path, edit))
}

/// The override for the legacy generation (entry points per frontend, the
/// certificate directory mounted into the proxy).
pub fn plan_legacy(dir: &Path, cert_dir: &str) -> Result<(PathBuf, Edit), ComposeIoError> {
    let (_, base) = read_base(dir)?;
    let (path, existing) = read_override(dir)?;
    let edit = traefik_legacy::legacy_override(&base, cert_dir, existing.as_deref())?;
    Ok((path, edit))
}

/// Whether the base file's proxy command changed since the override was built.
pub fn drift(dir: &Path) -> Result<Drift, ComposeIoError> {
    let (_, base) = read_base(dir)?;
    match read_override(dir)? {
        (_, Some(ov)) => Ok(compose_override::command_drift(&base, &ov)?),
        (_, None) => Ok(Drift::NoOverride),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `docker-compose` 1.x (Python): crashes with `KeyError:
    /// 'ContainerConfig'` when `up` recreates a container on Engine >= 25.
    V1,
    /// `docker compose` (the Go plugin).
    V2,
}

/// A way to run compose: the program, the arguments before compose's own,
/// and the PATH it runs with (so tests can put a stand-in first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compose {
    pub flavor: Flavor,
    pub program: PathBuf,
    prefix: Vec<String>,
    path_env: Option<OsString>,
}

fn find_on_path(path_env: &OsStr, name: &str) -> Option<PathBuf> {
    std::env::split_paths(path_env)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

impl Compose {
    pub fn v1(program: PathBuf) -> Compose {
        Compose {
            flavor: Flavor::V1,
            program,
            prefix: Vec::new(),
            path_env: None,
        }
    }

    pub fn v2(docker: PathBuf) -> Compose {
        Compose {
            flavor: Flavor::V2,
            program: docker,
            prefix: vec!["compose".into()],
            path_env: None,
        }
    }

    /// Prefers compose v2 when `docker compose version` answers, because v1
    /// needs the `rm -fs` workaround; falls back to `docker-compose`.
    /// `path_env` replaces the process's PATH (for tests); `None` uses it.
    pub async fn detect(path_env: Option<&OsStr>) -> Option<Compose> {
        let path = path_env
            .map(OsStr::to_os_string)
            .or_else(|| std::env::var_os("PATH"))
            .unwrap_or_default();
        let mut found = None;
        if let Some(docker) = find_on_path(&path, "docker") {
            let mut cmd = Command::new(&docker);
            cmd.args(["compose", "version"]).env("PATH", &path);
            cmd.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true);
            let ok = matches!(
                tokio::time::timeout(Duration::from_secs(10), cmd.status()).await,
                Ok(Ok(s)) if s.success()
            );
            if ok {
                found = Some(Compose::v2(docker));
            }
        }
        if found.is_none() {
            found = find_on_path(&path, "docker-compose").map(Compose::v1);
        }
        found.map(|c| Compose {
            path_env: Some(path),
            ..c
        })
    }

    /// A compose command in `dir`. `project` should be the name the running
    /// containers carry (label `com.docker.compose.project`): v1 and v2
    /// derive different default names from a directory like `elexis-oob`,
    /// and a different name means new, empty named volumes.
    pub fn command(&self, dir: &Path, project: Option<&str>, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.current_dir(dir).args(&self.prefix);
        if let Some(p) = project {
            cmd.args(["-p", p]);
        }
        cmd.args(args);
        if let Some(p) = &self.path_env {
            cmd.env("PATH", p);
        }
        cmd
    }

    /// How the command is shown on screen and in the log.
    pub fn display(&self, project: Option<&str>, args: &[&str]) -> String {
        let mut parts = vec![
            self.program
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ];
        parts.extend(self.prefix.iter().cloned());
        if let Some(p) = project {
            parts.extend(["-p".to_string(), p.to_string()]);
        }
        parts.extend(args.iter().map(|a| a.to_string()));
        parts.join(" ")
    }
}
