//! Sets up the renewal run: the package's systemd units switched on, units
//! of our own in /etc where there is no package (or another state
//! directory), or an entry in /etc/cron.d where systemd does not run. The
//! core decides ([`crate::core::library::schedule`]); this reads the system and
//! carries the plan out through the journal, so `praxis-tls undo` takes it
//! all back. `root` is `/` on a real system and a folder in tests.

mod text;

use std::path::{Path, PathBuf};

use crate::core::library::firewall::Command as CommandLine;
use crate::core::library::schedule::{
    CRON_NAME, FAILED_NAME, LOCAL_BINARY, LocalCopy, PACKAGE_BINARY, SERVICE_NAME, ScheduleFacts,
    SchedulePlan, ScheduledRun, Scheduler, TIMER_NAME, cron_time,
};
use crate::core::{Lang, Text};
use crate::io::journal::{Change, CommandRun, EntryState, Journal, JournalError};

pub use text::{RenewCommand, cron_entry, failed_unit, parse_command, service_unit, timer_unit};

const ETC_UNITS: &str = "etc/systemd/system";
const PACKAGE_UNITS: &str = "usr/lib/systemd/system";
const CRON_DIR: &str = "etc/cron.d";
/// Present only while systemd is the running init (what sd_booted checks).
const SYSTEMD_RUNNING: &str = "run/systemd/system";
/// A unit or cron file larger than this is not ours.
const MAX_TEXT: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("neither systemd nor /etc/cron.d found under {root}")]
    NoScheduler { root: PathBuf },
    #[error("path cannot be written into a unit or cron line: {path:?}")]
    UnsafePath { path: PathBuf },
    #[error("cannot read {path}: {detail}")]
    Binary { path: PathBuf, detail: String },
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("{command} failed: {detail}")]
    Systemctl { command: String, detail: String },
}

impl ScheduleError {
    pub fn text(&self) -> Text {
        match self {
            ScheduleError::NoScheduler { .. } => Text::new("schedule-no-scheduler"),
            ScheduleError::UnsafePath { path } => {
                Text::new("schedule-unsafe-path").arg("path", path.display().to_string())
            }
            ScheduleError::Binary { path, detail } => Text::new("schedule-binary-unreadable")
                .arg("path", path.display().to_string())
                .arg("detail", detail.clone()),
            ScheduleError::Journal(e) => e.text(),
            ScheduleError::Systemctl { command, detail } => Text::new("schedule-systemctl-failed")
                .arg("command", command.clone())
                .arg("detail", detail.clone()),
        }
    }
}

/// Which scheduler the system under `root` uses. A unit directory alone
/// proves nothing (containers have one without systemd running).
pub fn detect(root: &Path) -> Option<Scheduler> {
    if root.join(SYSTEMD_RUNNING).is_dir() {
        Some(Scheduler::Systemd)
    } else if root.join(CRON_DIR).is_dir() {
        Some(Scheduler::Cron)
    } else {
        None
    }
}

/// `path` as the system under `root` names it.
fn below(root: &Path, path: &Path) -> PathBuf {
    root.join(path.strip_prefix("/").unwrap_or(path))
}

fn read_small(path: &Path) -> Option<String> {
    crate::io::atomic::read_small(path, MAX_TEXT).ok()
}

fn scheduled_from_unit(root: &Path, unit: &Path) -> Option<ScheduledRun> {
    let text = read_small(&below(root, unit))?;
    let exec = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("ExecStart="))?;
    let (binary, state_dir) = parse_command(exec, true)?;
    Some(ScheduledRun {
        binary_exists: below(root, &binary).is_file(),
        binary,
        state_dir,
    })
}

fn scheduled_from_cron(root: &Path, file: &Path) -> Option<ScheduledRun> {
    let text = read_small(&below(root, file))?;
    let line = text
        .lines()
        .find(|l| !l.trim_start().starts_with('#') && l.contains(" renew"))?;
    let (binary, state_dir) = parse_command(line, false)?;
    Some(ScheduledRun {
        binary_exists: below(root, &binary).is_file(),
        binary,
        state_dir,
    })
}

