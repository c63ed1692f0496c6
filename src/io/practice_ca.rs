//! The practice's own certificate authority, for systems that only the
//! practice network reaches (Orthanc, seed `orthanc-https.rst`): no public
//! CA can certify an intranet name, and a self-signed certificate per
//! server would mean one browser warning per server. Instead the practice's
//! computers trust this one CA once, and everything it signs is trusted.
//!
//! The CA lives in the state directory (`practice_ca/`, key 0600) and is
//! reused on every run: a new CA would have to be installed again on every
//! computer of the practice.

mod client;
mod error;
mod names;
pub mod orthanc;

use std::fmt;
use std::io;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, CidrSubnet, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, GeneralSubtree, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    NameConstraints, PKCS_ECDSA_P256_SHA256,
};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use time::{Duration, OffsetDateTime};
use x509_parser::prelude::{FromDer, X509Certificate};

pub use client::{ClientExport, MIN_PASSPHRASE, P12Compat, export_ca_cert, export_client};
pub use error::PracticeCaError;
pub use names::Subnet;
use names::{constraints_of, dns_name};

use super::atomic;

/// Below the state directory. (An underscore: the name must not look like
/// a message id.)
pub const CA_DIR: &str = "practice_ca";
const KEY_FILE: &str = "ca.key";
pub const CERT_FILE: &str = "ca.crt";

/// Long, because replacing the CA means visiting every computer again.
pub const CA_VALIDITY: Duration = Duration::days(3650);
/// Apple's platforms refuse TLS server certificates valid for longer than
/// 825 days, whichever CA signed them.
pub const LEAF_VALIDITY: Duration = Duration::days(825);
/// Practice computers with a clock a little behind still accept a
/// certificate made a moment ago.
const BACKDATE: Duration = Duration::hours(1);

/// How a new CA is made. Name constraints limit what the CA can certify,
/// so that a stolen CA key cannot impersonate the practice's bank: with
/// `permitted_dns = ["praxis.lan"]` it signs only names in that domain.
/// Empty lists mean no limit of that kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaOptions {
    /// Shown in the browser's certificate list, e.g. "Praxis Dr. Muster".
    pub practice_name: String,
    pub permitted_dns: Vec<String>,
    pub permitted_ip: Vec<Subnet>,
}

pub struct PracticeCa {
    key: KeyPair,
    cert_pem: String,
    cert_der: CertificateDer<'static>,
    distinguished_name: DistinguishedName,
    organization: Option<String>,
    not_after: OffsetDateTime,
    permitted_dns: Vec<String>,
    permitted_ip: Vec<Subnet>,
}

impl fmt::Debug for PracticeCa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the key.
        f.debug_struct("PracticeCa")
            .field("organization", &self.organization)
            .field("not_after", &self.not_after)
            .field("permitted_dns", &self.permitted_dns)
            .field("permitted_ip", &self.permitted_ip)
            .finish_non_exhaustive()
    }
}

/// A key and the certificate the practice CA made for it.
pub struct IssuedCert {
    pub cert_pem: String,
    pub cert_der: CertificateDer<'static>,
    pub not_after: OffsetDateTime,
    key_pem: String,
    key_der: Vec<u8>,
}

impl fmt::Debug for IssuedCert {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedCert")
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

impl IssuedCert {
    /// PKCS#8, PEM. Private: write it only to 0600 files.
    pub fn key_pem(&self) -> &str {
        &self.key_pem
    }

    /// PKCS#8, DER.
    pub fn key_der(&self) -> &[u8] {
        &self.key_der
    }

    /// Key first, then certificate: the one file Orthanc's `SslCertificate`
    /// names ("prepend this certificate with … your private key").
    pub fn combined_pem(&self) -> String {
        format!("{}{}", self.key_pem, self.cert_pem)
    }
}

fn ca_paths(state_dir: &Path) -> (PathBuf, PathBuf) {
    let dir = state_dir.join(CA_DIR);
    (dir.join(KEY_FILE), dir.join(CERT_FILE))
}

impl PracticeCa {
    /// The CA of this state directory; made (and stored) on first use.
    /// Returns whether it was made now.
    pub fn load_or_create(
        state_dir: &Path,
        options: &CaOptions,
        now: OffsetDateTime,
    ) -> Result<(PracticeCa, bool), PracticeCaError> {
        match PracticeCa::load(state_dir, now)? {
            Some(ca) => Ok((ca, false)),
            None => Ok((PracticeCa::create(state_dir, options, now)?, true)),
        }
    }

