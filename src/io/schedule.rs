//! Installs the daily renewal run: a systemd timer where systemd runs,
//! else an entry in /etc/cron.d. The file texts come from pure functions;
//! the files are written through the journal, so `praxis-tls undo` takes
//! them away again.

mod text;

use std::path::{Path, PathBuf};

use crate::core::firewall::Command as CommandLine;
use crate::core::{Lang, Text};
use crate::io::journal::{Change, CommandRun, EntryState, Journal, JournalError};

pub use text::{CronTime, RenewCommand, cron_entry, cron_time_for, service_unit, timer_unit};

pub const SERVICE_NAME: &str = "praxis-tls-renew.service";
pub const TIMER_NAME: &str = "praxis-tls-renew.timer";
/// Files in /etc/cron.d with a dot in their name are ignored by cron.
pub const CRON_NAME: &str = "praxis-tls-renew";

const UNIT_DIR: &str = "etc/systemd/system";
const CRON_DIR: &str = "etc/cron.d";
/// Present only while systemd is the running init (what sd_booted checks).
const SYSTEMD_RUNNING: &str = "run/systemd/system";

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("neither systemd nor /etc/cron.d found under {root}")]
    NoScheduler { root: PathBuf },
    #[error("path cannot be written into a unit or cron line: {path:?}")]
    UnsafePath { path: PathBuf },
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
            ScheduleError::Journal(e) => e.text(),
            ScheduleError::Systemctl { command, detail } => Text::new("schedule-systemctl-failed")
                .arg("command", command.clone())
                .arg("detail", detail.clone()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheduler {
    Systemd,
    Cron,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub scheduler: Scheduler,
    /// Every file that belongs to the schedule, written now or already
    /// in place with the same content.
    pub files: Vec<PathBuf>,
    /// Files that were (re)written in this run.
    pub changed: Vec<PathBuf>,
    /// `systemctl enable --now` ran (only on a real, running systemd).
    pub activated: bool,
}

impl Installed {
    pub fn text(&self) -> Text {
        let id = match (self.scheduler, self.activated) {
            (Scheduler::Systemd, true) => "schedule-installed-systemd",
            (Scheduler::Systemd, false) => "schedule-written-systemd",
            (Scheduler::Cron, _) => "schedule-installed-cron",
        };
        let files: Vec<String> = self.files.iter().map(|p| p.display().to_string()).collect();
        Text::new(id).arg("files", files.join(", "))
    }
}

/// Writes the schedule below `root` (`/` on a real system, a temporary
/// directory in tests). Running it again with the same command changes
/// nothing and records nothing. `lang` is for the journal's descriptions,
/// which `praxis-tls undo` shows.
pub fn install(
    journal: &mut Journal,
    root: &Path,
    cmd: &RenewCommand,
    lang: Lang,
) -> Result<Installed, ScheduleError> {
    let scheduler = detect(root).ok_or_else(|| ScheduleError::NoScheduler {
        root: root.to_path_buf(),
    })?;
    let wanted: Vec<(PathBuf, String, &str)> = match scheduler {
        Scheduler::Systemd => {
            let dir = root.join(UNIT_DIR);
            vec![
                (
                    dir.join(SERVICE_NAME),
                    service_unit(cmd)?,
                    "schedule-journal-service",
                ),
                (dir.join(TIMER_NAME), timer_unit(), "schedule-journal-timer"),
            ]
        }
        Scheduler::Cron => {
            let seed = format!("{}{}", host_seed(), cmd.state_dir.display());
            vec![(
                root.join(CRON_DIR).join(CRON_NAME),
                cron_entry(cmd, cron_time_for(&seed))?,
                "schedule-journal-cron",
            )]
        }
    };
    let mut files = Vec::new();
    let mut changed = Vec::new();
    for (path, content, description) in wanted {
        if std::fs::read(&path).ok().as_deref() != Some(content.as_bytes()) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| JournalError::target(dir, e))?;
            }
            let description = crate::i18n::tr(lang, description);
            journal.write_file(&path, content.as_bytes(), 0o644, description)?;
            changed.push(path.clone());
        }
        files.push(path);
    }
    let activated = scheduler == Scheduler::Systemd && root == Path::new("/");
    if activated && (!changed.is_empty() || !timer_enabled_by(journal)) {
        // Through the journal, so that `praxis-tls undo` also stops and
        // disables the timer: deleting its files alone would leave it
        // loaded and firing until the next reboot.
        let systemctl = |args: &[&str]| CommandLine::new("systemctl", args);
        let change = CommandRun {
            run: vec![
                systemctl(&["daemon-reload"]),
                systemctl(&["enable", "--now", TIMER_NAME]),
            ],
            undo: vec![
                systemctl(&["disable", "--now", TIMER_NAME]),
                systemctl(&["daemon-reload"]),
            ],
        };
        let command = change.display();
        let description = crate::i18n::tr(lang, "schedule-journal-activate");
        journal
            .run_commands(change, description)
            .map_err(|e| ScheduleError::Systemctl {
                command,
                detail: e.to_string(),
            })?;
    }
    Ok(Installed {
        scheduler,
        files,
        changed,
        activated,
    })
}

/// Whether the journal holds a live `enable` of the timer.
pub fn timer_enabled_by(journal: &Journal) -> bool {
    journal.entries().iter().any(|e| {
        e.state == EntryState::Done
            && matches!(&e.change, Change::Commands(c) if c.display().contains(TIMER_NAME))
    })
}

/// Spreads the cron runs of many practices over the day without
/// randomness, so reinstalling keeps the same time.
fn host_seed() -> String {
    nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default()
}
