use super::*;

fn obs(first: Probe, without: Option<Probe>, later: Probe) -> Observed {
    Observed {
        first,
        without_client: without,
        later,
        orthanc_silent: None,
    }
}

#[test]
fn a_reset_then_silence_is_the_civetweb_crash() {
    let o = obs(
        Probe::Reset("eof".into()),
        None,
        Probe::NoConnection("refused".into()),
    );
    assert_eq!(judge(&o, Expect::default()), Err(Cause::CivetwebCrash));
    // On an affected build one reset is enough.
    let o = obs(Probe::Reset("eof".into()), None, Probe::Answered(200));
    let affected = Expect {
        affected: true,
        ..Expect::default()
    };
    assert_eq!(judge(&o, affected), Err(Cause::CivetwebCrash));
    assert!(matches!(judge(&o, Expect::default()), Err(Cause::Other(_))));
}

const MTLS: Expect = Expect {
    mtls: true,
    affected: false,
    login_unknown: false,
    way: Way::BuiltIn,
};

const TERMINATOR: Expect = Expect {
    mtls: false,
    // The build would crash with its own HTTPS, but with stunnel in front
    // it serves plain HTTP only.
    affected: true,
    login_unknown: false,
    way: Way::Terminator,
};

#[test]
fn behind_stunnel_a_reset_is_no_civetweb_crash() {
    // stunnel reset the first request (Orthanc not yet up), the later one
    // got through: the terminator works.
    let late = obs(
        Probe::Reset("connection reset by peer".into()),
        None,
        Probe::Answered(200),
    );
    assert_eq!(judge(&late, TERMINATOR), Ok(()));
    // The same on Orthanc's own HTTPS of an affected build is the crash.
    let builtin = Expect {
        way: Way::BuiltIn,
        ..TERMINATOR
    };
    assert_eq!(judge(&late, builtin), Err(Cause::CivetwebCrash));
    // Resets that persist mean stunnel cannot reach Orthanc.
    let never = obs(
        Probe::Reset("reset".into()),
        None,
        Probe::Reset("reset again".into()),
    );
    assert_eq!(
        judge(&never, TERMINATOR),
        Err(Cause::Unreachable("reset".into()))
    );
    assert_eq!(judge(&never, builtin), Err(Cause::CivetwebCrash));
    // With mTLS the request without a certificate is still judged.
    let open = obs(
        Probe::Reset("reset".into()),
        Some(Probe::Answered(200)),
        Probe::Answered(200),
    );
    let mtls = Expect {
        mtls: true,
        ..TERMINATOR
    };
    assert_eq!(judge(&open, mtls), Err(Cause::ClientNotRequired));
}

#[test]
fn orthanc_silent_behind_stunnel_is_not_listening() {
    // Whatever the probes say: Orthanc's own port stayed closed.
    let o = Observed {
        orthanc_silent: Some("127.0.0.1:8042: no connection within 60 s".into()),
        ..obs(Probe::Answered(200), None, Probe::Answered(200))
    };
    assert_eq!(
        judge(&o, TERMINATOR),
        Err(Cause::NotListening(
            "127.0.0.1:8042: no connection within 60 s".into()
        ))
    );
}

#[test]
fn a_401_proves_orthanc_up_only_when_the_login_is_not_known() {
    let o = obs(Probe::Answered(401), None, Probe::Answered(401));
    assert_eq!(judge(&o, Expect::default()), Err(Cause::Status(401)));
    let unknown = Expect {
        login_unknown: true,
        ..Expect::default()
    };
    assert_eq!(judge(&o, unknown), Ok(()));
    // With mTLS, a 401 without a browser certificate means TLS let the
    // request in.
    let o = obs(
        Probe::Answered(401),
        Some(Probe::Answered(401)),
        Probe::Answered(401),
    );
    let both = Expect {
        login_unknown: true,
        ..MTLS
    };
    assert_eq!(judge(&o, both), Err(Cause::ClientNotRequired));
}

#[test]
fn mtls_must_refuse_a_browser_without_certificate() {
    let ok = obs(
        Probe::Answered(200),
        Some(Probe::Refused("alert".into())),
        Probe::Answered(200),
    );
    assert_eq!(judge(&ok, MTLS), Ok(()));
    let open = obs(
        Probe::Answered(200),
        Some(Probe::Answered(200)),
        Probe::Answered(200),
    );
    assert_eq!(judge(&open, MTLS), Err(Cause::ClientNotRequired));
    let died = obs(
        Probe::Answered(200),
        Some(Probe::Refused("alert".into())),
        Probe::NoConnection("x".into()),
    );
    assert!(matches!(judge(&died, MTLS), Err(Cause::Died(_))));
}

#[test]
fn builds_with_shared_civetweb_and_openssl3_are_affected() {
    let f = BuildFacts {
        version: Some("/usr/sbin/Orthanc 1.10.1".into()),
        shared_civetweb: true,
        openssl3: true,
    };
    assert!(affected(&f));
    assert!(!affected(&BuildFacts {
        shared_civetweb: false,
        ..f
    }));
}

#[test]
fn stunnel_requires_client_certificates_with_mtls() {
    let t = Terminator {
        certificate: "/etc/orthanc/pacs.pem".into(),
        client_ca: Some("/etc/orthanc/praxis-ca.crt".into()),
        accept: 8443,
        orthanc_port: 8042,
    };
    let c = stunnel_conf(&t);
    assert!(c.contains("accept = 8443\n"));
    assert!(c.contains("connect = 127.0.0.1:8042\n"));
    assert!(c.contains("requireCert = yes\n"));
    let plain = stunnel_conf(&Terminator {
        client_ca: None,
        ..t
    });
    assert!(!plain.contains("CAfile"));
}

#[test]
fn the_sample_cipher_list_locks_out_ecdsa() {
    let sample = vec!["AES128-GCM-SHA256".to_string()];
    assert!(ciphers_lock_out(&sample, KeyType::Ecdsa));
    assert!(!ciphers_lock_out(&sample, KeyType::Rsa));
    assert!(!ciphers_lock_out(&[], KeyType::Ecdsa));
    let fix: Vec<String> = CIPHERS_FIX.iter().map(|s| s.to_string()).collect();
    assert!(!ciphers_lock_out(&fix, KeyType::Ecdsa));
}

#[test]
fn remote_access_off_means_401() {
    assert_eq!(remote_access(Some(false), 2), RemoteAccess::Refused);
    assert_eq!(remote_access(None, 0), RemoteAccess::Refused);
    assert_eq!(remote_access(Some(true), 0), RemoteAccess::NoUsers);
    assert_eq!(remote_access(Some(true), 1), RemoteAccess::Open);
}