fn same_file(a: &Path, b: &Path) -> LocalCopy {
    use std::os::unix::fs::MetadataExt;
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return LocalCopy::Missing;
    };
    if ma.dev() == mb.dev() && ma.ino() == mb.ino() {
        return LocalCopy::Same;
    }
    if ma.len() != mb.len() {
        return LocalCopy::Different;
    }
    match (digest(a), digest(b)) {
        (Some(x), Some(y)) if x == y => LocalCopy::Same,
        _ => LocalCopy::Different,
    }
}

fn digest(path: &Path) -> Option<Vec<u8>> {
    use sha2::{Digest, Sha256};
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).ok()?;
    Some(hasher.finalize().to_vec())
}

/// What the system under `root` has now. `running` is the program's own
/// path on the real system (`current_exe`).
pub fn inspect(root: &Path, running: &Path) -> ScheduleFacts {
    let mut facts = inspect_schedule(root, running);
    facts.local_copy = same_file(running, &below(root, Path::new(LOCAL_BINARY)));
    facts
}

/// The same without comparing the local copy with the running program
/// (reading two programs whole): enough to judge, as `status` does on
/// every monitoring poll.
pub fn inspect_schedule(root: &Path, running: &Path) -> ScheduleFacts {
    let scheduler = detect(root);
    let etc_service = Path::new("/").join(ETC_UNITS).join(SERVICE_NAME);
    let lib_service = Path::new("/").join(PACKAGE_UNITS).join(SERVICE_NAME);
    let cron = Path::new("/").join(CRON_DIR).join(CRON_NAME);
    let etc_units = below(root, &etc_service).is_file();
    let packaged_units = below(root, &lib_service).is_file();
    let wants = below(root, Path::new("/etc/systemd/system/timers.target.wants")).join(TIMER_NAME);
    let timer_on = std::fs::symlink_metadata(&wants).is_ok();
    let from_units = || {
        if etc_units {
            scheduled_from_unit(root, &etc_service)
        } else {
            scheduled_from_unit(root, &lib_service)
        }
    };
    let (scheduled, active) = match scheduler {
        Some(Scheduler::Cron) => {
            let run = scheduled_from_cron(root, &cron);
            let active = run.is_some();
            (run, active)
        }
        // With systemd, a cron entry of ours (from before) counts too: it
        // still runs, and may name a program that is gone.
        _ => match from_units() {
            Some(run) => (Some(run), timer_on),
            None => {
                let run = scheduled_from_cron(root, &cron);
                let active = run.is_some();
                (run, active)
            }
        },
    };
    ScheduleFacts {
        scheduler,
        packaged_units,
        packaged_binary: below(root, Path::new(PACKAGE_BINARY)).is_file(),
        etc_units,
        active,
        scheduled,
        running: running.to_path_buf(),
        local_copy: LocalCopy::Missing,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub scheduler: Scheduler,
    /// Every file that belongs to the schedule, written now or already
    /// in place with the same content.
    pub files: Vec<PathBuf>,
    /// Files that were (re)written in this run.
    pub changed: Vec<PathBuf>,
    /// The timer was switched on in this run.
    pub activated: bool,
}

impl Installed {
    pub fn text(&self) -> Text {
        let id = match self.scheduler {
            Scheduler::Systemd => "schedule-installed-systemd",
            Scheduler::Cron => "schedule-installed-cron",
        };
        let files: Vec<String> = self.files.iter().map(|p| p.display().to_string()).collect();
        Text::new(id).arg("files", files.join(", "))
    }

    pub fn changed_anything(&self) -> bool {
        !self.changed.is_empty() || self.activated
    }
}

/// Carries `plan` out below `root`: the copy, the files, the timer switched
/// on. Running it again with the same plan changes nothing and records
/// nothing. `lang` is for the journal's descriptions, which `undo` shows.
pub fn install(
    journal: &mut Journal,
    root: &Path,
    plan: &SchedulePlan,
    state_dir: &Path,
    lang: Lang,
) -> Result<Installed, ScheduleError> {
    let cmd = RenewCommand {
        binary: plan.binary.clone(),
        state_dir: state_dir.to_path_buf(),
    };
    let mut files = Vec::new();
    let mut changed = Vec::new();
    if let Some(from) = &plan.copy_from {
        let bytes = std::fs::read(from).map_err(|e| ScheduleError::Binary {
            path: from.clone(),
            detail: e.to_string(),
        })?;
        let target = below(root, Path::new(LOCAL_BINARY));
        if write(
            journal,
            &target,
            &bytes,
            0o755,
            lang,
            "schedule-journal-copy",
        )? {
            changed.push(target.clone());
        }
        files.push(target);
    }
    let wanted: Vec<(PathBuf, String, &str)> = match plan.scheduler {
        Scheduler::Systemd if plan.write_units => {
            let dir = root.join(ETC_UNITS);
            vec![
                (
                    dir.join(SERVICE_NAME),
                    service_unit(&cmd)?,
                    "schedule-journal-service",
                ),
                (
                    dir.join(FAILED_NAME),
                    failed_unit(&cmd)?,
                    "schedule-journal-failed",
                ),
                (dir.join(TIMER_NAME), timer_unit(), "schedule-journal-timer"),
            ]
        }
        Scheduler::Systemd => Vec::new(),
        Scheduler::Cron => {
            let seed = format!("{}{}", host_seed(), state_dir.display());
            let (minute, hours) = cron_time(&seed);
            vec![(
                root.join(CRON_DIR).join(CRON_NAME),
                cron_entry(&cmd, minute, &hours)?,
                "schedule-journal-cron",
            )]
        }
    };
    for (path, content, description) in wanted {
        if write(journal, &path, content.as_bytes(), 0o644, lang, description)? {
            changed.push(path.clone());
        }
        files.push(path);
    }
    let mut activated = false;
    if plan.scheduler == Scheduler::Systemd {
        let wants = root
            .join("etc/systemd/system/timers.target.wants")
            .join(TIMER_NAME);
        let on = std::fs::symlink_metadata(&wants).is_ok();
        if !changed.is_empty() || !on || !timer_enabled_by(journal) {
            enable(journal, root, lang)?;
            activated = true;
        }
    }
    Ok(Installed {
        scheduler: plan.scheduler,
        files,
        changed,
        activated,
    })
}

/// Writes `bytes` through the journal unless the file already holds them.
fn write(
    journal: &mut Journal,
    path: &Path,
    bytes: &[u8],
    mode: u32,
    lang: Lang,
    description: &str,
) -> Result<bool, ScheduleError> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| JournalError::target(dir, e))?;
    }
    let description = crate::i18n::tr(lang, description);
    journal.write_file(path, bytes, mode, description)?;
    Ok(true)
}

