//! Restart and final check of the go-live.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::mpsc::UnboundedSender;

use super::Site;
use super::docker::{Docker, check_generation, derived_project};
use super::error::GoLiveError;
use crate::core::library::compose_override::{labels, parse_yaml, proxy_service, services};
use crate::core::{Finding, Outcome};
use crate::io::compose::{self, Compose};
use crate::io::restart::{self, RestartEvent, RestartSpec};
use crate::io::verify::exposure::{self, HostProbe, PortProbe, Targets};
use crate::io::verify::{Roots, TermineReport, check_termine};

/// The services any override of the wizard changes, read from the base
/// file: the proxy, the service with the termine router, and (legacy) every
/// service with a v1 frontend. Compose v1 removes exactly these before
/// `up` recreates them.
pub fn restart_services(base: &str) -> Result<Vec<String>, GoLiveError> {
    let doc = parse_yaml(base)?;
    let proxy = proxy_service(&doc).map(|(n, _)| n);
    let mut out: Vec<String> = proxy.iter().cloned().collect();
    for (name, svc) in services(&doc) {
        let touched = labels(svc).iter().any(|(k, v)| {
            k.ends_with("frontend.rule")
                || (k.starts_with("traefik.http.routers.") && v.contains("termine."))
        });
        if touched && Some(&name) != proxy.as_ref() {
            out.push(name);
        }
    }
    Ok(out)
}

/// What the restart ran with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restarted {
    pub project: Option<String>,
    /// True when the name came from the running proxy's compose label.
    pub project_from_label: bool,
    pub services: Vec<String>,
}

/// `stop`, (v1: `rm -fs` of the changed services), `up -d`, in the project
/// the running proxy belongs to: compose v1 and v2 derive different names
/// from one directory, and a wrong name means new containers with empty
/// volumes. Only without a proxy container is the name derived. Refuses to
/// restart a legacy install into a traefik that cannot read its file.
pub async fn restart(
    site: &Site,
    compose: &Compose,
    docker: &Docker,
    timeout: Duration,
    tx: &UnboundedSender<RestartEvent>,
) -> Result<Restarted, GoLiveError> {
    let (base_path, base) = compose::read_base(&site.install_dir)?;
    let services = restart_services(&base).map_err(|e| e.in_file(&base_path))?;
    // Without a working `docker inspect` the restart itself reports why.
    let facts = docker.inspect_proxy().await.ok().flatten();
    if let Some(f) = &facts {
        check_generation(site.generation, f)?;
    }
    let labelled = facts.and_then(|f| f.project);
    let project_from_label = labelled.is_some();
    let project = labelled.or_else(|| derived_project(&site.install_dir, compose.flavor));
    let spec = RestartSpec {
        dir: &site.install_dir,
        project: project.as_deref(),
        services: &services,
        timeout,
    };
    restart::restart(compose, &spec, tx).await?;
    Ok(Restarted {
        project,
        project_from_label,
        services,
    })
}

/// Where the final check looks, and what it expects.
#[derive(Debug, Clone)]
pub struct FinalCheck<'a> {
    pub host: &'a str,
    /// Where port 443 of the public address leads.
    pub https: SocketAddr,
    /// Where port 80 leads, when it is to be probed with forged Hosts. In
    /// the practice it leads to the ACME responder, so usually `None`.
    pub http: Option<SocketAddr>,
    pub public_ip: IpAddr,
    /// `LOCAL_NAME` of the install, for the forged Hosts.
    pub local_name: &'a str,
    /// Host ports to probe at `public_ip` (usually `INTERNAL_PORTS`).
    pub ports: &'a [u16],
    pub roots: &'a Roots,
    /// The fingerprint of the installed certificate.
    pub expected: Option<&'a str>,
    pub timeout: Duration,
    pub now: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalReport {
    pub termine: Outcome,
    /// `None` when no TLS connection came about.
    pub report: Option<TermineReport>,
    pub exposure: Outcome,
    pub probes: Vec<HostProbe>,
    pub ports: Vec<PortProbe>,
}

fn rank(o: &Outcome) -> u8 {
    match o {
        Outcome::Passed(_) => 0,
        Outcome::Warning(_) => 1,
        Outcome::Failed(_) => 2,
    }
}

fn finding(o: &Outcome) -> &Finding {
    match o {
        Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f) => f,
    }
}

impl FinalReport {
    /// One verdict: the worse of the two (the certificate first when they
    /// are equal); the other's summary is added as a further point.
    pub fn outcome(&self) -> Outcome {
        let (main, other) = if rank(&self.exposure) > rank(&self.termine) {
            (&self.exposure, &self.termine)
        } else {
            (&self.termine, &self.exposure)
        };
        let mut f = finding(main).clone();
        let o = finding(other);
        f.more.push(o.summary.clone());
        f.more.extend(o.more.iter().cloned());
        if let Some(d) = &o.detail {
            f.detail = Some(match f.detail.take() {
                Some(mine) => format!("{mine}\n{d}"),
                None => d.clone(),
            });
        }
        match main {
            Outcome::Passed(_) => Outcome::Passed(f),
            Outcome::Warning(_) => Outcome::Warning(f),
            Outcome::Failed(_) => Outcome::Failed(f),
        }
    }

    pub fn passed(&self) -> bool {
        matches!(self.outcome(), Outcome::Passed(_) | Outcome::Warning(_))
    }

    /// The fingerprint the server presented, if any.
    pub fn fingerprint(&self) -> Option<&str> {
        self.report.as_ref().map(|r| r.tls.fingerprint.as_str())
    }
}

/// The certificate check from the patients' side and the exposure check.
pub async fn final_check(c: &FinalCheck<'_>) -> FinalReport {
    let (termine, report) = match check_termine(c.https, c.host, c.roots, c.timeout, c.now).await {
        Ok(r) => (r.outcome(c.expected), Some(r)),
        Err(e) => (e.outcome(), None),
    };
    let targets = Targets {
        https: Some(c.https),
        http: c.http,
        plain_on_https: true,
        termine_host: c.host.to_string(),
        local_name: c.local_name.to_string(),
        public_ip: c.public_ip,
    };
    let probes = exposure::probe_hosts(&targets, c.timeout).await;
    let ports = exposure::probe_ports(c.public_ip, c.ports, c.timeout).await;
    let exposure = exposure::outcome(&probes, &ports);
    FinalReport {
        termine,
        report,
        exposure,
        probes,
        ports,
    }
}
