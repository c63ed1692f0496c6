//! The port-forwarding and firewall screens.

use ratatui::text::{Line, Span};

use super::view::Tr;
use super::widgets;
use crate::core::library::firewall::Backend;
use crate::core::library::reach::AddressPlan;
use crate::core::library::router_guide;
use crate::core::model::network::Port80Policy;
use crate::core::{Step, Wizard};

pub(super) fn ports(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let port = tr.ctx.responder_port.to_string();
    let body = tr.ta("ports-body", &[("server", &tr.ctx.server), ("port", &port)]);
    lines.extend(body.lines().map(|l| Line::raw(l.to_string())));
    router_guide(lines, w, tr);
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr.t("ports-policy-title"), tr.theme.title()));
    let policy = w.network.policy;
    lines.push(widgets::option(
        tr,
        policy == Port80Policy::Permanent,
        tr.t("ports-policy-permanent"),
    ));
    lines.push(widgets::option(
        tr,
        policy == Port80Policy::OnDemand,
        tr.t("ports-policy-ondemand"),
    ));
    let plan = match w.network.address_plan {
        AddressPlan::Unknown => tr.t("ports-plan-unknown"),
        AddressPlan::Static => tr.t("ports-plan-static"),
        AddressPlan::DynDns => tr.t("ports-plan-dyndns"),
        AddressPlan::Dynamic => tr.t("ports-plan-dynamic"),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", tr.t("ports-plan-title")), tr.theme.title()),
        Span::raw(plan),
    ]));
    lines.push(Line::raw(""));
    lines.push(confirm_line(w, Step::PortForwarding, tr, "ports-confirm"));
    lines.push(Line::raw(""));
    widgets::checks(lines, w, crate::core::checks_of(Step::PortForwarding), tr);
}

/// Where this server sits in the practice network (most routers ask for
/// its address, a FRITZ!Box for its device name), then the guide for the
/// router as far as it could be recognised.
fn router_guide(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let seen = &w.network.router;
    let device = seen
        .host_name
        .clone()
        .unwrap_or_else(|| tr.ctx.server.clone());
    let lan_line = match seen.lan_v4 {
        Some(lan) => tr.ta(
            "ports-lan",
            &[("lan", &lan.to_string()), ("device", &device)],
        ),
        None => tr.ta("ports-lan-unknown", &[("device", &device)]),
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(lan_line, tr.theme.title()));
    lines.push(Line::raw(""));
    let guide = router_guide::choose(seen);
    let asking = w.network.router_asking;
    let texts = router_guide::texts(&guide, seen, asking, &device, tr.ctx.responder_port);
    for (i, text) in texts.iter().enumerate() {
        let shown = tr.text(text);
        lines.push(match i {
            0 => Line::styled(shown, tr.theme.title()),
            1 => Line::styled(shown, tr.theme.dim()),
            _ => Line::raw(tr.theme.text(&format!("• {shown}"))),
        });
    }
    if w.session.show_detail {
        // For the IT supporter: everything the recognition went by.
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".into());
        let upnp = [&seen.upnp_name, &seen.upnp_manufacturer, &seen.upnp_model]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" / ");
        let detail = tr.ta(
            "router-detail",
            &[
                ("gateway", &or_dash(seen.gateway_v4.map(|g| g.to_string()))),
                ("upnp", &or_dash(Some(upnp).filter(|u| !u.is_empty()))),
                ("page", &or_dash(seen.page_title.clone())),
                ("ptr", &or_dash(seen.reverse_name.clone())),
            ],
        );
        let clean: String = detail
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        lines.push(Line::styled(clean, tr.theme.dim()));
    }
}

pub(super) fn firewall(lines: &mut Vec<Line<'static>>, w: &Wizard, tr: &Tr) {
    let port = tr.ctx.responder_port.to_string();
    let body = tr.ta("firewall-body", &[("port", &port)]);
    lines.extend(body.lines().map(|l| Line::raw(l.to_string())));
    if let Some(plan) = w
        .network
        .firewall
        .as_ref()
        .filter(|p| p.backend != Backend::None)
    {
        lines.push(Line::raw(""));
        if w.session.show_detail {
            lines.push(Line::styled(tr.t("firewall-commands"), tr.theme.title()));
            for cmd in &plan.open {
                // A command with input (nft -f -) shows it line by line.
                for l in cmd.display().lines() {
                    lines.push(Line::styled(
                        format!("  {}", tr.theme.text(l)),
                        tr.theme.dim(),
                    ));
                }
            }
        } else {
            lines.push(Line::styled(
                tr.t("firewall-commands-hidden"),
                tr.theme.dim(),
            ));
        }
    }
    lines.push(Line::raw(""));
    widgets::checks(lines, w, crate::core::checks_of(Step::Firewall), tr);
}

pub(super) fn confirm_line(w: &Wizard, step: Step, tr: &Tr, id: &str) -> Line<'static> {
    if w.confirmed.contains(&step) {
        Line::styled(format!("[x] {}", tr.t(id)), tr.theme.ok_style())
    } else {
        Line::raw(format!("[ ] {}", tr.t(id)))
    }
}
