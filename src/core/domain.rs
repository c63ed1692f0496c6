//! The practice's host name, validated: bad input never gets past here.
//! (Interface; the rules are filled in by the domain work.)

use serde::{Deserialize, Serialize};

use super::check::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainName {
    /// Lower-case, punycode (what DNS and the CA see).
    pub ascii: String,
    /// What the person typed, normalised (umlauts kept).
    pub unicode: String,
    /// The registered domain, e.g. `meine-praxis.ch`.
    pub registered: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("empty")]
    Empty,
}

impl DomainError {
    pub fn text(&self) -> Text {
        Text::new("domain-error-empty")
    }
}

pub fn parse(input: &str) -> Result<DomainName, DomainError> {
    let s = input.trim().trim_end_matches('.').to_lowercase();
    if s.is_empty() {
        return Err(DomainError::Empty);
    }
    Ok(DomainName {
        ascii: s.clone(),
        unicode: s.clone(),
        registered: s,
    })
}
