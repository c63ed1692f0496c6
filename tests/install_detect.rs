//! Detection of Elexis-OOB installs against directories laid out like the
//! real ones (tests/fixtures) and a few broken variants made on the fly.

use std::fs;
use std::path::{Path, PathBuf};

use praxis_tls::core::library::start::{DetectError, DetectWarning, Generation, Installation};
use praxis_tls::io::elexis::{detect, scan_candidates_in};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn found(dir: &Path) -> Installation {
    detect(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn legacy_release() {
    let dir = fixture("elexis-legacy");
    let inst = found(&dir);
    assert_eq!(inst.generation, Generation::Legacy);
    assert_eq!(inst.dir, dir);
    assert_eq!(inst.compose_file, Some(dir.join("docker-compose.yaml")));
    assert_eq!(inst.proxy_image.as_deref(), Some("traefik"));
    assert_eq!(inst.proxy_service.as_deref(), Some("proxy"));
    assert_eq!(inst.proxy_command, ["--api", "--docker"]);
    assert_eq!(inst.local_name.as_deref(), Some("nuno"));
    assert_eq!(inst.external_name.as_deref(), Some("meine-praxis.ch"));
    assert_eq!(inst.override_file, None);
    assert_eq!(
        inst.warnings,
        [DetectWarning::LegacyUnpinnedTraefik {
            image: "traefik".into()
        }]
    );
}

#[test]
fn current_release() {
    let dir = fixture("elexis-current");
    let inst = found(&dir);
    assert_eq!(inst.generation, Generation::Current);
    assert_eq!(inst.proxy_image.as_deref(), Some("traefik:v2.8"));
    assert_eq!(inst.proxy_command.len(), 5);
    assert!(
        inst.proxy_command
            .contains(&"--providers.docker.exposedbydefault=false".to_string())
    );
    assert_eq!(inst.local_name.as_deref(), Some("nuno"));
    assert_eq!(inst.external_name.as_deref(), Some("zahnärzte-bern.ch"));
    assert_eq!(inst.warnings, []);
}

#[test]
fn the_compose_file_itself_may_be_given() {
    let dir = fixture("elexis-current");
    assert_eq!(found(&dir.join("docker-compose.yaml")).dir, dir);
    let legacy = fixture("elexis-legacy");
    assert_eq!(found(&legacy.join("traefik.toml")).dir, legacy);
}

#[test]
fn half_updated_install_is_current_with_warnings() {
    let inst = found(&fixture("elexis-half-updated"));
    assert_eq!(inst.generation, Generation::Current);
    assert_eq!(
        inst.warnings,
        [DetectWarning::EnvMissing, DetectWarning::TomlLeftover]
    );
    assert_eq!((inst.local_name, inst.external_name), (None, None));
}

#[test]
fn broken_fixtures_say_why() {
    type Expect = fn(&DetectError) -> bool;
    let cases: Vec<(&str, Expect)> = vec![
        ("elexis-broken-yaml", |e| {
            matches!(e, DetectError::ComposeInvalid { line: Some(8), .. })
        }),
        (
            "elexis-nginx-2019",
            |e| matches!(e, DetectError::UnknownProxy { image, .. } if image == "jwilder/nginx-proxy"),
        ),
        (
            "elexis-no-proxy",
            |e| matches!(e, DetectError::NoProxy { file } if file.ends_with("docker-compose.yml")),
        ),
        ("elexis-toml-only", |e| {
            matches!(e, DetectError::NoComposeFile { .. })
        }),
        ("does-not-exist", |e| {
            matches!(e, DetectError::NotFound { .. })
        }),
    ];
    for (name, expected) in cases {
        let err = detect(&fixture(name)).expect_err(name);
        assert!(expected(&err), "{name}: {err:?}");
        assert!(err.text().id.starts_with("start-error-"), "{name}");
    }
    let err = detect(&fixture("elexis-legacy/.env")).unwrap_err();
    assert!(matches!(err, DetectError::NotADirectory { .. }), "{err:?}");
}

#[test]
fn scan_finds_elexis_directories_only() {
    let root = fixture("");
    let got = scan_candidates_in(std::slice::from_ref(&root));
    let names: Vec<_> = got
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "elexis-broken-yaml",
            "elexis-current",
            // The go-live lab's compose project is laid out like the real one.
            "elexis-current-lab",
            "elexis-half-updated",
            "elexis-legacy",
            "elexis-nginx-2019",
            "elexis-no-proxy",
            "elexis-toml-only",
        ]
    );
    // A root that is itself an install counts (the current directory),
    // another project's compose directory does not, duplicates collapse.
    let current = fixture("elexis-current");
    let got = scan_candidates_in(&[
        current.clone(),
        fixture("other-project"),
        root.join("./elexis-current"),
        root.join("missing"),
    ]);
    assert_eq!(got, [current]);
}

