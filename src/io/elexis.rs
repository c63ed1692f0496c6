//! Finding Elexis-OOB on this machine and reading what kind it is. Only
//! reads; the rules that decide live in `core::library::start`.

mod compose;
mod env;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::core::library::start::{
    self, DetectError, DetectWarning, Installation, Layout, TomlState,
};

/// In the order `docker compose` (v2) looks for them.
const COMPOSE_NAMES: &[&str] = &[
    "compose.yaml",
    "compose.yml",
    "docker-compose.yaml",
    "docker-compose.yml",
];
const OVERRIDE_NAMES: &[&str] = &[
    "compose.override.yaml",
    "compose.override.yml",
    "docker-compose.override.yaml",
    "docker-compose.override.yml",
];
/// A compose or env file larger than this is not one a person wrote.
const MAX_FILE: u64 = crate::core::library::limits::MAX_FILE_BYTES;
/// Keeps a scan of a crowded `/home` or `/srv` quick.
const MAX_ENTRIES: usize = 4096;

/// Where installs usually are: `git clone` of the project in one of the
/// usual places, or the directory the program was started in. One level
/// deep only, so the scan stays instant on any server.
pub fn scan_candidates() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = ["/opt", "/srv", "/root", "/usr/local"]
        .iter()
        .map(PathBuf::from)
        .collect();
    if let Ok(homes) = fs::read_dir("/home") {
        roots.extend(
            homes
                .take(MAX_ENTRIES)
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir()),
        );
    }
    if let Ok(cwd) = std::env::current_dir() {
        roots.push(cwd);
    }
    scan_candidates_in(&roots)
}

/// Each root itself if it is an Elexis-OOB install, and its subdirectories
/// named `elexis*` that hold a compose file or `traefik.toml`.
pub fn scan_candidates_in(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    let mut push = |p: PathBuf| {
        let key = fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if !found
            .iter()
            .any(|f| fs::canonicalize(f).unwrap_or_else(|_| f.clone()) == key)
        {
            found.push(p);
        }
    };
    for root in roots {
        if root_is_elexis(root) {
            push(root.clone());
        }
        let Ok(entries) = fs::read_dir(root) else {
            continue;
        };
        let mut children: Vec<PathBuf> = entries
            .take(MAX_ENTRIES)
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.to_ascii_lowercase().starts_with("elexis"))
            })
            .map(|e| e.path())
            .filter(|p| p.is_dir() && has_install_file(p))
            .collect();
        children.sort();
        children.into_iter().for_each(&mut push);
    }
    found
}

fn has_install_file(dir: &Path) -> bool {
    dir.join("traefik.toml").exists() || COMPOSE_NAMES.iter().any(|n| dir.join(n).is_file())
}

/// Any directory can hold a compose file; a root counts only when its
/// compose file is recognisably Elexis-OOB's (or it has `traefik.toml`).
fn root_is_elexis(dir: &Path) -> bool {
    dir.join("traefik.toml").is_file()
        || COMPOSE_NAMES.iter().any(|n| {
            read_small(&dir.join(n))
                .is_ok_and(|t| t.contains("elx_proxy") || t.contains("webelexis"))
        })
}

