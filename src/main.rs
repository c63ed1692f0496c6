//! praxis-tls: with no subcommand, the wizard; subcommands run one part
//! without questions.

use std::io::{self, BufRead, Write};
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use praxis_tls::core::{Lang, Msg, Wizard};
use praxis_tls::i18n;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::{self, Journal};
use praxis_tls::io::lock::Lock;
use praxis_tls::io::store::Store;
use praxis_tls::ui::app::{App, Exit};
use praxis_tls::ui::{Theme, ViewCtx};
use time::OffsetDateTime;

#[derive(Parser, Debug)]
#[command(
    name = "praxis-tls",
    version,
    about = "Publishes the Elexis-OOB appointment service with a trusted certificate"
)]
struct Cli {
    /// Where the wizard keeps its state, journal, keys and log.
    #[arg(
        long,
        global = true,
        env = "PRAXIS_TLS_STATE_DIR",
        default_value = "/var/lib/praxis-tls"
    )]
    state_dir: PathBuf,
    /// Language: de, de-CH or en (default: from LANG).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Nameserver for the DNS checks, HOST:PORT (default: the system's).
    #[arg(long, global = true, value_parser = parse_server)]
    dns_server: Option<SocketAddr>,
    /// Seconds to wait for each DNS answer.
    #[arg(long, global = true, default_value_t = 5)]
    dns_timeout: u64,
    /// Port of the ACME challenge responder on this server.
    #[arg(long, global = true, default_value_t = praxis_tls::core::DEFAULT_RESPONDER_PORT)]
    responder_port: u16,
    /// The router's external port for the challenge (80; a lab may differ).
    #[arg(long, global = true, default_value_t = 80)]
    probe_port: u16,
    /// A DNS server answering `myip.opendns.com` with the asking address,
    /// HOST:PORT (replaces the public services; for labs and tests).
    #[arg(long, global = true, value_parser = parse_server)]
    public_ip_dns: Option<SocketAddr>,
    /// An HTTP service answering the asking address as text, HOST:PORT/PATH.
    #[arg(long, global = true)]
    public_ip_url: Option<String>,
    /// Run firewall commands inside this network namespace (lab and tests).
    #[arg(long, global = true, hide = true)]
    firewall_netns: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

fn io_config(cli: &Cli) -> IoConfig {
    use praxis_tls::io::dns::DnsConfig;
    use praxis_tls::io::public_ip::{DnsEndpoint, DnsQuery, HttpEndpoint};
    let dns = DnsConfig {
        server: cli.dns_server,
        timeout: Duration::from_secs(cli.dns_timeout.max(1)),
    };
    let mut cfg = IoConfig::new(&cli.state_dir, dns);
    cfg.responder_port = cli.responder_port;
    cfg.probe_port = cli.probe_port;
    if cli.public_ip_dns.is_some() || cli.public_ip_url.is_some() {
        let dns: Vec<DnsEndpoint> = cli
            .public_ip_dns
            .iter()
            .map(|server| DnsEndpoint {
                server: *server,
                name: "myip.opendns.com.".into(),
                query: DnsQuery::Address,
            })
            .collect();
        let http: Vec<HttpEndpoint> = cli
            .public_ip_url
            .iter()
            .filter_map(|u| parse_http(u))
            .collect();
        cfg.discovery.v4_dns = dns.clone();
        cfg.discovery.v6_dns = dns;
        cfg.discovery.v4_http = http.clone();
        cfg.discovery.v6_http = http;
    }
    if let Some(ns) = &cli.firewall_netns {
        cfg.firewall = praxis_tls::io::firewall::Runner::in_netns(ns);
    }
    cfg
}

