//! The command line: no subcommand = the wizard; the subcommands run one
//! part without questions (for IT supporters, timers and monitoring).
//!
//! Exit codes of `certificate` and `renew` (see README, "Unattended use"):
//! 0 issued or nothing to do, 1 failed, 2 state or usage, 3 locked,
//! 4 refused (attempt guard or the CA's rate limit), 5 validation failed.
//! `status` uses the Monitoring Plugins' codes (0 OK, 1 WARNING,
//! 2 CRITICAL, 3 UNKNOWN); `check` 0 when nothing failed, else 1.
//! `undo`: 0 done or nothing to do, 1 a change could not be undone, 2 a no
//! or the end of the input (nothing done) or an unusable state directory,
//! 3 locked.

mod args;
mod certificate;
mod check;
mod driver;
mod firewall_window;
mod generate;
mod golive;
mod help;
mod issue;
mod log;
mod mail;
mod model;
mod notify_failure;
mod progress;
mod renew;
mod renew_gateway;
mod renew_orthanc;
mod renew_repair;
mod replay;
mod report;
mod schedule;
mod status;
mod terminal;
mod wizard;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use praxis_tls::core::{Lang, Text};
use praxis_tls::i18n;
use praxis_tls::io::lock::Lock;
use praxis_tls::io::store::Store;

pub use args::{Cli, Command};

/// Exit codes shared by the subcommands that change something.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILED: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const LOCKED: u8 = 3;
    pub const REFUSED: u8 = 4;
    pub const VALIDATION: u8 = 5;
}

const LOG_FILE: &str = "praxis-tls.log";

/// Prints a Fluent message to stderr: progress and explanations never mix
/// with what scripts read from stdout.
pub(crate) fn say(lang: Lang, t: &Text) {
    eprintln!("{}", i18n::text(lang, t));
}

pub fn main() -> ExitCode {
    // Two providers in the tree and none chosen would panic at the first TLS use.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let spoken = help::language(&argv);
    let parsed = help::localized(Cli::command(), spoken)
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        // Monitoring reads a usage error of `status` as UNKNOWN, not as
        // clap's 2 (CRITICAL).
        Err(e) => return ExitCode::from(status::usage_error(&e, spoken)),
    };
    let lang = cli.lang.unwrap_or_else(i18n::from_env);

    let code = match &cli.command {
        // Read-only commands: no store, no lock, no log file written.
        Some(Command::Status(a)) => status::run(&cli, lang, a),
        Some(Command::Check(a)) => check::run(&cli, lang, a),
        Some(Command::Report(a)) => report::run(&cli, lang, a),
        // Packaging: no state directory at all, so no pointer to its log.
        Some(Command::Generate(a)) => return ExitCode::from(generate::run(lang, a)),
        other => {
            let store = match Store::open(&cli.state_dir) {
                Ok(s) => match cli.test_kill_after_saves {
                    Some(n) => s.kill_after_saves(n),
                    None => s,
                },
                Err(e) => {
                    say(lang, &e.text());
                    return ExitCode::from(exit::USAGE);
                }
            };
            init_log(&cli.state_dir, cli.verbose, journal_wanted(&cli.command));
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "start");
            praxis_tls::io::leftovers::sweep(&cli.state_dir);
            match other {
                // `run_undo` holds the session lock itself.
                Some(Command::Undo { yes, force }) => {
                    wizard::undo(&cli.state_dir, lang, *yes, *force)
                }
                Some(Command::Certificate(a)) => with_lock(&cli, lang, |lock| {
                    certificate::run(&cli, lang, &store, lock, a)
                }),
                Some(Command::Renew(a)) => {
                    with_lock(&cli, lang, |lock| renew::run(&cli, lang, &store, lock, a))
                }
                Some(Command::Replay(a)) => {
                    with_lock(&cli, lang, |_| replay::run(&cli, lang, &store, a))
                }
                Some(Command::Mail(a)) => with_lock(&cli, lang, |_| mail::run(&cli, lang, a)),
                Some(Command::Schedule(a)) => {
                    with_lock(&cli, lang, |_| schedule::run(&cli, lang, a))
                }
                Some(Command::NotifyFailure) => notify_failure::run(&cli, lang),
                _ => with_lock(&cli, lang, |_| wizard::wizard(&cli, store.clone(), lang)),
            }
        }
    };
    // An undo answered with no did nothing worth a look in the log.
    let declined = code == exit::USAGE && matches!(cli.command, Some(Command::Undo { .. }));
    if code != exit::OK && code != exit::LOCKED && !declined && log_relevant(&cli.command) {
        say(
            lang,
            &Text::new("cli-see-log")
                .arg("path", cli.state_dir.join(LOG_FILE).display().to_string()),
        );
    }
    ExitCode::from(code)
}

