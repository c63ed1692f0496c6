//! Bounds for the text files the wizard reads but did not write: compose
//! files, `.env`, the gateway's configuration and answers files. Checked
//! before any parser sees the text, because the parsers' time grows faster
//! than the input (100 000 nested YAML levels took 19 s) and a file far
//! larger than anyone writes by hand is a mistake or an attack, never a
//! configuration. Detection, the proxy plan and every other reader use the
//! same numbers, so no path accepts what another refuses.

use crate::core::Text;

/// A compose file with every Elexis-OOB service is a few KiB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Elexis-OOB's compose files nest 5 levels; the answers file 3.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum TooBig {
    #[error("larger than {max} bytes")]
    Size { max: u64 },
    #[error("line {line}: nested deeper than {max} levels")]
    Depth { line: usize, max: usize },
}

impl TooBig {
    /// `file` as the person knows it (a path or a name).
    pub fn text(&self, file: &str) -> Text {
        match self {
            TooBig::Size { max } => Text::new("limit-file-too-large")
                .arg("file", file)
                .arg("max", format!("{} KiB", max / 1024)),
            TooBig::Depth { line, max } => Text::new("limit-file-too-deep")
                .arg("file", file)
                .num("line", line)
                .num("max", max),
        }
    }
}

/// Why a file someone else wrote is not read at all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum Refused {
    #[error("not a regular file")]
    NotRegular,
    #[error(transparent)]
    TooBig(#[from] TooBig),
}

impl Refused {
    pub fn text(&self, file: &str) -> Text {
        match self {
            Refused::NotRegular => Text::new("limit-not-a-file").arg("file", file),
            Refused::TooBig(limit) => limit.text(file),
        }
    }
}

