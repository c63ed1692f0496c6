//! The screen as a pure function of the model: header with progress, the
//! list of steps, the current step, the keys, and any dialog on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme::Theme;
use super::{dialogs, steps};
use crate::core::{Gate, Lang, Overlay, Step, Wizard, gate};
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
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
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
    steps::draw(
        frame,
        main.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
        w,
        &tr,
    );
    draw_footer(frame, footer, w, &tr);
    if w.session.overlay != Overlay::None {
        dialogs::draw(frame, main, w, &tr);
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

fn draw_footer(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) {
    let input = w.text_input_active();
    let mut first: Vec<String> = Vec::new();
    if w.step == Step::Done {
        first.push(tr.t("key-finish"));
    } else {
        first.push(tr.t("key-next"));
    }
    first.push(tr.t("key-back"));
    if input {
        first.extend([
            tr.t("key-help-input"),
            tr.t("key-lang-input"),
            tr.t("key-quit-input"),
        ]);
    } else {
        first.extend([tr.t("key-help"), tr.t("key-lang"), tr.t("key-quit")]);
    }
    let mut second: Vec<String> = Vec::new();
    match w.step {
        Step::Language => second.push(tr.t("key-choose")),
        Step::Start | Step::Domain | Step::Dns => {
            if w.step == Step::Start && !w.start.candidates.is_empty() {
                second.push(tr.t("key-choose"));
            }
            second.push(tr.t("key-recheck"));
            if !input {
                second.push(tr.t("key-detail"));
            }
        }
        Step::PortForwarding => {
            second.extend([
                tr.t("key-choose-ports"),
                tr.t("key-toggle"),
                tr.t("key-recheck"),
                tr.t("key-detail"),
            ]);
        }
        Step::Certificate if !crate::core::cert_step::has_certificate(w) => {
            second.extend([tr.t("key-choose"), tr.t("key-field"), tr.t("key-issue")]);
        }
        Step::Firewall => {
            let firewall = w.network.firewall.as_ref();
            if firewall.is_some_and(|p| p.backend != crate::core::firewall::Backend::None) {
                second.push(tr.t("key-open"));
            }
            second.extend([tr.t("key-recheck"), tr.t("key-detail")]);
        }
        Step::FinalCheck => {
            second.extend([tr.t("key-toggle"), tr.t("key-recheck"), tr.t("key-detail")]);
        }
        Step::Install | Step::ProxyConfig | Step::Restart
            if !crate::core::golive_step::by_hand(w) =>
        {
            second.extend([tr.t("key-recheck"), tr.t("key-detail")]);
        }
        Step::Install if crate::core::golive_step::offers_upload(w) => {
            second.extend([
                tr.t("key-toggle"),
                tr.t("key-field"),
                tr.t("golive-upload-key"),
            ]);
        }
        s if s.is_manual() => second.push(tr.t("key-toggle")),
        Step::AutoRenew => {
            second.push(tr.t("key-choose"));
            if crate::core::autorenew::field(w).is_some() {
                second.extend([tr.t("key-field"), tr.t("key-test-mail")]);
            }
        }
        _ => {}
    }
    if gate(w) == Gate::Overridable {
        second.push(tr.t("key-override"));
    }
    let style = tr.theme.dim();
    let [keys, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(join_keys(&first), style)), keys);
    // A problem of this run (the resume file could not be written) takes
    // the place of the second line, as many lines as it needs: the person
    // must read why their progress is not safe and what to do about it.
    match error_paragraph(tr) {
        Some(p) => frame.render_widget(p, rest),
        None => frame.render_widget(
            Paragraph::new(Line::styled(join_keys(&second), style)),
            rest,
        ),
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

fn join_keys(keys: &[String]) -> String {
    format!(" {}", keys.join("  "))
}

pub(super) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
