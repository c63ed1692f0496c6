//! The command line in the reader's language: `--help` of the program and
//! of every command, and what a wrong command line gets told, through the
//! real binary. A German reader meets no English word and none of clap's
//! own (Usage, Options, [default: …]).

#[path = "support/german_screen.rs"]
mod german_screen;

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

/// The commands `--help` lists (the hidden `generate` is for packaging).
const COMMANDS: &[&str] = &[
    "undo",
    "certificate",
    "renew",
    "status",
    "check",
    "report",
    "replay",
    "mail",
    "schedule",
    "notify-failure",
];

/// What clap writes on its own, in English only.
const CLAP_WORDS: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "[default",
    "[env",
    "[possible",
    "Print help",
    "Print version",
    "error:",
    "tip:",
];

fn run(args: &[&str], lang_env: &str) -> Output {
    run_at(args, lang_env, None)
}

/// The binary as a terminal `columns` wide would run it (clap reads
/// COLUMNS where it cannot ask the terminal), in the locale `lang_env`.
fn run_at(args: &[&str], lang_env: &str, columns: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("LANG", lang_env)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PRAXIS_TLS_STATE_DIR");
    match columns {
        Some(c) => cmd.env("COLUMNS", c),
        None => cmd.env_remove("COLUMNS"),
    };
    cmd.output().unwrap_or_else(|e| panic!("{BIN}: {e}"))
}

fn help(lang: &str, command: Option<&str>) -> String {
    help_at(lang, command, None)
}

