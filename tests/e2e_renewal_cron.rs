//! The renewal step on the real root of this machine, in a terminal at
//! 80×24 in de-CH: where systemd is not the running init (CI's machine, a
//! container), the wizard sets up the cron entry in /etc/cron.d, naming a
//! copy of itself in /usr/local/sbin, never the build folder; `undo`
//! removes both. Whatever happens, nothing is left behind.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use praxis_tls::core::{Lang, Step, Wizard};
use praxis_tls::io::store::Store;
use support::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const WAIT: Duration = Duration::from_secs(30);
const CRON: &str = "/etc/cron.d/praxis-tls-renew";
const COPY: &str = "/usr/local/sbin/praxis-tls";

/// Takes the renewal run away again, also when an assertion failed.
struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::process::Command::new(BIN)
            .arg("--state-dir")
            .arg(&self.0)
            .args(["undo", "--yes"])
            .output();
        for leftover in [CRON, COPY] {
            if Path::new(leftover).exists() {
                let _ = std::fs::remove_file(leftover);
                eprintln!("removed a leftover {leftover}");
            }
        }
    }
}

/// Whether this machine is one the test may change: root, no systemd
/// running (it would enable a real timer), nothing of ours there yet.
fn usable() -> bool {
    let reason = if !nix::unistd::geteuid().is_root() {
        "needs root"
    } else if Path::new("/run/systemd/system").exists() {
        "systemd runs here: the test would enable a real timer"
    } else if !Path::new("/etc/cron.d").is_dir() {
        "no /etc/cron.d"
    } else if Path::new(CRON).exists() || Path::new(COPY).exists() {
        "a renewal run of praxis-tls is already set up here"
    } else {
        return true;
    };
    support::skip::skipped(reason);
    false
}

#[test]
fn without_systemd_the_wizard_sets_up_cron_on_the_real_root() {
    if !usable() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    // A run that got as far as the renewal step.
    let mut w = Wizard::new(Lang::DeCh, time::OffsetDateTime::now_utc());
    w.step = Step::AutoRenew;
    Store::open(&state).unwrap().save(&w).unwrap();
    let _cleanup = Cleanup(state.clone());

    let args = vec!["--state-dir".to_string(), state.display().to_string()];
    let env = [
        ("LANG", "de_CH.UTF-8".to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let t = Tmux::start(BIN, &args, &env, 80, 24);
    t.wait_for("Sie waren bei Schritt 13", WAIT);
    t.keys(&["Enter"]);
    // The step has looked at the system once it names the copy it will
    // make of the program (while it looks, Enter waits for it).
    let screen = t.wait_for(
        "Das Programm wird nach /usr/local/sbin/praxis-tls kopiert",
        WAIT,
    );
    assert!(screen.contains("Schritt 13 von 14"), "{screen}");
    assert!(screen.contains("Mailserver (SMTP)"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Automatische Erneuerung einrichten?", WAIT);
    assert!(
        screen.contains("«praxis-tls undo» nimmt es wieder zurück"),
        "{screen}"
    );
    assert!(screen.contains("Enter oder J: Ja"), "{screen}");
    t.keys(&["j"]);
    let screen = t.wait_for("Eingerichtet:", WAIT);
    assert!(screen.contains("/usr/local/sbin/praxis-tls"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("Schritt 14 von 14", WAIT);

    let entry = std::fs::read_to_string(CRON).unwrap();
    let line = entry.lines().last().unwrap();
    let state_abs = std::path::absolute(&state).unwrap();
    assert!(
        line.contains(&format!(
            " root /usr/local/sbin/praxis-tls renew --state-dir {} ",
            state_abs.display()
        )),
        "{entry}"
    );
    assert!(!line.contains("target"), "never the build folder: {line}");
    assert_eq!(std::fs::read(COPY).unwrap(), std::fs::read(BIN).unwrap());

    // status sees the run; undo takes it away.
    let o = std::process::Command::new(BIN)
        .arg("--state-dir")
        .arg(&state)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["schedule"]["state"], "active", "{json:#}");
    // Enter reads «Fertig» to its end, then quits.
    let start = std::time::Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < WAIT, "the wizard did not end");
        t.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(300));
    }
    let o = std::process::Command::new(BIN)
        .arg("--state-dir")
        .arg(&state)
        .args(["--lang", "de-CH", "undo", "--yes"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    assert!(!Path::new(CRON).exists() && !Path::new(COPY).exists());
}
