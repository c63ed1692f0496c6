//! Mail from the real binary to the local SMTP server: `mail --test`
//! stores the settings and proves them; a renewal that fails (Pebble
//! cannot reach the responder) and the back-off after it send the failure
//! mail; with the forward off between renewals the reminder goes out
//! first, once. The password is never in `state.json`, `mail.toml` or the
//! log.

#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/smtp.rs"]
mod smtp;

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use praxis_tls::core::library::status::{CertRecord, RenewalHint};
use praxis_tls::core::model::network::Port80Policy;
use praxis_tls::core::{Lang, TextInput, Wizard};
use praxis_tls::io::store::Store;
use smtp::SmtpServer;
use time::{Duration, OffsetDateTime};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const PASSWORD: &str = "geheim-Passwort-42";
const NAME: &str = "termine.praxis-post.ch";

fn praxis(state: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut child = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
    }
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    eprintln!(
        "exit {:?}\n{}{err}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout)
    );
    (o.status.code().unwrap_or(-1), err)
}

fn configure(state: &Path, smtp: &SmtpServer, test: bool) -> (i32, String) {
    let port = smtp.port().to_string();
    let mut args = vec![
        "mail",
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "plain",
        "--user",
        "praxis",
        "--from",
        "server@praxis-post.ch",
        "--to",
        "empfang@praxis-post.ch",
        "--password-stdin",
    ];
    if test {
        args.push("--test");
    }
    praxis(state, &args, Some(&format!("{PASSWORD}\n")))
}

/// A state with a certificate for `NAME`: `age_days` of its 90 days gone.
fn seed(state: &Path, age_days: i64, policy: Port80Policy) {
    let now = OffsetDateTime::now_utc();
    let mut w = Wizard::new(Lang::En, now);
    let c = &mut w.certificate;
    c.email = TextInput::new("it@praxis-post.ch");
    c.terms_accepted = true;
    c.dry_run_for = Some(NAME.into());
    c.installed = Some(CertRecord {
        domain: NAME.into(),
        path_crt: state.join("certs").join(format!("{NAME}.crt")),
        path_key: state.join("certs").join(format!("{NAME}.key")),
        not_before: now - Duration::days(age_days),
        not_after: now + Duration::days(90 - age_days),
        issuer: "Pebble Intermediate CA".into(),
        fingerprint_sha256: "ab".repeat(32),
        renewal: RenewalHint::default(),
    });
    w.network.policy = policy;
    Store::open(state).unwrap().save(&w).unwrap();
}