fn help_at(lang: &str, command: Option<&str>, columns: Option<&str>) -> String {
    let mut args = vec!["--lang", lang];
    args.extend(command);
    args.push("--help");
    let o = run_at(&args, "C.UTF-8", columns);
    assert_eq!(o.status.code(), Some(0), "{args:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The help as prose: option names (`--yes`), placeholders and command
/// names (in the list and the usage line) are words of the command line,
/// not English.
fn prose(help: &str) -> String {
    help.lines()
        .map(|line| {
            line.split_whitespace()
                .filter(|w| !w.starts_with('-') && !w.starts_with('<') && !w.starts_with('['))
                .filter(|w| !COMMANDS.contains(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_help_is_german_for_a_german_reader() {
    for lang in ["de", "de-CH"] {
        for command in std::iter::once(None).chain(COMMANDS.iter().copied().map(Some)) {
            let text = help(lang, command);
            for word in CLAP_WORDS {
                assert!(!text.contains(word), "{lang} {command:?}: {word}\n{text}");
            }
            let english = german_screen::english_words(&prose(&text));
            assert!(
                english.is_empty(),
                "{lang} {command:?}: {english:?}\n{text}"
            );
            assert!(text.contains("Aufruf: praxis-tls"), "{text}");
            assert!(!text.contains("cli-"), "a message is missing:\n{text}");
            if lang == "de-CH" {
                assert!(!text.contains('ß'), "{text}");
            }
        }
    }
    let root = help("de", None);
    for command in COMMANDS {
        assert!(
            root.contains(&format!("  {command} ")),
            "{command} not listed"
        );
    }
    assert!(!root.contains("generate"), "packaging only");
    // A command's own options stand apart from those of every command.
    let renew = help("de", Some("renew"));
    let own = renew.find("Optionen:").unwrap_or(usize::MAX);
    let shared = renew.find("Optionen für jeden Befehl:").unwrap_or(0);
    assert!(own < shared, "{renew}");
    assert!(renew[own..shared].contains("--dry-run"), "{renew}");
    assert!(
        renew[shared..].contains("--state-dir <VERZEICHNIS>"),
        "{renew}"
    );
}

#[test]
fn english_help_keeps_every_text() {
    for command in std::iter::once(None).chain(COMMANDS.iter().copied().map(Some)) {
        let text = help("en", command);
        assert!(text.contains("Usage: praxis-tls"), "{text}");
        assert!(!text.contains("cli-"), "a message is missing:\n{text}");
        assert!(!text.contains("[default"), "{text}");
    }
    assert!(help("en", Some("renew")).contains("--deploy-hook <COMMAND>"));
}

/// The language comes from `--lang` as written anywhere on the line, or
/// from the locale; what went wrong is said in it, with the help to read,
/// and the exit code stays 2 (3 = UNKNOWN for `status`, for monitoring).
#[test]
fn a_wrong_command_line_is_told_in_the_readers_language() {
    let cases: &[(&[&str], &str, i32, &[&str])] = &[
        (
            &["--lang", "de", "--frobnicate"],
            "C.UTF-8",
            2,
            &[
                "praxis-tls kennt --frobnicate nicht.",
                "Was möglich ist, zeigt: praxis-tls --help",
            ],
        ),
        (
            &["renew", "--bogus"],
            "de_CH.UTF-8",
            2,
            &[
                "praxis-tls kennt --bogus nicht.",
                "Was möglich ist, zeigt: praxis-tls renew --help",
            ],
        ),
        (
            &["frob"],
            "de_DE.UTF-8",
            2,
            &["praxis-tls hat keinen Befehl frob."],
        ),
        (
            &["renew", "--lang=de", "--deploy-hook"],
            "C.UTF-8",
            2,
            &["--deploy-hook <BEFEHL> braucht einen Wert."],
        ),
        (
            &["--lang", "de", "renew", "--force", "--dry-run"],
            "C.UTF-8",
            2,
            &["--force geht nicht zusammen mit --dry-run."],
        ),
        (
            &["--lang", "de", "certificate"],
            "C.UTF-8",
            2,
            &[
                "Es fehlt: --domain <NAME>.",
                "praxis-tls certificate --help",
            ],
        ),
        (
            &["renew", "--bogus"],
            "C.UTF-8",
            2,
            &[
                "praxis-tls does not know --bogus.",
                "To see what is possible: praxis-tls renew --help",
            ],
        ),
    ];
    for (args, locale, code, said) in cases {
        let o = run(args, locale);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(*code), "{args:?}: {err}");
        for s in *said {
            assert!(err.contains(s), "{args:?}: {s:?} not in\n{err}");
        }
        if locale.starts_with("de") || args.iter().any(|a| a.contains("de")) {
            for word in CLAP_WORDS {
                assert!(!err.contains(word), "{args:?}: {word}\n{err}");
            }
        }
    }
    let o = run(
        &["status", "--format", "nagios", "-w", "ten"],
        "de_CH.UTF-8",
    );
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "TLS UNKNOWN: praxis-tls status: «ten» ist kein gültiger Wert für --warning <TAGE>."
    );
}

/// What the package build asks the binary to write (`generate <what>`).
fn generated(what: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(BIN)
        .args(["generate", what, "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// The man pages the package ships, as a German reader's man finds them
/// (`de/`): every command has one, with German headings and no English.
#[test]
fn the_german_man_pages_speak_german() {
    let out = generated("man");
    let mut names = vec!["praxis-tls".to_string()];
    names.extend(COMMANDS.iter().map(|c| format!("praxis-tls-{c}")));
    for name in names {
        for dir in ["", "de"] {
            let page = out.path().join(dir).join(format!("{name}.1"));
            assert!(page.is_file(), "{} missing", page.display());
        }
        let page = out.path().join("de").join(format!("{name}.1"));
        let roff = std::fs::read_to_string(&page).unwrap();
        for heading in roff.lines().filter_map(|l| l.strip_prefix(".SH ")) {
            let english = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"];
            assert!(!english.contains(&heading), "{name}: {heading}\n{roff}");
        }
        for english in ["Manual", "[default"] {
            assert!(!roff.contains(english), "{name}: {english}\n{roff}");
        }
        let text: String = roff
            .lines()
            .filter(|l| !l.starts_with(".TH") && !l.starts_with(".ie") && !l.starts_with(".el"))
            .map(|l| l.strip_prefix(".SH ").unwrap_or(l))
            .map(|l| {
                l.replace("\\fB", "")
                    .replace("\\fR", "")
                    .replace("\\fI", "")
                    .replace("\\-", "-")
                    .replace("\\*(Aq", "'")
            })
            .filter(|l| !l.starts_with('.'))
            .collect::<Vec<_>>()
            .join("\n");
        let english = german_screen::english_words(&prose(&text));
        assert!(english.is_empty(), "{name}: {english:?}\n{text}");
    }
}

/// Over SSH at 80 × 24 no line of any help runs past the edge.
#[test]
fn every_help_fits_80_columns() {
    for lang in ["de", "de-CH", "en"] {
        for command in std::iter::once(None).chain(COMMANDS.iter().copied().map(Some)) {
            let text = help_at(lang, command, Some("80"));
            for line in text.lines() {
                assert!(line.chars().count() <= 80, "{lang} {command:?}: {line}");
            }
        }
    }
}

/// zsh and fish describe each option with the English help's own text
/// (from Fluent, not the doc comments in the code).
#[test]
fn completions_say_what_the_english_help_says() {
    let out = generated("completions");
    let fish = std::fs::read_to_string(out.path().join("praxis-tls.fish")).unwrap();
    for id in ["cli-arg-state-dir", "cli-renew-force", "cli-status-live"] {
        // fish quotes in '…' and escapes an apostrophe inside.
        let text = praxis_tls::i18n::tr(praxis_tls::core::Lang::En, id).replace('\'', "\\'");
        assert!(
            fish.contains(&format!("-d '{text}'")),
            "{id}: {text:?} not in\n{fish}"
        );
    }
}
