//! One order for one name: create or resume, validate over HTTP-01, finalize
//! with our own P-256 key, download the chain, store it versioned.

use std::path::{Path, PathBuf};
use std::time::Duration;

use instant_acme::{
    AuthorizationStatus, ChallengeType, Identifier, NewOrder, Order, OrderStatus, RetryPolicy,
};
use rcgen::{CertificateParams, KeyPair};
use time::Date;

use super::account::write_private_atomic;
use super::error::{from_acme, problem_error};
use super::files::sha256_short;
use super::{Acme, AcmeError, CertInfo, ChallengeSink, VersionedPaths, write_versioned};

/// The four stages the UI shows: Konto, Auftrag, Prüfung, Zertifikat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Account,
    Order,
    Validation,
    Certificate,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Account,
        Stage::Order,
        Stage::Validation,
        Stage::Certificate,
    ];

    /// The Fluent id of the stage's name.
    pub fn text_id(self) -> &'static str {
        match self {
            Stage::Account => "acme-stage-account",
            Stage::Order => "acme-stage-order",
            Stage::Validation => "acme-stage-validation",
            Stage::Certificate => "acme-stage-certificate",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Stage(Stage),
    /// Sent before validation starts, so the resume file has the URL even
    /// when the run dies during validation.
    Order {
        url: String,
        resumed: bool,
    },
    /// An authorization was already valid (reused) and needed no challenge.
    AuthorizationReused {
        name: String,
    },
}

/// Bounds on the waits; the CA may be slow, but the wizard never hangs.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub validation: Duration,
    pub certificate: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            validation: Duration::from_secs(120),
            certificate: Duration::from_secs(120),
        }
    }
}

#[derive(Debug, Clone)]
pub struct IssueRequest {
    pub name: String,
    pub cert_dir: PathBuf,
    /// The order URL a previous run reported, to resume instead of
    /// spending a new order.
    pub resume_order: Option<String>,
    /// The date in the file names (local date, passed in).
    pub today: Date,
    pub timeouts: Timeouts,
    /// Where the caller says which order URLs its resume file holds; when
    /// given, validation waits until the new order is among them.
    pub order_saved: Option<OrderSaved>,
}

/// The order URLs the caller's resume file holds, as it last wrote it.
pub type OrderSaved = tokio::sync::watch::Receiver<Vec<String>>;

/// How long validation waits for the order URL to be saved: the driver saves
/// within milliseconds, and a wedged one must not hold the issuance up.
const ORDER_SAVE_WAIT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub paths: VersionedPaths,
    pub info: CertInfo,
    pub order_url: String,
    pub resumed: bool,
}

/// instant-acme sleeps before its first look; the callers look once at
/// once (an order is often ready by then), so this only governs the waits
/// after that: short at first, then backing off.
fn policy(timeout: Duration) -> RetryPolicy {
    RetryPolicy::new()
        .initial_delay(Duration::from_millis(25))
        .backoff(2.0)
        .timeout(timeout)
}

/// The order's status after validation: looked at once right away, and
/// polled with back-off only while it is still pending.
async fn ready_status(
    order: &mut Order,
    timeout: Duration,
) -> Result<OrderStatus, instant_acme::Error> {
    let state = order.refresh().await?;
    if let Some(error) = &state.error {
        return Err(instant_acme::Error::Api(error.clone()));
    }
    match state.status {
        OrderStatus::Ready | OrderStatus::Invalid => Ok(state.status),
        _ => order.poll_ready(&policy(timeout)).await,
    }
}

/// The chain once the order is valid: fetched at once when the finalize
/// answer already says so, polled with back-off otherwise.
async fn chain_of(order: &mut Order, timeout: Duration) -> Result<String, instant_acme::Error> {
    match order.certificate().await? {
        Some(chain) => Ok(chain),
        None => order.poll_certificate(&policy(timeout)).await,
    }
}

async fn wait_saved(mut saved: OrderSaved, url: &str) {
    let wait = saved.wait_for(|urls| urls.iter().any(|u| u == url));
    if !matches!(tokio::time::timeout(ORDER_SAVE_WAIT, wait).await, Ok(Ok(_))) {
        tracing::warn!(
            order = url,
            "order URL not saved in time; validating anyway"
        );
    }
}

impl Acme {
    pub async fn issue(
        &self,
        req: &IssueRequest,
        sink: &dyn ChallengeSink,
        progress: &(dyn Fn(Progress) + Send + Sync),
    ) -> Result<Issued, AcmeError> {
        let host = req.name.as_str();
        progress(Progress::Stage(Stage::Order));
        let (mut order, resumed) = self.open_order(req).await?;
        let order_url = order.url().to_string();
        progress(Progress::Order {
            url: order_url.clone(),
            resumed,
        });
        if let Some(saved) = &req.order_saved {
            // A run killed during validation resumes this order only if
            // its URL reached the disk first.
            wait_saved(saved.clone(), &order_url).await;
        }

        let pending_key = self.pending_key_path(&order_url);
        let status = order.state().status;
        if matches!(status, OrderStatus::Pending | OrderStatus::Ready) {
            progress(Progress::Stage(Stage::Validation));
            let mut published = Vec::new();
            let result = self
                .validate(&mut order, host, sink, &mut published, progress, req)
                .await;
            for token in &published {
                sink.withdraw(token);
            }
            result?;
        }

        progress(Progress::Stage(Stage::Certificate));
        let key_pem = self.key_for(&mut order, &pending_key, host).await?;
        let chain = chain_of(&mut order, req.timeouts.certificate)
            .await
            .map_err(|e| from_acme(e, host))?;
        let (info, _) = CertInfo::from_pem_chain(chain.as_bytes())?;
        let paths = write_versioned(
            &req.cert_dir,
            host,
            req.today,
            chain.as_bytes(),
            key_pem.as_bytes(),
        )?;
        let _ = std::fs::remove_file(&pending_key);
        Ok(Issued {
            paths,
            info,
            order_url,
            resumed,
        })
    }

