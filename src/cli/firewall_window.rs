//! The firewall window for the responder port during an unattended
//! issuance: opened through the journal (so `undo` and the next start know
//! of it) and closed again by undoing exactly that entry.

use praxis_tls::core::firewall::{Backend, plan_for};
use praxis_tls::core::network::WINDOW_SECS;
use praxis_tls::core::{Lang, Text};
use praxis_tls::i18n;
use praxis_tls::io::firewall;
use praxis_tls::io::journal::{FirewallWindow, Journal};

use super::{Cli, exit, say};

pub(super) struct Open {
    journal: Journal,
    id: u64,
}

/// `Ok(None)`: no firewall is active, nothing to open.
pub(super) fn open(
    cli: &Cli,
    lang: Lang,
    rt: &tokio::runtime::Runtime,
) -> Result<Option<Open>, u8> {
    let cfg = cli.io_config();
    let detection = rt.block_on(firewall::detect(&cfg.firewall));
    let plan = plan_for(&detection, cli.responder_port, WINDOW_SECS);
    if plan.backend == Backend::None {
        say(lang, &Text::new("cli-firewall-none"));
        return Ok(None);
    }
    let mut journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return Err(exit::USAGE);
        }
    };
    // A run that was killed left its window open (it also closes by its
    // timeout). We hold the session lock, so nobody else is using it.
    for stale in journal.open_windows() {
        if let Err(e) = journal.undo(stale.id, false) {
            tracing::warn!("closing a window left open by an earlier run: {e}");
        }
    }
    let port = cli.responder_port.to_string();
    let description = i18n::tr_args(
        lang,
        "cli-firewall-journal",
        &[("port", &port), ("backend", &format!("{:?}", plan.backend))],
    );
    let window = FirewallWindow {
        plan,
        netns: cfg.firewall.netns.clone(),
    };
    match journal.open_window(window, description) {
        Ok(id) => {
            say(
                lang,
                &Text::new("cli-firewall-opened")
                    .arg("port", port)
                    .arg("minutes", (WINDOW_SECS / 60).to_string()),
            );
            Ok(Some(Open { journal, id }))
        }
        Err(e) => {
            say(lang, &e.text());
            Err(exit::FAILED)
        }
    }
}

/// Closes the window; a failure is reported, the rule's timeout closes it
/// anyway. `keep_table`: the practice keeps its port-80 forward, so our
/// nftables table stays as a guard between renewals; otherwise it goes.
pub(super) fn close(lang: Lang, mut open: Open, keep_table: bool) {
    let mut failed = false;
    for (id, result) in open.journal.close_windows(Some(keep_table)) {
        let text = match result {
            Ok(o) if o.reverted() => continue,
            Ok(o) => o.text_or(Text::new("cli-firewall-close-failed")),
            Err(e) => e.text(),
        };
        tracing::error!("closing the firewall window {id} ({}): {text:?}", open.id);
        say(lang, &text);
        failed = true;
    }
    if failed {
        say(lang, &Text::new("cli-firewall-close-failed"));
        return;
    }
    say(lang, &Text::new("cli-firewall-closed"));
    if let Some(guard) = open.journal.guard() {
        say(
            lang,
            &Text::new("cli-firewall-guard-kept").arg("port", guard.port()),
        );
    }
}
