use std::path::PathBuf;

use crate::core::Finding;
use crate::core::library::acme_errors::AcmeProblem;

#[derive(Debug, thiserror::Error)]
pub enum AcmeError {
    #[error("the e-mail address {email:?} is not valid: {reason}")]
    Email {
        email: String,
        reason: super::EmailError,
    },
    #[error("the terms of service of the CA were not accepted")]
    TermsNotAccepted,
    #[error("cannot read the CA's trust anchor {path}: {reason}")]
    TrustAnchor { path: PathBuf, reason: String },
    #[error("HTTP request to {url} failed: {reason}")]
    Http { url: String, reason: String },
    #[error("the ACME directory at {url} is not usable: {reason}")]
    Directory { url: String, reason: String },
    /// The CA answered with a problem document; `finding` explains it.
    #[error("the CA reported a problem: {}", problem.raw())]
    Problem {
        problem: AcmeProblem,
        finding: Box<Finding>,
    },
    #[error("ACME protocol error: {0}")]
    Protocol(String),
    #[error("the CA offers no HTTP-01 challenge for {0}")]
    NoHttpChallenge(String),
    #[error("the CA did not finish in time ({stage})")]
    Timeout { stage: &'static str },
    /// A certificate folder someone else could change (see `safe_dir`).
    #[error(transparent)]
    UnsafeDir(Box<crate::io::safe_dir::SafeDirError>),
    #[error("file {path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("account file {path} is damaged: {reason}")]
    AccountFile { path: PathBuf, reason: String },
    #[error("key or CSR generation failed: {0}")]
    Key(String),
    #[error("the issued certificate cannot be read: {0}")]
    Certificate(#[from] super::CertInfoError),
}

impl AcmeError {
    pub(crate) fn file(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AcmeError {
        let path = path.into();
        move |source| AcmeError::File { path, source }
    }

    /// Creates a certificate folder (0700) and refuses one that someone
    /// else controls.
    pub(crate) fn ensure_dir(dir: &std::path::Path) -> Result<(), AcmeError> {
        use crate::io::safe_dir::{self, SafeDirError};
        safe_dir::ensure(dir).map_err(|e| match e {
            SafeDirError::Io { path, source } => AcmeError::File { path, source },
            unsafe_dir => AcmeError::UnsafeDir(Box::new(unsafe_dir)),
        })
    }

    /// What kind of failure this is, as the commands' exit codes tell it.
    pub fn kind(&self) -> crate::core::model::certificate::FailureKind {
        use crate::core::library::acme_errors::ProblemKind;
        use crate::core::model::certificate::FailureKind;
        match self {
            AcmeError::Email { .. }
            | AcmeError::TermsNotAccepted
            | AcmeError::TrustAnchor { .. } => FailureKind::Usage,
            AcmeError::Timeout {
                stage: "validation",
            } => FailureKind::Validation,
            AcmeError::Problem { problem, .. } => {
                match problem.kind.as_deref().map(ProblemKind::parse) {
                    Some(ProblemKind::RateLimited) => FailureKind::RateLimited,
                    Some(
                        ProblemKind::Caa
                        | ProblemKind::Compound
                        | ProblemKind::Connection
                        | ProblemKind::Dns
                        | ProblemKind::IncorrectResponse
                        | ProblemKind::Tls
                        | ProblemKind::Unauthorized,
                    ) => FailureKind::Validation,
                    _ => FailureKind::Other,
                }
            }
            _ => FailureKind::Other,
        }
    }

    /// A finding for every error: the CA's own explanation when it gave
    /// one, otherwise a plain one; the technical text goes into `detail`.
    pub fn to_finding(&self) -> Finding {
        use crate::core::Text;
        let (summary, fix) = match self {
            AcmeError::Problem { finding, .. } => return (**finding).clone(),
            AcmeError::Email { email, .. } => (
                Text::new("acme-email-invalid").arg("email", email.clone()),
                None,
            ),
            AcmeError::TermsNotAccepted => (Text::new("acme-terms-required"), None),
            AcmeError::Timeout { .. } => {
                (Text::new("acme-error-timeout"), Some("acme-fix-timeout"))
            }
            AcmeError::UnsafeDir(e) => return Finding::new(e.text()),
            // The plain words, not "os error 28": the person can free space.
            AcmeError::File { path, source }
                if crate::io::atomic::FsFault::of(source)
                    == crate::io::atomic::FsFault::DiskFull =>
            {
                let dir = path.parent().unwrap_or(path);
                return Finding::new(
                    Text::new("safe-dir-disk-full").arg("path", dir.display().to_string()),
                );
            }
            AcmeError::Http { .. }
            | AcmeError::Directory { .. }
            | AcmeError::TrustAnchor { .. } => (
                Text::new("acme-error-unreachable"),
                Some("acme-fix-unreachable"),
            ),
            _ => (Text::new("acme-error-internal"), Some("acme-fix-internal")),
        };
        let f = Finding::new(summary).detail(self.to_string());
        match fix {
            Some(id) => f.fix(Text::new(id)),
            None => f,
        }
    }

    /// The plain-language finding, when the CA said what went wrong.
    pub fn finding(&self) -> Option<&Finding> {
        match self {
            AcmeError::Problem { finding, .. } => Some(finding),
            _ => None,
        }
    }
}

/// Copies instant-acme's problem into the core's own type.
pub(crate) fn to_core_problem(p: &instant_acme::Problem) -> AcmeProblem {
    use crate::core::library::acme_errors::{AcmeSubproblem, ProblemIdentifier};
    AcmeProblem {
        kind: p.r#type.clone(),
        detail: p.detail.clone(),
        status: p.status,
        subproblems: p
            .subproblems
            .iter()
            .map(|s| AcmeSubproblem {
                kind: s.r#type.clone(),
                detail: s.detail.clone(),
                identifier: s.identifier.as_ref().map(|i| match i {
                    instant_acme::Identifier::Dns(v) => ProblemIdentifier {
                        kind: "dns".into(),
                        value: v.clone(),
                    },
                    other => ProblemIdentifier {
                        kind: "other".into(),
                        value: format!("{other:?}"),
                    },
                }),
            })
            .collect(),
    }
}

pub(crate) fn problem_error(p: &instant_acme::Problem, host: &str) -> AcmeError {
    let problem = to_core_problem(p);
    let finding = crate::core::library::acme_errors::explain(&problem, host, None);
    AcmeError::Problem {
        problem,
        finding: Box::new(finding),
    }
}

/// instant-acme's error, with problem documents kept as such.
pub(crate) fn from_acme(e: instant_acme::Error, host: &str) -> AcmeError {
    match e {
        instant_acme::Error::Api(p) => problem_error(&p, host),
        instant_acme::Error::Timeout(_) => AcmeError::Timeout { stage: "poll" },
        other => AcmeError::Protocol(other.to_string()),
    }
}
