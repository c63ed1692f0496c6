//! Finds out which firewall guards this machine and runs the commands of a
//! `FirewallPlan` (see `core::library::firewall` for why each backend is done the
//! way it is). A `Runner` can prefix `ip netns exec NS`, which is how the
//! tests work inside a namespace of their own and never on the host.

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;
use tokio::io::AsyncWriteExt;
use tokio::process::Command as Process;

use crate::core::library::firewall::{
    Command, Detection, FirewallPlan, InputChain, RULE_COMMENT, TABLE,
};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Runner {
    /// Run everything inside this network namespace.
    pub netns: Option<String>,
}

impl Runner {
    pub fn host() -> Self {
        Runner { netns: None }
    }

    pub fn in_netns(name: &str) -> Self {
        Runner {
            netns: Some(name.to_string()),
        }
    }

    fn command(&self, program: &str, args: &[String]) -> Process {
        let mut p = match &self.netns {
            Some(ns) => {
                let mut p = Process::new("ip");
                p.args(["netns", "exec", ns, program]);
                p
            }
            None => Process::new(program),
        };
        p.args(args).kill_on_drop(true);
        p
    }

    /// Runs one command; `Ok` carries stdout.
    pub async fn run(&self, cmd: &Command) -> Result<String, FirewallError> {
        let mut p = self.command(&cmd.program, &cmd.args);
        p.stdin(if cmd.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let spawn_err = |source| FirewallError::Spawn {
            command: cmd.display(),
            source,
        };
        let mut child = p.spawn().map_err(spawn_err)?;
        if let (Some(input), Some(mut stdin)) = (&cmd.stdin, child.stdin.take()) {
            stdin.write_all(input.as_bytes()).await.map_err(spawn_err)?;
            drop(stdin);
        }
        let out = child.wait_with_output().await.map_err(spawn_err)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(FirewallError::Failed {
                command: cmd.display(),
                status: out.status.code().unwrap_or(-1),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            })
        }
    }