/// `status` and `check` exit non-zero to report what they found, not
/// because something broke: no pointer to the log then.
fn log_relevant(cmd: &Option<Command>) -> bool {
    !matches!(cmd, Some(Command::Status(_)) | Some(Command::Check(_)))
}

fn with_lock(cli: &Cli, lang: Lang, f: impl FnOnce(&Lock) -> u8) -> u8 {
    match Lock::acquire(&cli.state_dir) {
        Ok(lock) => f(&lock),
        Err(e) => {
            say(lang, &e.text());
            exit::LOCKED
        }
    }
}

/// Under systemd the unattended commands also log to the system journal
/// (stderr, which systemd tags with `SyslogIdentifier=praxis-tls`); the
/// wizard never writes its log where the person reads.
fn journal_wanted(cmd: &Option<Command>) -> bool {
    cmd.is_some() && std::env::var_os("JOURNAL_STREAM").is_some()
}

fn init_log(dir: &Path, verbose: u8, to_stderr: bool) {
    log::init(&dir.join(LOG_FILE), verbose, to_stderr);
}

/// Asks a yes/no question on the terminal; anything but yes is no, and so
/// is the end of the input.
pub(crate) fn ask(lang: Lang, question: &Text) -> bool {
    use std::io::{BufRead, Write};
    print!("{} ", i18n::text(lang, question));
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(n) if n > 0 => matches!(
            line.trim().to_lowercase().as_str(),
            "j" | "ja" | "y" | "yes"
        ),
        _ => {
            println!();
            false
        }
    }
}

/// The runtime of the commands that run without a person: one thread.
/// Their io is async (the responder serves while the issuance awaits the
/// CA) and what blocks goes to tokio's blocking threads, so worker threads
/// would only add their stacks and allocator arenas to the peak memory.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, std::io::Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// The wizard's runtime: a key is answered while a result is handled.
pub(crate) fn wizard_runtime() -> Result<tokio::runtime::Runtime, std::io::Error> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
}

/// The saved wizard, read without writing anything: no directory created,
/// no broken file moved aside (monitoring runs while the wizard is open).
pub(crate) fn read_state(state_dir: &Path) -> Result<Option<praxis_tls::core::Wizard>, Text> {
    use praxis_tls::io::store::STATE_FILE;
    let path: PathBuf = state_dir.join(STATE_FILE);
    let bad = |detail: String| {
        Text::new("cli-state-unreadable")
            .arg("path", path.display().to_string())
            .arg("detail", detail)
    };
    let bytes = match praxis_tls::io::safe_dir::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(e.to_string())),
    };
    let mut value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    use praxis_tls::io::store::schema1;
    let schema = value.get("schema").and_then(serde_json::Value::as_u64);
    let old = schema == Some(u64::from(schema1::SCHEMA));
    if schema != Some(u64::from(praxis_tls::core::SCHEMA_VERSION)) && !old {
        return Err(bad(format!("schema {schema:?}")));
    }
    let mut wizard = value
        .get_mut("wizard")
        .map(serde_json::Value::take)
        .unwrap_or(serde_json::Value::Null);
    if old {
        schema1::typed_args(&mut wizard);
    }
    serde_json::from_value(wizard)
        .map(Some)
        .map_err(|e| bad(e.to_string()))
}
