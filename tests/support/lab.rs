//! The lab's DNS: a `ch.` top-level zone that delegates a few practice
//! domains, and the zones of those domains. Addresses are documentation
//! ranges (never contacted); the nameservers all live on 127.0.0.1.

use super::knot::{Knot, Zone};

const TTL_AND_SOA: &str = "$TTL 60\n@ SOA ns hostmaster 1 60 60 600 60\n@ NS ns\nns A 127.0.0.1\n";

fn zone(origin: &str, records: &str) -> Zone {
    Zone::new(origin, &format!("$ORIGIN {origin}\n{TTL_AND_SOA}{records}"))
}

/// Registered (delegated) in the lab's `ch.`; `kaputt.ch` is delegated
/// too, but its zone file does not load, so it answers SERVFAIL.
pub const DELEGATED: [&str; 5] = [
    "praxis-muster",
    "praxis-cname",
    "praxis-streng",
    "dyndns-lab",
    "kaputt",
];

pub fn zones() -> Vec<Zone> {
    // Too many addresses for one UDP answer: the resolver must retry on TCP.
    let many: String = (1..=120)
        .map(|i| format!("viele A 203.0.113.{i}\n"))
        .collect();
    let mut tld = String::new();
    for name in DELEGATED {
        tld.push_str(&format!("{name} NS ns.{name}.ch.\nns.{name} A 127.0.0.1\n"));
    }
    vec![
        zone("ch.", &tld),
        zone(
            "praxis-muster.ch.",
            (r#"@ CAA 0 issue "letsencrypt.org"
@ CAA 0 iodef "mailto:it@praxis-muster.ch"
termine A 203.0.113.10
termine AAAA 2001:db8::10
intern A 192.168.1.20
ula A 203.0.113.11
ula AAAA fd00::20
leer TXT "hier gibt es keine Adresse"
"#
            .to_string()
                + &many)
                .as_str(),
        ),
        zone(
            "praxis-cname.ch.",
            "termine CNAME dyn\n\
             dyn CNAME host.dyndns-lab.ch.\n\
             kreis1 CNAME kreis2\n\
             kreis2 CNAME kreis1\n\
             sackgasse CNAME nirgends.dyndns-lab.ch.\n",
        ),
        zone("dyndns-lab.ch.", "host A 203.0.113.30\n"),
        zone(
            "praxis-streng.ch.",
            r#"@ CAA 0 issue "pki.example"
termine A 203.0.113.40
erlaubt A 203.0.113.41
erlaubt CAA 0 issue "letsencrypt.org"
kritisch A 203.0.113.42
kritisch CAA 128 tbs "unbekannt"
"#,
        ),
        Zone::new("kaputt.ch.", "this is { not a zone file\n"),
    ]
}

/// A knotd serving the whole lab.
pub fn start() -> Knot {
    Knot::start(&zones())
}
