//! The example answers file the package ships
//! (/usr/share/doc/praxis-tls/examples/answers.toml) loads as it stands,
//! with automatic renewal and its mail settings.

use std::path::{Path, PathBuf};

use praxis_tls::core::Step;
use praxis_tls::core::answers::{MailSecurity, Source};
use praxis_tls::io::answers;

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
fn the_renewal_table_sets_up_renewal_with_mail() {
    let a = answers::load(&example()).unwrap_or_else(|e| panic!("{e}"));
    let r = a.renewal.expect("a [renewal] table");
    assert!(r.schedule);
    assert_eq!(r.mail_host.as_deref(), Some("mail.praxis-muster.ch"));
    assert_eq!(r.mail_security, Some(MailSecurity::Starttls));
    assert_eq!(r.mail_to.len(), 2);
}
