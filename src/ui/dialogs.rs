//! Dialogs drawn over the step: help, quit, resume, an interrupted change,
//! and "continue anyway".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::view::Tr;
use crate::core::{Overlay, Step, Wizard};

pub(super) fn draw(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) {
    let (title, mut lines) = match &w.session.overlay {
        Overlay::None => return,
        Overlay::Help => (tr.t("help-title"), help(w, tr)),
        Overlay::ConfirmQuit => (tr.t("quit-title"), yes_no(tr, tr.t("quit-body"))),
        Overlay::ConfirmAction if w.step == crate::core::Step::Systems => (
            tr.t("systems-confirm-title"),
            yes_no(tr, super::systems::confirm_body(w, tr)),
        ),
        Overlay::ConfirmAction if w.step == Step::AutoRenew => (
            tr.t("autorenew-confirm-title"),
            yes_no(tr, super::autorenew::confirm_body(w, tr)),
        ),
        Overlay::ConfirmAction => (
            tr.t("golive-confirm-title"),
            yes_no(tr, super::golive::confirm_body(w, tr)),
        ),
        Overlay::ConfirmIssue => (
            tr.t("cert-confirm-title"),
            yes_no(tr, super::certificate::confirm_body(w, tr)),
        ),
        Overlay::ConfirmOpen => {
            let mut body = tr.t("firewall-confirm-body");
            if let Some(plan) = &w.network.firewall {
                for cmd in &plan.open {
                    body.push_str(&format!("\n  {}", cmd.display()));
                }
            }
            (tr.t("firewall-confirm-title"), yes_no(tr, body))
        }
        Overlay::ConfirmOverride => (tr.t("override-title"), yes_no(tr, tr.t("override-body"))),
        Overlay::Resume { continue_selected } => {
            let name = tr.t(&format!("{}-name", w.step.key()));
            let body = tr.ta(
                "resume-body",
                &[("n", &w.step.number().to_string()), ("name", &name)],
            );
            let sel = if *continue_selected { 0 } else { 1 };
            (
                tr.t("resume-title"),
                choice(tr, body, &["resume-continue", "resume-restart"], sel),
            )
        }
        Overlay::Pending {
            changes,
            finish_selected,
        } => {
            let mut body = tr.t("pending-body");
            for c in changes {
                body.push_str(&format!("\n- {}", tr.text(&c.what)));
            }
            let sel = if *finish_selected { 0 } else { 1 };
            (
                tr.t("pending-title"),
                choice(tr, body, &["pending-finish", "pending-undo"], sel),
            )
        }
    };
    if let Some(ok) = w.session.pending_result
        && matches!(w.session.overlay, Overlay::Resume { .. })
    {
        let id = if ok { "pending-done" } else { "pending-failed" };
        lines.insert(0, Line::raw(""));
        lines.insert(
            0,
            Line::styled(
                tr.t(id),
                if ok {
                    tr.theme.ok_style()
                } else {
                    tr.theme.err_style()
                },
            ),
        );
    }
    let width = area.width.saturating_sub(4).min(60);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner = u16::try_from(paragraph.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    let height = inner.saturating_add(2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(tr.theme.border())
        .title(format!(" {title} "));
    frame.render_widget(Clear, rect);
    frame.render_widget(paragraph.block(block), rect);
}

fn help(w: &Wizard, tr: &Tr) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if w.step != Step::Language {
        lines.push(Line::styled(
            tr.t(&format!("{}-title", w.step.key())),
            tr.theme.title(),
        ));
    }
    let step_help = format!("{}-help", w.step.key());
    if crate::i18n::has(w.lang, &step_help) {
        lines.extend(tr.t(&step_help).lines().map(|l| Line::raw(l.to_string())));
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(tr.t("help-keys")));
    lines.push(Line::raw(""));
    lines.push(Line::raw(tr.t("help-resume")));
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr.t("help-close"), tr.theme.dim()));
    lines
}

fn yes_no(tr: &Tr, body: String) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = body.lines().map(|l| Line::raw(l.to_string())).collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("   {}", tr.t("dialog-yes")),
        tr.theme.title(),
    ));
    lines.push(Line::raw(format!("   {}", tr.t("dialog-no"))));
    lines
}

fn choice(tr: &Tr, body: String, options: &[&str], selected: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = body.lines().map(|l| Line::raw(l.to_string())).collect();
    lines.push(Line::raw(""));
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
        lines.push(Line::styled(format!(" {mark} {}", tr.t(id)), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr.t("dialog-choose-hint"), tr.theme.dim()));
    lines
}
