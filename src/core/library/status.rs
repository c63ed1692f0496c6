//! Expiry watch for the installed certificate(s): Let's Encrypt no longer
//! mails expiry warnings, so the practice (or its monitoring) must learn
//! from us that a certificate runs out. Pure: `now` and the state of the
//! certificate file come in as values.
//!
//! Three renderings of one [`StatusReport`]: [`StatusReport::texts`] for
//! people (Fluent ids), [`StatusReport::to_json`] for scripts, and
//! [`StatusReport::nagios`] for monitoring systems.

mod live;
mod render;

pub use live::LiveCheck;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

pub use render::JSON_SCHEMA;

const DAY_SECS: i64 = 86_400;
/// Defaults when `-w`/`-c` are not given: warn at 14 days (or a third of
/// the lifetime, whichever is more), critical at 7.
pub const DEFAULT_WARNING_DAYS: i64 = 14;
pub const DEFAULT_CRITICAL_DAYS: i64 = 7;

/// A span of time, e.g. the renewal window (the same as ARI's).
pub use super::renewal::Window;

/// What the CA told us about when to renew (ACME Renewal Information,
/// RFC 9773). Empty when the CA was not asked or did not answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalHint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ari_window: Option<Window>,
    /// Warn this many days before expiry, unless told otherwise: for the
    /// practice CA's long-lived certificates (Orthanc: 60), where a third
    /// of the lifetime would warn for most of a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_days: Option<i64>,
}

/// One installed certificate, as the issuer (or the import) records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertRecord {
    pub domain: String,
    pub path_crt: PathBuf,
    pub path_key: PathBuf,
    #[serde(with = "time::serde::rfc3339")]
    pub not_before: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub not_after: OffsetDateTime,
    pub issuer: String,
    /// SHA-256 of the leaf certificate's DER, hex (colons allowed).
    pub fingerprint_sha256: String,
    #[serde(default)]
    pub renewal: RenewalHint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WindowSource {
    Ari,
    TwoThirds,
    /// A fixed number of days before expiry (the practice CA's).
    BeforeExpiry,
}

impl CertRecord {
    pub fn lifetime(&self) -> Duration {
        self.not_after - self.not_before
    }

    /// Lifetime in whole days, rounded: Let's Encrypt's "90 days" end one
    /// second early, and the thresholds should still say 90.
    pub fn lifetime_days(&self) -> i64 {
        (self.lifetime().whole_seconds() + DAY_SECS / 2).div_euclid(DAY_SECS)
    }

    /// Days left, rounded down, negative once expired: monitoring compares
    /// this number with its thresholds, so the state is decided on it too.
    pub fn days_left(&self, now: OffsetDateTime) -> i64 {
        (self.not_after - now).whole_seconds().div_euclid(DAY_SECS)
    }

    /// The ARI window when the CA gave one, else from two thirds to five
    /// sixths of the lifetime (the time Let's Encrypt itself recommends,
    /// and still valid when lifetimes shrink to 64 and 45 days).
    pub fn renewal_window(&self) -> (Window, WindowSource) {
        if let Some(w) = self.renewal.ari_window {
            return (w, WindowSource::Ari);
        }
        if let Some(days) = self.renewal.warn_days {
            let start = self.not_after - Duration::days(days);
            return (
                Window {
                    start,
                    end: start + Duration::days(days / 2),
                },
                WindowSource::BeforeExpiry,
            );
        }
        // Whole seconds keep the JSON free of fractions.
        let life = self.lifetime().whole_seconds();
        (
            Window {
                start: self.not_before + Duration::seconds(life * 2 / 3),
                end: self.not_before + Duration::seconds(life * 5 / 6),
            },
            WindowSource::TwoThirds,
        )
    }
}

/// What the io layer found at `path_crt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum FileState {
    /// Present and the certificate we recorded.
    Matches,
    Missing,
    Unreadable {
        detail: String,
    },
    /// Someone replaced it: the recorded dates say nothing about it.
    Different {
        found_sha256: String,
    },
}

/// Why reading the certificate file failed, as the io layer saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    Other(String),
}

