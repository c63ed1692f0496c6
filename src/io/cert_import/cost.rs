//! The work a PKCS#12 file asks for before p12-keystore does it: every
//! iteration count it names (MAC, the encrypted contents, the key bags) is
//! read without decrypting anything, and a file that asks for more than a
//! practice's export ever does is refused. One with 2^31 iterations held
//! the screen for minutes.

use cms::content_info::ContentInfo;
use cms::encrypted_data::EncryptedData;
use pkcs8::der::asn1::{ContextSpecific, OctetString};
use pkcs8::der::oid::ObjectIdentifier;
use pkcs8::der::{Decode, Encode};
use pkcs8::spki::AlgorithmIdentifierOwned;
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pbes2Params, Pbkdf2Params, Pkcs12PbeParams};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::SafeContents;

/// OpenSSL and Windows export with 2 000 to 10 000; current advice for
/// PBKDF2 is 600 000. Ten times the common values, well below a hang.
pub const MAX_ITERATIONS: u64 = 1_000_000;
/// All counts of one file together.
pub const MAX_TOTAL: u64 = 3 * MAX_ITERATIONS;

const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.6");
const PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const PBKDF2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.12");
const PKCS12_PBE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.1");

/// `Err(count)`: the file asks for `count` iterations in one place, or all
/// its places together, more than allowed. A file that does not parse
/// passes: p12-keystore refuses it with its own reason.
pub fn check(data: &[u8]) -> Result<(), u64> {
    let Ok(pfx) = Pfx::from_der(data) else {
        return Ok(());
    };
    let mut total = 0u64;
    let mut add = |n: u64| {
        total = total.saturating_add(n);
        if n > MAX_ITERATIONS {
            return Err(n);
        }
        if total > MAX_TOTAL {
            return Err(total);
        }
        Ok(())
    };
    if let Some(mac) = &pfx.mac_data {
        add(count(i64::from(mac.iterations)))?;
    }
    if pfx.auth_safe.content_type != DATA {
        return Ok(());
    }
    let Some(safes) = octets(&pfx.auth_safe).and_then(|d| Vec::<ContentInfo>::from_der(&d).ok())
    else {
        return Ok(());
    };
    for safe in &safes {
        if safe.content_type == ENCRYPTED_DATA {
            if let Some(e) = safe
                .content
                .to_der()
                .ok()
                .and_then(|d| EncryptedData::from_der(&d).ok())
            {
                add(alg_cost(&e.enc_content_info.content_enc_alg))?;
            }
            continue;
        }
        let Some(bags) = octets(safe).and_then(|d| SafeContents::from_der(&d).ok()) else {
            continue;
        };
        for bag in bags {
            if bag.bag_id != pkcs12::PKCS_12_PKCS8_KEY_BAG_OID {
                continue;
            }
            if let Ok(k) = ContextSpecific::<EncryptedPrivateKeyInfo>::from_der(&bag.bag_value) {
                add(alg_cost(&k.value.encryption_algorithm))?;
            }
        }
    }
    Ok(())
}

fn octets(ci: &ContentInfo) -> Option<Vec<u8>> {
    let der = ci.content.to_der().ok()?;
    Some(OctetString::from_der(&der).ok()?.into_bytes())
}

/// Negative counts are as unusable as huge ones.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The iterations an encryption algorithm asks for; an unknown one costs
/// nothing here (p12-keystore does not support it).
fn alg_cost(alg: &AlgorithmIdentifierOwned) -> u64 {
    let Some(params) = alg.parameters.as_ref().and_then(|p| p.to_der().ok()) else {
        return 0;
    };
    if alg.oid == PBES2 {
        let Ok(p) = Pbes2Params::from_der(&params) else {
            return 0;
        };
        if p.kdf.oid != PBKDF2 {
            return 0;
        }
        return p
            .kdf
            .parameters
            .as_ref()
            .and_then(|k| k.to_der().ok())
            .and_then(|k| Pbkdf2Params::from_der(&k).ok())
            .map_or(0, |k| u64::from(k.iteration_count));
    }
    if alg.oid.as_bytes().starts_with(PKCS12_PBE.as_bytes()) {
        return Pkcs12PbeParams::from_der(&params).map_or(0, |p| count(i64::from(p.iterations)));
    }
    0
}
