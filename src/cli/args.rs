//! The clap types: global flags, the subcommands and their options.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use praxis_tls::core::Lang;
use praxis_tls::core::model::certificate::AcmeEnv;
use praxis_tls::io::acme::DirectoryChoice;
use praxis_tls::io::exec::IoConfig;

#[derive(Parser, Debug)]
#[command(
    name = "praxis-tls",
    version,
    about = "Publishes the Elexis-OOB appointment service with a trusted certificate"
)]
pub struct Cli {
    /// Where the wizard keeps its state, journal, keys and log.
    #[arg(
        long,
        global = true,
        env = "PRAXIS_TLS_STATE_DIR",
        value_name = "DIR",
        default_value = "/var/lib/praxis-tls"
    )]
    pub state_dir: PathBuf,
    /// Language: de, de-CH or en (default: from LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Nameserver for the DNS checks, HOST:PORT (default: the system's).
    #[arg(long, global = true, value_name = "HOST:PORT", value_parser = parse_server)]
    pub dns_server: Option<SocketAddr>,
    /// Seconds to wait for each DNS answer.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 5)]
    pub dns_timeout: u64,
    /// Port of the ACME challenge responder on this server.
    #[arg(
        long,
        global = true,
        value_name = "PORT",
        default_value_t = praxis_tls::core::DEFAULT_RESPONDER_PORT
    )]
    pub responder_port: u16,
    /// The router's external port for the challenge (80; a lab may differ).
    #[arg(long, global = true, value_name = "PORT", default_value_t = 80)]
    pub probe_port: u16,
    /// A DNS server answering `myip.opendns.com` with the asking address,
    /// HOST:PORT (replaces the public services; for labs and tests).
    #[arg(long, global = true, value_name = "HOST:PORT", value_parser = parse_server)]
    pub public_ip_dns: Option<SocketAddr>,
    /// An HTTP service answering the asking address as text, HOST:PORT/PATH.
    #[arg(long, global = true, value_name = "URL")]
    pub public_ip_url: Option<String>,
    /// An ACME directory to use instead of Let's Encrypt (staging and
    /// production both go there), e.g. a test CA.
    #[arg(long, global = true, value_name = "URL", requires = "acme_root")]
    pub acme_directory: Option<String>,
    /// The root certificate (PEM) that signs that directory's HTTPS.
    #[arg(long, global = true, value_name = "PEM", requires = "acme_directory")]
    pub acme_root: Option<PathBuf>,
    /// Run firewall commands inside this network namespace (lab and tests).
    #[arg(long, global = true, hide = true)]
    pub firewall_netns: Option<String>,
    /// The wizard's final check: the port (443; a lab maps its own), and a
    /// CA file to trust instead of the system's (a test CA). The address is
    /// always the name's, resolved at the moment of the check.
    #[arg(long = "check-port", global = true, hide = true, default_value_t = 443)]
    pub check_port: u16,
    #[arg(long = "check-ca", global = true, hide = true)]
    pub check_ca: Option<PathBuf>,
    /// Where the UPnP search for the router goes instead of the multicast
    /// group, HOST:PORT (labs and tests, which must not multicast).
    #[arg(long, global = true, hide = true)]
    pub upnp_ssdp: Option<SocketAddr>,
    /// Where the router's start page is asked for its title instead of
    /// port 80 of the default gateway, HOST:PORT (labs and tests). With
    /// `--upnp-ssdp` and without this, no start page is asked at all: a lab
    /// that moved the router search has no real router to knock on.
    #[arg(long, global = true, hide = true)]
    pub router_page: Option<SocketAddr>,
    /// Let the responder listen on this IPv4 address only (lab and tests).
    #[arg(long, global = true, hide = true)]
    pub responder_bind: Option<IpAddr>,
    /// Wait this long after the production order is saved (tests that
    /// interrupt an issuance).
    #[arg(long, global = true, hide = true)]
    pub pause_after_order_ms: Option<u64>,
    /// Kill this process (SIGKILL) right after its N-th write of the
    /// resume file (tests that interrupt the wizard at every transition).
    #[arg(long, global = true, hide = true, value_name = "N")]
    pub test_kill_after_saves: Option<u64>,
    /// An answers file: the wizard starts with what it answers filled in
    /// and stops, for the person, where it says nothing.
    #[arg(long, global = true, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The root of the file system the renewal run is set up in (tests).
    #[arg(
        long = "system-root",
        alias = "root",
        global = true,
        hide = true,
        default_value = "/"
    )]
    pub system_root: PathBuf,
    /// More detail in the log file (and the system journal under systemd):
    /// -v for debug, -vv for trace. PRAXIS_TLS_LOG=<level> sets it too,
    /// e.g. PRAXIS_TLS_LOG=debug.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Reverts every change the wizard made, newest first.
    Undo {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// Also revert files someone else changed since (their version is kept).
        #[arg(long)]
        force: bool,
    },
    /// Gets a certificate from Let's Encrypt without questions
    /// (a staging dry run first, then production).
    Certificate(CertificateArgs),
    /// Renews the installed certificate when it is due (safe to run daily).
    Renew(RenewArgs),
    /// Shows how long the certificate is still valid (for monitoring).
    Status(StatusArgs),
    /// Runs the live checks that change nothing (DNS, public address, firewall).
    Check(CheckArgs),
    /// Writes a support bundle without keys or passwords.
    Report(ReportArgs),
    /// Replays an answers file without a terminal, up to the first step it
    /// does not answer or that fails.
    Replay(ReplayArgs),
    /// Stores where the failure and reminder mails go (and sends a test).
    Mail(super::mail::MailArgs),
    /// Sets up the renewal run twice a day (systemd timer or cron).
    Schedule(super::schedule::ScheduleArgs),
    /// Mails that the scheduled renewal failed (the timer's OnFailure unit
    /// and the cron entry call it).
    NotifyFailure,
    /// Writes the man page, the shell completions or the purge note
    /// (for building the package).
    #[command(hide = true)]
    Generate(super::generate::GenerateArgs),
}

