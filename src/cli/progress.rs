//! What an issuance tells while it runs (stderr, Fluent) and the plain
//! summary for scripts (stdout). Saving the order URL happens here: it is
//! reported before validation starts.

use std::sync::Mutex;

use praxis_tls::core::certificate::AcmeEnv;
use praxis_tls::core::{Lang, Text, Wizard};
use praxis_tls::i18n;
use praxis_tls::io::acme::{Issued, Progress};
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::issue::lock;
use super::{Cli, say};

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
pub(super) fn summary(env: AcmeEnv, issued: &Issued) {
    let env = match env {
        AcmeEnv::Staging => "staging",
        AcmeEnv::Production => "production",
    };
    println!("name: {}", issued.info.name);
    println!("environment: {env}");
    println!("certificate: {}", issued.paths.crt.display());
    println!("key: {}", issued.paths.key.display());
    println!("not_after: {}", stamp(issued.info.not_after));
    println!("issuer: {}", issued.info.issuer);
    println!("order: {}", issued.order_url);
    println!("resumed: {}", issued.resumed);
}

pub(super) fn on_progress(
    cli: &Cli,
    lang: Lang,
    store: &Store,
    state: &Mutex<Wizard>,
    env: AcmeEnv,
    p: Progress,
) {
    let label = env_label(lang, env);
    match p {
        Progress::Stage(s) => {
            tracing::info!(?env, stage = s.text_id(), "acme");
            say(
                lang,
                &Text::new("cli-cert-stage")
                    .arg("env", label)
                    .arg("stage", i18n::tr(lang, s.text_id())),
            )
        }
        Progress::Order { url, resumed } => {
            tracing::info!(?env, %url, resumed, "acme: order");
            {
                let mut w = lock(state);
                match env {
                    AcmeEnv::Staging => w.certificate.staging_order = Some(url.clone()),
                    AcmeEnv::Production => w.certificate.production_order = Some(url.clone()),
                }
                w.updated_at = OffsetDateTime::now_utc();
                if let Err(e) = store.save(&w) {
                    tracing::error!("saving the order URL: {e}");
                    say(lang, &e.text());
                }
            }
            let id = if resumed {
                "cli-cert-order-resumed"
            } else {
                "cli-cert-order"
            };
            say(lang, &Text::new(id).arg("env", label).arg("url", url));
            if env == AcmeEnv::Production
                && let Some(ms) = cli.pause_after_order_ms
            {
                std::thread::sleep(std::time::Duration::from_millis(ms));
            }
        }
        Progress::AuthorizationReused { name } => say(
            lang,
            &Text::new("cli-cert-authz-reused")
                .arg("env", label)
                .arg("domain", name),
        ),
    }
}
