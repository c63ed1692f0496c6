//! `praxis-tls report`: the redacted support bundle.

use praxis_tls::core::{Lang, Text};
use praxis_tls::io::report::{collect_versions, write_bundle};
use time::OffsetDateTime;

use super::args::ReportArgs;
use super::{Cli, exit, say};

pub(super) fn run(cli: &Cli, lang: Lang, a: &ReportArgs) -> u8 {
    let out = a.out.clone().unwrap_or_else(|| cli.state_dir.clone());
    if let Err(e) = std::fs::create_dir_all(&out) {
        say(
            lang,
            &Text::new("cli-report-failed")
                .arg("path", out.display().to_string())
                .arg("detail", e.to_string()),
        );
        return exit::FAILED;
    }
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let versions = rt.block_on(collect_versions());
    match write_bundle(&cli.state_dir, &out, &versions, OffsetDateTime::now_utc()) {
        Ok(bundle) => {
            say(lang, &bundle.text());
            println!("{}", bundle.path.display());
            exit::OK
        }
        Err(e) => {
            say(lang, &e.text());
            exit::FAILED
        }
    }
}
