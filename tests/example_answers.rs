//! The example answers file the package ships
//! (/usr/share/doc/praxis-tls/examples/answers.toml) loads as it stands,
//! and its commented-out [renewal] table matches what the loader makes of
//! that table: refused as unknown while it does not know it, accepted once
//! it does.

use std::path::{Path, PathBuf};

use praxis_tls::core::Step;
use praxis_tls::core::answers::{SCHEMA, Source};
use praxis_tls::io::answers::{self, AnswersError};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/answers.example.toml")
}

#[test]
fn the_example_loads_for_a_current_generation_install() {
    let a = answers::load(&example()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.start.unwrap().dir, "/opt/elexis-oob");
    let cert = a.certificate.unwrap();
    assert_eq!(cert.source, Source::LetsEncrypt);
    assert!(cert.accept_terms && cert.email.is_some());
    let ports = a.ports.unwrap();
    assert!(ports.forwards_done && ports.policy.is_some() && ports.address.is_some());
    assert!(a.firewall.unwrap().open_window);
    let confirmed = a.steps.unwrap().confirmed;
    for step in [
        Step::Install,
        Step::ProxyConfig,
        Step::Restart,
        Step::FinalCheck,
    ] {
        assert!(confirmed.contains(&step), "{step:?} is not confirmed");
    }
    assert!(
        !a.dns.unwrap_or_default().allow_override,
        "only a lab passes DNS"
    );
}

#[test]
fn the_renewal_table_is_what_the_loader_makes_of_it() {
    let text = std::fs::read_to_string(example()).unwrap();
    let (head, tail) = text.split_once("# [renewal]\n").expect("a [renewal] table");
    let on: String = tail
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    let switched_on = format!("{head}[renewal]\n{on}");
    let known = SCHEMA.iter().any(|(table, _)| *table == "renewal");
    match answers::parse(&example(), &switched_on) {
        Ok(_) => assert!(known, "accepted without the loader knowing [renewal]"),
        Err(AnswersError::UnknownKey { key, .. }) if !known => assert_eq!(key, "renewal"),
        Err(e) => panic!("{e}\n{switched_on}"),
    }
}
