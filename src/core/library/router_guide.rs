//! Which router guide the port-forwarding step shows. io gathers what the
//! network tells about the router (its UPnP device description, the title
//! of its web page, the reverse-DNS name of the public address) and about
//! this server in the practice network; this module decides, without io,
//! which of the written guides fits and what the screen says about it.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

use crate::core::model::check::{Finding, Outcome, Text};

/// What the network told about the router and this server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouterSeen {
    /// From the UPnP-IGD device description of the root device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upnp_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upnp_manufacturer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upnp_model: Option<String>,
    /// The `<title>` of the default gateway's web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_title: Option<String>,
    /// The PTR name of the public IPv4 address: it names the provider,
    /// not the router, and only counts when the router said nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverse_name: Option<String>,
    /// This server's address towards the router (what most routers ask
    /// for), and the router's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lan_v4: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_v4: Option<Ipv4Addr>,
    /// This server's host name: the device name a FRITZ!Box lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
}

/// The routers a guide is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    FritzBox,
    SwisscomInternetBox,
    SunriseConnectBox,
    SaltFiberBox,
    TelekomSpeedport,
    VodafoneStation,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::FritzBox,
        Family::SwisscomInternetBox,
        Family::SunriseConnectBox,
        Family::SaltFiberBox,
        Family::TelekomSpeedport,
        Family::VodafoneStation,
    ];

    /// The middle part of the guide's message ids.
    pub fn key(self) -> &'static str {
        match self {
            Family::FritzBox => "fritzbox",
            Family::SwisscomInternetBox => "swisscom",
            Family::SunriseConnectBox => "sunrise",
            Family::SaltFiberBox => "salt",
            Family::TelekomSpeedport => "speedport",
            Family::VodafoneStation => "vodafone",
        }
    }
}

/// Where the name that decided came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Upnp,
    Page,
    ReverseDns,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    /// `None`: the generic guide.
    pub family: Option<Family>,
    /// The name as the network gave it, cleaned for the screen.
    pub seen: Option<(Source, String)>,
}

/// Words in a device description or page title, checked in this order:
/// a Sunrise "Internet Box" must not pass for Swisscom's "Internet-Box".
const MARKERS: &[(Family, &[&str])] = &[
    (
        Family::FritzBox,
        &[
            "fritz!box",
            "fritzbox",
            "fritz.box",
            "avm berlin",
            "avm gmbh",
            "avm",
        ],
    ),
    (
        Family::SunriseConnectBox,
        &[
            "connect box",
            "connectbox",
            "ch7465",
            "compal",
            "upc",
            "sunrise",
        ],
    ),
    (Family::SaltFiberBox, &["salt fiber", "fiber box", "salt"]),
    (
        Family::SwisscomInternetBox,
        &["internet-box", "internet box", "internetbox", "swisscom"],
    ),
    (Family::TelekomSpeedport, &["speedport", "telekom"]),
    (
        Family::VodafoneStation,
        &[
            "vodafone station",
            "vodafone",
            "tg3442",
            "cga6444",
            "cga4233",
        ],
    ),
];

/// Domains the providers name their customers' addresses under, and the
/// router they hand out.
const PROVIDERS: &[(Family, &[&str])] = &[
    (Family::SwisscomInternetBox, &["bluewin.ch", "swisscom.ch"]),
    (
        Family::SunriseConnectBox,
        &["hispeed.ch", "sunrise.ch", "upc.ch", "cablecom.ch"],
    ),
    (Family::SaltFiberBox, &["salt.ch"]),
    (
        Family::TelekomSpeedport,
        &["t-ipconnect.de", "telekom.de", "dtag.de"],
    ),
    (
        Family::VodafoneStation,
        &[
            "vodafone-ip.de",
            "vodafone.de",
            "kabel-deutschland.de",
            "unitymedia.de",
            "arcor-ip.net",
        ],
    ),
];

/// Page titles that say nothing about the router.
const BLANK_TITLES: &[&str] = &[
    "login", "log in", "anmelden", "index", "home", "welcome", "router", "web", "redirect",
];

/// Names come from devices on the network: no control characters (an
/// escape sequence would reach the terminal), one line, a bounded length.
fn clean(s: &str) -> Option<String> {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = one_line.split_whitespace().collect();
    let joined = words.join(" ");
    let short: String = joined.chars().take(60).collect();
    (!short.is_empty()).then_some(short)
}

