//! Keys to actions. Every function key has a letter too, because PuTTY and
//! some SSH clients send function keys the terminal does not understand;
//! in a text field the letters type, so Ctrl combinations stand in.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::core::Action;

pub fn map(key: KeyEvent, text_input: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') | KeyCode::Char('x') => Some(Action::Quit),
            KeyCode::Char('g') => Some(Action::Help),
            KeyCode::Char('l') => Some(Action::ToggleLang),
            KeyCode::Char('r') => Some(Action::Recheck),
            KeyCode::Char('w') => Some(Action::Override),
            KeyCode::Char('d') => Some(Action::Detail),
            KeyCode::Char('o') => Some(Action::OpenWindow),
            KeyCode::Char('h') => Some(Action::Backspace),
            KeyCode::Char('n') => Some(Action::PageDown),
            KeyCode::Char('p') => Some(Action::PageUp),
            KeyCode::Char('t') => Some(Action::TestMail),
            _ => None,
        };
    }
    let action = match key.code {
        KeyCode::Enter => Action::Next,
        KeyCode::Esc => Action::Back,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(2) => Action::ToggleLang,
        KeyCode::F(3) => Action::Override,
        KeyCode::F(4) => Action::OpenWindow,
        KeyCode::F(5) => Action::Recheck,
        KeyCode::F(10) => Action::Quit,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Tab => Action::NextField,
        KeyCode::BackTab => Action::Up,
        KeyCode::Char(c) if text_input => Action::Char(c),
        KeyCode::Char(c) => match c.to_ascii_lowercase() {
            '?' => Action::Help,
            'l' => Action::ToggleLang,
            'q' => Action::Quit,
            ' ' => Action::Toggle,
            'w' => Action::Override,
            'r' => Action::Recheck,
            'd' => Action::Detail,
            'o' => Action::OpenWindow,
            'g' => Action::Glossary,
            'j' | 'y' => Action::Yes,
            'n' => Action::No,
            _ => return None,
        },
        _ => return None,
    };
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_type_in_fields_and_command_elsewhere() {
        assert_eq!(map(key(KeyCode::Char('q')), true), Some(Action::Char('q')));
        assert_eq!(map(key(KeyCode::Char('q')), false), Some(Action::Quit));
        assert_eq!(
            map(key(KeyCode::Char('L')), false),
            Some(Action::ToggleLang)
        );
        assert_eq!(map(key(KeyCode::Char('?')), false), Some(Action::Help));
    }

    #[test]
    fn every_function_key_has_a_stand_in() {
        let pairs = [
            (KeyCode::F(1), Action::Help),
            (KeyCode::F(2), Action::ToggleLang),
            (KeyCode::F(3), Action::Override),
            (KeyCode::F(5), Action::Recheck),
            (KeyCode::F(10), Action::Quit),
        ];
        for (f, action) in pairs {
            assert_eq!(map(key(f), true), Some(action));
            let letter = map(
                KeyEvent::new(KeyCode::Char(ctrl_letter(action)), KeyModifiers::CONTROL),
                true,
            );
            assert_eq!(letter, Some(action), "{action:?} in a text field");
        }
    }

    fn ctrl_letter(a: Action) -> char {
        match a {
            Action::Help => 'g',
            Action::ToggleLang => 'l',
            Action::Override => 'w',
            Action::Recheck => 'r',
            _ => 'x',
        }
    }
}
