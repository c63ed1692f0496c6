//! The unit files and the cron entry: the templates in `assets/`, filled in
//! with the program's path and the state directory. Pure, tested as data.

use std::path::{Path, PathBuf};

use super::ScheduleError;

const SERVICE: &str = include_str!("../../../assets/systemd/praxis-tls-renew.service");
const TIMER: &str = include_str!("../../../assets/systemd/praxis-tls-renew.timer");
const FAILED: &str = include_str!("../../../assets/systemd/praxis-tls-renew-failed.service");
const CRON: &str = include_str!("../../../assets/cron/praxis-tls-renew");

/// What the scheduled run executes: `<binary> renew --state-dir <dir>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewCommand {
    pub binary: PathBuf,
    pub state_dir: PathBuf,
}

/// A line break or other control character in a path would end the line
/// and let the rest become a directive of its own.
fn checked(p: &Path) -> Result<&str, ScheduleError> {
    let s = p.to_str().ok_or_else(|| ScheduleError::UnsafePath {
        path: p.to_path_buf(),
    })?;
    if s.is_empty() || s.chars().any(char::is_control) || !p.is_absolute() {
        return Err(ScheduleError::UnsafePath {
            path: p.to_path_buf(),
        });
    }
    Ok(s)
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

fn fill(
    template: &str,
    cmd: &RenewCommand,
    word: fn(&str) -> String,
) -> Result<String, ScheduleError> {
    let binary = word(checked(&cmd.binary)?);
    let state = word(checked(&cmd.state_dir)?);
    Ok(template
        .replace("@BINARY@", &binary)
        .replace("@STATE_DIR@", &state))
}

pub fn service_unit(cmd: &RenewCommand) -> Result<String, ScheduleError> {
    fill(SERVICE, cmd, systemd_word)
}

pub fn failed_unit(cmd: &RenewCommand) -> Result<String, ScheduleError> {
    fill(FAILED, cmd, systemd_word)
}

pub fn timer_unit() -> String {
    TIMER.to_string()
}

/// The cron entry, at `minute` past each of `hours` (e.g. "9,14").
pub fn cron_entry(cmd: &RenewCommand, minute: u8, hours: &str) -> Result<String, ScheduleError> {
    Ok(fill(CRON, cmd, shell_word)?
        .replace("@MINUTE@", &minute.to_string())
        .replace("@HOURS@", hours))
}

/// Splits a command line as systemd and /bin/sh split ours: words, with
/// double or single quotes and backslash escapes.
pub fn split_words(line: &str) -> Option<Vec<String>> {
    shell_words::split(line).ok()
}

/// The program and state directory of an ExecStart line or a cron line.
pub fn parse_command(line: &str, systemd: bool) -> Option<(PathBuf, Option<PathBuf>)> {
    let line = if systemd {
        line.replace("%%", "%").replace("$$", "$")
    } else {
        line.replace("\\%", "%")
    };
    let words = split_words(&line)?;
    let renew = words.iter().position(|w| w == "renew")?;
    let binary = PathBuf::from(words.get(renew.checked_sub(1)?)?);
    let state = words
        .iter()
        .skip(renew)
        .position(|w| w == "--state-dir")
        .and_then(|i| words.get(renew + i + 1))
        .map(PathBuf::from);
    Some((binary, state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(binary: &str, state: &str) -> RenewCommand {
        RenewCommand {
            binary: binary.into(),
            state_dir: state.into(),
        }
    }

    #[test]
    fn what_is_written_is_what_is_read_back() {
        let odd = cmd("/opt/praxis tls/praxis-tls", "/srv/100%/$state");
        let unit = service_unit(&odd).unwrap();
        let exec = unit
            .lines()
            .find_map(|l| l.strip_prefix("ExecStart="))
            .unwrap();
        let (binary, state) = parse_command(exec, true).unwrap();
        assert_eq!(binary, odd.binary);
        assert_eq!(state, Some(odd.state_dir.clone()));
        let cron = cron_entry(&odd, 5, "9,14").unwrap();
        let line = cron.lines().last().unwrap();
        assert!(line.starts_with("5 9,14 * * * root "), "{line}");
        let (binary, state) = parse_command(line, false).unwrap();
        assert_eq!(binary, odd.binary);
        assert_eq!(state, Some(odd.state_dir));
    }

    #[test]
    fn no_placeholder_is_left() {
        let c = cmd("/usr/local/sbin/praxis-tls", "/var/lib/praxis-tls");
        for text in [
            service_unit(&c).unwrap(),
            failed_unit(&c).unwrap(),
            timer_unit(),
            cron_entry(&c, 0, "8,13").unwrap(),
        ] {
            assert!(!text.contains('@'), "{text}");
        }
    }
}
