//! The wizard's model: what is saved in the resume file, and the session
//! that belongs to this run only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::autorenew::AutoRenewState;
use super::certificate::CertificateState;
use super::check::{CheckId, CheckState, Text};
use super::golive::GoLiveState;
use super::input::TextInput;
use super::network::NetworkState;
use super::step::Step;
use super::systems::SystemsState;
use super::unattended::{LiveRun, Unattended};
use crate::core::library;

/// Version of the resume file's layout; bump on every incompatible change.
/// 2: a number in a text is a number (`io::store::schema1` reads 1).
pub const SCHEMA_VERSION: u32 = 2;

/// The port the ACME challenge responder listens on by default: free on an
/// Elexis-OOB server (which uses 80, 443, 3000, 3030, 3312, 4040, 5984 and
/// 8080), and below Linux's ephemeral range, since the router's port-80
/// forward points at it permanently.
pub const DEFAULT_RESPONDER_PORT: u16 = 28402;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "de")]
    De,
    #[serde(rename = "de-CH")]
    DeCh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::De, Lang::DeCh, Lang::En];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::DeCh => "de-CH",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        if t == "de-ch" || t.starts_with("de-ch.") || t.starts_with("de-ch@") {
            Some(Lang::DeCh)
        } else if t.starts_with("de") {
            Some(Lang::De)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn next(self) -> Lang {
        match self {
            Lang::De => Lang::DeCh,
            Lang::DeCh => Lang::En,
            Lang::En => Lang::De,
        }
    }
}

/// A failed check the person chose to pass, kept for the support report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideRecord {
    pub step: Step,
    pub checks: Vec<CheckId>,
    /// The directory or domain the checks were about.
    pub context: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartStep {
    pub input: TextInput,
    pub candidates: Vec<PathBuf>,
    pub found: Option<library::start::Installation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainStep {
    pub input: TextInput,
    pub parsed: Option<library::domain::DomainName>,
    pub error: Option<Text>,
}

/// What the person sees on top of the step, never persisted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Overlay {
    #[default]
    None,
    Help,
    /// The glossary, opened from the help: each technical word once.
    Glossary,
    ConfirmQuit,
    /// "Sie waren bei Schritt N": `true` = continue is selected.
    Resume {
        continue_selected: bool,
    },
    /// Changes left half done: `true` = finish is selected.
    Pending {
        changes: Vec<PendingChange>,
        finish_selected: bool,
    },
    /// Asks before starting over, and says what stays.
    ConfirmStartOver,
    /// Asks before passing a failed check.
    ConfirmOverride,
    /// Shows the firewall commands and asks before running them.
    ConfirmOpen,
    /// Terms and limits before an issuance, or the warning before a
    /// self-signed certificate.
    ConfirmIssue,
    /// Writing the proxy configuration, or restarting Elexis-OOB.
    ConfirmAction,
}

/// What the screen last drawn allowed. The view measures it; the keys
/// obey it, so nothing acts on a screen the person cannot see.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// The window is below 80×24: only quitting acts.
    pub too_small: bool,
    /// How far the step's text can scroll; `None` before the first draw.
    pub body_max: Option<u16>,
    /// How far the open dialog's text can scroll.
    pub dialog_max: Option<u16>,
}

