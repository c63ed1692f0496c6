//! Characters in a typed name that the eye cannot check: invisible ones,
//! and letters from another alphabet that look like Latin ones.
//!
//! Both come from pasting (a chat, a PDF, a web page). The name conversion
//! drops some invisible characters silently and refuses others with a
//! message that cannot show them, so they are named here, before it runs.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

use crate::core::model::check::Text;

/// An invisible character and where it sits (1 = first character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invisible {
    pub code: char,
    pub position: usize,
}

impl Invisible {
    /// The Fluent selector for its everyday name; the rest are "a control
    /// character" with their code.
    fn kind(&self) -> &'static str {
        match self.code {
            '\u{200B}' => "zero-width-space",
            '\u{200C}' | '\u{200D}' => "zero-width-joiner",
            '\u{FEFF}' => "byte-order-mark",
            '\u{00AD}' => "soft-hyphen",
            '\u{2060}' => "word-joiner",
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                "direction-mark"
            }
            _ => "other",
        }
    }

    pub fn text(&self) -> Text {
        Text::new("domain-error-invisible")
            .arg("kind", self.kind())
            .arg("code", code_point(self.code))
            .num("position", self.position)
    }
}

/// The first character that takes no room on screen: format characters
/// (zero-width space and joiners, marks, the byte-order mark) and controls.
pub fn first_invisible(name: &str) -> Option<Invisible> {
    name.chars().enumerate().find_map(|(i, c)| {
        let invisible = matches!(
            c.general_category(),
            GeneralCategory::Format | GeneralCategory::Control
        );
        invisible.then_some(Invisible {
            code: c,
            position: i + 1,
        })
    })
}

/// A warning when the name mixes alphabets, such as a Cyrillic «а» among
/// Latin letters: such a name looks like the practice's own and is not.
/// The name is spelled out letter by letter, the foreign ones marked with
/// their code, so that it can be read out on the phone.
pub fn mixed_scripts(unicode: &str) -> Option<Text> {
    let foreign = |c: char| {
        c.is_alphabetic()
            && !matches!(
                c.script(),
                Script::Latin | Script::Common | Script::Inherited
            )
    };
    let latin = unicode
        .chars()
        .any(|c| c.is_alphabetic() && c.script() == Script::Latin);
    let first_foreign = unicode.chars().find(|c| foreign(*c))?;
    if !latin {
        return None;
    }
    let spelled: Vec<String> = unicode
        .chars()
        .map(|c| {
            if foreign(c) {
                format!("[{c} {}]", code_point(c))
            } else {
                c.to_string()
            }
        })
        .collect();
    Some(
        Text::new("domain-warning-mixed-scripts")
            .arg("name", unicode)
            .arg("spelled", spelled.join(" "))
            .arg("script", script_selector(first_foreign.script())),
    )
}

/// Fluent selects the alphabet's name in the reader's language from this.
fn script_selector(script: Script) -> &'static str {
    match script {
        Script::Cyrillic => "cyrillic",
        Script::Greek => "greek",
        Script::Armenian => "armenian",
        _ => "other",
    }
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::library::domain::{DomainError, parse};

    #[test]
    fn the_parser_names_invisible_characters_instead_of_dropping_them() {
        // The name conversion would drop U+200B and keep «termine.praxis.ch».
        let err = parse("termine.pra\u{200B}xis.ch").unwrap_err();
        assert!(
            matches!(err, DomainError::Invisible(ref i) if i.position == 12),
            "{err:?}"
        );
        assert_eq!(err.text().id, "domain-error-invisible");
        let err = parse("\u{FEFF}termine.praxis.ch").unwrap_err();
        assert!(
            matches!(err, DomainError::Invisible(ref i) if i.position == 1),
            "{err:?}"
        );
    }

    #[test]
    fn more_parts_than_lets_encrypt_takes_are_refused_on_the_domain_step() {
        assert!(parse("a.b.c.d.e.f.g.h.praxis.ch").is_ok());
        let err = parse("a.b.c.d.e.f.g.h.i.praxis.ch").unwrap_err();
        assert_eq!(err, DomainError::TooManyLabels(11));
        assert_eq!(err.text().id, "domain-error-too-many-labels");
    }

    #[test]
    fn www_and_look_alike_names_get_hints() {
        let ids = |s: &str| -> Vec<String> {
            parse(s)
                .unwrap()
                .hints()
                .into_iter()
                .map(|t| t.id)
                .collect()
        };
        assert_eq!(ids("www.meine-praxis.ch"), ["domain-hint-www"]);
        assert_eq!(
            ids("termine.pr\u{0430}xis.ch"),
            ["domain-warning-mixed-scripts"]
        );
        assert!(ids("termine.meine-praxis.ch").is_empty());
    }

    #[test]
    fn invisible_characters_are_found_with_their_place() {
        let found = first_invisible("ter\u{200B}mine.praxis.ch").unwrap();
        assert_eq!(found.position, 4);
        assert_eq!(
            found.text().args[0],
            ("kind".into(), "zero-width-space".into())
        );
        let zwj = first_invisible("termine.pra\u{200D}xis.ch").unwrap();
        assert_eq!(zwj.kind(), "zero-width-joiner");
        assert_eq!(first_invisible("termine.müller-praxis.ch"), None);
    }

    #[test]
    fn a_cyrillic_letter_among_latin_ones_is_named() {
        // The «а» in «prаxis» is Cyrillic U+0430.
        let t = mixed_scripts("termine.pr\u{0430}xis.ch").unwrap();
        let spelled = t.args[1].1.to_string();
        assert!(
            spelled.starts_with("t e r m i n e . p r [\u{0430} U+0430] x"),
            "{spelled}"
        );
        assert_eq!(t.args[2].1, "cyrillic");
        assert_eq!(mixed_scripts("termine.zürich-praxis.ch"), None);
        // A name wholly in another alphabet is not a look-alike.
        assert_eq!(mixed_scripts("термине.рф"), None);
    }
}
