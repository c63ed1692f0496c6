//! `praxis-tls replay FILE`: drives the wizard's core with the keys an
//! answers file implies, against the real world (the same executor as the
//! wizard), without a terminal. One line per step; exit 0 at the end, 1
//! where it stopped, with the reason.

use std::time::Duration;

use praxis_tls::core::answers::{Answers, Decision, Stop, StopReason, decide, table_of};
use praxis_tls::core::check::{CheckState, Text};
use praxis_tls::core::{Action, Effect, Gate, Lang, Msg, Overlay, Step, Wizard, gate, update};
use praxis_tls::i18n;
use praxis_tls::io::answers;
use praxis_tls::io::exec::Executor;
use praxis_tls::io::journal::{JOURNAL_FILE, Journal};
use praxis_tls::io::store::Store;
use praxis_tls::ui::Theme;
use time::OffsetDateTime;
use tokio::sync::mpsc::UnboundedReceiver;

use super::args::ReplayArgs;
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
    let mut w = match store.load() {
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
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let _guard = rt.enter();
    let mut r = Replay {
        exec: Executor::new(cli.io_config(), journal, tx),
        store,
        lang,
        theme: Theme::from_env(),
        in_flight: 0,
    };
    r.exec.saved(&w);
    let pending = r.exec.pending();
    if !pending.is_empty() {
        r.handle(&mut w, Msg::PendingChanges(pending));
    }
    let end = rt.block_on(r.drive(&mut w, &answers, &mut rx));
    // Wherever the replay stopped, no window stays open with nothing
    // listening behind it.
    let keep_table = praxis_tls::core::network::stopped(&mut w);
    r.exec.close_windows_now(keep_table);
    if let Err(e) = store.save(&w) {
        tracing::error!("saving the resume file: {e}");
    }
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

struct Replay<'a> {
    exec: Executor,
    store: &'a Store,
    lang: Lang,
    theme: Theme,
    /// Effects whose result has not come back yet.
    in_flight: usize,
}

impl Replay<'_> {
    fn handle(&mut self, w: &mut Wizard, msg: Msg) {
        for effect in update(w, msg, OffsetDateTime::now_utc()) {
            match effect {
                Effect::Persist => match self.store.save(w) {
                    Ok(()) => self.exec.saved(w),
                    Err(e) => tracing::error!("saving the resume file: {e}"),
                },
                Effect::Quit => {}
                // Closing the window answers with nothing.
                e @ Effect::CloseFirewall { .. } => self.exec.run(e),
                e => {
                    self.in_flight += 1;
                    self.exec.run(e);
                }
            }
        }
    }

    async fn drive(&mut self, w: &mut Wizard, a: &Answers, rx: &mut UnboundedReceiver<Msg>) -> End {
        for _ in 0..MAX_PRESSES {
            while self.in_flight > 0 {
                let msg = match tokio::time::timeout(RESULT_TIMEOUT, rx.recv()).await {
                    Ok(Some(msg)) => msg,
                    Ok(None) | Err(_) => return End::Timeout(w.step),
                };
                if !msg.is_report() {
                    self.in_flight -= 1;
                }
                self.handle(w, msg);
            }
            if w.session.pending_result == Some(false) {
                self.say(&Text::new("pending-failed"));
                return End::Stop(Stop {
                    step: w.step,
                    reason: StopReason::Dialog,
                });
            }
            if self.undo_pending(w) {
                continue;
            }
            let action = match decide(w, a) {
                Decision::Press(action) => action,
                // Nothing is in flight, so nothing will change by waiting.
                Decision::Wait => return blocked(w),
                Decision::Stop(stop) => return End::Stop(stop),
            };
            let before = w.clone();
            self.handle(w, Msg::Key(action));
            if *w == before && self.in_flight == 0 {
                return blocked(w);
            }
            if w.step > before.step {
                self.passed(w, before.step);
            } else if w.step < before.step {
                self.back(before.step);
            }
        }
        blocked(w)
    }

    /// Changes a killed run left half done, and windows it left open: no
    /// person is there to ask, so they are taken back (the dialog's
    /// default, what `praxis-tls undo` does) and the replay goes on from
    /// the saved state: a change counts as made there only once it is
    /// done, and a window closed this way is forgotten. True: started.
    fn undo_pending(&mut self, w: &mut Wizard) -> bool {
        let Overlay::Pending {
            changes,
            finish_selected: false,
        } = &w.session.overlay
        else {
            return false;
        };
        self.say(&Text::new("answers-pending-undo"));
        for c in changes {
            println!("    {}", self.theme.text(&i18n::text(self.lang, &c.what)));
        }
        self.handle(w, Msg::Key(Action::Next));
        true
    }

    fn say(&self, t: &Text) {
        println!("{}", self.theme.text(&i18n::text(self.lang, t)));
    }

    fn step_text(&self, id: &str, step: Step) -> Text {
        let title = i18n::tr(self.lang, &format!("{}-title", step.key()));
        Text::new(id.to_string())
            .arg("number", step.number().to_string())
            .arg("title", title)
    }

    /// One line for the step left forward, one per check below it.
    fn passed(&self, w: &Wizard, step: Step) {
        let id = if w.overridden(step) {
            "answers-step-overridden"
        } else {
            "answers-step-passed"
        };
        self.say(&self.step_text(id, step));
        for id in Wizard::checks_of(step) {
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
                let secs = RESULT_TIMEOUT.as_secs().to_string();
                self.say(&Text::new("answers-stop-timeout").arg("seconds", secs));
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
