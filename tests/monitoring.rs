//! The monitoring definitions in `assets/monitoring/` as the monitoring
//! systems would run them: each command line is read out of its file
//! (Icinga 2's CheckCommand with its arguments and defaults, Checkmk's MRPE
//! line, NRPE's command), the installed path swapped for the binary under
//! test, and run against state directories with a certificate from a real
//! Pebble that is OK, WARNING or CRITICAL, and against states that are
//! UNKNOWN. NRPE's command is also tied to the Nagios service that calls
//! it, and the sudoers rule to the commands that go through sudo.

#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/renewal_root.rs"]
mod renewal_root;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const INSTALLED: &str = "/usr/bin/praxis-tls";
const SUDO: &str = "/usr/bin/sudo";

fn asset(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/monitoring")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lines that are not blank and not comments (`#` or `//`).
fn content_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("//"))
}

/// The quoted strings of a line, in order.
fn quoted(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Icinga 2: `command` of the CheckCommand, then each argument with the
/// value its `$var$` macro takes from the command's `vars` defaults.
fn icinga_argv() -> Vec<String> {
    let conf = asset("icinga2.conf");
    let mut depth = 0;
    let block: Vec<&str> = content_lines(&conf)
        .skip_while(|l| !l.starts_with("object CheckCommand \"praxis-tls\""))
        .take_while(|l| {
            let inside = depth > 0 || l.ends_with('{');
            depth += l.matches('{').count();
            depth -= l.matches('}').count();
            inside && depth > 0
        })
        .collect();
    assert!(!block.is_empty(), "no CheckCommand \"praxis-tls\":\n{conf}");
    let mut vars = BTreeMap::new();
    for line in &block {
        if let Some(rest) = line.strip_prefix("vars.") {
            let (name, value) = rest.split_once('=').unwrap();
            vars.insert(name.trim().to_string(), value.trim().trim_matches('"'));
        }
    }
    let command = block
        .iter()
        .find(|l| l.starts_with("command ="))
        .unwrap_or_else(|| panic!("no command in the CheckCommand:\n{conf}"));
    let mut argv = quoted(command);
    let arguments = block
        .iter()
        .skip_while(|l| !l.starts_with("arguments ="))
        .skip(1)
        .take_while(|l| !l.starts_with('}'));
    for line in arguments {
        let q = quoted(line);
        let [flag, value] = q.as_slice() else {
            panic!("an argument Icinga 2 would read otherwise: {line}");
        };
        let var = value.trim_matches('$');
        let value = vars
            .get(var)
            .unwrap_or_else(|| panic!("{var} has no default in the CheckCommand"));
        argv.extend([flag.clone(), value.to_string()]);
    }
    let service = content_lines(&conf)
        .skip_while(|l| !l.starts_with("apply Service"))
        .find(|l| l.starts_with("check_command"))
        .unwrap_or_else(|| panic!("no apply Service with a check_command:\n{conf}"));
    assert_eq!(
        quoted(service),
        ["praxis-tls"],
        "the Service calls another command"
    );
    argv
}

/// Checkmk: `SERVICE-NAME COMMAND LINE`, run by the agent's shell.
fn mrpe_line() -> String {
    let conf = asset("mrpe.cfg");
    let line = content_lines(&conf).next().expect("an MRPE line");
    let (service, command) = line.split_once(' ').unwrap();
    assert_eq!(service, "praxis-tls");
    command.to_string()
}

/// NRPE: `command[NAME]=COMMAND LINE`, run by its shell; the Nagios side's
/// service must call `check_nrpe -c NAME`.
fn nrpe_line() -> String {
    let conf = asset("nrpe.cfg");
    let line = content_lines(&conf)
        .find(|l| l.starts_with("command["))
        .expect("a command[...] line");
    let (name, command) = line
        .strip_prefix("command[")
        .and_then(|l| l.split_once("]="))
        .unwrap();

    let nagios = asset("nagios.cfg");
    let field = |key: &str| -> Vec<String> {
        content_lines(&nagios)
            .filter_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_string())
            .collect()
    };
    let used = field("check_command");
    let defined = field("command_name");
    assert_eq!(
        used, defined,
        "the service calls a command nagios.cfg defines"
    );
    let calls = field("command_line");
    assert!(
        calls.iter().any(|c| c.ends_with(&format!("-c {name}"))),
        "nagios.cfg does not call NRPE's {name}: {calls:?}"
    );
    command.to_string()
}

