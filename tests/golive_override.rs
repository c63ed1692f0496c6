//! The current generation's override and dynamic configuration as text:
//! expected-output files, the command drift check, refusing a practice's
//! own override. `UPDATE_EXPECT=1` rewrites the expected file.

use std::path::PathBuf;

use praxis_tls::core::library::compose_override::{
    CertNames, Drift, OverrideError, ProxyDirs, command_drift, current_override, dynamic_config,
    find_proxy, names_same_host,
};
use time::macros::date;

fn lab(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/elexis-current-lab")
        .join(name)
}

fn base() -> String {
    std::fs::read_to_string(lab("docker-compose.yaml")).unwrap()
}

const HOST: &str = "termine.praxis-lab.example";

fn dirs() -> ProxyDirs {
    ProxyDirs {
        certs: "/var/lib/praxis-tls/proxy/certs".into(),
        config: "/var/lib/praxis-tls/proxy/config".into(),
    }
}

#[test]
fn override_matches_the_expected_file() {
    let edit = current_override(&base(), HOST, &dirs(), None).unwrap();
    let path = lab("docker-compose.override.expected.yml");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &edit.text).unwrap();
    }
    assert_eq!(edit.text, std::fs::read_to_string(&path).unwrap());
    assert!(
        edit.diff
            .starts_with("--- a/docker-compose.override.yml\n+++ b/docker-compose.override.yml\n")
    );
}

#[test]
fn override_repeats_the_whole_base_command_and_adds_the_file_provider() {
    let text = current_override(&base(), HOST, &dirs(), None).unwrap().text;
    let base_cmd = find_proxy(&base()).unwrap().command;
    assert_eq!(base_cmd.len(), 8);
    let ov: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let cmd: Vec<String> =
        serde_yaml_ng::from_value(ov["services"]["proxy"]["command"].clone()).unwrap();
    assert_eq!(cmd[..8], base_cmd[..]);
    assert_eq!(
        cmd[8..],
        [
            "--providers.file.directory=/certs-config",
            "--providers.file.watch=true"
        ]
    );
    // The key directory goes to the proxy only, read-only.
    assert_eq!(text.matches(":/certs:ro").count(), 1);
    assert!(ov["services"]["webelexis"].get("volumes").is_none());
    let labels: Vec<String> =
        serde_yaml_ng::from_value(ov["services"]["webelexis"]["labels"].clone()).unwrap();
    assert_eq!(
        labels,
        [
            "traefik.http.routers.termine-tls.rule=Host(`termine.praxis-lab.example`)",
            "traefik.http.routers.termine-tls.entrypoints=https",
            "traefik.http.routers.termine-tls.tls=true",
            "traefik.http.routers.termine-tls.service=service2",
        ]
    );
}

#[test]
fn rewriting_our_own_override_is_allowed_a_foreign_one_is_not() {
    let first = current_override(&base(), HOST, &dirs(), None).unwrap();
    let again = current_override(&base(), HOST, &dirs(), Some(&first.text)).unwrap();
    assert!(!again.is_change());
    let foreign = "services:\n  proxy:\n    restart: always\n";
    assert_eq!(
        current_override(&base(), HOST, &dirs(), Some(foreign)),
        Err(OverrideError::ForeignOverride(
            "docker-compose.override.yml".into()
        ))
    );
}

#[test]
fn a_changed_base_command_is_noticed() {
    let ov = current_override(&base(), HOST, &dirs(), None).unwrap().text;
    assert_eq!(command_drift(&base(), &ov).unwrap(), Drift::Unchanged);
    let updated = base()
        .replace("      - \"--api.insecure=false\"\n", "")
        .replace(
            "      - \"--entrypoints.https.address=:443\"\n",
            "      - \"--entrypoints.https.address=:443\"\n      - \"--log.level=DEBUG\"\n",
        );
    assert_eq!(
        command_drift(&updated, &ov).unwrap(),
        Drift::Changed {
            added: vec!["--log.level=DEBUG".into()],
            removed: vec!["--api.insecure=false".into()]
        }
    );
    assert_eq!(
        command_drift(&base(), "services: {}\n").unwrap(),
        Drift::NoOverride
    );
    assert_eq!(
        command_drift(&updated, &ov).unwrap().text().unwrap().id,
        "proxy-override-drift"
    );
}

#[test]
fn string_command_map_labels_and_missing_pieces() {
    let base = "services:\n  web:\n    image: x\n    labels:\n      traefik.http.routers.termine.rule: Host(`termine.a.example`)\n      \
                traefik.http.routers.termine.service: svc9\n  edge:\n    image: library/traefik:v2.8\n    command: --providers.docker=true --entrypoints.https.address=:443\n";
    let text = current_override(base, HOST, &dirs(), None).unwrap().text;
    assert!(text.contains("  edge:\n    command:\n      - \"--providers.docker=true\"\n      - \"--entrypoints.https.address=:443\"\n"));
    assert!(text.contains("  web:\n    labels:\n"));
    assert!(text.contains("termine-tls.service=svc9"));

    assert_eq!(
        current_override("services:\n  a:\n    image: nginx\n", HOST, &dirs(), None),
        Err(OverrideError::NoProxy)
    );
    let no_router = "services:\n  proxy:\n    image: traefik:v2.8\n    command: [\"--x\"]\n";
    assert_eq!(
        current_override(no_router, HOST, &dirs(), None),
        Err(OverrideError::NoTermineRouter)
    );
    match current_override("services:\n  a: [\n", HOST, &dirs(), None) {
        Err(OverrideError::Yaml { line, .. }) => assert!(line >= 2, "{line}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn dynamic_config_names_versioned_files_under_certs() {
    let files = CertNames::new(HOST, date!(2026 - 11 - 24));
    assert_eq!(files.cert, "termine.praxis-lab.example.2026-11-24.crt");
    let toml = dynamic_config(HOST, &files);
    let doc: toml_edit::DocumentMut = toml.parse().unwrap();
    let entry = &doc["tls"]["certificates"][0];
    assert_eq!(
        entry["certFile"].as_str(),
        Some("/certs/termine.praxis-lab.example.2026-11-24.crt")
    );
    assert_eq!(
        entry["keyFile"].as_str(),
        Some("/certs/termine.praxis-lab.example.2026-11-24.key")
    );
    assert!(names_same_host(HOST, "/mnt/termine.praxis-lab.example.crt"));
    assert!(names_same_host(
        HOST,
        "termine.praxis-lab.example.2025-01-02.key"
    ));
    assert!(!names_same_host(HOST, "termine.praxis-lab.example.org.crt"));
    assert!(!names_same_host(HOST, "intranet.praxis-lab.example.crt"));
}

#[test]
fn a_router_without_entrypoints_is_pinned_to_the_lan_entrypoint() {
    let text = current_override(&base(), HOST, &dirs(), None).unwrap().text;
    let ov: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    let labels: Vec<String> =
        serde_yaml_ng::from_value(ov["services"]["appserver"]["labels"].clone()).unwrap();
    assert_eq!(labels, ["traefik.http.routers.pacs.entrypoints=http"]);
}

#[test]
fn a_router_that_cannot_be_pinned_is_refused_by_name() {
    let base = base().replace(
        "\"--entrypoints.http.address=:80\"",
        "\"--entrypoints.web.address=:8000\"",
    );
    let err = current_override(&base, HOST, &dirs(), None).unwrap_err();
    assert_eq!(
        err,
        OverrideError::Unpinnable {
            router: "pacs".into()
        }
    );
    assert_eq!(err.text().id, "proxy-router-unpinnable");
}
