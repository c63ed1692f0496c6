//! What the wizard knows about the Elexis-OOB installation it works on, and
//! the rules that turn what io found on disk into a generation and warnings.
//! io only gathers facts ([`Layout`]); deciding stays here, testable without
//! a file system.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::domain;
use crate::core::model::check::Text;

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
    /// The proxy image the compose file names, e.g. `traefik:v2.8`, with
    /// `${VAR}` already filled in from `.env`.
    pub proxy_image: Option<String>,
    pub local_name: Option<String>,
    pub external_name: Option<String>,
    /// The compose service of the proxy (`proxy` in every release so far).
    #[serde(default)]
    pub proxy_service: Option<String>,
    /// The proxy's `command:` as the base file has it: an override replaces
    /// `command` whole, so it must repeat every one of these.
    #[serde(default)]
    pub proxy_command: Vec<String>,
    /// An override file already present; compose merges it automatically.
    #[serde(default)]
    pub override_file: Option<PathBuf>,
    #[serde(default)]
    pub warnings: Vec<DetectWarning>,
}

impl Installation {
    /// An install with nothing known but its place and kind, so that tests
    /// and views need not spell out every field.
    pub fn new(dir: PathBuf, generation: Generation) -> Self {
        Installation {
            dir,
            generation,
            compose_file: None,
            proxy_image: None,
            local_name: None,
            external_name: None,
            proxy_service: None,
            proxy_command: Vec::new(),
            override_file: None,
            warnings: Vec::new(),
        }
    }
}

/// Why a directory is not a usable Elexis-OOB install.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DetectError {
    #[error("{path}: not found")]
    NotFound { path: PathBuf },
    #[error("{path}: not a directory")]
    NotADirectory { path: PathBuf },
    #[error("{path}: permission denied")]
    PermissionDenied { path: PathBuf },
    #[error("{path}: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("{path}: {why}")]
    Refused {
        path: PathBuf,
        why: crate::core::library::limits::Refused,
    },
    #[error("{dir}: no docker-compose.yaml")]
    NoComposeFile { dir: PathBuf },
    #[error("{file}: not valid YAML: {detail}")]
    ComposeInvalid {
        file: PathBuf,
        line: Option<usize>,
        detail: String,
    },
    #[error("{file}: no proxy service (image traefik or container elx_proxy)")]
    NoProxy { file: PathBuf },
    #[error("{file}: the proxy runs {image}, not traefik")]
    UnknownProxy { file: PathBuf, image: String },
    #[error("{file}: neither the Traefik 1 nor the Traefik 2 layout")]
    Unrecognised { file: PathBuf },
}

impl DetectError {
    pub fn text(&self) -> Text {
        let p = |id: &str, key: &str, path: &PathBuf| {
            Text::new(id).arg(key, path.display().to_string())
        };
        match self {
            DetectError::NotFound { path } => p("start-error-not-found", "path", path),
            DetectError::NotADirectory { path } => p("start-error-not-a-directory", "path", path),
            DetectError::PermissionDenied { path } => {
                p("start-error-permission-denied", "path", path)
            }
            DetectError::Unreadable { path, .. } => p("start-error-unreadable", "path", path),
            DetectError::Refused { path, why } => why.text(&path.display().to_string()),
            DetectError::NoComposeFile { dir } => p("start-error-no-compose-file", "dir", dir),
            DetectError::ComposeInvalid {
                file,
                line: Some(line),
                ..
            } => p("start-error-compose-invalid-line", "file", file).num("line", line),
            DetectError::ComposeInvalid { file, .. } => {
                p("start-error-compose-invalid", "file", file)
            }
            DetectError::NoProxy { file } => p("start-error-no-proxy", "file", file),
            DetectError::UnknownProxy { file, image } => {
                p("start-error-unknown-proxy", "file", file).arg("image", image)
            }
            DetectError::Unrecognised { file } => p("start-error-unrecognised", "file", file),
        }
    }

