//! Which traefik actually runs: `docker inspect elx_proxy` (image, version,
//! compose project), and what the image under the same tag would start
//! after a restart. Parsing is separate from running docker, so the rules
//! are tested on recorded answers.

use std::ffi::OsString;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::process::Command;

use super::error::{GoLiveError, TraefikMismatch};
use crate::core::library::start::Generation;
use crate::io::compose::Flavor;

pub const PROXY_CONTAINER: &str = "elx_proxy";
const PROJECT_LABEL: &str = "com.docker.compose.project";
/// Labels that carry the traefik version: the official images' OCI label,
/// and the one `scripts/lab-images` sets on its PyPI build.
const VERSION_LABELS: [&str; 2] = [
    "org.opencontainers.image.version",
    "praxis-tls.traefik-version",
];

/// What `docker inspect` says about the proxy container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyFacts {
    /// The image as compose named it (`traefik`, `traefik:v2.8`).
    pub image: String,
    /// The version of the image the container runs, when known.
    pub version: Option<String>,
    pub running: bool,
    /// `com.docker.compose.project` of the container.
    pub project: Option<String>,
    /// The version of the image now under the same tag (what `up` would
    /// start), when it can be told and differs from the running one.
    pub tag_version: Option<String>,
}

/// The major version of a traefik version or tag (`v2.8.8`, `3.7.15`,
/// `2.8`, `v1.7-alpine`); `None` for `latest` or a code name.
pub fn major(version: &str) -> Option<u32> {
    let v = version.trim().trim_start_matches(['v', 'V']);
    let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn tag_of(image: &str) -> Option<&str> {
    let last = image.rsplit('/').next().unwrap_or(image);
    let last = last.split('@').next().unwrap_or(last);
    last.split_once(':').map(|(_, t)| t)
}

fn label<'a>(obj: &'a Value, key: &str) -> Option<&'a str> {
    obj.pointer("/Config/Labels")?.get(key)?.as_str()
}

fn version_of(obj: &Value, image: &str) -> Option<String> {
    VERSION_LABELS
        .iter()
        .find_map(|k| label(obj, k))
        .map(str::to_string)
        .or_else(|| {
            tag_of(image)
                .filter(|t| major(t).is_some())
                .map(str::to_string)
        })
}

fn first(json: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(json).ok()?;
    match v {
        Value::Array(mut a) if !a.is_empty() => Some(a.swap_remove(0)),
        Value::Object(_) => Some(v),
        _ => None,
    }
}

/// Reads the answer of `docker inspect --type container elx_proxy`.
pub fn parse_container(json: &str) -> Option<ProxyFacts> {
    let c = first(json)?;
    let image = c.pointer("/Config/Image")?.as_str()?.to_string();
    Some(ProxyFacts {
        version: version_of(&c, &image),
        running: c.pointer("/State/Running").and_then(Value::as_bool) == Some(true),
        project: label(&c, PROJECT_LABEL).map(str::to_string),
        tag_version: None,
        image,
    })
}

/// Reads the answer of `docker image inspect <image>`: its version.
pub fn parse_image(json: &str, image: &str) -> Option<String> {
    version_of(&first(json)?, image)
}

/// Whether the proxy can read what the wizard writes for `generation`.
pub fn check_generation(generation: Generation, facts: &ProxyFacts) -> Result<(), TraefikMismatch> {
    let running = facts.version.as_deref().and_then(major);
    let image = facts.image.clone();
    match generation {
        Generation::Legacy => {
            if let (Some(m), Some(v)) = (running, &facts.version)
                && m >= 2
            {
                return Err(TraefikMismatch::LegacyRunsNewer {
                    image,
                    version: v.clone(),
                });
            }
            if let Some(v) = &facts.tag_version
                && major(v).is_some_and(|m| m >= 2)
            {
                return Err(TraefikMismatch::LegacyWouldUpgrade {
                    image,
                    version: v.clone(),
                });
            }
            Ok(())
        }
        Generation::Current => match (running, &facts.version) {
            (Some(1), Some(v)) => Err(TraefikMismatch::CurrentRunsV1 {
                image,
                version: v.clone(),
            }),
            _ => Ok(()),
        },
    }
}

/// How to reach the docker command line (a stand-in on PATH in tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docker {
    pub program: OsString,
    pub timeout: Duration,
}

impl Default for Docker {
    fn default() -> Docker {
        Docker {
            program: "docker".into(),
            timeout: Duration::from_secs(15),
        }
    }
}

