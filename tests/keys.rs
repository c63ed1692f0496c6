//! Key presses as the terminal sends them, through the key map into the
//! wizard: in a text field letters type and Ctrl combinations act; the
//! footer names exactly those; Esc closes what is on top; a window too
//! small to see acts on nothing but quit.

use praxis_tls::core::library::start::DetectError;
use praxis_tls::core::{Action, Effect, Lang, Msg, Overlay, Step, Viewport, Wizard, update};
use praxis_tls::ui::{Theme, ViewCtx, draw, keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

/// One key as the terminal sends it, mapped for the focused widget.
fn press(w: &mut Wizard, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match keys::map(
        KeyEvent::new(code, modifiers),
        praxis_tls::core::text_input_active(w),
    ) {
        Some(a) => update(w, Msg::Key(a), NOW),
        None => Vec::new(),
    }
}

fn plain(w: &mut Wizard, c: char) -> Vec<Effect> {
    press(w, KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl(w: &mut Wizard, c: char) -> Vec<Effect> {
    press(w, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn screen(w: &Wizard) -> String {
    let ctx = ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        ..ViewCtx::default()
    };
    let mut t = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    if let Err(e) = t.draw(|f| draw(f, w, &ctx)) {
        panic!("{e}");
    }
    format!("{}", t.backend())
}

fn footer(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len().saturating_sub(2)..].join("\n")
}

/// The Start step, its directory typed and not found: a text field with
/// the focus, and a failed check that may be passed.
fn start_not_found(lang: Lang) -> Wizard {
    let mut w = Wizard::new(lang, NOW);
    update(&mut w, Msg::Key(Action::Next), NOW);
    assert_eq!(w.step, Step::Start);
    for c in "/opt/elexis-oob".chars() {
        plain(&mut w, c);
    }
    let g = match plain(&mut w, 'x').iter().find_map(|e| match e {
        Effect::DetectInstall { generation, .. } => Some(*generation),
        _ => None,
    }) {
        Some(g) => g,
        None => panic!("typing starts the detection"),
    };
    update(
        &mut w,
        Msg::InstallDetected {
            generation: g,
            result: Err(DetectError::NotFound {
                path: "/opt/elexis-oobx".into(),
            }),
        },
        NOW,
    );
    // She stopped typing: the verdict shows.
    update(&mut w, Msg::TypingSettled, NOW);
    w
}

#[test]
fn letters_type_into_a_field_and_act_nowhere_else() {
    let mut w = start_not_found(Lang::De);
    assert!(praxis_tls::core::text_input_active(&w));
    for c in ['W', 'R', 'd', 'q', 'l', '?', 'o'] {
        assert!(
            plain(&mut w, c).iter().all(|e| matches!(
                e,
                Effect::Persist | Effect::DetectInstall { .. } | Effect::SettleTyping
            )),
            "{c} acted"
        );
    }
    assert_eq!(w.start.input.value, "/opt/elexis-oobxWRdql?o");
    assert_eq!(w.session.overlay, Overlay::None);
    assert!(!w.session.show_detail);
    assert_eq!(w.lang, Lang::De);
}

#[test]
fn ctrl_keys_act_in_a_field_and_the_footer_names_them() {
    for lang in Lang::ALL {
        let mut w = start_not_found(lang);
        let s = screen(&w);
        let f = footer(&s);
        // German keyboards say «Strg», Swiss and English ones «Ctrl».
        let c = if lang == Lang::De { "Strg" } else { "Ctrl" };
        assert!(f.contains(&format!("F3/{c}+W")), "{f}");
        assert!(f.contains(&format!("F5/{c}+R")), "{f}");
        assert!(f.contains(&format!("{c}+D")), "{f}");
        for letter in ["F3/W", "F5/R", "F1/?", "F2/L", " D ", " q "] {
            assert!(!f.contains(letter), "{letter} offered in a field: {f}");
        }
        assert!(
            s.contains(&format!("{c}+W")),
            "the status names it too: {s}"
        );

        ctrl(&mut w, 'd');
        assert!(w.session.show_detail, "Ctrl+D in {lang:?}");
        ctrl(&mut w, 'd');
        ctrl(&mut w, 'w');
        assert_eq!(w.session.overlay, Overlay::ConfirmOverride, "{lang:?}");
        press(&mut w, KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(w.step, Step::Domain, "passed with Ctrl+W in {lang:?}");
    }
}

#[test]
fn outside_a_field_the_letters_are_the_keys() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Dns;
    assert!(!praxis_tls::core::text_input_active(&w));
    let f = footer(&screen(&w));
    assert!(
        f.contains("F5/R neu prüfen") && f.contains("D Details"),
        "{f}"
    );
    plain(&mut w, 'd');
    assert!(w.session.show_detail);
    // Esc closes the details, and only then leaves the step.
    press(&mut w, KeyCode::Esc, KeyModifiers::NONE);
    assert!(!w.session.show_detail);
    assert_eq!(w.step, Step::Dns);
    press(&mut w, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(w.step, Step::Domain);
}

#[test]
fn esc_closes_the_resume_question_and_n_asks_before_starting_over() {
    let mut w = Wizard::new(Lang::DeCh, NOW);
    w.step = Step::Dns;
    let mut w = praxis_tls::core::resumed(w);
    plain(&mut w, 'n');
    assert_eq!(w.session.overlay, Overlay::ConfirmStartOver);
    press(&mut w, KeyCode::Esc, KeyModifiers::NONE);
    assert!(matches!(w.session.overlay, Overlay::Resume { .. }));
    press(&mut w, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.step, Step::Dns);
}

#[test]
fn dialogs_page_with_ctrl_n_and_ctrl_p() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::PortForwarding;
    plain(&mut w, '?');
    assert_eq!(w.session.overlay, Overlay::Help);
    ctrl(&mut w, 'n');
    assert!(w.session.dialog_scroll > 0);
    ctrl(&mut w, 'p');
    assert_eq!(w.session.dialog_scroll, 0);
    press(&mut w, KeyCode::PageDown, KeyModifiers::NONE);
    assert!(w.session.dialog_scroll > 0);
    assert_eq!(w.session.overlay, Overlay::Help, "paging keeps it open");
}

#[test]
fn the_too_small_screen_takes_no_key_but_quit() {
    let mut w = start_not_found(Lang::DeCh);
    let small = Viewport {
        too_small: true,
        ..Viewport::default()
    };
    update(&mut w, Msg::Viewport(small), NOW);
    let before = w.clone();
    for code in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('x'),
        KeyCode::Char(' '),
        KeyCode::F(1),
        KeyCode::F(3),
        KeyCode::Tab,
        KeyCode::Down,
    ] {
        assert!(
            press(&mut w, code, KeyModifiers::NONE).is_empty(),
            "{code:?}"
        );
        assert_eq!(w, before, "{code:?} acted unseen");
    }
    ctrl(&mut w, 'w');
    assert_eq!(w, before, "Ctrl+W acted unseen");
    // In a field, q would type; unseen, it quits.
    assert_eq!(plain(&mut w, 'q'), vec![Effect::Quit]);
}

/// F1's Ctrl stand-in opens the step's help from a text field, and once
/// more the glossary; there G names it on screen and opens it too. In the
/// field itself «g» types.
#[test]
fn ctrl_g_opens_the_help_and_then_the_glossary() {
    let mut w = start_not_found(Lang::DeCh);
    plain(&mut w, 'g');
    assert!(w.start.input.value.ends_with("xg"), "g types in a field");
    ctrl(&mut w, 'g');
    assert_eq!(w.session.overlay, Overlay::Help);
    let s = screen(&w);
    assert!(s.contains("G oder F1: Begriffe erklärt"), "{s}");
    ctrl(&mut w, 'g');
    assert_eq!(w.session.overlay, Overlay::Glossary);
    assert!(screen(&w).contains("Begriffe erklärt"));
    press(&mut w, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        w.session.overlay,
        Overlay::Help,
        "Esc goes back to the help"
    );
    plain(&mut w, 'g');
    assert_eq!(w.session.overlay, Overlay::Glossary, "G in the help");
    press(&mut w, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.step, Step::Start, "closing moves no step");
}

/// Reward early, punish late: while she types, a half-typed name or path
/// is not told off, the footer offers no «continue anyway» and nothing
/// spins; once she stops (or presses any other key) the verdict shows.
#[test]
fn verdicts_on_a_typed_field_wait_until_she_stops() {
    let mut w = start_not_found(Lang::En);
    plain(&mut w, 'y');
    assert!(w.session.typing);
    let s = screen(&w);
    assert!(
        s.contains("Elexis-OOB installation: not checked yet"),
        "{s}"
    );
    assert!(!s.contains("does not exist"), "{s}");
    assert!(!s.contains("still running"), "{s}");
    assert!(!footer(&s).contains("F3"), "{s}");
    update(&mut w, Msg::TypingSettled, NOW);
    // The detection for «…xy» has not answered: now it is seen to run.
    assert!(screen(&w).contains("The checks are still running"));

    // The domain step: no error while she types, at once on Enter.
    let mut w = Wizard::new(Lang::En, NOW);
    update(&mut w, Msg::Key(Action::Next), NOW);
    w.step = Step::Domain;
    let mut asked = Vec::new();
    for c in "praxis".chars() {
        asked.extend(plain(&mut w, c));
    }
    assert!(asked.contains(&Effect::SettleTyping));
    let s = screen(&w);
    assert!(!s.contains("computer name"), "{s}");
    assert!(!s.contains("marked"), "{s}");
    update(&mut w, Msg::Key(Action::Next), NOW);
    assert!(!w.session.typing);
    assert_eq!(w.step, Step::Domain);
    let s = screen(&w);
    assert!(s.contains("is only a computer name"), "{s}");

    // Typed on, and settled: the error for the new text shows.
    plain(&mut w, '.');
    assert!(!screen(&w).contains("computer name"));
    for c in "local".chars() {
        plain(&mut w, c);
    }
    update(&mut w, Msg::TypingSettled, NOW);
    let s = screen(&w);
    assert!(s.contains(".local is known only inside"), "{s}");
}
