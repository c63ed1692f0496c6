//! Small pieces the step screens share: a text field and the check list.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::view::Tr;
use crate::core::{CheckId, CheckState, TextInput, Wizard};

/// `Label: value` with the cursor shown as a reversed cell.
pub(super) fn input_line(label: &str, input: &TextInput, focused: bool, tr: &Tr) -> Line<'static> {
    let chars: Vec<char> = input.value.chars().collect();
    let cursor = input.cursor.min(chars.len());
    let before: String = chars[..cursor].iter().collect();
    let at: String = chars.get(cursor).map_or(" ".to_string(), |c| c.to_string());
    let after: String = chars
        .get(cursor + 1..)
        .map_or(String::new(), |s| s.iter().collect());
    let field = Style::default().add_modifier(Modifier::UNDERLINED);
    let cursor_style = if focused {
        field.add_modifier(Modifier::REVERSED)
    } else {
        field
    };
    Line::from(vec![
        Span::styled(format!("{label} "), tr.theme.title()),
        Span::styled(tr.theme.text(&before), field),
        Span::styled(tr.theme.text(&at), cursor_style),
        Span::styled(tr.theme.text(&after), field),
    ])
}

/// Under a field that must be filled in and is still empty: an empty
/// line gives no sign that the next move is hers.
pub(super) fn required(lines: &mut Vec<Line<'static>>, input: &TextInput, tr: &Tr) {
    if input.value.trim().is_empty() {
        lines.push(Line::styled(
            format!("  {}", tr.theme.text(&tr.t("input-required"))),
            tr.theme.warn_style(),
        ));
    }
}

/// One line per check with its symbol, then what to do for the ones that
/// did not pass, and the technical detail when asked for.
pub(super) fn checks(lines: &mut Vec<Line<'static>>, w: &Wizard, ids: &[CheckId], tr: &Tr) {
    let theme = tr.theme;
    for id in ids {
        let state = shown(w, *id);
        let name = tr.t(id.key());
        let (symbol, style, summary) = match state {
            CheckState::Idle => (theme.idle().to_string(), theme.dim(), tr.t("check-idle")),
            CheckState::Running { .. } => (
                theme.spinner(tr.ctx.tick).to_string(),
                theme.dim(),
                tr.t("check-running"),
            ),
            CheckState::Passed(f) => (
                theme.passed().to_string(),
                theme.ok_style(),
                tr.text(&f.summary),
            ),
            CheckState::Warning(f) if crate::core::steps::golive::is_planned_change(state) => (
                theme.planned().to_string(),
                Style::default(),
                tr.text(&f.summary),
            ),
            CheckState::Warning(f) => (
                theme.warning().to_string(),
                theme.warn_style(),
                tr.text(&f.summary),
            ),
            CheckState::Failed(f) => (
                theme.failed().to_string(),
                theme.err_style(),
                tr.text(&f.summary),
            ),
        };
        let mut summary_lines = summary.lines();
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} "), style),
            Span::styled(format!("{name}: "), theme.title()),
            Span::raw(summary_lines.next().unwrap_or_default().to_string()),
        ]));
        push_lines(lines, "  ", summary_lines);
        let Some(finding) = state.finding() else {
            continue;
        };
        if !state.is_settled() || matches!(state, CheckState::Warning(_)) {
            if let Some(fix) = &finding.fix {
                let fix = format!("{} {}", tr.t("check-label-fix"), tr.text(fix));
                push_lines(lines, "  ", fix.lines());
            }
            for more in &finding.more {
                push_lines(lines, "  ", tr.text(more).lines());
            }
        }
        if w.session.show_detail
            && let Some(detail) = &finding.detail
        {
            // One technical item a line: run together they read as
            // «NotRouted(404)Host …».
            lines.push(Line::styled(
                format!("  {}", tr.t("check-label-detail")),
                theme.dim(),
            ));
            for item in detail.lines().filter(|l| !l.trim().is_empty()) {
                lines.push(Line::styled(
                    format!("    {}", theme.text(item)),
                    theme.dim(),
                ));
            }
        }
    }
}

/// The check as the screen shows it: while she types into the field it
/// judges, no verdict yet and no spinner, only «not checked yet» — a
/// half-typed word is not told off, and the lines below stay put.
pub(super) fn shown(w: &Wizard, id: CheckId) -> &CheckState {
    let state = w.check(id);
    match state {
        CheckState::Running { .. } | CheckState::Failed(_) | CheckState::Warning(_)
            if w.session.typing =>
        {
            &CheckState::Idle
        }
        _ => state,
    }
}

/// A message may hold line breaks; a span cannot, so each becomes a line.
fn push_lines<'a>(
    lines: &mut Vec<Line<'static>>,
    indent: &str,
    text: impl Iterator<Item = &'a str>,
) {
    for l in text {
        lines.push(Line::raw(format!("{indent}{l}")));
    }
}

/// One entry of a list to choose from, marked and reversed when selected.
pub(super) fn option(tr: &Tr, selected: bool, label: String) -> Line<'static> {
    let mark = if selected { tr.theme.current() } else { " " };
    let style = if selected {
        tr.theme.selected()
    } else {
        Style::default()
    };
    Line::from(vec![
        Span::raw(format!("  {mark} ")),
        Span::styled(label, style),
    ])
}
