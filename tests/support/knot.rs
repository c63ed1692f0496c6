//! A real authoritative DNS server (Knot DNS) on a loopback port, serving
//! zone files written for the test. Every test starts its own, so tests can
//! run in parallel; the server is killed when the handle is dropped.

use std::fs;
use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A zone for the server. A `body` that is not a valid zone file is served
/// as SERVFAIL, which is how a broken delegation looks from outside.
#[derive(Debug, Clone)]
pub struct Zone {
    /// Absolute, with the trailing dot: `praxis-muster.ch.`
    pub origin: String,
    pub body: String,
}

impl Zone {
    pub fn new(origin: &str, body: &str) -> Zone {
        Zone {
            origin: origin.to_string(),
            body: body.to_string(),
        }
    }
}

pub struct Knot {
    pub addr: SocketAddr,
    child: Child,
    dir: TempDir,
}

fn knotd() -> PathBuf {
    let candidates: Vec<PathBuf> = match std::env::var_os("PRAXIS_KNOTD") {
        Some(path) => vec![PathBuf::from(path)],
        None => ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/sbin"]
            .iter()
            .map(|dir| Path::new(dir).join("knotd"))
            .collect(),
    };
    if let Some(found) = candidates.into_iter().find(|c| c.is_file()) {
        return found;
    }
    panic!(
        "knotd (Knot DNS) is not installed, but the DNS tests need a real \
         authoritative server. Install it with `apt-get install -y knot` \
         (or point PRAXIS_KNOTD at the binary)."
    );
}

/// A port that is free for UDP and TCP at once, as knotd listens on both.
fn free_port() -> u16 {
    loop {
        let udp = UdpSocket::bind("127.0.0.1:0").expect("bind a UDP port on 127.0.0.1");
        let port = udp.local_addr().expect("local address").port();
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn config(dir: &Path, port: u16, zones: &[Zone]) -> String {
    let d = dir.display();
    let mut conf = format!(
        "server:\n    listen: 127.0.0.1@{port}\n    rundir: {d}\n    udp-workers: 1\n    \
         tcp-workers: 1\n    background-workers: 1\n\
         database:\n    storage: {d}/db\n\
         log:\n  - target: {d}/knot.log\n    any: info\n\
         template:\n  - id: default\n    storage: {d}\n    file: \"%s.zone\"\n    \
         zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n\
         zone:\n"
    );
    for zone in zones {
        conf.push_str(&format!("  - domain: {}\n", zone.origin));
    }
    conf
}

/// A DNS query for the SOA of `origin`, written by hand so that the
/// harness needs no DNS library of its own.
fn soa_query(id: u16, origin: &str) -> Vec<u8> {
    let mut q = Vec::new();
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    for label in origin
        .trim_end_matches('.')
        .split('.')
        .filter(|l| !l.is_empty())
    {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, 6, 0, 1]);
    q
}

impl Knot {
    /// Starts knotd with these zones and waits until it answers.
    pub fn start(zones: &[Zone]) -> Knot {
        let binary = knotd();
        let dir = tempfile::tempdir().expect("temporary directory for knotd");
        for zone in zones {
            let file = dir
                .path()
                .join(format!("{}.zone", zone.origin.trim_end_matches('.')));
            fs::write(&file, &zone.body).expect("write zone file");
        }
        let port = free_port();
        let conf = dir.path().join("knot.conf");
        fs::write(&conf, config(dir.path(), port, zones)).expect("write knot.conf");
        let child = Command::new(&binary)
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(
                fs::File::create(dir.path().join("stderr.log")).expect("create stderr.log"),
            ))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let mut knot = Knot {
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            child,
            dir,
        };
        let probe = zones
            .iter()
            .map(|z| z.origin.as_str())
            .next()
            .unwrap_or(".");
        knot.wait_until_answering(probe);
        knot
    }

    fn wait_until_answering(&mut self, origin: &str) {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind probe socket");
        socket
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("probe timeout");
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut id = 1u16;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("knotd exited with {status}:\n{}", self.log());
            }
            id = id.wrapping_add(1);
            if socket.send_to(&soa_query(id, origin), self.addr).is_ok() {
                let mut buf = [0u8; 1500];
                if let Ok((n, _)) = socket.recv_from(&mut buf)
                    && n >= 12
                    && buf[..2] == id.to_be_bytes()
                {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "knotd did not answer on {} within 10 s:\n{}",
            self.addr,
            self.log()
        );
    }

    /// What knotd logged so far, for failure messages.
    pub fn log(&self) -> String {
        ["stderr.log", "knot.log"]
            .iter()
            .map(|f| fs::read_to_string(self.dir.path().join(f)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("")
    }
}

impl Drop for Knot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A "DNS server" that takes queries over UDP and TCP and never answers:
/// what a resolver sees behind a firewall that drops DNS.
pub struct Silent {
    pub addr: SocketAddr,
    _udp: UdpSocket,
    _tcp: TcpListener,
}

impl Silent {
    pub fn start() -> Silent {
        loop {
            let udp = UdpSocket::bind("127.0.0.1:0").expect("bind a UDP port on 127.0.0.1");
            let addr = udp.local_addr().expect("local address");
            // Connections queue in the backlog and are never read.
            if let Ok(tcp) = TcpListener::bind(addr) {
                return Silent {
                    addr,
                    _udp: udp,
                    _tcp: tcp,
                };
            }
        }
    }
}
