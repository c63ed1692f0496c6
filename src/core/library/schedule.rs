//! Whether renewal runs by itself, and what setting it up would change.
//! Pure: io reads the system into [`ScheduleFacts`]; here it is judged
//! ([`judge`], for `status` and the wizard) and planned ([`plan`], for the
//! wizard's renewal step, `schedule` and `renew`'s self-repair).
//!
//! The rule the whole module serves: the scheduled command only ever names
//! a binary at a stable path, the package's or a copy in /usr/local/sbin.
//! A build folder, /tmp or a home directory vanishes with `cargo clean`, a
//! reboot or a tidy-up, and renewal would stop without a word.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::model::check::Text;

/// Where the Debian package puts the program.
pub const PACKAGE_BINARY: &str = "/usr/bin/praxis-tls";
/// Where the wizard copies a program that runs from anywhere else.
pub const LOCAL_BINARY: &str = "/usr/local/sbin/praxis-tls";
/// The state directory the package's units name.
pub const DEFAULT_STATE_DIR: &str = "/var/lib/praxis-tls";

pub const SERVICE_NAME: &str = "praxis-tls-renew.service";
pub const TIMER_NAME: &str = "praxis-tls-renew.timer";
pub const FAILED_NAME: &str = "praxis-tls-renew-failed.service";
/// Files in /etc/cron.d with a dot in their name are ignored by cron.
pub const CRON_NAME: &str = "praxis-tls-renew";

/// The hours the timer starts from; `RandomizedDelaySec` adds up to three.
pub const TIMER_HOURS: [u8; 2] = [8, 13];
pub const RANDOM_DELAY_HOURS: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheduler {
    Systemd,
    Cron,
}

pub fn stable(path: &Path) -> bool {
    path == Path::new(PACKAGE_BINARY) || path == Path::new(LOCAL_BINARY)
}

/// The command a schedule runs, read from the unit systemd would use (one
/// in /etc before the package's) or from the cron entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledRun {
    pub binary: PathBuf,
    pub binary_exists: bool,
    pub state_dir: Option<PathBuf>,
}

/// How the copy in /usr/local/sbin compares with the running program.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocalCopy {
    #[default]
    Missing,
    Same,
    /// Another version: replaced only after a yes.
    Different,
}

/// What io found on the system. Paths are as the system names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleFacts {
    pub scheduler: Option<Scheduler>,
    /// The package's units are in /usr/lib/systemd/system.
    pub packaged_units: bool,
    /// The package's binary is in /usr/bin.
    pub packaged_binary: bool,
    /// Units of our own (or an older version's) in /etc/systemd/system.
    pub etc_units: bool,
    /// The timer is enabled, or the cron entry is in place.
    pub active: bool,
    pub scheduled: Option<ScheduledRun>,
    /// Where the running program lies.
    pub running: PathBuf,
    pub local_copy: LocalCopy,
}

/// The verdict for `status` and for the renewal step's first look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Verdict {
    /// Nothing runs `renew` by itself.
    NotSet,
    /// The units are there but the timer is not switched on.
    Inactive,
    /// Runs, and names a program that exists at a stable path.
    Active { binary: PathBuf },
    /// Names a program that is gone: renewal has stopped.
    Missing { binary: PathBuf },
    /// Names a program in a place that does not last.
    Unstable { binary: PathBuf },
    /// Runs for another state directory than this one.
    OtherStateDir { state_dir: PathBuf },
}

impl Verdict {
    /// Whether renewal will run, as far as the files say.
    pub fn works(&self) -> bool {
        matches!(self, Verdict::Active { .. })
    }

    /// A scheduled run that cannot work or will stop working: `renew`
    /// repairs it, `status` calls it critical.
    pub fn broken(&self) -> bool {
        matches!(self, Verdict::Missing { .. } | Verdict::Unstable { .. })
    }

    /// One line for monitoring (English, as the plugin guidelines expect).
    pub fn nagios_text(&self) -> String {
        match self {
            Verdict::NotSet => "renewal is not scheduled".to_string(),
            Verdict::Inactive => "renewal timer is not enabled".to_string(),
            Verdict::Active { binary } => format!("renewal scheduled ({})", binary.display()),
            Verdict::Missing { binary } => {
                format!("renewal runs {} which does not exist", binary.display())
            }
            Verdict::Unstable { binary } => format!(
                "renewal runs {} which is not a stable path",
                binary.display()
            ),
            Verdict::OtherStateDir { state_dir } => {
                format!("renewal is scheduled for {}", state_dir.display())
            }
        }
    }

    pub fn text(&self) -> Text {
        match self {
            Verdict::NotSet => Text::new("schedule-verdict-not-set"),
            Verdict::Inactive => Text::new("schedule-verdict-inactive"),
            Verdict::Active { binary } => {
                Text::new("schedule-verdict-active").arg("binary", binary.display().to_string())
            }
            Verdict::Missing { binary } => {
                Text::new("schedule-verdict-missing").arg("binary", binary.display().to_string())
            }
            Verdict::Unstable { binary } => {
                Text::new("schedule-verdict-unstable").arg("binary", binary.display().to_string())
            }
            Verdict::OtherStateDir { state_dir } => Text::new("schedule-verdict-other-state")
                .arg("dir", state_dir.display().to_string()),
        }
    }
}