/// `HOST:PORT/PATH` (an `http://` in front is fine).
fn parse_http(s: &str) -> Option<praxis_tls::io::public_ip::HttpEndpoint> {
    let s = s.strip_prefix("http://").unwrap_or(s);
    let (hostport, path) = s
        .split_once('/')
        .map_or((s, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let (host, port) = hostport
        .rsplit_once(':')
        .map_or((hostport, Some(80)), |(h, p)| (h, p.parse().ok()));
    Some(praxis_tls::io::public_ip::HttpEndpoint {
        host: host.to_string(),
        port: port?,
        path,
    })
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Reverts every change the wizard made, newest first.
    Undo {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// Also revert files someone else changed since (their version is kept).
        #[arg(long)]
        force: bool,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "de" => Ok(Lang::De),
        "de-CH" | "de-ch" | "de_CH" => Ok(Lang::DeCh),
        "en" => Ok(Lang::En),
        _ => Err("de, de-CH, en".into()),
    }
}

fn parse_server(s: &str) -> Result<SocketAddr, String> {
    s.to_socket_addrs()
        .map_err(|e| format!("{s}: {e}"))?
        .next()
        .ok_or_else(|| format!("{s}: no address"))
}

fn main() -> ExitCode {
    // Two providers in the tree and none chosen would panic at the first TLS use.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(i18n::from_env);
    let say = |id: &str, args: &[(&str, &str)]| eprintln!("{}", i18n::tr_args(lang, id, args));

    let store = match Store::open(&cli.state_dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            return ExitCode::from(2);
        }
    };
    init_log(&cli.state_dir);
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "start");

    let code = match cli.command {
        // `run_undo` holds the session lock itself.
        Some(Command::Undo { yes, force }) => undo(&cli.state_dir, lang, yes, force),
        None => {
            let _lock = match Lock::acquire(&cli.state_dir) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("{}", i18n::text(lang, &e.text()));
                    return ExitCode::from(3);
                }
            };
            wizard(&cli, store, lang)
        }
    };
    if code != ExitCode::SUCCESS {
        say(
            "cli-see-log",
            &[("path", &cli.state_dir.join(LOG_FILE).display().to_string())],
        );
    }
    code
}

const LOG_FILE: &str = "praxis-tls.log";

/// The log goes to a file: the screen belongs to the person.
fn init_log(dir: &Path) {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(dir.join(LOG_FILE));
    if let Ok(file) = file {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("PRAXIS_TLS_LOG")
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
            )
            .try_init();
    }
}

fn wizard(cli: &Cli, store: Store, lang: Lang) -> ExitCode {
    let now = OffsetDateTime::now_utc();
    let wizard = match store.load() {
        // `load` hands back a wizard already prepared for resuming.
        Ok(Some(mut w)) => {
            if let Some(l) = cli.lang {
                w.lang = l;
            }
            w
        }
        Ok(None) => Wizard::new(lang, now),
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            return ExitCode::from(2);
        }
    };
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let cfg = io_config(cli);
    let _guard = runtime.enter();
    let exec = Executor::new(cfg, journal, tx);
    let pending = exec.pending();
    let startup = if pending.is_empty() {
        Vec::new()
    } else {
        vec![Msg::PendingChanges(pending)]
    };
    let ctx = ViewCtx {
        theme: Theme::from_env(),
        server: nix::unistd::gethostname()
            .ok()
            .and_then(|h| h.into_string().ok())
            .unwrap_or_default(),
        responder_port: praxis_tls::core::DEFAULT_RESPONDER_PORT,
        ..ViewCtx::default()
    };
    let app = App {
        wizard,
        store,
        exec,
        ctx,
    };
    // ratatui::try_init also restores the terminal on a panic.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "{}",
                i18n::tr_args(lang, "cli-no-terminal", &[("reason", &e.to_string())])
            );
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(app.run(&mut terminal, rx, startup));
    ratatui::restore();
    runtime.shutdown_timeout(Duration::from_millis(200));
    match result {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Hangup) => {
            tracing::info!("terminal closed or signal: state is saved");
            ExitCode::from(129)
        }
        Err(e) => {
            tracing::error!("terminal: {e}");
            ExitCode::from(1)
        }
    }
}

fn undo(state_dir: &Path, lang: Lang, yes: bool, force: bool) -> ExitCode {
    let confirm = |entries: &[journal::Entry]| -> bool {
        println!("{}", i18n::tr(lang, "cli-undo-list"));
        for e in entries {
            println!("  - {}", e.description);
        }
        if yes {
            return true;
        }
        print!("{} ", i18n::text(lang, &journal::confirm_text(entries)));
        let _ = io::stdout().flush();
        let mut line = String::new();
        if io::stdin().lock().read_line(&mut line).is_err() {
            return false;
        }
        matches!(
            line.trim().to_lowercase().as_str(),
            "j" | "ja" | "y" | "yes"
        )
    };
    let report = |r: &journal::UndoReport| println!("  {}", i18n::text(lang, &r.text()));
    match journal::run_undo(state_dir, force, confirm, report) {
        Ok(summary) if summary.planned.is_empty() => {
            println!("{}", i18n::tr(lang, "cli-undo-nothing"));
            ExitCode::SUCCESS
        }
        Ok(summary) if !summary.confirmed => ExitCode::SUCCESS,
        Ok(summary) => {
            let failed = summary
                .reports
                .iter()
                .filter(|r| !r.outcome.reverted())
                .count();
            let done = summary.reports.len() - failed;
            println!(
                "{}",
                i18n::tr_args(lang, "cli-undo-done", &[("count", &done.to_string())])
            );
            if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("{}", i18n::text(lang, &e.text()));
            ExitCode::from(1)
        }
    }
}
