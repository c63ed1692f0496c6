//! The restart's failures that a real engine cannot produce on demand, with
//! a stand-in `docker-compose` script first on PATH.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use praxis_tls::io::compose::{Compose, Flavor};
use praxis_tls::io::restart::{RestartError, RestartEvent, RestartSpec, restart};
use tokio::sync::mpsc;

/// A directory holding only a `docker-compose` that logs its arguments and
/// then runs `body` (a shell fragment; `$3` is the compose command after `-p NAME`).
fn stand_in(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls.log");
    let script = format!("#!/bin/sh\necho \"$*\" >> '{}'\n{body}\n", log.display());
    let path = dir.path().join("docker-compose");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

async fn run(bin: &Path, timeout: Duration) -> (Result<(), RestartError>, Vec<RestartEvent>) {
    let compose = Compose::detect(Some(bin.as_os_str()))
        .await
        .expect("stand-in found");
    assert_eq!(compose.flavor, Flavor::V1);
    let services = vec!["proxy".to_string(), "webelexis".to_string()];
    let spec = RestartSpec {
        dir: bin,
        project: Some("elexisoob"),
        services: &services,
        timeout,
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    let result = restart(&compose, &spec, &tx).await;
    drop(tx);
    let mut events = Vec::new();
    while let Some(e) = rx.recv().await {
        events.push(e);
    }
    (result, events)
}

fn calls(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("calls.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn v1_removes_the_recreated_services_before_up() {
    let bin = stand_in("echo \"did $3\"; echo 'a warning' >&2");
    let (result, events) = run(bin.path(), Duration::from_secs(10)).await;
    assert_eq!(result, Ok(()));
    assert_eq!(
        calls(bin.path()),
        [
            "-p elexisoob stop",
            "-p elexisoob rm -f -s proxy webelexis",
            "-p elexisoob up -d"
        ]
    );
    assert!(events.contains(&RestartEvent::Command(
        "docker-compose -p elexisoob up -d".into()
    )));
    assert!(events.contains(&RestartEvent::Line("did up".into())));
    assert!(events.contains(&RestartEvent::Line("a warning".into())));
}

#[tokio::test]
async fn permission_denied_on_the_socket() {
    // What compose v1 prints when the user is not in the docker group.
    let bin = stand_in(
        "/bin/cat >&2 <<'E'\nTraceback (most recent call last):\n  File \"/usr/lib/python3/dist-packages/urllib3/connectionpool.py\", line 703, in urlopen\n\
         PermissionError: [Errno 13] Permission denied\n\ndocker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))\nE\nexit 1",
    );
    let (result, _) = run(bin.path(), Duration::from_secs(10)).await;
    let err = result.unwrap_err();
    assert!(
        matches!(err, RestartError::PermissionDenied { .. }),
        "{err:?}"
    );
    assert_eq!(err.text().id, "restart-permission-denied");
    assert_eq!(calls(bin.path()).len(), 1, "stops at the first failure");
}

#[tokio::test]
async fn container_config_crash_and_other_tracebacks() {
    let bin = stand_in(
        "[ \"$3\" = up ] || exit 0\n/bin/cat >&2 <<'E'\nRecreating elx_proxy ...\nTraceback (most recent call last):\n  File \"/usr/bin/docker-compose\", line 33, in <module>\n\
         KeyError: 'ContainerConfig'\nE\nexit 1",
    );
    let (result, _) = run(bin.path(), Duration::from_secs(10)).await;
    assert_eq!(result, Err(RestartError::ContainerConfig));

    let bin = stand_in(
        "/bin/cat >&2 <<'E'\nTraceback (most recent call last):\n  File \"/usr/bin/docker-compose\", line 33, in <module>\n\
         yaml.scanner.ScannerError: mapping values are not allowed here\nE\nexit 1",
    );
    let (result, _) = run(bin.path(), Duration::from_secs(10)).await;
    let err = result.unwrap_err();
    assert_eq!(
        err,
        RestartError::Traceback {
            line: "yaml.scanner.ScannerError: mapping values are not allowed here".into()
        }
    );
    assert_eq!(err.text().id, "restart-traceback");
}

#[tokio::test]
async fn a_hang_ends_at_the_timeout_with_its_children() {
    let bin = stand_in("echo stopping\n/bin/sleep 30 & wait");
    let started = Instant::now();
    let (result, events) = run(bin.path(), Duration::from_millis(700)).await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        result,
        Err(RestartError::Timeout {
            command: "docker-compose -p elexisoob stop".into(),
            seconds: 0
        })
    );
    assert!(events.contains(&RestartEvent::Line("stopping".into())));
}

#[tokio::test]
async fn plain_failure_keeps_the_last_line() {
    let bin = stand_in("echo 'ERROR: No such service: proxy' >&2; exit 1");
    let (result, _) = run(bin.path(), Duration::from_secs(10)).await;
    assert_eq!(
        result,
        Err(RestartError::Failed {
            command: "docker-compose -p elexisoob stop".into(),
            code: 1,
            line: "ERROR: No such service: proxy".into()
        })
    );
}

#[tokio::test]
async fn no_compose_at_all() {
    let empty = tempfile::tempdir().unwrap();
    assert!(
        Compose::detect(Some(empty.path().as_os_str()))
            .await
            .is_none()
    );
}
