//! The three renderings of a [`StatusReport`].

use serde::Serialize;
use time::OffsetDateTime;

use super::{CertStatus, FileState, FirewallGuard, State, StatusReport, WindowSource};
use crate::core::Text;

/// Version of the JSON layout. Field names are a promise to whoever
/// scripts against them: add fields freely, rename or remove only with a
/// new version.
pub const JSON_SCHEMA: u32 = 1;

/// Service name on the monitoring line.
const SERVICE: &str = "TLS";

#[derive(Serialize)]
struct JsonOut<'a> {
    schema: u32,
    exit_code: u8,
    #[serde(flatten)]
    report: &'a StatusReport,
}

fn date(t: OffsetDateTime) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

fn days_text(id: &str, c: &CertStatus, days: i64) -> Text {
    Text::new(id)
        .arg("domain", c.domain.clone())
        .num("days", days)
        .arg("date", date(c.not_after))
}

impl CertStatus {
    /// One plain sentence about this certificate.
    pub fn text(&self) -> Text {
        let path = self.path_crt.display().to_string();
        match &self.file {
            FileState::Missing => {
                return Text::new("status-file-missing")
                    .arg("domain", self.domain.clone())
                    .arg("path", path);
            }
            FileState::Unreadable { detail } => {
                return Text::new("status-file-unreadable")
                    .arg("domain", self.domain.clone())
                    .arg("path", path)
                    .arg("detail", detail.clone());
            }
            FileState::Different { .. } => {
                return Text::new("status-file-different")
                    .arg("domain", self.domain.clone())
                    .arg("path", path);
            }
            FileState::Matches => {}
        }
        if self.expired {
            return Text::new("status-expired")
                .arg("domain", self.domain.clone())
                .arg("date", date(self.not_after));
        }
        let id = match self.state {
            State::Critical => "status-critical",
            State::Warning => "status-warning",
            _ => "status-ok",
        };
        days_text(id, self, self.days_left)
    }

    /// When renewal is planned, and from what.
    pub fn window_text(&self) -> Text {
        let id = match (self.renewal_due, self.renewal_window_source) {
            (true, _) => "status-renewal-due",
            (false, WindowSource::Ari) => "status-renewal-ari",
            (false, WindowSource::TwoThirds) => "status-renewal-two-thirds",
            (false, WindowSource::BeforeExpiry) => "status-renewal-before-expiry",
        };
        Text::new(id).arg("date", date(self.renewal_window.start))
    }

    fn nagios_text(&self) -> String {
        let path = self.path_crt.display();
        match &self.file {
            FileState::Missing => return format!("{}: file {path} is missing", self.domain),
            FileState::Unreadable { detail } => {
                return format!("{}: file {path} unreadable ({detail})", self.domain);
            }
            FileState::Different { .. } => {
                return format!(
                    "{}: file {path} is not the recorded certificate",
                    self.domain
                );
            }
            FileState::Matches => {}
        }
        let until = date(self.not_after);
        if self.expired {
            format!("{}: certificate expired on {until}", self.domain)
        } else {
            format!(
                "{}: certificate valid for {} more days (until {until})",
                self.domain, self.days_left
            )
        }
    }
}

impl StatusReport {
    /// Lines for people: one per certificate, then its renewal plan.
    pub fn texts(&self) -> Vec<Text> {
        let undone = self
            .undone_at
            .map(|at| Text::new("status-undone").arg("date", date(at)));
        if self.certificates.is_empty() {
            let mut out = vec![Text::new("status-none")];
            out.extend(undone);
            out.extend(self.firewall_guard.iter().map(FirewallGuard::text));
            return out;
        }
        let mut out: Vec<Text> = self
            .certificates
            .iter()
            .flat_map(|c| [c.text(), c.window_text()])
            .collect();
        out.extend(undone);
        out.extend(self.schedule.as_ref().map(|v| v.text()));
        if let Some(l) = &self.live {
            out.push(l.text());
            out.extend(l.problem.clone());
        }
        out.extend(self.firewall_guard.iter().map(FirewallGuard::text));
        out
    }

