//! What each fuzz target does with one input. The libFuzzer binaries in
//! `fuzz_targets/` call these, and `tests/fuzz_corpus.rs` includes this
//! file to replay the committed corpus through the very same code on
//! stable Rust, without libFuzzer. Keep it free of anything but the
//! praxis-tls crate and its own dependencies for that reason.
//!
//! A panic is a finding: every check below states a property the wizard
//! relies on, not a guess about the implementation.

use praxis_tls::core::dns::Delegation;
use praxis_tls::core::domain::{DomainName, parse};
use praxis_tls::core::start::DetectError;
use praxis_tls::core::{Action, Effect, Lang, Msg, TextInput, Wizard, update};
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::{Duration, OffsetDateTime};

/// Target `domain`: whatever a person types (or pastes) as the domain.
pub fn domain(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let Ok(name) = parse(&input) else {
        return;
    };
    check_name(&name);
    // What the wizard stores must read back as the same name.
    assert_eq!(parse(&name.ascii).as_ref(), Ok(&name), "ascii form");
    let from_unicode = parse(&name.unicode).map(|n| n.ascii);
    assert_eq!(from_unicode, Ok(name.ascii.clone()), "unicode form");
}

fn check_name(name: &DomainName) {
    let a = &name.ascii;
    assert!(a.len() <= 253, "{a}: too long");
    assert!(
        a.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
        "{a}: not a lower-case LDH name"
    );
    assert!(a.contains('.'), "{a}: no dot");
    for label in a.split('.') {
        assert!((1..=63).contains(&label.len()), "{a}: label {label:?}");
        assert!(
            !label.starts_with('-') && !label.ends_with('-'),
            "{a}: hyphen at the edge of {label:?}"
        );
    }
    let r = &name.registered;
    assert!(
        a == r || a.ends_with(&format!(".{r}")),
        "{a} is not under its registered domain {r}"
    );
    assert!(r.contains('.'), "registered domain {r} has no dot");
}

/// Keys that are not letters, in the order the input bytes pick them.
const KEYS: [Action; 21] = [
    Action::Next,
    Action::Back,
    Action::Help,
    Action::ToggleLang,
    Action::Quit,
    Action::Backspace,
    Action::Delete,
    Action::Left,
    Action::Right,
    Action::Home,
    Action::End,
    Action::Up,
    Action::Down,
    Action::Toggle,
    Action::Override,
    Action::Recheck,
    Action::Detail,
    Action::Yes,
    Action::No,
    Action::PageDown,
    Action::PageUp,
];

/// Letters that have bitten text fields before: wide, combining,
/// right-to-left, zero-width, full-width dot, and what a domain contains.
const TRICKY: [char; 9] = [
    'ä', '\u{0301}', '界', '🦀', '\u{200D}', '\u{FF0E}', '\u{202E}', 'ß', '\u{00A0}',
];

/// Target `wizard_input`: a random session of key presses from a fresh
/// wizard, with the io layer's answers (and late, superseded ones) mixed
/// in. Byte 0 and 1 choose the terminal size; each further byte is one event.
pub fn wizard_input(data: &[u8]) {
    let [w0, h0, events @ ..] = data else {
        return;
    };
    let (width, height) = (20 + u16::from(*w0 % 120), 5 + u16::from(*h0 % 40));
    let start = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
    let mut w = Wizard::new(Lang::De, start);
    let mut waiting: Vec<Effect> = Vec::new();
    for (i, &b) in events.iter().enumerate() {
        let now = start + Duration::seconds(i as i64);
        let msg = match b {
            0..=20 => Msg::Key(KEYS[usize::from(b)]),
            21..=29 => Msg::Key(Action::Char(TRICKY[usize::from(b - 21)])),
            30 | 31 => match answer(waiting.pop(), b == 31) {
                Some(m) => m,
                None => continue,
            },
            // The rest, Latin-1 included, are letters as typed.
            _ => Msg::Key(Action::Char(char::from(b))),
        };
        for e in update(&mut w, msg, now) {
            if generation(&e).is_some() {
                waiting.push(e);
            }
        }
        check_input(&w.start.input);
        check_input(&w.domain.input);
        if i % 8 == 0 {
            render(&w, width, height);
        }
    }
    render(&w, width, height);
    // The resume file holds everything but the session.
    let json = match serde_json::to_string(&w) {
        Ok(j) => j,
        Err(e) => panic!("the wizard does not serialise: {e}"),
    };
    let mut back: Wizard = match serde_json::from_str(&json) {
        Ok(b) => b,
        Err(e) => panic!("the resume file does not read back: {e}\n{json}"),
    };
    back.session = w.session.clone();
    assert_eq!(back, w, "resume file round trip");
}

fn generation(e: &Effect) -> Option<u64> {
    match e {
        Effect::DetectInstall { generation, .. }
        | Effect::CheckDelegation { generation, .. }
        | Effect::ResolveDns { generation, .. } => Some(*generation),
        _ => None,
    }
}

/// A plausible answer to a waiting effect; `superseded` answers with a
/// generation other than the effect's, as a late result would.
fn answer(effect: Option<Effect>, superseded: bool) -> Option<Msg> {
    let pick = |g: u64| match (superseded, g) {
        (false, g) => g,
        (true, 0) => 1,
        (true, g) => g - 1,
    };
    match effect? {
        Effect::DetectInstall { dir, generation } => Some(Msg::InstallDetected {
            generation: pick(generation),
            result: Err(DetectError::NotFound { path: dir }),
        }),
        Effect::CheckDelegation {
            registered,
            generation,
        } => Some(Msg::DelegationResolved {
            generation: pick(generation),
            delegation: Delegation::Delegated {
                nameservers: vec![format!("ns1.{registered}")],
            },
        }),
        _ => None,
    }
}

fn check_input(t: &TextInput) {
    let len = t.value.chars().count();
    assert!(
        t.cursor <= len,
        "cursor {} past {len}: {:?}",
        t.cursor,
        t.value
    );
    assert!(len <= 512, "{len} characters");
    assert!(!t.value.chars().any(char::is_control), "{:?}", t.value);
}

fn render(w: &Wizard, width: u16, height: u16) {
    let ctx = ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "server".into(),
        responder_port: praxis_tls::core::DEFAULT_RESPONDER_PORT,
        ..ViewCtx::default()
    };
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = terminal.draw(|f| draw(f, w, &ctx)) {
        panic!("draw at {width}x{height}: {e}");
    }
}
