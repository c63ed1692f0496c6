//! Step 8: the certificate and key placed where the proxy reads them. On
//! the server the wizard writes them itself; elsewhere it offers to send
//! them to the Elexis-OOB admin app («Server:» field), or the person
//! copies them by hand and confirms.

use time::OffsetDateTime;

use super::contract::StepFlow;
use super::golive::{by_hand, site};
use crate::core::answers::Answers;
use crate::core::answers::drive::Decision;
use crate::core::library::status::CertRecord;
use crate::core::model::gate::Gate;
use crate::core::model::golive::{InstalledFiles, Site};
use crate::core::{
    Action, CheckId, CheckState, Effect, Finding, Outcome, Overlay, Step, Text, Wizard,
};

pub struct Install;

const CHECKS: &[CheckId] = &[CheckId::FilesInstalled];

impl StepFlow for Install {
    fn checks(&self) -> &'static [CheckId] {
        CHECKS
    }

    fn enter(&self, w: &mut Wizard) -> Vec<Effect> {
        install(w)
    }

    fn gate(&self, w: &Wizard) -> Gate {
        super::golive::gate(w, Step::Install, CHECKS, || {
            w.check(CheckId::FilesInstalled).is_settled()
        })
    }

    fn next(&self, w: &mut Wizard, gate: Gate, _now: OffsetDateTime) -> Option<Vec<Effect>> {
        if !by_hand(w) && gate != Gate::Open {
            return Some(if w.check(CheckId::FilesInstalled).is_failed() {
                install(w)
            } else {
                Vec::new()
            });
        }
        // Enter sends only from the «Server:» field; on «Erledigt» it goes
        // on, and never brings the upload warning back.
        if offers_upload(w) && w.session.upload_focus && would_send(w) {
            w.session.overlay = Overlay::ConfirmAction;
            return Some(Vec::new());
        }
        None
    }

    fn key(&self, w: &mut Wizard, action: Action) -> Option<Vec<Effect>> {
        if !offers_upload(w) {
            return None;
        }
        if action == Action::NextField {
            w.session.upload_focus = !w.session.upload_focus;
            return Some(Vec::new());
        }
        if w.session.upload_focus && action.is_edit() {
            // No server name has a space; and a sent upload stays sent
            // until the name itself changes (moving the cursor is no change).
            if action != Action::Char(' ') && w.golive.upload_server.apply(action) {
                w.checks.insert(CheckId::Uploaded, CheckState::Idle);
            }
            return Some(Vec::new());
        }
        None
    }

    fn typing(&self, w: &Wizard) -> bool {
        offers_upload(w) && w.session.upload_focus
    }

    fn confirm(&self, w: &mut Wizard, _now: OffsetDateTime) -> Vec<Effect> {
        w.session.overlay = Overlay::None;
        // Answered either way, the upload warning hands the keys back to
        // «Erledigt»: Space ticks it, Enter goes on.
        w.session.upload_focus = false;
        if offers_upload(w) {
            upload(w)
        } else {
            Vec::new()
        }
    }

    fn decline(&self, w: &mut Wizard) {
        w.session.overlay = Overlay::None;
        w.session.upload_focus = false;
    }

    /// The upload warning: the exact edit that closes port 3000.
    fn question_has_details(&self, w: &Wizard) -> bool {
        offers_upload(w)
    }

    fn enter_label(&self, w: &Wizard, _gate: Gate, _body_max: u16) -> &'static str {
        if self.typing(w) && would_send(w) {
            "golive-upload-key"
        } else {
            "key-next"
        }
    }

    fn own_keys(&self, w: &Wizard) -> Vec<&'static str> {
        if !offers_upload(w) {
            return super::golive::own_keys(w);
        }
        if w.session.upload_focus {
            vec!["key-field"]
        } else {
            vec!["key-toggle", "key-field"]
        }
    }

    fn answer_here(&self, w: &Wizard, a: &Answers, gate: Gate) -> Decision {
        super::golive::answer(w, a, gate, CHECKS, None, true)
    }
}

/// The files written on the server, unless the same certificate is there.
fn install(w: &mut Wizard) -> Vec<Effect> {
    if by_hand(w) {
        return Vec::new();
    }
    let Some(site) = site(w) else {
        return Vec::new();
    };
    let Some(cert) = w.certificate.installed.clone() else {
        let f = Finding::new(Text::new("golive-step-no-certificate"));
        w.checks
            .insert(CheckId::FilesInstalled, Outcome::Failed(f).into());
        return Vec::new();
    };
    // The same certificate is in place already: nothing to write.
    if w.golive
        .installed
        .as_ref()
        .is_some_and(|i| i.fingerprint_matches(&cert.fingerprint_sha256))
        && w.check(CheckId::FilesInstalled).is_settled()
    {
        return Vec::new();
    }
    write_files(w, site, cert)
}

/// The certificate's files written for the site: the step and the
/// unattended go-live start alike.
pub fn write_files(w: &mut Wizard, site: Site, cert: CertRecord) -> Vec<Effect> {
    let generation = w.start_check(CheckId::FilesInstalled);
    vec![Effect::InstallFiles {
        site,
        crt: cert.path_crt,
        key: cert.path_key,
        generation,
    }]
}

/// Whether the install step offers the upload to the admin app: only when
/// the wizard does not run on the server, and there is a certificate.
pub fn offers_upload(w: &Wizard) -> bool {
    by_hand(w) && super::certificate::has_certificate(w)
}

/// Whether Enter in the «Server:» field sends (after the warning): a server
/// is named and nothing was sent to it yet.
pub fn would_send(w: &Wizard) -> bool {
    offers_upload(w)
        && !w.golive.upload_server.value.trim().is_empty()
        && !w.check(CheckId::Uploaded).is_running()
        && !w.check(CheckId::Uploaded).is_settled()
}

fn upload(w: &mut Wizard) -> Vec<Effect> {
    let (Some(cert), Some(host)) = (
        w.certificate.installed.clone(),
        w.domain.parsed.as_ref().map(|d| d.ascii.clone()),
    ) else {
        return Vec::new();
    };
    let server = w.golive.upload_server.value.trim().to_string();
    let generation = w.start_check(CheckId::Uploaded);
    vec![Effect::Upload {
        server,
        host,
        crt: cert.path_crt,
        key: cert.path_key,
        generation,
    }]
}

pub fn on_uploaded(w: &mut Wizard, result: Result<Outcome, Finding>) {
    let outcome = result.unwrap_or_else(Outcome::Failed);
    // A failed upload's fix says «senden Sie mit Enter noch einmal»: the
    // keys go back to the «Server:» field, where Enter sends.
    if matches!(outcome, Outcome::Failed(_)) {
        w.session.upload_focus = true;
    }
    w.checks.insert(CheckId::Uploaded, outcome.into());
}

pub fn on_installed(w: &mut Wizard, result: Result<InstalledFiles, Finding>) {
    let outcome = match result {
        Ok(files) => {
            let summary = Text::new("golive-step-installed").arg(
                "dir",
                files
                    .crt
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            );
            w.golive.installed = Some(files);
            w.golive.undone_at = None;
            Outcome::Passed(Finding::new(summary))
        }
        Err(f) => Outcome::Failed(f),
    };
    w.checks.insert(CheckId::FilesInstalled, outcome.into());
}
