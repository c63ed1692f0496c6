//! The proxy edits of both generations as one plan (shown as diffs before
//! anything is written), and their application through the journal.
//!
//! Current: a dynamic configuration file in `<state>/proxy-config/` that
//! names the certificate, and `docker-compose.override.yml` (file
//! provider, read-only mounts into the proxy alone, the https router).
//! Legacy: the certificate entry in `traefik.toml`, and the override that
//! keeps the internal sites off 443.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::docker::{ProxyFacts, check_generation};
use super::error::GoLiveError;
use super::files::ensure_dir;
use super::{ProxyDirs, Site};
use crate::core::library::change_set::{Role, SetMember};
use crate::core::library::compose_override::{
    self, CertNames, Drift, Edit, dynamic_config, unified_diff,
};
use crate::core::library::start::Generation;
use crate::core::library::traefik_legacy;
pub use crate::core::model::golive::ProxyPlan;
use crate::io::compose;
use crate::io::journal::Journal;
use crate::io::verify::sha256_hex;

const DEFAULT_MODE: u32 = 0o644;

fn read_opt(path: &Path) -> Result<Option<String>, GoLiveError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(GoLiveError::Read {
            path: path.to_path_buf(),
            error: e.to_string(),
        }),
    }
}

fn hash_of(path: &Path) -> Result<Option<String>, GoLiveError> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(sha256_hex(&b))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(GoLiveError::Read {
            path: path.to_path_buf(),
            error: e.to_string(),
        }),
    }
}

/// The name of the dynamic configuration file for a host.
pub fn dynamic_file_name(host: &str) -> String {
    format!("{host}.toml")
}

/// Builds the edits for the installed generation. `running` is what
/// `Docker::inspect_proxy` found (`None`: no container, nothing to judge);
/// a traefik that cannot read the generation's configuration is an error
/// instead of a blind edit.
pub fn plan_proxy(
    site: &Site,
    dirs: &ProxyDirs,
    files: &CertNames,
    running: Option<&ProxyFacts>,
) -> Result<ProxyPlan, GoLiveError> {
    if let Some(facts) = running {
        check_generation(site.generation, facts)?;
    }
    let dir = site.install_dir.as_path();
    let (base_path, base) = compose::read_base(dir)?;
    let (override_path, existing) = compose::read_override(dir)?;
    // Each file is parsed here first, so that a syntax error names the
    // file to fix; the edits below parse the same texts again.
    syntax(&base_path, &base)?;
    if let Some(ov) = &existing {
        syntax(&override_path, ov)?;
    }
    let cert_dir = &dirs.certs;
    let requires = vec![cert_dir.join(&files.cert), cert_dir.join(&files.key)];
    let mut edits = Vec::new();
    let mut drift = Drift::NoOverride;
    let mut dynamic = None;
    match site.generation {
        Generation::Current => {
            if let Some(ov) = &existing {
                drift = compose_override::command_drift(&base, ov)?;
            }
            let name = dynamic_file_name(&site.host);
            let path = dirs.config.join(&name);
            let old = read_opt(&path)?.unwrap_or_default();
            let new = dynamic_config(&site.host, files);
            let diff = unified_diff(&name, &old, &new);
            dynamic = Some(path.clone());
            edits.push((path, Edit { text: new, diff }));
            let edit =
                compose_override::current_override(&base, &site.host, dirs, existing.as_deref())?;
            edits.push((override_path, edit));
        }
        Generation::Legacy => {
            let path = dir.join("traefik.toml");
            let toml = read_opt(&path)?.ok_or_else(|| GoLiveError::Read {
                path: path.clone(),
                error: "not found".into(),
            })?;
            let edit = traefik_legacy::enable_certificate(&toml, &site.host, files)
                .map_err(|e| GoLiveError::from(e).in_file(&path))?;
            edits.push((path, edit));
            let cert_dir = cert_dir.display().to_string();
            let edit = traefik_legacy::legacy_override(&base, &cert_dir, existing.as_deref())?;
            edits.push((override_path, edit));
        }
    }
    let mut seen = vec![(base_path.clone(), hash_of(&base_path)?)];
    for (p, _) in &edits {
        seen.push((p.clone(), hash_of(p)?));
    }
    Ok(ProxyPlan {
        edits,
        drift,
        site: site.clone(),
        names: files.clone(),
        dynamic,
        requires,
        seen,
    })
}

fn syntax(path: &Path, text: &str) -> Result<(), GoLiveError> {
    compose_override::parse_yaml(text)
        .map(|_| ())
        .map_err(|e| GoLiveError::from(e).in_file(path))
}

/// Writes the plan's changes through the journal, in order, after checking
/// that nothing changed since the plan was shown and that the certificate
/// files it names are in place. Returns the journal entries.
pub fn apply_proxy(journal: &mut Journal, plan: &ProxyPlan) -> Result<Vec<u64>, GoLiveError> {
    for (path, hash) in &plan.seen {
        if hash_of(path)? != *hash {
            return Err(GoLiveError::Stale { path: path.clone() });
        }
    }
    for path in &plan.requires {
        if !path.is_file() {
            return Err(GoLiveError::CertMissing { path: path.clone() });
        }
    }
    let mut ids = Vec::new();
    for (path, edit) in plan.changes() {
        if let Some(parent) = path.parent()
            && !parent.exists()
        {
            ensure_dir(parent)?;
        }
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(DEFAULT_MODE);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let description = format!("proxy configuration {name} for {}", plan.site.host);
        let set = SetMember::new(super::files::set_name(&plan.names), Role::Configuration);
        ids.push(journal.write_file_in_set(path, edit.text.as_bytes(), mode, description, set)?);
    }
    Ok(ids)
}
