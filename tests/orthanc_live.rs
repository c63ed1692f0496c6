//! Step 12 against the real Orthanc (Debian's `orthanc` package) and the
//! real stunnel: the change is restarted and checked; on Debian 12, whose
//! Orthanc crashes on its first HTTPS request (civetweb issue #1334), the
//! crash is named and the change undone; stunnel in front works, with and
//! without browser certificates, and `undo` restores every byte.

mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use praxis_tls::core::Lang;
use praxis_tls::core::orthanc::live::{Way, affected};
use praxis_tls::core::systems::SystemRequest;
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::IoConfig;
use praxis_tls::io::journal::Journal;
use praxis_tls::io::orthanc_live::{build_facts, orthanc_program};
use praxis_tls::io::systems_orthanc::{apply, stunnel_conf_path};
use support::orthanc::{Orthanc, curl, missing, tree};
use time::OffsetDateTime;

const HOST: &str = "pacs.praxis.lan";

fn config(state: &Path, root: &Path) -> IoConfig {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dns = DnsConfig {
        server: None,
        timeout: Duration::from_secs(2),
    };
    let mut c = IoConfig::new(state, dns);
    c.system_root = root.to_path_buf();
    // Long enough for a crash to show; the check waits no longer.
    c.orthanc_settle = Duration::from_secs(2);
    c
}

fn request(o: &Orthanc, way: Way, clients: &[&str], port: u16) -> SystemRequest {
    SystemRequest::Orthanc {
        host: HOST.into(),
        config: o.config.clone(),
        ips: vec!["127.0.0.1".parse().unwrap()],
        clients: clients.iter().map(|c| c.to_string()).collect(),
        practice: "Praxis Test".into(),
        way,
        restart: o.restart.display().to_string(),
        proxy_restart: o.proxy_restart.display().to_string(),
        port,
    }
}

fn german(t: &praxis_tls::core::Text) -> String {
    praxis_tls::i18n::text(Lang::De, t)
}