pub fn judge(facts: &ScheduleFacts, state_dir: &Path) -> Verdict {
    let Some(run) = &facts.scheduled else {
        return Verdict::NotSet;
    };
    // Another state directory's schedule is not this one's to judge or
    // repair: for this state, nothing renews.
    if let Some(dir) = &run.state_dir
        && dir != state_dir
    {
        return Verdict::OtherStateDir {
            state_dir: dir.clone(),
        };
    }
    if !run.binary_exists {
        return Verdict::Missing {
            binary: run.binary.clone(),
        };
    }
    if !stable(&run.binary) {
        return Verdict::Unstable {
            binary: run.binary.clone(),
        };
    }
    if !facts.active {
        return Verdict::Inactive;
    }
    Verdict::Active {
        binary: run.binary.clone(),
    }
}

/// What setting up (or repairing) the schedule will do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchedulePlan {
    pub scheduler: Scheduler,
    /// What the scheduled command will name.
    pub binary: PathBuf,
    /// Copy the running program to [`LOCAL_BINARY`] first.
    pub copy_from: Option<PathBuf>,
    /// Write units to /etc (false: the package's are switched on as they are).
    pub write_units: bool,
    /// What was found and will be replaced, for the person to read first.
    pub findings: Vec<Text>,
}

impl SchedulePlan {
    /// The lines the renewal step and `schedule` show before the yes.
    pub fn texts(&self) -> Vec<Text> {
        let mut out = Vec::new();
        let when = Text::new(match self.scheduler {
            Scheduler::Systemd => "schedule-plan-timer",
            Scheduler::Cron => "schedule-plan-cron",
        });
        out.push(when);
        if let Some(from) = &self.copy_from {
            out.push(
                Text::new("schedule-plan-copy")
                    .arg("from", from.display().to_string())
                    .arg("to", LOCAL_BINARY),
            );
        } else {
            out.push(
                Text::new("schedule-plan-binary").arg("binary", self.binary.display().to_string()),
            );
        }
        out.extend(self.findings.iter().cloned());
        out
    }
}

/// The plan for `state_dir`, or why no schedule can be set up here.
pub fn plan(facts: &ScheduleFacts, state_dir: &Path) -> Result<SchedulePlan, Text> {
    let Some(scheduler) = facts.scheduler else {
        return Err(Text::new("schedule-no-scheduler"));
    };
    let mut findings = Vec::new();
    let running = facts.running.as_path();
    let (binary, copy_from) = if facts.packaged_binary {
        if running != Path::new(PACKAGE_BINARY) {
            findings.push(
                Text::new("schedule-finding-package-preferred")
                    .arg("running", running.display().to_string()),
            );
        }
        (PathBuf::from(PACKAGE_BINARY), None)
    } else if running == Path::new(LOCAL_BINARY) {
        (PathBuf::from(LOCAL_BINARY), None)
    } else {
        let copy = match facts.local_copy {
            LocalCopy::Same => None,
            LocalCopy::Different => {
                findings.push(Text::new("schedule-finding-stale-copy").arg("path", LOCAL_BINARY));
                Some(running.to_path_buf())
            }
            LocalCopy::Missing => Some(running.to_path_buf()),
        };
        (PathBuf::from(LOCAL_BINARY), copy)
    };
    if let Some(run) = &facts.scheduled
        && run.binary != binary
    {
        let id = if run.binary_exists {
            "schedule-finding-other-binary"
        } else {
            "schedule-finding-gone-binary"
        };
        findings.push(Text::new(id).arg("binary", run.binary.display().to_string()));
    }
    let default_dir = state_dir == Path::new(DEFAULT_STATE_DIR);
    let write_units = scheduler == Scheduler::Cron
        || facts.etc_units
        || !(facts.packaged_units && binary == Path::new(PACKAGE_BINARY) && default_dir);
    Ok(SchedulePlan {
        scheduler,
        binary,
        copy_from,
        write_units,
        findings,
    })
}

/// The cron entry's minute and hours for this server: inside working hours
/// like the timer, spread across practices without changing on reinstall.
pub fn cron_time(seed: &str) -> (u8, String) {
    use sha2::{Digest, Sha256};
    let d = Sha256::digest(seed.as_bytes());
    let span = u16::from(RANDOM_DELAY_HOURS) * 60;
    let n = u16::from_be_bytes([d[0], d[1]]) % span;
    let minute = u8::try_from(n % 60).unwrap_or(0);
    let offset = u8::try_from(n / 60).unwrap_or(0);
    let hours: Vec<String> = TIMER_HOURS
        .iter()
        .map(|h| (h + offset).to_string())
        .collect();
    (minute, hours.join(","))
}

#[cfg(test)]
mod tests;
