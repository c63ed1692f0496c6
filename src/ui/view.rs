//! The screen as a pure function of the model: header with progress, the
//! list of steps, the current step, the keys, and any dialog on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme::Theme;
use super::{dialogs, steps};
use crate::core::{Lang, Step, Viewport, Wizard};
use crate::i18n;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
const SIDEBAR: u16 = 17;

/// Everything the view needs besides the model; none of it is saved.
#[derive(Debug, Clone, Default)]
pub struct ViewCtx {
    pub theme: Theme,
    /// Advances while checks run, for the spinner.
    pub tick: u64,
    /// A problem of this run (e.g. the resume file could not be written).
    pub error: Option<String>,
    /// How the server is called on the practice network, for instructions.
    pub server: String,
    pub responder_port: u16,
    /// Where this run's answers were written, named on the Done screen.
    pub answers_file: Option<String>,
}

/// Translates and adapts a message to the terminal.
pub(super) struct Tr<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub ctx: &'a ViewCtx,
}

impl Tr<'_> {
    pub fn t(&self, id: &str) -> String {
        self.theme.text(&i18n::tr(self.lang, id))
    }
    /// A calendar day as the reader writes it (24.12.2026 in German).
    pub fn date(&self, d: time::Date) -> String {
        let iso = d.to_string();
        i18n::local_date(self.lang, &iso).unwrap_or(iso)
    }
    pub fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.theme.text(&i18n::tr_args(self.lang, id, args))
    }
    pub fn text(&self, t: &crate::core::Text) -> String {
        self.theme.text(&i18n::text(self.lang, t))
    }
}

pub fn draw(frame: &mut Frame, w: &Wizard, ctx: &ViewCtx) {
    draw_measured(frame, w, ctx);
}

/// Draws the screen and says what it allowed: the key rules follow it.
pub fn draw_measured(frame: &mut Frame, w: &Wizard, ctx: &ViewCtx) -> Viewport {
    let area = frame.area();
    let tr = Tr {
        lang: w.lang,
        theme: ctx.theme,
        ctx,
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tr.ta(
            "too-small",
            &[
                ("width", &area.width.to_string()),
                ("height", &area.height.to_string()),
            ],
        );
        let text = format!("{msg}\n\n{}", tr.t("too-small-quit"));
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return Viewport {
            too_small: true,
            ..Viewport::default()
        };
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1 + error_height(&tr, area.width)),
    ])
    .areas(area);
    draw_header(frame, header, w, &tr);
    let [side, main] =
        Layout::horizontal([Constraint::Length(SIDEBAR), Constraint::Min(1)]).areas(body);
    draw_sidebar(frame, side, w, &tr);
    let body_max = steps::draw(
        frame,
        main.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
        w,
        &tr,
    );
    let dialog = dialogs::draw(frame, main, w, &tr);
    let dialog_max = dialog.as_ref().map(|d| d.max_scroll);
    let keys = match dialog {
        Some(d) => vec![d.footer],
        None => super::footer::step_keys(w, &tr, body_max),
    };
    draw_footer(frame, footer, &keys, &tr);
    Viewport {
        too_small: false,
        body_max: Some(body_max),
        dialog_max,
    }
}

fn draw_header(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) {
    let step = tr.ta(
        "header-step",
        &[
            ("n", &w.step.number().to_string()),
            ("total", &Step::ALL.len().to_string()),
        ],
    );
    let left = format!(
        " {} · {}",
        tr.t("app-title"),
        tr.t(&format!("{}-title", w.step.key()))
    );
    let left = tr.theme.text(&left);
    let width = area.width as usize;
    let pad = width.saturating_sub(display_width(&left) + display_width(&step) + 1);
    let line = format!("{left}{}{step} ", " ".repeat(pad));
    frame.render_widget(Paragraph::new(line).style(tr.theme.header()), area);
}

fn draw_sidebar(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) {
    let theme = tr.theme;
    let mut lines = Vec::new();
    for step in Step::ALL {
        let (mark, style) = if step == w.step {
            (theme.current(), theme.title())
        } else if step < w.step {
            (theme.passed(), theme.ok_style())
        } else {
            (" ", Style::default())
        };
        let name = tr.t(&format!("{}-name", step.key()));
        lines.push(Line::from(vec![
            Span::styled(format!("{mark:>2} "), style),
            Span::styled(name, style),
        ]));
    }
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_set(theme.border());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn draw_footer(frame: &mut Frame, area: Rect, keys: &[Vec<String>], tr: &Tr) {
    let style = tr.theme.dim();
    // A problem of this run (the resume file could not be written) takes
    // the place of the second line, as many lines as it needs: the person
    // must read why their progress is not safe and what to do about it.
    let error = error_paragraph(tr);
    let rows = if error.is_some() { 1 } else { 2 };
    let (lines, _) = super::footer::flow(keys, area.width, rows);
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let line = |i: usize| Line::styled(lines.get(i).cloned().unwrap_or_default(), style);
    frame.render_widget(Paragraph::new(line(0)), top);
    match error {
        Some(p) => frame.render_widget(p, rest),
        None => frame.render_widget(Paragraph::new(line(1)), rest),
    }
}

/// At most this many lines for the error, so the step keeps its room.
const MAX_ERROR_LINES: usize = 6;

fn error_paragraph<'a>(tr: &Tr) -> Option<Paragraph<'a>> {
    let e = tr.ctx.error.as_ref()?;
    let text = format!(" {}", tr.ta("error-persist", &[("reason", e)]));
    Some(Paragraph::new(Line::styled(text, tr.theme.err_style())).wrap(Wrap { trim: false }))
}

/// The footer's lines below the keys: one, or what the error needs.
fn error_height(tr: &Tr, width: u16) -> u16 {
    let lines = error_paragraph(tr).map_or(1, |p| p.line_count(width).clamp(1, MAX_ERROR_LINES));
    u16::try_from(lines).unwrap_or(1)
}

pub(super) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
