//! Install, proxy configuration, restart and the final check: the steps
//! that put the certificate in front of the patients. Without a detected
//! installation (the wizard runs elsewhere) they fall back to instructions
//! and a manual confirmation.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::check::{CheckId, CheckState, Finding, Outcome, Text};
use super::library::start::Generation;
use super::transitions::start_check as start;
use super::{Effect, Overlay, Step, Wizard};

/// Where the certificate went in the wizard's own directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstalledFiles {
    pub crt: PathBuf,
    pub key: PathBuf,
    /// File names as the proxy configuration names them.
    pub cert_name: String,
    pub key_name: String,
    pub fingerprint: String,
}

/// One file the proxy step will change, with its diff for the screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDiff {
    pub path: PathBuf,
    pub diff: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub diffs: Vec<FileDiff>,
    pub needs_restart: bool,
    /// The base compose file's proxy command changed since our override.
    pub drift: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoLiveState {
    pub installed: Option<InstalledFiles>,
    /// The Elexis-OOB server's admin app, when the wizard runs elsewhere.
    #[serde(default)]
    pub upload_server: super::input::TextInput,
    pub plan: Option<PlanView>,
    /// Whether the restart is still owed after the proxy was configured.
    pub restart_owed: bool,
    /// When `undo` took the installed files back; cleared by the next
    /// install. `status` reads it: the certificate is no longer in use.
    #[serde(
        with = "time::serde::rfc3339::option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub undone_at: Option<time::OffsetDateTime>,
    /// The end of the last restart's output, kept once it finished so that
    /// after a resume the screen can still show what compose said. Saved
    /// once per restart, not per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restart_output: Vec<String>,
}

/// The plain inputs io needs about the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteSpec {
    pub install_dir: PathBuf,
    pub generation: Generation,
    pub host: String,
}

fn site(w: &Wizard) -> Option<SiteSpec> {
    let inst = w.start.found.as_ref()?;
    let host = w.domain.parsed.as_ref()?.ascii.clone();
    Some(SiteSpec {
        install_dir: inst.dir.clone(),
        generation: inst.generation,
        host,
    })
}

/// Without an installation on this machine the steps are done by hand.
pub fn by_hand(w: &Wizard) -> bool {
    w.start.found.is_none()
}

/// Whether the current step is one the person does by hand and confirms.
/// The final check never is: it is a network check that runs from any
/// machine, and going live without it is what the checks exist to stop.
pub fn done_by_hand(w: &Wizard) -> bool {
    by_hand(w) && w.step != Step::FinalCheck
}

pub fn checks(step: Step) -> &'static [CheckId] {
    match step {
        Step::Install => &[CheckId::FilesInstalled],
        Step::ProxyConfig => &[CheckId::ProxyConfig],
        Step::Restart => &[CheckId::Restarted],
        Step::FinalCheck => &[
            CheckId::FinalTls,
            CheckId::FinalExposure,
            CheckId::FinalPort80,
        ],
        _ => &[],
    }
}

pub(super) fn on_enter(w: &mut Wizard) -> Vec<Effect> {
    if w.step == Step::FinalCheck {
        return final_check(w);
    }
    if by_hand(w) {
        return Vec::new();
    }
    let Some(site) = site(w) else {
        return Vec::new();
    };
    match w.step {
        Step::Install => {
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
            let generation = start(w, CheckId::FilesInstalled);
            vec![Effect::InstallFiles {
                site,
                crt: cert.path_crt,
                key: cert.path_key,
                generation,
            }]
        }
        Step::ProxyConfig => {
            let Some(files) = w.golive.installed.clone() else {
                return Vec::new();
            };
            let generation = start(w, CheckId::ProxyConfig);
            w.golive.plan = None;
            vec![Effect::PlanProxy {
                site,
                cert_name: files.cert_name,
                key_name: files.key_name,
                generation,
            }]
        }
        _ => Vec::new(),
    }
}

impl InstalledFiles {
    /// Fingerprints come with and without colons, in either case.
    pub fn fingerprint_matches(&self, other: &str) -> bool {
        let norm = |s: &str| s.replace(':', "").to_ascii_lowercase();
        norm(&self.fingerprint) == norm(other)
    }
}

/// The fingerprint the name must serve: what was installed on this
/// server, or (by hand) the certificate that was issued and sent.
fn expected_fingerprint(w: &Wizard) -> Option<String> {
    if by_hand(w) {
        return w
            .certificate
            .installed
            .as_ref()
            .map(|c| c.fingerprint_sha256.clone());
    }
    w.golive.installed.as_ref().map(|i| i.fingerprint.clone())
}

pub(super) fn final_check(w: &mut Wizard) -> Vec<Effect> {
    let (Some(host), Some(expected)) = (
        w.domain.parsed.as_ref().map(|d| d.ascii.clone()),
        expected_fingerprint(w),
    ) else {
        return Vec::new();
    };
    start_final_check(w, host, expected)
}

