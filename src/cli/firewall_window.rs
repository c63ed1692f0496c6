//! The firewall window for the responder port during an unattended
//! issuance: which one (detected here, read only), and what became of it.
//! The core puts the plan into the issuance (`core::unattended`), io opens
//! it through the journal (so `undo` and the next start know of it), and
//! the driver closes it at the end, exactly as in the wizard.

use praxis_tls::core::library::firewall::{Backend, FirewallPlan, plan_for};
use praxis_tls::core::model::network::WINDOW_SECS;
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::firewall;
use praxis_tls::io::journal::Journal;

use super::{Cli, exit, say};

/// The window this run needs; `Ok(None)`: no firewall is active. A window
/// an earlier, killed run left open is closed first (it also closes by
/// its timeout); we hold the session lock, so nobody else is using it.
pub(super) fn plan(
    cli: &Cli,
    lang: Lang,
    rt: &tokio::runtime::Runtime,
) -> Result<Option<FirewallPlan>, u8> {
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
    for stale in journal.open_windows() {
        if let Err(e) = journal.undo(stale.id, false) {
            tracing::warn!("closing a window left open by an earlier run: {e}");
        }
    }
    Ok(Some(plan))
}

/// The window is open (the core asked for it with the first order).
pub(super) fn opened(cli: &Cli, lang: Lang) {
    say(
        lang,
        &Text::new("cli-firewall-opened")
            .num("port", cli.responder_port)
            .num("minutes", WINDOW_SECS / 60),
    );
}

/// After the driver closed the windows: whether every one is closed, and
/// the guard table when the practice keeps its port-80 forward.
pub(super) fn report_closed(cli: &Cli, lang: Lang) {
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            say(lang, &e.text());
            return;
        }
    };
    if !journal.open_windows().is_empty() {
        tracing::error!("a firewall window is still open");
        say(lang, &Text::new("cli-firewall-close-failed"));
        return;
    }
    say(lang, &Text::new("cli-firewall-closed"));
    if let Some(guard) = journal.guard() {
        say(
            lang,
            &Text::new("cli-firewall-guard-kept").arg("port", guard.port()),
        );
    }
}