impl Docker {
    /// `Ok(None)` when docker answers but knows no such object.
    async fn json(&self, args: &[&str]) -> Result<Option<String>, GoLiveError> {
        let shown = args.join(" ");
        let fail = |error: String| GoLiveError::Docker {
            command: shown.clone(),
            error,
        };
        let mut cmd = Command::new(&self.program);
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let out = match tokio::time::timeout(self.timeout, cmd.output()).await {
            Ok(Ok(o)) => o,
            Ok(Err(e)) => return Err(fail(e.to_string())),
            Err(_) => return Err(fail(format!("no answer within {:?}", self.timeout))),
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            return Ok(Some(String::from_utf8_lossy(&out.stdout).into_owned()));
        }
        if stderr.to_ascii_lowercase().contains("no such") {
            return Ok(None);
        }
        Err(fail(stderr.trim().to_string()))
    }

    /// The proxy container's facts; `None` when there is no `elx_proxy`.
    pub async fn inspect_proxy(&self) -> Result<Option<ProxyFacts>, GoLiveError> {
        let args = ["inspect", "--type", "container", PROXY_CONTAINER];
        let Some(json) = self.json(&args).await? else {
            return Ok(None);
        };
        let Some(mut facts) = parse_container(&json) else {
            return Ok(None);
        };
        let args = ["image", "inspect", facts.image.as_str()];
        if let Some(json) = self.json(&args).await? {
            let now = parse_image(&json, &facts.image);
            if now != facts.version {
                facts.tag_version = now;
            }
        }
        Ok(Some(facts))
    }
}

/// The project name compose derives from a directory when none is given
/// (and `.env` sets no `COMPOSE_PROJECT_NAME`). v1 drops every character
/// but `[a-z0-9_-]`; v2 does the same and also drops leading `_`/`-`.
/// Old v1 releases (before 1.21) also dropped `_` and `-`: that is why the
/// label of the running container is preferred.
pub fn derived_project(dir: &Path, flavor: Flavor) -> Option<String> {
    if let Some(name) = env_project(dir) {
        return Some(name);
    }
    let base = dir.file_name()?.to_string_lossy().to_lowercase();
    let kept: String = base
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-')
        .collect();
    let name = match flavor {
        Flavor::V1 => kept,
        Flavor::V2 => kept.trim_start_matches(['_', '-']).to_string(),
    };
    (!name.is_empty()).then_some(name)
}

fn env_project(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".env")).ok()?;
    text.lines().find_map(|l| {
        let v = l.trim().strip_prefix("COMPOSE_PROJECT_NAME=")?;
        let v = v.trim().trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majors() {
        assert_eq!(major("v2.8.8"), Some(2));
        assert_eq!(major("3.7.15-from-pypi"), Some(3));
        assert_eq!(major("v1.7-alpine"), Some(1));
        assert_eq!(major("latest"), None);
        assert_eq!(tag_of("reg:5000/traefik:v2.8"), Some("v2.8"));
        assert_eq!(tag_of("traefik"), None);
    }

    #[test]
    fn project_names_per_flavor() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("_Elexis-OOB.2");
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(
            derived_project(&dir, Flavor::V1).as_deref(),
            Some("_elexis-oob2")
        );
        assert_eq!(
            derived_project(&dir, Flavor::V2).as_deref(),
            Some("elexis-oob2")
        );
        std::fs::write(dir.join(".env"), "A=1\nCOMPOSE_PROJECT_NAME=praxis\n").unwrap();
        assert_eq!(derived_project(&dir, Flavor::V2).as_deref(), Some("praxis"));
    }

    #[test]
    fn current_proxy_facts_give_the_project_of_the_running_containers() {
        let json = include_str!("../../../tests/fixtures/golive2/inspect-current-v28.json");
        let facts = parse_container(json).unwrap();
        assert!(facts.running);
        assert_eq!(facts.image, "traefik:v2.8");
        assert_eq!(facts.version.as_deref(), Some("v2.8.8"));
        // Started by an old compose v1, which dropped the hyphen: deriving the
        // name from `elexis-oob` would give another project.
        assert_eq!(facts.project.as_deref(), Some("elexisoob"));
        assert!(check_generation(Generation::Current, &facts).is_ok());
        let e = check_generation(Generation::Legacy, &facts).unwrap_err();
        assert!(matches!(e, TraefikMismatch::LegacyRunsNewer { .. }));
        // An unpinned tag without version labels: nothing to judge by.
        let bare = r#"[{"Config":{"Image":"traefik","Labels":{}},"State":{"Running":false}}]"#;
        let f = parse_container(bare).unwrap();
        assert_eq!((f.version, f.running, f.project), (None, false, None));
        assert!(parse_container("[]").is_none());
    }
}
