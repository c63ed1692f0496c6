//! The texts of the unit files and the cron entry: pure, tested as data.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::ScheduleError;

/// What the scheduled run executes: `<binary> renew --state-dir <dir>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewCommand {
    pub binary: PathBuf,
    pub state_dir: PathBuf,
}

impl RenewCommand {
    fn args(&self) -> Result<[String; 4], ScheduleError> {
        Ok([
            checked(&self.binary)?,
            "renew".to_string(),
            "--state-dir".to_string(),
            checked(&self.state_dir)?,
        ])
    }
}

/// A line break or other control character in a path would end the line
/// and let the rest become a directive of its own.
fn checked(p: &Path) -> Result<String, ScheduleError> {
    let s = p.to_str().ok_or_else(|| ScheduleError::UnsafePath {
        path: p.to_path_buf(),
    })?;
    if s.is_empty() || s.chars().any(char::is_control) || !p.is_absolute() {
        return Err(ScheduleError::UnsafePath {
            path: p.to_path_buf(),
        });
    }
    Ok(s.to_string())
}

fn plain(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:=@,".contains(c))
}

/// systemd expands `%` specifiers and `$` variables in ExecStart, and
/// splits on spaces: escape both, and quote what is not plain.
fn systemd_word(s: &str) -> String {
    let escaped = s.replace('%', "%%").replace('$', "$$");
    if plain(s) {
        escaped
    } else {
        format!("\"{}\"", escaped.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// cron hands the command to /bin/sh and turns `%` into a line break.
fn shell_word(s: &str) -> String {
    if plain(s) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''")).replace('%', "\\%")
    }
}

pub fn service_unit(cmd: &RenewCommand) -> Result<String, ScheduleError> {
    let exec: Vec<String> = cmd.args()?.iter().map(|a| systemd_word(a)).collect();
    Ok(format!(
        "# Written by praxis-tls; \"praxis-tls undo\" removes it.\n\
         [Unit]\n\
         Description=praxis-tls: check the certificate and renew it when due\n\
         Wants=network-online.target\n\
         After=network-online.target docker.service\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={}\n\
         # An issuance waits for DNS and the CA; never let a hung run\n\
         # block the next day's.\n\
         TimeoutStartSec=30min\n",
        exec.join(" ")
    ))
}

pub fn timer_unit() -> String {
    // Persistent: a server that was off at the planned time runs the
    // check at the next boot. The random delay spreads the practices'
    // requests, as Let's Encrypt asks clients to do.
    "# Written by praxis-tls; \"praxis-tls undo\" removes it.\n\
     [Unit]\n\
     Description=praxis-tls: daily certificate check and renewal\n\
     \n\
     [Timer]\n\
     OnCalendar=daily\n\
     RandomizedDelaySec=1h\n\
     Persistent=true\n\
     \n\
     [Install]\n\
     WantedBy=timers.target\n"
        .to_string()
}

/// The time of day of the cron run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CronTime {
    pub hour: u8,
    pub minute: u8,
}

/// A time between 10:00 and 15:59, derived from `seed`: within office
/// hours (cron does not catch up on a missed run, and the server is
/// surely on then; a failure mail finds someone to read it), and spread
/// across practices without changing on reinstall.
pub fn cron_time_for(seed: &str) -> CronTime {
    let d = Sha256::digest(seed.as_bytes());
    let n = u16::from_be_bytes([d[0], d[1]]) % (6 * 60);
    CronTime {
        hour: 10 + u8::try_from(n / 60).unwrap_or(0),
        minute: u8::try_from(n % 60).unwrap_or(0),
    }
}

pub fn cron_entry(cmd: &RenewCommand, at: CronTime) -> Result<String, ScheduleError> {
    let line: Vec<String> = cmd.args()?.iter().map(|a| shell_word(a)).collect();
    Ok(format!(
        "# Written by praxis-tls; \"praxis-tls undo\" removes it.\n\
         # Daily certificate check and renewal; the run logs to its state directory.\n\
         SHELL=/bin/sh\n\
         PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n\
         {} {} * * * root {} >/dev/null 2>&1\n",
        at.minute,
        at.hour,
        line.join(" ")
    ))
}
