//! The command line in the reader's language: clap's help (`--help`) and
//! its errors say nothing in English to a German reader. The options and
//! commands stay as clap derives them from `args.rs`; this module gives
//! every visible one its text from `i18n/<lang>/cli-help.ftl` (ids in that
//! file's header) and replaces clap's own words — the headings, the
//! placeholders, `[default: …]` — which clap only has in English.

use std::ffi::OsString;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command};
use praxis_tls::core::{Lang, Text};
use praxis_tls::i18n;

/// The language to speak before the command line is understood: `--lang`
/// as it stands in `argv` (if it names one of ours), else the locale.
pub fn language(argv: &[OsString]) -> Lang {
    let mut args = argv.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| super::args::parse_lang(v).ok()) {
            return lang;
        }
    }
    i18n::from_env()
}

/// `cmd` (the derived command line) with every visible text in `lang`.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    let cmd = cmd
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(flag(lang, "version", 'V', ArgAction::Version));
    localize(cmd, lang, None, "praxis-tls")
}

/// `--help` or `--version`, with its text in `lang` (clap's own are English).
fn flag(lang: Lang, name: &'static str, short: char, action: ArgAction) -> Arg {
    Arg::new(name)
        .short(short)
        .long(name)
        .action(action)
        .help(i18n::tr(lang, &format!("cli-arg-{name}")))
}

fn localize(cmd: Command, lang: Lang, sub: Option<&str>, path: &str) -> Command {
    let about = match sub {
        None => "cli-about".to_string(),
        Some(s) => format!("cli-{s}-about"),
    };
    let cmd = cmd
        .about(i18n::tr(lang, &about))
        .disable_help_flag(true)
        .arg(flag(lang, "help", 'h', ArgAction::Help))
        .subcommand_help_heading(i18n::tr(lang, "cli-heading-commands"));
    // Our usage heading looks like clap's other headings; clap takes the
    // styling off again where the output is no terminal.
    let style = *cmd.get_styles().get_usage();
    let mut cmd = cmd.help_template(format!(
        "{{about-with-newline}}\n{}{}{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        i18n::tr(lang, "cli-usage"),
        style.render_reset()
    ));
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        let text = arg_text(lang, sub, id);
        cmd = cmd.mut_arg(id, |a| {
            // The root's options hold for every command: in a command's
            // help they stand apart from its own.
            let heading = if a.is_positional() {
                "cli-heading-arguments"
            } else if sub.is_none() {
                "cli-heading-global"
            } else {
                "cli-heading-options"
            };
            let names: Vec<String> = a
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|n| value_name(lang, n.as_str()))
                .collect();
            let a = a.help(text).help_heading(i18n::tr(lang, heading));
            if !a.get_action().takes_values() {
                return a;
            }
            // The texts name defaults and choices in the reader's words.
            let a = a
                .hide_default_value(true)
                .hide_env(true)
                .hide_possible_values(true);
            if names.is_empty() {
                a
            } else {
                a.value_names(names)
            }
        });
    }
    let line = usage(&cmd, lang, path);
    cmd = cmd.override_usage(line);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| localize(s, lang, Some(&name), &sub_path));
    }
    cmd
}

/// An option of a command has its own text where it means something else
/// there (`--yes`, `--domain`); a shared one (`--no-firewall`) has one.
fn arg_text(lang: Lang, sub: Option<&str>, id: &str) -> String {
    let id = id.replace('_', "-");
    let own = sub.map(|s| format!("cli-{s}-{id}"));
    let key = match own {
        Some(k) if i18n::has(Lang::En, &k) => k,
        _ => format!("cli-arg-{id}"),
    };
    i18n::text(
        lang,
        &Text::new(key).num("port", praxis_tls::core::DEFAULT_RESPONDER_PORT),
    )
}

/// `HOST:PORT` → `cli-value-host-port`.
fn value_name(lang: Lang, name: &str) -> String {
    let id = format!("cli-value-{}", name.to_lowercase().replace(['_', ':'], "-"));
    if i18n::has(lang, &id) {
        i18n::tr(lang, &id)
    } else {
        name.to_string()
    }
}

/// clap writes `[OPTIONS]` and `[COMMAND]` into the usage line; ours are
/// in the reader's language. Positional values follow by their names.
fn usage(cmd: &Command, lang: Lang, path: &str) -> String {
    let mut line = format!("{path} {}", i18n::tr(lang, "cli-usage-options"));
    for a in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        for n in a.get_value_names().unwrap_or_default() {
            line.push_str(&format!(" <{}>", value_name(lang, n.as_str())));
        }
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        line.push(' ');
        line.push_str(&i18n::tr(lang, "cli-usage-command"));
    }
    line
}

/// What to say for a command line clap refused, in `lang`: help and
/// version as clap prints them (already ours), everything else in our
/// words, with the help to look at (that of the command `sub`, if one
/// was named).
pub fn error_text(e: &clap::Error, lang: Lang, sub: Option<&str>) -> Option<String> {
    let ctx = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let said = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => {
            Text::new("cli-error-unknown-argument").arg("arg", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => Text::new("cli-error-unknown-command")
            .arg("command", ctx(ContextKind::InvalidSubcommand)),
        // clap's word for an option given without its value.
        ErrorKind::InvalidValue if ctx(ContextKind::InvalidValue).is_empty() => {
            Text::new("cli-error-value-missing").arg("arg", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            Text::new("cli-error-invalid-value")
                .arg("value", ctx(ContextKind::InvalidValue))
                .arg("arg", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::MissingRequiredArgument => {
            Text::new("cli-error-missing").arg("args", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => Text::new("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => Text::new("cli-error-conflict")
            .arg("arg", ctx(ContextKind::InvalidArg))
            .arg("other", ctx(ContextKind::PriorArg)),
        _ => Text::new("cli-error-other"),
    };
    let command = match sub {
        Some(name) => format!("praxis-tls {name}"),
        None => "praxis-tls".to_string(),
    };
    let help = Text::new("cli-error-see-help").arg("help", format!("{command} --help"));
    Some(format!(
        "{}\n{}",
        i18n::text(lang, &said),
        i18n::text(lang, &help)
    ))
}
