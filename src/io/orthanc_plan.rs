//! Orthanc in the systems step, before anything is written: the diff of
//! Orthanc's files (its own HTTPS, the login for practice computers) or of
//! stunnel's new file, and what the practice should know first.

// Findings are what the screen shows; they travel by value.
#![allow(clippy::result_large_err)]

use std::path::Path;

use super::exec::IoConfig;
use super::orthanc_access;
use super::orthanc_live;
use super::practice_ca::orthanc::OrthancSetup;
use super::store::show;
use super::systems_orthanc::{setup, stunnel_conf_path};
use crate::core::library::orthanc::access::{self, ConfigFile, Login, MASK};
use crate::core::library::orthanc::live::{self as live, Terminator, Way, affected};
use crate::core::library::orthanc::{OrthancTls, current_tls, enable_https, unified_diff};
use crate::core::steps::systems::{SystemKind, SystemPlan, SystemRequest};
use crate::core::{Finding, Text};

pub(super) fn read_config(path: &Path) -> Result<String, Finding> {
    super::atomic::read_small(path, 4 * 1024 * 1024).map_err(|e| {
        Finding::new(Text::new("systems-config-unreadable").arg("path", show(path)))
            .fix(Text::new("systems-config-unreadable-fix"))
            .detail(e.to_string())
    })
}

pub(super) fn terminator(setup: &OrthancSetup, port: u16, orthanc_port: u16) -> Terminator {
    Terminator {
        certificate: setup.certificate.display().to_string(),
        client_ca: setup.client_ca.as_ref().map(|p| p.display().to_string()),
        accept: port,
        orthanc_port,
    }
}

/// The change, for the person to see first: Orthanc's file for its own
/// HTTPS, stunnel's new file for the terminator; and what the practice
/// computers will get.
pub fn plan(cfg: &IoConfig, request: &SystemRequest) -> Result<SystemPlan, Finding> {
    let SystemRequest::Orthanc {
        host,
        config,
        ips,
        clients,
        way,
        port,
        user,
        ..
    } = request
    else {
        return Err(Finding::new(Text::new("systems-internal")));
    };
    let setup = setup(host, config, ips, !clients.is_empty());
    let original = read_config(config)?;
    let syntax =
        |e: crate::core::library::orthanc::OrthancError| Finding::new(e.text(&show(config)));
    let current = current_tls(&original).map_err(syntax)?;
    let mut summary = vec![];
    let diff = match way {
        Way::BuiltIn => {
            let tls = OrthancTls::for_config(
                &original,
                setup.certificate.display().to_string(),
                setup.client_ca.as_ref().map(|p| p.display().to_string()),
            )
            .map_err(syntax)?;
            if tls.ciphers.is_some() {
                summary.push(
                    Text::new("systems-orthanc-ciphers").arg("ciphers", current.ciphers.join(", ")),
                );
            }
            let mut files = orthanc_access::config_files(config)?;
            let settings = orthanc_access::settings(&files)?;
            summary.push(orthanc_access::note(&settings, user.as_deref()));
            if affected(&orthanc_live::build_facts(&orthanc_live::orthanc_program())) {
                summary.push(Text::new("systems-orthanc-affected"));
            }
            let edited = enable_https(&original, &tls, &show(config))
                .map_err(|e| Finding::new(e.text(&show(config))))?;
            match user {
                None => edited.diff,
                Some(user) => {
                    // The password is typed apart and shown masked.
                    let login = Login {
                        user: user.clone(),
                        password: MASK.to_string(),
                    };
                    let before: Vec<ConfigFile> = files.iter().map(|(_, f)| f.clone()).collect();
                    if let Some((_, main)) = files.first_mut() {
                        main.text = edited.text;
                    }
                    let (new, _) = orthanc_access::allow(&files, &login)?;
                    access::diff(&before, &new)
                }
            }
        }
        Way::Terminator => {
            let conf = stunnel_conf_path(&cfg.system_root);
            let now = std::fs::read_to_string(&conf).unwrap_or_default();
            let text = live::stunnel_conf(&terminator(&setup, *port, current.http_port));
            let mut diff = unified_diff(&now, &text, &show(&conf));
            // Only stunnel may reach Orthanc, or HTTPS is easily avoided.
            match orthanc_access::close(&orthanc_access::config_files(config)?)? {
                Some((_, closing)) => {
                    summary.push(Text::new("systems-orthanc-terminator-close"));
                    diff.push_str(&closing);
                }
                None => summary.push(Text::new("systems-orthanc-terminator-remote")),
            }
            diff
        }
    };
    let id = match (way, clients.is_empty()) {
        (Way::BuiltIn, true) => "systems-orthanc-plan",
        (Way::BuiltIn, false) => "systems-orthanc-plan-mtls",
        (Way::Terminator, true) => "systems-orthanc-plan-terminator",
        (Way::Terminator, false) => "systems-orthanc-plan-terminator-mtls",
    };
    Ok(SystemPlan {
        kind: SystemKind::Orthanc,
        summary: Text::new(id)
            .arg("host", host.clone())
            .arg("certificate", show(&setup.certificate))
            .num("count", clients.len())
            .num("port", port),
        notes: summary,
        diff,
    })
}