/// Headers unfolded, and the body decoded (lettre picks 7bit, quoted-
/// printable or base64 by content).
fn text(r: &smtp::Received) -> String {
    use base64::Engine as _;
    let (head, raw) = r.data.split_once("\r\n\r\n").unwrap_or((&r.data, ""));
    let head = head.replace("\r\n ", " ");
    let lower = head.to_ascii_lowercase();
    let body = if lower.contains("content-transfer-encoding: base64") {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(raw.replace("\r\n", ""))
            .unwrap();
        String::from_utf8(bytes).unwrap()
    } else if lower.contains("content-transfer-encoding: quoted-printable") {
        let soft = raw.replace("=\r\n", "");
        let mut out = Vec::new();
        let b = soft.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'=' && i + 2 < b.len() {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    } else {
        raw.to_string()
    };
    format!("{head}\n\n{body}")
}

fn assert_no_password(state: &Path) {
    for name in ["state.json", "mail.toml", "praxis-tls.log"] {
        let text = std::fs::read_to_string(state.join(name)).unwrap_or_default();
        assert!(!text.contains(PASSWORD), "password in {name}");
    }
    let pw = state.join("smtp-password");
    assert_eq!(std::fs::read_to_string(&pw).unwrap(), PASSWORD);
    let mode = std::fs::metadata(&pw).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn mail_test_stores_the_settings_and_sends() {
    let smtp = SmtpServer::start(Some(("praxis", PASSWORD)));
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path();
    let (code, err) = configure(state, &smtp, true);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("test mail went out"), "{err}");
    let got = smtp.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, ["empfang@praxis-post.ch"]);
    assert_eq!(got[0].from, "server@praxis-post.ch");
    assert_eq!(got[0].login.as_ref().unwrap().password, PASSWORD);
    assert!(smtp.logins().iter().all(|l| l.user == "praxis"));
    let data = text(&got[0]);
    assert!(
        data.contains("Subject: Test mail from praxis-tls"),
        "{data}"
    );
    let toml = std::fs::read_to_string(state.join("mail.toml")).unwrap();
    assert!(toml.contains("host = \"127.0.0.1\""), "{toml}");
    assert!(toml.contains("user = \"praxis\""), "{toml}");
    assert_no_password(state);

    // A bad address is refused before anything is stored.
    let (code, err) = praxis(
        state,
        &[
            "mail",
            "--host",
            "h",
            "--from",
            "kein-mail",
            "--to",
            "a@b.ch",
        ],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(std::fs::read_to_string(state.join("mail.toml")).unwrap() == toml);
}

#[test]
fn a_failed_renewal_and_its_back_off_are_mailed() {
    let smtp = SmtpServer::start(Some(("praxis", PASSWORD)));
    // Pebble validates at a port nobody listens on.
    let dead = pebble::free_port();
    let pebble = pebble::Pebble::start(dead, None, 0);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path();
    seed(state, 80, Port80Policy::Permanent);
    assert_eq!(configure(state, &smtp, false).0, 0);
    assert!(smtp.received().is_empty());

    let responder = pebble::free_port().to_string();
    let acme = [
        "--acme-directory",
        &pebble.directory_url,
        "--acme-root",
        pebble.listener_ca.to_str().unwrap(),
        "--responder-port",
        &responder,
    ];
    let renew: Vec<&str> = acme
        .iter()
        .copied()
        .chain(["renew", "--no-firewall"])
        .collect();
    let (code, err) = praxis(state, &renew, None);
    assert_eq!(code, 5, "validation failed: {err}");
    assert!(err.contains("A mail about this went out"), "{err}");
    let got = smtp.received();
    assert_eq!(got.len(), 1, "{got:#?}");
    let data = text(&got[0]);
    assert!(
        data.contains(&format!(
            "Subject: Certificate for {NAME} could not be renewed"
        )),
        "{data}"
    );
    assert!(data.contains("more days"), "{data}");
    assert!(data.contains("Reason:"), "{data}");
    assert!(data.contains("tries again by itself"), "{data}");

    // The next run is in the back-off: refused, and mailed again.
    let (code, err) = praxis(state, &renew, None);
    assert_eq!(code, 4, "{err}");
    assert_eq!(smtp.received().len(), 2);
    assert_no_password(state);
}

#[test]
fn with_the_forward_off_the_reminder_goes_out_once_before_the_renewal() {
    let smtp = SmtpServer::start(Some(("praxis", PASSWORD)));
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path();
    // Due at day 60; the reminder from day 53.
    seed(state, 56, Port80Policy::OnDemand);
    assert_eq!(configure(state, &smtp, false).0, 0);

    let (code, err) = praxis(state, &["renew", "--no-firewall"], None);
    assert_eq!(code, 0, "{err}");
    let got = smtp.received();
    assert_eq!(got.len(), 1, "{got:#?}");
    let data = text(&got[0]);
    assert!(
        data.contains(&format!("Please switch on port forwarding for {NAME}")),
        "{data}"
    );
    let (code, err) = praxis(state, &["renew", "--no-firewall"], None);
    assert_eq!(code, 0);
    assert!(err.contains("No renewal needed yet"), "{err}");
    assert_eq!(smtp.received().len(), 1, "the reminder goes out once");
    assert_no_password(state);
}
