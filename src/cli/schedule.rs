//! `praxis-tls schedule`: sets up the renewal run (the package's timer, units
//! of our own, or cron where systemd does not run) through the journal, so
//! that `praxis-tls undo` or `schedule --remove` takes it away again. It
//! says what it found and will replace, and replaces only after a yes.

use std::path::{Path, PathBuf};

use clap::Args;
use praxis_tls::core::library::schedule::{self as plan, LOCAL_BINARY, SchedulePlan, TIMER_NAME};
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::journal::{Change, EntryState, Journal};
use praxis_tls::io::schedule::{self, Installed};

use super::{Cli, exit, say};

#[derive(Args, Debug)]
pub struct ScheduleArgs {
    #[arg(long)]
    pub remove: bool,
    #[arg(long)]
    pub yes: bool,
}

/// The program's own path, which a copy is made from.
pub(super) fn running_binary(lang: Lang) -> Result<PathBuf, u8> {
    std::env::current_exe().map_err(|e| {
        say(
            lang,
            &Text::new("cli-schedule-no-binary").arg("detail", e.to_string()),
        );
        exit::FAILED
    })
}

pub(super) fn state_dir(cli: &Cli) -> PathBuf {
    std::path::absolute(&cli.state_dir).unwrap_or_else(|_| cli.state_dir.clone())
}

pub(super) fn run(cli: &Cli, lang: Lang, a: &ScheduleArgs) -> u8 {
    let mut journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let root = cli.system_root.as_path();
    if a.remove {
        return remove(lang, &mut journal, root);
    }
    let running = match running_binary(lang) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let state = state_dir(cli);
    let facts = schedule::inspect(root, &running);
    let plan = match plan::plan(&facts, &state) {
        Ok(p) => p,
        Err(t) => {
            say(lang, &t);
            return exit::FAILED;
        }
    };
    for t in plan.texts() {
        say(lang, &t);
    }
    if !plan.findings.is_empty() && !a.yes && !super::ask(lang, &Text::new("cli-schedule-ask")) {
        say(lang, &Text::new("cli-schedule-not-replaced"));
        return exit::FAILED;
    }
    match apply(&mut journal, root, &plan, &state, lang) {
        Ok(installed) => {
            print_json(installed.changed_anything());
            exit::OK
        }
        Err(t) => {
            say(lang, &t);
            exit::FAILED
        }
    }
}

/// Carries the plan out and says what was written.
pub(super) fn apply(
    journal: &mut Journal,
    root: &Path,
    plan: &SchedulePlan,
    state: &Path,
    lang: Lang,
) -> Result<Installed, Text> {
    let installed = schedule::install(journal, root, plan, state, lang).map_err(|e| {
        tracing::error!("schedule: {e}");
        e.text()
    })?;
    for file in &installed.files {
        println!("file: {}", file.display());
    }
    for file in &installed.changed {
        tracing::info!(path = %file.display(), "schedule: written");
        say(
            lang,
            &Text::new("cli-schedule-wrote").arg("path", file.display().to_string()),
        );
        if file.ends_with(LOCAL_BINARY.trim_start_matches('/')) {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(file) {
            eprintln!("{text}");
        }
    }
    if installed.changed_anything() {
        say(lang, &installed.text());
    } else {
        say(lang, &Text::new("cli-schedule-unchanged"));
    }
    Ok(installed)
}

/// The last line on stdout, for Ansible's `changed_when` and other tools.
fn print_json(changed: bool) {
    println!("{}", serde_json::json!({ "changed": changed }));
}

/// Undoes the journal entries that wrote the schedule, newest first.
fn remove(lang: Lang, journal: &mut Journal, root: &Path) -> u8 {
    let files = schedule::schedule_files(root);
    let mut ids: Vec<u64> = journal
        .entries()
        .iter()
        .filter(|e| e.state != EntryState::Undone)
        .filter(|e| match &e.change {
            Change::WriteFile(fw) => files.contains(&fw.path),
            Change::Commands(c) => c.display().contains(TIMER_NAME),
            Change::FirewallWindow(_) | Change::FirewallGuard(_) => false,
        })
        .map(|e| e.id)
        .collect();
    ids.sort_unstable();
    if ids.is_empty() {
        say(lang, &Text::new("cli-schedule-none"));
        print_json(false);
        return exit::OK;
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
    print_json(true);
    code
}
