//! The proxy configuration of the current Elexis-OOB generation (traefik
//! v2.8, configured only by labels and `command:` flags), and what both
//! generations share: certificate file names, YAML helpers and diffs.
//!
//! Everything here is text in, text out: the journal writes the results.
//! Compose replaces `command:` in an override instead of merging it, so the
//! override repeats the proxy's whole base command and records it; when the
//! base file changes later, `command_drift` notices.

use serde_yaml_ng::{Mapping, Value};
use sha2::{Digest, Sha256};
use similar::TextDiff;
use time::Date;

use crate::core::model::check::Text;

/// The first line of every override the wizard writes: a file without it is
/// the practice's own, and the wizard never overwrites that.
pub const OVERRIDE_MARKER: &str = "# praxis-tls: written by the wizard";
const HASH_KEY: &str = "# base-command-sha256: ";
/// Where the wizard's certificate and dynamic-config directories appear
/// inside the proxy container.
pub const CERTS_MOUNT: &str = "/certs";
pub const CONFIG_MOUNT: &str = "/certs-config";
const FILE_PROVIDER_FLAGS: [&str; 2] = [
    "--providers.file.directory=/certs-config",
    "--providers.file.watch=true",
];

/// A proposed change to one file: the new text and a diff for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub text: String,
    pub diff: String,
}

impl Edit {
    pub fn new(name: &str, old: &str, new: String) -> Edit {
        let diff = unified_diff(name, old, &new);
        Edit { text: new, diff }
    }

    pub fn is_change(&self) -> bool {
        !self.diff.is_empty()
    }
}

/// A unified diff with `\r` removed, so that a CRLF file does not fill the
/// screen with control characters. Empty when nothing changes.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let (old, new) = (old.replace('\r', ""), new.replace('\r', ""));
    TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Versioned file names of the certificate and key: traefik reloads the
/// dynamic file, never a certificate that changes under the same name.
/// The host they are for is the site's (`model::golive::Site`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertNames {
    pub cert: String,
    pub key: String,
}

impl CertNames {
    pub fn new(host: &str, date: Date) -> CertNames {
        // `Date`'s Display is ISO 8601: 2026-11-24.
        let d = date.to_string();
        CertNames {
            cert: format!("{host}.{d}.crt"),
            key: format!("{host}.{d}.key"),
        }
    }
}

/// The wizard's two directories on the host that the proxy mounts
/// read-only: certificates and keys, and the dynamic configuration.
/// Absolute, since compose reads a relative path against the install dir.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyDirs {
    pub certs: std::path::PathBuf,
    pub config: std::path::PathBuf,
}

/// True for a file name of `host`'s certificate or key, of any date or none
/// (as the seed chapter names them) — not of a longer name that merely
/// starts with this host.
pub fn names_same_host(host: &str, file_name: &str) -> bool {
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    let Some(rest) = base.strip_prefix(host) else {
        return false;
    };
    let Some(middle) = rest
        .strip_suffix(".crt")
        .or_else(|| rest.strip_suffix(".key"))
    else {
        return false;
    };
    middle.is_empty()
        || middle
            .strip_prefix('.')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("the compose file does not parse (line {line}): {message}")]
    Yaml { line: usize, message: String },
    #[error("the compose file has no traefik proxy service")]
    NoProxy,
    #[error("the compose file has no service with the termine router")]
    NoTermineRouter,
    #[error("the proxy service has no command list")]
    NoCommand,
    #[error("{0} exists and was not written by praxis-tls")]
    ForeignOverride(String),
    /// A router without entrypoints is served on 443 too, and there is no
    /// port-80 entrypoint to pin it to.
    #[error("router {router} has no entrypoints and the proxy has no entrypoint on :80")]
    Unpinnable { router: String },
    #[error("the compose file is {0}")]
    Limit(#[from] crate::core::library::limits::TooBig),
}

