//! Hostile files a practice's machine may hold, against the real binary:
//! a compose file nested 100 000 levels deep, a 50 MB compose file that
//! only the proxy plan reads (after detection accepted the install), and
//! answers files that are too large, too deep, or whose values no input
//! field takes. Each is refused with its reason, in the person's language,
//! before a parser sees it.

#[path = "support/pebble.rs"]
mod pebble;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use praxis_tls::core::library::start::{Generation, Installation};
use praxis_tls::core::{Lang, Wizard};
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

/// A copy of the current-generation fixture.
fn install(dir: &Path) -> PathBuf {
    let install = dir.join("elexis-oob");
    std::fs::create_dir_all(&install).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/elexis-current");
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), install.join(entry.file_name())).unwrap();
    }
    std::fs::write(
        install.join(".env"),
        "LOCAL_NAME=nuno\nEXTERNAL_NAME=praxis-muster.ch\n",
    )
    .unwrap();
    install
}

/// `replay FILE --yes`; every network lookup goes to a loopback port
/// where nothing answers.
fn replay(dir: &Path, lang: &str, body: &str) -> (i32, String) {
    let file = dir.join(format!("answers-{lang}.toml"));
    std::fs::write(&file, body).unwrap();
    replay_file(dir, lang, &file)
}

fn replay_file(dir: &Path, lang: &str, file: &Path) -> (i32, String) {
    let state = tempfile::tempdir_in(dir).unwrap();
    let o = Command::new(BIN)
        .arg("--state-dir")
        .arg(state.path())
        .args(["--lang", lang])
        .args([
            "--dns-server",
            "127.0.0.1:9",
            "--public-ip-dns",
            "127.0.0.1:9",
        ])
        .args(["--upnp-ssdp", "127.0.0.1:9", "--dns-timeout", "1"])
        .arg("replay")
        .arg(file)
        .arg("--yes")
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{out}");
    (o.status.code().unwrap_or(-1), out)
}

fn start_answers(lang: &str, dir: &Path) -> String {
    format!(
        "[answers]\nversion = 1\n[language]\nlang = \"{lang}\"\n[start]\ndir = \"{}\"\n",
        dir.display()
    )
}

#[test]
fn a_compose_file_nested_100k_levels_is_refused_at_detection() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = install(tmp.path());
    let compose = dir.join("docker-compose.yaml");
    std::fs::write(
        &compose,
        format!(
            "services:\n  proxy:\n    image: traefik:v2.11\n    labels: {}\n",
            "[".repeat(100_000)
        ),
    )
    .unwrap();
    let (code, out) = replay(tmp.path(), "en", &start_answers("en", &dir));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "The file {} is nested more than 64 levels deep in line 4.",
            compose.display()
        )),
        "{out}"
    );
    let (_, out) = replay(tmp.path(), "de", &start_answers("de", &dir));
    assert!(
        out.contains("ist in Zeile 4 mehr als 64 Ebenen tief verschachtelt"),
        "{out}"
    );
}

#[test]
fn answers_files_too_large_or_too_deep_are_refused_before_parsing() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = format!("[answers]\nversion = 1\nx = {}\n", "[".repeat(100_000));
    let (code, out) = replay(tmp.path(), "en", &deep);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("is nested more than 64 levels deep in line 3."),
        "{out}"
    );

    // A 10 MB domain makes the file itself too large.
    let huge = format!(
        "[answers]\nversion = 1\n[domain]\nname = \"{}.ch\"\n",
        "a".repeat(10 << 20)
    );
    let (code, out) = replay(tmp.path(), "de-CH", &huge);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("ist grösser als 1024 KiB."), "{out}");

    // A FIFO as the answers file: refused at once, never waited on.
    let fifo = tmp.path().join("answers.fifo");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let (code, out) = replay_file(tmp.path(), "en", &fifo);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("is not an ordinary file"), "{out}");
}

#[test]
fn a_50_mb_compose_file_is_refused_by_the_proxy_plan_too() {
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let tmp = tempfile::tempdir().unwrap();
    let dir = install(tmp.path());
    let state = tmp.path().join("state");
    // Detection found the install; the compose file grew afterwards, still
    // valid YAML (comments), so only a size limit can refuse it.
    let mut w = Wizard::new(Lang::En, OffsetDateTime::now_utc());
    let mut inst = Installation::new(dir.clone(), Generation::Current);
    inst.local_name = Some("nuno".into());
    inst.external_name = Some("praxis-muster.ch".into());
    w.start.found = Some(inst);
    Store::open(&state).unwrap().save(&w).unwrap();
    let compose = dir.join("docker-compose.yaml");
    let mut text = std::fs::read_to_string(&compose).unwrap();
    let filler = format!("# {}\n", "x".repeat(1022));
    while text.len() < 50 << 20 {
        text.push_str(&filler);
    }
    std::fs::write(&compose, &text).unwrap();

    let o = pebble
        .praxis(port, &state)
        .args([
            "certificate",
            "--domain",
            "termine.praxis-muster.ch",
            "--email",
            "it@praxis-muster.ch",
            "--accept-terms",
            "--no-firewall",
            "--install",
        ])
        .args(["--dns-server", "127.0.0.1:9"])
        .output()
        .unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{out}");
    assert_ne!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains(&format!(
            "The file {} is larger than 1024 KiB.",
            compose.display()
        )),
        "{out}"
    );
    // Nothing of the plan was written.
    assert!(!dir.join("docker-compose.override.yml").exists());
}

#[test]
fn replay_says_why_it_refuses_a_value() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = install(tmp.path());
    let domain = |lang: &str, name: &str| {
        format!("{}[domain]\nname = \"{name}\"\n", start_answers(lang, &dir))
    };
    let long = "a".repeat(600);
    for (lang, name, why) in [
        (
            "en",
            "termine.praxis\\nmuster.ch",
            "The value contains a line break at position 15; an input field takes one line only.",
        ),
        (
            "en",
            "termine\\u0000.ch",
            "The value contains a null character at position 8, which no input field takes.",
        ),
        (
            "en",
            long.as_str(),
            "The value is 600 characters long; an input field takes at most 512 characters.",
        ),
        (
            "de",
            "termine.praxis\\nmuster.ch",
            "Der Wert enthält an Stelle 15 einen Zeilenumbruch; ein Eingabefeld nimmt nur eine Zeile.",
        ),
    ] {
        let (code, out) = replay(tmp.path(), lang, &domain(lang, name));
        assert_eq!(code, 1, "{out}");
        let stop = out
            .lines()
            .position(|l| {
                l.contains("does not accept the answer") || l.contains("nimmt die Antwort")
            })
            .unwrap_or_else(|| panic!("no refusal in\n{out}"));
        let reason = out.lines().nth(stop + 1).unwrap_or("").trim();
        assert_eq!(reason, why, "{out}");
    }
}
