//! The go-live lab: the current Elexis-OOB layout on the real Docker engine,
//! with images built locally by `scripts/lab-images`, and a throwaway PKI
//! (rcgen) for the certificate traefik is to serve.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use time::OffsetDateTime;

/// Every lab project's name starts with this, so leftovers of a crashed run
/// can be found and removed without touching anything else.
pub const PROJECT_PREFIX: &str = "ptl-golive-";

/// One Docker lab at a time, across test binaries and worktrees: every
/// test that starts containers takes it. Always in /tmp, also when TMPDIR
/// puts the temporary directories elsewhere, so all of them meet.
pub fn lab_lock() -> nix::fcntl::Flock<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open("/tmp/praxis-tls-docker-lab.lock")
        .unwrap();
    nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| e)
        .unwrap()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{cmd:?} failed:\n{text}"))
    }
}

pub fn build_images() {
    if let Err(e) = run(&mut Command::new(repo().join("scripts/lab-images"))) {
        panic!("{e}");
    }
}

/// Removes containers, networks and volumes of earlier lab runs that died
/// before their own clean-up (the container names are fixed).
pub fn remove_leftovers() {
    let Ok(list) = run(Command::new("docker").args([
        "ps",
        "-a",
        "--format",
        "{{.Label \"com.docker.compose.project\"}}",
    ])) else {
        return;
    };
    let mut projects: Vec<&str> = list
        .lines()
        .filter(|p| p.starts_with(PROJECT_PREFIX))
        .collect();
    projects.sort();
    projects.dedup();
    for p in projects {
        let _ = run(Command::new("docker-compose")
            .args(["-p", p, "down", "-v", "--remove-orphans"])
            .current_dir(repo().join("tests/fixtures/elexis-current-lab")));
    }
}

/// A running lab project in a copy of the fixture; taken down (with its
/// volumes) when dropped, also when the test panics.
pub struct Lab {
    pub dir: tempfile::TempDir,
    pub project: String,
}

impl Lab {
    pub fn up() -> Lab {
        remove_leftovers();
        let dir = tempfile::tempdir().unwrap();
        let fixture = repo().join("tests/fixtures/elexis-current-lab");
        for name in ["docker-compose.yaml", ".env"] {
            std::fs::copy(fixture.join(name), dir.path().join(name)).unwrap();
        }
        let lab = Lab {
            dir,
            project: format!("{PROJECT_PREFIX}{}", std::process::id()),
        };
        if let Err(e) = lab.compose(&["up", "-d"]) {
            panic!("{e}");
        }
        lab
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn compose(&self, args: &[&str]) -> Result<String, String> {
        run(Command::new("docker-compose")
            .arg("-p")
            .arg(&self.project)
            .args(args)
            .current_dir(self.path()))
    }

    /// The mounts of a container as `source -> destination (rw|ro)`.
    pub fn mounts(&self, container: &str) -> Vec<String> {
        let fmt = "{{range .Mounts}}{{.Source}} -> {{.Destination}} ({{if .RW}}rw{{else}}ro{{end}})\n{{end}}";
        run(Command::new("docker").args(["inspect", "-f", fmt, container]))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Err(e) = self.compose(&["down", "-v", "--remove-orphans"]) {
            eprintln!("lab clean-up: {e}");
        }
    }
}

/// Polls `f` until it returns `Some` or `limit` passes.
pub fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// A test CA and a leaf for one name, ECDSA P-256, valid from yesterday.
pub struct Pki {
    pub ca_pem: String,
    pub leaf_pem: String,
    pub leaf_der: Vec<u8>,
    pub key_pem: String,
}

pub fn pki(host: &str, days: i64) -> Pki {
    let now = OffsetDateTime::now_utc();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "praxis-tls lab CA");
    ca.not_before = now - time::Duration::days(1);
    ca.not_after = now + time::Duration::days(365);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);

    let key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec![host.to_string()]).unwrap();
    leaf.distinguished_name.push(DnType::CommonName, host);
    leaf.not_before = now - time::Duration::days(1);
    leaf.not_after = now + time::Duration::days(days);
    let leaf_cert = leaf.signed_by(&key, &issuer).unwrap();
    Pki {
        ca_pem: ca_cert.pem(),
        leaf_pem: leaf_cert.pem(),
        leaf_der: leaf_cert.der().to_vec(),
        key_pem: key.serialize_pem(),
    }
}
