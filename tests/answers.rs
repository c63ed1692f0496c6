//! The answers file: written from a finished wizard and read back equal;
//! mistakes named with their line, in German and English; `replay` as a
//! real process against the knot lab; `--answers` in a real terminal.

mod support;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use praxis_tls::core::answers::Answers;
use praxis_tls::core::library::reach::AddressPlan;
use praxis_tls::core::model::certificate::CertSource;
use praxis_tls::core::model::network::Port80Policy;
use praxis_tls::core::{Lang, Step, Wizard};
use praxis_tls::i18n;
use praxis_tls::io::answers::{self, AnswersError};
use support::knot::{Knot, Zone};
use support::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const NAME: &str = "termine.praxis-muster.ch";

/// A wizard that went all the way, with a passphrase still typed in.
fn finished() -> Wizard {
    let mut w = Wizard::new(Lang::DeCh, time::OffsetDateTime::now_utc());
    w.step = Step::Done;
    w.start.input.set("/opt/elexis-oob");
    w.domain.input.set("termine.meine-praxis.ch");
    w.network.policy = Port80Policy::OnDemand;
    w.network.address_plan = AddressPlan::DynDns;
    w.certificate.source = CertSource::Own;
    w.certificate.own_cert.set("/root/praxis.p12");
    w.session.passphrase.set("geheim-1234");
    for s in [
        Step::PortForwarding,
        Step::Install,
        Step::ProxyConfig,
        Step::Restart,
        Step::FinalCheck,
    ] {
        w.confirmed.insert(s);
    }
    w
}

#[test]
fn from_wizard_saves_and_loads_equal_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    let a = Answers::from_wizard(&finished());
    answers::save(&path, &a).unwrap();
    assert_eq!(answers::load(&path).unwrap(), a);
    let text = std::fs::read_to_string(&path).unwrap();
    eprintln!("{text}");
    assert!(!text.contains("geheim"), "no passphrase: {text}");
    for line in [
        "[answers]\nversion = 1",
        "[language]\nlang = \"de-CH\"",
        "dir = \"/opt/elexis-oob\"",
        "name = \"termine.meine-praxis.ch\"",
        "policy = \"on-demand\"",
        "address = \"dyndns\"",
        "forwards_done = true",
        "source = \"own\"",
        "own_cert = \"/root/praxis.p12\"",
        "confirmed = [\"install\", \"proxy-config\", \"restart\", \"final-check\"]",
    ] {
        assert!(text.contains(line), "{line} missing in\n{text}");
    }
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    // Saving again replaces the file whole.
    answers::save(&path, &Answers::default()).unwrap();
    assert_eq!(answers::load(&path).unwrap(), Answers::default());
}

fn load_err(src: &str) -> AnswersError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    std::fs::write(&path, src).unwrap();
    answers::load(&path).unwrap_err()
}

#[test]
fn mistakes_are_named_with_their_line() {
    let e = load_err("[answers]\nversion = 1\n\n[domain]\nname = termine.praxis.ch\n");
    let de = i18n::text(Lang::De, &e.text());
    assert!(de.contains("Zeile 5"), "{de}");
    let en = i18n::text(Lang::En, &e.text());
    assert!(en.contains("line 5"), "{en}");

    let e = load_err("[answers]\nversion = 1\n[certificate]\nsource = \"own\"\npassword = \"x\"\n");
    let en = i18n::text(Lang::En, &e.text());
    assert!(
        en.contains("line 5") && en.contains("certificate.password"),
        "{en}"
    );

    let e = load_err("[answers]\nversion = 7\n");
    let de = i18n::text(Lang::De, &e.text());
    assert!(de.contains("neuere Version") && de.contains('7'), "{de}");

    let e = load_err("[ports]\npolicy = \"permanent\"\n");
    assert!(matches!(e, AnswersError::NoVersion { .. }), "{e:?}");

    let e = load_err("[answers]\nversion = 1\n[ports]\naddress = \"fest\"\n");
    let en = i18n::text(Lang::En, &e.text());
    assert!(en.contains("line 4") && en.contains("not allowed"), "{en}");

    let e = answers::load(Path::new("/nonexistent/answers.toml")).unwrap_err();
    assert!(matches!(e, AnswersError::Read { .. }), "{e:?}");
}

/// The practice lab plus `myip.opendns.com`, which answers loopback: this
/// machine, which is not where the lab's name points (203.0.113.10).
fn lab() -> Knot {
    let mut zones = support::lab::zones();
    zones.push(Zone::new(
        "opendns.com.",
        "$ORIGIN opendns.com.\n$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\nmyip A 127.0.0.1\n",
    ));
    Knot::start(&zones)
}

/// A copy of the current-generation fixture whose `.env` names the lab's
/// domain.
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

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