    /// Makes a new CA and stores it, replacing any old one. Every computer
    /// that trusted the old one must be given the new certificate.
    pub fn create(
        state_dir: &Path,
        options: &CaOptions,
        now: OffsetDateTime,
    ) -> Result<PracticeCa, PracticeCaError> {
        let name = options.practice_name.trim();
        if name.is_empty() || name.chars().count() > 48 {
            return Err(PracticeCaError::BadPracticeName);
        }
        let mut permitted_dns = Vec::new();
        for d in &options.permitted_dns {
            permitted_dns.push(dns_name(d)?);
        }
        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256)?;
        let organization = Some(name.to_string());
        let mut params = issuer_params(ca_name(name), organization.as_deref());
        params.not_before = now - BACKDATE;
        params.not_after = now + CA_VALIDITY;
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        let mut subtrees: Vec<GeneralSubtree> = permitted_dns
            .iter()
            .map(|d| GeneralSubtree::DnsName(d.clone()))
            .collect();
        subtrees.extend(
            options
                .permitted_ip
                .iter()
                .map(|s| GeneralSubtree::IpAddress(CidrSubnet::from_addr_prefix(s.addr, s.prefix))),
        );
        // Without permitted addresses, every address is excluded: a
        // constraint on names alone leaves addresses open to a stolen key.
        let excluded = if options.permitted_ip.is_empty() && !subtrees.is_empty() {
            vec![
                GeneralSubtree::IpAddress(CidrSubnet::from_addr_prefix(IpAddr::from([0u8; 4]), 0)),
                GeneralSubtree::IpAddress(CidrSubnet::from_addr_prefix(IpAddr::from([0u16; 8]), 0)),
            ]
        } else {
            Vec::new()
        };
        if !subtrees.is_empty() {
            params.name_constraints = Some(NameConstraints {
                permitted_subtrees: subtrees,
                excluded_subtrees: excluded,
            });
        }
        let cert = params.self_signed(&key)?;

        let (key_path, cert_path) = ca_paths(state_dir);
        let dir = state_dir.join(CA_DIR);
        atomic::ensure_private_dir(&dir, 0o700).map_err(|e| PracticeCaError::io(&dir, e))?;
        // Key first: a crash in between leaves a key without certificate,
        // which the next run replaces; never a certificate without its key.
        atomic::write_atomic(&key_path, key.serialize_pem().as_bytes(), 0o600)
            .map_err(|e| PracticeCaError::io(&key_path, e))?;
        atomic::write_atomic(&cert_path, cert.pem().as_bytes(), 0o644)
            .map_err(|e| PracticeCaError::io(&cert_path, e))?;
        Ok(PracticeCa {
            key,
            cert_pem: cert.pem(),
            cert_der: cert.der().clone(),
            distinguished_name: params.distinguished_name,
            organization,
            not_after: params.not_after,
            permitted_dns,
            permitted_ip: options.permitted_ip.clone(),
        })
    }

