//! `praxis-tls certificate`: a certificate for one name without questions,
//! for IT supporters (and what `renew` runs when a renewal is due). With
//! `--install` it also goes live like `renew` does. Both halves run the
//! wizard's core on its driver (`issue`, `golive`): this command writes
//! nothing into the model itself.

use praxis_tls::core::{Lang, Text, Wizard, library::domain};
use praxis_tls::io::lock::Lock;
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::args::CertificateArgs;
use super::golive::{self, Live};
use super::issue::{self, Plan};
use super::{Cli, exit, say};

/// The saved wizard, or a fresh one when the wizard never ran here.
pub(super) fn load(store: &Store, lang: Lang) -> Result<Wizard, u8> {
    match store.load() {
        Ok(Some(w)) => Ok(w),
        Ok(None) => Ok(Wizard::new(lang, OffsetDateTime::now_utc())),
        Err(e) => {
            say(lang, &e.text());
            Err(exit::USAGE)
        }
    }
}

pub(super) fn run(cli: &Cli, lang: Lang, store: &Store, _lock: &Lock, a: &CertificateArgs) -> u8 {
    let name = match domain::parse(&a.domain) {
        Ok(n) => n,
        Err(e) => {
            say(
                lang,
                &Text::new("cli-cert-bad-domain").arg("domain", a.domain.clone()),
            );
            say(lang, &e.text());
            return exit::USAGE;
        }
    };
    let wizard = match load(store, lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let plan = Plan {
        name,
        email: a.email.clone(),
        accept_terms: a.accept_terms,
        staging_only: a.staging,
        cert_dir: a
            .cert_dir
            .clone()
            .unwrap_or_else(|| cli.state_dir.join("certs")),
        no_firewall: a.no_firewall,
    };
    let previous = wizard.certificate.installed.clone();
    let (code, record) = issue::run(cli, lang, store, wizard, &plan);
    let (true, Some(record)) = (a.install, record) else {
        return code;
    };
    match golive::run(cli, lang, store, &record, previous.as_ref(), &a.final_check) {
        Ok(Live::Checked | Live::NotCheckable) => code,
        Ok(Live::Exposed(_)) => exit::FAILED,
        Ok(Live::NoInstallation) => {
            say(lang, &Text::new("cli-golive-no-installation"));
            exit::FAILED
        }
        Err(_) => exit::FAILED,
    }
}