pub fn check_size(len: u64) -> Result<(), TooBig> {
    if len > MAX_FILE_BYTES {
        return Err(TooBig::Size {
            max: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// `.env` files: one level, so only the size counts.
pub fn check_env(text: &str) -> Result<(), TooBig> {
    check_size(text.len() as u64)
}

/// Size, then an upper estimate of the nesting: the block indentation
/// levels open at a line, the `- `/`? ` entries that start on it, and the
/// open flow brackets. Overestimating only refuses files no person writes;
/// block scalars (`|`, `>`) are skipped, as their text is not structure.
pub fn check_yaml(text: &str) -> Result<(), TooBig> {
    check_size(text.len() as u64)?;
    let mut scan = Brackets::default();
    let mut indents: Vec<usize> = Vec::new();
    let mut block_scalar: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let body = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - body.len();
        if let Some(header) = block_scalar {
            if body.is_empty() || indent > header {
                continue;
            }
            block_scalar = None;
        }
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let mut entries = 0;
        if scan.open == 0 && scan.quote.is_none() {
            while indents.last().is_some_and(|&top| top > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            let mut rest = body;
            while let Some(r) = ["- ", "? ", ": "].iter().find_map(|p| rest.strip_prefix(p)) {
                entries += 1;
                rest = r.trim_start();
            }
        }
        let deepest = scan.line(body, '#', true);
        let depth = indents.len() + entries + deepest;
        if depth > MAX_DEPTH {
            return Err(TooBig::Depth {
                line: i + 1,
                max: MAX_DEPTH,
            });
        }
        if scan.open == 0 && scan.quote.is_none() && block_header(body) {
            block_scalar = Some(indent);
        }
    }
    Ok(())
}

/// Size, then the open arrays and inline tables, the only way TOML nests
/// without naming every level.
pub fn check_toml(text: &str) -> Result<(), TooBig> {
    check_size(text.len() as u64)?;
    let mut scan = Brackets::default();
    for (i, line) in text.lines().enumerate() {
        if scan.line(line, '#', false) > MAX_DEPTH {
            return Err(TooBig::Depth {
                line: i + 1,
                max: MAX_DEPTH,
            });
        }
    }
    Ok(())
}

/// A value that starts a block scalar: `key: |`, `- >-`, `|2` …
fn block_header(body: &str) -> bool {
    let value = body.split(" #").next().unwrap_or(body).trim_end();
    let (before, last) = match value.rfind(' ') {
        Some(i) => (value[..i].trim_end(), &value[i + 1..]),
        None => ("", value),
    };
    let mut chars = last.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '-' || c == '+' || c.is_ascii_digit())
        && (before.is_empty() || before.ends_with(':') || before.ends_with('-'))
}

/// Open brackets and the quote, carried across lines (both languages let
/// flow collections and quoted strings span lines).
#[derive(Default)]
struct Brackets {
    open: usize,
    quote: Option<char>,
}

impl Brackets {
    /// Scans one line; returns the most brackets open on it. `yaml`: a
    /// quote opens only where a YAML scalar can start (`don't` is plain).
    fn line(&mut self, line: &str, comment: char, yaml: bool) -> usize {
        let mut deepest = self.open;
        let mut prev = ' ';
        let mut escaped = false;
        for c in line.chars() {
            match self.quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if q == '"' && c == '\\' {
                        escaped = true;
                    } else if c == q {
                        self.quote = None;
                    }
                }
                None => match c {
                    c if c == comment && (!yaml || prev.is_whitespace()) => break,
                    '"' | '\'' if !yaml || prev.is_whitespace() || "[{,:-?".contains(prev) => {
                        self.quote = Some(c);
                    }
                    '[' | '{' => {
                        self.open += 1;
                        deepest = deepest.max(self.open);
                    }
                    ']' | '}' => self.open = self.open.saturating_sub(1),
                    _ => {}
                },
            }
            prev = c;
        }
        deepest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPOSE: &str = "services:\n  proxy:\n    image: \"traefik:v2.11\"\n    command:\n      - --entrypoints.web.address=:80\n    labels:\n      - \"traefik.http.routers.x.rule=Host(`a`)\"\n    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\", \"[x\"]\n    entrypoint: |\n      if [ -f x ]; then [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n      fi\n  app:\n    environment:\n      NOTE: don't [worry\n";

    #[test]
    fn ordinary_files_pass() {
        assert_eq!(check_yaml(COMPOSE), Ok(()));
        assert_eq!(
            check_toml("[answers]\nversion = 1\nx = [[1, 2], {a = \"]]]\"}]\n"),
            Ok(())
        );
        assert_eq!(check_env("A=1\n"), Ok(()));
    }

    #[test]
    fn nesting_of_every_kind_is_refused() {
        let flow = "[".repeat(100_000);
        assert!(matches!(
            check_yaml(&flow),
            Err(TooBig::Depth { line: 1, .. })
        ));
        let seq = format!("{}x\n", "- ".repeat(100));
        assert!(matches!(check_yaml(&seq), Err(TooBig::Depth { .. })));
        let block: String = (0..70).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        assert!(matches!(
            check_yaml(&block),
            Err(TooBig::Depth { line: 64.., .. })
        ));
        let toml = format!("x = {}", "[".repeat(65));
        assert!(matches!(check_toml(&toml), Err(TooBig::Depth { .. })));
    }

    #[test]
    fn size_is_refused_before_nesting() {
        let big = "a".repeat(MAX_FILE_BYTES as usize + 1);
        assert_eq!(
            check_yaml(&big),
            Err(TooBig::Size {
                max: MAX_FILE_BYTES
            })
        );
    }
}

#[cfg(test)]
mod fixtures {
    use std::path::Path;

    /// Every YAML and TOML file the project ships or tests with is far
    /// inside the limits: they refuse nothing a person writes.
    #[test]
    fn every_shipped_file_passes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        let mut stack = vec![root.join("tests/fixtures"), root.join("assets")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                let result = match ext {
                    "yml" | "yaml" => super::check_yaml(&text),
                    "toml" => super::check_toml(&text),
                    _ => continue,
                };
                assert_eq!(result, Ok(()), "{}", p.display());
                seen += 1;
            }
        }
        assert!(seen > 30, "{seen} files");
    }
}
