//! The practice lab of the end-to-end tests, shared by the walk in a
//! terminal (`tests/e2e_wizard.rs`) and the kill chain
//! (`tests/e2e_kill_chain.rs`): knot with the practice's domain, a network
//! namespace for the firewall window, the Docker compose project that plays
//! the Elexis-OOB install, and what traefik serves. Included by `#[path]`
//! next to `mod support` and `mod docker`.
// Each including test uses a part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use crate::docker;
use crate::support::knot::{Knot, Zone};

/// The practice's domain in the lab's `ch.`; patients book at `HOST`.
pub const DOMAIN: &str = "praxis-e2e.ch";
pub const HOST: &str = "termine.praxis-e2e.ch";
pub const EMAIL: &str = "praxis@praxis-e2e.ch";
/// Where the lab publishes traefik's 443.
pub const HTTPS_PORT: u16 = 18443;

/// The flags that point the wizard at this lab: knot for DNS and the
/// public address, the responder and probe on `port` (Pebble's HTTP-01
/// port), Pebble as the CA, the final check at traefik on loopback against
/// Pebble's issuing `root`, and the firewall window inside `netns`.
pub fn wizard_flags(
    dns: &str,
    port: u16,
    directory_url: &str,
    listener_ca: &Path,
    root: &Path,
    netns: &Netns,
) -> Vec<String> {
    let port = port.to_string();
    let flags = [
        "--dns-server",
        dns,
        "--public-ip-dns",
        dns,
        // The router search goes to a loopback port where nothing answers.
        "--upnp-ssdp",
        "127.0.0.1:9",
        "--responder-port",
        &port,
        "--probe-port",
        &port,
        "--acme-directory",
        directory_url,
        "--acme-root",
        &listener_ca.display().to_string(),
        "--check-port",
        &HTTPS_PORT.to_string(),
        "--check-ca",
        &root.display().to_string(),
        "--firewall-netns",
        &netns.0,
    ];
    flags.iter().map(|s| s.to_string()).collect()
}

/// The lab zones, with the practice's domain delegated in `ch.` (its
/// `termine` on loopback) and `myip.opendns.com` answering 127.0.0.1 for
/// the public-address discovery.
pub fn dns() -> Knot {
    dns_with_public("127.0.0.1")
}

/// The lab zones with `public` as the practice's public address: the
/// name's A record and what `myip.opendns.com` answers.
pub fn dns_with_public(public: &str) -> Knot {
    let mut zones = crate::support::lab::zones();
    let ch = zones.iter_mut().find(|z| z.origin == "ch.").unwrap();
    ch.body
        .push_str("praxis-e2e NS ns.praxis-e2e.ch.\nns.praxis-e2e A 127.0.0.1\n");
    let soa = "$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\n";
    zones.push(Zone::new(
        "praxis-e2e.ch.",
        &format!("$ORIGIN praxis-e2e.ch.\n{soa}termine A {public}\n"),
    ));
    zones.push(Zone::new(
        "opendns.com.",
        &format!("$ORIGIN opendns.com.\n{soa}myip A {public}\n"),
    ));
    Knot::start(&zones)
}

/// A network namespace of the test's own, deleted on drop.
pub struct Netns(pub String);

pub const NETNS_PREFIX: &str = "ptl-e2e-";

impl Netns {
    /// Under the lab lock no other walk runs: a namespace of ours that
    /// exists now was left by a run that was killed.
    pub fn create(name: &str) -> Netns {
        let list = Command::new("ip").args(["netns", "list"]).output().unwrap();
        for old in String::from_utf8_lossy(&list.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter(|n| n.starts_with(NETNS_PREFIX))
        {
            let _ = Command::new("ip").args(["netns", "del", old]).output();
        }
        let out = Command::new("ip")
            .args(["netns", "add", name])
            .output()
            .expect("ip (iproute2)");
        assert!(
            out.status.success(),
            "ip netns add {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Netns(name.to_string())
    }

    /// The namespace's nftables ruleset.
    pub fn ruleset(&self) -> String {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.0, "nft", "list", "ruleset"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).output();
    }
}

/// The lab's compose project in a copy that plays the Elexis-OOB install;
/// `docker-compose down -v` on drop, also when the test panics.
pub struct Elexis {
    pub dir: PathBuf,
    pub project: String,
}

impl Elexis {
    pub fn up(dir: &Path, tag: &str) -> Elexis {
        docker::build_images();
        docker::remove_leftovers();
        std::fs::create_dir_all(dir).unwrap();
        let fixture = docker::repo().join("tests/fixtures/elexis-current-lab");
        std::fs::copy(
            fixture.join("docker-compose.yaml"),
            dir.join("docker-compose.yaml"),
        )
        .unwrap();
        std::fs::write(
            dir.join(".env"),
            format!("LOCAL_NAME=nuno\nEXTERNAL_NAME={DOMAIN}\n"),
        )
        .unwrap();
        let lab = Elexis {
            dir: dir.to_path_buf(),
            project: format!("{}e2e-{tag}-{}", docker::PROJECT_PREFIX, std::process::id()),
        };
        if let Err(e) = lab.compose(&["up", "-d"]) {
            panic!("{e}");
        }
        lab
    }

    pub fn compose(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("docker-compose")
            .arg("-p")
            .arg(&self.project)
            .args(args)
            .current_dir(&self.dir)
            .output()
            .map_err(|e| e.to_string())?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.success() {
            Ok(text)
        } else {
            Err(format!("docker-compose {args:?}:\n{text}"))
        }
    }
}

impl Drop for Elexis {
    fn drop(&mut self) {
        if let Err(e) = self.compose(&["down", "-v", "--remove-orphans"]) {
            eprintln!("lab clean-up: {e}");
        }
    }
}

pub fn sha256_hex(der: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn norm_fingerprint(f: &str) -> String {
    f.replace(':', "").to_ascii_lowercase()
}

/// What traefik on 18443 serves for `HOST`, verified against `root`: the
/// leaf's SHA-256.
pub fn served_fingerprint(root_pem: &str) -> String {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, ServerName};
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_slice_iter(root_pem.as_bytes()) {
        roots.add(c.unwrap()).unwrap();
    }
    let config = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from(HOST).unwrap();
    let mut conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut tcp = std::net::TcpStream::connect(("127.0.0.1", HTTPS_PORT)).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp)
            .unwrap_or_else(|e| panic!("TLS to 127.0.0.1:{HTTPS_PORT} as {HOST}: {e}"));
    }
    let leaf = conn.peer_certificates().unwrap()[0].clone();
    sha256_hex(leaf.as_ref())
}

/// The exposure check probes Elexis-OOB's host ports at the public address
/// (here 127.0.0.1). The lab publishes its stand-ins on other loopback
/// ports (13000, 13030, 14040, 18080, 18088: `tests/golive_docker.rs`
/// probes them), so they are not flagged; something else on this machine
/// listening on one of the real ones would be, rightly.
pub fn exposure_ports_free() {
    use praxis_tls::io::verify::exposure::INTERNAL_PORTS;
    for port in INTERNAL_PORTS {
        let taken = std::net::TcpStream::connect_timeout(
            &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            Duration::from_millis(500),
        )
        .is_ok();
        assert!(
            !taken,
            "something listens on 127.0.0.1:{port}; the final check's exposure \
             test would flag it (as it should). Stop it and run again."
        );
    }
}
