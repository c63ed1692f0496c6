//! Target `answers`: any text as an answers file (`replay FILE`).

use std::path::Path;

use praxis_tls::core::answers::{Decision, StopReason};
use praxis_tls::core::machine::replay::decide;
use praxis_tls::core::{Lang, Msg, Wizard, update};
use praxis_tls::io::answers::{AnswersError, parse, to_toml};
use time::{Duration, OffsetDateTime};

use super::check_text;

/// More presses than a file that answers every step needs from a fresh
/// wizard without the io layer's results; keeps each run short.
const MAX_PRESSES: usize = 600;

/// Nothing panics. An error has its message in both languages and names
/// a line of the input. A file that loads writes back (`to_toml`) to a
/// file that loads to the same answers. Driving a fresh wizard with it
/// (the io layer's results never come) ends in a wait or a stop, and a
/// refused answer names its reason in both languages.
pub fn answers(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let path = Path::new("answers.toml");
    let a = match parse(path, &src) {
        Ok(a) => a,
        Err(e) => return check_error(&e, &src),
    };
    let out = to_toml(&a);
    match parse(path, &out) {
        Ok(back) => assert_eq!(back, a, "does not write back:\n{out}"),
        Err(e) => panic!("the written file does not load: {e}\n{out}"),
    }
    let start = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
    let mut w = Wizard::new(Lang::De, start);
    for i in 0..MAX_PRESSES {
        match decide(&w, &a) {
            Decision::Press(action) => {
                let before = w.clone();
                let now = start + Duration::seconds(i as i64);
                let _ = update(&mut w, Msg::Key(action), now);
                if w == before {
                    return;
                }
            }
            Decision::Wait => return,
            Decision::Stop(stop) => {
                if let StopReason::Invalid(Some(why)) = &stop.reason {
                    check_text(why, "replay's reason");
                }
                return;
            }
        }
    }
}

fn check_error(e: &AnswersError, src: &str) {
    check_text(&e.text(), "answers error");
    let lines = src.matches('\n').count() + 1;
    match e {
        AnswersError::Syntax { line, .. }
        | AnswersError::UnknownKey { line, .. }
        | AnswersError::Invalid { line, .. } => {
            assert!((1..=lines).contains(line), "line {line} of {lines}: {e}");
        }
        _ => {}
    }
}