impl OverrideError {
    pub fn text(&self) -> Text {
        match self {
            OverrideError::Yaml { line, message } => Text::new("proxy-compose-broken")
                .num("line", line)
                .arg("message", message.clone()),
            OverrideError::NoProxy => Text::new("proxy-compose-no-proxy"),
            OverrideError::NoTermineRouter => Text::new("proxy-compose-no-termine"),
            OverrideError::NoCommand => Text::new("proxy-compose-no-command"),
            OverrideError::ForeignOverride(f) => {
                Text::new("proxy-override-foreign").arg("file", f.clone())
            }
            OverrideError::Unpinnable { router } => {
                Text::new("proxy-router-unpinnable").arg("router", router.clone())
            }
            OverrideError::Limit(limit) => limit.text("docker-compose.yml"),
        }
    }
}

pub(crate) fn parse_yaml(text: &str) -> Result<Value, OverrideError> {
    crate::core::library::limits::check_yaml(text)?;
    serde_yaml_ng::from_str(text).map_err(|e| OverrideError::Yaml {
        line: e.location().map(|l| l.line()).unwrap_or(0),
        message: e.to_string(),
    })
}

pub(crate) fn services(doc: &Value) -> Vec<(String, &Mapping)> {
    let Some(map) = doc.get("services").and_then(Value::as_mapping) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v.as_mapping()?)))
        .collect()
}

/// Labels as `key=value` pairs, from the list or the map form.
pub(crate) fn labels(service: &Mapping) -> Vec<(String, String)> {
    match service.get("labels") {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| match s.split_once('=') {
                Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
                None => (s.trim().to_string(), String::new()),
            })
            .collect(),
        Some(Value::Mapping(m)) => m
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar(v))))
            .collect(),
        _ => Vec::new(),
    }
}

/// A YAML scalar as compose passes it on: `true` and `3` as text.
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn str_field<'a>(service: &'a Mapping, key: &str) -> Option<&'a str> {
    service.get(key).and_then(Value::as_str)
}

/// The traefik service: by image, or by the container name Elexis-OOB gives it.
pub(crate) fn proxy_service(doc: &Value) -> Option<(String, &Mapping)> {
    services(doc).into_iter().find(|(_, s)| {
        let image = str_field(s, "image").unwrap_or_default();
        let repo = image.rsplit('/').next().unwrap_or_default();
        repo == "traefik"
            || repo.starts_with("traefik:")
            || str_field(s, "container_name") == Some("elx_proxy")
    })
}

/// `command:` as compose reads it: a list, or a string split at blanks.
pub(crate) fn command(service: &Mapping) -> Option<Vec<String>> {
    match service.get("command")? {
        Value::Sequence(items) => Some(items.iter().map(scalar).collect()),
        Value::String(s) => Some(s.split_whitespace().map(str::to_string).collect()),
        _ => None,
    }
}

/// A double-quoted YAML scalar: safe for backticks, `$`, `:` and `#`.
pub(crate) fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Compose refuses an override whose `version:` differs from the base file's.
pub(crate) fn version_line(doc: &Value) -> String {
    match doc.get("version") {
        Some(Value::String(v)) => format!("version: {}\n", yaml_quote(v)),
        Some(Value::Number(n)) => format!("version: \"{n}\"\n"),
        _ => String::new(),
    }
}

