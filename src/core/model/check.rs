//! Live checks: each has an id and a generation, so that a late answer for
//! an input the person has since changed is dropped.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// The Elexis-OOB install directory was found and understood.
    Installation,
    /// What the restart will need: compose loads, images there, running.
    ComposeReady,
    /// The registered domain exists and is delegated (NS/SOA).
    Delegation,
    /// The name's IPv4 address(es).
    DnsA,
    /// The name's IPv6 address(es).
    DnsAaaa,
    /// The CNAME chain, if any.
    DnsCname,
    /// CAA permits Let's Encrypt.
    DnsCaa,
    /// The public address this server is seen from, against DNS.
    PublicIp,
    /// The firewall window for the responder port.
    FirewallRule,
    /// A token served by the responder, fetched through the public name.
    Reachability,
    /// Let's Encrypt's IPv6-first rule, applied to what the probe found.
    Ipv6Path,
    /// The staging dry run.
    DryRun,
    /// The certificate in use.
    Certificate,
    FilesInstalled,
    ProxyConfig,
    Restarted,
    /// The handshake with the termine name, as a patient's browser does it.
    FinalTls,
    /// Nothing but the appointment service reachable from outside.
    FinalExposure,
    /// Nothing answers on port 80 outside an issuance window.
    FinalPort80,
    /// The certificate sent to the admin app (when not on the server).
    Uploaded,
    /// Orthanc's HTTPS with the practice CA (the optional systems step).
    Orthanc,
    /// Express Gateway's certificate (the optional systems step).
    Gateway,
    /// Automatic renewal: looked at, then set up.
    Schedule,
    /// A test mail with the renewal step's settings.
    TestMail,
}

impl CheckId {
    pub fn key(self) -> &'static str {
        match self {
            CheckId::Installation => "check-installation",
            CheckId::ComposeReady => "check-compose-ready",
            CheckId::Delegation => "check-delegation",
            CheckId::DnsA => "check-dns-a",
            CheckId::DnsAaaa => "check-dns-aaaa",
            CheckId::DnsCname => "check-dns-cname",
            CheckId::DnsCaa => "check-dns-caa",
            CheckId::PublicIp => "check-public-ip",
            CheckId::FirewallRule => "check-firewall",
            CheckId::Reachability => "check-reachability",
            CheckId::Ipv6Path => "check-ipv6-path",
            CheckId::DryRun => "check-dry-run",
            CheckId::Certificate => "check-certificate",
            CheckId::FilesInstalled => "check-files-installed",
            CheckId::ProxyConfig => "check-proxy-config",
            CheckId::Restarted => "check-restarted",
            CheckId::FinalTls => "check-final-tls",
            CheckId::FinalExposure => "check-final-exposure",
            CheckId::FinalPort80 => "check-final-port80",
            CheckId::Uploaded => "check-uploaded",
            CheckId::Orthanc => "check-orthanc",
            CheckId::Gateway => "check-gateway",
            CheckId::Schedule => "check-schedule",
            CheckId::TestMail => "check-test-mail",
        }
    }
}

/// A Fluent message id with its arguments: the core never holds prose, so
/// the language can change on any screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

/// One argument of a [`Text`]. A number goes to Fluent as a number, so
/// that `[one]` and `*[other]` select by the language's plural rules;
/// words (a port written "0443", a path with a year in it) stay verbatim.
/// Untagged, so that a resume file saved when every argument was a string
/// still reads: a JSON string is `Str`, a JSON number `Num`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Num(i64),
    Str(String),
}

impl Arg {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Arg::Str(s) => Some(s),
            Arg::Num(_) => None,
        }
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Num(n) => write!(f, "{n}"),
            Arg::Str(s) => f.write_str(s),
        }
    }
}

/// A word compares with its text; a number never equals a string.
impl PartialEq<str> for Arg {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Arg {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

/// Any whole number a text may count or name (`usize` and `u64` have no
/// `Into<i64>`); one far beyond what a screen shows saturates.
pub trait Whole {
    fn whole(self) -> i64;
}

macro_rules! whole {
    ($($t:ty),*) => {$(
        impl Whole for $t {
            fn whole(self) -> i64 {
                i64::try_from(self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
whole!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// A borrowed number, as a `match` on a borrowed error binds it.
impl<T: Whole + Copy> Whole for &T {
    fn whole(self) -> i64 {
        (*self).whole()
    }
}

impl Text {
    pub fn new(id: impl Into<String>) -> Self {
        Text {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.args.push((name.into(), Arg::Str(value.into())));
        self
    }

    /// A number: a count, days, a port, a line (see [`Arg`]).
    pub fn num(mut self, name: impl Into<String>, n: impl Whole) -> Self {
        self.args.push((name.into(), Arg::Num(n.whole())));
        self
    }

    /// The argument named `name`, if the text has one.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

/// What a check found: a plain explanation, what to do about it, and the
/// technical detail for the IT supporter (shown one key away).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub summary: Text,
    pub fix: Option<Text>,
    /// Further points of the same kind (e.g. several warnings at once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<Text>,
    pub detail: Option<String>,
    /// A failed check may be passed over ("trotzdem weiter") only where an
    /// inside view can be wrong and nothing is lost by trying.
    #[serde(default)]
    pub can_override: bool,
}

impl Finding {
    pub fn new(summary: Text) -> Self {
        Finding {
            summary,
            fix: None,
            more: Vec::new(),
            detail: None,
            can_override: false,
        }
    }

    pub fn fix(mut self, fix: Text) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn overridable(mut self) -> Self {
        self.can_override = true;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum CheckState {
    #[default]
    Idle,
    Running {
        generation: u64,
    },
    Passed(Finding),
    Warning(Finding),
    Failed(Finding),
}

/// The io layer's verdict on a check, before the core files it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Passed(Finding),
    Warning(Finding),
    Failed(Finding),
}

impl From<Outcome> for CheckState {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Passed(f) => CheckState::Passed(f),
            Outcome::Warning(f) => CheckState::Warning(f),
            Outcome::Failed(f) => CheckState::Failed(f),
        }
    }
}

impl CheckState {
    pub fn is_failed(&self) -> bool {
        matches!(self, CheckState::Failed(_))
    }

    pub fn is_settled(&self) -> bool {
        matches!(self, CheckState::Passed(_) | CheckState::Warning(_))
    }

    pub fn is_passed(&self) -> bool {
        matches!(self, CheckState::Passed(_))
    }

    pub fn is_running(&self) -> bool {
        matches!(self, CheckState::Running { .. })
    }

    pub fn finding(&self) -> Option<&Finding> {
        match self {
            CheckState::Passed(f) | CheckState::Warning(f) | CheckState::Failed(f) => Some(f),
            _ => None,
        }
    }

    pub fn finding_mut(&mut self) -> Option<&mut Finding> {
        match self {
            CheckState::Passed(f) | CheckState::Warning(f) | CheckState::Failed(f) => Some(f),
            _ => None,
        }
    }
}
