//! Restarts Elexis-OOB so that the proxy picks up the new configuration:
//! `stop`, then `up -d` (`restart` alone never applies an override). With
//! compose v1, the services being recreated are removed first
//! (`rm -fs`), because its `up` crashes with `KeyError: 'ContainerConfig'`
//! when it recreates a container on Docker Engine >= 25; named volumes keep
//! their data.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::sync::mpsc::UnboundedSender;

use super::compose::{Compose, Flavor};
use crate::core::Text;

/// What the scroll box shows while the restart runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestartEvent {
    /// A command is about to run, as it would be typed.
    Command(String),
    /// One line of its output (stdout and stderr interleaved).
    Line(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestartError {
    #[error("neither `docker compose` nor `docker-compose` was found")]
    DockerMissing,
    #[error("no permission to use the Docker socket: {line}")]
    PermissionDenied { line: String },
    #[error("the Docker daemon does not answer: {line}")]
    DaemonDown { line: String },
    #[error("docker-compose crashed with KeyError: 'ContainerConfig'")]
    ContainerConfig,
    #[error("docker-compose crashed: {line}")]
    Traceback { line: String },
    #[error("`{command}` did not finish within {seconds} s")]
    Timeout { command: String, seconds: u64 },
    #[error("`{command}` failed with exit code {code}: {line}")]
    Failed {
        command: String,
        code: i32,
        line: String,
    },
    #[error("cannot start `{command}`: {error}")]
    Spawn { command: String, error: String },
    /// Another program holds a port the proxy publishes (80 or 443).
    #[error("port {port} is taken by another program: {line}")]
    PortTaken {
        port: u16,
        line: String,
        /// The program listening there, when this server can tell.
        holder: Option<super::responder::PortHolder>,
    },
}

impl RestartError {
    pub fn text(&self) -> Text {
        match self {
            RestartError::DockerMissing => Text::new("restart-docker-missing"),
            RestartError::PermissionDenied { .. } => Text::new("restart-permission-denied"),
            RestartError::DaemonDown { .. } => Text::new("restart-daemon-down"),
            RestartError::ContainerConfig => Text::new("restart-container-config"),
            RestartError::Traceback { line } => {
                Text::new("restart-traceback").arg("line", line.clone())
            }
            RestartError::Timeout { command, seconds } => Text::new("restart-timeout")
                .arg("command", command.clone())
                .num("seconds", seconds),
            RestartError::Failed { command, code, .. } => Text::new("restart-failed")
                .arg("command", command.clone())
                .num("code", code),
            RestartError::Spawn { command, error } => Text::new("restart-spawn-failed")
                .arg("command", command.clone())
                .arg("error", error.clone()),
            RestartError::PortTaken { port, holder, .. } => match holder {
                Some(h) => Text::new("restart-port-taken-by")
                    .num("port", port)
                    .arg("program", h.program.clone())
                    .num("pid", h.pid),
                None => Text::new("restart-port-taken").num("port", port),
            },
        }
    }

    /// What to do, where the text itself does not say it already.
    pub fn fix(&self) -> Option<Text> {
        match self {
            RestartError::DockerMissing => Some(Text::new("restart-docker-missing-fix")),
            RestartError::PortTaken {
                holder: Some(h), ..
            } => Some(Text::new("restart-port-taken-by-fix").arg("program", h.program.clone())),
            RestartError::PortTaken { .. } => Some(Text::new("restart-port-taken-fix")),
            RestartError::Traceback { .. }
            | RestartError::Failed { .. }
            | RestartError::Spawn { .. } => Some(Text::new("restart-failed-fix")),
            RestartError::PermissionDenied { .. }
            | RestartError::DaemonDown { .. }
            | RestartError::ContainerConfig
            | RestartError::Timeout { .. } => None,
        }
    }
}

/// What to restart.
#[derive(Debug, Clone)]
pub struct RestartSpec<'a> {
    pub dir: &'a Path,
    /// The project name the running containers carry; see `Compose::command`.
    pub project: Option<&'a str>,
    /// The services whose configuration changed (removed first with v1).
    pub services: &'a [String],
    /// For each compose command, not for the whole restart.
    pub timeout: Duration,
}

/// Runs the restart, streaming every line to `tx`. A closed receiver does
/// not stop the restart: a half-done restart is worse than an unseen one.
pub async fn restart(
    compose: &Compose,
    spec: &RestartSpec<'_>,
    tx: &UnboundedSender<RestartEvent>,
) -> Result<(), RestartError> {
    run(compose, spec, &["stop"], tx).await?;
    if compose.flavor == Flavor::V1 && !spec.services.is_empty() {
        let mut args = vec!["rm", "-f", "-s"];
        args.extend(spec.services.iter().map(String::as_str));
        run(compose, spec, &args, tx).await?;
    }
    run(compose, spec, &["up", "-d"], tx).await
}

