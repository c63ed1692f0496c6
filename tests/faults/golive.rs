//! Install (the upload to the admin app, when the wizard runs elsewhere),
//! proxy configuration and restart. The proxy and restart run in a child
//! process whose PATH holds only stand-ins: the machine's Docker is never
//! asked, whatever runs there.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::time::Duration;

use praxis_tls::core::library::start::Generation;
use praxis_tls::core::{Action, CheckId, CheckState, Overlay, Step, Wizard};
use praxis_tls::io::issuance::self_signed;

use super::child;
use super::rig::{
    Rig, answers, copy_fixture, files, fixture, nothing_lost, now, practice, reads, says,
};
use crate::support::admin_app::{AdminApp, Mode};

const NAME: &str = "termine.praxis-muster.ch";

/// The install step done elsewhere: the admin app's address typed, the
/// warning confirmed, the pair sent.
async fn upload(mode: Mode) -> (AdminApp, Rig, Wizard, serde_json::Value) {
    let app = AdminApp::start(mode).await;
    // Two seconds: the text says "Sekunden", and one would read oddly.
    let mut rig = Rig::new(|c| c.upload_timeout = Duration::from_secs(2));
    let mut w = practice(Step::Install, NAME, None);
    let cert = self_signed(NAME, &rig.state.path().join("certs"), now()).unwrap();
    w.certificate.installed = Some(cert);
    rig.keys(&mut w, &[Action::NextField]);
    rig.typed(&mut w, &app.addr.to_string());
    let before = answers(&w);
    rig.keys(&mut w, &[Action::Next]);
    assert_eq!(
        w.session.overlay,
        Overlay::ConfirmAction,
        "the warning first"
    );
    let n = rig.keys(&mut w, &[Action::Yes]);
    rig.settle(&mut w, n).await;
    assert!(
        w.check(CheckId::Uploaded).is_failed(),
        "{:?}",
        w.check(CheckId::Uploaded)
    );
    (app, rig, w, before)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_app_answers_500() {
    let (app, rig, w, before) = upload(Mode::ServerError).await;
    let certs = files(&rig.state.path().join("certs"));
    let read = reads(&w);
    says(
        &read,
        &[
            "meldet einen Fehler (Status 500). Das Zertifikat ist wahrscheinlich nicht installiert.",
            "Was tun: Öffnen Sie die Verwaltungsseite von Elexis-OOB im Browser und prüfen Sie, \
             ob sie läuft; dann senden Sie mit Enter noch einmal.",
        ],
    );
    nothing_lost(&before, &w);
    assert!(app.written().is_empty());
    assert_eq!(files(&rig.state.path().join("certs")), certs);
    resend_offered(&rig, w);
}

/// "Enter sendet noch einmal", as the screen says: after the warning.
fn resend_offered(rig: &Rig, mut w: Wizard) {
    rig.keys(&mut w, &[Action::Next]);
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upload_times_out() {
    let (_app, rig, w, before) = upload(Mode::Hang).await;
    let read = reads(&w);
    says(
        &read,
        &[
            "hat nach 2 Sekunden nicht geantwortet. Es ist unklar, ob etwas angekommen ist.",
            "Was tun: Prüfen Sie, ob der Server läuft und im Praxisnetz erreichbar ist, und \
             senden Sie mit Enter noch einmal",
        ],
    );
    nothing_lost(&before, &w);
    resend_offered(&rig, w);
}

/// An Elexis-OOB directory of the test's own, from a fixture, with one of
/// its files replaced by a broken one.
fn install_dir(root: &Path, base: &str, broken: Option<(&str, &str)>) -> std::path::PathBuf {
    let dir = root.join("elexis-oob");
    copy_fixture(base, &dir);
    if let Some((from, to)) = broken {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    dir
}

/// Child role: from the certificate step through the install to the proxy
/// step, whose plan meets a file it cannot read.
pub fn proxy_child(which: &str) {
    child::block_on(async {
        let root = tempfile::tempdir().unwrap();
        let (dir, generation) = match which {
            "toml" => (
                install_dir(
                    root.path(),
                    "elexis-legacy",
                    Some(("traefik-legacy/broken.toml", "traefik.toml")),
                ),
                Generation::Legacy,
            ),
            _ => (
                install_dir(
                    root.path(),
                    "elexis-current",
                    Some((
                        "elexis-broken-yaml/docker-compose.yaml",
                        "docker-compose.yaml",
                    )),
                ),
                Generation::Current,
            ),
        };
        let site = files(&dir);
        let mut rig = Rig::new(|_| {});
        let mut w = practice(Step::Certificate, NAME, Some((&dir, generation)));
        let cert = self_signed(NAME, &rig.state.path().join("certs"), now()).unwrap();
        w.certificate.installed = Some(cert);
        let n = rig.keys(&mut w, &[Action::Next]);
        rig.settle(&mut w, n).await;
        assert!(matches!(
            w.check(CheckId::FilesInstalled),
            CheckState::Passed(_)
        ));
        let before = answers(&w);
        let n = rig.keys(&mut w, &[Action::Next]);
        rig.settle(&mut w, n).await;
        assert_eq!(w.step, Step::ProxyConfig);
        assert!(w.check(CheckId::ProxyConfig).is_failed());
        let read = reads(&w);
        let (file, line) = if which == "toml" {
            ("traefik.toml", 17)
        } else {
            ("docker-compose.yaml", 8)
        };
        let file = dir.join(file).display().to_string();
        says(
            &read,
            &[
                &format!(
                    "Die Datei {file} enthält in Zeile {line} einen Fehler, deshalb versteht \
                     das Programm sie nicht. Es ändert nichts daran."
                ),
                &format!("Was tun: Lassen Sie Zeile {line} von Ihrer IT-Betreuung berichtigen"),
            ],
        );
        nothing_lost(&before, &w);
        assert_eq!(files(&dir), site, "not a byte changed");
        // Once the IT supporter has corrected the file, F5 plans again.
        let good = if which == "toml" {
            ("elexis-legacy/traefik.toml", "traefik.toml")
        } else {
            ("elexis-current/docker-compose.yaml", "docker-compose.yaml")
        };
        std::fs::copy(fixture(good.0), dir.join(good.1)).unwrap();
        let n = rig.keys(&mut w, &[Action::Recheck]);
        rig.settle(&mut w, n).await;
        assert!(
            matches!(w.check(CheckId::ProxyConfig), CheckState::Warning(_)),
            "the changes are shown now: {:?}",
            w.check(CheckId::ProxyConfig)
        );
    });
}

#[test]
fn proxy_traefik_toml_unparsable() {
    let no_docker = tempfile::tempdir().unwrap();
    child::run("proxy-toml", &[], &[("PATH", no_docker.path().into())]);
}

#[test]
fn proxy_compose_yaml_unparsable() {
    let no_docker = tempfile::tempdir().unwrap();
    child::run("proxy-yaml", &[], &[("PATH", no_docker.path().into())]);
}

/// What compose v1 prints when another program holds `PORT` (443 in a
/// practice; here a port the test itself holds, so that the program in
/// the way is known).
const PORT_TAKEN: &str = r#"case "$3" in
  stop) echo 'Stopping elx_proxy ... done' ;;
  rm) echo 'Removing elx_proxy ... done' ;;
  up) echo 'Creating elx_proxy ... error' >&2
      echo 'ERROR: for elx_proxy  Cannot start service proxy: driver failed programming external connectivity on endpoint elx_proxy (3f1c0a): Bind for 0.0.0.0:PORT failed: port is already allocated' >&2
      echo 'ERROR: Encountered errors while bringing up the project.' >&2
      exit 1 ;;
