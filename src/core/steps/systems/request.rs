//! The form's answers, checked: the request io gets, or what is wrong.

use std::path::{Path, PathBuf};

use crate::core::Wizard;
use crate::core::library::form_values::{host_ok, split_list};
use crate::core::library::orthanc::access::user_ok;
use crate::core::library::orthanc::live::{DEFAULT_TERMINATOR_PORT, Way};
use crate::core::model::check::Text;
use crate::core::model::input::TextInput;
use crate::core::model::systems::{MIN_PASSPHRASE, SystemKind, SystemRequest};

fn absolute(p: &str) -> Option<PathBuf> {
    let p = Path::new(p.trim());
    p.is_absolute().then(|| p.to_path_buf())
}

/// The request the form describes, or the first thing wrong with it.
pub fn request(w: &Wizard) -> Result<SystemRequest, Text> {
    match w.systems.choice {
        SystemKind::None => Err(Text::new("systems-choose")),
        SystemKind::Orthanc => orthanc_request(w),
        SystemKind::Gateway => gateway_request(w),
    }
}

/// The system's own name: valid, and not the appointment service's.
fn host_of(w: &Wizard, input: &TextInput) -> Result<String, Text> {
    let host = input
        .value
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if !host_ok(&host) {
        return Err(Text::new("systems-host-invalid").arg("host", input.value.trim()));
    }
    let termine = w.domain.parsed.as_ref().map(|d| d.ascii.as_str());
    if termine == Some(host.as_str()) {
        return Err(Text::new("systems-host-is-termine").arg("host", host));
    }
    Ok(host)
}

fn path_of(input: &TextInput) -> Result<PathBuf, Text> {
    absolute(&input.value)
        .ok_or_else(|| Text::new("systems-path-invalid").arg("path", input.value.trim()))
}

fn orthanc_request(w: &Wizard) -> Result<SystemRequest, Text> {
    orthanc_request_with(w, true)
}

/// Orthanc's request from what the wizard saved, for `renew`: it reissues
/// the server certificate only, so no browser certificate and no password.
pub fn orthanc_saved(w: &Wizard) -> Result<SystemRequest, Text> {
    orthanc_request_with(w, false)
}

fn orthanc_request_with(w: &Wizard, exports: bool) -> Result<SystemRequest, Text> {
    let f = &w.systems.orthanc;
    let host = host_of(w, &f.host)?;
    let config = path_of(&f.config)?;
    let mut ips = Vec::new();
    for part in split_list(&f.ips.value) {
        ips.push(
            part.parse()
                .map_err(|_| Text::new("systems-ip-invalid").arg("ip", part))?,
        );
    }
    let clients = split_list(&f.clients.value);
    if exports && !clients.is_empty() && w.session.passphrase.value.chars().count() < MIN_PASSPHRASE
    {
        return Err(Text::new("systems-passphrase-short").num("min", MIN_PASSPHRASE));
    }
    let practice = w
        .domain
        .parsed
        .as_ref()
        .map(|d| format!("Praxis {}", d.registered))
        .unwrap_or_else(|| "Praxis".to_string());
    let command = |input: &TextInput| -> Result<String, Text> {
        let c = input.value.trim();
        if c.is_empty() || shell_words::split(c).is_err() {
            return Err(Text::new("systems-orthanc-restart-invalid").arg("command", c));
        }
        Ok(c.to_string())
    };
    let way = if f.terminator {
        Way::Terminator
    } else {
        Way::BuiltIn
    };
    // Practice computers log in only with Orthanc's own HTTPS: behind the
    // terminator only stunnel on this machine reaches Orthanc.
    let user = match f.user.value.trim() {
        "" => None,
        _ if way == Way::Terminator => None,
        u if !user_ok(u) => {
            return Err(Text::new("systems-orthanc-user-invalid").arg("user", u));
        }
        u => Some(u.to_string()),
    };
    if exports
        && user.is_some()
        && w.session.orthanc_password.value.chars().count() < MIN_PASSPHRASE
    {
        return Err(Text::new("systems-orthanc-login-short").num("min", MIN_PASSPHRASE));
    }
    let port = match f.port.value.trim().parse::<u16>() {
        Ok(p) if p > 0 => p,
        _ if way == Way::BuiltIn => DEFAULT_TERMINATOR_PORT,
        _ => return Err(Text::new("systems-orthanc-port-invalid").arg("port", f.port.value.trim())),
    };
    Ok(SystemRequest::Orthanc {
        host,
        config,
        ips,
        clients,
        practice,
        way,
        restart: command(&f.restart)?,
        proxy_restart: command(&f.proxy_restart)?,
        port,
        user,
    })
}

/// The gateway's request from its form, also for `renew`, which reissues
/// with what the wizard saved.
pub fn gateway_request(w: &Wizard) -> Result<SystemRequest, Text> {
    let f = &w.systems.gateway;
    let email = f.email.value.trim().to_string();
    if !crate::core::library::form_values::email_ok(&email) {
        return Err(Text::new("systems-gateway-email-invalid").arg("email", email));
    }
    let host = host_of(w, &f.host)?;
    if crate::core::library::domain::parse(&host).is_err() {
        // Let's Encrypt validates from the internet: an intranet name
        // cannot get its certificate.
        return Err(Text::new("systems-gateway-not-public").arg("host", host));
    }
    let gateway_root = f.gateway_root.value.trim().to_string();
    if !gateway_root.starts_with('/') {
        return Err(Text::new("systems-path-invalid").arg("path", gateway_root));
    }
    Ok(SystemRequest::Gateway {
        host,
        config: path_of(&f.config)?,
        disk_root: path_of(&f.disk_root)?,
        gateway_root,
        email,
        // The "Ja" before the issuance accepts the terms; its text says so.
        terms_accepted: true,
        expected: w.network.dns_a.clone(),
    })
}
