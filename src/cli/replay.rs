//! `praxis-tls replay FILE`: drives the wizard's core with the keys an
//! answers file implies, against the real world (the same executor as the
//! wizard), without a terminal, on the same driver as the wizard. One
//! line per step; exit 0 at the end, 1 where it stopped, with the reason.

use std::time::Duration;

use praxis_tls::core::answers::{Answers, Decision, Stop, StopReason, table_of};
use praxis_tls::core::machine::replay::decide;
use praxis_tls::core::model::check::{CheckState, Text};
use praxis_tls::core::{Action, Gate, Lang, Msg, Overlay, Step, Wizard, gate};
use praxis_tls::i18n;
use praxis_tls::io::answers;
use praxis_tls::io::exec::Executor;
use praxis_tls::io::journal::{JOURNAL_FILE, Journal};
use praxis_tls::io::store::Store;
use praxis_tls::ui::Theme;
use time::OffsetDateTime;

use super::args::ReplayArgs;
use super::driver::Driver;
use super::{Cli, exit, say};

/// How long one result may take: an issuance with its dry run is the
/// slowest; a DNS timeout is far shorter.
const RESULT_TIMEOUT: Duration = Duration::from_secs(300);
/// More key presses than any answers file needs: a guard against a loop.
const MAX_PRESSES: usize = 20_000;

/// How a replay ended, beyond the driver's own stops.
enum End {
    Stop(Stop),
    /// A result did not come in time.
    Timeout(Step),
}

pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, a: &ReplayArgs) -> u8 {
    let answers = match answers::load(&a.file) {
        Ok(x) => x,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    if !a.yes && !confirm(lang, &a.file.display().to_string()) {
        say(lang, &Text::new("answers-replay-cancelled"));
        return exit::USAGE;
    }
    let w = match store.load() {
        Ok(Some(w)) => w,
        Ok(None) => Wizard::new(lang, OffsetDateTime::now_utc()),
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let before = (
        w.step,
        praxis_tls::io::safe_dir::read(&cli.state_dir.join(JOURNAL_FILE)).ok(),
    );
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let _guard = rt.enter();
    let exec = Executor::new(cli.io_config(), journal, tx);
    let pending = exec.pending();
    let mut d = match Driver::start(w, store, exec, rx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    if !pending.is_empty() {
        d.handle(Msg::PendingChanges(pending));
    }
    let r = Replay {
        lang,
        theme: Theme::from_env(),
    };
    let end = rt.block_on(r.drive(&mut d, &answers));
    // Wherever the replay stopped, no window stays open with nothing
    // listening behind it; the last state is written.
    let w = d.finish();
    rt.shutdown_timeout(Duration::from_millis(200));
    let code = r.report(&w, &answers, end);
    println!("{}", outcome(&cli.state_dir, &before, &w));
    code
}

/// The last stdout line, for configuration management (Ansible's
/// `changed_when`): every change outside the wizard goes through the
/// journal, so an unchanged journal and step mean this run changed nothing.
fn outcome(state_dir: &std::path::Path, before: &(Step, Option<Vec<u8>>), w: &Wizard) -> String {
    let journal = praxis_tls::io::safe_dir::read(&state_dir.join(JOURNAL_FILE)).ok();
    let changed = before.0 != w.step || before.1 != journal;
    serde_json::json!({ "changed": changed, "step": w.step }).to_string()
}

fn confirm(lang: Lang, path: &str) -> bool {
    super::ask(lang, &Text::new("answers-replay-confirm").arg("path", path))
}

struct Replay {
    lang: Lang,
    theme: Theme,
}

impl Replay {
    /// The next result, within [`RESULT_TIMEOUT`]; `None`: none came.
    async fn next(d: &mut Driver) -> Option<Msg> {
        tokio::time::timeout(RESULT_TIMEOUT, d.next())
            .await
            .ok()
            .flatten()
    }

    async fn drive(&self, d: &mut Driver, a: &Answers) -> End {
        for _ in 0..MAX_PRESSES {
            while d.in_flight() > 0 {
                let Some(msg) = Self::next(d).await else {
                    return End::Timeout(d.wizard().step);
                };
                d.handle(msg);
            }
            let w = d.wizard();
            if w.session.pending_result == Some(false) {
                self.say(&Text::new("pending-failed"));
                return End::Stop(Stop {
                    step: w.step,
                    reason: StopReason::Dialog,
                });
            }
            if self.undo_pending(d) {
                continue;
            }
            let action = match decide(d.wizard(), a) {
                Decision::Press(action) => action,
                // A detection waits for typing to pause: its result is
                // what the step waits for.
                Decision::Wait if d.typing_pending() => {
                    let Some(msg) = Self::next(d).await else {
                        return End::Timeout(d.wizard().step);
                    };
                    d.handle(msg);
                    continue;
                }
                // Nothing is in flight, so nothing will change by waiting.
                Decision::Wait => return blocked(d.wizard()),
                Decision::Stop(stop) => return End::Stop(stop),
            };
            let before = d.wizard().clone();
            d.handle(Msg::Key(action));
            let w = d.wizard();
            if *w == before && d.in_flight() == 0 && !d.typing_pending() {
                return blocked(w);
            }
            if w.step > before.step {
                self.passed(w, before.step);
            } else if w.step < before.step {
                self.back(before.step);
            }
        }
        blocked(d.wizard())
    }

    /// Changes a killed run left half done, and windows it left open: no
    /// person is there to ask, so they are taken back (the dialog's
    /// default, what `praxis-tls undo` does) and the replay goes on from
    /// the saved state: a change counts as made there only once it is
    /// done, and a window closed this way is forgotten. True: started.
    fn undo_pending(&self, d: &mut Driver) -> bool {
        let Overlay::Pending {
            changes,
            finish_selected: false,
        } = &d.wizard().session.overlay
        else {
            return false;
        };
        self.say(&Text::new("answers-pending-undo"));
        for c in changes {
            println!("    {}", self.theme.text(&i18n::text(self.lang, &c.what)));
        }
        d.handle(Msg::Key(Action::Next));
        true
    }

    fn say(&self, t: &Text) {
        println!("{}", self.theme.text(&i18n::text(self.lang, t)));
    }

    fn step_text(&self, id: &str, step: Step) -> Text {
        let title = i18n::tr(self.lang, &format!("{}-title", step.key()));
        Text::new(id.to_string())
            .num("number", step.number())
            .arg("title", title)
    }

    /// One line for the step left forward, one per check below it.
    fn passed(&self, w: &Wizard, step: Step) {
        let id = if praxis_tls::core::overridden(w, step) {
            "answers-step-overridden"
        } else {
            "answers-step-passed"
        };
        self.say(&self.step_text(id, step));
        for id in praxis_tls::core::checks_of(step) {
            if let Some(line) = self.check_line(w.check(*id), id.key(), false) {
                println!("{line}");
            }
        }
        // What was set up, where the CA certificate is and what comes
        // next, as the screen shows it.
        if step == Step::Systems {
            for done in &w.systems.done {
                for t in &done.report {
                    println!("  {}", self.theme.text(&i18n::text(self.lang, t)));
                }
            }
        }
    }

    fn back(&self, step: Step) {
        self.say(&self.step_text("answers-step-back", step));
    }

    fn check_line(&self, state: &CheckState, key: &str, with_fix: bool) -> Option<String> {
        let (symbol, f) = match state {
            CheckState::Passed(f) => (self.theme.passed(), f),
            CheckState::Warning(f) => (self.theme.warning(), f),
            CheckState::Failed(f) => (self.theme.failed(), f),
            _ => return None,
        };
        let tr = |t: &Text| self.theme.text(&i18n::text(self.lang, t));
        let mut line = format!(
            "    {symbol} {}: {}",
            self.theme.text(&i18n::tr(self.lang, key)),
            tr(&f.summary)
        );
        if with_fix && let Some(fix) = &f.fix {
            line.push_str(&format!("\n      {}", tr(fix)));
        }
        Some(line)
    }

    fn report(&self, w: &Wizard, a: &Answers, end: End) -> u8 {
        let stop = match end {
            End::Stop(Stop {
                reason: StopReason::End,
                step,
            }) => {
                self.say(&self.step_text("answers-replay-done", step));
                return exit::OK;
            }
            End::Stop(stop) => stop,
            End::Timeout(step) => {
                self.say(&self.step_text("answers-replay-stopped", step));
                let secs = RESULT_TIMEOUT.as_secs();
                self.say(&Text::new("answers-stop-timeout").num("seconds", secs));
                return exit::FAILED;
            }
        };
        self.say(&self.step_text("answers-replay-stopped", stop.step));
        let with_table = |id: &str| Text::new(id.to_string()).arg("table", table_of(stop.step));
        match &stop.reason {
            StopReason::End => {}
            StopReason::Unanswered => self.say(&with_table("answers-stop-unanswered")),
            StopReason::Failed(ids) => {
                self.say(&Text::new("answers-stop-failed"));
                for id in ids {
                    if let Some(line) = self.check_line(w.check(*id), id.key(), true) {
                        println!("{line}");
                    }
                }
                if gate(w) == Gate::Overridable && !a.allows_override(stop.step) {
                    self.say(&with_table("answers-stop-may-override"));
                }
            }
            StopReason::Dialog => self.say(&Text::new("answers-stop-dialog")),
            StopReason::Invalid(why) => {
                self.say(&Text::new("answers-stop-invalid"));
                if let Some(t) = why {
                    println!("    {}", self.theme.text(&i18n::text(self.lang, t)));
                }
            }
            StopReason::Blocked => self.say(&Text::new("answers-stop-blocked")),
        }
        exit::FAILED
    }
}

fn blocked(w: &Wizard) -> End {
    End::Stop(Stop {
        step: w.step,
        reason: StopReason::Blocked,
    })
}
