//! A real Pebble (Debian package `pebble`) and pebble-challtestsrv on
//! loopback, one pair per test, each on its own ports; both die on drop.
// Shared by several test binaries; each uses a part.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use praxis_tls::io::acme::{DirectoryChoice, HttpClient};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};

pub struct Pebble {
    pub dir: tempfile::TempDir,
    pub directory_url: String,
    pub management: String,
    /// The CA that signs Pebble's HTTPS listener (not the issuing root).
    pub listener_ca: PathBuf,
    /// pebble-challtestsrv's management API (`/add-a`, `/clear-a`, …).
    pub challtest_management: String,
    /// pebble-challtestsrv's DNS server: every A query gets 127.0.0.1
    /// unless `add_a` says otherwise.
    pub dns: std::net::SocketAddr,
    children: Vec<Child>,
}

/// A port below the kernel's ephemeral range (32768 and up), checked free.
/// A port the kernel hands out for `bind(0)` comes from the same range as
/// the source ports of outgoing connections: between choosing it and the
/// child's bind, Pebble's own validation connection could take it.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    const LOW: u16 = 12_000;
    const SPAN: u16 = 20_000;
    static NEXT: AtomicU16 = AtomicU16::new(0);
    // Where a test binary starts depends on its process id, so binaries
    // run one after another do not reuse each other's ports at once.
    let start = (std::process::id() % u32::from(SPAN)) as u16;
    for _ in 0..SPAN {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let port = LOW + (start.wrapping_add(n.wrapping_mul(7))) % SPAN;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port below the ephemeral range");
}

/// False when a child died first: most often a port another process took
/// between `free_port` and the child's bind.
fn wait_for(port: u16, children: &mut [Child]) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if children
            .iter_mut()
            .any(|c| !matches!(c.try_wait(), Ok(None)))
        {
            return false;
        }
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

