//! The current generation's plan without Docker: first go-live, a renewal
//! the same day, and a base file changed by an update.

use std::path::{Path, PathBuf};

use rcgen::{CertificateParams, KeyPair};
use time::OffsetDateTime;

use super::*;
use crate::core::library::compose_override::Drift;
use crate::core::library::start::Generation;
use crate::io::journal::Journal;

const HOST: &str = "termine.praxis-lab.example";

struct Copy {
    tmp: tempfile::TempDir,
    site: Site,
    state: PathBuf,
    dirs: ProxyDirs,
}

fn current_copy() -> Copy {
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
    let dirs = proxy_dirs(&state);
    Copy {
        tmp,
        site,
        state,
        dirs,
    }
}

fn issue(dir: &Path, n: u32, now: OffsetDateTime) -> (PathBuf, PathBuf) {
    let key = KeyPair::generate().unwrap();
    let mut p = CertificateParams::new(vec![HOST.to_string()]).unwrap();
    p.not_before = now - time::Duration::days(1);
    p.not_after = now + time::Duration::days(90);
    let cert = p.self_signed(&key).unwrap();
    let (c, k) = (
        dir.join(format!("chain{n}.pem")),
        dir.join(format!("key{n}.pem")),
    );
    std::fs::write(&c, cert.pem()).unwrap();
    std::fs::write(&k, key.serialize_pem()).unwrap();
    (c, k)
}

fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn go_live_then_renewal_then_update_of_the_base_file() {
    let c = current_copy();
    let now = OffsetDateTime::now_utc();
    let before = all_files(&c.site.install_dir);
    let mut journal = Journal::open(&c.state).unwrap();

    let (chain, key) = issue(c.tmp.path(), 1, now);
    let first = install_files(&c.site, &c.dirs, &chain, &key, now, &mut journal).unwrap();
    let plan = plan_proxy(&c.site, &c.dirs, &first.files, None).unwrap();
    assert!(plan.needs_restart());
    apply_proxy(&mut journal, &plan).unwrap();
    let ov =
        std::fs::read_to_string(c.site.install_dir.join("docker-compose.override.yml")).unwrap();
    let certs = format!("{}:/certs:ro", c.dirs.certs.display());
    assert!(ov.contains(&certs), "{ov}");
    assert!(!ov.contains("webelexisdata"), "{ov}");

    // A second certificate the same day gets a new name, and only the
    // watched dynamic file changes: no restart.
    let (chain2, key2) = issue(c.tmp.path(), 2, now);
    let second = install_files(&c.site, &c.dirs, &chain2, &key2, now, &mut journal).unwrap();
    assert_ne!(second.files.cert, first.files.cert);
    assert!(
        second
            .files
            .cert
            .ends_with(&format!("{}-2.crt", now.date()))
    );
    assert!(first.cert_path.is_file(), "the old one stays until undo");
    let renew = plan_proxy(&c.site, &c.dirs, &second.files, None).unwrap();
    assert_eq!(renew.drift, Drift::Unchanged);
    assert_eq!(renew.changes().count(), 1);
    assert!(!renew.needs_restart());
    assert!(renew.edits[0].1.diff.contains(&second.files.cert));
    apply_proxy(&mut journal, &renew).unwrap();

    // An update adds a flag to the proxy's command: drift, shown and fixed.
    let base = c.site.install_dir.join("docker-compose.yaml");
    let text = std::fs::read_to_string(&base).unwrap().replace(
        "      - \"--api.insecure=false\"\n",
        "      - \"--api.insecure=false\"\n      - \"--log.level=INFO\"\n",
    );
    std::fs::write(&base, text).unwrap();
    let upd = plan_proxy(&c.site, &c.dirs, &second.files, None).unwrap();
    match &upd.drift {
        Drift::Changed { added, removed } => {
            assert_eq!(added, &["--log.level=INFO".to_string()]);
            assert!(removed.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(upd.needs_restart());
    assert!(upd.edits[1].1.text.contains("--log.level=INFO"));
    assert!(
        upd.edits[1]
            .1
            .diff
            .contains("+      - \"--log.level=INFO\"")
    );

    // The update is not ours: undo leaves it alone (a conflict on no file
    // of ours), and restores everything the wizard wrote.
    let updated = std::fs::read(&base).unwrap();
    let reports = journal.undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    let mut expected = before.clone();
    for (p, b) in &mut expected {
        if *p == base {
            *b = updated.clone();
        }
    }
    assert_eq!(all_files(&c.site.install_dir), expected);
    assert!(all_files(&c.dirs.certs).is_empty());
    assert!(all_files(&c.dirs.config).is_empty());
}

#[test]
fn a_certificate_for_another_name_is_not_installed() {
    let c = current_copy();
    let now = OffsetDateTime::now_utc();
    let other = Site {
        host: "termine.other.example".into(),
        ..c.site.clone()
    };
    let (chain, key) = issue(c.tmp.path(), 1, now);
    let mut journal = Journal::open(&c.state).unwrap();
    let e = install_files(&other, &c.dirs, &chain, &key, now, &mut journal).unwrap_err();
    assert!(matches!(e, GoLiveError::Certificate { .. }), "{e:?}");
    assert!(journal.entries().is_empty());
    // Its key alone, for the right name, does not fit either.
    let (_, key2) = issue(c.tmp.path(), 2, now);
    let e = install_files(&c.site, &c.dirs, &chain, &key2, now, &mut journal).unwrap_err();
    assert!(matches!(e, GoLiveError::Certificate { .. }), "{e:?}");
    assert_eq!(e.text().id, "cert-key-mismatch");
    assert_eq!(e.finding().fix.unwrap().id, "cert-fix-key-mismatch");
}
