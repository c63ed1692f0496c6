//! Whether Orthanc really serves HTTPS after the change, judged from what
//! the probes saw; and the TLS terminator in front of it (stunnel) for
//! builds whose own HTTPS crashes.
//!
//! Debian 12's and Ubuntu 24.04's Orthanc link the distribution's
//! civetweb, which looks up `SSL_get_peer_certificate` in `libssl` at run
//! time. OpenSSL 3 no longer exports that name, so the server dies on the
//! first HTTPS request (civetweb issue #1334). The crash shows as a
//! connection closed in the middle of the handshake, after which the port
//! stays closed (or, under systemd's `Restart=on-failure`, crashes again).

use crate::core::Text;

/// How Orthanc gets its HTTPS.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Way {
    /// Orthanc's own `SslEnabled`.
    #[default]
    BuiltIn,
    /// stunnel in front; Orthanc stays on plain HTTP, reachable only from
    /// this machine.
    Terminator,
}

/// What one HTTPS request saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// An HTTP answer with this status.
    Answered(u16),
    /// The server ended the handshake with a TLS alert (e.g. because no
    /// client certificate was offered): a deliberate refusal.
    Refused(String),
    /// The connection was closed or reset with no alert: the server died
    /// or dropped it.
    Reset(String),
    /// Nothing listens on the port.
    NoConnection(String),
    /// The server's certificate does not verify against the practice CA.
    Untrusted(String),
    /// No answer in time, or anything else.
    Other(String),
}

impl Probe {
    fn detail(&self) -> String {
        match self {
            Probe::Answered(s) => format!("HTTP {s}"),
            Probe::Refused(d)
            | Probe::Reset(d)
            | Probe::NoConnection(d)
            | Probe::Untrusted(d)
            | Probe::Other(d) => d.clone(),
        }
    }
}

/// Everything the check saw, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    /// The request with the client certificate (with mTLS) or the plain
    /// one.
    pub first: Probe,
    /// With mTLS: the request without a client certificate.
    pub without_client: Option<Probe>,
    /// The same request as `first`, a few seconds later.
    pub later: Probe,
    /// With the terminator: Orthanc's own HTTP port accepted no
    /// connection within the wait after the restart (why, in words); then
    /// nothing was probed.
    pub orthanc_silent: Option<String>,
}

/// Why the check failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// The known civetweb/OpenSSL 3 crash.
    CivetwebCrash,
    /// Orthanc stopped answering, cause unknown.
    Died(String),
    /// It never answered HTTPS on the port.
    NotListening(String),
    /// Its certificate did not verify.
    Untrusted(String),
    /// With mTLS: a browser without certificate got in.
    ClientNotRequired,
    /// With mTLS: the browser certificate was refused.
    ClientRefused(String),
    /// With the terminator: stunnel took the connection but closed it, as
    /// it does when Orthanc's own port does not answer it.
    Unreachable(String),
    /// An HTTP status other than 200.
    Status(u16),
    Other(String),
}

/// Facts about the installed Orthanc that tell whether its HTTPS can work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildFacts {
    /// `Orthanc --version`'s first line, e.g. `/usr/sbin/Orthanc 1.10.1`.
    pub version: Option<String>,
    /// The program loads the distribution's `libcivetweb` (not a bundled one).
    pub shared_civetweb: bool,
    /// OpenSSL 3 is what it loads.
    pub openssl3: bool,
}

/// True for the builds that crash on their first HTTPS request: the
/// distribution's civetweb 1.15 or older with OpenSSL 3. Orthanc's own
/// builds bundle a civetweb that does not look the name up.
pub fn affected(facts: &BuildFacts) -> bool {
    facts.version.is_some() && facts.shared_civetweb && facts.openssl3
}

/// What the check expects of the answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expect {
    /// Browser certificates are required.
    pub mtls: bool,
    /// The build is known to crash on HTTPS.
    pub affected: bool,
    /// Orthanc asks for a login the check does not have (`renew` knows no
    /// password): its 401 then proves it is up behind TLS.
    pub login_unknown: bool,
    /// Which HTTPS answers: with the terminator civetweb does no TLS, so
    /// its crash cannot be what a reset shows.
    pub way: Way,
}

/// Passed only when Orthanc answered 200 (or, with a login the check
/// lacks, 401) both times and, with mTLS, a request without a client
/// certificate was refused. With the terminator, a first request that
/// stunnel reset counts for nothing when the later one got through: the
/// terminator works, Orthanc was only not yet reachable.
pub fn judge(observed: &Observed, expect: Expect) -> Result<(), Cause> {
    let Expect {
        mtls,
        affected,
        login_unknown,
        way,
    } = expect;
    let up = |p: &Probe| {
        matches!(p, Probe::Answered(200)) || (login_unknown && matches!(p, Probe::Answered(401)))
    };
    if let Some(why) = &observed.orthanc_silent {
        return Err(Cause::NotListening(why.clone()));
    }
    let first = match (way, &observed.first) {
        (Way::Terminator, Probe::Reset(_)) if up(&observed.later) => &observed.later,
        (Way::Terminator, Probe::Reset(d)) => return Err(Cause::Unreachable(d.clone())),
        (Way::Terminator, first) => first,
        (Way::BuiltIn, first) => {
            let crashed = matches!(first, Probe::Reset(_))
                && (affected || matches!(observed.later, Probe::Reset(_) | Probe::NoConnection(_)));
            if crashed {
                return Err(Cause::CivetwebCrash);
            }
            first
        }
    };
    match first {
        p if up(p) => {}
        Probe::Answered(s) => return Err(Cause::Status(*s)),
        Probe::NoConnection(d) => return Err(Cause::NotListening(d.clone())),
        Probe::Untrusted(d) => return Err(Cause::Untrusted(d.clone())),
        Probe::Refused(d) if mtls => return Err(Cause::ClientRefused(d.clone())),
        other => return Err(Cause::Other(other.detail())),
    }
    if mtls {
        match &observed.without_client {
            Some(Probe::Refused(_)) => {}
            // A 4xx is a refusal too, made after the handshake; but not a
            // 401 that only asks for the login.
            Some(Probe::Answered(s)) if (400..500).contains(s) && !(login_unknown && *s == 401) => {
            }
            Some(Probe::Answered(_)) => return Err(Cause::ClientNotRequired),
            Some(p) => return Err(Cause::Other(p.detail())),
            None => return Err(Cause::ClientNotRequired),
        }
    }
    match &observed.later {
        p if up(p) => Ok(()),
        Probe::Reset(d) | Probe::NoConnection(d) => Err(Cause::Died(d.clone())),
        other => Err(Cause::Other(other.detail())),
    }
}