/// The final check for `host`, which must serve `expected`: the wizard's
/// step and an unattended go-live start it alike.
pub(super) fn start_final_check(w: &mut Wizard, host: String, expected: String) -> Vec<Effect> {
    let local_name = w
        .start
        .found
        .as_ref()
        .and_then(|i| i.local_name.clone())
        .unwrap_or_default();
    let own: Vec<std::net::IpAddr> = w
        .network
        .public_v4
        .map(std::net::IpAddr::V4)
        .into_iter()
        .chain(w.network.public_v6.map(std::net::IpAddr::V6))
        .collect();
    let generation = super::transitions::next_generation(w);
    for id in checks(Step::FinalCheck) {
        w.checks.insert(*id, CheckState::Running { generation });
    }
    vec![Effect::FinalCheck {
        host,
        local_name,
        own,
        expected,
        generation,
    }]
}

/// After the final check: an upload to the admin app counts only when the
/// name now serves the certificate that was sent. Its page says «installed»
/// whether or not it wrote anything.
pub(super) fn on_final_checked(w: &mut Wizard, fingerprints: &[String]) {
    let sent_before = !matches!(
        w.check(CheckId::Uploaded),
        CheckState::Idle | CheckState::Running { .. }
    );
    if !by_hand(w) || !sent_before {
        return;
    }
    let Some(sent) = expected_fingerprint(w) else {
        return;
    };
    let norm = |s: &str| s.replace(':', "").to_ascii_lowercase();
    let confirmed = !fingerprints.is_empty() && fingerprints.iter().all(|f| norm(f) == norm(&sent));
    let detail = format!("sent sha256 {sent}; served {}", fingerprints.join(", "));
    let outcome = if confirmed {
        Outcome::Passed(Finding::new(Text::new("upload-confirmed")).detail(detail))
    } else {
        Outcome::Failed(
            Finding::new(Text::new("upload-not-confirmed"))
                .fix(Text::new("upload-not-confirmed-fix"))
                .detail(detail),
        )
    };
    if !confirmed && let CheckState::Failed(f) = w.check(CheckId::FinalTls).clone() {
        let mut f = f;
        f.more.insert(0, Text::new("upload-not-confirmed"));
        w.checks.insert(CheckId::FinalTls, CheckState::Failed(f));
    }
    w.checks.insert(CheckId::Uploaded, outcome.into());
}

/// Whether the install step offers the upload to the admin app: only when
/// the wizard does not run on the server, and there is a certificate.
pub fn offers_upload(w: &Wizard) -> bool {
    w.step == Step::Install && by_hand(w) && super::cert_step::has_certificate(w)
}

/// Whether Enter in the «Server:» field sends (after the warning): a server
/// is named and nothing was sent to it yet.
pub fn would_send(w: &Wizard) -> bool {
    offers_upload(w)
        && !w.golive.upload_server.value.trim().is_empty()
        && !w.check(CheckId::Uploaded).is_running()
        && !w.check(CheckId::Uploaded).is_settled()
}

/// Enter on the install step done by hand: send to the admin app after the
/// warning, if a server is given and nothing was sent yet.
pub(super) fn on_next_by_hand(w: &mut Wizard) -> Vec<Effect> {
    if would_send(w) {
        w.session.overlay = Overlay::ConfirmAction;
    }
    Vec::new()
}

fn upload(w: &mut Wizard) -> Vec<Effect> {
    let (Some(cert), Some(host)) = (
        w.certificate.installed.clone(),
        w.domain.parsed.as_ref().map(|d| d.ascii.clone()),
    ) else {
        return Vec::new();
    };
    let server = w.golive.upload_server.value.trim().to_string();
    let generation = start(w, CheckId::Uploaded);
    vec![Effect::Upload {
        server,
        host,
        crt: cert.path_crt,
        key: cert.path_key,
        generation,
    }]
}

pub(super) fn on_uploaded(w: &mut Wizard, result: Result<Outcome, Finding>) {
    let outcome = result.unwrap_or_else(Outcome::Failed);
    // A failed upload's fix says «senden Sie mit Enter noch einmal»: the
    // keys go back to the «Server:» field, where Enter sends.
    if matches!(outcome, Outcome::Failed(_)) {
        w.session.upload_focus = true;
    }
    w.checks.insert(CheckId::Uploaded, outcome.into());
}

/// What Enter does on the proxy and restart steps while their work waits
/// (after a question): write the files, restart the whole stack. The
/// footer names that instead of «weiter»; `None` where Enter goes on.
pub fn enter_key(w: &Wizard) -> Option<&'static str> {
    if done_by_hand(w) || super::gate(w) == super::Gate::Open {
        return None;
    }
    match w.step {
        Step::ProxyConfig if w.golive.plan.as_ref().is_some_and(|p| !p.diffs.is_empty()) => {
            Some("key-write")
        }
        Step::Restart if !w.check(CheckId::Restarted).is_running() => Some("key-restart"),
        _ => None,
    }
}

/// A plan of the proxy files that waits to be written: the normal next
/// step, shown without the warning's «!». A plan over files someone
/// changed by hand (it carries the drift fix) stays a warning.
pub fn is_planned_change(state: &CheckState) -> bool {
    matches!(state, CheckState::Warning(f)
        if f.summary.id == "golive-step-proxy-planned" && f.fix.is_none())
}

