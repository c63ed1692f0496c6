//! Undo by change sets, with the real binary: the certificate, key and
//! proxy configuration of one go-live are one set. When the configuration
//! was changed by hand, `undo` asks before taking back the certificate and
//! key it names, says what would no longer fit, and without a yes (here:
//! the end of input) leaves the whole set as it is.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use praxis_tls::core::library::start::Generation;
use praxis_tls::io::golive::{
    Site, apply_proxy, dynamic_file_name, install_files, plan_proxy, proxy_dirs,
};
use praxis_tls::io::journal::Journal;
use rcgen::{CertificateParams, KeyPair};
use time::OffsetDateTime;

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
const HOST: &str = "termine.praxis-lab.example";

struct Live {
    tmp: tempfile::TempDir,
    site: Site,
    state: PathBuf,
    cert: PathBuf,
    key: PathBuf,
    /// traefik's dynamic configuration, which names `cert` and `key`.
    dynamic: PathBuf,
}

/// A go-live of the current generation as the wizard makes it: the
/// certificate and key installed, then the proxy configuration naming them.
fn go_live() -> Live {
    let tmp = tempfile::tempdir().unwrap();
    let install = tmp.path().join("elexis-oob");
    std::fs::create_dir_all(&install).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/elexis-current-lab");
    for f in ["docker-compose.yaml", ".env"] {
        std::fs::copy(fixture.join(f), install.join(f)).unwrap();
    }
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let site = Site {
        install_dir: install,
        generation: Generation::Current,
        host: HOST.into(),
    };

    let now = OffsetDateTime::now_utc();
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(vec![HOST.to_string()]).unwrap();
    p.not_before = now - time::Duration::days(1);
    p.not_after = now + time::Duration::days(90);
    let cert = p.self_signed(&key).unwrap();
    let (chain_pem, key_pem) = (tmp.path().join("chain.pem"), tmp.path().join("key.pem"));
    std::fs::write(&chain_pem, cert.pem()).unwrap();
    std::fs::write(&key_pem, key.serialize_pem()).unwrap();

    let dirs = proxy_dirs(&state);
    let mut journal = Journal::open(&state).unwrap();
    let installed = install_files(&site, &dirs, &chain_pem, &key_pem, now, &mut journal).unwrap();
    let plan = plan_proxy(&site, &dirs, &installed.files, None).unwrap();
    let dynamic = plan
        .changes()
        .map(|(p, _)| p.clone())
        .find(|p| p.ends_with(dynamic_file_name(HOST)))
        .unwrap();
    apply_proxy(&mut journal, &plan).unwrap();
    let text = std::fs::read_to_string(&dynamic).unwrap();
    assert!(text.contains(&installed.files.cert), "{text}");
    Live {
        tmp,
        site,
        state,
        cert: installed.cert_path,
        key: installed.key_path,
        dynamic,
    }
}

fn undo(state: &Path, input: &str, extra: &[&str]) -> (i32, String) {
    let mut child = Command::new(BIN)
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", "en", "undo", "--yes"])
        .args(extra)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out: Output = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_hand_edited_configuration_keeps_its_certificate_until_yes() {
    let live = go_live();
    let state = live.state.clone();
    let journal = std::fs::read_to_string(state.join("journal.json")).unwrap();
    let schema = praxis_tls::io::journal::JOURNAL_SCHEMA;
    assert!(
        journal.contains(&format!("\"schema\": {schema}")),
        "{journal}"
    );
    assert!(journal.contains("\"role\": \"configuration\""), "{journal}");

    // The IT supporter adds a router by hand.
    let mut edited = std::fs::read_to_string(&live.dynamic).unwrap();
    edited.push_str("# added by hand\n");
    std::fs::write(&live.dynamic, &edited).unwrap();
    let (cert, key) = (
        std::fs::read(&live.cert).unwrap(),
        std::fs::read(&live.key).unwrap(),
    );

    // No answer (end of input): the set stays whole, and undo says so.
    let (code, out) = undo(&state, "", &[]);
    eprintln!("{out}");
    assert_ne!(code, 0, "nothing of the set was undone: not a success");
    let dynamic = live.dynamic.display().to_string();
    assert!(
        out.contains(&format!("{dynamic} was changed by hand")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "The go-between's settings file (traefik) {dynamic} still names the certificate {}, which would be deleted",
            live.cert.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "still names the private key {}",
            live.key.display()
        )),
        "{out}"
    );
    assert!(out.contains("stays as it is, because it belongs together with"));
    assert_eq!(std::fs::read(&live.cert).unwrap(), cert, "certificate kept");
    assert_eq!(std::fs::read(&live.key).unwrap(), key, "key kept");
    assert_eq!(std::fs::read_to_string(&live.dynamic).unwrap(), edited);
    let override_file = live.site.install_dir.join("docker-compose.override.yml");
    assert!(override_file.is_file(), "the override of the set stays too");

    // "no" is the same.
    let (code, _) = undo(&state, "no\n", &[]);
    assert_ne!(code, 0);
    assert!(live.cert.is_file() && live.key.is_file());

    // A yes breaks the set: the rest goes, the edited file stays.
    let (code, out) = undo(&state, "yes\n", &[]);
    eprintln!("{out}");
    assert!(!live.cert.exists() && !live.key.exists(), "{out}");
    assert!(!override_file.exists(), "{out}");
    assert_eq!(std::fs::read_to_string(&live.dynamic).unwrap(), edited);
    assert!(out.contains("changed by someone else"), "{out}");
    assert_ne!(code, 0, "the edited file is left: not all undone");
    drop(live.tmp);
}

#[test]
fn force_takes_the_whole_set_back_without_asking() {
    let live = go_live();
    let state = live.state.clone();
    std::fs::write(&live.dynamic, "# replaced by hand\n").unwrap();
    let (code, out) = undo(&state, "", &["--force"]);
    eprintln!("{out}");
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("was changed by hand"), "{out}");
    assert!(!live.cert.exists() && !live.key.exists());
}

#[test]
fn a_journal_of_format_1_is_still_undone() {
    let live = go_live();
    let state = live.state.clone();
    // As the previous version wrote it: schema 1, no sets.
    let path = state.join("journal.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["schema"] = 1.into();
    for e in v["entries"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("set");
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let (code, out) = undo(&state, "", &[]);
    eprintln!("{out}");
    assert_eq!(code, 0, "{out}");
    assert!(!live.cert.exists() && !live.key.exists() && !live.dynamic.exists());
}