async fn run(
    compose: &Compose,
    spec: &RestartSpec<'_>,
    args: &[&str],
    tx: &UnboundedSender<RestartEvent>,
) -> Result<(), RestartError> {
    let shown = compose.display(spec.project, args);
    let _ = tx.send(RestartEvent::Command(shown.clone()));
    let mut cmd = compose.command(spec.dir, spec.project, args);
    // Its own process group, so a timeout also ends what it started.
    cmd.process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => RestartError::DockerMissing,
        _ => RestartError::Spawn {
            command: shown.clone(),
            error: e.to_string(),
        },
    })?;
    let pid = child.id();
    let (lines_tx, mut lines_rx) = tokio::sync::mpsc::unbounded_channel::<String>();
    if let Some(out) = child.stdout.take() {
        tokio::spawn(forward(out, lines_tx.clone()));
    }
    if let Some(err) = child.stderr.take() {
        tokio::spawn(forward(err, lines_tx.clone()));
    }
    drop(lines_tx);

    let mut seen: Vec<String> = Vec::new();
    let collect = async {
        while let Some(line) = lines_rx.recv().await {
            let _ = tx.send(RestartEvent::Line(line.clone()));
            seen.push(line);
        }
        child.wait().await
    };
    let status = match tokio::time::timeout(spec.timeout, collect).await {
        Ok(Ok(status)) => status,
        Ok(Err(e)) => {
            return Err(RestartError::Spawn {
                command: shown,
                error: e.to_string(),
            });
        }
        Err(_) => {
            if let Some(pid) = pid.and_then(|p| i32::try_from(p).ok()) {
                let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
            }
            return Err(RestartError::Timeout {
                command: shown,
                seconds: spec.timeout.as_secs(),
            });
        }
    };
    if status.success() {
        return Ok(());
    }
    if let Some(mut e) = classify(&seen) {
        // As root this server can name the program in the way; docker
        // itself only says that the port is taken.
        if let RestartError::PortTaken { port, holder, .. } = &mut e {
            *holder = super::responder::port_owner::find(*port);
        }
        return Err(e);
    }
    let line = seen
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    Err(RestartError::Failed {
        command: shown,
        code: status.code().unwrap_or(-1),
        line,
    })
}

async fn forward(stream: impl AsyncRead + Unpin, tx: UnboundedSender<String>) {
    let mut lines = BufReader::new(stream).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if tx.send(line).is_err() {
            break;
        }
    }
}

/// Maps what compose printed to the failures a person can act on. Compose
/// v1 reports a socket without permission inside a Python traceback, so
/// the specific causes are looked for before the traceback itself.
pub fn classify(lines: &[String]) -> Option<RestartError> {
    let find = |pred: &dyn Fn(&str) -> bool| {
        lines
            .iter()
            .find(|l| pred(&l.to_ascii_lowercase()))
            .cloned()
    };
    if let Some(line) = find(&|l| l.contains("permission denied") || l.contains("permissionerror"))
    {
        return Some(RestartError::PermissionDenied { line });
    }
    if lines
        .iter()
        .any(|l| l.contains("KeyError: 'ContainerConfig'"))
    {
        return Some(RestartError::ContainerConfig);
    }
    if let Some((port, line)) = lines.iter().find_map(|l| {
        let lower = l.to_ascii_lowercase();
        let taken =
            lower.contains("port is already allocated") || lower.contains("address already in use");
        taken
            .then(|| bound_port(l))
            .flatten()
            .map(|p| (p, l.clone()))
    }) {
        return Some(RestartError::PortTaken {
            port,
            line,
            holder: None,
        });
    }
    if let Some(line) = find(&|l| {
        l.contains("cannot connect to the docker daemon")
            || l.contains("couldn't connect to docker daemon")
            || l.contains("connectionrefusederror")
    }) {
        return Some(RestartError::DaemonDown { line });
    }
    let tb = lines
        .iter()
        .position(|l| l.starts_with("Traceback (most recent call last)"))?;
    let last = lines[tb..]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.starts_with(' '))
        .cloned()
        .unwrap_or_default();
    Some(RestartError::Traceback { line: last })
}

/// The host port in Docker's "Bind for 0.0.0.0:443 failed" or "listen
/// tcp4 0.0.0.0:80: bind: address already in use".
fn bound_port(line: &str) -> Option<u16> {
    line.split_whitespace()
        .map(|t| t.trim_end_matches(':'))
        .filter_map(|t| t.rsplit_once(':'))
        .filter(|(host, _)| host.contains('.') || host.ends_with(']'))
        .find_map(|(_, port)| port.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_taken_port_is_named_in_both_engines_words() {
        let v1 = lines(
            "Creating elx_proxy ... error\n\
             ERROR: for elx_proxy  Cannot start service proxy: driver failed programming \
             external connectivity on endpoint elx_proxy (3f1c): Bind for 0.0.0.0:443 failed: \
             port is already allocated",
        );
        assert!(matches!(
            classify(&v1),
            Some(RestartError::PortTaken { port: 443, .. })
        ));
        let v2 = lines(
            "Error response from daemon: driver failed programming external connectivity on \
             endpoint elx_proxy (9a2e): Error starting userland proxy: listen tcp4 [::]:80: \
             bind: address already in use",
        );
        assert!(matches!(
            classify(&v2),
            Some(RestartError::PortTaken { port: 80, .. })
        ));
        // Without a port to name, it stays a plain failure.
        assert_eq!(classify(&lines("bind: address already in use")), None);
    }
}
