//! Asks docker what the restart on step 10 will need of an Elexis-OOB
//! project: `config` (does compose load it?), the images it names, and
//! which of its services have a running container. Judged in
//! `core::library::compose_ready`; every command is bounded in time and output.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use super::compose::Compose;
use super::golive::{Docker, derived_project};
use crate::core::library::compose_ready::ComposeFacts;

/// Enough of compose's own words to name the fault behind «Details».
const MAX_OUTPUT: usize = 2048;

fn bounded(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    match text.char_indices().nth(MAX_OUTPUT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// stdout on success, compose's words (stderr, else stdout) on failure.
async fn run(mut cmd: Command, timeout: Duration) -> Result<Result<String, String>, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    match tokio::time::timeout(timeout, cmd.output()).await {
        Err(_) => Err(format!("no answer within {timeout:?}")),
        Ok(Err(e)) => Err(e.to_string()),
        Ok(Ok(o)) if o.status.success() => Ok(Ok(String::from_utf8_lossy(&o.stdout).into_owned())),
        Ok(Ok(o)) => {
            let words = if o.stderr.is_empty() {
                &o.stdout
            } else {
                &o.stderr
            };
            Ok(Err(bounded(words)))
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The images the resolved project names (`image:` of each service).
fn images_of(resolved: &str) -> Vec<String> {
    let Ok(doc) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(resolved) else {
        return Vec::new();
    };
    let Some(services) = doc.get("services").and_then(|s| s.as_mapping()) else {
        return Vec::new();
    };
    let mut images: Vec<String> = services
        .values()
        .filter_map(|s| s.get("image")?.as_str().map(str::to_string))
        .collect();
    images.sort();
    images.dedup();
    images
}

pub async fn inspect(dir: &Path, docker: &Docker) -> ComposeFacts {
    let Some(compose) = Compose::detect(None).await else {
        return ComposeFacts::NoDocker;
    };
    let timeout = docker.timeout;
    // The project name the running containers carry, as the restart uses.
    let project = match docker.inspect_proxy().await {
        Ok(Some(facts)) => facts.project,
        _ => None,
    }
    .or_else(|| derived_project(dir, compose.flavor));
    let project = project.as_deref();
    let resolved = match run(compose.command(dir, project, &["config"]), timeout).await {
        Err(why) => return ComposeFacts::NoAnswer { why },
        Ok(Err(output)) => return ComposeFacts::ConfigFails { output },
        Ok(Ok(text)) => text,
    };
    let services = match run(
        compose.command(dir, project, &["config", "--services"]),
        timeout,
    )
    .await
    {
        Ok(Ok(text)) => lines(&text),
        Ok(Err(why)) | Err(why) => return ComposeFacts::NoAnswer { why },
    };
    let mut missing_images = Vec::new();
    for image in images_of(&resolved) {
        let mut cmd = Command::new(&docker.program);
        cmd.args(["image", "inspect", "--format", "{{.Id}}", &image]);
        match run(cmd, timeout).await {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => missing_images.push(image),
            Err(why) => return ComposeFacts::NoAnswer { why },
        }
    }
    let args = ["ps", "--services", "--filter", "status=running"];
    let running = match run(compose.command(dir, project, &args), timeout).await {
        Ok(Ok(text)) => lines(&text),
        Ok(Err(why)) | Err(why) => return ComposeFacts::NoAnswer { why },
    };
    let stopped = services
        .iter()
        .filter(|s| !running.contains(s))
        .cloned()
        .collect();
    ComposeFacts::Loaded {
        services,
        missing_images,
        stopped,
    }
}