    pub fn exit_code(&self) -> u8 {
        self.state.exit_code()
    }

    /// Pretty JSON: `schema`, `exit_code`, `checked_at`, `state`
    /// (`OK`/`WARNING`/`CRITICAL`/`UNKNOWN`) and `certificates`, each
    /// with `domain`, `state`, `days_left`, `expired`, `not_before`,
    /// `not_after`, `lifetime_days`, `issuer`, `fingerprint_sha256`,
    /// `path_crt`, `renewal_window` {`start`,`end`},
    /// `renewal_window_source` (`ari`/`two-thirds`), `renewal_due`,
    /// `warning_days`, `critical_days` and `file` {`state`:
    /// `matches`/`missing`/`unreadable`/`different`, …}. Times are RFC 3339.
    pub fn to_json(&self) -> String {
        let out = JsonOut {
            schema: JSON_SCHEMA,
            exit_code: self.exit_code(),
            report: self,
        };
        // Plain data with string keys: serializing cannot fail, but if it
        // ever did, monitoring still gets valid JSON that says UNKNOWN.
        serde_json::to_string_pretty(&out)
            .unwrap_or_else(|_| r#"{"schema":1,"exit_code":3,"state":"UNKNOWN"}"#.to_string())
    }

    /// One line as the Monitoring Plugins Development Guidelines define
    /// it: `SERVICE STATUS: text | label=value;warn;crit;min;max`.
    ///
    /// Thresholds are written in the guidelines' range syntax: a bare
    /// `14` would mean "alert above 14", the opposite of what is meant;
    /// `@~:14` means "alert at 14 or below". Days carry no unit of
    /// measure because the guidelines define none for days.
    pub fn nagios(&self) -> String {
        let head = format!("{SERVICE} {}", self.state.label());
        if self.certificates.is_empty() {
            let guard = self
                .firewall_guard
                .iter()
                .map(|g| format!("; {}", g.nagios_text()))
                .collect::<String>();
            return format!("{head}: no certificate recorded{guard}");
        }
        let text = self
            .certificates
            .iter()
            .map(CertStatus::nagios_text)
            .chain(self.schedule.iter().map(|v| v.nagios_text()))
            .chain(self.live.iter().map(live_nagios))
            .chain(self.firewall_guard.iter().map(FirewallGuard::nagios_text))
            .chain(self.undone_at.map(|at| {
                format!(
                    "undone on {}: the service does not use this certificate",
                    date(at)
                )
            }))
            .collect::<Vec<_>>()
            .join("; ");
        let single = self.certificates.len() == 1;
        let perf: Vec<String> = self
            .certificates
            .iter()
            .filter(|c| c.file == FileState::Matches)
            .map(|c| {
                let label = if single {
                    "days_left".to_string()
                } else {
                    format!("days_left_{}", c.domain)
                };
                format!(
                    "{}={};@~:{};@~:{};0;",
                    perf_label(&label),
                    c.days_left,
                    c.warning_days,
                    c.critical_days
                )
            })
            .collect();
        let text = clean(&text);
        if perf.is_empty() {
            format!("{head}: {text}")
        } else {
            format!("{head}: {text} | {}", perf.join(" "))
        }
    }
}

fn live_nagios(l: &super::LiveCheck) -> String {
    let at = l.addresses.join(", ");
    match &l.problem {
        None => format!("served correctly at {at}"),
        Some(p) => format!("patients' check at {at}: {}", p.id),
    }
}

/// The text part must stay one line and must not contain the perfdata
/// separator.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '|' => '/',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect()
}

/// Labels with spaces or `=` must be quoted; a quote inside is doubled.
fn perf_label(label: &str) -> String {
    let label = label.replace('=', "_");
    if label.contains([' ', '\'']) {
        format!("'{}'", label.replace('\'', "''"))
    } else {
        label
    }
}
