//! `praxis-tls generate` (hidden): what the Debian package ships beside the
//! binary, made from the binary itself, so the man page and completions
//! cannot drift from the options, and the note the package prints at purge
//! comes from the same Fluent messages as every other text.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell;
use praxis_tls::core::{Lang, Text};
use praxis_tls::i18n;

use super::{Cli, exit, say};

#[derive(Args, Debug)]
pub struct GenerateArgs {
    #[arg(value_enum)]
    pub what: Artifact,
    /// The directory the files go to (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Artifact {
    /// praxis-tls.1 and one page per subcommand, in English and German.
    Man,
    /// bash, zsh and fish.
    Completions,
    /// The text `postrm purge` prints, German then English.
    PurgeNote,
}

/// The purge note names the default state directory: the package cannot
/// know another one a person chose with `--state-dir`.
const PACKAGE_STATE_DIR: &str = "/var/lib/praxis-tls";
pub const PURGE_NOTE_FILE: &str = "purge-note.txt";

pub(super) fn run(lang: Lang, a: &GenerateArgs) -> u8 {
    let written = std::fs::create_dir_all(&a.out).and_then(|()| match a.what {
        Artifact::Man => man(&a.out),
        Artifact::Completions => completions(&a.out),
        Artifact::PurgeNote => purge_note(&a.out),
    });
    match written {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            exit::OK
        }
        Err(e) => {
            say(
                lang,
                &Text::new("cli-generate-failed")
                    .arg("path", a.out.display().to_string())
                    .arg("detail", e.to_string()),
            );
            exit::FAILED
        }
    }
}

fn files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    Ok(files)
}

/// The pages as `--help` speaks: English in `out`, German in `out/de`
/// (man's directory for every German locale, de_CH included: the help's
/// Swiss words differ only in quotation marks it does not use).
fn man(out: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut pages = Vec::new();
    for (lang, dir) in [(Lang::En, out.to_path_buf()), (Lang::De, out.join("de"))] {
        std::fs::create_dir_all(&dir)?;
        clap_mangen::generate_to(super::help::localized(Cli::command(), lang), &dir)?;
        for page in files_in(&dir)?
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "1"))
        {
            let roff = std::fs::read_to_string(&page)?;
            std::fs::write(&page, man_headings(&roff, lang))?;
            pages.push(page);
        }
    }
    Ok(pages)
}

/// clap_mangen's own section headings, and the message each becomes.
const MAN_HEADINGS: &[(&str, &str)] = &[
    ("NAME", "cli-man-name"),
    ("SYNOPSIS", "cli-man-synopsis"),
    ("DESCRIPTION", "cli-man-description"),
    ("VERSION", "cli-man-version"),
];

/// By hand: clap_mangen writes those headings in English only, with no
/// setting to change them, and names no manual on a subcommand's page.
fn man_headings(roff: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        // The page's header and footer: groff writes «General Commands
        // Manual» where the manual's name is missing.
        if let Some(name) = line.strip_prefix(".TH ").and_then(|t| t.split(' ').next()) {
            out.push_str(&format!(
                ".TH {name} 1 \"\" \"praxis-tls {}\" \"{}\"\n",
                env!("CARGO_PKG_VERSION"),
                i18n::tr(lang, "cli-man-manual")
            ));
            continue;
        }
        let heading = line
            .strip_prefix(".SH ")
            .and_then(|h| MAN_HEADINGS.iter().find(|(en, _)| *en == h));
        match heading {
            Some((_, id)) => out.push_str(&format!(".SH {}", i18n::tr(lang, id))),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The descriptions zsh and fish show are the English help's texts: a
/// completion file has no locale of its own.
fn completions(out: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut cmd = super::help::localized(Cli::command(), Lang::En);
    let name = cmd.get_name().to_string();
    [Shell::Bash, Shell::Zsh, Shell::Fish]
        .into_iter()
        .map(|shell| clap_complete::generate_to(shell, &mut cmd, &name, out))
        .collect()
}

fn purge_note(out: &Path) -> std::io::Result<Vec<PathBuf>> {
    let note = Text::new("package-purge-note").arg("dir", PACKAGE_STATE_DIR);
    let text = format!(
        "{}\n\n{}\n",
        i18n::text(Lang::De, &note),
        i18n::text(Lang::En, &note)
    );
    let path = out.join(PURGE_NOTE_FILE);
    std::fs::write(&path, text)?;
    Ok(vec![path])
}
