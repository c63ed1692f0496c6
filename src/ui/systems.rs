//! The optional systems step: the choice, the chosen form, the plan's
//! diff and what was set up.

use ratatui::text::Line;

use super::view::Tr;
use super::widgets;
use crate::core::library::plain_diff::{Role, explain};
use crate::core::steps::systems::{SystemKind, field};
use crate::core::{TextInput, Wizard};

pub(super) fn draw(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let s = &w.systems;
    // Only a final check that passed by itself says the service runs.
    let checked = w.check(crate::core::CheckId::FinalTls).is_passed()
        && !crate::core::overridden(w, crate::core::Step::FinalCheck);
    let body = if checked {
        "systems-body"
    } else {
        "systems-body-unchecked"
    };
    lines.push(Line::raw(tr.t(body)));
    lines.push(Line::raw(""));
    let proxy = s.orthanc.terminator;
    for (kind, terminator, id) in [
        (SystemKind::None, false, "systems-choice-none"),
        (SystemKind::Orthanc, false, "systems-choice-orthanc"),
        (
            SystemKind::Orthanc,
            true,
            "systems-choice-orthanc-terminator",
        ),
        (SystemKind::Gateway, false, "systems-choice-gateway"),
    ] {
        let mut label = tr.t(id);
        let crashes = w.session.orthanc_affected == Some(true);
        if crashes && kind == SystemKind::Orthanc && !terminator {
            label.push_str(&format!(" {}", tr.t("systems-choice-orthanc-affected")));
        }
        if s.done(kind)
            .is_some_and(|d| kind != SystemKind::Orthanc || d.terminator == terminator)
        {
            label.push_str(&format!(" {}", tr.theme.passed()));
        }
        let chosen = s.choice == kind && (kind != SystemKind::Orthanc || terminator == proxy);
        lines.push(widgets::option(tr, chosen, label));
    }
    if let Some(plan) = &s.plan {
        // The summary first, then the diff with the room that is left.
        lines.push(Line::raw(""));
        lines.push(Line::raw(tr.text(&plan.summary)));
        for note in &plan.notes {
            lines.push(Line::raw(tr.text(note)));
        }
        let role = match plan.kind {
            SystemKind::Gateway => Role::GatewayYaml,
            _ if s.orthanc.terminator => Role::Stunnel,
            _ => Role::OrthancJson,
        };
        let file = match role {
            Role::GatewayYaml => s.gateway.config.value.clone(),
            Role::OrthancJson => s.orthanc.config.value.clone(),
            _ => "praxis-orthanc.conf".to_string(),
        };
        let plain = explain(&file, &plan.diff, role);
        super::golive::plain_then_diff(lines, w, &plain, &plan.diff, tr);
        if !plan.diff.is_empty() && !w.session.show_detail {
            lines.push(Line::styled(tr.t("plain-details-hint"), tr.theme.dim()));
        }
        return;
    }
    // An Orthanc whose own HTTPS crashes: stunnel is offered before
    // anything is typed.
    if s.choice == SystemKind::Orthanc
        && !s.orthanc.terminator
        && w.session.orthanc_affected == Some(true)
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} {}",
                tr.theme.warning(),
                tr.t("systems-orthanc-affected-upfront")
            ),
            tr.theme.warn_style(),
        ));
    }
    // What went wrong stands right below the choice, where 24 rows still
    // show it above a long form.
    if let Some(id) = s.choice.check()
        && !matches!(w.check(id), crate::core::CheckState::Idle)
    {
        lines.push(Line::raw(""));
        widgets::checks(lines, w, &[id], tr);
    }
    let focus = field(w);
    let input = |lines: &mut Vec<Line<'static>>, id: &str, value: &TextInput, i: usize| {
        lines.push(widgets::input_line(&tr.t(id), value, focus == Some(i), tr));
    };
    match s.choice {
        SystemKind::None => {}
        SystemKind::Orthanc => {
            lines.push(Line::raw(""));
            let f = &s.orthanc;
            input(lines, "systems-orthanc-host", &f.host, 0);
            input(lines, "systems-orthanc-config", &f.config, 1);
            input(lines, "systems-orthanc-ips", &f.ips, 2);
            input(lines, "systems-orthanc-clients", &f.clients, 3);
            let masked = |secret: &TextInput| TextInput {
                value: "*".repeat(secret.value.chars().count()),
                cursor: secret.cursor,
            };
            let last = if f.terminator {
                input(lines, "systems-orthanc-port", &f.port, 4);
                input(lines, "systems-orthanc-proxy-restart", &f.proxy_restart, 5);
                6
            } else {
                input(lines, "systems-orthanc-restart-field", &f.restart, 4);
                input(lines, "systems-orthanc-user", &f.user, 5);
                let password = masked(&w.session.orthanc_password);
                input(lines, "systems-orthanc-user-password", &password, 6);
                7
            };
            let passphrase = masked(&w.session.passphrase);
            input(lines, "systems-orthanc-passphrase", &passphrase, last);
        }
        SystemKind::Gateway => {
            lines.push(Line::raw(""));
            let f = &s.gateway;
            input(lines, "systems-gateway-host", &f.host, 0);
            input(lines, "systems-gateway-config", &f.config, 1);
            input(lines, "systems-gateway-disk-root", &f.disk_root, 2);
            input(lines, "systems-gateway-root", &f.gateway_root, 3);
            input(lines, "systems-gateway-email", &f.email, 4);
        }
    }
    // The example below the fields.
    if s.choice.check().is_some() {
        let how = match s.choice {
            SystemKind::Gateway => "systems-gateway-how",
            _ if s.orthanc.terminator => "systems-orthanc-terminator-how",
            _ => "systems-orthanc-how",
        };
        lines.push(Line::styled(tr.t(how), tr.theme.dim()));
    }
    for done in &s.done {
        lines.push(Line::raw(""));
        let name = match done.kind {
            SystemKind::Gateway => tr.t("systems-choice-gateway"),
            _ => tr.t("systems-choice-orthanc"),
        };
        lines.push(Line::styled(
            format!("{} {name}: {}", tr.theme.passed(), done.host),
            tr.theme.ok_style(),
        ));
        for t in &done.report {
            lines.push(Line::raw(format!("  {}", tr.text(t))));
        }
    }
}

/// The question before writing: what changes, and for the gateway that a
/// certificate is requested first.
pub(super) fn confirm_body(w: &Wizard, tr: &Tr) -> String {
    match w.systems.choice {
        SystemKind::Gateway => {
            let terms = w
                .certificate
                .terms_url
                .clone()
                .unwrap_or_else(|| "https://letsencrypt.org/repository/".into());
            tr.ta("systems-confirm-gateway", &[("terms", &terms)])
        }
        // stunnel takes the encryption; Orthanc's file changes only where
        // it was open to other computers.
        SystemKind::Orthanc if w.systems.orthanc.terminator => tr.t("systems-confirm-terminator"),
        _ => tr.t("systems-confirm-orthanc"),
    }
}