/// Pebble's HTTPS listener: a CA and a leaf for `names` (host names or
/// IP addresses). Returns the CA, certificate and key files.
pub fn listener_pki(dir: &std::path::Path, names: &[&str]) -> (PathBuf, PathBuf, PathBuf) {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.distinguished_name
        .push(DnType::CommonName, "praxis-tls test listener CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let leaf = CertificateParams::new(names)
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    let (ca_p, cert_p, key_p) = (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    );
    std::fs::write(&ca_p, ca_cert.pem()).unwrap();
    std::fs::write(&cert_p, leaf.pem()).unwrap();
    std::fs::write(&key_p, leaf_key.serialize_pem()).unwrap();
    (ca_p, cert_p, key_p)
}

impl Pebble {
    /// `http_port` is where Pebble fetches HTTP-01 tokens (the responder);
    /// `validity` overrides the certificate lifetime (seconds).
    pub fn start(http_port: u16, validity: Option<u64>, authz_reuse: u8) -> Pebble {
        for _ in 0..3 {
            if let Some(p) = Self::try_start(http_port, validity, authz_reuse) {
                return p;
            }
        }
        panic!("pebble did not start three times in a row");
    }

    fn try_start(http_port: u16, validity: Option<u64>, authz_reuse: u8) -> Option<Pebble> {
        let dir = tempfile::tempdir().unwrap();
        let (listener_ca, cert, key) = listener_pki(dir.path(), &["localhost", "127.0.0.1"]);
        let (acme, mgmt, dns, dns_mgmt, tls) = (
            free_port(),
            free_port(),
            free_port(),
            free_port(),
            free_port(),
        );
        let mut cfg = serde_json::json!({"pebble": {
            "listenAddress": format!("127.0.0.1:{acme}"),
            "managementListenAddress": format!("127.0.0.1:{mgmt}"),
            "certificate": cert, "privateKey": key,
            "httpPort": http_port, "tlsPort": tls,
            "ocspResponderURL": "", "externalAccountBindingRequired": false,
        }});
        if let Some(v) = validity {
            cfg["pebble"]["certificateValidityPeriod"] = v.into();
        }
        let cfg_path = dir.path().join("pebble.json");
        std::fs::write(&cfg_path, cfg.to_string()).unwrap();
        let log = |name: &str| std::fs::File::create(dir.path().join(name)).unwrap();

        let challtest = Command::new("pebble-challtestsrv")
            .args(["-dns01", &format!("127.0.0.1:{dns}")])
            .args(["-management", &format!("127.0.0.1:{dns_mgmt}")])
            .args([
                "-http01",
                "",
                "-https01",
                "",
                "-tlsalpn01",
                "",
                "-defaultIPv4",
                "127.0.0.1",
            ])
            .stdout(log("challtestsrv.log"))
            .stderr(Stdio::null())
            .spawn()
            .expect("pebble-challtestsrv (apt-get install -y pebble)");
        let pebble = Command::new("pebble")
            .arg("-config")
            .arg(&cfg_path)
            .args(["-dnsserver", &format!("127.0.0.1:{dns}")])
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .env("PEBBLE_AUTHZREUSE", authz_reuse.to_string())
            .stdout(log("pebble.log"))
            .stderr(log("pebble.err"))
            .spawn()
            .expect("pebble (apt-get install -y pebble)");
        let mut me = Pebble {
            directory_url: format!("https://127.0.0.1:{acme}/dir"),
            management: format!("https://127.0.0.1:{mgmt}"),
            listener_ca,
            challtest_management: format!("127.0.0.1:{dns_mgmt}"),
            dns: std::net::SocketAddr::from(([127, 0, 0, 1], dns)),
            children: vec![challtest, pebble],
            dir,
        };
        let up = [dns_mgmt, acme, mgmt]
            .iter()
            .all(|p| wait_for(*p, &mut me.children));
        // On failure `me` drops here and takes both children with it.
        up.then_some(me)
    }

    /// The real binary, pointed at this Pebble with the responder on
    /// `port` and its state in `state`, in English; add the subcommand.
    pub fn praxis(&self, port: u16, state: &std::path::Path) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_praxis-tls"));
        c.arg("--state-dir")
            .arg(state)
            .args(["--lang", "en"])
            .arg("--acme-directory")
            .arg(&self.directory_url)
            .arg("--acme-root")
            .arg(&self.listener_ca)
            .args(["--responder-port", &port.to_string()])
            .env_remove("PRAXIS_TLS_STATE_DIR")
            .stdin(Stdio::null());
        c
    }

    pub fn choice(&self) -> DirectoryChoice {
        DirectoryChoice::Custom {
            url: self.directory_url.clone(),
            root_pem: self.listener_ca.clone(),
        }
    }

    /// The root that signs issued chains (new at every Pebble start).
    pub async fn issuing_root_pem(&self) -> String {
        let http = HttpClient::new(&self.choice()).unwrap();
        let (parts, body) = http
            .get(&format!("{}/roots/0", self.management))
            .await
            .unwrap();
        assert!(parts.status.is_success(), "{}", parts.status);
        String::from_utf8(body.to_vec()).unwrap()
    }

    /// Makes challtestsrv answer `host`'s A query with these addresses.
    pub fn add_a(&self, host: &str, addrs: &[&str]) {
        let host = format!("{}.", host.trim_end_matches('.'));
        self.challtest(
            "/add-a",
            &serde_json::json!({"host": host, "addresses": addrs}),
        );
    }

    /// A plain HTTP POST to challtestsrv's management port.
    fn challtest(&self, path: &str, body: &serde_json::Value) {
        use std::io::{Read as _, Write as _};
        let body = body.to_string();
        let mut s = std::net::TcpStream::connect(&self.challtest_management).unwrap();
        write!(
            s,
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.challtest_management,
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("pebble.log")).unwrap_or_default()
    }
}

impl Drop for Pebble {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}
