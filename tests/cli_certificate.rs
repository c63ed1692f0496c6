//! `praxis-tls certificate` (and `report`) as the real binary against a
//! real Pebble + challtestsrv on loopback, with `--no-firewall`.

#[path = "support/pebble.rs"]
mod pebble;

use std::io::Read as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use pebble::Pebble;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const EMAIL: &str = "praxis@praxis-muster.ch";

struct Setup {
    pebble: Pebble,
    port: u16,
    state: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let port = pebble::free_port();
        Setup {
            pebble: Pebble::start(port, None, 0),
            port,
            state: tempfile::tempdir().unwrap(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.arg("--state-dir")
            .arg(self.state.path())
            .args(["--lang", "en"])
            .arg("--acme-directory")
            .arg(&self.pebble.directory_url)
            .arg("--acme-root")
            .arg(&self.pebble.listener_ca)
            .args(["--responder-port", &self.port.to_string()])
            .args(args)
            .env_remove("PRAXIS_TLS_STATE_DIR")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn certificate(&self, name: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            "certificate",
            "--domain",
            name,
            "--email",
            EMAIL,
            "--accept-terms",
            "--no-firewall",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    fn state_json(&self) -> Value {
        let text = std::fs::read_to_string(self.state.path().join("state.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn code(o: &Output, pebble: &Pebble) -> i32 {
    let (out, err) = text(o);
    let c = o.status.code().unwrap_or(-1);
    eprintln!("exit {c}\n--- stdout\n{out}--- stderr\n{err}");
    if c != 0 {
        eprintln!("--- pebble\n{}", pebble.log());
    }
    c
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The base64 body of a PEM key: what must never leave its file.
fn key_body(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

#[test]
fn dry_run_then_production_stores_the_record_and_no_key() {
    let s = Setup::new();
    let name = "termine.praxis-muster.ch";
    let o = s.certificate(name, &[]);
    assert_eq!(code(&o, &s.pebble), 0);
    let (out, err) = text(&o);
    // Two orders: the dry run's and production's.
    assert!(err.contains("Dry run: order https://"), "{err}");
    assert!(err.contains("Let's Encrypt: order https://"), "{err}");
    assert!(out.contains("environment: production"), "{out}");
    assert!(out.contains(&format!("name: {name}")), "{out}");

    let state = s.state_json();
    let c = &state["wizard"]["certificate"];
    assert_eq!(c["dry_run_for"], name);
    assert!(c["production_order"].is_null(), "cleared after success");
    assert!(c["staging_order"].is_null());
    let attempts = c["attempts"]["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert_eq!(attempts[0]["production"], false);
    assert_eq!(attempts[1]["production"], true);
    assert_eq!(attempts[1]["outcome"], "issued");
    let installed = &c["installed"];
    assert_eq!(installed["domain"], name);
    let crt = PathBuf::from(installed["path_crt"].as_str().unwrap());
    let key = PathBuf::from(installed["path_key"].as_str().unwrap());
    assert_eq!(crt.parent().unwrap(), s.state.path().join("certs"));
    assert!(
        std::fs::read_to_string(&crt)
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );
    assert_eq!(mode(&key), 0o600);
    let key_pem = std::fs::read_to_string(&key).unwrap();
    let raw = std::fs::read_to_string(s.state.path().join("state.json")).unwrap();
    assert!(!raw.contains("PRIVATE KEY"));
    assert!(!raw.contains(&key_body(&key_pem)));
    // The dry run's files are kept apart from the real ones.
    assert!(s.state.path().join("certs/staging").is_dir());

    // The support bundle: written, and without any key bytes.
    let out_dir = tempfile::tempdir().unwrap();
    let o = s.run(&["report", "--out", out_dir.path().to_str().unwrap()]);
    assert_eq!(code(&o, &s.pebble), 0);
    let (out, _) = text(&o);
    let bundle = PathBuf::from(out.trim());
    assert!(bundle.starts_with(out_dir.path()), "{bundle:?}");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&bundle).unwrap())
        .read_to_end(&mut bytes)
        .unwrap();
    let all = String::from_utf8_lossy(&bytes);
    assert!(all.contains("state.json"), "the state goes along");
    assert!(!all.contains("PRIVATE KEY"));
    assert!(!all.contains(&key_body(&key_pem)));
}

#[test]
fn a_failed_production_attempt_blocks_the_next_for_a_day() {
    let s = Setup::new();
    let name = "termine.praxis-fehler.ch";
    // The dry run passes while the name points at the responder.
    let o = s.certificate(name, &["--staging"]);
    assert_eq!(code(&o, &s.pebble), 0);
    assert!(text(&o).0.contains("environment: staging"));
    assert!(s.state_json()["wizard"]["certificate"]["installed"].is_null());

    // Then the name points where the responder is not. A new account, so
    // that Pebble cannot hand back the authorization the dry run validated
    // (it sometimes does, whatever PEBBLE_AUTHZREUSE says): the production
    // attempt must really be checked, and fail.
    std::fs::remove_dir_all(s.state.path().join("acme")).unwrap();
    s.pebble.add_a(name, &["127.0.0.2"]);
    let o = s.certificate(name, &["--responder-bind", "127.0.0.1"]);
    assert_eq!(code(&o, &s.pebble), 5, "validation failed");
    let (_, err) = text(&o);
    assert!(
        err.contains("already succeeded"),
        "no second dry run: {err}"
    );
    let state = s.state_json();
    let c = &state["wizard"]["certificate"];
    let last = c["attempts"]["attempts"]
        .as_array()
        .unwrap()
        .last()
        .unwrap();
    assert_eq!(last["production"], true);
    assert_eq!(last["outcome"], "failed");
    assert!(
        c["last_error"]["summary"]["id"]
            .as_str()
            .unwrap()
            .starts_with("acme-error-")
    );

    let o = s.certificate(name, &[]);
    assert_eq!(code(&o, &s.pebble), 4, "refused by the once-a-day guard");
    assert!(text(&o).1.contains("at most once a day"));
}

#[test]
fn an_interrupted_issuance_resumes_its_order() {
    let s = Setup::new();
    let name = "termine.praxis-unterbruch.ch";
    let mut child = s
        .command(&[
            "certificate",
            "--domain",
            name,
            "--email",
            EMAIL,
            "--accept-terms",
            "--no-firewall",
            "--pause-after-order-ms",
            "60000",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::from(
            std::fs::File::create(s.state.path().join("child.err")).unwrap(),
        ))
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let url = loop {
        assert!(Instant::now() < deadline, "no production order saved");
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished too early:\n{}\n{}",
            std::fs::read_to_string(s.state.path().join("child.err")).unwrap_or_default(),
            s.pebble.log()
        );
        let order = std::fs::read_to_string(s.state.path().join("state.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| {
                v["wizard"]["certificate"]["production_order"]
                    .as_str()
                    .map(String::from)
            });
        if let Some(url) = order {
            break url;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let o = s.certificate(name, &[]);
    assert_eq!(code(&o, &s.pebble), 0);
    let (out, err) = text(&o);
    assert!(
        err.contains(&format!("Let's Encrypt: resuming order {url}")),
        "{err}"
    );
    assert!(
        !err.contains("Let's Encrypt: order "),
        "no second production order"
    );
    assert!(
        !err.contains("Dry run: order"),
        "the dry run was done before"
    );
    assert!(out.contains(&format!("order: {url}")), "{out}");
    assert!(out.contains("resumed: true"), "{out}");
    let state = s.state_json();
    assert!(state["wizard"]["certificate"]["production_order"].is_null());
    assert_eq!(state["wizard"]["certificate"]["installed"]["domain"], name);
}
