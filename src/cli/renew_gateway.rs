//! `renew` for Express Gateway's certificate from the systems step: due by
//! the same rules as the appointment service's, reissued by the same flow,
//! put in place through the journal. The gateway reads the new files only
//! when its service is updated, which is a click in Portainer on another
//! machine: the practice gets a mail saying so.

use std::sync::{Arc, Mutex};

use praxis_tls::core::library::attempts::NoticeKind;
use praxis_tls::core::library::firewall::{Backend, plan_for};
use praxis_tls::core::library::renew::{self, RenewDecision, due_at};
use praxis_tls::core::library::status::CertRecord;
use praxis_tls::core::model::network::WINDOW_SECS;
use praxis_tls::core::steps::systems::{SystemKind, gateway_request};
use praxis_tls::core::{Lang, Msg, Text, Wizard};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::mail::Notice;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::args::RenewArgs;
use super::progress::stamp;
use super::{Cli, exit, mail, say};

fn record(w: &Wizard) -> Option<CertRecord> {
    w.systems
        .done(SystemKind::Gateway)
        .and_then(|d| d.certificate.clone())
}

fn failed(cli: &Cli, lang: Lang, old: &CertRecord, reason: Text, next: OffsetDateTime) {
    let notice = Notice::RenewFailed {
        domain: old.domain.clone(),
        days_left: old.days_left(OffsetDateTime::now_utc()),
        reason,
        next_try: stamp(next),
    };
    mail::notify(cli, lang, &notice);
}

pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, a: &RenewArgs) -> u8 {
    let Ok(Some(w)) = store.load() else {
        return exit::OK;
    };
    let Some(old) = record(&w) else {
        return exit::OK;
    };
    let now = OffsetDateTime::now_utc();
    say(
        lang,
        &Text::new("cli-renew-gateway").arg("domain", old.domain.clone()),
    );
    let history = super::renew::history(&w);
    let decision = renew::decide(
        std::slice::from_ref(&old),
        &history,
        &super::renew::policy(&w),
        now,
    );
    say(lang, &decision.text());
    match &decision {
        RenewDecision::Due { .. } => {}
        RenewDecision::Backoff { until, .. } => {
            let reason = Text::new("cli-renew-backoff-reason").arg("domain", old.domain.clone());
            failed(cli, lang, &old, reason, *until);
            return exit::REFUSED;
        }
        RenewDecision::RemindFirst { domain, .. } => {
            let notice = Notice::Reminder {
                domain: domain.clone(),
                renew_at: stamp(due_at(&old).0),
            };
            let sent = mail::notify(cli, lang, &notice);
            super::renew::record_notice(store, lang, domain, NoticeKind::Reminder);
            return if sent { exit::OK } else { exit::FAILED };
        }
        RenewDecision::NothingInstalled | RenewDecision::NotDue { .. } => return exit::OK,
    }
    let request = match gateway_request(&w) {
        Ok(r) => r,
        Err(t) => {
            say(lang, &t);
            return exit::USAGE;
        }
    };
    let rt = match super::runtime() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return exit::FAILED;
        }
    };
    let cfg = cli.io_config();
    let window = if a.no_firewall {
        None
    } else {
        let detection = rt.block_on(praxis_tls::io::firewall::detect(&cfg.firewall));
        Some(plan_for(&detection, cli.responder_port, WINDOW_SECS))
            .filter(|p| p.backend != Backend::None)
    };
    let journal = match Journal::open(&cli.state_dir) {
        Ok(j) => Arc::new(Mutex::new(j)),
        Err(e) => {
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let result = rt.block_on(praxis_tls::io::systems::apply_gateway(
        &cfg, &journal, &request, window, now,
    ));
    let mut renewed = None;
    let code = match result {
        Ok(done) => {
            let until = done
                .certificate
                .as_ref()
                .map(|c| stamp(c.not_after))
                .unwrap_or_default();
            renewed = Some(done);
            say(
                lang,
                &Text::new("cli-renew-done")
                    .arg("domain", old.domain.clone())
                    .arg("until", until.clone()),
            );
            mail::notify(
                cli,
                lang,
                &Notice::GatewayRenewed {
                    domain: old.domain.clone(),
                    until,
                },
            );
            exit::OK
        }
        Err(f) => {
            say(lang, &f.summary);
            if let Some(fix) = &f.fix {
                say(lang, fix);
            }
            failed(cli, lang, &old, f.summary, now + time::Duration::DAY);
            exit::FAILED
        }
    };
    let msg = Msg::GatewayRenewed {
        name: old.domain.clone(),
        done: renewed,
    };
    if super::model::apply(store, lang, msg).is_none() {
        return exit::FAILED;
    }
    code
}
