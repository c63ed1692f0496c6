//! Which names the practice CA certifies: host names as certificates
//! carry them, and the ranges its name constraints allow.

use std::fmt;
use std::net::IpAddr;

use x509_parser::prelude::{GeneralName, X509Certificate};

use super::PracticeCaError;

/// An address range the CA may certify, e.g. `192.168.10.0/24`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subnet {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl Subnet {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix.min(32)));
                let mask = mask.unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix.min(128)));
                let mask = mask.unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl fmt::Display for Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

pub(super) fn constraints_of(x509: &X509Certificate<'_>) -> (Vec<String>, Vec<Subnet>) {
    let mut dns = Vec::new();
    let mut ip = Vec::new();
    let Ok(Some(nc)) = x509.name_constraints() else {
        return (dns, ip);
    };
    for subtree in nc.value.permitted_subtrees.iter().flatten() {
        match &subtree.base {
            GeneralName::DNSName(d) => dns.push(d.to_string()),
            GeneralName::IPAddress(bytes) => ip.extend(subnet_of(bytes)),
            _ => {}
        }
    }
    (dns, ip)
}

/// Address and mask bytes, as name constraints store a range.
pub(super) fn subnet_of(bytes: &[u8]) -> Option<Subnet> {
    let half = bytes.len() / 2;
    let (addr, mask) = bytes.split_at(half);
    let prefix = u8::try_from(mask.iter().map(|b| b.count_ones()).sum::<u32>()).ok()?;
    let addr = match half {
        4 => IpAddr::from(<[u8; 4]>::try_from(addr).ok()?),
        16 => IpAddr::from(<[u8; 16]>::try_from(addr).ok()?),
        _ => return None,
    };
    Some(Subnet { addr, prefix })
}

/// A host name as certificates carry it: ASCII (IDNA), lower case, no
/// trailing dot, letters, digits and hyphens only.
pub(super) fn dns_name(name: &str) -> Result<String, PracticeCaError> {
    let bad = || PracticeCaError::BadHostName {
        name: name.to_string(),
    };
    let trimmed = name.trim().trim_end_matches('.');
    let ascii = idna::domain_to_ascii(trimmed).map_err(|_| bad())?;
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if ascii.is_empty() || ascii.len() > 253 || !ascii.split('.').all(label_ok) {
        return Err(bad());
    }
    Ok(ascii)
}