pub fn detect(dir: &Path) -> Result<Installation, DetectError> {
    let dir = install_dir(dir)?;
    let mut warnings = Vec::new();

    let composes: Vec<PathBuf> = COMPOSE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    let Some(compose_file) = composes.first().cloned() else {
        return Err(DetectError::NoComposeFile { dir });
    };
    if composes.len() > 1 {
        warnings.push(DetectWarning::SeveralComposeFiles {
            used: file_name(&compose_file),
            ignored: composes[1..]
                .iter()
                .map(|p| file_name(p))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let text = read_small(&compose_file).map_err(|e| io_error(&compose_file, &e))?;
    crate::core::library::limits::check_yaml(&text).map_err(|limit| DetectError::Refused {
        path: compose_file.clone(),
        why: limit.into(),
    })?;
    let facts = compose::read(&text).map_err(|e| DetectError::ComposeInvalid {
        file: compose_file.clone(),
        line: e.line,
        detail: e.detail,
    })?;
    let Some(proxy) = facts.proxy else {
        return Err(DetectError::NoProxy { file: compose_file });
    };

    let env = read_env(&dir, &mut warnings);
    let values = env.clone().unwrap_or_default();
    let proxy_image = proxy.image.as_deref().map(|i| env::interpolate(i, &values));
    let (generation, found) = start::classify(&Layout {
        compose_file: compose_file.clone(),
        proxy_image: proxy_image.clone(),
        toml: toml_state(&dir.join("traefik.toml")),
        labels: facts.labels,
    })?;
    warnings.extend(found);

    let local_name = env::get(&values, "LOCAL_NAME").map(str::to_string);
    let external_name = env::get(&values, "EXTERNAL_NAME").map(str::to_string);
    if env.is_some() {
        warnings.extend(start::name_warnings(
            local_name.as_deref(),
            external_name.as_deref(),
        ));
    }
    let override_file = OVERRIDE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file());
    if let Some(o) = &override_file {
        warnings.push(DetectWarning::OverrideExists { file: file_name(o) });
    }

    Ok(Installation {
        dir,
        generation,
        compose_file: Some(compose_file),
        proxy_image,
        local_name,
        external_name,
        proxy_service: Some(proxy.service),
        proxy_command: proxy.command,
        override_file,
        warnings,
    })
}

/// The directory to look at. People also type `~/elexis-oob` or the path
/// of the compose file itself; both mean the obvious directory.
fn install_dir(input: &Path) -> Result<PathBuf, DetectError> {
    let mut path = input.to_path_buf();
    if let (Ok(rest), Some(home)) = (input.strip_prefix("~"), std::env::var_os("HOME")) {
        path = PathBuf::from(home).join(rest);
    }
    let meta = fs::metadata(&path).map_err(|e| io_error(&path, &e))?;
    if meta.is_dir() {
        return Ok(path);
    }
    let name = file_name(&path);
    if name != "traefik.toml" && !COMPOSE_NAMES.contains(&name.as_str()) {
        return Err(DetectError::NotADirectory { path });
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => Ok(parent.to_path_buf()),
        _ => Ok(PathBuf::from(".")),
    }
}

/// `None` when there is no `.env` (or it cannot be read): the names are
/// then unknown, which is a warning, not a failure.
fn read_env(dir: &Path, warnings: &mut Vec<DetectWarning>) -> Option<env::Env> {
    let path = dir.join(".env");
    match read_small(&path) {
        Ok(text) => Some(env::parse(&text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            warnings.push(DetectWarning::EnvMissing);
            None
        }
        Err(e) => {
            warnings.push(DetectWarning::EnvUnreadable {
                detail: e.to_string(),
            });
            None
        }
    }
}

fn toml_state(path: &Path) -> TomlState {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => TomlState::File,
        Ok(_) => TomlState::NotAFile,
        Err(_) => TomlState::Absent,
    }
}

/// Reads a file a person wrote; anything huge is refused rather than
/// loaded.
fn read_small(path: &Path) -> io::Result<String> {
    super::atomic::read_small(path, MAX_FILE)
}

fn io_error(path: &Path, e: &io::Error) -> DetectError {
    let path = path.to_path_buf();
    if let Some(why) = super::atomic::refused_of(e) {
        return DetectError::Refused {
            path,
            why: why.clone(),
        };
    }
    match e.kind() {
        io::ErrorKind::NotFound => DetectError::NotFound { path },
        io::ErrorKind::PermissionDenied => DetectError::PermissionDenied { path },
        io::ErrorKind::NotADirectory => DetectError::NotADirectory { path },
        _ => DetectError::Unreadable {
            path,
            detail: e.to_string(),
        },
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