/// What the sudoers rule lets the agents' user run, up to its `*`.
fn sudo_allows() -> String {
    let rule = asset("sudoers");
    let line = content_lines(&rule).next().expect("a sudoers rule");
    let (_, command) = line.split_once("NOPASSWD:").unwrap();
    command.trim().trim_end_matches('*').to_string()
}

/// A command as its monitoring system would start it, on the binary under
/// test and a state directory of the test's (sudo resets the environment,
/// so the directory goes on the command line). As root, sudo runs for real.
enum Check {
    Argv(Vec<String>),
    Shell(String),
}

impl Check {
    fn command(&self, state: &Path) -> Command {
        let root = nix::unistd::geteuid().is_root();
        let swap = |s: &str| {
            if s == INSTALLED {
                BIN.to_string()
            } else {
                s.to_string()
            }
        };
        match self {
            Check::Argv(argv) => {
                let mut argv: Vec<String> = argv.iter().map(|a| swap(a)).collect();
                if !root && argv.first().map(String::as_str) == Some(SUDO) {
                    argv.drain(..2);
                }
                let mut c = Command::new(&argv[0]);
                c.args(&argv[1..]).arg("--state-dir").arg(state);
                c.arg("--system-root").arg(system_root(state));
                c
            }
            Check::Shell(line) => {
                let mut line = line.replacen(INSTALLED, BIN, 1);
                if !root {
                    line = line.replacen(&format!("{SUDO} -n "), "", 1);
                }
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("{line} --state-dir \"$1\" --system-root \"$2\""))
                    .arg("sh")
                    .arg(state)
                    .arg(system_root(state));
                c
            }
        }
    }

    fn run(&self, state: &Path) -> (i32, String) {
        let o: Output = self
            .command(state)
            .env_remove("PRAXIS_TLS_STATE_DIR")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        eprintln!(
            "exit {:?}\n{out}{}",
            o.status.code(),
            String::from_utf8_lossy(&o.stderr)
        );
        (o.status.code().unwrap_or(-1), out)
    }
}

/// The system a state's checks look at: one whose renewal runs for it, so
/// the certificate alone decides (tests/cli_status.rs covers the schedule).
fn system_root(state: &Path) -> PathBuf {
    state.with_extension("system")
}

/// A state directory whose certificate came from a real Pebble and lasts
/// `days`.
fn issued(dir: &Path, name: &str, days: u64) -> PathBuf {
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, Some(days * 86_400), 0);
    let state = dir.join(name);
    let o = pebble
        .praxis(port, &state)
        .args(["certificate", "--domain", &format!("termine.{name}.ch")])
        .args(["--email", "praxis@praxis-muster.ch", "--accept-terms"])
        .arg("--no-firewall")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "certificate: {}{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
        pebble.log()
    );
    renewal_root::scheduled(&system_root(&state), &state, true);
    state
}

/// Monitoring runs as a user the sudoers file names; the file must be
/// valid, or sudo refuses every rule in it.
fn sudoers_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/monitoring/sudoers");
    match Command::new("visudo").arg("-cf").arg(&path).output() {
        Ok(o) => assert!(
            o.status.success(),
            "visudo -cf: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("visudo (Debian package sudo): {e}")
        }
        Err(e) => eprintln!("skipped the sudoers syntax check: visudo: {e}"),
    }
}

