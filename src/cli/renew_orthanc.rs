//! `renew` for Orthanc's server certificate from the practice CA (step
//! 12): due 60 days before it expires (or with `--force`), reissued,
//! installed, restarted and checked as in the wizard. A failed check is
//! undone at once, so the old certificate stays in use, and mailed.

use std::sync::{Arc, Mutex};

use praxis_tls::core::library::renew::due_at;
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::steps::systems::{SystemKind, orthanc_saved};
use praxis_tls::core::{Lang, Msg, Text, Wizard};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::mail::Notice;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::args::RenewArgs;
use super::progress::stamp;

/// The day as ISO text; messages show it as the reader writes dates
/// (24.12.2026 in German).
fn day(t: OffsetDateTime) -> String {
    t.date().to_string()
}
use super::{Cli, exit, mail, say};

fn record(w: &Wizard) -> Option<CertRecord> {
    w.systems
        .done(SystemKind::Orthanc)
        .and_then(|d| d.certificate.clone())
}

pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, a: &RenewArgs) -> u8 {
    let Ok(Some(w)) = store.load() else {
        return exit::OK;
    };
    let Some(old) = record(&w) else {
        return exit::OK;
    };
    let now = OffsetDateTime::now_utc();
    let (due, _) = due_at(&old);
    say(
        lang,
        &Text::new("cli-renew-orthanc")
            .arg("domain", old.domain.clone())
            .arg("until", day(old.not_after)),
    );
    if now < due && !a.force {
        say(
            lang,
            &Text::new("cli-renew-orthanc-not-due").arg("date", day(due)),
        );
        return exit::OK;
    }
    let request = match orthanc_saved(&w) {
        Ok(r) => r,
        Err(t) => {
            say(lang, &t);
            return exit::USAGE;
        }
    };
    let mtls = !w.systems.orthanc.clients.value.trim().is_empty();
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => Arc::new(Mutex::new(j)),
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let cfg = cli.io_config();
    let result = rt.block_on(praxis_tls::io::orthanc_renew::renew(
        &cfg, &journal, &request, mtls, now,
    ));
    match result {
        Ok(record) => {
            let until = day(record.not_after);
            let renewed = Msg::OrthancRenewed { record };
            say(
                lang,
                &Text::new("cli-renew-done")
                    .arg("domain", old.domain.clone())
                    .arg("until", until),
            );
            if super::model::apply(store, lang, renewed).is_none() {
                return exit::FAILED;
            }
            exit::OK
        }
        Err(f) => {
            say(lang, &f.summary);
            for t in &f.more {
                say(lang, t);
            }
            let notice = Notice::RenewFailed {
                domain: old.domain.clone(),
                days_left: old.days_left(now),
                reason: f.summary,
                next_try: stamp(now + time::Duration::DAY),
            };
            mail::notify(cli, lang, &notice);
            exit::FAILED
        }
    }
}