    /// Resumes the given order while it can still lead to a certificate
    /// for this name; otherwise starts a new one.
    async fn open_order(&self, req: &IssueRequest) -> Result<(Order, bool), AcmeError> {
        if let Some(url) = &req.resume_order
            && let Ok(mut order) = self.account.order(url.clone()).await
        {
            let usable = matches!(
                order.state().status,
                OrderStatus::Pending
                    | OrderStatus::Ready
                    | OrderStatus::Processing
                    | OrderStatus::Valid
            );
            let valid_needs_key = matches!(
                order.state().status,
                OrderStatus::Processing | OrderStatus::Valid
            ) && !self.pending_key_path(url).exists();
            if usable && !valid_needs_key && self.order_is_for(&mut order, &req.name).await {
                return Ok((order, true));
            }
        }
        let ids = [Identifier::Dns(req.name.clone())];
        let order = self
            .account
            .new_order(&NewOrder::new(&ids))
            .await
            .map_err(|e| from_acme(e, &req.name))?;
        Ok((order, false))
    }

    async fn order_is_for(&self, order: &mut Order, name: &str) -> bool {
        let mut ids = order.identifiers();
        let mut all = Vec::new();
        while let Some(Ok(id)) = ids.next().await {
            all.push(id.to_string());
        }
        all == [name.to_string()]
    }

    async fn validate(
        &self,
        order: &mut Order,
        host: &str,
        sink: &dyn ChallengeSink,
        published: &mut Vec<String>,
        progress: &(dyn Fn(Progress) + Send + Sync),
        req: &IssueRequest,
    ) -> Result<(), AcmeError> {
        let mut authzs = order.authorizations();
        while let Some(authz) = authzs.next().await {
            let mut authz = authz.map_err(|e| from_acme(e, host))?;
            match authz.status {
                AuthorizationStatus::Valid => {
                    progress(Progress::AuthorizationReused {
                        name: authz.identifier().to_string(),
                    });
                    continue;
                }
                AuthorizationStatus::Pending => {}
                _ => {
                    if let Some(p) = authz.challenges.iter().find_map(|c| c.error.as_ref()) {
                        return Err(problem_error(p, host));
                    }
                    return Err(AcmeError::Protocol(format!(
                        "authorization is {:?}",
                        authz.status
                    )));
                }
            }
            let mut challenge = authz
                .challenge(ChallengeType::Http01)
                .ok_or_else(|| AcmeError::NoHttpChallenge(host.to_string()))?;
            let key_auth = challenge.key_authorization();
            sink.publish(&challenge.token, key_auth.as_str());
            published.push(challenge.token.clone());
            challenge
                .set_ready()
                .await
                .map_err(|e| from_acme(e, host))?;
        }
        let status = match ready_status(order, req.timeouts.validation).await {
            Ok(s) => s,
            Err(instant_acme::Error::Timeout(_)) => {
                return Err(AcmeError::Timeout {
                    stage: "validation",
                });
            }
            Err(e) => return Err(self.explain_failure(order, host, e).await),
        };
        if status != OrderStatus::Ready {
            return Err(self
                .explain_failure(order, host, instant_acme::Error::Str("order invalid"))
                .await);
        }
        Ok(())
    }

    /// The order's own error is often generic; the challenge's error says
    /// what the CA saw, so that is the one explained.
    async fn explain_failure(
        &self,
        order: &mut Order,
        host: &str,
        fallback: instant_acme::Error,
    ) -> AcmeError {
        let mut authzs = order.authorizations();
        while let Some(Ok(mut authz)) = authzs.next().await {
            if let Ok(state) = authz.refresh().await
                && let Some(p) = state.challenges.iter().find_map(|c| c.error.as_ref())
            {
                return problem_error(p, host);
            }
        }
        from_acme(fallback, host)
    }

    /// The key behind the CSR. For a ready order a new key is made and
    /// saved before finalizing; a resumed order that is already processing
    /// or valid reuses the key saved then.
    async fn key_for(
        &self,
        order: &mut Order,
        pending: &Path,
        host: &str,
    ) -> Result<String, AcmeError> {
        if matches!(
            order.state().status,
            OrderStatus::Processing | OrderStatus::Valid
        ) {
            return crate::io::safe_dir::read(pending)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(AcmeError::file(pending));
        }
        let key = KeyPair::generate().map_err(|e| AcmeError::Key(e.to_string()))?;
        let params = CertificateParams::new(vec![host.to_string()])
            .map_err(|e| AcmeError::Key(e.to_string()))?;
        let csr = params
            .serialize_request(&key)
            .map_err(|e| AcmeError::Key(e.to_string()))?;
        let pem = key.serialize_pem();
        let _ = std::fs::remove_file(pending);
        write_private_atomic(pending, pem.as_bytes())?;
        order
            .finalize_csr(csr.der())
            .await
            .map_err(|e| from_acme(e, host))?;
        Ok(pem)
    }

    fn pending_key_path(&self, order_url: &str) -> PathBuf {
        self.state_dir.join("acme").join(format!(
            "pending-{}.key",
            sha256_short(order_url.as_bytes())
        ))
    }
}
