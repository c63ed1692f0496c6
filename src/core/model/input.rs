//! A single-line text field: the value and a cursor counted in characters.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextInput {
    pub value: String,
    #[serde(default)]
    pub cursor: usize,
}

/// Long enough for any domain name or path a practice will type.
const MAX_CHARS: usize = 512;

impl TextInput {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        let cursor = value.chars().count();
        TextInput { value, cursor }
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_idx)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Returns whether the value changed.
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.len() >= MAX_CHARS {
            return false;
        }
        let cursor = self.cursor.min(self.len());
        let at = self.byte_at(cursor);
        self.value.insert(at, c);
        self.cursor = cursor + 1;
        true
    }

    pub fn backspace(&mut self) -> bool {
        let cursor = self.cursor.min(self.len());
        if cursor == 0 {
            return false;
        }
        let at = self.byte_at(cursor - 1);
        self.value.remove(at);
        self.cursor = cursor - 1;
        true
    }

    pub fn delete(&mut self) -> bool {
        let cursor = self.cursor.min(self.len());
        if cursor >= self.len() {
            return false;
        }
        let at = self.byte_at(cursor);
        self.value.remove(at);
        true
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.min(self.len()).saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Applies an editing key; returns whether the value changed.
    pub fn apply(&mut self, action: super::action::Action) -> bool {
        use super::action::Action;
        match action {
            Action::Char(c) => self.insert(c),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::Left => {
                self.left();
                false
            }
            Action::Right => {
                self.right();
                false
            }
            Action::Home => {
                self.home();
                false
            }
            Action::End => {
                self.end();
                false
            }
            _ => false,
        }
    }

    pub fn set(&mut self, value: impl Into<String>) {
        *self = TextInput::new(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_respect_multibyte_chars() {
        let mut t = TextInput::new("zürich");
        t.left();
        t.left();
        t.left();
        t.left();
        assert!(t.backspace());
        assert_eq!(t.value, "zrich");
        assert!(t.insert('ü'));
        assert_eq!(t.value, "zürich");
        t.home();
        assert!(!t.backspace());
        assert!(t.delete());
        assert_eq!(t.value, "ürich");
        t.end();
        assert!(!t.delete());
    }

    #[test]
    fn control_chars_and_overlong_input_are_refused() {
        let mut t = TextInput::default();
        assert!(!t.insert('\n'));
        for _ in 0..MAX_CHARS {
            t.insert('a');
        }
        assert!(!t.insert('a'));
    }
}
