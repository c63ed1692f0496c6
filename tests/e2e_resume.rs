//! The real binary in a real terminal: walk Language → Start → Domain → DNS
//! against the lab's DNS server, kill it with SIGKILL, start it again, and
//! find the resume offer with every answer kept.

mod support;

use std::path::Path;
use std::time::Duration;

use support::tmux::Tmux;

const WAIT: Duration = Duration::from_secs(20);

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn walk_kill_and_resume() {
    let dns = support::lab::start();
    let tmp = tempfile::tempdir().unwrap();
    let install = tmp.path().join("elexis-oob");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/elexis-current"),
        &install,
    );
    std::fs::write(
        install.join(".env"),
        "LOCAL_NAME=nuno\nEXTERNAL_NAME=praxis-muster.ch\n",
    )
    .unwrap();
    let state = tmp.path().join("state");

    let bin = env!("CARGO_BIN_EXE_praxis-tls");
    let args: Vec<String> = vec![
        "--state-dir".into(),
        state.display().to_string(),
        "--lang".into(),
        "de".into(),
        "--dns-server".into(),
        dns.addr.to_string(),
    ];
    let env = [
        ("LANG", "C.UTF-8".to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let t = Tmux::start(bin, &args, &env, 80, 24);

    t.wait_for("In welcher Sprache", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Elexis-OOB finden", WAIT);
    // Whatever the scan proposed, this directory is the one.
    for _ in 0..80 {
        t.keys(&["BSpace"]);
    }
    t.type_text(&install.display().to_string());
    t.wait_for("Generation: aktuelle Version", WAIT);
    t.keys(&["Enter"]);

    // The domain is proposed from EXTERNAL_NAME and checked live.
    let screen = t.wait_for("Internet-Adresse des Termindienstes", WAIT);
    assert!(screen.contains("termine.praxis-muster.ch"), "{screen}");
    t.wait_for("Mit Enter geht es weiter", WAIT);
    t.keys(&["Enter"]);

    let screen = t.wait_for("DNS-Einträge prüfen", WAIT);
    assert!(screen.contains("Schritt 4 von 14"), "{screen}");
    let screen = t.wait_for("Mit Enter geht es weiter", WAIT);
    assert!(
        screen.contains("203.0.113.10"),
        "the A record is shown: {screen}"
    );

    // SIGKILL: nothing gets a chance to save on the way out.
    let pid = t.pid();
    assert!(pid > 0);
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGKILL,
    )
    .unwrap();
    let start = std::time::Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < WAIT, "the wizard did not die");
        std::thread::sleep(Duration::from_millis(20));
    }
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(saved.contains("termine.praxis-muster.ch"), "{saved}");

    // The lock died with the process: a new start gets in.
    t.respawn(bin, &args, &env);
    let screen = t.wait_for("Willkommen zurück", WAIT);
    assert!(screen.contains("Schritt 4"), "{screen}");
    assert!(screen.contains("Fortfahren"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Mit Enter geht es weiter", WAIT);
    assert!(
        screen.contains("termine.praxis-muster.ch"),
        "answers kept: {screen}"
    );

    // Back to the domain step: the typed answer is still there.
    t.keys(&["Escape"]);
    let screen = t.wait_for("Internet-Adresse des Termindienstes", WAIT);
    assert!(screen.contains("termine.praxis-muster.ch"), "{screen}");

    // An SSH drop (SIGHUP) ends the wizard with everything saved.
    t.keys(&["Enter"]);
    t.wait_for("DNS-Einträge prüfen", WAIT);
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(t.pid()),
        nix::sys::signal::Signal::SIGHUP,
    )
    .unwrap();
    let start = std::time::Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < WAIT, "the wizard ignored SIGHUP");
        std::thread::sleep(Duration::from_millis(20));
    }
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(
        saved.contains("\"step\": \"dns\"") || saved.contains("\"step\":\"dns\""),
        "{saved}"
    );
    t.respawn(bin, &args, &env);
    t.wait_for("Willkommen zurück", WAIT);
    t.keys(&["Enter"]);

    // Quit asks first, then ends cleanly.
    t.keys(&["F10"]);
    t.wait_for("Beenden?", WAIT);
    t.keys(&["Enter"]);
    let start = std::time::Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < WAIT, "the wizard did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The resume promise for typing: what the wizard has shown for 250 ms is
/// in the resume file, even after SIGKILL. The wait is the promise's own
/// bound, not a guess at when a write is done: the moment the screen shows
/// the last character is the latest the keystroke can have been handled.
#[test]
fn typing_shown_for_250_ms_survives_sigkill() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let bin = env!("CARGO_BIN_EXE_praxis-tls");
    let args: Vec<String> = vec![
        "--state-dir".into(),
        state.display().to_string(),
        "--lang".into(),
        "de".into(),
    ];
    let env = [
        ("LANG", "C.UTF-8".to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let t = Tmux::start(bin, &args, &env, 80, 24);
    t.wait_for("In welcher Sprache", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Elexis-OOB finden", WAIT);
    for _ in 0..80 {
        t.keys(&["BSpace"]);
    }
    // Typed as she types: one key after another, the last one alone.
    let typed = "/srv/praxis-q7";
    for c in typed.chars() {
        t.type_text(&c.to_string());
    }
    t.wait_for(typed, WAIT);
    std::thread::sleep(Duration::from_millis(250));
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(t.pid()),
        nix::sys::signal::Signal::SIGKILL,
    )
    .unwrap();
    let start = std::time::Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < WAIT, "the wizard did not die");
        std::thread::sleep(Duration::from_millis(20));
    }
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state.join("state.json")).unwrap()).unwrap();
    assert_eq!(
        saved["wizard"]["start"]["input"]["value"], typed,
        "{saved:#}"
    );
}