#[tokio::test(flavor = "multi_thread")]
async fn built_in_https_is_checked_and_a_crash_is_undone() {
    if let Some(why) = missing() {
        return support::skip::skipped(&why);
    }
    let state = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let o = Orthanc::new(&stunnel_conf_path(root.path()));
    o.start();
    assert_eq!(o.http_status(), "200");
    let before = tree(&o.config_dir);
    let cfg = config(state.path(), root.path());
    let journal = Arc::new(Mutex::new(Journal::open(state.path()).unwrap()));
    let req = request(&o, Way::BuiltIn, &[], 0);
    let result = apply(&cfg, &journal, &req, "", OffsetDateTime::now_utc()).await;

    if affected(&build_facts(&orthanc_program())) {
        // Debian 12: the known crash, named on the German screen, and the
        // change taken back.
        eprintln!("this Orthanc is affected by civetweb #1334: asserting the rollback");
        let f = result.expect_err("an affected Orthanc must fail the check");
        let summary = german(&f.summary);
        assert!(summary.contains("abgestürzt"), "{summary}");
        assert!(summary.contains("civetweb"), "{summary}");
        assert!(summary.contains("OpenSSL 3"), "{summary}");
        let back = german(&f.more[0]);
        assert!(back.contains("zurückgenommen"), "{back}");
        assert!(back.contains("über HTTP"), "{back}");
        let fix = german(f.fix.as_ref().unwrap());
        assert!(fix.contains("stunnel"), "{fix}");
        assert_eq!(
            tree(&o.config_dir),
            before,
            "the configuration is as before"
        );
        assert_eq!(o.http_status(), "200", "Orthanc answers over HTTP again");
    } else {
        let done = result.expect("a working build passes the check");
        let ca = state.path().join("practice_ca/ca.crt");
        let url = format!("https://{HOST}:{}/system", o.http_port);
        let resolve = format!("{HOST}:{}:127.0.0.1", o.http_port);
        let ca = ca.display().to_string();
        assert_eq!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "200");
        assert!(!done.report.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn stunnel_in_front_serves_https_with_and_without_browser_certificates() {
    if let Some(why) = missing() {
        return support::skip::skipped(&why);
    }
    let state = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    // systemctl --root enables Debian's unit below the test root.
    let units = root.path().join("lib/systemd/system");
    std::fs::create_dir_all(&units).unwrap();
    std::fs::copy(
        "/lib/systemd/system/stunnel@.service",
        units.join("stunnel@.service"),
    )
    .unwrap();
    let o = Orthanc::new(&stunnel_conf_path(root.path()));
    o.start();
    let config_before = tree(&o.config_dir);
    let root_before = tree(root.path());
    let cfg = config(state.path(), root.path());
    let journal = Arc::new(Mutex::new(Journal::open(state.path()).unwrap()));
    let port = support::orthanc::free_port();
    let url = format!("https://{HOST}:{port}/system");
    let resolve = format!("{HOST}:{port}:127.0.0.1");
    let ca = state
        .path()
        .join("practice_ca/ca.crt")
        .display()
        .to_string();

    // Without browser certificates: HTTPS for everyone with the CA.
    let req = request(&o, Way::Terminator, &[], port);
    let done = apply(&cfg, &journal, &req, "", OffsetDateTime::now_utc())
        .await
        .unwrap_or_else(|f| panic!("{}: {:?}", german(&f.summary), f.detail));
    assert!(done.terminator);
    assert_eq!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "200");
    let conf = std::fs::read_to_string(stunnel_conf_path(root.path())).unwrap();
    assert!(conf.contains(&format!("connect = 127.0.0.1:{}", o.http_port)));
    let wants = root
        .path()
        .join("etc/systemd/system/multi-user.target.wants/stunnel@praxis-orthanc.service");
    assert!(wants.symlink_metadata().is_ok(), "the service is enabled");
    // Orthanc itself keeps plain HTTP and its file.
    assert_eq!(
        tree(&o.config_dir).len(),
        config_before.len() + 1,
        "only the key file is new"
    );
    assert_eq!(
        std::fs::read(&o.config).unwrap(),
        config_before
            .iter()
            .find(|(p, ..)| *p == o.config)
            .unwrap()
            .1
    );

    // With browser certificates: refused without, let in with the PKCS#12.
    let req = request(&o, Way::Terminator, &["Anna Muster"], port);
    apply(
        &cfg,
        &journal,
        &req,
        "Röntgen-2026",
        OffsetDateTime::now_utc(),
    )
    .await
    .unwrap_or_else(|f| panic!("{}: {:?}", german(&f.summary), f.detail));
    assert_ne!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "200");
    let p12 = state.path().join("browser-certificates/anna-muster.p12");
    let cert = format!("{}:Röntgen-2026", p12.display());
    assert_eq!(
        curl(&[
            "--cacert",
            &ca,
            "--resolve",
            &resolve,
            "--cert-type",
            "P12",
            "--cert",
            &cert,
            &url
        ]),
        "200"
    );

    // undo: every byte as before, and Orthanc on plain HTTP.
    let reports = journal.lock().unwrap().undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    o.stop_stunnel();
    assert_eq!(tree(&o.config_dir), config_before);
    assert_eq!(tree(root.path()), root_before);
    assert_eq!(o.http_status(), "200");
}

/// The saved wizard of a practice that set Orthanc up behind stunnel.
fn saved(
    o: &Orthanc,
    port: u16,
    done: praxis_tls::core::systems::SystemDone,
) -> praxis_tls::core::Wizard {
    use praxis_tls::core::TextInput;
    let mut w = praxis_tls::core::Wizard::new(Lang::De, OffsetDateTime::now_utc());
    let f = &mut w.systems.orthanc;
    f.host = TextInput::new(HOST);
    f.config = TextInput::new(o.config.display().to_string());
    f.ips = TextInput::new("127.0.0.1");
    f.clients = TextInput::new("Anna Muster");
    f.terminator = true;
    f.port = TextInput::new(port.to_string());
    f.restart = TextInput::new(o.restart.display().to_string());
    f.proxy_restart = TextInput::new(o.proxy_restart.display().to_string());
    w.systems.done.push(done);
    w
}

fn praxis(state: &Path, args: &[&str]) -> (i32, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_praxis-tls"))
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", "de"])
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), text)
}

