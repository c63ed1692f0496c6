//! The certificate screen and its confirmation.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::view::Tr;
use super::widgets;
use crate::core::model::certificate::{AcmeEnv, AcmeStage, CertSource};
use crate::core::steps::certificate::{field, has_certificate};
use crate::core::{Step, TextInput, Wizard};

pub(super) fn draw(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let c = &w.certificate;
    if !has_certificate(w) {
        lines.push(Line::styled(tr.t("cert-source-title"), tr.theme.title()));
        for (source, id) in [
            (CertSource::LetsEncrypt, "cert-choice-letsencrypt"),
            (CertSource::Own, "cert-choice-own"),
            (CertSource::SelfSigned, "cert-choice-self-signed"),
        ] {
            lines.push(widgets::option(tr, c.source == source, tr.t(id)));
        }
        lines.push(Line::raw(""));
    }
    let focus = field(w);
    match c.source {
        CertSource::LetsEncrypt if !has_certificate(w) => {
            lines.push(widgets::input_line(
                &tr.t("cert-email"),
                &c.email,
                focus == Some(0),
                tr,
            ));
            widgets::required(lines, &c.email, tr);
            if let Some(url) = &c.terms_url {
                lines.push(Line::raw(tr.ta("acme-terms", &[("url", url)])));
            }
            lines.push(Line::styled(tr.t("cert-letsencrypt-how"), tr.theme.dim()));
            if let Some(line) = progress(w, tr) {
                lines.push(line);
            }
        }
        CertSource::Own if !has_certificate(w) => {
            lines.push(widgets::input_line(
                &tr.t("cert-own-cert"),
                &c.own_cert,
                focus == Some(0),
                tr,
            ));
            lines.push(widgets::input_line(
                &tr.t("cert-own-key"),
                &c.own_key,
                focus == Some(1),
                tr,
            ));
            let masked = TextInput {
                value: "*".repeat(w.session.passphrase.value.chars().count()),
                cursor: w.session.passphrase.cursor,
            };
            lines.push(widgets::input_line(
                &tr.t("cert-own-passphrase"),
                &masked,
                focus == Some(2),
                tr,
            ));
            lines.push(Line::styled(tr.t("cert-own-how"), tr.theme.dim()));
        }
        CertSource::SelfSigned if !has_certificate(w) => {
            lines.push(Line::styled(
                tr.t("cert-self-signed-warning"),
                tr.theme.warn_style(),
            ));
        }
        _ => {}
    }
    if let Some(rec) = c.installed.as_ref().filter(|_| has_certificate(w)) {
        lines.push(Line::raw(format!("  {} {}", tr.t("cert-name"), rec.domain)));
        lines.push(Line::raw(format!(
            "  {} {}",
            tr.t("cert-issuer"),
            tr.theme.text(&rec.issuer)
        )));
        lines.push(Line::raw(format!(
            "  {} {}",
            tr.t("cert-until"),
            tr.date(rec.not_after.date())
        )));
        if c.source == CertSource::SelfSigned {
            lines.push(Line::styled(
                tr.t("cert-self-signed-warning"),
                tr.theme.warn_style(),
            ));
        }
    }
    lines.push(Line::raw(""));
    let shown: &[_] = if c.source == CertSource::LetsEncrypt {
        crate::core::checks_of(Step::Certificate)
    } else {
        &crate::core::checks_of(Step::Certificate)[1..]
    };
    widgets::checks(lines, w, shown, tr);
    if let Some(f) = c.last_error.as_ref().filter(|_| !has_certificate(w))
        && !w.checks.values().any(|s| s.finding() == Some(f))
    {
        lines.push(Line::styled(
            format!("{} {}", tr.theme.failed(), tr.text(&f.summary)),
            tr.theme.err_style(),
        ));
    }
}

/// "Probelauf: ✓ Konto › ◐ Auftrag › · Prüfung › · Zertifikat".
fn progress(w: &Wizard, tr: &Tr) -> Option<Line<'static>> {
    let (env, stage) = w.session.acme_stage?;
    let stages = [
        (AcmeStage::Account, "acme-stage-account"),
        (AcmeStage::Order, "acme-stage-order"),
        (AcmeStage::Validation, "acme-stage-validation"),
        (AcmeStage::Certificate, "acme-stage-certificate"),
    ];
    let now = stages.iter().position(|(s, _)| *s == stage).unwrap_or(0);
    let mut spans = vec![Span::styled(
        format!(
            "{}: ",
            tr.t(if env == AcmeEnv::Staging {
                "cert-run-dry"
            } else {
                "cert-run-real"
            })
        ),
        tr.theme.title(),
    )];
    for (i, (_, id)) in stages.iter().enumerate() {
        let (mark, style) = if i < now {
            (tr.theme.passed(), tr.theme.ok_style())
        } else if i == now {
            (tr.theme.spinner(tr.ctx.tick), Style::default())
        } else {
            (tr.theme.idle(), tr.theme.dim())
        };
        if i > 0 {
            spans.push(Span::raw(" › "));
        }
        spans.push(Span::styled(format!("{mark} {}", tr.t(id)), style));
    }
    Some(Line::from(spans))
}

/// The confirmation before an issuance or a self-signed certificate.
pub(super) fn confirm_body(w: &Wizard, tr: &Tr) -> String {
    let c = &w.certificate;
    if c.source == CertSource::SelfSigned {
        return tr.t("cert-confirm-self-signed");
    }
    let url = c
        .terms_url
        .clone()
        .unwrap_or_else(|| "https://letsencrypt.org/repository/".into());
    let dry = w.domain.parsed.as_ref().map(|d| d.ascii.as_str()) != c.dry_run_for.as_deref();
    let mut body = tr.ta(
        if dry {
            "cert-confirm-dry"
        } else {
            "cert-confirm-real"
        },
        &[("url", &url)],
    );
    if let Some(b) = &w.session.issue_budget {
        body.push('\n');
        body.push_str(&tr.ta(
            "cert-confirm-budget",
            &[
                ("failures", &b.failures_left_this_hour.to_string()),
                ("duplicates", &b.duplicates_left_this_week.to_string()),
            ],
        ));
    }
    body
}
