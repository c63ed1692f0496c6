//! A reader for JSON with `//` and `/* */` comments, as Orthanc accepts it.
//! It does not build a value tree: it finds where each top-level member
//! sits in the text, so an edit can touch exactly those bytes and leave
//! every comment and every blank line where the practice's IT put them.

use std::ops::Range;

/// What is wrong with a file, for the person (see `orthanc-syntax-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    UnclosedComment,
    UnclosedString,
    BadEscape,
    /// A raw line break or control character inside a string.
    ControlInString,
    /// A character that cannot stand here.
    Unexpected,
    /// Two entries in a row without the comma between them; the position
    /// is where the comma belongs (the end of the first entry).
    MissingComma,
    /// The text ends in the middle of a value.
    UnexpectedEnd,
    /// The file is valid JSON, but not an object (`{ … }`).
    RootNotObject,
    /// Something follows the closing `}`.
    TrailingContent,
    TooDeep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    /// 1-based, counted in lines and characters as an editor shows them.
    pub line: usize,
    pub column: usize,
}

/// One `"key": value` of the outermost object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub key: String,
    /// The key including its quotes.
    pub key_span: Range<usize>,
    pub value: Range<usize>,
    /// Where the comma after the value is, if there is one.
    pub comma: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// Byte index of `{`.
    pub open: usize,
    /// Byte index of the matching `}`.
    pub close: usize,
    pub members: Vec<Member>,
}

/// Nesting deeper than this is no configuration file; the limit keeps a
/// hostile file from exhausting the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Root, SyntaxError> {
    let p = Parser {
        s: text.as_bytes(),
        text,
    };
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let pos = p.skip_trivia(start)?;
    match p.s.get(pos) {
        None => return Err(p.error(SyntaxKind::UnexpectedEnd, pos)),
        Some(b'{') => {}
        Some(_) => {
            // Tell "valid JSON of the wrong shape" from "garbage".
            p.value(pos, 0)?;
            return Err(p.error(SyntaxKind::RootNotObject, pos));
        }
    }
    let (root, end) = p.root_object(pos)?;
    let end = p.skip_trivia(end)?;
    if end < p.s.len() {
        return Err(p.error(SyntaxKind::TrailingContent, end));
    }
    Ok(root)
}

