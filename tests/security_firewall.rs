//! Firewall leftovers, with the real binary: a `certificate` run against a
//! real Pebble opens the window in a network namespace this test creates
//! (`--firewall-netns`; the machine's own rules are never touched) and must
//! leave no `table inet praxis_tls` behind, unless the practice keeps its
//! port-80 forward. Then the table stays as a guard, `status` shows it in
//! text, json and nagios, and `undo` removes it. A `replay` that stops at
//! the firewall step closes the window it opened (knot answers the DNS).

mod support;

#[path = "support/docker.rs"]
mod docker;
#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/wizard_lab.rs"]
mod wizard_lab;

use support::skip;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use praxis_tls::core::model::network::Port80Policy;
use praxis_tls::core::{Lang, Step, Wizard};
use praxis_tls::io::store::Store;

const NAME: &str = "termine.praxis-wand.ch";

/// A network namespace of the test's own, deleted however the test ends.
struct Netns(String);

impl Netns {
    fn new(tag: &str) -> Option<Netns> {
        if !nix::unistd::geteuid().is_root() {
            skip::skipped("network namespaces need root");
            return None;
        }
        if Command::new("nft").arg("--version").output().is_err() {
            skip::skipped("nft is missing (apt-get install nftables)");
            return None;
        }
        let name = format!("ptl-fw-{tag}-{}", std::process::id());
        let _ = Command::new("ip").args(["netns", "del", &name]).output();
        let out = Command::new("ip")
            .args(["netns", "add", &name])
            .output()
            .unwrap();
        if !out.status.success() {
            skip::skipped(&format!(
                "ip netns add: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
            return None;
        }
        Some(Netns(name))
    }

    fn ruleset(&self) -> String {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.0, "nft", "list", "ruleset"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).output();
    }
}

fn show(o: &Output) -> (i32, String) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("exit {:?}\n{text}", o.status.code());
    (o.status.code().unwrap_or(-1), text)
}

fn certificate(pebble: &pebble::Pebble, port: u16, state: &Path, ns: &Netns) -> (i32, String) {
    let o = pebble
        .praxis(port, state)
        .args(["--firewall-netns", &ns.0])
        .args(["certificate", "--domain", NAME, "--email"])
        .args(["praxis@praxis-wand.ch", "--accept-terms"])
        .output()
        .unwrap();
    show(&o)
}

fn praxis(state: &Path, ns: &Netns, args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_praxis-tls"))
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", "en", "--firewall-netns", &ns.0])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    show(&o)
}

#[test]
fn certificate_closes_the_window_and_leaves_no_table() {
    let Some(ns) = Netns::new("cert") else {
        return;
    };
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();

    let (code, out) = certificate(&pebble, port, state.path(), &ns);
    assert_eq!(code, 0, "{}", pebble.log());
    assert!(out.contains("firewall"), "the window was opened: {out}");
    let rules = ns.ruleset();
    assert!(!rules.contains("praxis_tls"), "table left behind:\n{rules}");

    let (_, out) = praxis(state.path(), &ns, &["status", "--format", "json"]);
    assert!(!out.contains("firewall_guard"), "{out}");
}