    async fn output(&self, program: &str, args: &[&str]) -> Option<String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let out = self
            .command(program, &args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .await
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FirewallError {
    #[error("{command}: {source}")]
    Spawn {
        command: String,
        source: std::io::Error,
    },
    #[error("{command} failed ({status}): {stderr}")]
    Failed {
        command: String,
        status: i32,
        stderr: String,
    },
}

impl FirewallError {
    pub fn text(&self) -> crate::core::Text {
        let (FirewallError::Spawn { command, .. } | FirewallError::Failed { command, .. }) = self;
        crate::core::Text::new("firewall-command-failed")
            .arg("command", command.clone())
            .arg("error", self.to_string())
    }
}

fn installed(program: &str) -> bool {
    let path = std::env::var("PATH").unwrap_or_default();
    path.split(':')
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
        .any(|dir| Path::new(dir).join(program).is_file())
}

pub async fn detect(runner: &Runner) -> Detection {
    let mut d = Detection {
        nft: installed("nft"),
        iptables: installed("iptables"),
        systemd_run: installed("systemd-run"),
        ..Detection::default()
    };
    if installed("ufw") {
        d.ufw_active = runner
            .output("ufw", &["status"])
            .await
            .is_some_and(|s| s.contains("Status: active"));
    }
    if installed("firewall-cmd") {
        d.firewalld_running = runner
            .output("firewall-cmd", &["--state"])
            .await
            .is_some_and(|s| s.trim() == "running");
    }
    if d.nft
        && let Some(json) = runner.output("nft", &["-j", "list", "ruleset"]).await
    {
        d.nft_input_chains = input_chains(&json);
    }
    if d.iptables
        && let Some(rules) = runner.output("iptables", &["-S", "INPUT"]).await
    {
        d.iptables_input_drops = rules
            .lines()
            .any(|l| l == "-P INPUT DROP" || l.ends_with("-j DROP") || l.contains("-j REJECT"));
    }
    d
}

/// Base chains on the input hook of hand-written nftables tables, from
/// `nft -j list ruleset`. Ours, firewalld's and iptables-nft's tables are
/// left out: they are handled as their own backends.
pub fn input_chains(json: &str) -> Vec<InputChain> {
    let Ok(v) = serde_json::from_str::<Value>(json) else {
        return Vec::new();
    };
    let items = v["nftables"].as_array().cloned().unwrap_or_default();
    let mut chains: Vec<InputChain> = items
        .iter()
        .filter_map(|i| i.get("chain"))
        .filter(|c| c["hook"] == "input" && c["type"] == "filter")
        .filter_map(|c| {
            let family = c["family"].as_str()?.to_string();
            let table = c["table"].as_str()?.to_string();
            let iptables_nft = matches!(family.as_str(), "ip" | "ip6") && table == "filter";
            if table == TABLE || table == "firewalld" || iptables_nft {
                return None;
            }
            Some(InputChain {
                family,
                table,
                chain: c["name"].as_str()?.to_string(),
                drops: c["policy"] == "drop",
                has_our_rule: false,
            })
        })
        .collect();
    for rule in items.iter().filter_map(|i| i.get("rule")) {
        let Some(chain) = chains.iter_mut().find(|c| {
            rule["family"] == c.family.as_str()
                && rule["table"] == c.table.as_str()
                && rule["chain"] == c.chain.as_str()
        }) else {
            continue;
        };
        if rule["comment"] == RULE_COMMENT {
            chain.has_our_rule = true;
        }
        let expr = rule["expr"].as_array().cloned().unwrap_or_default();
        if expr
            .iter()
            .any(|e| e.get("drop").is_some() || e.get("reject").is_some())
        {
            chain.drops = true;
        }
    }
    chains
}

/// Opens the window. If a required step fails, what was done is undone.
pub async fn apply(plan: &FirewallPlan, runner: &Runner) -> Result<(), FirewallError> {
    for cmd in &plan.open {
        match runner.run(cmd).await {
            Ok(_) => {}
            Err(e) if cmd.may_fail => tracing::debug!("tolerated: {e}"),
            Err(e) => {
                let _ = close(plan, runner).await;
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Closes the window early; expected failures (already expired) are fine.
pub async fn close(plan: &FirewallPlan, runner: &Runner) -> Result<(), FirewallError> {
    run_all(&plan.close, runner).await
}

pub async fn remove(plan: &FirewallPlan, runner: &Runner) -> Result<(), FirewallError> {
    run_all(&plan.remove, runner).await
}

async fn run_all(cmds: &[Command], runner: &Runner) -> Result<(), FirewallError> {
    let mut first_error = None;
    for cmd in cmds {
        match runner.run(cmd).await {
            Ok(_) => {}
            Err(e) if cmd.may_fail => tracing::debug!("tolerated: {e}"),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// Runs commands to the end without a runtime: the journal replays and
/// undoes windows from plain threads, also from `praxis-tls undo`.
pub fn run_blocking(cmds: &[Command], runner: &Runner) -> Result<(), FirewallError> {
    use std::io::Write as _;
    for cmd in cmds {
        let mut p = match &runner.netns {
            Some(ns) => {
                let mut p = std::process::Command::new("ip");
                p.args(["netns", "exec", ns, &cmd.program]);
                p
            }
            None => std::process::Command::new(&cmd.program),
        };
        p.args(&cmd.args)
            .stdin(if cmd.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let spawn_err = |source| FirewallError::Spawn {
            command: cmd.display(),
            source,
        };
        let result = p.spawn().map_err(spawn_err).and_then(|mut child| {
            if let (Some(input), Some(mut stdin)) = (&cmd.stdin, child.stdin.take()) {
                stdin.write_all(input.as_bytes()).map_err(spawn_err)?;
            }
            let out = child.wait_with_output().map_err(spawn_err)?;
            if out.status.success() {
                Ok(())
            } else {
                Err(FirewallError::Failed {
                    command: cmd.display(),
                    status: out.status.code().unwrap_or(-1),
                    stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
                })
            }
        });
        match result {
            Ok(()) => {}
            Err(e) if cmd.may_fail => tracing::debug!("tolerated: {e}"),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
