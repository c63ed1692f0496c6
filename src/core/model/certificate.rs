//! The certificate step's state: where the certificate comes from, the
//! ACME account's e-mail and terms, the dry run, the pending order, every
//! attempt, and the certificate that resulted. Never a private key.

use serde::{Deserialize, Serialize};

use super::check::Finding;
use super::input::TextInput;
use crate::core::library::attempts::AttemptHistory;
use crate::core::library::status::CertRecord;

/// In the order of preference the AIoTES seed gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum CertSource {
    /// A certificate the practice already owns, imported and checked.
    Own,
    #[default]
    LetsEncrypt,
    /// Last resort: browsers warn; labelled as such everywhere.
    SelfSigned,
}

/// Where an issuance stands, as the screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcmeStage {
    Account,
    Order,
    Validation,
    Certificate,
}

/// Which run: the staging dry run costs no production rate limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcmeEnv {
    Staging,
    Production,
}

/// What kind of failure ended an issuance: the commands' exit codes and
/// whether trying again later can help follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailureKind {
    /// What was given cannot work (address, terms, trust anchor).
    Usage,
    /// The CA could not validate the name.
    Validation,
    /// The CA's rate limit.
    RateLimited,
    #[default]
    Other,
}

/// Where an environment's files go under the certificate directory: a dry
/// run's certificate is trusted nowhere, so it never lies next to the
/// real ones (the one rule for the wizard and the commands).
pub fn cert_dir_for(base: &std::path::Path, env: AcmeEnv) -> std::path::PathBuf {
    match env {
        AcmeEnv::Staging => base.join("staging"),
        AcmeEnv::Production => base.to_path_buf(),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateState {
    pub source: CertSource,
    pub email: TextInput,
    pub terms_accepted: bool,
    /// The CA's terms, as its directory names them.
    pub terms_url: Option<String>,
    /// The staging dry run went through for this name.
    pub dry_run_for: Option<String>,
    /// An order not yet finished, per environment, so an interrupted
    /// issuance resumes it instead of spending a new one.
    pub staging_order: Option<String>,
    pub production_order: Option<String>,
    pub attempts: AttemptHistory,
    /// The certificate in use, once there is one.
    pub installed: Option<CertRecord>,
    /// Where the own certificate and its key are read from.
    pub own_cert: TextInput,
    pub own_key: TextInput,
    /// The last failure, explained, until the next try. Set and cleared
    /// through [`CertificateState::fail`] and its siblings, so that its
    /// cause always goes with it.
    pub last_error: Option<Finding>,
    #[serde(default)]
    pub last_error_cause: ErrorCause,
}

/// What the last error is about, which decides how long it stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCause {
    /// A try's answer (the CA's, a refusal before ordering, a moved
    /// name): it stays until the next try.
    #[default]
    Attempt,
    /// What she typed (an e-mail address that cannot be one): it goes
    /// once she types again.
    Input,
}

impl CertificateState {
    /// A try ended in this failure.
    pub fn fail(&mut self, finding: Finding) {
        self.last_error = Some(finding);
        self.last_error_cause = ErrorCause::Attempt;
    }

    /// What she typed cannot be used.
    pub fn refuse_input(&mut self, finding: Finding) {
        self.last_error = Some(finding);
        self.last_error_cause = ErrorCause::Input;
    }

    pub fn clear_error(&mut self) {
        self.last_error = None;
        self.last_error_cause = ErrorCause::Attempt;
    }

    /// She typed again: an error about the earlier input is gone.
    pub fn edited(&mut self) {
        if self.last_error_cause == ErrorCause::Input {
            self.clear_error();
        }
    }
}