/// Skips blanks and comments from `pos` that stay on the same line; returns
/// where the line's own content ends (before its line break).
pub fn end_of_line_trivia(text: &str, mut pos: usize) -> usize {
    let s = text.as_bytes();
    loop {
        match s.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(b'/') if s.get(pos + 1) == Some(&b'/') => {
                return text[pos..].find('\n').map_or(s.len(), |n| pos + n);
            }
            Some(b'/') if s.get(pos + 1) == Some(&b'*') => match text[pos + 2..].find("*/") {
                Some(n) if !text[pos..pos + 2 + n].contains('\n') => pos += n + 4,
                _ => return pos,
            },
            _ => return pos,
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
}

impl Parser<'_> {
    fn error(&self, kind: SyntaxKind, pos: usize) -> SyntaxError {
        let mut pos = pos.min(self.s.len());
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        let (line, column) = line_col(self.text, pos);
        SyntaxError { kind, line, column }
    }

    fn skip_trivia(&self, mut pos: usize) -> Result<usize, SyntaxError> {
        loop {
            match self.s.get(pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => pos += 1,
                Some(b'/') if self.s.get(pos + 1) == Some(&b'/') => {
                    pos = self.text[pos..]
                        .find('\n')
                        .map_or(self.s.len(), |n| pos + n);
                }
                Some(b'/') if self.s.get(pos + 1) == Some(&b'*') => {
                    match self.text[pos + 2..].find("*/") {
                        Some(n) => pos += n + 4,
                        None => return Err(self.error(SyntaxKind::UnclosedComment, pos)),
                    }
                }
                _ => return Ok(pos),
            }
        }
    }

    fn root_object(&self, open: usize) -> Result<(Root, usize), SyntaxError> {
        let mut members = Vec::new();
        let mut pos = self.skip_trivia(open + 1)?;
        loop {
            match self.s.get(pos) {
                Some(b'}') => {
                    let root = Root {
                        open,
                        close: pos,
                        members,
                    };
                    return Ok((root, pos + 1));
                }
                Some(b'"') => {}
                Some(_) => return Err(self.error(SyntaxKind::Unexpected, pos)),
                None => return Err(self.error(SyntaxKind::UnexpectedEnd, pos)),
            }
            let key_start = pos;
            let (key, key_end) = self.string(pos)?;
            pos = self.expect(key_end, b':')?;
            let value_start = self.skip_trivia(pos)?;
            let value_end = self.value(value_start, 1)?;
            pos = self.skip_trivia(value_end)?;
            let mut comma = None;
            if self.s.get(pos) == Some(&b',') {
                comma = Some(pos);
                // A comma before `}` is tolerated: Orthanc's reader accepts it.
                pos = self.skip_trivia(pos + 1)?;
            } else if self.s.get(pos) != Some(&b'}') {
                return Err(self.after_value(value_end, pos));
            }
            members.push(Member {
                key,
                key_span: key_start..key_end,
                value: value_start..value_end,
                comma,
            });
        }
    }

    /// What stands after a value instead of `,` or the closing bracket:
    /// the start of another entry means the comma was forgotten, and the
    /// place to fix is the end of the value before, not the next line.
    fn after_value(&self, value_end: usize, pos: usize) -> SyntaxError {
        match self.s.get(pos) {
            Some(b'"' | b'{' | b'[' | b'-' | b't' | b'f' | b'n' | b'0'..=b'9') => {
                self.error(SyntaxKind::MissingComma, value_end)
            }
            _ => self.unexpected(pos),
        }
    }

    fn unexpected(&self, pos: usize) -> SyntaxError {
        let kind = if pos >= self.s.len() {
            SyntaxKind::UnexpectedEnd
        } else {
            SyntaxKind::Unexpected
        };
        self.error(kind, pos)
    }

    fn expect(&self, pos: usize, byte: u8) -> Result<usize, SyntaxError> {
        let pos = self.skip_trivia(pos)?;
        if self.s.get(pos) == Some(&byte) {
            Ok(pos + 1)
        } else {
            Err(self.unexpected(pos))
        }
    }

    /// Reads any value starting at `pos`; returns the index after it.
    fn value(&self, pos: usize, depth: usize) -> Result<usize, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep, pos));
        }
        match self.s.get(pos) {
            Some(b'"') => Ok(self.string(pos)?.1),
            Some(b'{') => self.container(pos, b'}', true, depth),
            Some(b'[') => self.container(pos, b']', false, depth),
            Some(b'-' | b'0'..=b'9') => self.number(pos),
            Some(b't') => self.literal(pos, "true"),
            Some(b'f') => self.literal(pos, "false"),
            Some(b'n') => self.literal(pos, "null"),
            _ => Err(self.unexpected(pos)),
        }
    }

    fn container(
        &self,
        open: usize,
        close: u8,
        keyed: bool,
        depth: usize,
    ) -> Result<usize, SyntaxError> {
        let mut pos = self.skip_trivia(open + 1)?;
        loop {
            if self.s.get(pos) == Some(&close) {
                return Ok(pos + 1);
            }
            if keyed {
                if self.s.get(pos) != Some(&b'"') {
                    return Err(self.unexpected(pos));
                }
                let key_end = self.string(pos)?.1;
                pos = self.expect(key_end, b':')?;
                pos = self.skip_trivia(pos)?;
            }
            let value_end = self.value(pos, depth + 1)?;
            pos = self.skip_trivia(value_end)?;
            match self.s.get(pos) {
                Some(b',') => pos = self.skip_trivia(pos + 1)?,
                Some(c) if *c == close => {}
                _ => return Err(self.after_value(value_end, pos)),
            }
        }
    }

    /// Reads a string starting at its opening quote; returns its decoded
    /// content and the index after the closing quote.
    fn string(&self, open: usize) -> Result<(String, usize), SyntaxError> {
        let mut out = String::new();
        let mut pos = open + 1;
        loop {
            let Some(c) = self.text[pos.min(self.s.len())..].chars().next() else {
                return Err(self.error(SyntaxKind::UnclosedString, open));
            };
            match c {
                '"' => return Ok((out, pos + 1)),
                '\\' => {
                    let (decoded, next) = self.escape(pos)?;
                    out.push(decoded);
                    pos = next;
                }
                '\n' | '\r' => return Err(self.error(SyntaxKind::UnclosedString, open)),
                c if (c as u32) < 0x20 => {
                    return Err(self.error(SyntaxKind::ControlInString, pos));
                }
                c => {
                    out.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }

    fn escape(&self, backslash: usize) -> Result<(char, usize), SyntaxError> {
        let bad = || self.error(SyntaxKind::BadEscape, backslash);
        let simple = match self.s.get(backslash + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let hi = self.hex4(backslash + 2).ok_or_else(bad)?;
                if (0xd800..0xdc00).contains(&hi) {
                    // A surrogate pair: the low half must follow as \uXXXX.
                    if self.s.get(backslash + 6..backslash + 8) != Some(b"\\u") {
                        return Err(bad());
                    }
                    let lo = self.hex4(backslash + 8).ok_or_else(bad)?;
                    if !(0xdc00..0xe000).contains(&lo) {
                        return Err(bad());
                    }
                    let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                    return Ok((char::from_u32(c).ok_or_else(bad)?, backslash + 12));
                }
                return Ok((char::from_u32(hi).ok_or_else(bad)?, backslash + 6));
            }
            _ => return Err(bad()),
        };
        Ok((simple, backslash + 2))
    }

    fn hex4(&self, pos: usize) -> Option<u32> {
        let digits = self.text.get(pos..pos + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    fn number(&self, start: usize) -> Result<usize, SyntaxError> {
        let mut pos = start;
        if self.s.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let digits = |mut p: usize| {
            let from = p;
            while self.s.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
            (p, p > from)
        };
        let (next, any) = digits(pos);
        if !any {
            return Err(self.unexpected(pos));
        }
        pos = next;
        if self.s.get(pos) == Some(&b'.') {
            let (next, any) = digits(pos + 1);
            if !any {
                return Err(self.unexpected(pos + 1));
            }
            pos = next;
        }
        if matches!(self.s.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(self.s.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            let (next, any) = digits(pos);
            if !any {
                return Err(self.unexpected(pos));
            }
            pos = next;
        }
        Ok(pos)
    }

    fn literal(&self, pos: usize, word: &str) -> Result<usize, SyntaxError> {
        let end = pos + word.len();
        let follows_word = self.s.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if self.text.get(pos..end) == Some(word) && !follows_word {
            Ok(end)
        } else {
            Err(self.error(SyntaxKind::Unexpected, pos))
        }
    }
}
