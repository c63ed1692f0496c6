//! The certificate step's work: an ACME issuance through the responder (in
//! the firewall window), an imported certificate, or a self-signed one; each
//! ends as files under versioned names and a record for the model.

// A finding is what these report; they run once per issuance, so its size
// on the error path costs nothing worth a box.
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::OffsetDateTime;

use super::acme::{Acme, ChallengeSink, DirectoryChoice, IssueRequest, Progress, Stage};
use super::acme::{CertInfo, OrderSaved, Timeouts, write_versioned};
use super::responder::{Responder, ResponderConfig};
use crate::core::library::status::{CertRecord, RenewalHint};
use crate::core::model::certificate::{AcmeEnv, AcmeStage, FailureKind};
use crate::core::model::check::{Finding, Text};

/// Serves the CA's tokens from the wizard's own responder.
pub struct ResponderSink {
    responder: Responder,
}

impl ResponderSink {
    /// `bind`: one address instead of every one (a lab's loopback).
    pub async fn start(
        port: u16,
        bind: Option<std::net::IpAddr>,
    ) -> Result<ResponderSink, Finding> {
        let mut cfg = ResponderConfig {
            port,
            ..ResponderConfig::default()
        };
        match bind {
            Some(std::net::IpAddr::V4(a)) => (cfg.v4, cfg.v6) = (Some(a), None),
            Some(std::net::IpAddr::V6(a)) => (cfg.v4, cfg.v6) = (None, Some(a)),
            None => {}
        }
        match Responder::start(cfg).await {
            Ok(responder) => Ok(ResponderSink { responder }),
            Err(e) => Err(Finding::new(e.text()).fix(Text::new("firewall-probe-failed-fix"))),
        }
    }

    pub async fn stop(self) {
        self.responder.stop().await;
    }
}

impl ChallengeSink for ResponderSink {
    fn publish(&self, token: &str, key_authorization: &str) {
        if let Err(e) = self.responder.add_token(token, key_authorization) {
            tracing::error!("responder refused a token: {e}");
        }
    }

    fn withdraw(&self, token: &str) {
        self.responder.remove_token(token);
    }
}

/// What an issuance reports while it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueEvent {
    Stage(AcmeStage),
    /// The order exists: persist it before validation starts. `resumed`:
    /// one saved earlier, taken up again.
    Order {
        url: String,
        resumed: bool,
    },
    /// The CA still holds a validation for this name.
    AuthorizationReused(String),
}

pub struct IssueJob<'a> {
    pub directory: &'a DirectoryChoice,
    pub state_dir: &'a Path,
    pub cert_dir: &'a Path,
    pub responder_port: u16,
    pub responder_bind: Option<std::net::IpAddr>,
    pub name: &'a str,
    pub email: &'a str,
    pub terms_accepted: bool,
    pub resume_order: Option<String>,
    pub env: AcmeEnv,
    /// The order URLs the caller's resume file holds (see
    /// [`IssueRequest::order_saved`]).
    pub order_saved: Option<OrderSaved>,
}

/// Runs one issuance from account to certificate. The responder listens
/// only while it runs.
pub async fn issue(
    job: IssueJob<'_>,
    events: Arc<dyn Fn(IssueEvent) + Send + Sync>,
    now: OffsetDateTime,
) -> Result<CertRecord, Finding> {
    issue_typed(job, events, now).await.map_err(|(f, _)| f)
}

/// [`issue`], the failure with its kind.
pub async fn issue_typed(
    job: IssueJob<'_>,
    events: Arc<dyn Fn(IssueEvent) + Send + Sync>,
    now: OffsetDateTime,
) -> Result<CertRecord, (Finding, FailureKind)> {
    let typed = |e: super::acme::AcmeError| (e.to_finding(), e.kind());
    let forward = {
        let events = events.clone();
        move |p: Progress| match p {
            Progress::Stage(s) => events(IssueEvent::Stage(match s {
                Stage::Account => AcmeStage::Account,
                Stage::Order => AcmeStage::Order,
                Stage::Validation => AcmeStage::Validation,
                Stage::Certificate => AcmeStage::Certificate,
            })),
            Progress::Order { url, resumed } => events(IssueEvent::Order { url, resumed }),
            Progress::AuthorizationReused { name } => events(IssueEvent::AuthorizationReused(name)),
        }
    };
    let acme = Acme::open(
        job.directory,
        job.state_dir,
        job.email,
        job.terms_accepted,
        &forward,
    )
    .await
    .map_err(typed)?;
    let sink = ResponderSink::start(job.responder_port, job.responder_bind)
        .await
        .map_err(|f| (f, FailureKind::Other))?;
    let cert_dir = crate::core::model::certificate::cert_dir_for(job.cert_dir, job.env);
    let req = IssueRequest {
        name: job.name.to_string(),
        cert_dir,
        resume_order: job.resume_order,
        today: now.date(),
        timeouts: Timeouts::default(),
        order_saved: job.order_saved,
    };
    let result = acme.issue(&req, &sink, &forward).await;
    sink.stop().await;
    let issued = result.map_err(typed)?;
    let mut rec = record(job.name, &issued.info, issued.paths.crt, issued.paths.key);
    // The CA's own renewal window (ARI) where it offers one; without it the
    // renewal falls back to two thirds of the lifetime.
    if let Some(id) = &issued.info.ari_id {
        match super::acme::fetch_renewal_info(&acme, id).await {
            Ok(Some(info)) => {
                rec.renewal.ari_window = Some(info.suggested_window);
            }
            Ok(None) => {}
            Err(e) => tracing::warn!("renewal info: {e}"),
        }
    }
    Ok(rec)
}

fn record(domain: &str, info: &CertInfo, crt: PathBuf, key: PathBuf) -> CertRecord {
    CertRecord {
        domain: domain.to_string(),
        path_crt: crt,
        path_key: key,
        not_before: info.not_before,
        not_after: info.not_after,
        issuer: info.issuer.clone(),
        fingerprint_sha256: info.fingerprint_sha256.clone(),
        renewal: RenewalHint::default(),
    }
}

/// The practice's own certificate, checked and stored like an issued one.
pub fn import(
    name: &str,
    cert: &Path,
    key: Option<&PathBuf>,
    passphrase: Option<&str>,
    cert_dir: &Path,
    now: OffsetDateTime,
) -> Result<CertRecord, Finding> {
    use super::cert_import;
    let material = cert_import::load(cert, key, passphrase).map_err(|e| e.finding(name))?;
    let info = cert_import::check(&material, name, &[], now).map_err(|e| e.finding(name))?;
    let (chain, key_pem) = cert_import::to_pem(&material);
    let paths = write_versioned(
        cert_dir,
        name,
        now.date(),
        chain.as_bytes(),
        key_pem.as_bytes(),
    )
    .map_err(|e| e.to_finding())?;
    Ok(record(name, &info, paths.crt, paths.key))
}

/// The last resort, on explicit choice only.
pub fn self_signed(
    name: &str,
    cert_dir: &Path,
    now: OffsetDateTime,
) -> Result<CertRecord, Finding> {
    let made = super::self_signed::generate(name, now, super::self_signed::DEFAULT_VALIDITY_DAYS)
        .map_err(|e| {
        Finding::new(Text::new("cert-self-signed-failed")).detail(e.to_string())
    })?;
    let paths = write_versioned(
        &cert_dir.join("self-signed"),
        name,
        now.date(),
        made.cert_pem.as_bytes(),
        made.key_pem().as_bytes(),
    )
    .map_err(|e| e.to_finding())?;
    Ok(record(name, &made.info, paths.crt, paths.key))
}
