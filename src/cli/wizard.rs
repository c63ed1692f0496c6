//! The wizard itself (no subcommand) and `undo`.

use std::path::Path;
use std::time::Duration;

use praxis_tls::core::{Lang, Msg, Text, Wizard};
use praxis_tls::i18n;
use praxis_tls::io::exec::Executor;
use praxis_tls::io::journal::{self, Journal};
use praxis_tls::io::lock::LockError;
use praxis_tls::io::store::Store;
use praxis_tls::ui::screen::Screen;
use praxis_tls::ui::{Theme, ViewCtx};
use time::OffsetDateTime;

use super::driver::Driver;
use super::terminal::{self, Exit};
use super::{Cli, exit};

pub(super) fn wizard(cli: &Cli, store: Store, lang: Lang) -> u8 {
    let now = OffsetDateTime::now_utc();
    let wizard = match store.load() {
        // `load` hands back a wizard already prepared for resuming.
        Ok(Some(mut w)) => {
            if let Some(l) = cli.lang {
                w.lang = l;
            }
            w
        }
        Ok(None) => Wizard::new(lang, now),
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            return exit::USAGE;
        }
    };
    let autopilot = match &cli.answers {
        Some(path) => match praxis_tls::io::answers::load(path) {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("{}", i18n::text(lang, &e.text()));
                return exit::USAGE;
            }
        },
        None => None,
    };
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            return exit::USAGE;
        }
    };
    let runtime = match super::wizard_runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let _guard = runtime.enter();
    let exec = Executor::new(cli.io_config(), journal, tx);
    let pending = exec.pending();
    let startup = if pending.is_empty() {
        Vec::new()
    } else {
        vec![Msg::PendingChanges(pending)]
    };
    let mut driver = match Driver::start(wizard, &store, exec, rx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let ctx = ViewCtx {
        theme: Theme::from_env(),
        server: nix::unistd::gethostname()
            .ok()
            .and_then(|h| h.into_string().ok())
            .unwrap_or_default(),
        responder_port: cli.responder_port,
        ..ViewCtx::default()
    };
    // Like ratatui::try_init, it also restores the terminal on a panic.
    let mut terminal = match praxis_tls::ui::lean::init() {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "{}",
                i18n::tr_args(lang, "cli-no-terminal", &[("reason", &e.to_string())])
            );
            return exit::FAILED;
        }
    };
    let mut screen = Screen::new(&mut terminal, ctx);
    let result = runtime.block_on(terminal::run(&mut driver, &mut screen, autopilot, startup));
    // However the wizard ends (quit, a closed terminal, a signal), no
    // firewall window stays open behind it, and the last state is written.
    driver.finish();
    ratatui::restore();
    runtime.shutdown_timeout(Duration::from_millis(200));
    match result {
        Ok(Exit::Quit) => exit::OK,
        Ok(Exit::Hangup) => {
            tracing::info!("terminal closed or signal: state is saved");
            129
        }
        Err(e) => {
            tracing::error!("terminal: {e}");
            exit::FAILED
        }
    }
}

pub(super) fn undo(state_dir: &Path, lang: Lang, yes: bool, force: bool) -> u8 {
    let confirm = |entries: &[journal::Entry]| -> bool {
        println!("{}", i18n::tr(lang, "cli-undo-list"));
        for e in entries {
            println!("  - {}", i18n::text(lang, &e.what()));
        }
        yes || super::ask(lang, &journal::confirm_text(entries))
    };
    // Breaking a set is its own question: `--yes` does not answer it, and
    // without a yes (or at the end of input) the set stays as it is.
    let break_set = |b: &praxis_tls::core::library::change_set::Break| -> bool {
        println!("{}", i18n::text(lang, &b.question()));
        for c in &b.consequences {
            println!("  - {}", i18n::text(lang, c));
        }
        super::ask(lang, &Text::new("change-set-ask"))
    };
    let report = |r: &journal::UndoReport| println!("  {}", i18n::text(lang, &r.text()));
    match journal::run_undo(state_dir, force, confirm, break_set, report) {
        Ok(summary) if summary.planned.is_empty() => {
            println!("{}", i18n::tr(lang, "cli-undo-nothing"));
            exit::OK
        }
        // "No", or the end of the input: nothing was touched, and a script
        // must not read that as done.
        Ok(summary) if !summary.confirmed => {
            println!("{}", i18n::text(lang, &summary.text()));
            exit::USAGE
        }
        Ok(summary) => {
            let failed = summary
                .reports
                .iter()
                .filter(|r| !r.outcome.reverted())
                .count();
            let done = summary.reports.len() - failed;
            println!(
                "{}",
                i18n::text(lang, &Text::new("cli-undo-done").num("count", done))
            );
            if done > 0 {
                after_undo(state_dir, lang, &summary.reports);
            }
            if failed > 0 { exit::FAILED } else { exit::OK }
        }
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            match e {
                journal::JournalError::Lock(l) if matches!(*l, LockError::Held(_)) => exit::LOCKED,
                _ => exit::FAILED,
            }
        }
    }
}

/// The saved wizard follows what undo took back, so that neither the
/// wizard («Geschafft») nor `status` («in Ordnung») tells of a setup that
/// is gone; and when the proxy's own files were among it, the person
/// learns that the running proxy still holds them until a restart.
fn after_undo(state_dir: &Path, lang: Lang, reports: &[journal::UndoReport]) {
    let Ok(_lock) = praxis_tls::io::lock::Lock::acquire(state_dir) else {
        return;
    };
    let Ok(store) = praxis_tls::io::store::Store::open(state_dir) else {
        return;
    };
    let Ok(Some(mut w)) = store.load() else {
        return;
    };
    let reopened = w.step > praxis_tls::core::Step::Install;
    praxis_tls::core::machine::undone::after_undo(&mut w, OffsetDateTime::now_utc());
    if let Err(e) = store.save(&w) {
        eprintln!("{}", i18n::text(lang, &e.text()));
    }
    let proxy_touched = w.start.found.as_ref().is_some_and(|found| {
        reports.iter().any(|r| {
            r.outcome.reverted() && r.kind == "file" && Path::new(&r.target).starts_with(&found.dir)
        })
    });
    if let (true, Some(found)) = (proxy_touched, &w.start.found) {
        println!(
            "{}",
            i18n::tr_args(
                lang,
                "cli-undo-restart-needed",
                &[("dir", &found.dir.display().to_string())]
            )
        );
    }
    if reopened {
        println!("{}", i18n::tr(lang, "cli-undo-reopened"));
    }
}
