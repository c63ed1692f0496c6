//! Install, proxy configuration, restart and final check, done by the
//! wizard on the Elexis-OOB server.

use ratatui::text::Line;

use super::network::confirm_line;
use super::view::Tr;
use super::widgets;
use crate::core::library::plain_diff::{Role, explain};
use crate::core::steps::golive::by_hand;
use crate::core::steps::install::offers_upload;
use crate::core::{CheckId, Step, Text, Wizard, checks_of};

/// Install: on the server the files written; elsewhere by hand, with the
/// upload to the admin app where there is a certificate to send.
pub(super) fn install(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    if by_hand(w) {
        super::steps::manual(lines, Step::Install, w, tr);
        if offers_upload(w) {
            upload(lines, w, tr);
        }
        return;
    }
    intro(lines, w, tr);
    widgets::checks(lines, w, checks_of(Step::Install), tr);
}

/// The proxy configuration: what changes in each file.
pub(super) fn proxy(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    if by_hand(w) {
        return super::steps::manual(lines, Step::ProxyConfig, w, tr);
    }
    intro(lines, w, tr);
    widgets::checks(lines, w, checks_of(Step::ProxyConfig), tr);
    diffs(lines, w, tr);
}

/// The restart, with the end of what compose printed.
pub(super) fn restart(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    if by_hand(w) {
        return super::steps::manual(lines, Step::Restart, w, tr);
    }
    // After a failed restart her next move is in the fix, and the reason
    // at the end of compose's output: the introduction (said again in the
    // question before every restart) makes room for both at 80×24.
    let failed = w.check(CheckId::Restarted).is_failed();
    if !failed {
        intro(lines, w, tr);
    }
    widgets::checks(lines, w, checks_of(Step::Restart), tr);
    // This run's lines while it runs; after a resume, the saved end.
    let log = if w.session.restart_log.is_empty() {
        &w.golive.restart_output
    } else {
        &w.session.restart_log
    };
    if log.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    // Docker speaks English: said before it is quoted.
    lines.push(Line::raw(tr.t("golive-restart-output")));
    // After a failure its end, where compose says why, fits under the fix.
    let shown = if failed { 5 } else { 8 };
    for l in log.iter().skip(log.len().saturating_sub(shown)) {
        lines.push(Line::styled(
            format!("  {}", tr.theme.text(l)),
            tr.theme.dim(),
        ));
    }
}

/// The final check, from any machine: and the phone, from outside.
pub(super) fn final_check(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    intro(lines, w, tr);
    widgets::checks(lines, w, checks_of(Step::FinalCheck), tr);
    lines.push(Line::raw(""));
    let phone = tr.ta("golive-final-phone", &[("domain", &domain(w))]);
    lines.extend(phone.lines().map(|l| Line::raw(l.to_string())));
    lines.push(confirm_line(
        w,
        Step::FinalCheck,
        tr,
        "golive-final-confirm",
    ));
}

fn domain(w: &Wizard) -> String {
    w.domain
        .parsed
        .as_ref()
        .map(|d| d.unicode.clone())
        .unwrap_or_default()
}

/// The step's introduction, with the folder and the name.
fn intro(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let dir = w
        .start
        .found
        .as_ref()
        .map(|i| i.dir.display().to_string())
        .unwrap_or_default();
    let body = tr.ta(
        &format!("golive-{}-body", w.step.key()),
        &[("dir", &dir), ("domain", &domain(w))],
    );
    lines.extend(body.lines().map(|l| Line::raw(l.to_string())));
    lines.push(Line::raw(""));
}

/// Each file to be changed: what changes in plain words, and the diff
/// itself, coloured by line, behind «D Details».
fn diffs(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let Some(plan) = &w.golive.plan else { return };
    for d in &plan.diffs {
        lines.push(Line::raw(""));
        let path = d.path.display().to_string();
        lines.push(Line::styled(tr.theme.text(&path), tr.theme.title()));
        plain_then_diff(
            lines,
            w,
            &explain(&path, &d.diff, Role::ByName),
            &d.diff,
            tr,
        );
    }
    if !plan.diffs.is_empty() && !w.session.show_detail {
        lines.push(Line::styled(tr.t("plain-details-hint"), tr.theme.dim()));
    }
}

/// The plain sentences as one paragraph; the raw diff only with details on.
pub(super) fn plain_then_diff(
    lines: &mut Vec<Line<'static>>,
    w: &Wizard,
    plain: &[Text],
    diff: &str,
    tr: &Tr,
) {
    let said: Vec<String> = plain.iter().map(|t| tr.text(t)).collect();
    if !said.is_empty() {
        lines.push(Line::raw(said.join(" ")));
    }
    if w.session.show_detail {
        diff_lines(lines, diff, tr);
    }
}

/// A unified diff, coloured by line.
pub(super) fn diff_lines(lines: &mut Vec<Line<'static>>, diff: &str, tr: &Tr) {
    for l in diff.lines() {
        let style = if l.starts_with('+') && !l.starts_with("+++") {
            tr.theme.ok_style()
        } else if l.starts_with('-') && !l.starts_with("---") {
            tr.theme.err_style()
        } else {
            tr.theme.dim()
        };
        lines.push(Line::styled(tr.theme.text(l), style));
    }
}

/// The admin app upload, offered when the wizard does not run on the server.
pub(super) fn upload(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr.t("golive-upload-title"), tr.theme.title()));
    let focused = w.session.upload_focus;
    lines.push(widgets::input_line(
        &tr.t("golive-upload-label"),
        &w.golive.upload_server,
        focused,
        tr,
    ));
    lines.push(Line::styled(tr.t("golive-upload-hint"), tr.theme.dim()));
    widgets::checks(lines, w, &[crate::core::CheckId::Uploaded], tr);
}

/// The question before writing the proxy files.
pub(super) fn confirm_apply(tr: &Tr) -> String {
    tr.t("golive-confirm-apply")
}

/// The question before restarting.
pub(super) fn confirm_restart(w: &Wizard, tr: &Tr) -> String {
    let dir = w
        .start
        .found
        .as_ref()
        .map(|i| i.dir.display().to_string())
        .unwrap_or_default();
    tr.ta("golive-confirm-restart", &[("dir", &dir)])
}

/// The warning before sending the certificate and key to the admin app.
pub(super) fn confirm_upload(w: &Wizard, tr: &Tr) -> String {
    let server = w.golive.upload_server.value.trim().to_string();
    tr.ta("upload-warning", &[("server", &server)])
}
