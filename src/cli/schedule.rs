//! `praxis-tls schedule`: installs the daily `renew` run (a systemd timer,
//! or cron where systemd does not run) through the journal, so that
//! `praxis-tls undo` or `schedule --remove` takes it away again.

use std::path::{Path, PathBuf};

use clap::Args;
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::journal::{Change, EntryState, JOURNAL_FILE, Journal};
use praxis_tls::io::schedule::{
    self, CRON_NAME, RenewCommand, SERVICE_NAME, Scheduler, TIMER_NAME,
};

use super::{Cli, exit, say};

#[derive(Args, Debug)]
pub struct ScheduleArgs {
    /// Remove the daily run again.
    #[arg(long)]
    pub remove: bool,
    /// The file system root to write below (tests).
    #[arg(long, hide = true, value_name = "DIR", default_value = "/")]
    pub root: PathBuf,
}

/// Every file a schedule may consist of, below `root`.
fn schedule_files(root: &Path) -> Vec<PathBuf> {
    let units = root.join("etc/systemd/system");
    vec![
        units.join(SERVICE_NAME),
        units.join(TIMER_NAME),
        root.join("etc/cron.d").join(CRON_NAME),
    ]
}

fn real_systemd(root: &Path) -> bool {
    root == Path::new("/") && schedule::detect(root) == Some(Scheduler::Systemd)
}

fn systemctl(args: &[&str]) {
    match std::process::Command::new("systemctl").args(args).output() {
        Ok(o) if o.status.success() => {}
        Ok(o) => tracing::warn!(
            "systemctl {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => tracing::warn!("systemctl {}: {e}", args.join(" ")),
    }
}

pub(super) fn run(cli: &Cli, lang: Lang, a: &ScheduleArgs) -> u8 {
    let journal_before = std::fs::read(cli.state_dir.join(JOURNAL_FILE)).ok();
    let mut journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    if a.remove {
        return remove(lang, &mut journal, &a.root);
    }
    let binary = match std::env::current_exe() {
        Ok(b) => b,
        Err(e) => {
            say(
                lang,
                &Text::new("cli-schedule-no-binary").arg("detail", e.to_string()),
            );
            return exit::FAILED;
        }
    };
    let state_dir = std::path::absolute(&cli.state_dir).unwrap_or_else(|_| cli.state_dir.clone());
    let cmd = RenewCommand { binary, state_dir };
    match schedule::install(&mut journal, &a.root, &cmd, lang) {
        Ok(installed) => {
            for file in &installed.files {
                println!("file: {}", file.display());
            }
            for file in &installed.changed {
                say(
                    lang,
                    &Text::new("cli-schedule-wrote").arg("path", file.display().to_string()),
                );
                if let Ok(text) = std::fs::read_to_string(file) {
                    eprintln!("{text}");
                }
            }
            if installed.changed.is_empty() {
                say(lang, &Text::new("cli-schedule-unchanged"));
            }
            say(lang, &installed.text());
            // The last stdout line, for Ansible's `changed_when`; the
            // journal also sees an activation of unchanged files.
            let journal_now = std::fs::read(cli.state_dir.join(JOURNAL_FILE)).ok();
            let changed = !installed.changed.is_empty() || journal_now != journal_before;
            println!("{}", serde_json::json!({ "changed": changed }));
            exit::OK
        }
        Err(e) => {
            tracing::error!("schedule: {e}");
            say(lang, &e.text());
            exit::FAILED
        }
    }
}

/// Undoes the journal entries that wrote the schedule, newest first.
fn remove(lang: Lang, journal: &mut Journal, root: &Path) -> u8 {
    let files = schedule_files(root);
    let mut ids: Vec<u64> = journal
        .entries()
        .iter()
        .filter(|e| e.state != EntryState::Undone)
        .filter(|e| match &e.change {
            Change::WriteFile(fw) => files.contains(&fw.path),
            Change::Commands(c) => c.display().contains(TIMER_NAME),
            Change::FirewallWindow(_) => false,
        })
        .map(|e| e.id)
        .collect();
    ids.sort_unstable();
    if ids.is_empty() {
        say(lang, &Text::new("cli-schedule-none"));
        return exit::OK;
    }
    // A schedule from before the activation was journalled is stopped here;
    // otherwise undoing that entry (the newest) stops it.
    if real_systemd(root) && !schedule::timer_enabled_by(journal) {
        systemctl(&["disable", "--now", TIMER_NAME]);
    }
    let mut code = exit::OK;
    for id in ids.into_iter().rev() {
        let target = journal
            .entry(id)
            .map(|e| e.change.target())
            .unwrap_or_default();
        match journal.undo(id, false) {
            Ok(o) if o.reverted() => {
                say(lang, &Text::new("cli-schedule-removed").arg("path", target));
            }
            Ok(_) => {
                say(lang, &Text::new("cli-schedule-changed").arg("path", target));
                code = exit::FAILED;
            }
            Err(e) => {
                say(lang, &e.text());
                code = exit::FAILED;
            }
        }
    }
    if real_systemd(root) {
        systemctl(&["daemon-reload"]);
    }
    code
}
