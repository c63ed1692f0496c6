//! The renewal step: what will be set up and when it runs, the choice, the
//! mail form, and what the checks found.

use ratatui::text::Line;

use super::view::Tr;
use super::widgets;
use crate::core::steps::autorenew::{RenewChoice, field};
use crate::core::{CheckId, CheckState, TextInput, Wizard};

pub(super) fn draw(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let s = &w.autorenew;
    lines.push(Line::raw(tr.t("autorenew-body")));
    lines.push(Line::raw(""));
    for (choice, id) in [
        (RenewChoice::SetUp, "autorenew-choice-set-up"),
        (RenewChoice::Skip, "autorenew-choice-skip"),
    ] {
        lines.push(widgets::option(tr, s.choice == choice, tr.t(id)));
    }
    if s.choice == RenewChoice::Skip {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} {}", tr.theme.warning(), tr.t("autorenew-skip-warning")),
            tr.theme.warn_style(),
        ));
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(tr.t("autorenew-mail-intro")));
    let focus = field(w);
    let m = &s.mail;
    let fields: [(&str, &TextInput); 4] = [
        ("autorenew-mail-host", &m.host),
        ("autorenew-mail-from", &m.from),
        ("autorenew-mail-to", &m.to),
        ("autorenew-mail-user", &m.user),
    ];
    for (i, (id, input)) in fields.into_iter().enumerate() {
        lines.push(widgets::input_line(&tr.t(id), input, focus == Some(i), tr));
    }
    let masked = TextInput {
        value: "*".repeat(w.session.mail_password.value.chars().count()),
        cursor: w.session.mail_password.cursor,
    };
    let mut password = widgets::input_line(
        &tr.t("autorenew-mail-password"),
        &masked,
        focus == Some(4),
        tr,
    );
    let stored = s.view.as_ref().is_some_and(|v| v.password_stored);
    if stored && masked.value.is_empty() {
        password.push_span(ratatui::text::Span::styled(
            tr.t("autorenew-mail-password-stored"),
            tr.theme.dim(),
        ));
    }
    lines.push(password);
    // Once the step has looked at the system, a running renewal check is
    // the setting up: say that, not "being checked".
    let installing = s.view.is_some() && w.check(CheckId::Schedule).is_running();
    let shown: Vec<CheckId> = [CheckId::Schedule, CheckId::TestMail]
        .into_iter()
        .filter(|id| !matches!(w.check(*id), CheckState::Idle))
        .filter(|id| !(installing && *id == CheckId::Schedule))
        .collect();
    if installing || !shown.is_empty() {
        lines.push(Line::raw(""));
    }
    if installing {
        lines.push(Line::styled(
            format!(
                "{} {}",
                tr.theme.spinner(tr.ctx.tick),
                tr.t("autorenew-installing")
            ),
            tr.theme.dim(),
        ));
    }
    widgets::checks(lines, w, &shown, tr);
    lines.push(Line::raw(""));
    let id = if m.is_empty() {
        "autorenew-no-mail"
    } else {
        "autorenew-with-mail"
    };
    lines.push(Line::styled(tr.t(id), tr.theme.dim()));
    // Where the program comes from and what is replaced: below the form
    // (the question before the yes shows it again).
    if let Some(plan) = s.view.as_ref().and_then(|v| v.plan.as_ref().ok()) {
        for t in plan.texts().iter().skip(1) {
            lines.push(Line::raw(tr.text(t)));
        }
    }
}

/// The question before setting it up: the plan, and where mails go.
pub(super) fn confirm_body(w: &Wizard, tr: &Tr) -> String {
    let mut body: Vec<String> = Vec::new();
    // The schedule itself stands on the step; the question names what
    // changes on the system.
    if let Some(plan) = w.autorenew.view.as_ref().and_then(|v| v.plan.as_ref().ok()) {
        body.extend(plan.texts().iter().skip(1).map(|t| tr.text(t)));
    }
    let mail = &w.autorenew.mail;
    body.push(if mail.is_empty() {
        tr.t("autorenew-confirm-no-mail")
    } else {
        tr.ta("autorenew-confirm-mail", &[("to", mail.to.value.trim())])
    });
    body.push(tr.t("autorenew-confirm-undo"));
    body.join("\n")
}