/// `marker` in `hay` as a whole word or phrase: "salt" is not "basalt".
fn has_marker(hay: &str, marker: &str) -> bool {
    hay.match_indices(marker).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn family_in(text: &str) -> Option<Family> {
    let hay = text.to_lowercase();
    MARKERS
        .iter()
        .find(|(_, ms)| ms.iter().any(|m| has_marker(&hay, m)))
        .map(|(f, _)| *f)
}

fn provider_of(name: &str) -> Option<Family> {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|(_, ds)| {
            ds.iter()
                .any(|d| name == *d || name.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
        })
        .map(|(f, _)| *f)
}

/// The UPnP name for the screen: the router's own name, with the model
/// and maker where they add something.
fn upnp_display(seen: &RouterSeen) -> Option<String> {
    let parts: Vec<String> = [&seen.upnp_name, &seen.upnp_model, &seen.upnp_manufacturer]
        .into_iter()
        .filter_map(|p| p.as_deref().and_then(clean))
        .collect();
    let mut shown = String::new();
    for p in parts {
        if !shown.to_lowercase().contains(&p.to_lowercase()) {
            if shown.is_empty() {
                shown = p;
            } else {
                shown = format!("{shown}, {p}");
            }
        }
    }
    clean(&shown)
}

fn page_display(seen: &RouterSeen) -> Option<String> {
    let title = seen.page_title.as_deref().and_then(clean)?;
    let plain = title.to_lowercase();
    (!BLANK_TITLES.contains(&plain.as_str())).then_some(title)
}

/// The router's own word first (UPnP, then its page). A name from the
/// router that fits no guide wins over the provider's: the practice may
/// run its own router behind the provider's line.
pub fn choose(seen: &RouterSeen) -> Guide {
    let own = [
        (Source::Upnp, upnp_display(seen)),
        (Source::Page, page_display(seen)),
    ];
    let upnp_all = [&seen.upnp_name, &seen.upnp_model, &seen.upnp_manufacturer]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let texts = [upnp_all, seen.page_title.clone().unwrap_or_default()];
    for ((source, shown), text) in own.iter().zip(texts.iter()) {
        let Some(shown) = shown else { continue };
        if let Some(family) = family_in(text) {
            return Guide {
                family: Some(family),
                seen: Some((*source, shown.clone())),
            };
        }
    }
    if let Some((source, Some(shown))) = own.iter().find(|(_, s)| s.is_some()) {
        return Guide {
            family: None,
            seen: Some((*source, shown.clone())),
        };
    }
    let reverse = seen.reverse_name.as_deref().and_then(clean);
    Guide {
        family: reverse.as_deref().and_then(provider_of),
        seen: reverse.map(|r| (Source::ReverseDns, r)),
    }
}

/// Whose menus the fixes on other steps name, as the Fluent selector
/// `$router` that `router-menu-*` choose by: a guide's key once step 5
/// recognised the router, `generic` once it looked and found none it has a
/// guide for, `unknown` before it looked (the texts then point to step 5).
pub fn menu_key(seen: &RouterSeen) -> &'static str {
    if *seen == RouterSeen::default() {
        return "unknown";
    }
    choose(seen).family.map_or("generic", Family::key)
}

/// Every text of the finding gets the router's key, replacing an earlier
/// one: a text that names a menu picks it up, the others ignore it.
pub fn name_menus(f: &mut Finding, key: &str) {
    let texts = std::iter::once(&mut f.summary)
        .chain(f.fix.as_mut())
        .chain(f.more.iter_mut());
    for t in texts {
        t.args.retain(|(k, _)| k != ROUTER_ARG);
        t.args.push((ROUTER_ARG.to_string(), key.into()));
    }
}

/// The same for an outcome.
pub fn outcome_naming_menus(mut o: Outcome, key: &str) -> Outcome {
    let (Outcome::Passed(f) | Outcome::Warning(f) | Outcome::Failed(f)) = &mut o;
    name_menus(f, key);
    o
}

/// Findings named before the router was known (step 5's own, which come
/// before its answer) get its menus once it is.
pub fn rename_menus<'a>(findings: impl Iterator<Item = &'a mut Finding>, key: &str) {
    for f in findings {
        let named = std::iter::once(&f.summary)
            .chain(f.fix.iter())
            .chain(f.more.iter())
            .any(|t| t.args.iter().any(|(k, _)| k == ROUTER_ARG));
        if named {
            name_menus(f, key);
        }
    }
}

/// An outcome that names the menus of the router the wizard found.
pub fn for_router(seen: &RouterSeen, o: Outcome) -> Outcome {
    outcome_naming_menus(o, menu_key(seen))
}

/// The Fluent argument the menu messages select by.
pub const ROUTER_ARG: &str = "router";

/// The lines of the guide, in screen order: the heading, how the router
/// was recognised (or that it is being asked), then the port forwards,
/// DynDNS and IPv6.
pub fn texts(guide: &Guide, seen: &RouterSeen, asking: bool, device: &str, port: u16) -> Vec<Text> {
    // Most routers list the server by its address; where that is unknown,
    // its name is still what their device lists show.
    let target = match seen.lan_v4 {
        Some(a) => format!("{a} ({device})"),
        None => device.to_string(),
    };
    let with_args = |id: String| {
        Text::new(id)
            .arg("target", target.clone())
            .arg("device", device.to_string())
            .num("port", port)
    };
    let key = guide.family.map_or("generic", Family::key);
    let mut out = vec![Text::new(format!("router-{key}-title"))];
    out.push(match (&guide.seen, guide.family) {
        (None, _) if asking => Text::new("router-seen-asking"),
        (None, _) => Text::new("router-seen-nothing"),
        (Some((_, name)), None) => Text::new("router-seen-unknown").arg("name", name.clone()),
        (Some((Source::Upnp, name)), Some(_)) => {
            Text::new("router-seen-upnp").arg("name", name.clone())
        }
        (Some((Source::Page, name)), Some(_)) => {
            Text::new("router-seen-page").arg("name", name.clone())
        }
        (Some((Source::ReverseDns, name)), Some(_)) => {
            Text::new("router-seen-provider").arg("name", name.clone())
        }
    });
    for part in ["forward", "dyndns", "ipv6"] {
        out.push(with_args(format!("router-{key}-{part}")));
    }
    out
}

#[cfg(test)]
mod tests;