/// Enter on one of the steps while its work is not done.
pub(super) fn on_next(w: &mut Wizard) -> Vec<Effect> {
    match w.step {
        Step::ProxyConfig if w.golive.plan.as_ref().is_some_and(|p| !p.diffs.is_empty()) => {
            w.session.overlay = Overlay::ConfirmAction;
        }
        Step::Restart if !w.check(CheckId::Restarted).is_running() => {
            w.session.overlay = Overlay::ConfirmAction;
        }
        Step::Install if w.check(CheckId::FilesInstalled).is_failed() => return on_enter(w),
        Step::FinalCheck
            if !w.check(CheckId::FinalTls).is_running()
                && !w.check(CheckId::FinalTls).is_settled() =>
        {
            return final_check(w);
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn on_confirm(w: &mut Wizard) -> Vec<Effect> {
    w.session.overlay = Overlay::None;
    if offers_upload(w) {
        return upload(w);
    }
    match (w.step, site(w)) {
        (Step::ProxyConfig, Some(_)) => {
            let generation = start(w, CheckId::ProxyConfig);
            vec![Effect::ApplyProxy { generation }]
        }
        (Step::Restart, Some(site)) => {
            let generation = start(w, CheckId::Restarted);
            w.session.restart_log.clear();
            vec![Effect::Restart { site, generation }]
        }
        _ => Vec::new(),
    }
}

pub(super) fn on_installed(w: &mut Wizard, result: Result<InstalledFiles, Finding>) {
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

pub(super) fn on_planned(w: &mut Wizard, result: Result<PlanView, Finding>) {
    match result {
        Ok(plan) if plan.diffs.is_empty() => {
            // Already configured for these files: nothing to write, and a
            // restart is owed only if an earlier change still waits for one.
            let f = Finding::new(Text::new("golive-step-proxy-unchanged"));
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Passed(f).into());
            w.golive.plan = Some(plan);
        }
        Ok(plan) => {
            let n = plan.diffs.len().to_string();
            let mut f = Finding::new(Text::new("golive-step-proxy-planned").arg("count", n));
            if plan.drift {
                f = f.fix(Text::new("golive-step-proxy-drift"));
            }
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Warning(f).into());
            w.golive.plan = Some(plan);
        }
        Err(f) => {
            w.checks
                .insert(CheckId::ProxyConfig, Outcome::Failed(f).into());
        }
    }
}

pub(super) fn on_applied(w: &mut Wizard, result: Result<(), Finding>) {
    let outcome = match result {
        Ok(()) => {
            w.golive.restart_owed = w.golive.plan.as_ref().is_some_and(|p| p.needs_restart);
            if let Some(p) = w.golive.plan.as_mut() {
                p.diffs.clear();
            }
            Outcome::Passed(Finding::new(Text::new("golive-step-proxy-applied")))
        }
        Err(f) => Outcome::Failed(f),
    };
    w.checks.insert(CheckId::ProxyConfig, outcome.into());
}

pub(super) fn on_restarted(w: &mut Wizard, result: Result<(), Finding>) {
    let log = &w.session.restart_log;
    w.golive.restart_output = log[log.len().saturating_sub(RESTART_OUTPUT_KEPT)..]
        .iter()
        .map(|l| l.chars().take(300).collect())
        .collect();
    let outcome = match result {
        Ok(()) => {
            w.golive.restart_owed = false;
            Outcome::Passed(Finding::new(Text::new("golive-step-restarted")))
        }
        Err(f) => Outcome::Failed(f),
    };
    w.checks.insert(CheckId::Restarted, outcome.into());
}

/// Lines of compose's output kept in the saved state: what the screen shows.
pub const RESTART_OUTPUT_KEPT: usize = 20;

/// The gate of these steps; `None` for the other steps.
pub fn gate_open(w: &Wizard) -> Option<bool> {
    if !matches!(
        w.step,
        Step::Install | Step::ProxyConfig | Step::Restart | Step::FinalCheck
    ) {
        return None;
    }
    if done_by_hand(w) {
        return Some(w.confirmed.contains(&w.step));
    }
    let settled = |id| w.check(id).is_settled();
    Some(match w.step {
        Step::Install => settled(CheckId::FilesInstalled),
        Step::ProxyConfig => matches!(w.check(CheckId::ProxyConfig), CheckState::Passed(_)),
        // A renewal of the watched file needs no restart.
        Step::Restart => !w.golive.restart_owed || settled(CheckId::Restarted),
        _ => {
            // Exposure is a hard stop: no "trotzdem weiter".
            // Exposure is judged from inside only when the router loops
            // back; otherwise it is a warning that sends the person to check
            // from outside. A finding of exposure is always a hard stop.
            settled(CheckId::FinalExposure)
                && settled(CheckId::FinalPort80)
                && settled(CheckId::FinalTls)
                && w.confirmed.contains(&Step::FinalCheck)
        }
    })
}
