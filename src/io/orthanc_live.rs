//! Runs the check after Orthanc's change: restart, probe over HTTPS with
//! the practice CA (with mTLS once with and once without a browser
//! certificate), probe again a few seconds later. On failure the caller
//! undoes the change through the journal and [`restart_and_wait_http`]
//! brings Orthanc back on plain HTTP. The judging is
//! `core::library::orthanc::live`'s.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use wait_timeout::ChildExt;

use super::http_client;
use crate::core::library::orthanc::access::Login;
use crate::core::library::orthanc::live::{BuildFacts, Observed, Probe};

/// A restart command may take this long (systemd waits up to 90 s for a
/// stop, but Orthanc stops in a second or two).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a restarted server may take to listen again.
pub const LISTEN_TIMEOUT: Duration = Duration::from_secs(60);
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// Where and how to probe.
pub struct Target {
    /// The name in Orthanc's certificate; connected to on this machine.
    pub host: String,
    pub port: u16,
    pub roots: RootCertStore,
    /// A browser certificate (from its PKCS#12), with mTLS.
    pub identity: Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>,
    /// The pause before the second look.
    pub settle: Duration,
    /// Orthanc's user, when the check knows its password.
    pub login: Option<Login>,
    /// With the terminator: Orthanc's own HTTP port. stunnel listens at
    /// once after its restart, Orthanc maybe seconds later, and until then
    /// stunnel resets each request; so this port is waited for first.
    pub backend: Option<u16>,
}

/// Runs a restart command as typed (split like a shell would, but without
/// one), bounded in time; its output is not read, as a service it starts
/// may keep it open.
pub fn run_command(line: &str) -> Result<(), String> {
    let words = shell_words::split(line).map_err(|e| format!("{line}: {e}"))?;
    let Some((program, args)) = words.split_first() else {
        return Err("empty command".into());
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{line}: {e}"))?;
    match child.wait_timeout(COMMAND_TIMEOUT) {
        Ok(Some(status)) if status.success() => Ok(()),
        Ok(Some(status)) => Err(format!("{line}: {status}")),
        Ok(None) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(format!(
                "{line}: no end within {} s",
                COMMAND_TIMEOUT.as_secs()
            ))
        }
        Err(e) => Err(format!("{line}: {e}")),
    }
}

async fn run_async(line: &str) -> Result<(), String> {
    let line = line.to_string();
    tokio::task::spawn_blocking(move || run_command(&line))
        .await
        .map_err(|e| e.to_string())?
}

/// Waits until something listens on the port, polling; `false` after the
/// bound.
pub async fn wait_listening(port: u16, bound: Duration) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let deadline = tokio::time::Instant::now() + bound;
    loop {
        if TcpStream::connect(addr).await.is_ok() {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// One HTTPS request for `/system`.
pub async fn probe(target: &Target, with_identity: bool) -> Probe {
    let builder =
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions();
    let builder = match builder {
        Ok(b) => b.with_root_certificates(target.roots.clone()),
        Err(e) => return Probe::Other(e.to_string()),
    };
    let config = match (&target.identity, with_identity) {
        (Some((chain, key)), true) => {
            match builder.with_client_auth_cert(chain.clone(), key.clone_key()) {
                Ok(c) => c,
                Err(e) => return Probe::Other(e.to_string()),
            }
        }
        _ => builder.with_no_client_auth(),
    };
    let Ok(name) = ServerName::try_from(target.host.clone()) else {
        return Probe::Other(format!("{}: not a host name", target.host));
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, target.port));
    let exchange = async {
        let tcp = match TcpStream::connect(addr).await {
            Ok(t) => t,
            Err(e) => return Probe::NoConnection(e.to_string()),
        };
        let connector = TlsConnector::from(Arc::new(config));
        let tls = match connector.connect(name, tcp).await {
            Ok(t) => t,
            Err(e) => return classify(&e),
        };
        let login = target.login.as_ref().map(|l| {
            use base64::Engine as _;
            let token = base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", l.user, l.password));
            format!("Basic {token}")
        });
        let asked = http_client::status_over(tls, &target.host, "/system", login.as_deref());
        match asked.await {
            Ok(status) => Probe::Answered(status),
            Err(e) => classify_answer(&*e),
        }
    };
    tokio::time::timeout(PROBE_TIMEOUT, exchange)
        .await
        .unwrap_or_else(|_| Probe::Other("no answer in time".into()))
}

/// Why no status came. TLS 1.3 servers refuse a missing client
/// certificate after the handshake, with an alert on the first read.
fn classify_answer(e: &(dyn std::error::Error + 'static)) -> Probe {
    use std::io::ErrorKind as K;
    let text = http_client::describe(e);
    let alert = http_client::causes(e)
        .any(|c| matches!(c.downcast_ref(), Some(rustls::Error::AlertReceived(_))));
    let cut = http_client::causes(e).any(|c| {
        c.downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_incomplete_message)
            || c.downcast_ref::<std::io::Error>().is_some_and(|io| {
                matches!(
                    io.kind(),
                    K::ConnectionReset | K::UnexpectedEof | K::BrokenPipe | K::ConnectionAborted
                )
            })
    });
    if alert {
        Probe::Refused(text)
    } else if cut {
        Probe::Reset(text)
    } else {
        Probe::Other(text)
    }
}

fn classify(e: &std::io::Error) -> Probe {
    let text = e.to_string();
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        return match inner {
            rustls::Error::AlertReceived(_) => Probe::Refused(text),
            rustls::Error::InvalidCertificate(_) => Probe::Untrusted(text),
            _ => Probe::Other(text),
        };
    }
    match e.kind() {
        std::io::ErrorKind::ConnectionReset
        | std::io::ErrorKind::UnexpectedEof
        | std::io::ErrorKind::BrokenPipe
        | std::io::ErrorKind::ConnectionAborted => Probe::Reset(text),
        _ => Probe::Other(text),
    }
}

