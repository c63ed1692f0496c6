//! A PKCS#12 whose key bag is stored without encryption (`openssl pkcs12
//! -keypbe NONE`, some Windows tools): p12-keystore reads only shrouded
//! key bags. The plain bag is wrapped as a shrouded one, in memory, under
//! the passphrase the file's MAC was already checked with, and the file
//! handed to p12-keystore again.

use cms::content_info::ContentInfo;
use pkcs8::der::asn1::{ContextSpecific, OctetString};
use pkcs8::der::{Any, Decode, Encode};
use pkcs8::pkcs5::pbes2;
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::SafeContents;

const DATA: pkcs8::der::oid::ObjectIdentifier =
    pkcs8::der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");

fn octets(ci: &ContentInfo) -> Option<Vec<u8>> {
    let der = ci.content.to_der().ok()?;
    Some(OctetString::from_der(&der).ok()?.into_bytes())
}

fn as_content(der: Vec<u8>) -> Option<Any> {
    Any::from_der(&OctetString::new(der).ok()?.to_der().ok()?).ok()
}

/// The file with every plain key bag shrouded and without its MAC (only
/// call after the MAC was verified); `None` when it has no plain key bag.
pub fn shroud(data: &[u8], passphrase: &str) -> Option<Vec<u8>> {
    let mut pfx = Pfx::from_der(data).ok()?;
    if pfx.auth_safe.content_type != DATA {
        return None;
    }
    let mut safes = Vec::<ContentInfo>::from_der(&octets(&pfx.auth_safe)?).ok()?;
    let mut changed = false;
    for safe in &mut safes {
        if safe.content_type != DATA {
            continue;
        }
        let Some(mut bags) = octets(safe).and_then(|d| SafeContents::from_der(&d).ok()) else {
            continue;
        };
        // pkcs12 0.1 decodes a bag's value with its [0] wrapper but adds
        // the wrapper again when encoding: every bag of a rewritten list
        // holds the bare value.
        let mut here = false;
        for bag in &mut bags {
            let inner = ContextSpecific::<Any>::from_der(&bag.bag_value)
                .ok()?
                .value
                .to_der()
                .ok()?;
            if bag.bag_id != pkcs12::PKCS_12_KEY_BAG_OID {
                bag.bag_value = inner;
                continue;
            }
            let info = pkcs8::PrivateKeyInfo::try_from(inner.as_slice()).ok()?;
            // Never stored: one iteration and a fixed salt cost nothing
            // and protect nothing, which is all this wrapping is for.
            let params =
                pbes2::Parameters::pbkdf2_sha256_aes256cbc(1, &[0u8; 16], &[0u8; 16]).ok()?;
            let shrouded = info.encrypt_with_params(params, passphrase).ok()?;
            bag.bag_value = shrouded.as_bytes().to_vec();
            bag.bag_id = pkcs12::PKCS_12_PKCS8_KEY_BAG_OID;
            here = true;
        }
        if here {
            safe.content = as_content(bags.to_der().ok()?)?;
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    pfx.auth_safe.content = as_content(safes.to_der().ok()?)?;
    pfx.mac_data = None;
    pfx.to_der().ok()
}
