//! What each dialog says: a body that may scroll, details behind «D», and
//! the question with its answer keys, which always stay in view.

use ratatui::style::Style;
use ratatui::text::Line;

use super::view::Tr;
use crate::core::{Overlay, Wizard};

pub(super) struct Dialog {
    pub title: String,
    pub body: Vec<Line<'static>>,
    /// The technical part, shown on «D»; empty when there is none.
    pub details: Vec<Line<'static>>,
    /// What the pinned line says «D» shows.
    pub details_hint: &'static str,
    /// The question, pinned above the keys.
    pub question: Option<String>,
    /// The answer keys (or the choices), pinned at the bottom.
    pub keys: Vec<Line<'static>>,
    /// The same keys for the footer, short.
    pub footer: Vec<String>,
}

pub(super) fn dialog(w: &Wizard, tr: &Tr) -> Option<Dialog> {
    let d = match &w.session.overlay {
        Overlay::None => return None,
        Overlay::Help => super::help::help(w, tr),
        Overlay::Glossary => super::help::glossary(tr),
        Overlay::ConfirmQuit => {
            yes_no(tr, "quit-title", tr.t("quit-body")).question(tr.t("quit-question"))
        }
        Overlay::ConfirmAction => (super::steps::view(w.step).question)(w, tr)?,
        Overlay::ConfirmIssue => {
            let d = yes_no(
                tr,
                "cert-confirm-title",
                super::certificate::confirm_body(w, tr),
            );
            if w.certificate.source == crate::core::model::certificate::CertSource::SelfSigned {
                d.question(tr.t("cert-confirm-self-signed-question"))
            } else {
                d
            }
        }
        Overlay::ConfirmOpen => firewall(w, tr),
        Overlay::ConfirmOverride => yes_no(tr, "override-title", tr.t("override-body")),
        Overlay::Resume { continue_selected } => resume(w, tr, *continue_selected),
        Overlay::ConfirmStartOver => {
            let mut d = yes_no(tr, "start-over-title", tr.t("start-over-body"))
                .question(tr.t("start-over-question"));
            d.keys = tr
                .t("start-over-keys")
                .lines()
                .map(|l| Line::styled(l.to_string(), tr.theme.title()))
                .collect();
            d
        }
        Overlay::Pending {
            changes,
            finish_selected,
        } => {
            let sel = if *finish_selected { 0 } else { 1 };
            // Only windows opened for the certificate: nothing was cut off,
            // so the words say what the open port is.
            if changes.iter().all(|c| c.window) {
                let ports: Vec<String> = changes
                    .iter()
                    .filter_map(|c| c.what.get("port"))
                    .map(ToString::to_string)
                    .collect();
                let body = tr.ta("pending-window-body", &[("port", &ports.join(", "))]);
                return Some(choice(
                    tr,
                    "pending-window-title",
                    body,
                    &["pending-window-keep", "pending-window-close"],
                    sel,
                    "dialog-choose-hint",
                ));
            }
            let mut body = tr.t("pending-body");
            for c in changes {
                body.push_str(&format!("\n- {}", tr.text(&c.what)));
            }
            choice(
                tr,
                "pending-title",
                body,
                &["pending-finish", "pending-undo"],
                sel,
                "dialog-choose-hint",
            )
        }
    };
    Some(d)
}

impl Dialog {
    fn question(mut self, q: String) -> Self {
        self.question = Some(q);
        self
    }
}

pub(super) fn lines(text: &str) -> Vec<Line<'static>> {
    text.lines().map(|l| Line::raw(l.to_string())).collect()
}

pub(super) fn yes_no(tr: &Tr, title: &str, body: String) -> Dialog {
    let title = tr.t(title);
    Dialog {
        question: Some(title.clone()),
        title,
        body: lines(&body),
        details: Vec::new(),
        details_hint: "dialog-details-show",
        keys: vec![Line::styled(tr.t("dialog-yes-no"), tr.theme.title())],
        footer: vec![
            tr.t("key-dialog-yes"),
            tr.t("key-dialog-no"),
            tr.t("key-lang"),
        ],
    }
}

/// The firewall's question in plain words; the commands behind «D».
fn firewall(w: &Wizard, tr: &Tr) -> Dialog {
    let port = w.network.responder_port.to_string();
    let minutes = (crate::core::model::network::WINDOW_SECS / 60).to_string();
    let args = [("port", port.as_str()), ("minutes", minutes.as_str())];
    let mut d = yes_no(
        tr,
        "firewall-confirm-title",
        tr.ta("firewall-confirm-body", &args),
    )
    .question(tr.ta("firewall-confirm-question", &args));
    if let Some(plan) = &w.network.firewall {
        d.details.push(Line::styled(
            tr.t("firewall-confirm-commands"),
            tr.theme.title(),
        ));
        for cmd in &plan.open {
            for l in cmd.display().lines() {
                d.details.push(Line::styled(
                    format!("  {}", tr.theme.text(l)),
                    tr.theme.dim(),
                ));
            }
        }
    }
    d
}

fn resume(w: &Wizard, tr: &Tr, continue_selected: bool) -> Dialog {
    let name = tr.t(&format!("{}-name", w.step.key()));
    let body = tr.ta(
        "resume-body",
        &[("n", &w.step.number().to_string()), ("name", &name)],
    );
    let sel = if continue_selected { 0 } else { 1 };
    let mut d = choice(
        tr,
        "resume-title",
        body,
        &["resume-continue", "resume-restart"],
        sel,
        "resume-choose-hint",
    );
    d.footer.push(tr.t("key-resume-close"));
    if let Some(ok) = w.session.pending_result {
        let id = if ok { "pending-done" } else { "pending-failed" };
        let style = if ok {
            tr.theme.ok_style()
        } else {
            tr.theme.err_style()
        };
        d.body.insert(0, Line::raw(""));
        d.body.insert(0, Line::styled(tr.t(id), style));
    }
    d
}

fn choice(
    tr: &Tr,
    title: &str,
    body: String,
    options: &[&str],
    selected: usize,
    hint: &str,
) -> Dialog {
    let mut keys = Vec::new();
    for (i, id) in options.iter().enumerate() {
        let mark = if i == selected {
            tr.theme.current()
        } else {
            " "
        };
        let style = if i == selected {
            tr.theme.selected()
        } else {
            Style::default()
        };
        keys.push(Line::styled(format!(" {mark} {}", tr.t(id)), style));
    }
    keys.push(Line::styled(tr.t(hint), tr.theme.dim()));
    Dialog {
        title: tr.t(title),
        body: lines(&body),
        details: Vec::new(),
        details_hint: "dialog-details-show",
        question: None,
        keys,
        footer: vec![
            tr.t("key-choose"),
            tr.t("key-dialog-confirm"),
            tr.t("key-lang"),
        ],
    }
}

/// The warning before the certificate and key go to the admin app, with
/// the exact edit that closes port 3000 behind «D».
pub(super) fn upload_question(w: &Wizard, tr: &Tr) -> Dialog {
    let mut d = yes_no(
        tr,
        "golive-confirm-title",
        super::golive::confirm_upload(w, tr),
    )
    .question(tr.t("upload-question"));
    d.details = lines(&tr.t("upload-warning-details"));
    d.details_hint = "upload-details-show";
    d
}
