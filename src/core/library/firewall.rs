//! Host firewall windows as data: which backend guards this machine, and the
//! exact commands that open the responder's port for a limited time and
//! close it again. The io layer detects and runs; this module only decides.
//!
//! Every window closes by itself, so a dropped SSH session cannot leave the
//! port open: nftables set elements carry a `timeout`, firewalld has
//! `--timeout`, and for ufw and plain iptables a transient systemd timer
//! (scheduled *before* the rule is added) deletes the rule.
//!
//! Why not always our own nftables table: an `accept` ends the evaluation
//! of one base chain only. The packet still passes every other base chain on
//! the input hook, in other tables too, and a `drop` there wins. So on a
//! host guarded by ufw (iptables rules) or firewalld (its own nftables
//! table), accepting in `inet praxis_tls` opens nothing; there we use their
//! own mechanisms. Our table is for hosts without such a manager: its chain
//! drops the port outside the window, so the port is closed unless a window
//! is open. A hand-written nftables ruleset with a dropping input chain gets
//! a set and one accept rule in that chain's own table.

use serde::{Deserialize, Serialize};

use crate::core::model::check::Text;

pub const TABLE: &str = "praxis_tls";
pub const SET: &str = "acme_window";
/// The set we add to a foreign table, and the comment that marks our rule.
pub const FOREIGN_SET: &str = "praxis_tls_acme";
pub const RULE_COMMENT: &str = "praxis-tls";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Backend {
    Nftables,
    Firewalld,
    Ufw,
    Iptables,
    /// No filtering found: the port is open whenever something listens.
    None,
}

/// A base chain on the input hook of a table that is not ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputChain {
    /// nftables family: `inet`, `ip` or `ip6`.
    pub family: String,
    pub table: String,
    pub chain: String,
    /// Policy drop, or a drop/reject rule in it.
    pub drops: bool,
    /// Our accept rule is already there (from an earlier window).
    pub has_our_rule: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detection {
    pub nft: bool,
    pub iptables: bool,
    pub systemd_run: bool,
    pub ufw_active: bool,
    pub firewalld_running: bool,
    /// Input chains of hand-written nftables tables (not ours, not
    /// firewalld's, not iptables-nft's).
    pub nft_input_chains: Vec<InputChain>,
    /// iptables' INPUT chain drops by policy or rule.
    pub iptables_input_drops: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    pub program: String,
    pub args: Vec<String>,
    /// Fed to the program's standard input (an `nft -f -` script).
    pub stdin: Option<String>,
    /// A failure is expected sometimes (deleting what already expired).
    pub may_fail: bool,
}

impl Command {
    pub fn new(program: &str, args: &[&str]) -> Self {
        Command {
            program: program.to_string(),
            args: args.iter().map(|a| a.to_string()).collect(),
            stdin: None,
            may_fail: false,
        }
    }

    fn stdin(mut self, s: String) -> Self {
        self.stdin = Some(s);
        self
    }

    fn may_fail(mut self) -> Self {
        self.may_fail = true;
        self
    }

