//! F1 on every step and the glossary behind it, at 80×24 over PuTTY:
//! each help box pinned as text, its keys in view, readable to its end.
//! Review a changed snapshot before accepting it.

use praxis_tls::core::{Action, Lang, Msg, Overlay, Step, Wizard, update};
use praxis_tls::i18n::tr;
use praxis_tls::ui::{Theme, ViewCtx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

fn ctx() -> ViewCtx {
    ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "nuno".into(),
        responder_port: 28402,
        ..ViewCtx::default()
    }
}

/// Draws as the program does and hands the measured limits back, so
/// that paging stops where the text ends.
fn render(w: &mut Wizard) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    let mut viewport = w.session.viewport;
    if let Err(e) = terminal.draw(|f| viewport = praxis_tls::ui::draw_measured(f, w, &ctx())) {
        panic!("draw: {e}");
    }
    update(w, Msg::Viewport(viewport), NOW);
    format!("{}", terminal.backend())
}

fn key(w: &mut Wizard, a: Action) {
    update(w, Msg::Key(a), NOW);
}

fn at(step: Step, lang: Lang) -> Wizard {
    let mut w = Wizard::new(lang, NOW);
    w.step = step;
    w
}

/// The text inside the dialog's frame, one string per screen line.
fn inside(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            // The box is the last pair of bars: the first is the sidebar's.
            let to = l.rfind('│')?;
            let from = l[..to].rfind('│')?;
            Some(l[from + '│'.len_utf8()..to].trim().to_string())
        })
        .collect()
}

/// Pages through the open dialog to its end; returns every line seen.
fn read_to_end(w: &mut Wizard) -> Vec<String> {
    let mut seen = inside(&render(w));
    for _ in 0..40 {
        let before = w.session.dialog_scroll;
        key(w, Action::PageDown);
        seen.extend(inside(&render(w)));
        if w.session.dialog_scroll == before {
            return seen;
        }
    }
    panic!("the dialog never reaches its end");
}

/// The closing words of a help text, to find them on screen.
fn last_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len().saturating_sub(2)..].join(" ")
}

fn assert_keys_in_view(screen: &str, lang: Lang) {
    for id in ["help-glossary-key", "help-close"] {
        let text = tr(lang, id);
        let first = text.split("  ").next().unwrap_or_default().trim();
        assert!(screen.contains(first), "{id} not in view:\n{screen}");
    }
}

#[test]
fn every_step_has_its_own_help_that_reads_to_its_end() {
    for lang in Lang::ALL {
        for step in Step::ALL {
            let mut w = at(step, lang);
            key(&mut w, Action::Help);
            assert_eq!(w.session.overlay, Overlay::Help);
            let first = render(&mut w);
            assert_keys_in_view(&first, lang);
            let help = tr(lang, &praxis_tls::ui::help::step_help_id(step));
            let seen = read_to_end(&mut w).join(" ");
            let end = last_words(&help);
            assert!(
                seen.contains(&end),
                "{lang:?} {step:?}: «{end}» never shown:\n{seen}"
            );
            insta::assert_snapshot!(format!("help_{}_{}", step.key(), lang.tag()), first);
        }
    }
}

#[test]
fn the_glossary_opens_from_every_help_and_explains_every_word() {
    for lang in Lang::ALL {
        for step in Step::ALL {
            let mut w = at(step, lang);
            key(&mut w, Action::Help);
            key(&mut w, Action::Glossary);
            assert_eq!(w.session.overlay, Overlay::Glossary, "{step:?}");
            key(&mut w, Action::Back);
            assert_eq!(w.session.overlay, Overlay::Help, "Esc goes back");
            key(&mut w, Action::Help);
            assert_eq!(w.session.overlay, Overlay::Glossary, "F1 again");
            key(&mut w, Action::Next);
            assert_eq!(w.session.overlay, Overlay::None, "Enter closes");
        }
        let mut w = at(Step::Dns, lang);
        key(&mut w, Action::Help);
        key(&mut w, Action::Glossary);
        let first = render(&mut w);
        let close = tr(lang, "glossary-close");
        let close = close.split("  ").next().unwrap_or_default().trim();
        assert!(first.contains(close), "{first}");
        insta::assert_snapshot!(format!("glossary_{}", lang.tag()), first);
        let seen = read_to_end(&mut w).join(" ");
        for word in praxis_tls::ui::help::GLOSSARY {
            let name = tr(lang, &format!("gloss-{word}"));
            let head = name.split_whitespace().next().unwrap_or_default();
            assert!(seen.contains(head), "{lang:?}: {word} not shown");
            let text = tr(lang, &format!("gloss-{word}-text"));
            let end = last_words(&text);
            assert!(seen.contains(&end), "{lang:?}: «{end}» never shown");
        }
        let end = render(&mut w);
        insta::assert_snapshot!(format!("glossary_end_{}", lang.tag()), end);
    }
}