#[test]
fn every_definition_reports_ok_warning_critical_and_unknown() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    sudoers_is_valid();
    let allowed = sudo_allows();
    let icinga = icinga_argv();
    let nrpe = nrpe_line();
    for (name, through_sudo) in [
        ("Icinga 2", icinga[2..].join(" ")),
        ("NRPE", nrpe.replacen(&format!("{SUDO} -n "), "", 1)),
    ] {
        assert!(
            through_sudo.starts_with(&allowed),
            "{name} runs `{through_sudo}`, which the sudoers rule `{allowed}*` does not allow"
        );
    }
    assert_eq!(icinga[..2], [SUDO, "-n"], "Icinga 2's agent runs as nagios");
    assert!(
        nrpe.starts_with(&format!("{SUDO} -n ")),
        "NRPE runs as nagios"
    );
    let checks = [
        ("Icinga 2", Check::Argv(icinga)),
        ("Checkmk MRPE", Check::Shell(mrpe_line())),
        ("NRPE", Check::Shell(nrpe)),
    ];

    // The definitions warn at 10 days left and are critical at 5.
    let dir = tempfile::tempdir().unwrap();
    let ok = issued(dir.path(), "praxis-ok", 60);
    let warning = issued(dir.path(), "praxis-warn", 8);
    let critical = issued(dir.path(), "praxis-crit", 3);
    let nothing = dir.path().join("never-set-up");
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    std::fs::write(broken.join("state.json"), "{ not json").unwrap();

    for (name, check) in &checks {
        eprintln!("--- {name}");
        let (code, out) = check.run(&ok);
        assert_eq!(code, 0, "{name}: {out}");
        assert!(
            out.starts_with("TLS OK: termine.praxis-ok.ch"),
            "{name}: {out}"
        );
        assert!(
            out.contains("| days_left=59;@~:10;@~:5;0;"),
            "{name}: {out}"
        );
        let (code, out) = check.run(&warning);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(
            out.starts_with("TLS WARNING: termine.praxis-warn.ch"),
            "{name}: {out}"
        );
        let (code, out) = check.run(&critical);
        assert_eq!(code, 2, "{name}: {out}");
        assert!(
            out.starts_with("TLS CRITICAL: termine.praxis-crit.ch"),
            "{name}: {out}"
        );
        let (code, out) = check.run(&nothing);
        assert_eq!(code, 3, "{name}: {out}");
        assert!(
            out.starts_with("TLS UNKNOWN: no certificate recorded"),
            "{name}: {out}"
        );
        // NRPE passes on stdout only: the cause must be there.
        let (code, out) = check.run(&broken);
        assert_eq!(code, 3, "{name}: {out}");
        assert!(out.starts_with("TLS UNKNOWN: "), "{name}: {out}");
        assert!(
            out.contains("state.json") && out.contains("cannot be read"),
            "{out}"
        );
        assert_eq!(out.lines().count(), 1, "one line: {out}");
    }
    assert!(!nothing.exists(), "status creates nothing");
}

#[test]
fn a_usage_error_is_unknown_not_critical() {
    for args in [
        &["status", "--format", "nagios", "-w", "ten"][..],
        &["status", "--format", "nagios", "--bogus"][..],
        &["status", "--format", "nagios-ish"][..],
    ] {
        let o = Command::new(BIN)
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(3), "{args:?}: {out}");
        assert!(out.starts_with("TLS UNKNOWN: praxis-tls status: "), "{out}");
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(!o.stderr.is_empty(), "clap's explanation stays on stderr");
    }
    // Other commands keep clap's usage code, help and version exit 0.
    let code = |args: &[&str]| Command::new(BIN).args(args).output().unwrap().status.code();
    assert_eq!(code(&["renew", "--bogus"]), Some(2));
    assert_eq!(code(&["status", "--help"]), Some(0));
    assert_eq!(code(&["--version"]), Some(0));
}
