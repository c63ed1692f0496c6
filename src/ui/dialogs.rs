//! Dialogs drawn over the step. Whatever the window, the question and its
//! answer keys stay at the bottom of the box; a body too long for it
//! scrolls above them and says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::dialog_content::dialog;
use super::view::Tr;
use crate::core::Wizard;

/// What the footer and the key rules need from the dialog just drawn.
pub(super) struct Drawn {
    pub footer: Vec<String>,
    pub max_scroll: u16,
}

/// The widest a dialog gets: wider is harder to read.
const MAX_WIDTH: u16 = 60;

fn height_of(lines: &[Line<'static>], width: u16) -> u16 {
    if lines.is_empty() {
        return 0;
    }
    let p = Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false });
    u16::try_from(p.line_count(width)).unwrap_or(u16::MAX)
}

pub(super) fn draw(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) -> Option<Drawn> {
    let d = dialog(w, tr)?;
    let width = area.width.saturating_sub(4).min(MAX_WIDTH);
    let inner_w = width.saturating_sub(2);
    let mut body = d.body.clone();
    let has_details = !d.details.is_empty();
    if has_details && w.session.dialog_detail {
        body.push(Line::raw(""));
        body.extend(d.details.iter().cloned());
    }
    let mut pinned: Vec<Line<'static>> = Vec::new();
    if has_details {
        let id = if w.session.dialog_detail {
            "dialog-details-hide"
        } else {
            d.details_hint
        };
        pinned.push(Line::styled(tr.t(id), tr.theme.dim()));
    }
    if let Some(q) = &d.question {
        pinned.push(Line::styled(q.clone(), tr.theme.title()));
    }
    pinned.extend(d.keys.iter().cloned());
    let body_h = height_of(&body, inner_w);
    let pinned_h = height_of(&pinned, inner_w);
    let max_inner = area.height.saturating_sub(4);
    // Between body and question: a blank line, or the scroll hint, which
    // may need two lines where arrows are spelled out (ASCII terminals).
    let hint_h = ["more-below", "more-above"]
        .iter()
        .map(|id| height_of(&[Line::raw(tr.t(id))], inner_w))
        .max()
        .unwrap_or(1)
        .max(1);
    let room = max_inner.saturating_sub(pinned_h + 1);
    let (visible, sep_h) = if body_h <= room {
        (body_h, 1)
    } else {
        (max_inner.saturating_sub(pinned_h + hint_h), hint_h)
    };
    let max_scroll = body_h.saturating_sub(visible);
    let scroll = w.session.dialog_scroll.min(max_scroll);
    let inner_h = visible + sep_h + pinned_h;
    let height = inner_h + 2;
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(tr.theme.border())
        .title(format!(" {} ", d.title));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let at = |y: u16, h: u16| Rect {
        y: inner.y + y,
        height: h,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        at(0, visible),
    );
    let hint = if scroll < max_scroll {
        Some("more-below")
    } else if scroll > 0 {
        Some("more-above")
    } else {
        None
    };
    if let Some(id) = hint {
        frame.render_widget(
            Paragraph::new(Line::styled(tr.t(id), tr.theme.warn_style())).wrap(Wrap { trim: true }),
            at(visible, sep_h),
        );
    }
    frame.render_widget(
        Paragraph::new(pinned).wrap(Wrap { trim: false }),
        at(visible + sep_h, pinned_h),
    );
    let mut footer = d.footer;
    if has_details {
        footer.insert(2, tr.t("key-dialog-details"));
    }
    if scroll < max_scroll {
        footer.push(tr.t("key-page-down"));
    }
    if scroll > 0 {
        footer.push(tr.t("key-page-up"));
    }
    Some(Drawn { footer, max_scroll })
}
