//! How the screen looks on this terminal: UTF-8 or plain ASCII (PuTTY on
//! some installs), colour or NO_COLOR.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub utf8: bool,
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            utf8: true,
            color: true,
        }
    }
}

const SPINNER_UTF8: [&str; 4] = ["◐", "◓", "◑", "◒"];
const SPINNER_ASCII: [&str; 4] = ["|", "/", "-", "\\"];

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// Reads the terminal's abilities from the environment.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let utf8 = locale.contains("utf-8") || locale.contains("utf8");
        Theme {
            utf8,
            color: !no_color,
        }
    }

    pub fn passed(self) -> &'static str {
        if self.utf8 { "✓" } else { "[ok]" }
    }
    pub fn warning(self) -> &'static str {
        if self.utf8 { "!" } else { "[!]" }
    }
    pub fn failed(self) -> &'static str {
        if self.utf8 { "✗" } else { "[x]" }
    }
    /// A change planned and waiting for her «Ja»: neither done nor a doubt.
    pub fn planned(self) -> &'static str {
        if self.utf8 { "→" } else { "[>]" }
    }
    pub fn idle(self) -> &'static str {
        if self.utf8 { "·" } else { "[ ]" }
    }
    pub fn current(self) -> &'static str {
        if self.utf8 { "▶" } else { ">" }
    }
    pub fn spinner(self, tick: u64) -> &'static str {
        let i = (tick % 4) as usize;
        if self.utf8 {
            SPINNER_UTF8[i]
        } else {
            SPINNER_ASCII[i]
        }
    }
    pub fn border(self) -> border::Set<'static> {
        if self.utf8 {
            border::PLAIN
        } else {
            ASCII_BORDER
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    pub fn ok_style(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warn_style(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn err_style(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn header(self) -> Style {
        if self.color {
            Style::default().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// Text as this terminal can show it: without UTF-8, umlauts become
    /// their two-letter forms and typographic marks plain ones.
    pub fn text(self, s: &str) -> String {
        if self.utf8 {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'Ä' => out.push_str("Ae"),
                'Ö' => out.push_str("Oe"),
                'Ü' => out.push_str("Ue"),
                'ß' => out.push_str("ss"),
                'é' | 'è' | 'ê' => out.push('e'),
                'à' | 'â' => out.push('a'),
                '„' | '“' | '”' | '«' | '»' => out.push('"'),
                '‘' | '’' => out.push('\''),
                '–' | '—' => out.push('-'),
                '…' => out.push_str("..."),
                '×' => out.push('x'),
                '→' => out.push_str("->"),
                '←' => out.push_str("<-"),
                '↑' => out.push_str("Up"),
                '↓' => out.push_str("Down"),
                '▶' => out.push('>'),
                '▼' => out.push('v'),
                '▲' => out.push('^'),
                '·' | '•' => out.push('-'),
                c if c.is_ascii() => out.push(c),
                _ => out.push('?'),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_theme_leaves_only_ascii() {
        let t = Theme {
            utf8: false,
            color: false,
        };
        let s = t.text("Schließen → „Grüße“ … ↑/↓ × Zürich");
        assert!(s.is_ascii(), "{s}");
        assert_eq!(s, "Schliessen -> \"Gruesse\" ... Up/Down x Zuerich");
        // Swiss quotes and the dialogs' scroll marks too.
        assert_eq!(
            t.text("«praxis-tls undo» ▲ ▼ ←/→"),
            "\"praxis-tls undo\" ^ v <-/->"
        );
    }
}
