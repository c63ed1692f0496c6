//! The real Orthanc (Debian's package) as the `orthanc` user, with a
//! configuration made from Debian's own `/etc/orthanc/orthanc.json`, on
//! free loopback ports, with storage of its own; and stunnel in front.
//! Restarting goes through small scripts, which the program under test
//! runs as its `restart` and `proxy_restart` commands.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const ORTHANC: &str = "/usr/sbin/Orthanc";
pub const DEBIAN_CONFIG: &str = "/etc/orthanc/orthanc.json";
/// Debian keeps Orthanc's users apart, readable by Orthanc alone.
pub const DEBIAN_CREDENTIALS: &str = "/etc/orthanc/credentials.json";
pub const STUNNEL: &str = "/usr/bin/stunnel4";

/// Why the real server cannot run here, if it cannot.
pub fn missing() -> Option<String> {
    for p in [
        ORTHANC,
        DEBIAN_CONFIG,
        DEBIAN_CREDENTIALS,
        STUNNEL,
        "/usr/bin/setpriv",
        "/usr/bin/curl",
    ] {
        if !Path::new(p).exists() {
            return Some(format!("{p} missing (apt-get install orthanc stunnel4)"));
        }
    }
    if nix::unistd::User::from_name("orthanc")
        .ok()
        .flatten()
        .is_none()
    {
        return Some("no user orthanc".into());
    }
    if !nix::unistd::geteuid().is_root() {
        return Some("needs root (Orthanc runs as the orthanc user)".into());
    }
    None
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Orthanc {
    pub dir: tempfile::TempDir,
    /// Orthanc's configuration folder (what Debian has as /etc/orthanc).
    pub config_dir: PathBuf,
    pub config: PathBuf,
    pub http_port: u16,
    /// The script that (re)starts Orthanc.
    pub restart: PathBuf,
    /// The script that (re)starts stunnel with the given configuration.
    pub proxy_restart: PathBuf,
}

fn script(path: &Path, body: &str) {
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Stops what the pid file names and waits until it is gone.
fn stop_lines(pid: &Path) -> String {
    format!(
        "if [ -f {p} ]; then kill $(cat {p}) 2>/dev/null; while kill -0 $(cat {p}) 2>/dev/null; do sleep 0.1; done; rm -f {p}; fi\n",
        p = pid.display()
    )
}

impl Orthanc {
    /// Prepared, not started: the first restart starts it.
    pub fn new(stunnel_conf: &Path) -> Orthanc {
        Orthanc::slow(stunnel_conf, 0)
    }

    /// The same, but each (re)start lets `delay` seconds pass before
    /// Orthanc runs, as a loaded machine or a large database does: the
    /// restart command returns while Orthanc's port is still closed.
    pub fn slow(stunnel_conf: &Path, delay: u32) -> Orthanc {
        let dir = tempfile::Builder::new()
            .prefix("orthanc-live")
            .tempdir_in("/tmp")
            .unwrap();
        // The orthanc user must reach its files.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let config_dir = dir.path().join("etc-orthanc");
        let storage = dir.path().join("db");
        std::fs::create_dir_all(&config_dir).unwrap();
        std::fs::create_dir_all(&storage).unwrap();
        let user = nix::unistd::User::from_name("orthanc").unwrap().unwrap();
        nix::unistd::chown(&storage, Some(user.uid), Some(user.gid)).unwrap();
        let http_port = free_port();
        let dicom_port = free_port();
        let debian = std::fs::read_to_string(DEBIAN_CONFIG).unwrap();
        let replace = |text: String, from: &str, to: &str| {
            assert!(text.contains(from), "Debian's file lacks {from}");
            text.replace(from, to)
        };
        let mut text = replace(
            debian,
            "\"/var/lib/orthanc/db-v6\"",
            &format!("\"{}\"", storage.display()),
        );
        text = replace(
            text,
            "\"HttpPort\" : 8042",
            &format!("\"HttpPort\" : {http_port}"),
        );
        text = replace(
            text,
            "\"DicomPort\" : 4242",
            &format!("\"DicomPort\" : {dicom_port}"),
        );
        // Plugins would only slow the start down.
        text = replace(text, "\"/usr/share/orthanc/plugins/\"", "");
        let config = config_dir.join("orthanc.json");
        std::fs::write(&config, text).unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
        // As Debian ships it: root's, readable by the orthanc group only.
        let credentials = config_dir.join("credentials.json");
        std::fs::copy(DEBIAN_CREDENTIALS, &credentials).unwrap();
        std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o640)).unwrap();
        nix::unistd::chown(
            &credentials,
            Some(nix::unistd::Uid::from_raw(0)),
            Some(user.gid),
        )
        .unwrap();

        let pid = dir.path().join("orthanc.pid");
        let log = dir.path().join("orthanc.log");
        let restart = dir.path().join("restart-orthanc");
        script(
            &restart,
            &format!(
                "{stop}setsid sh -c 'sleep {delay}; exec setpriv --reuid=orthanc --regid=orthanc --init-groups {ORTHANC} {cfg}' >>{log} 2>&1 </dev/null &\necho $! > {pid}\n",
                stop = stop_lines(&pid),
                cfg = config_dir.display(),
                log = log.display(),
                pid = pid.display(),
            ),
        );
        let spid = dir.path().join("stunnel.pid");
        let slog = dir.path().join("stunnel.log");
        let proxy_restart = dir.path().join("restart-stunnel");
        script(
            &proxy_restart,
            &format!(
                "{stop}setsid {STUNNEL} {conf} >>{slog} 2>&1 </dev/null &\necho $! > {spid}\n",
                stop = stop_lines(&spid),
                conf = stunnel_conf.display(),
                slog = slog.display(),
                spid = spid.display(),
            ),
        );
        Orthanc {
            dir,
            config_dir,
            config,
            http_port,
            restart,
            proxy_restart,
        }
    }

    /// Runs the restart script and waits (bounded) for the port.
    pub fn start(&self) {
        let ok = std::process::Command::new(&self.restart).status().unwrap();
        assert!(ok.success());
        wait_port(self.http_port);
    }

    pub fn stop_stunnel(&self) {
        let pid = self.dir.path().join("stunnel.pid");
        let _ = std::process::Command::new("sh")
            .arg("-c")
            .arg(stop_lines(&pid))
            .status();
    }

    /// `curl` for `/system` on Orthanc's own port, plain HTTP: the status.
    pub fn http_status(&self) -> String {
        curl(&[&format!("http://127.0.0.1:{}/system", self.http_port)])
    }

    /// The same, logged in as `user:password`.
    pub fn http_status_as(&self, login: &str) -> String {
        curl(&[
            "-u",
            login,
            &format!("http://127.0.0.1:{}/system", self.http_port),
        ])
    }
}

impl Drop for Orthanc {
    fn drop(&mut self) {
        self.stop_stunnel();
        let pid = self.dir.path().join("orthanc.pid");
        let _ = std::process::Command::new("sh")
            .arg("-c")
            .arg(stop_lines(&pid))
            .status();
    }
}

/// Polls until something listens; panics after a minute.
pub fn wait_port(port: u16) {
    for _ in 0..600 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("nothing listens on {port}");
}

/// Runs curl with the given arguments; its `%{http_code}` (000 when no
/// HTTP answer came).
pub fn curl(args: &[&str]) -> String {
    let out = std::process::Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "--max-time",
            "10",
        ])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file below `dir` with its bytes and mode, for byte-for-byte
/// comparisons before and after `undo`.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&p).unwrap();
                out.push((p, target.into_os_string().into_encoded_bytes(), 0));
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p, bytes, meta.permissions().mode()));
            }
        }
    }
    out.sort();
    out
}
