//! The check after any change to Orthanc's HTTPS (the systems step and
//! `renew`): restart, probe, judge; on failure the journal entries of the
//! change are undone and Orthanc restarted, so it answers over HTTP as
//! before, and the finding says what happened.

use std::sync::Mutex;
use std::time::Duration;

use rustls::RootCertStore;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};

use super::journal::Journal;
use super::orthanc_live::{self, Target};
use super::practice_ca::IssuedCert;
use crate::core::library::orthanc::access::Login;
use crate::core::library::orthanc::live::{Expect, Way, affected, judge};
use crate::core::library::status::{CertRecord, RenewalHint};
use crate::core::{Finding, Text};

/// The practice CA's certificates warn this long before they expire.
pub const WARN_DAYS: i64 = 60;

pub type Identity = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>);

/// What to restart and where to look.
pub struct Check<'a> {
    pub way: Way,
    pub host: &'a str,
    /// Orthanc's own HTTPS: its `HttpPort`; the terminator's port otherwise.
    pub probe_port: u16,
    /// Orthanc's `HttpPort`, where it answers plain HTTP after a rollback.
    pub orthanc_port: u16,
    pub restart: &'a str,
    pub proxy_restart: &'a str,
    /// Run after the undo: Orthanc's restart; for a new terminator
    /// nothing (its undo stops it), for a renewed one its restart.
    pub rollback_restart: &'a str,
    pub ca_pem: &'a str,
    /// With mTLS: a browser certificate to get in with.
    pub identity: Option<Identity>,
    pub settle: Duration,
    /// The login Orthanc was given, when the check knows its password.
    pub login: Option<Login>,
    /// Orthanc asks for a login (`AuthenticationEnabled`, or remote
    /// access on without it).
    pub login_required: bool,
    /// With the terminator: Orthanc's files changed too, so Orthanc is
    /// restarted before stunnel.
    pub orthanc_changed: bool,
    /// A renewal: the old certificate comes back, and the terminator (if
    /// any) serves it again on `probe_port` before the rollback is done.
    pub renewal: bool,
}

pub fn roots_of(pem: &str) -> RootCertStore {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(
        CertificateDer::pem_slice_iter(pem.as_bytes()).filter_map(Result::ok),
    );
    roots
}

/// Takes back what was written, newest first; what could not be.
pub fn roll_back(journal: &Mutex<Journal>, entries: &[u64]) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(mut j) = journal.lock() else {
        return vec!["journal".into()];
    };
    for id in entries.iter().rev() {
        match j.undo(*id, false) {
            Ok(o) if o.reverted() => {}
            Ok(o) => problems.push(format!("{id}: {o:?}")),
            Err(e) => problems.push(e.to_string()),
        }
    }
    problems
}

/// Restarts and checks; on failure undoes `entries` and restarts again.
pub async fn check_or_roll_back(
    journal: &Mutex<Journal>,
    entries: &[u64],
    c: Check<'_>,
) -> Result<(), Finding> {
    let commands = match c.way {
        Way::BuiltIn => vec![c.restart.to_string()],
        Way::Terminator if c.orthanc_changed => {
            vec![c.restart.to_string(), c.proxy_restart.to_string()]
        }
        Way::Terminator => vec![c.proxy_restart.to_string()],
    };
    let expect = Expect {
        mtls: c.identity.is_some(),
        affected: false,
        login_unknown: c.login_required && c.login.is_none(),
        way: c.way,
    };
    let target = Target {
        host: c.host.to_string(),
        port: c.probe_port,
        roots: roots_of(c.ca_pem),
        identity: c.identity,
        settle: c.settle,
        login: c.login,
        backend: (c.way == Way::Terminator).then_some(c.orthanc_port),
    };
    let observed = orthanc_live::restart_and_check(&commands, &target).await;
    let build = orthanc_live::build_facts(&orthanc_live::orthanc_program());
    let expect = Expect {
        affected: affected(&build),
        ..expect
    };
    let Err(cause) = judge(&observed, expect) else {
        return Ok(());
    };
    let problems = roll_back(journal, entries);
    let mut back = orthanc_live::restart_and_wait_http(c.rollback_restart, c.orthanc_port).await;
    // A renewed terminator must listen again before the old certificate
    // is said to be served.
    if back.is_ok()
        && c.renewal
        && c.way == Way::Terminator
        && !orthanc_live::wait_listening(c.probe_port, orthanc_live::LISTEN_TIMEOUT).await
    {
        back = Err(format!("port {}: nothing listens", c.probe_port));
    }
    let back_text = match (problems.is_empty() && back.is_ok(), c.renewal) {
        (true, false) => Text::new("orthanc-live-rolled-back").num("port", c.orthanc_port),
        (true, true) => Text::new("orthanc-live-renew-rolled-back"),
        (false, _) => Text::new("orthanc-live-rollback-failed"),
    };
    let fix = match c.way {
        Way::BuiltIn => Text::new("orthanc-live-offer-terminator"),
        Way::Terminator => Text::new("orthanc-live-terminator-fix"),
    };
    let detail = format!("{observed:?}; rollback: {problems:?}; http: {back:?}");
    let mut finding = Finding::new(cause.text(c.way)).fix(fix).detail(detail);
    finding.more.push(back_text);
    Err(finding)
}

/// Orthanc's server certificate as `status` and `renew` keep it.
pub fn record_of(
    host: &str,
    pem: &std::path::Path,
    issued: &IssuedCert,
    issuer: &str,
) -> CertRecord {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let not_before = X509Certificate::from_der(&issued.cert_der)
        .map(|(_, c)| c.validity().not_before.to_datetime())
        .unwrap_or(issued.not_after - time::Duration::days(825));
    CertRecord {
        domain: host.to_string(),
        path_crt: pem.to_path_buf(),
        path_key: pem.to_path_buf(),
        not_before,
        not_after: issued.not_after,
        issuer: issuer.to_string(),
        fingerprint_sha256: Sha256::digest(&issued.cert_der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        renewal: RenewalHint {
            ari_window: None,
            warn_days: Some(WARN_DAYS),
        },
    }
}

/// A browser certificate made in memory for the check alone (`renew`
/// has no person's password).
pub fn probe_identity(issued: &IssuedCert) -> Identity {
    (
        vec![issued.cert_der.clone()],
        PrivateKeyDer::Pkcs8(issued.key_der().to_vec().into()),
    )
}
