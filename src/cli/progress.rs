//! Labels and stamps for what the commands tell, and the plain summary
//! of an issuance for scripts (stdout).

use praxis_tls::core::Lang;
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::model::certificate::AcmeEnv;
use praxis_tls::i18n;
use time::OffsetDateTime;

pub(super) fn stamp(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

pub(super) fn env_label(lang: Lang, env: AcmeEnv) -> String {
    i18n::tr(
        lang,
        match env {
            AcmeEnv::Staging => "cli-env-staging",
            AcmeEnv::Production => "cli-env-production",
        },
    )
}

/// The plain summary on stdout, for scripts: `key: value` lines.
pub(super) fn summary(env: AcmeEnv, record: &CertRecord, order: &str, resumed: bool) {
    let env = match env {
        AcmeEnv::Staging => "staging",
        AcmeEnv::Production => "production",
    };
    println!("name: {}", record.domain);
    println!("environment: {env}");
    println!("certificate: {}", record.path_crt.display());
    println!("key: {}", record.path_key.display());
    println!("not_after: {}", stamp(record.not_after));
    println!("issuer: {}", record.issuer);
    println!("order: {order}");
    println!("resumed: {resumed}");
}
