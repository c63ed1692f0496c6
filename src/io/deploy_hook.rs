//! `renew --deploy-hook`: a command run after each successful renewal, as
//! certbot and lego offer. It is kept in the state directory through the
//! journal (so the timer's runs use it and `undo` takes it away) and gets
//! the new files' place and names under certbot's variable names, so hooks
//! written for certbot work unchanged.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::core::library::renew::deploy_env;
use crate::core::library::status::CertRecord;
use crate::core::{Lang, Text};
use crate::i18n;
use crate::io::journal::Journal;
use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

/// In the state directory.
pub const HOOK_FILE: &str = "deploy-hook.toml";
/// A hook that hangs must not hold up the run (and the lock) for ever.
const HOOK_TIMEOUT: Duration = Duration::from_secs(600);
const MAX_FILE: u64 = 16 * 1024;
/// What of the hook's output goes into the log.
const MAX_OUTPUT: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct HookFile {
    command: String,
}

fn path(state_dir: &Path) -> PathBuf {
    state_dir.join(HOOK_FILE)
}

/// The stored hook, if any.
pub fn load(state_dir: &Path) -> Result<Option<String>, Text> {
    let p = path(state_dir);
    let bad = |detail: String| {
        Text::new("cli-hook-unreadable")
            .arg("path", p.display().to_string())
            .arg("detail", detail)
    };
    let text = match crate::io::safe_dir::read_small(&p, MAX_FILE) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(e.to_string())),
    };
    let parsed: HookFile = toml::from_str(&text).map_err(|e| bad(e.to_string()))?;
    Ok(Some(parsed.command).filter(|c| !c.trim().is_empty()))
}

/// Stores `command` (empty: no hook) through the journal; nothing is
/// written when it is already the stored one.
pub fn store(state_dir: &Path, lang: Lang, command: &str) -> Result<bool, Text> {
    let command = command.trim();
    if command.contains(['\n', '\r', '\0']) {
        return Err(Text::new("cli-hook-invalid"));
    }
    if load(state_dir)?.as_deref().unwrap_or("") == command {
        return Ok(false);
    }
    let text = toml::to_string(&HookFile {
        command: command.to_string(),
    })
    .map_err(|e| Text::new("cli-hook-invalid").arg("detail", e.to_string()))?;
    let text = format!("# praxis-tls: run after each successful renewal\n{text}");
    let mut journal = Journal::open(state_dir).map_err(|e| e.text())?;
    let description = i18n::tr(lang, "cli-hook-journal");
    journal
        .write_file(&path(state_dir), text.as_bytes(), 0o600, description)
        .map_err(|e| e.text())?;
    Ok(true)
}

/// Runs the hook for the renewed certificate; `Err` says why it failed.
pub fn run(command: &str, record: &CertRecord) -> Result<(), Text> {
    tracing::info!(%command, "deploy hook");
    let failed = |detail: String| {
        Text::new("cli-hook-failed")
            .arg("command", command.to_string())
            .arg("detail", detail)
    };
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .envs(deploy_env(record))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let out = child.stdout.take().map(|s| drain(Box::new(s)));
    let err = child.stderr.take().map(|s| drain(Box::new(s)));
    let status = match child.wait_timeout(HOOK_TIMEOUT) {
        Ok(Some(status)) => status,
        Ok(None) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(format!(
                "timeout after {} s",
                HOOK_TIMEOUT.as_secs()
            )));
        }
        Err(e) => return Err(failed(e.to_string())),
    };
    for (name, h) in [("stdout", out), ("stderr", err)] {
        if let Some(text) = h.and_then(|h| h.join().ok())
            && !text.trim().is_empty()
        {
            tracing::info!(stream = name, "deploy hook: {}", text.trim_end());
        }
    }
    if status.success() {
        Ok(())
    } else {
        Err(failed(status.to_string()))
    }
}

/// Reads what a stream says, up to a limit, and drains the rest so that a
/// chatty hook never blocks on a full pipe.
fn drain(mut s: Box<dyn Read + Send>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut s).take(MAX_OUTPUT).read_to_end(&mut buf);
        let _ = std::io::copy(&mut s, &mut std::io::sink());
        String::from_utf8_lossy(&buf).into_owned()
    })
}
