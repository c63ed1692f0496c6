//! `praxis-tls status`: how long the installed certificates are still valid,
//! for people (text), scripts (json) and monitoring (nagios). Reads the
//! state without the session lock and writes nothing.

use praxis_tls::core::Lang;
use praxis_tls::core::library::status::{
    self, CertRecord, FileState, ReadError, State, Thresholds,
};
use praxis_tls::i18n;
use time::OffsetDateTime;

use super::args::{Format, StatusArgs};
use super::{Cli, exit, read_state, say};

/// What is on disk at the recorded path, compared with the record.
fn on_disk(r: &CertRecord) -> FileState {
    match std::fs::read(&r.path_crt) {
        Ok(bytes) => status::file_state(r, Ok(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            status::file_state(r, Err(ReadError::NotFound))
        }
        Err(e) => status::file_state(r, Err(ReadError::Other(e.to_string()))),
    }
}

pub(super) fn run(cli: &Cli, lang: Lang, a: &StatusArgs) -> u8 {
    let mut undone_at = None;
    let installed: Vec<(CertRecord, FileState)> = match read_state(&cli.state_dir) {
        // The appointment service's certificate, then those of the other
        // systems that `renew` keeps valid (Express Gateway).
        Ok(w) => w
            .map(|w| {
                undone_at = w.golive.undone_at;
                let others = w.systems.done.into_iter().filter_map(|d| d.certificate);
                w.certificate.installed.into_iter().chain(others).collect()
            })
            .unwrap_or_else(Vec::new)
            .into_iter()
            .map(|r: CertRecord| {
                let f = on_disk(&r);
                (r, f)
            })
            .collect(),
        Err(t) => {
            // NRPE and MRPE pass on stdout only: the cause goes there, on
            // the one line the monitoring shows.
            if a.format == Format::Nagios {
                println!("{}", unknown_line(&i18n::text(lang, &t)));
                return State::Unknown.exit_code();
            }
            // Still answer in the requested format: UNKNOWN.
            say(lang, &t);
            Vec::new()
        }
    };
    let thresholds = Thresholds {
        warning_days: a.warning,
        critical_days: a.critical,
    };
    let mut report = status::evaluate(&installed, thresholds, OffsetDateTime::now_utc());
    if let Ok(running) = std::env::current_exe() {
        let facts = praxis_tls::io::schedule::inspect_schedule(&cli.system_root, &running);
        let state = super::schedule::state_dir(cli);
        report = report.with_schedule(praxis_tls::core::library::schedule::judge(&facts, &state));
    }
    let live = if a.live {
        live_now(cli, a, &report)
    } else {
        praxis_tls::io::live::load(&cli.state_dir)
    };
    report = report.with_live(live);
    // Read without the lock, like the rest: status never writes.
    let guard = praxis_tls::io::journal::Journal::open(&cli.state_dir)
        .ok()
        .and_then(|j| j.guard().map(|g| status::FirewallGuard::new(g.port())));
    report = report.with_firewall_guard(guard).with_undone(undone_at);
    match a.format {
        Format::Text => {
            for t in report.texts() {
                println!("{}", i18n::text(lang, &t));
            }
        }
        Format::Json => println!("{}", report.to_json()),
        Format::Nagios => println!("{}", report.nagios()),
    }
    report.exit_code()
}

/// The patients' check, now, against the first certificate (the
/// appointment service's). Nothing is written: `status` only reads.
fn live_now(cli: &Cli, a: &StatusArgs, report: &status::StatusReport) -> Option<status::LiveCheck> {
    use praxis_tls::io::verify::Roots;
    use praxis_tls::io::verify::exposure::INTERNAL_PORTS;
    use praxis_tls::io::verify::patients::{self, Lookout};
    let cert = report.certificates.first()?;
    // Without hairpin NAT the practice's own address is checked on this
    // server instead of being reported as unreachable.
    let own: Vec<std::net::IpAddr> = read_state(&cli.state_dir)
        .ok()
        .flatten()
        .map(|w| {
            w.network
                .public_v4
                .map(std::net::IpAddr::V4)
                .into_iter()
                .chain(w.network.public_v6.map(std::net::IpAddr::V6))
                .collect()
        })
        .unwrap_or_default();
    let rt = super::runtime().ok()?;
    let dns = cli.io_config().dns;
    let roots = a
        .final_check
        .final_ca
        .clone()
        .map_or(Roots::System, Roots::CaFile);
    let l = Lookout {
        host: &cert.domain,
        port: a.final_check.final_port,
        dns: &dns,
        roots: &roots,
        expected: Some(&cert.fingerprint_sha256),
        own: &own,
        local_name: "",
        ports: &INTERNAL_PORTS,
        timeout: std::time::Duration::from_secs(5),
        settle: std::time::Duration::ZERO,
    };
    let r = rt.block_on(patients::check(&l));
    Some(status::LiveCheck::judge(
        OffsetDateTime::now_utc(),
        &r.termine(),
        &r.exposure(),
        r.addresses.iter().map(|x| x.address.to_string()).collect(),
    ))
}

/// The service name of the lines `status --format nagios` prints.
const SERVICE: &str = "TLS";

/// A Nagios line for a state nothing could be judged in.
fn unknown_line(cause: &str) -> String {
    let cause: String = cause
        .chars()
        .map(|c| match c {
            // `|` would start the performance data.
            '|' => '/',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect();
    format!("{SERVICE} {}: {}", State::Unknown.label(), cause.trim())
}

/// A command line clap refuses, said in `lang` on stderr. For `status`,
/// what monitoring runs, the plugin rules apply as well: one line on
/// stdout and UNKNOWN (clap's own 2 would read as CRITICAL). Help and
/// version print as clap renders them (in `lang`, see `help.rs`), exit 0.
pub(super) fn usage_error(e: &clap::Error, lang: Lang) -> u8 {
    use clap::CommandFactory;
    let matches = Cli::command().ignore_errors(true).try_get_matches().ok();
    let sub = matches.as_ref().and_then(|m| m.subcommand_name());
    let Some(text) = super::help::error_text(e, lang, sub) else {
        let _ = e.print();
        return u8::try_from(e.exit_code()).unwrap_or(exit::USAGE);
    };
    eprintln!("{text}");
    if sub != Some("status") {
        return exit::USAGE;
    }
    let cause = text.lines().next().unwrap_or_default();
    println!("{}", unknown_line(&format!("praxis-tls status: {cause}")));
    State::Unknown.exit_code()
}
