//! What the restart on step 10 will need, looked at on the start step
//! before anything is written: that compose can load the project (a
//! missing build folder stops it), that every image is on the server, and
//! that the containers run. Found here, a broken Elexis-OOB is a warning
//! with its fix; found on step 10, it is a booking page that stays down
//! after the proxy's files were already changed.

use std::path::Path;

use crate::core::model::check::{Finding, Outcome, Text};

/// What docker said about the project; io gathers it, this module judges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComposeFacts {
    /// Neither `docker compose` nor `docker-compose` on this server.
    NoDocker,
    /// `config` failed: its own words, bounded.
    ConfigFails { output: String },
    /// Docker did not answer in time, or not at all.
    NoAnswer { why: String },
    Loaded {
        services: Vec<String>,
        /// Images named in the project that are not on this server.
        missing_images: Vec<String>,
        /// Services without a running container.
        stopped: Vec<String>,
    },
}

/// The folder compose could not find, from v1's and v2's own words.
fn missing_build_folder(output: &str) -> Option<String> {
    // v1: `build path /x either does not exist, is not accessible, …`
    if let Some(rest) = output.split("build path ").nth(1)
        && let Some((path, _)) = rest.split_once(" either does not exist")
    {
        return Some(path.trim().to_string());
    }
    // v2: `unable to prepare context: path "/x" not found`
    let rest = output.split("unable to prepare context: path \"").nth(1)?;
    rest.split_once('"').map(|(p, _)| p.to_string())
}

/// The start step's verdict. Never a hard stop: a practice may start
/// Elexis-OOB later in the day, but it must know now what step 10 needs.
pub fn judge(facts: &ComposeFacts, dir: &Path) -> Outcome {
    let dir = dir.display().to_string();
    let warn = |summary: Text, fix: Text, detail: Option<&str>| {
        let mut f = Finding::new(summary).fix(fix);
        if let Some(d) = detail {
            f = f.detail(d);
        }
        Outcome::Warning(f)
    };
    match facts {
        ComposeFacts::NoDocker => warn(
            Text::new("compose-ready-no-docker"),
            Text::new("compose-ready-no-docker-fix"),
            None,
        ),
        ComposeFacts::NoAnswer { why } => warn(
            Text::new("compose-ready-no-answer"),
            Text::new("compose-ready-no-answer-fix"),
            Some(why),
        ),
        ComposeFacts::ConfigFails { output } => match missing_build_folder(output) {
            Some(folder) => warn(
                Text::new("compose-ready-build-missing").arg("folder", folder),
                Text::new("compose-ready-build-missing-fix").arg("dir", &dir),
                Some(output),
            ),
            None => warn(
                Text::new("compose-ready-config-fails").arg("dir", &dir),
                Text::new("compose-ready-config-fails-fix"),
                Some(output),
            ),
        },
        ComposeFacts::Loaded {
            services,
            missing_images,
            stopped,
        } => {
            if !missing_images.is_empty() {
                return warn(
                    Text::new("compose-ready-images-missing")
                        .arg("images", missing_images.join(", "))
                        .num("count", missing_images.len()),
                    Text::new("compose-ready-images-missing-fix").arg("dir", &dir),
                    None,
                );
            }
            if !stopped.is_empty() {
                let all = stopped.len() == services.len();
                return warn(
                    Text::new(if all {
                        "compose-ready-all-stopped"
                    } else {
                        "compose-ready-some-stopped"
                    })
                    .arg("services", stopped.join(", ")),
                    Text::new("compose-ready-stopped-fix").arg("dir", &dir),
                    None,
                );
            }
            Outcome::Passed(Finding::new(
                Text::new("compose-ready-ok").num("count", services.len()),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(o: &Outcome) -> (&str, bool) {
        match o {
            Outcome::Passed(f) => (f.summary.id.as_str(), true),
            Outcome::Warning(f) | Outcome::Failed(f) => (f.summary.id.as_str(), false),
        }
    }

    #[test]
    fn a_missing_build_folder_is_named_from_either_compose() {
        let v1 = "build path /srv/elexis-oob/webelexis either does not exist, is not \
                  accessible, or is not a valid URL.";
        let v2 = "unable to prepare context: path \"/srv/elexis-oob/webelexis\" not found";
        for output in [v1, v2] {
            let o = judge(
                &ComposeFacts::ConfigFails {
                    output: output.into(),
                },
                Path::new("/srv/elexis-oob"),
            );
            let Outcome::Warning(f) = &o else {
                panic!("{o:?}")
            };
            assert_eq!(f.summary.id, "compose-ready-build-missing");
            assert!(
                f.summary
                    .args
                    .contains(&("folder".into(), "/srv/elexis-oob/webelexis".into()))
            );
        }
    }

    #[test]
    fn images_before_containers_and_all_stopped_said_as_such() {
        let dir = Path::new("/srv/x");
        let facts = |missing: &[&str], stopped: &[&str]| ComposeFacts::Loaded {
            services: vec!["db".into(), "proxy".into()],
            missing_images: missing.iter().map(|s| s.to_string()).collect(),
            stopped: stopped.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(
            summary(&judge(&facts(&["mariadb:10"], &["db"]), dir)),
            ("compose-ready-images-missing", false)
        );
        assert_eq!(
            summary(&judge(&facts(&[], &["db", "proxy"]), dir)),
            ("compose-ready-all-stopped", false)
        );
        assert_eq!(
            summary(&judge(&facts(&[], &["db"]), dir)),
            ("compose-ready-some-stopped", false)
        );
        assert_eq!(
            summary(&judge(&facts(&[], &[]), dir)),
            ("compose-ready-ok", true)
        );
    }
}