/// Compares what was read from `path_crt` with the record. The first PEM
/// certificate in the file is the leaf (a chain file starts with it).
pub fn file_state(record: &CertRecord, read: Result<&[u8], ReadError>) -> FileState {
    let bytes = match read {
        Ok(b) => b,
        Err(ReadError::NotFound) => return FileState::Missing,
        Err(ReadError::Other(detail)) => return FileState::Unreadable { detail },
    };
    let Some(der) = first_pem_certificate(bytes) else {
        return FileState::Unreadable {
            detail: "no PEM certificate in the file".to_string(),
        };
    };
    let found = hex(&Sha256::digest(&der));
    if normalize_fingerprint(&record.fingerprint_sha256) == found {
        FileState::Matches
    } else {
        FileState::Different {
            found_sha256: found,
        }
    }
}

fn normalize_fingerprint(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_hexdigit())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn first_pem_certificate(bytes: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let text = std::str::from_utf8(bytes).ok()?;
    let begin = "-----BEGIN CERTIFICATE-----";
    let start = text.find(begin)? + begin.len();
    let len = text[start..].find("-----END CERTIFICATE-----")?;
    let body: String = text[start..start + len]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

/// Monitoring states with the Monitoring Plugins' exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum State {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl State {
    pub fn exit_code(self) -> u8 {
        match self {
            State::Ok => 0,
            State::Warning => 1,
            State::Critical => 2,
            State::Unknown => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            State::Ok => "OK",
            State::Warning => "WARNING",
            State::Critical => "CRITICAL",
            State::Unknown => "UNKNOWN",
        }
    }

    /// Which of two states matters more to the person on call: a broken
    /// certificate outranks not knowing about another one.
    fn severity(self) -> u8 {
        match self {
            State::Ok => 0,
            State::Unknown => 1,
            State::Warning => 2,
            State::Critical => 3,
        }
    }
}

/// `-w`/`-c`: days left at or below which the state turns WARNING or
/// CRITICAL. `None` takes the defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub warning_days: Option<i64>,
    pub critical_days: Option<i64>,
}

impl Thresholds {
    /// (warning, critical) in days for a certificate of this lifetime.
    pub fn resolve(&self, lifetime_days: i64) -> (i64, i64) {
        let warning = self
            .warning_days
            .unwrap_or_else(|| DEFAULT_WARNING_DAYS.max(lifetime_days / 3));
        let critical = self.critical_days.unwrap_or(DEFAULT_CRITICAL_DAYS);
        (warning, critical)
    }
}

/// The verdict on one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertStatus {
    pub domain: String,
    pub state: State,
    pub days_left: i64,
    pub expired: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub not_before: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub not_after: OffsetDateTime,
    pub lifetime_days: i64,
    pub issuer: String,
    pub fingerprint_sha256: String,
    pub path_crt: PathBuf,
    pub renewal_window: Window,
    pub renewal_window_source: WindowSource,
    /// `now` is inside or past the renewal window.
    pub renewal_due: bool,
    pub warning_days: i64,
    pub critical_days: i64,
    pub file: FileState,
}

/// The verdict on everything installed, as of `checked_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReport {
    #[serde(with = "time::serde::rfc3339")]
    pub checked_at: OffsetDateTime,
    /// The worst of the certificates' states; UNKNOWN when there is none.
    pub state: State,
    pub certificates: Vec<CertStatus>,
    /// Whether anything renews them (absent when it was not looked at).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<super::schedule::Verdict>,
    /// The last check from the patients' side (absent when none was made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<LiveCheck>,
    /// Our firewall table kept between renewals (absent when there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firewall_guard: Option<FirewallGuard>,
    /// When `undo` took the installed certificate back and nothing
    /// installed it again: the service no longer uses it.
    #[serde(
        with = "time::serde::rfc3339::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub undone_at: Option<OffsetDateTime>,
}

/// The nftables table the practice keeps between renewals, because it
/// keeps its port-80 forward: the table drops the responder port while no
/// window is open. Shown so nobody is surprised by it; `undo` removes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirewallGuard {
    /// `inet praxis_tls`.
    pub table: String,
    /// The responder port it keeps closed.
    pub port: String,
}