#[derive(Args, Debug)]
pub struct ReplayArgs {
    /// The answers file (TOML), e.g. the answers.toml of an earlier run.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Do not ask before starting.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args, Debug)]
pub struct CertificateArgs {
    /// The name the certificate is for, e.g. termine.praxis-muster.ch.
    #[arg(long, value_name = "NAME")]
    pub domain: String,
    /// Contact address for the ACME account (needed for a new account).
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Only the staging dry run (no trusted certificate, no rate limit).
    #[arg(long)]
    pub staging: bool,
    /// Accept the certificate authority's terms of service.
    #[arg(long)]
    pub accept_terms: bool,
    /// Where the certificate and key files go (default: <state-dir>/certs).
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Do not open the firewall for the responder port.
    #[arg(long)]
    pub no_firewall: bool,
    /// Also install the certificate into the proxy, restart it when needed
    /// and check it from outside (as `renew` does).
    #[arg(long, conflicts_with = "staging")]
    pub install: bool,
    #[command(flatten)]
    pub final_check: super::golive::FinalArgs,
}

#[derive(Args, Debug)]
pub struct RenewArgs {
    /// Do not open the firewall for the responder port.
    #[arg(long)]
    pub no_firewall: bool,
    /// Run the whole renewal against Let's Encrypt's staging service and
    /// install nothing (the certificate is not trusted; no rate limit).
    #[arg(long, conflicts_with = "force")]
    pub dry_run: bool,
    /// Renew now even when not due (within the once-a-day guard and the
    /// CA's rate limits).
    #[arg(long)]
    pub force: bool,
    /// A command to run after each successful renewal, e.g. to reload a
    /// service; kept for the scheduled runs. It gets RENEWED_LINEAGE (the
    /// folder of the files) and RENEWED_DOMAINS, as with certbot. An empty
    /// value removes it.
    #[arg(long, value_name = "CMD")]
    pub deploy_hook: Option<String>,
    #[command(flatten)]
    pub final_check: super::golive::FinalArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Nagios,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    pub format: Format,
    /// WARNING at this many days left or fewer.
    #[arg(short = 'w', long = "warning", value_name = "DAYS")]
    pub warning: Option<i64>,
    /// CRITICAL at this many days left or fewer.
    #[arg(short = 'c', long = "critical", value_name = "DAYS")]
    pub critical: Option<i64>,
    /// Also look from the patients' side now: resolve the name, connect to
    /// every address (A and AAAA), and compare what each one serves.
    #[arg(long)]
    pub live: bool,
    #[command(flatten)]
    pub final_check: super::golive::FinalArgs,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The name to check (default: the one the wizard was given).
    #[arg(long, value_name = "NAME")]
    pub domain: Option<String>,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Where the bundle goes (default: the state directory).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

impl Cli {
    pub fn io_config(&self) -> IoConfig {
        use praxis_tls::io::dns::DnsConfig;
        use praxis_tls::io::public_ip::{DnsEndpoint, DnsQuery, HttpEndpoint};
        let dns = DnsConfig {
            server: self.dns_server,
            timeout: Duration::from_secs(self.dns_timeout.max(1)),
        };
        let mut cfg = IoConfig::new(&self.state_dir, dns);
        cfg.responder_port = self.responder_port;
        cfg.responder_bind = self.responder_bind;
        cfg.probe_port = self.probe_port;
        if self.public_ip_dns.is_some() || self.public_ip_url.is_some() {
            let dns: Vec<DnsEndpoint> = self
                .public_ip_dns
                .iter()
                .map(|server| DnsEndpoint {
                    server: *server,
                    name: "myip.opendns.com.".into(),
                    query: DnsQuery::Address,
                })
                .collect();
            let http: Vec<HttpEndpoint> = self
                .public_ip_url
                .iter()
                .filter_map(|u| parse_http(u))
                .collect();
            cfg.discovery.v4_dns = dns.clone();
            cfg.discovery.v6_dns = dns;
            cfg.discovery.v4_http = http.clone();
            cfg.discovery.v6_http = http;
        }
        if let Some(ns) = &self.firewall_netns {
            cfg.firewall = praxis_tls::io::firewall::Runner::in_netns(ns);
        }
        // The real program looks at its own router; a lab only at its own.
        cfg.router.enabled = self.upnp_ssdp.is_none() || self.router_page.is_some();
        cfg.router.page_at = self.router_page;
        cfg.router.reverse_dns = true;
        if let Some(target) = self.upnp_ssdp {
            cfg.upnp.ssdp_target = target;
            cfg.upnp.discovery_timeout = Duration::from_millis(300);
        }
        cfg.system_root = self.system_root.clone();
        cfg.final_port = self.check_port;
        if let Some(ca) = &self.check_ca {
            cfg.final_roots = praxis_tls::io::verify::Roots::CaFile(ca.clone());
        }
        // The wizard's certificate step uses the same CA as the commands.
        cfg.acme_staging = self.directory(AcmeEnv::Staging);
        cfg.acme_production = self.directory(AcmeEnv::Production);
        cfg
    }

