//! `renew` for Orthanc's server certificate from the practice CA: a new
//! one for the same name and addresses, written through the journal
//! (the file keeps its owner), then Orthanc (or stunnel in front) restarted
//! and checked as in the systems step; a failed check undoes the new file
//! and restarts again, so the old certificate stays in use.

#![allow(clippy::result_large_err)]

use std::sync::{Arc, Mutex};

use time::OffsetDateTime;

use super::exec::IoConfig;
use super::journal::Journal;
use super::orthanc_check::{Check, check_or_roll_back, probe_identity, record_of};
use super::practice_ca::PracticeCa;
use super::store::show;
use super::systems_orthanc::setup;
use crate::core::library::orthanc::current_tls;
use crate::core::library::orthanc::live::Way;
use crate::core::library::status::CertRecord;
use crate::core::steps::systems::SystemRequest;
use crate::core::{Finding, Text};

fn failure(e: impl std::fmt::Display, text: Text) -> Finding {
    Finding::new(text).detail(e.to_string())
}

/// Reissues, installs, restarts and checks. `mtls`: Orthanc asks for
/// browser certificates (the check then shows one, made for it alone).
pub async fn renew(
    cfg: &IoConfig,
    journal: &Arc<Mutex<Journal>>,
    request: &SystemRequest,
    mtls: bool,
    now: OffsetDateTime,
) -> Result<CertRecord, Finding> {
    let SystemRequest::Orthanc {
        host,
        config,
        ips,
        practice,
        way,
        restart,
        proxy_restart,
        port,
        ..
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    let ca = match PracticeCa::load(&cfg.state_dir, now) {
        Ok(Some(ca)) => ca,
        Ok(None) => return Err(Finding::new(Text::new("orthanc-renew-no-ca"))),
        Err(e) => return Err(Finding::new(e.text()).detail(e.to_string())),
    };
    let setup = setup(host, config, ips, mtls);
    let text = super::atomic::read_small(config, 4 * 1024 * 1024).map_err(|e| {
        failure(
            e,
            Text::new("systems-config-unreadable").arg("path", show(config)),
        )
    })?;
    let current = current_tls(&text).map_err(|e| Finding::new(e.text(&show(config))))?;
    let issued = ca
        .issue_server(host, ips, now)
        .map_err(|e| Finding::new(e.text()).detail(e.to_string()))?;
    let entry = {
        let mut j = journal
            .lock()
            .map_err(|_| Finding::new(Text::new("systems-internal")))?;
        j.write_file(
            &setup.certificate,
            issued.combined_pem().as_bytes(),
            0o600,
            format!("Orthanc key and certificate for {host} (renewed)"),
        )
        .map_err(|e| Finding::new(e.text()).detail(e.to_string()))?
    };
    let identity = if mtls {
        let probe = ca
            .issue_client("praxis-tls", now)
            .map_err(|e| Finding::new(e.text()).detail(e.to_string()))?;
        Some(probe_identity(&probe))
    } else {
        None
    };
    let check = Check {
        way: *way,
        host,
        probe_port: match way {
            Way::BuiltIn => current.http_port,
            Way::Terminator => *port,
        },
        orthanc_port: current.http_port,
        restart,
        proxy_restart,
        // The old file is back: whichever serves it must read it again.
        rollback_restart: match way {
            Way::BuiltIn => restart,
            Way::Terminator => proxy_restart,
        },
        ca_pem: ca.cert_pem(),
        identity,
        settle: cfg.orthanc_settle,
        // renew knows no password: a 401 where Orthanc asks for one
        // proves it up.
        login: None,
        login_required: super::orthanc_access::settings(&super::orthanc_access::config_files(
            config,
        )?)?
        .login_required(),
        orthanc_changed: false,
        renewal: true,
    };
    check_or_roll_back(journal, &[entry], check).await?;
    Ok(record_of(host, &setup.certificate, &issued, practice))
}