impl FirewallGuard {
    pub fn new(port: impl Into<String>) -> Self {
        FirewallGuard {
            table: format!("inet {}", super::firewall::TABLE),
            port: port.into(),
        }
    }

    pub fn text(&self) -> crate::core::Text {
        crate::core::Text::new("status-firewall-guard")
            .arg("port", self.port.clone())
            .arg("table", self.table.clone())
    }

    pub fn nagios_text(&self) -> String {
        format!(
            "firewall table {} kept, drops port {} between renewals",
            self.table, self.port
        )
    }
}

impl StatusReport {
    /// Adds what the system says about the renewal run. A certificate that
    /// nothing renews will expire: WARNING; a scheduled run whose program
    /// is gone or will vanish has stopped renewing silently: CRITICAL.
    pub fn with_schedule(mut self, verdict: super::schedule::Verdict) -> Self {
        use super::schedule::Verdict;
        if !self.certificates.is_empty() {
            let state = match &verdict {
                Verdict::Active { .. } => State::Ok,
                Verdict::Missing { .. } | Verdict::Unstable { .. } => State::Critical,
                Verdict::NotSet | Verdict::Inactive | Verdict::OtherStateDir { .. } => {
                    State::Warning
                }
            };
            if state.severity() > self.state.severity() {
                self.state = state;
            }
        }
        self.schedule = Some(verdict);
        self
    }

    /// After `undo` the certificate may be valid, but the service does
    /// not use it: WARNING, and a patients'-side check from before the
    /// undo no longer describes anything.
    pub fn with_undone(mut self, at: Option<OffsetDateTime>) -> Self {
        let Some(at) = at else { return self };
        if !self.certificates.is_empty() && State::Warning.severity() > self.state.severity() {
            self.state = State::Warning;
        }
        if self.live.as_ref().is_some_and(|l| l.checked_at <= at) {
            self.live = None;
        }
        self.undone_at = Some(at);
        self
    }

    /// Adds the firewall table kept between renewals. It changes no state:
    /// it is how the practice chose to run, not a fault.
    pub fn with_firewall_guard(mut self, guard: Option<FirewallGuard>) -> Self {
        self.firewall_guard = guard;
        self
    }
}

/// Judges each certificate with its file state.
pub fn evaluate(
    installed: &[(CertRecord, FileState)],
    thresholds: Thresholds,
    now: OffsetDateTime,
) -> StatusReport {
    let certificates: Vec<CertStatus> = installed
        .iter()
        .map(|(r, f)| judge(r, f, thresholds, now))
        .collect();
    let state = certificates
        .iter()
        .map(|c| c.state)
        .max_by_key(|s| s.severity())
        .unwrap_or(State::Unknown);
    StatusReport {
        checked_at: now,
        state,
        certificates,
        schedule: None,
        live: None,
        firewall_guard: None,
        undone_at: None,
    }
}

fn judge(r: &CertRecord, file: &FileState, t: Thresholds, now: OffsetDateTime) -> CertStatus {
    let lifetime_days = r.lifetime_days();
    let t = Thresholds {
        warning_days: t.warning_days.or(r.renewal.warn_days),
        ..t
    };
    let (warning_days, critical_days) = t.resolve(lifetime_days);
    let days_left = r.days_left(now);
    let expired = now >= r.not_after;
    let (window, source) = r.renewal_window();
    let state = if *file != FileState::Matches {
        State::Unknown
    } else if expired || days_left <= critical_days {
        State::Critical
    } else if days_left <= warning_days {
        State::Warning
    } else {
        State::Ok
    };
    CertStatus {
        domain: r.domain.clone(),
        state,
        days_left,
        expired,
        not_before: r.not_before,
        not_after: r.not_after,
        lifetime_days,
        issuer: r.issuer.clone(),
        fingerprint_sha256: r.fingerprint_sha256.clone(),
        path_crt: r.path_crt.clone(),
        renewal_window: window,
        renewal_window_source: source,
        renewal_due: now >= window.start,
        warning_days,
        critical_days,
        file: file.clone(),
    }
}