    /// The technical detail for the IT supporter, shown one key away.
    pub fn detail(&self) -> String {
        self.to_string()
    }
}

/// Found, but something the person or a later step must know about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DetectWarning {
    /// Legacy, image `traefik` without a version: the next pull brings v3,
    /// which cannot read `traefik.toml`, and the proxy stops.
    LegacyUnpinnedTraefik {
        image: String,
    },
    /// Legacy configuration, but the compose file names Traefik 2 or newer.
    LegacyProxyTooNew {
        image: String,
    },
    /// Legacy labels, but no `traefik.toml`.
    TomlMissing,
    /// `traefik.toml` is a directory: Docker creates one when the file was
    /// missing at the first start.
    TomlNotAFile,
    /// Current, and an old `traefik.toml` lies around unused.
    TomlLeftover,
    /// Current, but the image has no version: a pull may change it.
    UnpinnedTraefik {
        image: String,
    },
    /// Current, with a Traefik newer than the v2 Elexis-OOB ships.
    NewerTraefik {
        image: String,
    },
    EnvMissing,
    EnvUnreadable {
        detail: String,
    },
    LocalNameMissing,
    ExternalNameMissing,
    /// EXTERNAL_NAME is not a public name (the shipped default is `localhost`).
    ExternalNameNotPublic {
        value: String,
    },
    SeveralComposeFiles {
        used: String,
        ignored: String,
    },
    OverrideExists {
        file: String,
    },
}

impl DetectWarning {
    pub fn text(&self) -> Text {
        let t = |id: &str| Text::new(format!("start-warning-{id}"));
        match self {
            DetectWarning::LegacyUnpinnedTraefik { image } => {
                t("legacy-unpinned").arg("image", image)
            }
            DetectWarning::LegacyProxyTooNew { image } => t("legacy-too-new").arg("image", image),
            DetectWarning::TomlMissing => t("toml-missing"),
            DetectWarning::TomlNotAFile => t("toml-not-a-file"),
            DetectWarning::TomlLeftover => t("toml-leftover"),
            DetectWarning::UnpinnedTraefik { image } => t("unpinned").arg("image", image),
            DetectWarning::NewerTraefik { image } => t("newer-traefik").arg("image", image),
            DetectWarning::EnvMissing => t("env-missing"),
            DetectWarning::EnvUnreadable { .. } => t("env-unreadable"),
            DetectWarning::LocalNameMissing => t("local-name-missing"),
            DetectWarning::ExternalNameMissing => t("external-name-missing"),
            DetectWarning::ExternalNameNotPublic { value } => {
                t("external-name-not-public").arg("value", value)
            }
            DetectWarning::SeveralComposeFiles { used, ignored } => t("several-compose-files")
                .arg("used", used)
                .arg("ignored", ignored),
            DetectWarning::OverrideExists { file } => t("override-exists").arg("file", file),
        }
    }
}

/// What a proxy image's tag says about the Traefik inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraefikTag {
    NotTraefik,
    /// No tag, or `latest`: whatever the registry has today.
    Unpinned,
    Major(u32),
    /// A digest, a codename or a variable: pinned, version unknown.
    Unknown,
}