    /// Let's Encrypt, or the custom directory for both environments.
    pub fn directory(&self, env: AcmeEnv) -> DirectoryChoice {
        match (&self.acme_directory, &self.acme_root, env) {
            (Some(url), Some(root), _) => DirectoryChoice::Custom {
                url: url.clone(),
                root_pem: root.clone(),
            },
            (_, _, AcmeEnv::Staging) => DirectoryChoice::LetsEncryptStaging,
            (_, _, AcmeEnv::Production) => DirectoryChoice::LetsEncryptProduction,
        }
    }
}

/// `[https://|http://]HOST:PORT/PATH` (plain HTTP without a scheme).
fn parse_http(s: &str) -> Option<praxis_tls::io::public_ip::HttpEndpoint> {
    let https = s.starts_with("https://");
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let (hostport, path) = s
        .split_once('/')
        .map_or((s, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let (host, port) = hostport
        .rsplit_once(':')
        .map_or((hostport, Some(if https { 443 } else { 80 })), |(h, p)| {
            (h, p.parse().ok())
        });
    Some(praxis_tls::io::public_ip::HttpEndpoint {
        host: host.to_string(),
        port: port?,
        path,
        https,
        ca_file: None,
    })
}

pub(super) fn parse_lang(s: &str) -> Result<Lang, String> {
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

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::Cli;

    fn router(args: &[&str]) -> praxis_tls::io::router::RouterProbeConfig {
        let argv = std::iter::once("praxis-tls").chain(args.iter().copied());
        match Cli::try_parse_from(argv) {
            Ok(cli) => cli.io_config().router,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn the_router_is_looked_at_only_where_it_is_real() {
        let real = router(&[]);
        assert!(real.enabled && real.reverse_dns && real.page_at.is_none());
        let lab = router(&["--upnp-ssdp", "127.0.0.1:9"]);
        assert!(!lab.enabled, "a lab has no real router to knock on");
        let page = router(&[
            "--upnp-ssdp",
            "127.0.0.1:9",
            "--router-page",
            "127.0.0.1:8080",
        ]);
        assert!(page.enabled);
        assert_eq!(page.page_at, Some("127.0.0.1:8080".parse().unwrap()));
    }
}
