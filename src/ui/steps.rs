//! The body of each step: instructions, input, live checks, and what
//! stands between the person and "next".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::dialog_content::{Dialog, yes_no};
use super::view::Tr;
use super::widgets;
use crate::core::library::start::Generation;
use crate::core::machine::gate_line::Tone;
use crate::core::{CheckId, CheckState, Lang, Step, Wizard};

type Body = fn(&mut Vec<Line<'static>>, &Wizard, &Tr);

/// What the screen shows of a step: its body, and the question it asks
/// before it writes, restarts or sends (`Overlay::ConfirmAction`).
pub(super) struct View {
    pub draw: Body,
    pub question: fn(&Wizard, &Tr) -> Option<Dialog>,
}

const fn view_of(draw: Body) -> View {
    View {
        draw,
        question: |_, _| None,
    }
}

/// The screen's table of steps, as `core::steps::of` is the core's.
pub(super) fn view(step: Step) -> View {
    match step {
        Step::Language => view_of(language),
        Step::Start => view_of(start),
        Step::Domain => view_of(domain),
        Step::Dns => view_of(dns),
        Step::PortForwarding => view_of(super::network::ports),
        Step::Firewall => view_of(super::network::firewall),
        Step::Certificate => view_of(super::certificate::draw),
        Step::Install => View {
            draw: super::golive::install,
            question: |w, tr| Some(super::dialog_content::upload_question(w, tr)),
        },
        Step::ProxyConfig => View {
            draw: super::golive::proxy,
            question: |_, tr| Some(golive_question(tr, super::golive::confirm_apply(tr))),
        },
        Step::Restart => View {
            draw: super::golive::restart,
            question: |w, tr| Some(golive_question(tr, super::golive::confirm_restart(w, tr))),
        },
        Step::FinalCheck => view_of(super::golive::final_check),
        Step::Systems => View {
            draw: super::systems::draw,
            question: |w, tr| {
                Some(yes_no(
                    tr,
                    "systems-confirm-title",
                    super::systems::confirm_body(w, tr),
                ))
            },
        },
        Step::AutoRenew => View {
            draw: super::autorenew::draw,
            question: |w, tr| {
                Some(yes_no(
                    tr,
                    "autorenew-confirm-title",
                    super::autorenew::confirm_body(w, tr),
                ))
            },
        },
        Step::Done => view_of(done),
    }
}

fn golive_question(tr: &Tr, body: String) -> Dialog {
    yes_no(tr, "golive-confirm-title", body)
}

/// Draws the step's body; answers how far its text can scroll.
pub(super) fn draw(frame: &mut Frame, area: Rect, w: &Wizard, tr: &Tr) -> u16 {
    // The step's title stands in the header; the body starts with the task.
    let mut lines: Vec<Line<'static>> = Vec::new();
    (view(w.step).draw)(&mut lines, w, tr);
    // Below the text: one line that says whether more follows, then two
    // for the status, so a long one is never cut.
    let body = Rect {
        height: area.height.saturating_sub(3),
        ..area
    };
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = u16::try_from(paragraph.line_count(body.width)).unwrap_or(u16::MAX);
    let max_scroll = total.saturating_sub(body.height);
    let scroll = w.session.scroll.min(max_scroll);
    frame.render_widget(paragraph.scroll((scroll, 0)), body);
    let bottom = area.y + area.height;
    if scroll < max_scroll {
        let more = Line::styled(tr.t("more-below"), tr.theme.warn_style());
        let more_area = Rect {
            y: bottom.saturating_sub(3),
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(more), more_area);
    }
    if let Some(status) = gate_line(w, tr) {
        let status_area = Rect {
            y: bottom.saturating_sub(2),
            height: 2,
            ..area
        };
        frame.render_widget(
            Paragraph::new(status).wrap(Wrap { trim: true }),
            status_area,
        );
    }
    max_scroll
}

fn para(lines: &mut Vec<Line<'static>>, text: String) {
    for l in text.lines() {
        lines.push(Line::raw(l.to_string()));
    }
}

fn language(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    lines.push(Line::raw(""));
    para(lines, tr.t("language-body"));
    lines.push(Line::raw(""));
    lines.push(Line::raw(tr.t("language-prompt")));
    for (i, lang) in Lang::ALL.iter().enumerate() {
        let label = tr.t(&format!("language-{}", lang.tag()));
        lines.push(widgets::option(tr, i == w.session.lang_cursor, label));
    }
}

fn start(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    para(lines, tr.t("start-body"));
    lines.push(Line::raw(""));
    lines.push(widgets::input_line(
        &tr.t("start-input-label"),
        &w.start.input,
        crate::core::text_input_active(w),
        tr,
    ));
    widgets::required(lines, &w.start.input, tr);
    // «nicht gefunden» beside «✓ gefunden» would contradict itself.
    if w.start.candidates.is_empty() {
        if w.start.found.is_none() {
            lines.push(Line::styled(tr.t("start-candidates-none"), tr.theme.dim()));
        }
    } else {
        let list: Vec<String> = w
            .start
            .candidates
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        lines.push(Line::styled(
            format!("{} {}", tr.t("start-candidates"), list.join(", ")),
            tr.theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    widgets::checks(lines, w, crate::core::checks_of(Step::Start), tr);
    // Not part of the gate: shown once docker was asked.
    if !matches!(widgets::shown(w, CheckId::ComposeReady), CheckState::Idle) {
        widgets::checks(lines, w, &[CheckId::ComposeReady], tr);
    }
    if let Some(inst) = &w.start.found {
        let generation = match inst.generation {
            Generation::Legacy => tr.t("start-generation-legacy"),
            Generation::Current => tr.t("start-generation-current"),
        };
        let unknown = tr.t("start-name-unknown");
        lines.push(Line::raw(format!(
            "  {} {generation}",
            tr.t("start-generation")
        )));
        let local = inst.local_name.clone().unwrap_or_else(|| unknown.clone());
        let external = inst.external_name.clone().unwrap_or(unknown);
        lines.push(Line::raw(format!("  {} {local}", tr.t("start-local-name"))));
        lines.push(Line::raw(format!(
            "  {} {external}",
            tr.t("start-external-name")
        )));
    }
}

fn domain(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    para(lines, tr.t("domain-body"));
    lines.push(Line::raw(""));
    lines.push(widgets::input_line(
        &tr.t("domain-input-label"),
        &w.domain.input,
        crate::core::text_input_active(w),
        tr,
    ));
    widgets::required(lines, &w.domain.input, tr);
    // While she types, a half-typed name is not told off (reward early,
    // punish late): the error waits until she stops.
    if let Some(err) = w.domain.error.as_ref().filter(|_| !w.session.typing) {
        lines.push(Line::styled(
            format!("{} {}", tr.theme.failed(), tr.text(err)),
            tr.theme.err_style(),
        ));
    }
    if let Some(name) = &w.domain.parsed {
        if w.domain.input.value.trim().trim_end_matches('.') != name.unicode {
            // A pasted address was reduced: show what is kept.
            lines.push(Line::raw(format!(
                "  {} {}",
                tr.t("domain-kept"),
                name.unicode
            )));
        }
        if name.ascii != name.unicode {
            lines.push(Line::raw(format!(
                "  {} {}",
                tr.t("domain-ascii"),
                name.ascii
            )));
        }
        lines.push(Line::raw(format!(
            "  {} {}",
            tr.t("domain-registered"),
            name.registered
        )));
        for hint in name.hints() {
            lines.push(Line::styled(tr.text(&hint), tr.theme.warn_style()));
        }
    }
    lines.push(Line::raw(""));
    widgets::checks(lines, w, crate::core::checks_of(Step::Domain), tr);
}

fn domain_name(w: &Wizard) -> String {
    w.domain
        .parsed
        .as_ref()
        .map(|d| d.unicode.clone())
        .unwrap_or_else(|| "termine.…".into())
}

fn dns(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let router = crate::core::library::router_guide::menu_key(&w.network.router);
    para(
        lines,
        tr.ta(
            "dns-body",
            &[("domain", &domain_name(w)), ("router", router)],
        ),
    );
    lines.push(Line::raw(""));
    widgets::checks(lines, w, crate::core::checks_of(Step::Dns), tr);
}

pub(super) fn manual(lines: &mut Vec<Line<'static>>, step: Step, w: &Wizard, tr: &Tr) {
    let registered = w
        .domain
        .parsed
        .as_ref()
        .map(|d| d.registered.clone())
        .unwrap_or_default();
    let dir = w
        .start
        .found
        .as_ref()
        .map(|i| i.dir.display().to_string())
        .unwrap_or_else(|| w.start.input.value.clone());
    let port = tr.ctx.responder_port.to_string();
    let args = [
        ("domain", domain_name(w)),
        ("registered", registered),
        ("dir", dir),
        ("port", port),
        ("server", tr.ctx.server.clone()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    para(lines, tr.ta(&format!("{}-body", step.key()), &args));
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr.t("manual-note"), tr.theme.dim()));
    let confirmed = w.confirmed.contains(&step);
    let (label, style) = if confirmed {
        (tr.t("manual-confirmed"), tr.theme.ok_style())
    } else {
        (tr.t("manual-confirm"), Style::default())
    };
    lines.push(Line::styled(label, style));
}

fn done(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    para(lines, tr.t("done-body"));
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "  {} https://{}",
        tr.t("done-domain"),
        domain_name(w)
    )));
    if let Some(inst) = &w.start.found {
        lines.push(Line::raw(format!(
            "  {} {}",
            tr.t("done-dir"),
            inst.dir.display()
        )));
    }
    let manual: Vec<String> = w
        .confirmed
        .iter()
        .map(|s| tr.t(&format!("{}-name", s.key())))
        .collect();
    if !manual.is_empty() {
        lines.push(Line::raw(format!(
            "  {}: {}",
            tr.t("status-manual"),
            manual.join(", ")
        )));
    }
    if !w.overrides.is_empty() {
        let n = w.overrides.len().to_string();
        lines.push(Line::styled(
            format!("  {}", tr.ta("done-overrides", &[("count", &n)])),
            tr.theme.warn_style(),
        ));
    }
    if let Some(files) = &w.golive.installed {
        // Name and folder apart: the whole path is wider than the screen.
        let name = files
            .crt
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        lines.push(Line::raw(format!("  {} {name}", tr.t("done-files"))));
        if let Some(dir) = files.crt.parent() {
            lines.push(Line::raw(format!(
                "  {} {}",
                tr.t("done-files-dir"),
                dir.display()
            )));
        }
    }
    if let Some(cert) = &w.certificate.installed {
        let until = tr.date(cert.not_after.date());
        lines.push(Line::raw(format!("  {} {until}", tr.t("cert-until"))));
    }
    // In the text, not over it: it scrolls with the rest.
    if let Some(path) = &tr.ctx.answers_file {
        lines.push(Line::raw(""));
        para(lines, tr.ta("answers-written", &[("path", path)]));
    }
    lines.push(Line::raw(""));
    if crate::core::steps::autorenew::not_set_up(w) {
        lines.push(Line::styled(
            format!("{} {}", tr.theme.warning(), tr.t("done-renew-missing")),
            tr.theme.warn_style(),
        ));
    } else {
        para(lines, tr.t("done-renew"));
    }
    lines.push(Line::raw(""));
    // The Webelexis seed's advice, with the statement filled in.
    let db_user = "termine";
    let host = w
        .start
        .found
        .as_ref()
        .and_then(|i| i.local_name.clone())
        .unwrap_or_else(|| "localhost".into());
    lines.push(Line::styled(tr.t("done-security-title"), tr.theme.title()));
    para(
        lines,
        tr.ta("done-security", &[("user", db_user), ("host", &host)]),
    );
}

fn gate_line(w: &Wizard, tr: &Tr) -> Option<Line<'static>> {
    let line = crate::core::machine::gate_line::gate_line(w)?;
    let style = match line.tone {
        Tone::Ok => tr.theme.ok_style(),
        Tone::Warn => tr.theme.warn_style(),
        Tone::Err => tr.theme.err_style(),
        Tone::Quiet => tr.theme.dim(),
        Tone::Plain => Style::default(),
    };
    Some(Line::styled(tr.t(line.id), style))
}
