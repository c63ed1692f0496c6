//! Orthanc's configuration as a concrete syntax tree (the `jsonc-parser`
//! crate): every comment, blank line and comma stays a node of its own, so
//! an edit touches only the values it sets. What is ours here is the
//! reader's strictness and the errors: Orthanc's files are JSON with
//! comments, and a mistake is named with the line and column an editor
//! shows, in the words of the `orthanc-syntax-*` messages.

use jsonc_parser::ParseOptions;
use jsonc_parser::ParseStringErrorKind;
use jsonc_parser::cst::{CstNode, CstObject, CstObjectProp, CstRootNode};
use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{Scanner, ScannerOptions};

/// What is wrong with a file, for the person (see `orthanc-syntax-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    UnclosedComment,
    UnclosedString,
    BadEscape,
    /// A control character inside a string.
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

const BOM: &str = "\u{feff}";

/// A parsed configuration file. The root node is kept here: the tree's
/// nodes find their parents through it.
pub struct Document {
    bom: bool,
    root: CstRootNode,
    object: CstObject,
}

impl Document {
    pub fn parse(text: &str) -> Result<Document, SyntaxError> {
        // The crate reads no byte order mark; Windows editors write one.
        let bom = text.starts_with(BOM);
        let body = text.strip_prefix(BOM).unwrap_or(text);
        let error = |kind, at: usize| syntax_error(text, kind, at + body_start(bom));
        let parsed = CstRootNode::parse(body, &strict());
        let in_string = control_in_string(body);
        let root = match parsed {
            Err(e) => {
                let (kind, at) = classify(&e, body.len());
                return Err(match in_string {
                    Some((k, s)) if s <= at => error(k, s),
                    _ => error(kind, at),
                });
            }
            Ok(root) => root,
        };
        if let Some((kind, at)) = in_string {
            return Err(error(kind, at));
        }
        let Some(value) = root.value() else {
            return Err(error(SyntaxKind::UnexpectedEnd, body.len()));
        };
        let Some(object) = value.as_object() else {
            return Err(error(SyntaxKind::RootNotObject, offset(&value)));
        };
        Ok(Document { bom, root, object })
    }

    /// The outermost `{ … }`.
    pub fn object(&self) -> &CstObject {
        &self.object
    }

    /// The file's text with the edits made.
    pub fn text(&self) -> String {
        let body = self.root.to_string();
        if self.bom {
            format!("{BOM}{body}")
        } else {
            body
        }
    }

    /// Where `node` starts, for an error about it.
    pub fn error_at(&self, kind: SyntaxKind, node: &CstNode) -> SyntaxError {
        let text = self.text();
        syntax_error(&text, kind, offset(node) + body_start(self.bom))
    }
}

/// Every property named `key`, in file order (escapes decoded).
pub fn props(object: &CstObject, key: &str) -> Vec<CstObjectProp> {
    object
        .properties()
        .into_iter()
        .filter(|p| p.decoded_name().as_deref() == Some(key))
        .collect()
}

/// The one Orthanc's reader uses: of duplicated keys, the last.
pub fn last(object: &CstObject, key: &str) -> Option<CstObjectProp> {
    props(object, key).pop()
}

fn body_start(bom: bool) -> usize {
    if bom { BOM.len() } else { 0 }
}

/// JSON as Orthanc's reader takes it: comments, and a comma before `}`
/// or `]`; none of the crate's other liberties (JSON5 and the like).
fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: true,
        allow_trailing_commas: true,
        allow_loose_object_property_names: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Our kind for the crate's error, and the byte offset to name.
fn classify(e: &ParseError, len: usize) -> (SyntaxKind, usize) {
    use ParseErrorKind as K;
    let at = e.range().start;
    let kind = match e.kind() {
        K::UnterminatedCommentBlock => SyntaxKind::UnclosedComment,
        K::String(ParseStringErrorKind::UnterminatedStringLiteral) => SyntaxKind::UnclosedString,
        K::String(_) => SyntaxKind::BadEscape,
        K::ExpectedComma => SyntaxKind::MissingComma,
        K::MultipleRootJsonValues => SyntaxKind::TrailingContent,
        K::NestingDepthExceeded => SyntaxKind::TooDeep,
        // Named where the text stops, not where the open bracket was.
        K::UnterminatedObject | K::UnterminatedArray => return (SyntaxKind::UnexpectedEnd, len),
        _ if at >= len => SyntaxKind::UnexpectedEnd,
        _ => SyntaxKind::Unexpected,
    };
    (kind, at)
}

/// The first string holding a raw control character. The crate takes
/// them; a line break there is almost always a closing quote forgotten,
/// and the place to name is that string's start, not where the parser
/// stumbles a line later.
fn control_in_string(body: &str) -> Option<(SyntaxKind, usize)> {
    let options = ScannerOptions {
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let mut scanner = Scanner::new(body, &options);
    while let Ok(Some(token)) = scanner.scan() {
        if !matches!(token, Token::String(_)) {
            continue;
        }
        let start = scanner.token_start();
        let raw = body.get(start..scanner.token_end()).unwrap_or_default();
        let Some((i, c)) = raw.char_indices().find(|(_, c)| c.is_control()) else {
            continue;
        };
        return Some(if c == '\n' || c == '\r' {
            (SyntaxKind::UnclosedString, start)
        } else {
            (SyntaxKind::ControlInString, start + i)
        });
    }
    None
}

/// The byte offset of `node` in its tree's text.
fn offset(node: &CstNode) -> usize {
    let before: usize = node.previous_siblings().map(|s| s.to_string().len()).sum();
    match node.parent() {
        Some(parent) => before + offset(&parent.into()),
        None => before,
    }
}

fn syntax_error(text: &str, kind: SyntaxKind, at: usize) -> SyntaxError {
    let (line, column) = line_col(text, at);
    SyntaxError { kind, line, column }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[line_start..].chars().count() + 1)
}