    /// The stored CA, if there is one. An expired CA is an error: it would
    /// only sign certificates no browser accepts.
    pub fn load(
        state_dir: &Path,
        now: OffsetDateTime,
    ) -> Result<Option<PracticeCa>, PracticeCaError> {
        let (key_path, cert_path) = ca_paths(state_dir);
        // In the state directory: never read through a link.
        let text =
            |p: &Path| super::safe_dir::read(p).map(|b| String::from_utf8_lossy(&b).into_owned());
        let cert_pem = match text(&cert_path) {
            Ok(s) => s,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(PracticeCaError::io(&cert_path, e)),
        };
        let key_pem = match text(&key_path) {
            Ok(s) => s,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(PracticeCaError::KeyMissing { path: key_path });
            }
            Err(e) => return Err(PracticeCaError::io(&key_path, e)),
        };
        let key = KeyPair::from_pem(&key_pem)
            .map_err(|_| PracticeCaError::damaged(&key_path, "key does not parse"))?;
        let cert_der = CertificateDer::from_pem_slice(cert_pem.as_bytes())
            .map_err(|e| PracticeCaError::damaged(&cert_path, e.to_string()))?;
        let (_, x509) = X509Certificate::from_der(&cert_der)
            .map_err(|e| PracticeCaError::damaged(&cert_path, e.to_string()))?;
        if x509.public_key().subject_public_key.data.as_ref() != key.public_key_raw() {
            return Err(PracticeCaError::damaged(
                &cert_path,
                "key and certificate differ",
            ));
        }
        if !x509.is_ca() {
            return Err(PracticeCaError::damaged(&cert_path, "not a CA certificate"));
        }
        let not_after = x509.validity().not_after.to_datetime();
        if not_after <= now {
            return Err(PracticeCaError::Expired {
                not_after: not_after.date().to_string(),
            });
        }
        let first = |attrs: Option<&x509_parser::x509::AttributeTypeAndValue>| {
            attrs.and_then(|a| a.as_str().ok()).map(str::to_string)
        };
        let common_name = first(x509.subject().iter_common_name().next())
            .ok_or_else(|| PracticeCaError::damaged(&cert_path, "no common name"))?;
        let organization = first(x509.subject().iter_organization().next());
        let (permitted_dns, permitted_ip) = constraints_of(&x509);
        let distinguished_name =
            issuer_params(common_name, organization.as_deref()).distinguished_name;
        let ca = PracticeCa {
            key,
            cert_der: cert_der.clone().into_owned(),
            cert_pem,
            distinguished_name,
            organization,
            not_after,
            permitted_dns,
            permitted_ip,
        };
        Ok(Some(ca))
    }

    /// PEM, for the practice's computers to trust (not secret).
    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    pub fn cert_der(&self) -> &CertificateDer<'static> {
        &self.cert_der
    }

    pub fn not_after(&self) -> OffsetDateTime {
        self.not_after
    }

    pub fn permitted_dns(&self) -> &[String] {
        &self.permitted_dns
    }

    pub fn permitted_ip(&self) -> &[Subnet] {
        &self.permitted_ip
    }

    /// A server certificate for `host` (and the given addresses), for
    /// browsers on the practice network.
    pub fn issue_server(
        &self,
        host: &str,
        ips: &[IpAddr],
        now: OffsetDateTime,
    ) -> Result<IssuedCert, PracticeCaError> {
        let host = dns_name(host)?;
        self.check_constraints(&host, ips)?;
        let mut names = vec![host.clone()];
        names.extend(ips.iter().map(IpAddr::to_string));
        let mut params = CertificateParams::new(names)?;
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, host);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        self.sign(params, now)
    }

    /// A certificate that identifies one person's browser to Orthanc.
    pub fn issue_client(
        &self,
        person: &str,
        now: OffsetDateTime,
    ) -> Result<IssuedCert, PracticeCaError> {
        let person = person.trim();
        if person.is_empty() || person.chars().count() > 64 {
            return Err(PracticeCaError::BadPersonName);
        }
        let mut params = CertificateParams::default();
        params.distinguished_name.push(DnType::CommonName, person);
        if let Some(org) = &self.organization {
            params
                .distinguished_name
                .push(DnType::OrganizationName, org.as_str());
        }
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        self.sign(params, now)
    }

    fn sign(
        &self,
        mut params: CertificateParams,
        now: OffsetDateTime,
    ) -> Result<IssuedCert, PracticeCaError> {
        params.not_before = now - BACKDATE;
        params.not_after = (params.not_before + LEAF_VALIDITY).min(self.not_after);
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256)?;
        let mut issuer_params = CertificateParams::default();
        issuer_params.distinguished_name = self.distinguished_name.clone();
        issuer_params.key_usages = ca_key_usages();
        let issuer = Issuer::new(issuer_params, &self.key);
        let cert = params.signed_by(&key, &issuer)?;
        Ok(IssuedCert {
            cert_pem: cert.pem(),
            cert_der: cert.der().clone(),
            not_after: params.not_after,
            key_pem: key.serialize_pem(),
            key_der: key.serialize_der(),
        })
    }

    /// Refuses a name the CA's own constraints forbid: browsers would
    /// reject the certificate, and only at the moment someone needs it.
    fn check_constraints(&self, host: &str, ips: &[IpAddr]) -> Result<(), PracticeCaError> {
        let allowed = || {
            let mut all: Vec<String> = self.permitted_dns.clone();
            all.extend(self.permitted_ip.iter().map(Subnet::to_string));
            all.join(", ")
        };
        let dns_ok = self.permitted_dns.is_empty()
            || self.permitted_dns.iter().any(|d| {
                let d = d.trim_start_matches('.');
                host == d || host.ends_with(&format!(".{d}"))
            });
        if !dns_ok {
            return Err(PracticeCaError::OutsideConstraints {
                name: host.to_string(),
                allowed: allowed(),
            });
        }
        for ip in ips {
            if !self.permitted_ip.is_empty() && !self.permitted_ip.iter().any(|s| s.contains(*ip)) {
                return Err(PracticeCaError::OutsideConstraints {
                    name: ip.to_string(),
                    allowed: allowed(),
                });
            }
        }
        Ok(())
    }
}

fn ca_name(practice: &str) -> String {
    format!("{practice} Praxis-CA")
}

fn ca_key_usages() -> Vec<KeyUsagePurpose> {
    vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ]
}

/// The CA's name, built the same way when made and when loaded: issued
/// certificates must name their issuer byte for byte as the CA names itself.
fn issuer_params(common_name: String, organization: Option<&str>) -> CertificateParams {
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    if let Some(org) = organization {
        params
            .distinguished_name
            .push(DnType::OrganizationName, org);
    }
    params.key_usages = ca_key_usages();
    params
}

#[cfg(test)]
mod tests;
