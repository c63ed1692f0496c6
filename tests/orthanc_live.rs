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
use praxis_tls::core::library::orthanc::live::{Way, affected};
use praxis_tls::core::steps::systems::SystemRequest;
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::IoConfig;
use praxis_tls::io::journal::Journal;
use praxis_tls::io::orthanc_access::write_login;
use praxis_tls::io::orthanc_live::{build_facts, orthanc_program};
use praxis_tls::io::systems_orthanc::{apply, stunnel_conf_path};
use support::orthanc::{Orthanc, curl, missing, tree, wait_port};
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
    request_as(o, way, clients, port, None)
}

fn request_as(
    o: &Orthanc,
    way: Way,
    clients: &[&str],
    port: u16,
    user: Option<&str>,
) -> SystemRequest {
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
        user: user.map(str::to_string),
    }
}

const USER: &str = "praxis";
const PASSWORD: &str = "Röntgen-2026";

/// Step 12 as the person sees it after `result`, at 80×24 in German.
fn screen(
    result: &Result<praxis_tls::core::steps::systems::SystemDone, praxis_tls::core::Finding>,
) -> String {
    use praxis_tls::core::steps::systems::SystemKind;
    use praxis_tls::core::{CheckId, CheckState, Finding, Step, Wizard};
    let mut w = Wizard::new(Lang::De, OffsetDateTime::now_utc());
    w.step = Step::Systems;
    w.systems.choice = SystemKind::Orthanc;
    let state = match result {
        Ok(_) => CheckState::Passed(Finding::new(praxis_tls::core::Text::new("systems-done"))),
        Err(f) => CheckState::Failed(f.clone()),
    };
    w.checks.insert(CheckId::Orthanc, state);
    let ctx = praxis_tls::ui::ViewCtx {
        theme: praxis_tls::ui::Theme {
            utf8: true,
            color: false,
        },
        ..Default::default()
    };
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| praxis_tls::ui::draw(f, &w, &ctx)).unwrap();
    // One line of text per row, without the side bar, joined by blanks.
    let rows = format!("{}", t.backend());
    rows.lines()
        .map(|l| {
            l.trim_matches('"')
                .split('│')
                .next_back()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    // With a login for the practice computers: it goes into Debian's
    // credentials.json, and must go back with everything else.
    let req = request_as(&o, Way::BuiltIn, &[], 0, Some(USER));
    let result = apply(
        &cfg,
        &journal,
        &req,
        "",
        PASSWORD,
        OffsetDateTime::now_utc(),
    )
    .await;

    if affected(&build_facts(&orthanc_program())) {
        // Debian 12: the known crash, named on the German screen, and the
        // change taken back.
        eprintln!("this Orthanc is affected by civetweb #1334: asserting the rollback");
        let shown = screen(&result);
        for words in ["abgestürzt", "civetweb", "OpenSSL 3"] {
            assert!(shown.contains(words), "not on the screen: {words}\n{shown}");
        }
        let f = result.expect_err("an affected Orthanc must fail the check");
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
        let login = format!("{USER}:{PASSWORD}");
        assert_eq!(
            curl(&["--cacert", &ca, "--resolve", &resolve, "-u", &login, &url]),
            "200"
        );
        assert_eq!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "401");
        assert!(!done.report.is_empty());
    }
}

