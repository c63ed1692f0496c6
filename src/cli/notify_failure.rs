//! `praxis-tls notify-failure`: the timer's OnFailure unit (and the cron
//! entry after a failed run) call it, so a run that crashed, hung or was
//! killed still reaches someone by mail. Where `renew` already mailed its
//! own, more precise failure, one mail is enough.

use praxis_tls::core::{Lang, Text};
use praxis_tls::io::mail::Notice;

use super::{Cli, exit, mail, say};

/// `renew` mails at most this long before its failure unit runs.
const RECENT: time::Duration = time::Duration::hours(2);

pub(super) fn run(cli: &Cli, lang: Lang) -> u8 {
    if super::renew::failure_mailed_since(&cli.state_dir, RECENT) {
        tracing::info!("notify-failure: renew already mailed");
        say(lang, &Text::new("cli-notify-already-mailed"));
        return exit::OK;
    }
    let host = nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    tracing::error!(%host, "the scheduled renewal failed");
    let notice = Notice::RunFailed { host };
    if mail::notify(cli, lang, &notice) {
        exit::OK
    } else {
        exit::FAILED
    }
}