/// Orthanc's certificate's state in `status --format json`.
fn cert_state(state: &Path) -> String {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_praxis-tls"))
        .arg("--state-dir")
        .arg(state)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let certs = v["certificates"].as_array().unwrap();
    let c = certs.iter().find(|c| c["domain"] == HOST).unwrap();
    c["state"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn renew_reissues_a_due_orthanc_certificate_and_undoes_a_failed_one() {
    if let Some(why) = missing() {
        return support::skip::skipped(&why);
    }
    let state = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let units = root.path().join("lib/systemd/system");
    std::fs::create_dir_all(&units).unwrap();
    std::fs::copy(
        "/lib/systemd/system/stunnel@.service",
        units.join("stunnel@.service"),
    )
    .unwrap();
    let o = Orthanc::new(&stunnel_conf_path(root.path()));
    o.start();
    let cfg = config(state.path(), root.path());
    let journal = Arc::new(Mutex::new(Journal::open(state.path()).unwrap()));
    let port = support::orthanc::free_port();

    // Set up 800 days ago: the server certificate (825 days) ends in 25.
    let then = OffsetDateTime::now_utc() - time::Duration::days(800);
    let req = request(&o, Way::Terminator, &["Anna Muster"], port);
    let done = apply(&cfg, &journal, &req, "Röntgen-2026", then)
        .await
        .unwrap_or_else(|f| panic!("{}: {:?}", german(&f.summary), f.detail));
    let old = done
        .certificate
        .clone()
        .expect("step 12 records the certificate");
    assert!(old.days_left(OffsetDateTime::now_utc()) <= 25);
    drop(journal);
    praxis_tls::io::store::Store::open(state.path())
        .unwrap()
        .save(&saved(&o, port, done))
        .unwrap();

    // status warns: fewer than 60 days left.
    assert_eq!(cert_state(state.path()), "WARNING");
    let (_, out) = praxis(state.path(), &["status", "--format", "nagios"]);
    assert!(
        out.contains(&format!("{HOST}: certificate valid for")),
        "{out}"
    );

    // renew: due, reissued, installed, stunnel restarted, checked.
    let pem = o.config_dir.join(format!("{HOST}.pem"));
    let before = std::fs::read(&pem).unwrap();
    let (code, out) = praxis(state.path(), &["renew", "--no-firewall"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("erneuert"), "{out}");
    assert_ne!(std::fs::read(&pem).unwrap(), before, "a new certificate");
    let url = format!("https://{HOST}:{port}/system");
    let resolve = format!("{HOST}:{port}:127.0.0.1");
    let ca = state
        .path()
        .join("practice_ca/ca.crt")
        .display()
        .to_string();
    let p12 = state.path().join("browser-certificates/anna-muster.p12");
    let cert = format!("{}:Röntgen-2026", p12.display());
    let with_p12 = [
        "--cacert",
        &ca,
        "--resolve",
        &resolve,
        "--cert-type",
        "P12",
        "--cert",
        &cert,
        &url,
    ];
    assert_eq!(curl(&with_p12), "200");
    assert_eq!(cert_state(state.path()), "OK");

    // A renewal whose check fails is undone: the file as before, stunnel
    // serving it again, and the reason in German.
    let mut w = praxis_tls::io::store::Store::open(state.path())
        .unwrap()
        .load()
        .unwrap()
        .unwrap();
    let restart_ok = w.systems.orthanc.proxy_restart.clone();
    w.systems.orthanc.proxy_restart =
        praxis_tls::core::TextInput::new(format!("sh -c '{} && exit 1'", restart_ok.value));
    praxis_tls::io::store::Store::open(state.path())
        .unwrap()
        .save(&w)
        .unwrap();
    let before = std::fs::read(&pem).unwrap();
    let (code, out) = praxis(state.path(), &["renew", "--no-firewall", "--force"]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("zurückgenommen"), "{out}");
    assert_eq!(
        std::fs::read(&pem).unwrap(),
        before,
        "the old certificate is back"
    );
    // The stand-in restart starts stunnel in the background, as a unit's
    // start would: it may still be binding when renew returns.
    support::orthanc::wait_port(port);
    assert_eq!(curl(&with_p12), "200");
}