/// The login offered with Orthanc's own HTTPS, written as step 12 writes
/// it, read by the real Orthanc (over HTTP, since Debian 12's crashes on
/// HTTPS): with the user and password 200, without or with a wrong one
/// 401; undo restores every byte and Orthanc lets this machine in again.
#[tokio::test(flavor = "multi_thread")]
async fn a_login_for_practice_computers_is_what_orthanc_asks_for() {
    use praxis_tls::core::library::orthanc::access::Login;
    if let Some(why) = missing() {
        return support::skip::skipped(&why);
    }
    let state = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let o = Orthanc::new(&stunnel_conf_path(root.path()));
    o.start();
    assert_eq!(o.http_status(), "200", "no login asked before");
    let before = tree(&o.config_dir);
    let main_before = std::fs::read_to_string(&o.config).unwrap();
    let mut journal = Journal::open(state.path()).unwrap();
    let login = Login {
        user: USER.into(),
        password: PASSWORD.into(),
    };
    let group = nix::unistd::User::from_name("orthanc")
        .unwrap()
        .map(|u| u.gid.as_raw());
    let entries = write_login(&mut journal, &o.config, &login, group).unwrap();
    assert_eq!(entries.len(), 2, "orthanc.json and credentials.json");

    // The password only in credentials.json, which stays root's and
    // readable by Orthanc alone; orthanc.json keeps every comment.
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let credentials = o.config_dir.join("credentials.json");
    let text = std::fs::read_to_string(&credentials).unwrap();
    assert!(
        text.contains(&format!("\"{USER}\" : \"{PASSWORD}\"")),
        "{text}"
    );
    let meta = std::fs::metadata(&credentials).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert_eq!(Some(meta.gid()), group);
    let main = std::fs::read_to_string(&o.config).unwrap();
    assert!(!main.contains(PASSWORD));
    assert!(main.contains("\"RemoteAccessAllowed\" : true"));
    assert!(main.contains("\"AuthenticationEnabled\" : true"));
    for line in main_before
        .lines()
        .filter(|l| l.trim_start().starts_with("//"))
    {
        assert!(main.contains(line), "lost: {line}");
    }
    let state_json = std::fs::read_to_string(state.path().join("journal.json")).unwrap();
    assert!(
        !state_json.contains(PASSWORD),
        "the journal names no password"
    );

    o.start();
    assert_eq!(o.http_status_as(&format!("{USER}:{PASSWORD}")), "200");
    assert_eq!(o.http_status(), "401");
    assert_eq!(o.http_status_as(&format!("{USER}:falsch-2026")), "401");

    let reports = journal.undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    assert_eq!(tree(&o.config_dir), before, "every byte as before");
    o.start();
    assert_eq!(o.http_status(), "200");
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
    let done = apply(&cfg, &journal, &req, "", "", OffsetDateTime::now_utc())
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
        "",
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
    done: praxis_tls::core::steps::systems::SystemDone,
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
    let done = apply(&cfg, &journal, &req, "Röntgen-2026", "", then)
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
    let (_, out) = praxis(state.path(), &["status"]);
    assert!(out.contains(HOST), "status as text names it: {out}");
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
    // serving it again, the reason in German, and a mail to the practice.
    let smtp = support::smtp::SmtpServer::start(None);
    let smtp_port = smtp.port().to_string();
    let (code, out) = praxis(
        state.path(),
        &[
            "mail",
            "--host",
            "127.0.0.1",
            "--port",
            &smtp_port,
            "--security",
            "plain",
            "--from",
            "server@praxis.lan",
            "--to",
            "it@praxis.lan",
        ],
    );
    assert_eq!(code, 0, "{out}");
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
    assert!(out.contains("bisherige Zertifikat gilt weiter"), "{out}");
    let mails = smtp.received();
    assert_eq!(mails.len(), 1, "one failure mail: {out}");
    assert_eq!(mails[0].to, ["it@praxis.lan"]);
    assert!(mails[0].data.contains(HOST), "{}", mails[0].data);
    assert_eq!(
        std::fs::read(&pem).unwrap(),
        before,
        "the old certificate is back"
    );
    // renew waited for stunnel before it said so: no wait here.
    assert_eq!(curl(&with_p12), "200");
}