esac"#;

/// Child role: the restart, with a `docker-compose` stand-in (and no
/// `docker`) on PATH.
pub fn restart_child() {
    let path = std::env::var_os("PATH").unwrap();
    let calls = Path::new(&path).join("calls.log");
    child::block_on(async {
        let root = tempfile::tempdir().unwrap();
        let dir = install_dir(root.path(), "elexis-current", None);
        let site = files(&dir);
        let mut rig = Rig::new(|c| c.restart_timeout = Duration::from_secs(10));
        let mut w = practice(Step::Restart, NAME, Some((&dir, Generation::Current)));
        // The proxy step wrote its files; the restart is owed.
        w.golive.restart_owed = true;
        let before = answers(&w);
        rig.keys(&mut w, &[Action::Next]);
        assert_eq!(w.session.overlay, Overlay::ConfirmAction);
        let n = rig.keys(&mut w, &[Action::Yes]);
        rig.settle(&mut w, n).await;
        assert!(
            w.check(CheckId::Restarted).is_failed(),
            "{:?}",
            w.check(CheckId::Restarted)
        );
        let read = reads(&w);
        let port = std::env::var("TAKEN_PORT").unwrap();
        says(
            &read,
            &[
                &format!(
                    "Elexis-OOB konnte nicht starten: Port {port} ist auf diesem Server schon \
                     belegt, vom Programm faults"
                ),
                "Was tun: Beenden Sie das Programm faults",
            ],
        );
        nothing_lost(&before, &w);
        assert_eq!(files(&dir), site);
        // "Danach startet Enter den Neustart noch einmal."
        rig.keys(&mut w, &[Action::Next]);
        assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    });
    let calls = std::fs::read_to_string(calls).unwrap();
    assert!(calls.ends_with("up -d\n"), "{calls}");
}

#[test]
fn restart_compose_fails() {
    let bin = tempfile::tempdir().unwrap();
    let log = bin.path().join("calls.log");
    // Held by this process (the test binary, «faults-…»), as a web server
    // would hold 443 on a practice's server.
    let holder = std::net::TcpListener::bind("0.0.0.0:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\n{}\n",
        log.display(),
        PORT_TAKEN.replace("PORT", &port.to_string())
    );
    let compose = bin.path().join("docker-compose");
    std::fs::write(&compose, script).unwrap();
    std::fs::set_permissions(&compose, std::fs::Permissions::from_mode(0o755)).unwrap();
    child::run(
        "restart",
        &[],
        &[
            ("PATH", bin.path().into()),
            ("TAKEN_PORT", port.to_string().into()),
        ],
    );
    drop(holder);
}
