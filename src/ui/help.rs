//! The help of each step and the glossary behind it: what the step is
//! for, what to do, what usually goes wrong and who helps; then every
//! technical word the screens use, explained once in plain words.

use ratatui::text::{Line, Span};

use super::dialog_content::{Dialog, lines};
use super::view::Tr;
use crate::core::{Step, Wizard};

/// The words the glossary explains, in its order: each has a Fluent
/// message `gloss-<id>` (the word) and `gloss-<id>-text` (what it means).
/// Grouped as she meets them: the name, the router, the server, the
/// certificate, the programs.
pub const GLOSSARY: &[&str] = &[
    "domain",
    "registrar",
    "dns",
    "nameserver",
    "a-record",
    "aaaa-record",
    "cname",
    "caa",
    "dyndns",
    "ddclient",
    "public-address",
    "cgnat",
    "ipv6",
    "router",
    "port",
    "port-forward",
    "nat-pat",
    "expert-mode",
    "exposed-host",
    "hairpin",
    "firewall",
    "nftables",
    "https",
    "certificate",
    "lets-encrypt",
    "dry-run",
    "http01",
    "ca",
    "own-ca",
    "self-signed",
    "browser-cert",
    "key",
    "fullchain",
    "pem",
    "proxy",
    "docker",
    "compose",
    "image",
    "volume",
    "root",
    "sudo",
    "timer",
    "smtp",
    "orthanc",
    "stunnel",
    "gateway",
    "journal",
];

/// The help's Fluent id for a step: every step has one.
pub fn step_help_id(step: Step) -> String {
    format!("{}-help", step.key())
}

pub(super) fn help(w: &Wizard, tr: &Tr) -> Dialog {
    let mut body = Vec::new();
    let title = tr.t(&format!("{}-title", w.step.key()));
    body.push(Line::styled(title, tr.theme.title()));
    // The help names the menus of her router once step 5 recognised it.
    let router = crate::core::library::router_guide::menu_key(&w.network.router);
    body.extend(lines(&tr.ta(&step_help_id(w.step), &[("router", router)])));
    body.push(Line::raw(""));
    body.extend(lines(&tr.t("help-keys")));
    body.push(Line::raw(""));
    body.extend(lines(&tr.t("help-resume")));
    Dialog {
        title: tr.t("help-title"),
        body,
        details: Vec::new(),
        details_hint: "dialog-details-show",
        question: None,
        keys: vec![
            Line::styled(tr.t("help-glossary-key"), tr.theme.title()),
            Line::styled(tr.t("help-close"), tr.theme.title()),
        ],
        footer: vec![
            tr.t("key-dialog-close"),
            tr.t("key-glossary"),
            tr.t("key-lang"),
        ],
    }
}

pub(super) fn glossary(tr: &Tr) -> Dialog {
    let mut body = lines(&tr.t("glossary-intro"));
    for id in GLOSSARY {
        body.push(Line::raw(""));
        body.push(Line::from(vec![
            Span::styled(tr.t(&format!("gloss-{id}")), tr.theme.title()),
            Span::raw(": "),
            Span::raw(tr.t(&format!("gloss-{id}-text"))),
        ]));
    }
    Dialog {
        title: tr.t("glossary-title"),
        body,
        details: Vec::new(),
        details_hint: "dialog-details-show",
        question: None,
        keys: vec![Line::styled(tr.t("glossary-close"), tr.theme.title())],
        footer: vec![
            tr.t("key-glossary-back"),
            tr.t("key-dialog-close-enter"),
            tr.t("key-lang"),
        ],
    }
}