/// Restarts (each command in turn), waits for Orthanc's own port behind
/// a terminator and for the probed port, probes, waits `settle`, probes
/// again. A restart that fails is the first probe's answer.
pub async fn restart_and_check(commands: &[String], target: &Target) -> Observed {
    let unprobed = |p: Probe, silent: Option<String>| Observed {
        first: p.clone(),
        without_client: None,
        later: p,
        orthanc_silent: silent,
    };
    for c in commands {
        if let Err(e) = run_async(c).await {
            return unprobed(Probe::Other(e), None);
        }
    }
    if let Some(port) = target.backend
        && !wait_listening(port, LISTEN_TIMEOUT).await
    {
        let why = format!(
            "127.0.0.1:{port}: no connection within {} s after the restart",
            LISTEN_TIMEOUT.as_secs()
        );
        return unprobed(Probe::NoConnection(why.clone()), Some(why));
    }
    wait_listening(target.port, LISTEN_TIMEOUT).await;
    let mtls = target.identity.is_some();
    let first = probe(target, true).await;
    let without_client = if mtls {
        Some(probe(target, false).await)
    } else {
        None
    };
    tokio::time::sleep(target.settle).await;
    let later = probe(target, true).await;
    Observed {
        first,
        without_client,
        later,
        orthanc_silent: None,
    }
}

/// After the rollback: the restart, then a plain HTTP answer from
/// Orthanc's own port. Any status counts (401 without a login).
pub async fn restart_and_wait_http(restart: &str, port: u16) -> Result<u16, String> {
    // What counts is that Orthanc answers again; a restart command that
    // reports failure but did restart is only noted.
    let ran = run_async(restart).await;
    if !wait_listening(port, LISTEN_TIMEOUT).await {
        return Err(format!("port {port}: nothing listens ({ran:?})"));
    }
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let tcp = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    http_client::status_within(tcp, "localhost", "/system", PROBE_TIMEOUT).await
}

/// What tells whether this Orthanc's own HTTPS can work: its version and
/// the libraries it loads (`ldd`), each bounded in time.
pub fn build_facts(program: &Path) -> BuildFacts {
    let output = |cmd: &mut Command| -> Option<String> {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        match child.wait_timeout(Duration::from_secs(10)) {
            Ok(Some(_)) => {}
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
        let mut out = String::new();
        use std::io::Read;
        child
            .stdout
            .take()?
            .take(64 * 1024)
            .read_to_string(&mut out)
            .ok()?;
        Some(out)
    };
    let version = output(Command::new(program).arg("--version"))
        .and_then(|o| o.lines().next().map(str::to_string))
        .filter(|l| !l.is_empty());
    let libs = output(Command::new("ldd").arg(program)).unwrap_or_default();
    BuildFacts {
        version,
        shared_civetweb: libs.contains("libcivetweb"),
        openssl3: libs.contains("libssl.so.3"),
    }
}

/// The Orthanc program as Debian installs it, else as found on `PATH`.
pub fn orthanc_program() -> std::path::PathBuf {
    let debian = Path::new("/usr/sbin/Orthanc");
    if debian.exists() {
        return debian.to_path_buf();
    }
    std::path::PathBuf::from("Orthanc")
}