/// State that belongs to this run of the program only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    pub overlay: Overlay,
    /// How far the open dialog's text is scrolled, in lines.
    pub dialog_scroll: u16,
    /// The open dialog shows its technical part (the commands it runs).
    pub dialog_detail: bool,
    pub viewport: Viewport,
    pub generation: u64,
    pub show_detail: bool,
    /// How far the step's text is scrolled, in lines.
    pub scroll: u16,
    /// The focused field on the certificate step.
    pub cert_field: usize,
    /// The focused field of the systems step's form.
    pub system_field: usize,
    /// A PKCS#12 or key passphrase: typed, used, never saved.
    pub passphrase: TextInput,
    /// What the rate limits still allow, shown before another attempt.
    pub issue_budget: Option<library::attempts::Budget>,
    /// The upload server field has the keyboard (install step, by hand).
    pub upload_focus: bool,
    /// The proxy plan on screen, written as it is after the «Ja».
    pub proxy_plan: Option<super::golive::ProxyPlan>,
    /// What compose printed during the restart (the last lines).
    pub restart_log: Vec<String>,
    /// Where a running issuance stands.
    pub acme_stage: Option<(super::certificate::AcmeEnv, super::certificate::AcmeStage)>,
    /// An issuance a command asked for, while it runs (never saved).
    pub unattended: Option<Unattended>,
    /// A command's go-live, while it runs (never saved).
    pub going_live: Option<LiveRun>,
    /// Cursor on the language list.
    pub lang_cursor: usize,
    /// The focused field of the renewal step's mail form.
    pub renew_field: usize,
    /// The mail server's password: typed, stored by io in its own 0600
    /// file, never in the resume file.
    pub mail_password: TextInput,
    /// The password practice computers log in to Orthanc with: typed,
    /// written into Orthanc's users, never in the resume file.
    pub orthanc_password: TextInput,
    /// The installed Orthanc's own HTTPS crashes (civetweb with OpenSSL
    /// 3); `None` until looked at.
    pub orthanc_affected: Option<bool>,
    /// Set once a pending-change dialog was answered, to tell the outcome.
    pub pending_result: Option<bool>,
    pub quitting: bool,
    /// She is typing in the step's field: the screen holds back verdicts
    /// on what she typed until she stops (`Msg::TypingSettled`).
    pub typing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wizard {
    pub lang: Lang,
    pub step: Step,
    pub start: StartStep,
    pub domain: DomainStep,
    pub checks: BTreeMap<CheckId, CheckState>,
    /// Manual steps the person has confirmed as done.
    pub confirmed: BTreeSet<Step>,
    pub overrides: Vec<OverrideRecord>,
    #[serde(default)]
    pub network: NetworkState,
    #[serde(default)]
    pub certificate: CertificateState,
    #[serde(default)]
    pub golive: GoLiveState,
    #[serde(default)]
    pub systems: SystemsState,
    #[serde(default)]
    pub autorenew: AutoRenewState,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(skip)]
    pub session: Session,
}

impl Wizard {
    pub fn new(lang: Lang, now: OffsetDateTime) -> Self {
        Wizard {
            lang,
            step: Step::Language,
            start: StartStep::default(),
            domain: DomainStep::default(),
            checks: BTreeMap::new(),
            confirmed: BTreeSet::new(),
            overrides: Vec::new(),
            network: NetworkState::default(),
            certificate: CertificateState::default(),
            golive: GoLiveState::default(),
            systems: SystemsState::default(),
            autorenew: AutoRenewState::default(),
            started_at: now,
            updated_at: now,
            session: Session {
                lang_cursor: Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0),
                ..Session::default()
            },
        }
    }

    /// A wizard read back from the resume file: checks that were running
    /// when the program stopped are idle now. What the step itself does
    /// on a resume (and whether it asks to continue) is its own: see
    /// `machine::resume`.
    pub fn resumed_checks(mut self) -> Self {
        for state in self.checks.values_mut() {
            if state.is_running() {
                *state = CheckState::Idle;
            }
        }
        self
    }

    /// A fresh start that keeps what is true outside the program: the
    /// certificate in use and the files placed, the attempts that count
    /// against Let's Encrypt's limits, the renewal schedule and the other
    /// systems set up, and a firewall window still open. The journal lives
    /// in its own file and stays too.
    pub fn started_over(&self, now: OffsetDateTime) -> Wizard {
        let mut fresh = Wizard::new(self.lang, now);
        fresh.certificate.installed = self.certificate.installed.clone();
        fresh.certificate.attempts = self.certificate.attempts.clone();
        fresh.golive.installed = self.golive.installed.clone();
        fresh.systems.done = self.systems.done.clone();
        fresh.autorenew.set_up = self.autorenew.set_up.clone();
        fresh.network.window_until = self.network.window_until;
        fresh.session.viewport = self.session.viewport;
        fresh
    }

    pub fn check(&self, id: CheckId) -> &CheckState {
        static IDLE: CheckState = CheckState::Idle;
        self.checks.get(&id).unwrap_or(&IDLE)
    }

    /// A new generation: results must carry it to count.
    pub fn next_generation(&mut self) -> u64 {
        self.session.generation += 1;
        self.session.generation
    }

    /// Marks one check as running under a new generation, which its
    /// result must carry to count.
    pub fn start_check(&mut self, id: CheckId) -> u64 {
        let generation = self.next_generation();
        self.checks.insert(id, CheckState::Running { generation });
        generation
    }
}

/// A change left half done by an earlier run, as the journal reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingChange {
    pub id: u64,
    pub what: Text,
    /// A firewall window an earlier run opened for the certificate, not a
    /// change cut off halfway: she is told so, and closing is the default.
    pub window: bool,
}