fn lab_args(knot: &Knot, state: &Path, lang: &str) -> Vec<String> {
    let port = free_port().to_string();
    [
        "--state-dir",
        &state.display().to_string(),
        "--lang",
        lang,
        "--dns-server",
        &knot.addr.to_string(),
        "--public-ip-dns",
        &knot.addr.to_string(),
        // The router search goes to a loopback port where nothing answers.
        "--upnp-ssdp",
        "127.0.0.1:9",
        "--dns-timeout",
        "2",
        "--responder-port",
        &port,
        "--probe-port",
        &port,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn replay(knot: &Knot, state: &Path, lang: &str, file: &Path) -> (i32, String) {
    let o = Command::new(BIN)
        .args(lab_args(knot, state, lang))
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

fn answers_file(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("answers.toml");
    std::fs::write(&path, format!("[answers]\nversion = 1\n\n{body}")).unwrap();
    path
}

#[test]
fn replay_stops_where_the_name_does_not_point_at_this_machine() {
    let knot = lab();
    let tmp = tempfile::tempdir().unwrap();
    let install = install(tmp.path());
    let file = answers_file(
        tmp.path(),
        &format!(
            "[language]\nlang = \"en\"\n\n[start]\ndir = \"{}\"\n\n[domain]\nname = \"{NAME}\"\n\n\
             [ports]\npolicy = \"permanent\"\naddress = \"static\"\nforwards_done = true\n",
            install.display()
        ),
    );
    let state = tmp.path().join("state");
    let (code, out) = replay(&knot, &state, "en", &file);
    assert_eq!(code, 1, "{out}");
    for line in [
        "1. Choose your language: done",
        "2. Find Elexis-OOB: done",
        "3. Internet address of the appointment service: done",
        "4. Check the DNS records: done",
        "Stopped at step 5: Port forwards in the router",
        "A check failed, and the answers do not pass it over:",
        "Public address: The name points to 203.0.113.10, but your connection has the address 127.0.0.1.",
        "write override = true under [ports]",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    // What was answered is kept for the wizard to go on from.
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(saved.contains("\"port-forwarding\""), "{saved}");
    assert!(saved.contains(NAME), "{saved}");
}

#[test]
fn replay_stops_at_the_first_unanswered_step() {
    let knot = lab();
    let tmp = tempfile::tempdir().unwrap();
    let install = install(tmp.path());
    let file = answers_file(
        tmp.path(),
        &format!(
            "[language]\nlang = \"de\"\n\n[start]\ndir = \"{}\"\n",
            install.display()
        ),
    );
    let (code, out) = replay(&knot, &tmp.path().join("state"), "de", &file);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2. Elexis-OOB finden: erledigt"), "{out}");
    assert!(
        out.contains("Angehalten bei Schritt 3: Internet-Adresse des Termindienstes"),
        "{out}"
    );
    assert!(out.contains("[domain]"), "{out}");

    // A broken file: nothing is done, the line is named.
    let bad = answers_file(tmp.path(), "[start]\ndir = /opt\n");
    let (code, out) = replay(&knot, &tmp.path().join("state2"), "de", &bad);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("Zeile 5"), "{out}");
    assert!(!tmp.path().join("state2").join("state.json").exists());
}

#[test]
fn answers_prefill_the_wizard_and_hand_over_at_the_first_gap() {
    let knot = lab();
    let tmp = tempfile::tempdir().unwrap();
    let install = install(tmp.path());
    let file = answers_file(
        tmp.path(),
        &format!(
            "[language]\nlang = \"de\"\n\n[start]\ndir = \"{}\"\n\n[domain]\nname = \"{NAME}\"\n",
            install.display()
        ),
    );
    let mut args = lab_args(&knot, &tmp.path().join("state"), "en");
    args.push("--answers".into());
    args.push(file.display().to_string());
    let env = [
        ("LANG", "C.UTF-8".to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let t = Tmux::start(BIN, &args, &env, 80, 24);
    // Language, Start, Domain and DNS (nothing to answer) went by itself;
    // the port forwards are for the person.
    let wait = Duration::from_secs(30);
    let screen = t.wait_for("Portfreigaben im Router", wait);
    assert!(screen.contains("Schritt 5 von 14"), "{screen}");
    // The person's keys work as ever.
    t.keys(&["Escape"]);
    t.wait_for("DNS-Einträge prüfen", wait);
}

#[test]
fn the_readme_example_loads() {
    let readme = include_str!("../README.md");
    let section = readme.split("## Answers file").nth(1).unwrap();
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .unwrap();
    let a = answers::parse(Path::new("README.md"), example).unwrap();
    assert_eq!(a.language.map(|l| l.lang), Some(Lang::DeCh));
    assert_eq!(a.steps.map(|s| s.confirmed.len()), Some(4));
}
