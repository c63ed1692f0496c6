//! Her words first: a German text may name a technical term only after
//! the plain words, in brackets, or as a command to type in quotes. This
//! finds the jargon and the English that stand bare in a German text.

/// Technical terms that need plain words before them (the glossary's).
const JARGON: &[&str] = &[
    "Proxy",
    "Traefik",
    "CA",
    "Praxis-CA",
    "DynDNS",
    "fullchain",
    "root",
    "nftables",
    "iptables",
    "firewalld",
    "ufw",
    "cron",
    "Cron-Eintrag",
    "systemd",
    "Timer",
    "journalctl",
    "STARTTLS",
    "TLS",
    "SMTP",
    "UPnP",
    "PTR",
    "ACME",
    "CSR",
    "PEM",
    "Portainer",
    "Stacks",
    "Stack",
    "API-Stack",
    "Volume",
    "sudo",
    "Staging",
    "Deploy",
    "Hook",
    "Journal",
    "traefik",
    "traefik-Konfiguration",
];

/// English words that have no place in a German sentence.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "is",
    "are",
    "not",
    "for",
    "with",
    "file",
    "failed",
    "certificate",
    "renewal",
    "renew",
    "undo",
    "status",
    "missing",
    "expired",
    "update",
    "Update",
    "dry",
    "run",
    "schedule",
    "check",
    "report",
    "warning",
    "error",
    "days",
    "until",
    "valid",
    "undone",
    "proxy",
    "configuration",
    "window",
    "firewall",
    "service",
    "enabled",
];

/// Brackets and quotes hold the technical term or the command to type:
/// they are taken out before the words are looked at, as are paths,
/// addresses and names with a dot.
fn plain_part(text: &str) -> String {
    let mut out = String::new();
    let mut depth: usize = 0;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(end), c) if c == end => quote = None,
            (Some(_), _) => {}
            (None, '(') => depth += 1,
            (None, ')') => depth = depth.saturating_sub(1),
            (None, '„') if depth == 0 => quote = Some('“'),
            (None, '«') if depth == 0 => quote = Some('»'),
            (None, '"') if depth == 0 => quote = Some('"'),
            (None, c) if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The bare jargon and English words of a German text, each with the
/// line it stands in.
pub fn bare_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let plain = plain_part(line);
        for token in plain.split_whitespace() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let word = word.trim_end_matches('-');
            if word.is_empty() || token.contains('/') || token.contains("://") {
                continue;
            }
            // A name with a dot (termine.praxis.ch, docker-compose.yml)
            // is a name, not a word.
            if word.contains('.') {
                continue;
            }
            if JARGON.contains(&word) || ENGLISH.contains(&word) {
                found.push(format!("«{word}» in: {line}"));
            }
        }
    }
    found
}

/// Dates in German are written 24.12.2026, never 2026-12-24.
pub fn iso_dates(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|t| {
            let b = t.as_bytes();
            b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
        })
        .map(str::to_string)
        .collect()
}