#[test]
fn hand_edited_env_and_odd_layouts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let base = fs::read_to_string(fixture("elexis-legacy/docker-compose.yaml")).unwrap();
    write(
        dir,
        "docker-compose.yaml",
        &base.replace("image: traefik\n", "image: traefik:${TRAEFIK_TAG:-1.7}\n"),
    );
    write(dir, "docker-compose.yml", &base);
    write(dir, "docker-compose.override.yml", "services: {}\n");
    write(
        dir,
        ".env",
        "# Windows\r\nexport LOCAL_NAME=\"praxis-server\"\r\nEXTERNAL_NAME=localhost # Vorgabe\r\n",
    );
    fs::create_dir(dir.join("traefik.toml")).unwrap();

    let inst = found(dir);
    assert_eq!(inst.generation, Generation::Legacy);
    assert_eq!(inst.proxy_image.as_deref(), Some("traefik:1.7"));
    assert_eq!(inst.local_name.as_deref(), Some("praxis-server"));
    assert_eq!(inst.external_name.as_deref(), Some("localhost"));
    assert_eq!(
        inst.override_file,
        Some(dir.join("docker-compose.override.yml"))
    );
    assert_eq!(
        inst.warnings,
        [
            DetectWarning::SeveralComposeFiles {
                used: "docker-compose.yaml".into(),
                ignored: "docker-compose.yml".into()
            },
            DetectWarning::TomlNotAFile,
            DetectWarning::ExternalNameNotPublic {
                value: "localhost".into()
            },
            DetectWarning::OverrideExists {
                file: "docker-compose.override.yml".into()
            },
        ]
    );

    // .env without EXTERNAL_NAME: not an error, just unknown.
    write(dir, ".env", "LOCAL_NAME=nuno\nEXTERNAL_NAME=\n");
    let inst = found(dir);
    assert_eq!(inst.external_name, None);
    assert!(inst.warnings.contains(&DetectWarning::ExternalNameMissing));
}

#[test]
fn pinned_traefik_2_with_v1_files_is_legacy_that_cannot_start() {
    let tmp = tempfile::tempdir().unwrap();
    let legacy = fixture("elexis-legacy");
    for f in ["docker-compose.yaml", "traefik.toml", ".env"] {
        fs::copy(legacy.join(f), tmp.path().join(f)).unwrap();
    }
    let compose = fs::read_to_string(legacy.join("docker-compose.yaml")).unwrap();
    write(
        tmp.path(),
        "docker-compose.yaml",
        &compose.replace("image: traefik\n", "image: traefik:v3.1\n"),
    );
    let inst = found(tmp.path());
    assert_eq!(inst.generation, Generation::Legacy);
    assert_eq!(
        inst.warnings,
        [DetectWarning::LegacyProxyTooNew {
            image: "traefik:v3.1".into()
        }]
    );
}