/// `replay` with an `[orthanc]` table sets stunnel up in front of the real
/// Orthanc and prints, as step 12's screen does, the CA certificate to
/// install and what was checked.
#[tokio::test(flavor = "multi_thread")]
async fn replay_prints_the_ca_path_and_what_comes_next() {
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
    let port = support::orthanc::free_port();
    // The appointment service is set up: the saved wizard stands at step 12.
    let mut w = praxis_tls::core::Wizard::new(Lang::De, OffsetDateTime::now_utc());
    w.step = praxis_tls::core::Step::Systems;
    praxis_tls::io::store::Store::open(state.path())
        .unwrap()
        .save(&w)
        .unwrap();
    let file = state.path().join("answers.toml");
    std::fs::write(
        &file,
        format!(
            "[answers]\nversion = 1\n\n[orthanc]\nhost = \"{HOST}\"\nconfig = \"{}\"\nips = [\"127.0.0.1\"]\nterminator = true\nport = {port}\nrestart = \"{}\"\nproxy_restart = \"{}\"\n",
            o.config.display(),
            o.restart.display(),
            o.proxy_restart.display()
        ),
    )
    .unwrap();
    let root_arg = root.path().display().to_string();
    let file_arg = file.display().to_string();
    let (_, out) = praxis(
        state.path(),
        &["--system-root", &root_arg, "replay", &file_arg, "--yes"],
    );
    let ca = state.path().join("practice_ca/ca.crt");
    assert!(
        out.contains(&format!("(CA-Zertifikat) {}", ca.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Geprüft: Orthanc antwortet über HTTPS auf Port {port}"
        )),
        "{out}"
    );
    assert!(out.contains("Angehalten bei Schritt 13"), "{out}");
    let url = format!("https://{HOST}:{port}/system");
    let resolve = format!("{HOST}:{port}:127.0.0.1");
    let ca = ca.display().to_string();
    assert_eq!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "200");
}

/// An Orthanc that lets other computers in over plain HTTP would let them
/// around stunnel: the terminator's plan says so and turns it off, Orthanc
/// is restarted before stunnel, and undo restores the file and restarts
/// Orthanc again. Orthanc starts slowly here, as on a loaded machine:
/// stunnel listens at once, so the check must wait for Orthanc's own port
/// (a reset from stunnel is no civetweb crash).
#[tokio::test(flavor = "multi_thread")]
async fn stunnel_in_front_closes_orthancs_own_remote_access() {
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
    let o = Orthanc::slow(&stunnel_conf_path(root.path()), 3);
    let open = std::fs::read_to_string(&o.config).unwrap().replace(
        "\"RemoteAccessAllowed\" : false",
        "\"RemoteAccessAllowed\" : true",
    );
    std::fs::write(&o.config, &open).unwrap();
    o.start();
    // Remote access without AuthenticationEnabled: Orthanc asks everyone,
    // this machine too, for a login it has no user for.
    assert_eq!(o.http_status(), "401");
    let before = tree(&o.config_dir);
    let cfg = config(state.path(), root.path());
    let port = support::orthanc::free_port();
    let req = request(&o, Way::Terminator, &[], port);

    let plan = praxis_tls::io::systems_orthanc::plan(&cfg, &req).unwrap();
    assert!(
        plan.notes
            .iter()
            .any(|n| n.id == "systems-orthanc-terminator-close"),
        "{:?}",
        plan.notes
    );
    assert!(
        plan.diff.contains("+  \"RemoteAccessAllowed\" : false,"),
        "{}",
        plan.diff
    );

    let journal = Arc::new(Mutex::new(Journal::open(state.path()).unwrap()));
    apply(&cfg, &journal, &req, "", "", OffsetDateTime::now_utc())
        .await
        .unwrap_or_else(|f| panic!("{}: {:?}", german(&f.summary), f.detail));
    let text = std::fs::read_to_string(&o.config).unwrap();
    assert!(text.contains("\"RemoteAccessAllowed\" : false,"));
    assert_eq!(text.len(), open.len() + 1, "only true became false");
    assert_eq!(o.http_status(), "200", "Orthanc was restarted with it");
    let ca = state
        .path()
        .join("practice_ca/ca.crt")
        .display()
        .to_string();
    let url = format!("https://{HOST}:{port}/system");
    let resolve = format!("{HOST}:{port}:127.0.0.1");
    assert_eq!(curl(&["--cacert", &ca, "--resolve", &resolve, &url]), "200");

    let reports = journal.lock().unwrap().undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    o.stop_stunnel();
    assert_eq!(tree(&o.config_dir), before);
    // undo's restart returns before the slow Orthanc listens again.
    wait_port(o.http_port);
    assert_eq!(o.http_status(), "401", "undo restarted Orthanc");
}