pub fn traefik_tag(image: &str) -> TraefikTag {
    let (name, digest) = match image.split_once('@') {
        Some((n, _)) => (n, true),
        None => (image, false),
    };
    // A registry port (`host:5000/traefik`) also has a colon: only one
    // after the last slash is a tag.
    let last = name.rsplit('/').next().unwrap_or(name);
    let (repo, tag) = match last.split_once(':') {
        Some((r, t)) => (r, Some(t)),
        None => (last, None),
    };
    if !repo.eq_ignore_ascii_case("traefik") {
        return TraefikTag::NotTraefik;
    }
    match tag {
        None | Some("latest") if !digest => TraefikTag::Unpinned,
        None | Some("latest") => TraefikTag::Unknown,
        Some(t) => {
            let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            digits
                .parse()
                .map(TraefikTag::Major)
                .unwrap_or(TraefikTag::Unknown)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TomlState {
    #[default]
    Absent,
    File,
    NotAFile,
}

/// Which Traefik label syntax the compose services use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LabelStyle {
    /// `traefik.frontend.rule`, `traefik.<segment>.port`, ...
    pub v1: bool,
    /// `traefik.http.routers....`
    pub v2: bool,
}

/// The facts io gathered from an install directory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    pub compose_file: PathBuf,
    pub proxy_image: Option<String>,
    pub toml: TomlState,
    pub labels: LabelStyle,
}

/// Generation and warnings for a layout; the rules are those of the
/// releases: legacy shipped `traefik.toml`, v1 labels and an unpinned
/// image, current ships v2 labels and `traefik:v2.x`. Labels decide first
/// (they are what the running proxy reads), then the file, then the tag.
pub fn classify(layout: &Layout) -> Result<(Generation, Vec<DetectWarning>), DetectError> {
    let image = layout.proxy_image.clone().unwrap_or_default();
    let tag = layout
        .proxy_image
        .as_deref()
        .map_or(TraefikTag::Unknown, traefik_tag);
    if tag == TraefikTag::NotTraefik {
        return Err(DetectError::UnknownProxy {
            file: layout.compose_file.clone(),
            image,
        });
    }
    let toml_present = layout.toml != TomlState::Absent;
    let generation = match (layout.labels.v1, layout.labels.v2) {
        (true, false) => Generation::Legacy,
        (false, true) => Generation::Current,
        _ if toml_present || tag == TraefikTag::Major(1) => Generation::Legacy,
        _ if matches!(tag, TraefikTag::Major(n) if n >= 2) => Generation::Current,
        _ => {
            return Err(DetectError::Unrecognised {
                file: layout.compose_file.clone(),
            });
        }
    };
    let mut warnings = Vec::new();
    match generation {
        Generation::Legacy => {
            match tag {
                TraefikTag::Unpinned => {
                    warnings.push(DetectWarning::LegacyUnpinnedTraefik { image })
                }
                TraefikTag::Major(n) if n >= 2 => {
                    warnings.push(DetectWarning::LegacyProxyTooNew { image })
                }
                _ => {}
            }
            match layout.toml {
                TomlState::Absent => warnings.push(DetectWarning::TomlMissing),
                TomlState::NotAFile => warnings.push(DetectWarning::TomlNotAFile),
                TomlState::File => {}
            }
        }
        Generation::Current => {
            if toml_present {
                warnings.push(DetectWarning::TomlLeftover);
            }
            match tag {
                TraefikTag::Unpinned => warnings.push(DetectWarning::UnpinnedTraefik { image }),
                TraefikTag::Major(n) if n >= 3 => {
                    warnings.push(DetectWarning::NewerTraefik { image })
                }
                _ => {}
            }
        }
    }
    Ok((generation, warnings))
}

/// Warnings about `LOCAL_NAME` / `EXTERNAL_NAME` once `.env` was read.
pub fn name_warnings(local: Option<&str>, external: Option<&str>) -> Vec<DetectWarning> {
    let mut warnings = Vec::new();
    if local.is_none() {
        warnings.push(DetectWarning::LocalNameMissing);
    }
    match external {
        None => warnings.push(DetectWarning::ExternalNameMissing),
        Some(v) if domain::parse(v).is_err() => {
            warnings.push(DetectWarning::ExternalNameNotPublic {
                value: v.to_string(),
            })
        }
        Some(_) => {}
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_tags() {
        use TraefikTag::*;
        for (image, want) in [
            ("traefik", Unpinned),
            ("traefik:latest", Unpinned),
            ("docker.io/library/traefik", Unpinned),
            ("traefik:v2.8", Major(2)),
            ("traefik:1.7-alpine", Major(1)),
            ("registry.local:5000/traefik:v3.1", Major(3)),
            ("traefik@sha256:abc", Unknown),
            ("traefik:maroilles", Unknown),
            ("jwilder/nginx-proxy", NotTraefik),
            ("registry.local:5000/nginx", NotTraefik),
        ] {
            assert_eq!(traefik_tag(image), want, "{image}");
        }
    }

    fn layout(image: &str, toml: TomlState, v1: bool, v2: bool) -> Layout {
        Layout {
            compose_file: "docker-compose.yaml".into(),
            proxy_image: Some(image.into()),
            toml,
            labels: LabelStyle { v1, v2 },
        }
    }

    #[test]
    fn releases_as_shipped() {
        let legacy = classify(&layout("traefik", TomlState::File, true, false));
        assert_eq!(
            legacy,
            Ok((
                Generation::Legacy,
                vec![DetectWarning::LegacyUnpinnedTraefik {
                    image: "traefik".into()
                }]
            ))
        );
        let pinned = classify(&layout("traefik:1.7", TomlState::File, true, false));
        assert_eq!(pinned, Ok((Generation::Legacy, vec![])));
        let current = classify(&layout("traefik:v2.8", TomlState::Absent, false, true));
        assert_eq!(current, Ok((Generation::Current, vec![])));
    }

    #[test]
    fn half_updated_installs() {
        let (g, w) = classify(&layout("traefik:v2.2", TomlState::File, false, true)).unwrap();
        assert_eq!(
            (g, w),
            (Generation::Current, vec![DetectWarning::TomlLeftover])
        );
        let (g, w) = classify(&layout("traefik:v3.0", TomlState::NotAFile, true, false)).unwrap();
        assert_eq!(g, Generation::Legacy);
        assert_eq!(w.len(), 2);
        let (g, _) = classify(&layout("traefik:1.7", TomlState::Absent, false, false)).unwrap();
        assert_eq!(g, Generation::Legacy);
        assert!(matches!(
            classify(&layout("traefik", TomlState::Absent, false, false)),
            Err(DetectError::Unrecognised { .. })
        ));
        assert!(matches!(
            classify(&layout(
                "jwilder/nginx-proxy",
                TomlState::Absent,
                false,
                false
            )),
            Err(DetectError::UnknownProxy { .. })
        ));
    }

    #[test]
    fn old_resume_files_without_the_new_fields_still_load() {
        let json = r#"{"dir":"/opt/elexis-oob","generation":"legacy","compose_file":null,
            "proxy_image":"traefik","local_name":"nuno","external_name":null}"#;
        let inst: Installation = serde_json::from_str(json).unwrap();
        let mut want = Installation::new("/opt/elexis-oob".into(), Generation::Legacy);
        want.proxy_image = Some("traefik".into());
        want.local_name = Some("nuno".into());
        assert_eq!(inst, want);
    }

    #[test]
    fn names_from_env() {
        assert_eq!(name_warnings(Some("nuno"), Some("meine-praxis.ch")), vec![]);
        assert_eq!(
            name_warnings(None, Some("localhost")),
            vec![
                DetectWarning::LocalNameMissing,
                DetectWarning::ExternalNameNotPublic {
                    value: "localhost".into()
                }
            ]
        );
        assert_eq!(
            name_warnings(Some("nuno"), None),
            vec![DetectWarning::ExternalNameMissing]
        );
    }

    #[test]
    fn ids_are_prefixed_and_errors_round_trip_through_serde() {
        let e = DetectError::ComposeInvalid {
            file: "/x/docker-compose.yaml".into(),
            line: Some(7),
            detail: "bad".into(),
        };
        assert_eq!(e.text().id, "start-error-compose-invalid-line");
        let back: DetectError = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        assert!(
            DetectWarning::TomlMissing
                .text()
                .id
                .starts_with("start-warning-")
        );
    }
}