#[test]
fn errors_and_warnings_survive_the_resume_file() {
    let err = detect(&fixture("elexis-broken-yaml")).unwrap_err();
    let json = serde_json::to_string(&err).unwrap();
    assert_eq!(serde_json::from_str::<DetectError>(&json).unwrap(), err);
    let inst = found(&fixture("elexis-half-updated"));
    let json = serde_json::to_string(&inst).unwrap();
    assert_eq!(serde_json::from_str::<Installation>(&json).unwrap(), inst);
}

#[cfg(unix)]
#[test]
fn unreadable_compose_file() {
    use std::os::unix::fs::PermissionsExt;
    if nix::unistd::geteuid().is_root() {
        // root reads any file; the check would prove nothing.
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("docker-compose.yaml");
    write(tmp.path(), "docker-compose.yaml", "services: {}\n");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    assert!(matches!(
        detect(tmp.path()),
        Err(DetectError::PermissionDenied { path }) if path == file
    ));
}

#[test]
fn every_error_and_warning_has_a_message_in_de_and_en() {
    use DetectWarning as W;
    let p = || PathBuf::from("/opt/elexis-oob/docker-compose.yaml");
    let s = || "x".to_string();
    let errors = [
        DetectError::NotFound { path: p() },
        DetectError::NotADirectory { path: p() },
        DetectError::PermissionDenied { path: p() },
        DetectError::Unreadable {
            path: p(),
            detail: s(),
        },
        DetectError::NoComposeFile { dir: p() },
        DetectError::ComposeInvalid {
            file: p(),
            line: Some(3),
            detail: s(),
        },
        DetectError::ComposeInvalid {
            file: p(),
            line: None,
            detail: s(),
        },
        DetectError::NoProxy { file: p() },
        DetectError::UnknownProxy {
            file: p(),
            image: s(),
        },
        DetectError::Unrecognised { file: p() },
    ];
    let warnings = [
        W::LegacyUnpinnedTraefik { image: s() },
        W::LegacyProxyTooNew { image: s() },
        W::TomlMissing,
        W::TomlNotAFile,
        W::TomlLeftover,
        W::UnpinnedTraefik { image: s() },
        W::NewerTraefik { image: s() },
        W::EnvMissing,
        W::EnvUnreadable { detail: s() },
        W::LocalNameMissing,
        W::ExternalNameMissing,
        W::ExternalNameNotPublic { value: s() },
        W::SeveralComposeFiles {
            used: s(),
            ignored: s(),
        },
        W::OverrideExists { file: s() },
    ];
    let texts: Vec<_> = errors
        .iter()
        .map(DetectError::text)
        .chain(warnings.iter().map(DetectWarning::text))
        .collect();
    for lang in ["de", "en"] {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}/install-detect.ftl"));
        let ftl = fs::read_to_string(path).unwrap();
        let ids: Vec<&str> = ftl
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| id.starts_with("start-"))
            .collect();
        assert_eq!(
            ids.len(),
            texts.len(),
            "{lang}: one message per case, no extras"
        );
        for t in &texts {
            let prefix = format!("{} = ", t.id);
            let line = ftl.lines().find(|l| l.starts_with(&prefix));
            let line = line.unwrap_or_else(|| panic!("{lang}: {} missing", t.id));
            for (arg, _) in &t.args {
                assert!(
                    line.contains(&format!("{{ ${arg} }}")),
                    "{lang} {}: ${arg}",
                    t.id
                );
            }
        }
    }
}

#[test]
fn fluent_files_parse_and_de_ch_has_no_sharp_s() {
    for lang in ["de", "en", "de-CH"] {
        for file in ["install-detect", "domain-rules"] {
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}/{file}.ftl"));
            let ftl = fs::read_to_string(&path).unwrap();
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(ftl.clone()) {
                panic!("{}: {errors:?}", path.display());
            }
            if lang == "de-CH" {
                assert!(!ftl.contains('ß'), "{}", path.display());
            }
        }
    }
}