    /// As the IT supporter would type it.
    pub fn display(&self) -> String {
        let mut s = self.program.clone();
        for a in &self.args {
            s.push(' ');
            if a.contains([' ', '{', '}', ';', '"', '@']) {
                s.push('\'');
                s.push_str(a);
                s.push('\'');
            } else {
                s.push_str(a);
            }
        }
        if let Some(input) = &self.stdin {
            s.push_str(" <<'EOF'\n");
            s.push_str(input);
            s.push_str("EOF");
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallPlan {
    pub backend: Backend,
    /// Opens the port for the window; the window closes by itself.
    pub open: Vec<Command>,
    /// Closes the window early (after the certificate is issued).
    pub close: Vec<Command>,
    /// Takes away everything the wizard ever put there (uninstall).
    pub remove: Vec<Command>,
    pub describe: Text,
}

/// The manager in charge wins: firewalld and ufw rewrite rules behind our
/// back, so we go through them rather than beside them.
pub fn choose(d: &Detection) -> Backend {
    if d.firewalld_running {
        Backend::Firewalld
    } else if d.ufw_active {
        Backend::Ufw
    } else if d.nft {
        Backend::Nftables
    } else if d.iptables && d.iptables_input_drops {
        Backend::Iptables
    } else {
        Backend::None
    }
}

pub fn plan_for(d: &Detection, port: u16, window_secs: u32) -> FirewallPlan {
    plan(choose(d), d, port, window_secs)
}

pub fn plan(backend: Backend, d: &Detection, port: u16, window_secs: u32) -> FirewallPlan {
    let minutes = window_secs.div_ceil(60);
    let describe = |id: &str| Text::new(id).num("port", port).num("minutes", minutes);
    match backend {
        Backend::Nftables => nftables(d, port, window_secs, describe),
        Backend::Firewalld => {
            let p = format!("--add-port={port}/tcp");
            let t = format!("--timeout={window_secs}s");
            let r = format!("--remove-port={port}/tcp");
            FirewallPlan {
                backend,
                open: vec![Command::new("firewall-cmd", &[&p, &t])],
                close: vec![Command::new("firewall-cmd", &[&r]).may_fail()],
                remove: vec![Command::new("firewall-cmd", &[&r]).may_fail()],
                describe: describe("firewall-plan-firewalld"),
            }
        }
        Backend::Ufw => {
            let rule = format!("{port}/tcp");
            let delete = ["ufw", "delete", "allow", rule.as_str()];
            let (mut open, stop) = timer(port, window_secs, &delete);
            open.push(Command::new(
                "ufw",
                &["allow", &rule, "comment", "praxis-tls-acme"],
            ));
            let close = vec![stop, Command::new(delete[0], &delete[1..]).may_fail()];
            FirewallPlan {
                backend,
                open,
                remove: close.clone(),
                close,
                describe: describe("firewall-plan-ufw"),
            }
        }
        Backend::Iptables => {
            let p = port.to_string();
            let rule = |tool: &'static str, op: &'static str| {
                let args = [
                    op,
                    "INPUT",
                    "-p",
                    "tcp",
                    "--dport",
                    &p,
                    "-m",
                    "comment",
                    "--comment",
                    "praxis-tls-acme",
                    "-j",
                    "ACCEPT",
                ];
                Command::new(tool, &args)
            };
            let delete = format!(
                "{}; {}",
                rule("iptables", "-D").display(),
                rule("ip6tables", "-D").display()
            );
            let (mut open, stop) = timer(port, window_secs, &["/bin/sh", "-c", &delete]);
            open.push(rule("iptables", "-I"));
            open.push(rule("ip6tables", "-I").may_fail());
            let close = vec![
                stop,
                rule("iptables", "-D").may_fail(),
                rule("ip6tables", "-D").may_fail(),
            ];
            FirewallPlan {
                backend,
                open,
                remove: close.clone(),
                close,
                describe: describe("firewall-plan-iptables"),
            }
        }
        Backend::None => FirewallPlan {
            backend,
            open: Vec::new(),
            close: Vec::new(),
            remove: Vec::new(),
            describe: describe("firewall-plan-none"),
        },
    }
}

/// A transient systemd timer that undoes the rule when the window ends.
/// It is scheduled first: if scheduling fails, nothing has been opened.
fn timer(port: u16, window_secs: u32, undo: &[&str]) -> (Vec<Command>, Command) {
    let unit = format!("praxis-tls-acme-{port}");
    let stop = Command::new("systemctl", &["stop", &format!("{unit}.timer")]).may_fail();
    let mut args = vec![
        format!("--unit={unit}"),
        "--collect".to_string(),
        format!("--on-active={window_secs}s"),
        "--timer-property=AccuracySec=1s".to_string(),
    ];
    args.extend(undo.iter().map(|s| s.to_string()));
    let run = Command {
        program: "systemd-run".into(),
        args,
        stdin: None,
        may_fail: false,
    };
    (vec![stop.clone(), run], stop)
}

fn nftables(
    d: &Detection,
    port: u16,
    window_secs: u32,
    describe: impl Fn(&str) -> Text,
) -> FirewallPlan {
    // "add" then "delete" then re-create makes the script idempotent, and
    // `nft -f` applies it as one transaction.
    let mut script = format!(
        "add table inet {TABLE}\n\
         delete table inet {TABLE}\n\
         table inet {TABLE} {{\n\
         \tset {SET} {{ type inet_service; flags timeout; }}\n\
         \tchain input {{\n\
         \t\ttype filter hook input priority filter - 10; policy accept;\n\
         \t\ttcp dport @{SET} accept\n\
         \t\ttcp dport {port} drop\n\
         \t}}\n\
         }}\n"
    );
    let foreign: Vec<&InputChain> = d.nft_input_chains.iter().filter(|c| c.drops).collect();
    let mut close = format!("flush set inet {TABLE} {SET}\n");
    let mut remove = format!("add table inet {TABLE}\ndelete table inet {TABLE}\n");
    for c in &foreign {
        let (f, t) = (&c.family, &c.table);
        script.push_str(&format!(
            "add set {f} {t} {FOREIGN_SET} {{ type inet_service; flags timeout; }}\n"
        ));
        if !c.has_our_rule {
            script.push_str(&format!(
                "insert rule {f} {t} {} tcp dport @{FOREIGN_SET} accept comment \"{RULE_COMMENT}\"\n",
                c.chain
            ));
        }
        script.push_str(&format!(
            "add element {f} {t} {FOREIGN_SET} {{ {port} timeout {window_secs}s }}\n"
        ));
        close.push_str(&format!("flush set {f} {t} {FOREIGN_SET}\n"));
        // The accept rule stays: with an empty set it lets nothing in, and
        // deleting it needs its handle, which only a fresh listing knows.
        remove.push_str(&format!("flush set {f} {t} {FOREIGN_SET}\n"));
    }
    script.push_str(&format!(
        "add element inet {TABLE} {SET} {{ {port} timeout {window_secs}s }}\n"
    ));
    let nft = |s: String| Command::new("nft", &["-f", "-"]).stdin(s);
    let describe = if foreign.is_empty() {
        describe("firewall-plan-nftables")
    } else {
        let chains = foreign
            .iter()
            .map(|c| format!("{} {} {}", c.family, c.table, c.chain))
            .collect::<Vec<_>>()
            .join(", ");
        describe("firewall-plan-nftables-foreign").arg("chains", chains)
    };
    FirewallPlan {
        backend: Backend::Nftables,
        open: vec![nft(script)],
        close: vec![nft(close).may_fail()],
        remove: vec![nft(remove).may_fail()],
        describe,
    }
}