/// Switches the timer on through the journal, so that `undo` also stops
/// and disables it: deleting its files alone would leave it loaded and
/// firing until the next reboot. Below a test root, systemctl works on the
/// files alone (`--root`), as it does in an image build.
fn enable(journal: &mut Journal, root: &Path, lang: Lang) -> Result<(), ScheduleError> {
    let systemctl = |args: &[&str]| CommandLine::new("systemctl", args);
    let change = if root == Path::new("/") {
        CommandRun {
            run: vec![
                systemctl(&["daemon-reload"]),
                systemctl(&["enable", "--now", TIMER_NAME]),
            ],
            undo: vec![
                systemctl(&["disable", "--now", TIMER_NAME]),
                systemctl(&["daemon-reload"]),
            ],
        }
    } else {
        let at = format!("--root={}", root.display());
        CommandRun {
            run: vec![systemctl(&[&at, "enable", TIMER_NAME])],
            undo: vec![systemctl(&[&at, "disable", TIMER_NAME])],
        }
    };
    let command = change.display();
    let description = crate::i18n::tr(lang, "schedule-journal-activate");
    journal
        .run_commands(change, description)
        .map_err(|e| ScheduleError::Systemctl {
            command,
            detail: e.to_string(),
        })?;
    Ok(())
}

/// Whether the journal holds a live `enable` of the timer.
pub fn timer_enabled_by(journal: &Journal) -> bool {
    journal.entries().iter().any(|e| {
        e.state == EntryState::Done
            && matches!(&e.change, Change::Commands(c) if c.display().contains(TIMER_NAME))
    })
}

/// Every file a schedule of ours may consist of, below `root`.
pub fn schedule_files(root: &Path) -> Vec<PathBuf> {
    let units = root.join(ETC_UNITS);
    vec![
        units.join(SERVICE_NAME),
        units.join(FAILED_NAME),
        units.join(TIMER_NAME),
        root.join(CRON_DIR).join(CRON_NAME),
        below(root, Path::new(LOCAL_BINARY)),
    ]
}

/// Spreads the cron runs of many practices over the hours without
/// randomness, so reinstalling keeps the same time.
fn host_seed() -> String {
    nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default()
}