pub fn command_hash(command: &[String]) -> String {
    let mut h = Sha256::new();
    for arg in command {
        h.update(arg.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The proxy service as the base compose file defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyService {
    pub name: String,
    pub command: Vec<String>,
}

pub fn find_proxy(base: &str) -> Result<ProxyService, OverrideError> {
    let doc = parse_yaml(base)?;
    let (name, svc) = proxy_service(&doc).ok_or(OverrideError::NoProxy)?;
    let command = command(svc).ok_or(OverrideError::NoCommand)?;
    Ok(ProxyService { name, command })
}

/// The traefik dynamic configuration for the wizard's config directory.
/// No default certificate: an unknown name then gets traefik's own
/// self-signed one, which makes a wrong name obvious instead of handing out
/// the patients' certificate for every address.
pub fn dynamic_config(host: &str, names: &CertNames) -> String {
    format!(
        "# praxis-tls: the certificate traefik serves for {host}.\n\
         # Written by the wizard; the next renewal rewrites it.\n\
         [[tls.certificates]]\n  certFile = \"{m}/{cert}\"\n  keyFile = \"{m}/{key}\"\n",
        m = CERTS_MOUNT,
        cert = names.cert,
        key = names.key,
    )
}

struct TermineRouter {
    service_name: String,
    traefik_service: String,
}

fn termine_router(doc: &Value) -> Option<TermineRouter> {
    for (name, svc) in services(doc) {
        let labels = labels(svc);
        let router = labels.iter().find_map(|(k, v)| {
            let r = k
                .strip_prefix("traefik.http.routers.")?
                .strip_suffix(".rule")?;
            v.contains("termine.").then(|| r.to_string())
        });
        let Some(router) = router else { continue };
        let key = format!("traefik.http.routers.{router}.service");
        let traefik_service = labels
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| "service2".to_string());
        return Some(TermineRouter {
            service_name: name,
            traefik_service,
        });
    }
    None
}

/// The entrypoint the proxy command puts on port 80: reachable only from
/// the practice network, because the router's port 80 leads to the
/// challenge responder, never to traefik.
fn lan_entrypoint(command: &[String]) -> Option<String> {
    command.iter().find_map(|arg| {
        let rest = arg.strip_prefix("--entrypoints.")?;
        let (name, address) = rest.split_once(".address=")?;
        (address.trim() == ":80").then(|| name.to_string())
    })
}

/// Routers (by service) that name no entrypoint: traefik serves those on
/// every entrypoint, 443 included, in plain HTTP unless they ask for TLS.
fn unpinned_routers(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (service, svc) in services(doc) {
        let labels = labels(svc);
        for (k, rule) in &labels {
            let Some(router) = k
                .strip_prefix("traefik.http.routers.")
                .and_then(|r| r.strip_suffix(".rule"))
            else {
                continue;
            };
            // The appointment service is meant for the internet anyway.
            if rule.contains("termine.") {
                continue;
            }
            let ep = format!("traefik.http.routers.{router}.entrypoints");
            if !labels.iter().any(|(k, v)| *k == ep && !v.trim().is_empty()) {
                out.push((service.clone(), router.to_string()));
            }
        }
    }
    out
}

pub(crate) fn check_ours(existing: Option<&str>) -> Result<&str, OverrideError> {
    match existing {
        None => Ok(""),
        Some(t) if t.trim().is_empty() || t.starts_with(OVERRIDE_MARKER) => Ok(t),
        Some(_) => Err(OverrideError::ForeignOverride(
            "docker-compose.override.yml".into(),
        )),
    }
}

/// `docker-compose.override.yml` for the current generation: the file
/// provider on the proxy (its full base command repeated), the wizard's
/// directories mounted read-only into the proxy alone, and one https router
/// for the termine host on the appointment service.
pub fn current_override(
    base: &str,
    host: &str,
    dirs: &ProxyDirs,
    existing: Option<&str>,
) -> Result<Edit, OverrideError> {
    let old = check_ours(existing)?;
    let doc = parse_yaml(base)?;
    let (proxy, svc) = proxy_service(&doc).ok_or(OverrideError::NoProxy)?;
    let base_cmd = command(svc).ok_or(OverrideError::NoCommand)?;
    let termine = termine_router(&doc).ok_or(OverrideError::NoTermineRouter)?;
    let unpinned = unpinned_routers(&doc);
    let lan = match (unpinned.first(), lan_entrypoint(&base_cmd)) {
        (Some((_, router)), None) => {
            return Err(OverrideError::Unpinnable {
                router: router.clone(),
            });
        }
        (_, lan) => lan.unwrap_or_default(),
    };

    let mut out = format!("{OVERRIDE_MARKER}; the next run rewrites it.\n");
    out.push_str("# The proxy's command below repeats the base file's, which compose\n");
    out.push_str("# replaces instead of merging; the wizard warns when the base changes.\n");
    out.push_str(&format!("{HASH_KEY}{}\n", command_hash(&base_cmd)));
    out.push_str(&version_line(&doc));
    out.push_str("services:\n");
    let item = |s: &str| format!("      - {}\n", yaml_quote(s));
    out.push_str(&format!("  {proxy}:\n    command:\n"));
    for arg in base_cmd
        .iter()
        .map(String::as_str)
        .chain(FILE_PROVIDER_FLAGS)
    {
        out.push_str(&item(arg));
    }
    out.push_str("    volumes:\n");
    out.push_str(&item(&format!("{}:{CERTS_MOUNT}:ro", dirs.certs.display())));
    out.push_str(&item(&format!(
        "{}:{CONFIG_MOUNT}:ro",
        dirs.config.display()
    )));
    let pin = |out: &mut String, service: &str| {
        for (_, router) in unpinned.iter().filter(|(s, _)| s == service) {
            out.push_str(&item(&format!(
                "traefik.http.routers.{router}.entrypoints={lan}"
            )));
        }
    };
    out.push_str(&format!("  {}:\n    labels:\n", termine.service_name));
    let r = "traefik.http.routers.termine-tls";
    out.push_str(&item(&format!("{r}.rule=Host(`{host}`)")));
    out.push_str(&item(&format!("{r}.entrypoints=https")));
    out.push_str(&item(&format!("{r}.tls=true")));
    out.push_str(&item(&format!("{r}.service={}", termine.traefik_service)));
    pin(&mut out, &termine.service_name);
    let mut others: Vec<&str> = unpinned
        .iter()
        .map(|(s, _)| s.as_str())
        .filter(|s| *s != termine.service_name)
        .collect();
    others.dedup();
    for service in others {
        out.push_str(&format!("  {service}:\n    labels:\n"));
        pin(&mut out, service);
    }
    Ok(Edit::new("docker-compose.override.yml", old, out))
}

/// Whether the proxy command in the base file still is the one the override
/// was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    Unchanged,
    Changed {
        added: Vec<String>,
        removed: Vec<String>,
    },
    /// No override of ours: nothing to compare.
    NoOverride,
}

impl Drift {
    pub fn text(&self) -> Option<Text> {
        match self {
            Drift::Changed { added, removed } => Some(
                Text::new("proxy-override-drift")
                    .arg("added", added.join(" "))
                    .arg("removed", removed.join(" ")),
            ),
            _ => None,
        }
    }
}

pub fn command_drift(base: &str, override_text: &str) -> Result<Drift, OverrideError> {
    if !override_text.starts_with(OVERRIDE_MARKER) {
        return Ok(Drift::NoOverride);
    }
    let now = find_proxy(base)?.command;
    let recorded_hash = override_text
        .lines()
        .find_map(|l| l.strip_prefix(HASH_KEY))
        .map(str::trim)
        .unwrap_or_default();
    if recorded_hash == command_hash(&now) {
        return Ok(Drift::Unchanged);
    }
    let ov = parse_yaml(override_text)?;
    let recorded: Vec<String> = proxy_service(&ov)
        .or_else(|| {
            services(&ov)
                .into_iter()
                .find(|(_, s)| s.contains_key("command"))
        })
        .and_then(|(_, s)| command(s))
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !FILE_PROVIDER_FLAGS.contains(&a.as_str()))
        .collect();
    let missing_in =
        |a: &[String], b: &[String]| b.iter().filter(|x| !a.contains(x)).cloned().collect();
    Ok(Drift::Changed {
        added: missing_in(&recorded, &now),
        removed: missing_in(&now, &recorded),
    })
}
