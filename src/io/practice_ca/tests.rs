use std::net::IpAddr;

use super::client::file_stem;
use super::names::subnet_of;
use super::*;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn subnets() {
    let lan = Subnet {
        addr: ip("192.168.10.0"),
        prefix: 24,
    };
    assert!(lan.contains(ip("192.168.10.200")));
    assert!(!lan.contains(ip("192.168.11.1")));
    assert!(!lan.contains(ip("fd00::1")));
    let all = Subnet {
        addr: ip("0.0.0.0"),
        prefix: 0,
    };
    assert!(all.contains(ip("8.8.8.8")));
    let v6 = Subnet {
        addr: ip("fd12:3456::"),
        prefix: 32,
    };
    assert!(v6.contains(ip("fd12:3456:1::5")));
    assert_eq!(
        subnet_of(&[10, 0, 0, 0, 255, 0, 0, 0]),
        Some(Subnet {
            addr: ip("10.0.0.0"),
            prefix: 8
        })
    );
}

#[test]
fn host_names() {
    assert_eq!(dns_name(" PACS.Praxis.LAN. ").unwrap(), "pacs.praxis.lan");
    assert_eq!(
        dns_name("röntgen.praxis.lan").unwrap(),
        "xn--rntgen-wxa.praxis.lan"
    );
    for bad in ["", "a..b", "-a.lan", "a_b.lan", "a b", "*.praxis.lan"] {
        assert!(dns_name(bad).is_err(), "{bad}");
    }
}

#[test]
fn file_stems() {
    assert_eq!(file_stem("Dr. Jürg Weiß"), "dr-juerg-weiss");
    assert_eq!(file_stem("  Empfang 2 "), "empfang-2");
    assert_eq!(file_stem("???"), "client");
}

#[test]
fn stored_ca_problems_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let now = OffsetDateTime::now_utc();
    assert!(PracticeCa::load(dir.path(), now).unwrap().is_none());
    let options = CaOptions {
        practice_name: "Praxis Test".into(),
        ..CaOptions::default()
    };
    let ca = PracticeCa::create(dir.path(), &options, now).unwrap();
    assert!(!format!("{ca:?}").contains("PRIVATE"));
    let later = now + CA_VALIDITY + Duration::days(1);
    assert!(matches!(
        PracticeCa::load(dir.path(), later),
        Err(PracticeCaError::Expired { .. })
    ));
    let (key, cert) = ca_paths(dir.path());
    // A leaf is never longer than the CA itself.
    let late = ca
        .issue_server("pacs.lan", &[], now + CA_VALIDITY - Duration::days(10))
        .unwrap();
    assert_eq!(late.not_after, ca.not_after());
    std::fs::write(&cert, "nonsense").unwrap();
    assert!(matches!(
        PracticeCa::load(dir.path(), now),
        Err(PracticeCaError::Damaged { .. })
    ));
    std::fs::remove_file(&key).unwrap();
    let missing = PracticeCa::load(dir.path(), now).unwrap_err();
    assert_eq!(missing.text().id, "practice-ca-key-missing");
    assert!(matches!(
        PracticeCa::create(dir.path(), &CaOptions::default(), now),
        Err(PracticeCaError::BadPracticeName)
    ));
}
