//! Let's Encrypt (or any ACME CA): account, order for one name, HTTP-01
//! through a [`ChallengeSink`], certificate files under versioned names,
//! and the renewal data the watcher needs.

mod account;
mod ari;
mod certinfo;
mod error;
mod files;
mod http;
mod issue;

pub use account::{AccountFile, Acme, DirectoryInfo, EmailError, validate_email};
pub use ari::fetch_renewal_info;
pub(crate) use certinfo::dns_names as certinfo_dns_names;
pub use certinfo::{CertInfo, CertInfoError, sha256_hex};
pub use error::AcmeError;
pub use files::{VersionedPaths, create_private_file, write_versioned};
pub use http::{DirectoryChoice, HttpClient};
pub use issue::{IssueRequest, Issued, OrderSaved, Progress, Stage, Timeouts};

/// Where the issuer puts HTTP-01 answers. The responder serves
/// `/.well-known/acme-challenge/<token>` with the key authorization as body.
pub trait ChallengeSink: Send + Sync {
    fn publish(&self, token: &str, key_authorization: &str);
    fn withdraw(&self, token: &str);
}
