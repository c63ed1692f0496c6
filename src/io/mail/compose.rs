//! Subject and body of each mail, from Fluent messages.

use crate::core::{Lang, Text};
use crate::i18n;

/// What the mail is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A renewal attempt failed. `reason` is the plain explanation of the
    /// failure; `next_try` when the next attempt is planned.
    RenewFailed {
        domain: String,
        days_left: i64,
        reason: Text,
        next_try: String,
    },
    /// The renewal window opens at `renew_at`: switch the port-80 forward
    /// on before then.
    Reminder { domain: String, renew_at: String },
    /// Express Gateway's certificate was renewed: the gateway reads it
    /// only when its service is updated, which praxis-tls cannot do.
    GatewayRenewed { domain: String, until: String },
    /// Sent from the wizard to prove the settings work.
    Test,
    /// The scheduled run failed without mailing why (it crashed, hung or
    /// was stopped): someone should look at the server.
    RunFailed { host: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub body: String,
}

/// The mail for `notice` in `lang`, with the common footer.
pub fn compose(notice: &Notice, lang: Lang) -> Composed {
    let (subject, body) = match notice {
        Notice::RenewFailed {
            domain,
            days_left,
            reason,
            next_try,
        } => {
            let reason = i18n::text(lang, reason);
            // Days left select the plural, so they go in as a number.
            let mail = |id: &str| {
                let t = Text::new(id)
                    .arg("domain", domain.as_str())
                    .num("days", *days_left)
                    .arg("reason", reason.as_str())
                    .arg("next", next_try.as_str());
                i18n::text(lang, &t)
            };
            (
                mail("mail-renew-failed-subject"),
                mail("mail-renew-failed-body"),
            )
        }
        Notice::Reminder { domain, renew_at } => {
            let args = [("domain", domain.as_str()), ("date", renew_at.as_str())];
            (
                i18n::tr_args(lang, "mail-reminder-subject", &args),
                i18n::tr_args(lang, "mail-reminder-body", &args),
            )
        }
        Notice::GatewayRenewed { domain, until } => {
            let args = [("domain", domain.as_str()), ("date", until.as_str())];
            (
                i18n::tr_args(lang, "mail-gateway-renewed-subject", &args),
                i18n::tr_args(lang, "mail-gateway-renewed-body", &args),
            )
        }
        Notice::RunFailed { host } => {
            let args = [("host", host.as_str())];
            (
                i18n::tr_args(lang, "mail-run-failed-subject", &args),
                i18n::tr_args(lang, "mail-run-failed-body", &args),
            )
        }
        Notice::Test => (
            i18n::tr(lang, "mail-test-subject"),
            i18n::tr(lang, "mail-test-body"),
        ),
    };
    let footer = i18n::tr(lang, "mail-footer");
    Composed {
        subject,
        body: format!("{body}\n\n-- \n{footer}\n"),
    }
}