impl Cause {
    /// What happened, in plain words; `way` says which HTTPS was tried.
    pub fn text(&self, way: Way) -> Text {
        let t = match self {
            Cause::CivetwebCrash => Text::new("orthanc-live-crash"),
            Cause::Died(d) => Text::new("orthanc-live-died").arg("detail", d.clone()),
            Cause::NotListening(d) => {
                Text::new("orthanc-live-not-listening").arg("detail", d.clone())
            }
            Cause::Untrusted(d) => Text::new("orthanc-live-untrusted").arg("detail", d.clone()),
            Cause::ClientNotRequired => Text::new("orthanc-live-client-not-required"),
            Cause::ClientRefused(d) => {
                Text::new("orthanc-live-client-refused").arg("detail", d.clone())
            }
            Cause::Unreachable(d) => {
                Text::new("orthanc-live-terminator-unreachable").arg("detail", d.clone())
            }
            Cause::Status(s) => Text::new("orthanc-live-status").num("status", s),
            Cause::Other(d) => Text::new("orthanc-live-other").arg("detail", d.clone()),
        };
        t.arg(
            "way",
            match way {
                Way::BuiltIn => "builtin",
                Way::Terminator => "terminator",
            },
        )
    }
}

/// stunnel's service instance: Debian's `stunnel@.service` reads
/// `/etc/stunnel/<instance>.conf`.
pub const STUNNEL_INSTANCE: &str = "praxis-orthanc";
/// The port practice computers use with the terminator, unless told.
pub const DEFAULT_TERMINATOR_PORT: u16 = 8443;

/// The terminator's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminator {
    /// The PEM with key and certificate (the same file as for Orthanc).
    pub certificate: String,
    /// With mTLS: the CA browsers' certificates must chain to.
    pub client_ca: Option<String>,
    /// The port practice computers use.
    pub accept: u16,
    /// Orthanc's own HTTP port on this machine.
    pub orthanc_port: u16,
}

/// The configuration file's text. Foreground, because systemd's
/// `stunnel@.service` is of type simple and must not lose its process.
pub fn stunnel_conf(t: &Terminator) -> String {
    let mut s = String::new();
    s.push_str("; Written by praxis-tls: HTTPS in front of Orthanc.\n");
    s.push_str("; `praxis-tls undo` removes this file and the service.\n");
    s.push_str("foreground = yes\n");
    s.push_str("pid =\n\n");
    s.push_str("[orthanc]\n");
    s.push_str(&format!("accept = {}\n", t.accept));
    s.push_str(&format!("connect = 127.0.0.1:{}\n", t.orthanc_port));
    s.push_str(&format!("cert = {}\n", t.certificate));
    s.push_str(&format!("key = {}\n", t.certificate));
    s.push_str("sslVersionMin = TLSv1.2\n");
    if let Some(ca) = &t.client_ca {
        // verifyChain alone checks only offered certificates; requireCert
        // refuses a browser that offers none.
        s.push_str(&format!("CAfile = {ca}\n"));
        s.push_str("verifyChain = yes\n");
        s.push_str("requireCert = yes\n");
    }
    s
}

/// The type of the server's key, for the cipher check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Ecdsa,
    Rsa,
}

/// Whether an `SslCiphersAccepted` list leaves TLS 1.2 browsers no
/// suite for the key: OpenSSL names with `ECDSA` serve ECDSA keys, names
/// without (`AES128-GCM-SHA256`, `ECDHE-RSA-…`) only RSA keys. TLS 1.3
/// suites do not depend on the key and are not in this list.
pub fn ciphers_lock_out(ciphers: &[String], key: KeyType) -> bool {
    if ciphers.is_empty() {
        return false;
    }
    !ciphers.iter().any(|c| {
        let ecdsa = c.contains("ECDSA");
        match key {
            KeyType::Ecdsa => ecdsa,
            KeyType::Rsa => !ecdsa,
        }
    })
}

/// The suites that serve both key types, offered as the fix.
pub const CIPHERS_FIX: [&str; 4] = [
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES256-GCM-SHA384",
];

/// What practice computers get from Orthanc's built-in HTTPS, given its
/// remote access setting and its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteAccess {
    /// Allowed and users exist: they log in.
    Open,
    /// `RemoteAccessAllowed` false (Debian's default): HTTP 401 for every
    /// computer but this one.
    Refused,
    /// Allowed but without users: every computer gets in without a login.
    NoUsers,
}

pub fn remote_access(allowed: Option<bool>, users: usize) -> RemoteAccess {
    match (allowed.unwrap_or(false), users) {
        (false, _) => RemoteAccess::Refused,
        (true, 0) => RemoteAccess::NoUsers,
        (true, _) => RemoteAccess::Open,
    }
}

#[cfg(test)]
mod tests;
