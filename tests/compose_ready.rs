//! The start step's look at what the restart will need, against the real
//! Docker engine and docker-compose: a missing build folder, an image that
//! is not on the server, a project that is stopped, and one that runs.
//! Each judged as the start screen says it, in German.

#[path = "support/docker.rs"]
mod docker;

use std::path::Path;
use std::process::Command;

use docker::{build_images, lab_lock};
use praxis_tls::core::library::compose_ready::{ComposeFacts, judge};
use praxis_tls::core::{Lang, Outcome};
use praxis_tls::io::compose_ready::inspect;
use praxis_tls::io::golive::Docker;

const IMAGE: &str = "praxis-tls-lab/busybox-httpd:1";

fn german(o: &Outcome) -> String {
    let f = match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => f,
    };
    let mut s = praxis_tls::i18n::text(Lang::DeCh, &f.summary);
    if let Some(fix) = &f.fix {
        s.push(' ');
        s.push_str(&praxis_tls::i18n::text(Lang::DeCh, fix));
    }
    s
}

fn project(dir: &Path, services: &str) {
    std::fs::write(
        dir.join("docker-compose.yml"),
        format!("version: \"3\"\nservices:\n{services}"),
    )
    .unwrap();
}

fn compose(dir: &Path, args: &[&str]) {
    let ok = Command::new("docker-compose")
        .current_dir(dir)
        .args(args)
        .status()
        .unwrap();
    assert!(ok.success(), "docker-compose {args:?}");
}

async fn look(dir: &Path) -> (ComposeFacts, Outcome) {
    let facts = inspect(dir, &Docker::default()).await;
    let outcome = judge(&facts, dir);
    (facts, outcome)
}

#[tokio::test]
async fn what_the_restart_needs_is_found_before_anything_is_written() {
    let _lab = lab_lock();
    build_images();
    let root = tempfile::Builder::new()
        .prefix("ptl-golive-ready")
        .tempdir()
        .unwrap();
    let dir = root.path().join("elexis-oob");
    std::fs::create_dir_all(&dir).unwrap();

    // A build folder that is gone: compose does not load the project.
    project(&dir, "  webelexis:\n    build: ./webelexis\n");
    let (facts, o) = look(&dir).await;
    assert!(
        matches!(facts, ComposeFacts::ConfigFails { .. }),
        "{facts:?}"
    );
    let text = german(&o);
    let folder = dir.join("webelexis");
    assert!(
        text.contains(&format!("Der Ordner {} fehlt", folder.display())),
        "{text}"
    );
    assert!(text.contains("Sicherung"), "{text}");

    // An image that is not on this server.
    project(
        &dir,
        "  db:\n    image: praxis-tls-lab/never-built:0\n  proxy:\n    image: praxis-tls-lab/busybox-httpd:1\n",
    );
    let (facts, o) = look(&dir).await;
    let ComposeFacts::Loaded { missing_images, .. } = &facts else {
        panic!("{facts:?}")
    };
    assert_eq!(missing_images, &["praxis-tls-lab/never-built:0"]);
    let text = german(&o);
    assert!(
        text.contains("fehlt das Programmpaket (Image) praxis-tls-lab/never-built:0"),
        "{text}"
    );
    assert!(text.contains("docker compose pull"), "{text}");

    // Everything there, nothing running.
    let service = format!(
        "  termine:\n    image: {IMAGE}\n    command: [\"httpd\", \"-f\", \"-p\", \"4040\"]\n"
    );
    project(&dir, &service);
    let (facts, o) = look(&dir).await;
    assert!(
        matches!(&facts, ComposeFacts::Loaded { stopped, .. } if stopped == &["termine"]),
        "{facts:?}"
    );
    let text = german(&o);
    assert!(
        text.contains("Elexis-OOB läuft im Moment nicht (angehalten: termine)"),
        "{text}"
    );

    // Running: ready for the restart.
    compose(&dir, &["up", "-d"]);
    let (facts, o) = look(&dir).await;
    compose(&dir, &["down", "-t", "1"]);
    assert!(matches!(o, Outcome::Passed(_)), "{facts:?}");
    assert!(
        german(&o).contains("Elexis-OOB läuft (ein Dienst)"),
        "{}",
        german(&o)
    );
}