#[test]
fn the_kept_guard_is_shown_by_status_and_removed_by_undo() {
    let Some(ns) = Netns::new("guard") else {
        return;
    };
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    // The practice confirmed its forwards, keeping port 80 forwarded.
    let mut w = Wizard::new(Lang::En, time::OffsetDateTime::now_utc());
    w.network.policy = Port80Policy::Permanent;
    w.confirmed.insert(Step::PortForwarding);
    Store::open(state.path()).unwrap().save(&w).unwrap();

    let (code, out) = certificate(&pebble, port, state.path(), &ns);
    assert_eq!(code, 0, "{}", pebble.log());
    assert!(out.contains("firewall table stays"), "{out}");
    let rules = ns.ruleset();
    assert!(rules.contains("table inet praxis_tls"), "{rules}");
    assert!(rules.contains(&format!("tcp dport {port} drop")), "{rules}");
    assert!(
        !rules.contains("elements"),
        "the window is closed:\n{rules}"
    );

    let (_, text) = praxis(state.path(), &ns, &["status"]);
    assert!(
        text.contains(&format!(
            "The firewall keeps port {port} closed between renewals (table inet praxis_tls)"
        )),
        "{text}"
    );
    let (_, json) = praxis(state.path(), &ns, &["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["firewall_guard"]["table"], "inet praxis_tls", "{json}");
    assert_eq!(v["firewall_guard"]["port"], port.to_string(), "{json}");
    let (_, nagios) = praxis(state.path(), &ns, &["status", "--format", "nagios"]);
    assert!(
        nagios.contains(&format!(
            "firewall table inet praxis_tls kept, drops port {port} between renewals"
        )),
        "{nagios}"
    );

    let (code, out) = praxis(state.path(), &ns, &["undo", "--yes"]);
    assert_eq!(code, 0, "{out}");
    let rules = ns.ruleset();
    assert!(
        !rules.contains("praxis_tls"),
        "undo left the table:\n{rules}"
    );
    let (_, json) = praxis(state.path(), &ns, &["status", "--format", "json"]);
    assert!(!json.contains("firewall_guard"), "{json}");
}

#[test]
fn undo_removes_a_table_an_earlier_version_left() {
    let Some(ns) = Netns::new("old") else {
        return;
    };
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let state = tempfile::tempdir().unwrap();
    let (code, _) = certificate(&pebble, port, state.path(), &ns);
    assert_eq!(code, 0, "{}", pebble.log());
    // As an earlier version left it: the window closed, the table there.
    let table = format!(
        "table inet praxis_tls {{\n chain input {{\n  type filter hook input priority filter - 10; policy accept;\n  tcp dport {port} drop\n }}\n}}\n"
    );
    let mut child = Command::new("ip")
        .args(["netns", "exec", &ns.0, "nft", "-f", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), table.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(ns.ruleset().contains("praxis_tls"));

    let (code, out) = praxis(state.path(), &ns, &["undo", "--yes"]);
    assert_eq!(code, 0, "{out}");
    let rules = ns.ruleset();
    assert!(!rules.contains("praxis_tls"), "{rules}");
}

/// The steps up to the firewall passed over, knot answering the DNS; at
/// the firewall step the window opens, and the probe knocks on a port
/// where another web server answers, so the check fails there.
struct ToFirewall {
    _knot: support::knot::Knot,
    tmp: tempfile::TempDir,
    answers: std::path::PathBuf,
    state: std::path::PathBuf,
    flags: Vec<String>,
}

fn to_firewall() -> ToFirewall {
    let knot = wizard_lab::dns();
    let tmp = tempfile::tempdir().unwrap();
    let install = tmp.path().join("elexis-oob");
    std::fs::create_dir_all(&install).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/elexis-current-lab");
    for f in ["docker-compose.yaml", ".env"] {
        std::fs::copy(fixture.join(f), install.join(f)).unwrap();
    }
    let answers = tmp.path().join("answers.toml");
    std::fs::write(
        &answers,
        format!(
            "[answers]\nversion = 1\n\n[language]\nlang = \"en\"\n\n\
             [start]\ndir = \"{}\"\noverride = true\n\n\
             [domain]\nname = \"{}\"\noverride = true\n\n[dns]\noverride = true\n\n\
             [ports]\npolicy = \"on-demand\"\naddress = \"static\"\nforwards_done = true\noverride = true\n\n\
             [firewall]\nopen_window = true\n",
            install.display(),
            wizard_lab::HOST
        ),
    )
    .unwrap();
    let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let probe = other.local_addr().unwrap().port().to_string();
    std::thread::spawn(move || {
        for conn in other.incoming() {
            let Ok(mut c) = conn else { return };
            let mut buf = [0u8; 2048];
            let _ = std::io::Read::read(&mut c, &mut buf);
            let _ = std::io::Write::write_all(
                &mut c,
                b"HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\nconnection: close\r\n\r\nnot here\n",
            );
        }
    });
    let dns = knot.addr.to_string();
    let flags = [
        "--dns-server",
        &dns,
        "--public-ip-dns",
        &dns,
        "--dns-timeout",
        "2",
        "--upnp-ssdp",
        "127.0.0.1:9",
        "--responder-port",
        &pebble::free_port().to_string(),
        "--probe-port",
        &probe,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    ToFirewall {
        _knot: knot,
        state: tmp.path().join("state"),
        tmp,
        answers,
        flags,
    }
}

#[test]
fn a_replay_that_stops_at_the_firewall_step_closes_its_window() {
    let Some(ns) = Netns::new("replay") else {
        return;
    };
    let lab = to_firewall();
    let mut args: Vec<&str> = lab.flags.iter().map(String::as_str).collect();
    let answers = lab.answers.display().to_string();
    args.extend(["replay", "--yes", &answers]);
    let (code, out) = praxis(&lab.state, &ns, &args);
    assert_ne!(code, 0, "{out}");
    assert!(
        out.contains("\"step\":\"firewall\""),
        "stopped elsewhere: {out}"
    );
    let journal = std::fs::read_to_string(lab.state.join("journal.json")).unwrap();
    assert!(
        journal.contains("firewall-window"),
        "no window opened: {journal}"
    );
    let rules = ns.ruleset();
    assert!(!rules.contains("elements"), "a window is open:\n{rules}");
    assert!(!rules.contains("praxis_tls"), "the table is left:\n{rules}");
}

#[test]
fn quitting_the_wizard_closes_its_window() {
    let Some(ns) = Netns::new("quit") else {
        return;
    };
    let lab = to_firewall();
    let mut args: Vec<String> = vec![
        "--state-dir".into(),
        lab.state.display().to_string(),
        "--firewall-netns".into(),
        ns.0.clone(),
        "--answers".into(),
        lab.answers.display().to_string(),
    ];
    args.extend(lab.flags.iter().cloned());
    let env = [
        ("LANG", "C.UTF-8".to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let t = support::tmux::Tmux::start(env!("CARGO_BIN_EXE_praxis-tls"), &args, &env, 100, 30);
    // The autopilot opens the window and hands over at the failed check.
    t.wait_for("Another web server answers", Duration::from_secs(60));
    assert!(ns.ruleset().contains("elements"), "{}", ns.ruleset());
    t.keys(&["F10"]);
    t.keys(&["y"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !t.dead() {
        assert!(Instant::now() < deadline, "still running:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(100));
    }
    let rules = ns.ruleset();
    assert!(!rules.contains("elements"), "a window is open:\n{rules}");
    assert!(!rules.contains("praxis_tls"), "the table is left:\n{rules}");
    drop(lab.tmp);
}
