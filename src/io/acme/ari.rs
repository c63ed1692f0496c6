use crate::core::library::renewal::{RenewalInfo, parse_renewal_info};

use super::{Acme, AcmeError};

/// The CA's renewal window for a certificate, or `None` when the CA has no
/// ARI (then the watcher falls back to two thirds of the lifetime).
pub async fn fetch_renewal_info(
    acme: &Acme,
    ari_id: &str,
) -> Result<Option<RenewalInfo>, AcmeError> {
    let Some(base) = acme.directory.renewal_info.as_deref() else {
        return Ok(None);
    };
    let url = format!("{}/{ari_id}", base.trim_end_matches('/'));
    let (parts, body) = acme.http.get(&url).await?;
    if !parts.status.is_success() {
        return Err(AcmeError::Http {
            url,
            reason: format!("HTTP {}", parts.status),
        });
    }
    parse_renewal_info(&body)
        .map(Some)
        .map_err(|e| AcmeError::Protocol(e.to_string()))
}
