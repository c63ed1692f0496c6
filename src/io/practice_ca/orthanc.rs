//! Orthanc with a certificate of the practice CA: plan (read, issue, diff:
//! nothing written, so the person sees the change first), then apply
//! (through the journal, so it can be undone).

use std::fs;
use std::net::IpAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::{IssuedCert, PracticeCa, PracticeCaError};
use crate::core::Text;
use crate::core::library::orthanc::{ConfigEdit, OrthancTls, enable_https};
use crate::io::atomic::Owner;
use crate::io::journal::Journal;
use crate::io::store::show;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrthancSetup {
    /// Orthanc's configuration file (e.g. `/etc/orthanc/orthanc.json`).
    pub config: PathBuf,
    /// Where the PEM with key and certificate goes.
    pub certificate: PathBuf,
    /// Orthanc's own host name on the practice network (not `termine.…`).
    pub host: String,
    /// Addresses browsers may also use to reach it.
    pub ips: Vec<IpAddr>,
    /// The user Orthanc runs as, to own the key file; `None`: root.
    pub owner: Option<Owner>,
    /// With client certificates: where the CA certificate goes that
    /// Orthanc checks browsers against. `None`: no client certificates.
    pub client_ca: Option<PathBuf>,
}

/// What applying would do.
#[derive(Debug)]
pub struct OrthancPlan {
    pub edit: ConfigEdit,
    pub server: IssuedCert,
    /// Mode the configuration file has (and keeps).
    config_mode: u32,
}

impl OrthancPlan {
    /// For the confirmation screen; the diff is shown beside it.
    pub fn text(&self, setup: &OrthancSetup) -> Text {
        let id = if setup.client_ca.is_some() {
            "orthanc-plan-mtls"
        } else {
            "orthanc-plan"
        };
        Text::new(id)
            .arg("host", setup.host.clone())
            .arg("config", show(&setup.config))
            .arg("certificate", show(&setup.certificate))
            .arg("date", self.server.not_after.date().to_string())
    }
}

/// Reads the configuration, issues the server certificate and computes the
/// edit. Writes nothing.
pub fn plan(
    ca: &PracticeCa,
    setup: &OrthancSetup,
    now: OffsetDateTime,
) -> Result<OrthancPlan, PracticeCaError> {
    let original =
        fs::read_to_string(&setup.config).map_err(|e| PracticeCaError::io(&setup.config, e))?;
    let config_mode = fs::metadata(&setup.config)
        .map_err(|e| PracticeCaError::io(&setup.config, e))?
        .permissions()
        .mode()
        & 0o7777;
    let tls = OrthancTls::for_config(
        &original,
        path_string(&setup.certificate),
        setup.client_ca.as_deref().map(path_string),
    )
    .map_err(|source| PracticeCaError::OrthancConfig {
        path: setup.config.clone(),
        source,
    })?;
    let label = show(&setup.config);
    let edit =
        enable_https(&original, &tls, &label).map_err(|source| PracticeCaError::OrthancConfig {
            path: setup.config.clone(),
            source,
        })?;
    let server = ca.issue_server(&setup.host, &setup.ips, now)?;
    Ok(OrthancPlan {
        edit,
        server,
        config_mode,
    })
}

/// With the terminator: the key file, the CA certificate (with client
/// certificates), stunnel's configuration and its service enabled, all
/// through the journal; Orthanc's own file stays as it is.
pub fn apply_terminator(
    journal: &mut Journal,
    ca: &PracticeCa,
    setup: &OrthancSetup,
    server: &IssuedCert,
    conf: (&Path, &str),
    enable: crate::io::journal::CommandRun,
) -> Result<Vec<u64>, PracticeCaError> {
    let mut entries = write_key_and_ca(journal, ca, setup, server)?;
    let (path, text) = conf;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| PracticeCaError::io(dir, e))?;
    }
    entries.push(journal.write_file(
        path,
        text.as_bytes(),
        0o644,
        format!("stunnel in front of Orthanc: {}", show(path)),
    )?);
    let description = format!("stunnel service: {}", enable.display());
    entries.push(journal.run_commands(enable, description)?);
    Ok(entries)
}

fn write_key_and_ca(
    journal: &mut Journal,
    ca: &PracticeCa,
    setup: &OrthancSetup,
    server: &IssuedCert,
) -> Result<Vec<u64>, PracticeCaError> {
    let mut entries = Vec::new();
    let pem = server.combined_pem();
    entries.push(journal.write_file(
        &setup.certificate,
        pem.as_bytes(),
        0o600,
        format!("Orthanc key and certificate for {}", setup.host),
    )?);
    if let Some((uid, gid)) = setup.owner {
        // The journal keeps the owner of a file it replaces, so a renewal
        // stays readable by Orthanc; a new file is handed over here.
        std::os::unix::fs::chown(&setup.certificate, Some(uid), Some(gid)).map_err(|source| {
            PracticeCaError::Chown {
                path: setup.certificate.clone(),
                uid,
                source,
            }
        })?;
    }
    if let Some(path) = &setup.client_ca {
        entries.push(super::export_ca_cert(journal, ca, path)?);
    }
    Ok(entries)
}

/// Writes the key file, the CA certificate (with client certificates) and
/// the configuration, in that order: Orthanc must never be told to use a
/// file that is not there yet. Returns the journal entries.
pub fn apply(
    journal: &mut Journal,
    ca: &PracticeCa,
    setup: &OrthancSetup,
    plan: &OrthancPlan,
) -> Result<Vec<u64>, PracticeCaError> {
    let mut entries = write_key_and_ca(journal, ca, setup, &plan.server)?;
    if plan.edit.changed() {
        entries.push(journal.write_file(
            &setup.config,
            plan.edit.text.as_bytes(),
            plan.config_mode,
            format!("Orthanc HTTPS in {}", show(&setup.config)),
        )?);
    }
    Ok(entries)
}

fn path_string(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
