//! `renew` repairs the schedule that runs it: where the scheduled command
//! names a program that is gone or lies in a place that does not last, the
//! running program is copied to /usr/local/sbin and the schedule rewritten,
//! through the journal and without asking (nobody is there to answer). A
//! schedule that was never set up is left alone: that is the person's call.

use praxis_tls::core::library::schedule::{judge, plan};
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::schedule::{inspect, inspect_schedule};

use super::schedule::{apply, running_binary, state_dir};
use super::{Cli, say};

pub(super) fn run(cli: &Cli, lang: Lang) {
    let Ok(running) = running_binary(lang) else {
        return;
    };
    let root = cli.system_root.as_path();
    let state = state_dir(cli);
    let verdict = judge(&inspect_schedule(root, &running), &state);
    if !verdict.broken() {
        tracing::info!(?verdict, "schedule");
        return;
    }
    let facts = inspect(root, &running);
    tracing::warn!(?verdict, running = %running.display(), "schedule: repairing");
    say(lang, &verdict.text());
    let repaired = plan(&facts, &state).and_then(|p| {
        let mut journal = Journal::open(&cli.state_dir).map_err(|e| e.text())?;
        apply(&mut journal, root, &p, &state, lang)
    });
    match repaired {
        Ok(_) => say(lang, &Text::new("cli-schedule-repaired")),
        Err(t) => {
            tracing::error!(reason = %t.id, "schedule: repair failed");
            say(lang, &t);
        }
    }
}
