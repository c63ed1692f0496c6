//! What every German screen must be, read off a captured terminal: no
//! English word, no ISO date, and no text cut off at the pane's edge. Used
//! by the walks in a real terminal, where whatever reaches the screen is
//! checked, not only what a render test thought of.

/// English words that have no place in a German sentence. Chosen so that
/// none is also a German word («will», «was», «an», «in», «die» are), and
/// matched as whole words outside anything technical (paths, addresses,
/// commands, diffs: see [`technical`]).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "are",
    "with",
    "error",
    "failed",
    "invalid",
    "connection",
    "refused",
    "timeout",
    "timed",
    "found",
    "peer",
    "unknown",
    "issuer",
    "certificate",
    "please",
    "press",
    "continue",
    "back",
    "quit",
    "yes",
    "file",
    "directory",
    "not",
    "cannot",
    "could",
    "should",
    "which",
    "this",
    "that",
    "from",
    "your",
    "you",
    "step",
    "warning",
    "none",
    "some",
    "true",
    "false",
    "null",
    "ok",
    "err",
    "reset",
    "closed",
    "open",
    "done",
    "retry",
    "skip",
    "next",
    "check",
    "checked",
    "change",
    "changes",
    "configuration",
    "for",
    "running",
    "stopped",
    "started",
];

/// The line above the restart's transcript, which says Docker speaks
/// English there.
const DOCKER_SAYS: &str = "Was Docker dabei meldet";

/// A piece of text that is technical by its form (a path, an address, a
/// domain, a key's name with «+», a diff's code): kept as it is in every
/// language, so its words are not counted.
fn technical(chunk: &str) -> bool {
    chunk.chars().any(|c| {
        matches!(
            c,
            '/' | '.' | ':' | '_' | '=' | '`' | '"' | '@' | '+' | '$' | '<' | '>' | '{' | '}'
        )
    }) && chunk.chars().any(|c| c.is_alphanumeric())
        && !chunk.ends_with(['.', ':'])
        || chunk.contains("://")
}

/// The English words of a German screen, each with its row.
pub fn english_words(screen: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (row, line) in screen.lines().enumerate() {
        for chunk in line.split_whitespace() {
            if technical(chunk) {
                continue;
            }
            let word: String = chunk
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            if word.chars().any(|c| !c.is_ascii_alphabetic()) {
                continue;
            }
            if ENGLISH.contains(&word.to_ascii_lowercase().as_str()) {
                found.push((row, word));
            }
        }
    }
    found
}

/// Dates written 2026-12-24: German readers get 24.12.2026.
pub fn iso_dates(screen: &str) -> Vec<String> {
    let chars: Vec<char> = screen.chars().collect();
    let digits = |s: &[char]| s.iter().all(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(9) {
        let w = &chars[i..i + 10];
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = chars.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if before_ok
            && after_ok
            && digits(&w[0..4])
            && w[4] == '-'
            && digits(&w[5..7])
            && w[7] == '-'
            && digits(&w[8..10])
        {
            out.push(w.iter().collect());
        }
    }
    out
}

/// Rows whose last cell holds a letter or a digit: text that ran into the
/// pane's edge and was cut off there. Every screen keeps its last column
/// free (a margin, or a box's border).
pub fn cut_off_rows(screen: &str, width: u16) -> Vec<String> {
    screen
        .lines()
        .filter(|l| {
            l.chars().count() >= usize::from(width)
                && l.chars()
                    .nth(usize::from(width) - 1)
                    .is_some_and(char::is_alphanumeric)
        })
        .map(str::to_string)
        .collect()
}

/// Everything wrong with a German screen, in one message; empty if none.
/// Quoted, not judged: the rows below a line that starts with «$ » or
/// announces Docker's words (a program's own output, as it printed it) or
/// with «+»,
/// «-» or «@@» (a diff: the file's text as it will be written), up to a
/// blank row.
pub fn faults(screen: &str, width: u16) -> Vec<String> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut prose = String::new();
    for line in screen.lines() {
        // The body starts right of the side bar's «│».
        let body = line.split_once('│').map_or(line, |(_, b)| b).trim();
        if body.starts_with("$ ")
            || body.starts_with(['+', '-'])
            || body.starts_with("@@")
            || body.starts_with(DOCKER_SAYS)
        {
            quoted = true;
        } else if body.is_empty() {
            quoted = false;
        }
        if !quoted {
            prose.push_str(line);
        }
        prose.push('\n');
    }
    for (row, word) in english_words(&prose) {
        out.push(format!("English word {word:?} in row {}", row + 1));
    }
    // A file name may carry an ISO date (it sorts); a sentence may not.
    let words: Vec<&str> = prose.split_whitespace().filter(|c| !technical(c)).collect();
    for date in iso_dates(&words.join(" ")) {
        out.push(format!("ISO date {date}"));
    }
    for row in cut_off_rows(screen, width) {
        out.push(format!("cut off at the edge: {row:?}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_and_leaves_technical_text_alone() {
        let screen = "Die Verbindung: invalid peer certificate\n\
                      Pfad /etc/praxis-tls/the-file und Host(`termine.praxis.ch`)\n\
                      Die Datei docker-compose.yml ist da.";
        let words: Vec<String> = english_words(screen).into_iter().map(|(_, w)| w).collect();
        assert_eq!(words, ["invalid", "peer", "certificate"]);
    }

    #[test]
    fn finds_iso_dates_only() {
        assert_eq!(iso_dates("gültig bis 2026-12-24."), ["2026-12-24"]);
        assert!(iso_dates("gültig bis 24.12.2026, Port 12026-1").is_empty());
    }

    #[test]
    fn finds_text_at_the_edge() {
        let ok = format!("{:<79} ", "Text");
        let cut = format!("{:>80}", "abgeschnitt");
        let border = format!("{:<79}│", "Box");
        let rows = cut_off_rows(&format!("{ok}\n{cut}\n{border}"), 80);
        assert_eq!(rows, [cut]);
    }

    #[test]
    fn a_transcript_is_quoted_not_judged() {
        let screen = " a │ $ docker-compose up -d\n a │ Creating network done\n a │\n";
        assert!(faults(screen, 80).is_empty(), "{:?}", faults(screen, 80));
        assert!(!faults(" a │ Creating network done\n", 80).is_empty());
    }
}
