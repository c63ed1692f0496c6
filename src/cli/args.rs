//! The clap types: global flags, the subcommands and their options.
//! What each visible one means is said once, in both languages, by the
//! Fluent messages `help.rs` gives it (`i18n/*/cli-help.ftl`: `cli-about`,
//! `cli-<command>-about`, `cli-<command>-<option>`, `cli-arg-<option>`);
//! only the hidden options for labs and tests are described here.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use praxis_tls::core::Lang;
use praxis_tls::core::model::certificate::AcmeEnv;
use praxis_tls::io::acme::DirectoryChoice;
use praxis_tls::io::exec::IoConfig;

#[derive(Parser, Debug)]
#[command(name = "praxis-tls", version)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        env = "PRAXIS_TLS_STATE_DIR",
        value_name = "DIR",
        default_value = "/var/lib/praxis-tls"
    )]
    pub state_dir: PathBuf,
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[arg(long, global = true, value_name = "HOST:PORT", value_parser = parse_server)]
    pub dns_server: Option<SocketAddr>,
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 5)]
    pub dns_timeout: u64,
    #[arg(
        long,
        global = true,
        value_name = "PORT",
        default_value_t = praxis_tls::core::DEFAULT_RESPONDER_PORT
    )]
    pub responder_port: u16,
    #[arg(long, global = true, value_name = "PORT", default_value_t = 80)]
    pub probe_port: u16,
    #[arg(long, global = true, value_name = "HOST:PORT", value_parser = parse_server)]
    pub public_ip_dns: Option<SocketAddr>,
    #[arg(long, global = true, value_name = "URL")]
    pub public_ip_url: Option<String>,
    #[arg(long, global = true, value_name = "URL", requires = "acme_root")]
    pub acme_directory: Option<String>,
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
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Undo {
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        force: bool,
    },
    Certificate(CertificateArgs),
    Renew(RenewArgs),
    Status(StatusArgs),
    Check(CheckArgs),
    Report(ReportArgs),
    Replay(ReplayArgs),
    Mail(super::mail::MailArgs),
    Schedule(super::schedule::ScheduleArgs),
    NotifyFailure,
    /// Writes the man page, the shell completions or the purge note
    /// (for building the package).
    #[command(hide = true)]
    Generate(super::generate::GenerateArgs),
}

#[derive(Args, Debug)]
pub struct ReplayArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args, Debug)]
pub struct CertificateArgs {
    #[arg(long, value_name = "NAME")]
    pub domain: String,
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    #[arg(long)]
    pub staging: bool,
    #[arg(long)]
    pub accept_terms: bool,
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    #[arg(long)]
    pub no_firewall: bool,
    #[arg(long, conflicts_with = "staging")]
    pub install: bool,
    #[command(flatten)]
    pub final_check: super::golive::FinalArgs,
}

#[derive(Args, Debug)]
pub struct RenewArgs {
    #[arg(long)]
    pub no_firewall: bool,
    #[arg(long, conflicts_with = "force")]
    pub dry_run: bool,
    #[arg(long)]
    pub force: bool,
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
    #[arg(short = 'w', long = "warning", value_name = "DAYS")]
    pub warning: Option<i64>,
    #[arg(short = 'c', long = "critical", value_name = "DAYS")]
    pub critical: Option<i64>,
    #[arg(long)]
    pub live: bool,
    #[command(flatten)]
    pub final_check: super::golive::FinalArgs,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[arg(long, value_name = "NAME")]
    pub domain: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
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
