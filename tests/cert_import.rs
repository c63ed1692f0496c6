//! Importing the practice's own certificate. Every key here is made by the
//! test (rcgen, or the openssl CLI for PKCS#12 and encrypted keys).

use std::path::{Path, PathBuf};
use std::process::Command;

use praxis_tls::io::cert_import::{ImportError, Material, check, load, load_key_pem, load_pem};
use praxis_tls::io::self_signed;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls_pki_types::CertificateDer;
use time::{Duration, OffsetDateTime};

const HOST: &str = "termine.praxis-muster.ch";

fn init() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

struct Pki {
    root_pem: String,
    inter_pem: String,
    inter: Issuer<'static, KeyPair>,
}

fn ca(cn: &str) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name.push(DnType::CommonName, cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p
}

fn pki() -> Pki {
    let root_key = KeyPair::generate().unwrap();
    let root_params = ca("Test Root CA");
    let root = root_params.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::new(root_params, root_key);
    let inter_key = KeyPair::generate().unwrap();
    let inter_params = ca("Test Intermediate CA");
    let inter = inter_params.signed_by(&inter_key, &root_issuer).unwrap();
    Pki {
        root_pem: root.pem(),
        inter_pem: inter.pem(),
        inter: Issuer::new(inter_params, inter_key),
    }
}

fn leaf(pki: &Pki, names: &[&str], nb: OffsetDateTime, na: OffsetDateTime) -> (String, KeyPair) {
    let key = KeyPair::generate().unwrap();
    let mut p =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    p.not_before = nb;
    p.not_after = na;
    (p.signed_by(&key, &pki.inter).unwrap().pem(), key)
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn good(pki: &Pki) -> (String, KeyPair) {
    leaf(
        pki,
        &[HOST],
        now() - Duration::days(1),
        now() + Duration::days(90),
    )
}

fn root_der(pki: &Pki) -> CertificateDer<'static> {
    use rustls_pki_types::pem::PemObject as _;
    CertificateDer::from_pem_slice(pki.root_pem.as_bytes()).unwrap()
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write(dir: &Path, name: &str, data: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

#[test]
fn complete_chain_with_matching_key_passes() {
    init();
    let pki = pki();
    let (cert, key) = good(&pki);
    let full = format!("{cert}{}{}", pki.inter_pem, pki.root_pem);
    let m = load_pem(full.as_bytes(), key.serialize_pem().as_bytes(), None).unwrap();
    let info = check(&m, HOST, &[], now()).unwrap();
    assert_eq!(info.name, HOST);
    assert_eq!(info.issuer, "Test Intermediate CA");
    // Without the root in the file, the root as trust anchor closes it.
    let m = load_pem(
        format!("{cert}{}", pki.inter_pem).as_bytes(),
        key.serialize_pem().as_bytes(),
        None,
    )
    .unwrap();
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();
    assert!(
        !format!("{m:?}").contains("PRIVATE"),
        "no key in debug output"
    );
}

#[test]
fn missing_intermediate_is_named() {
    init();
    let pki = pki();
    let (cert, key) = good(&pki);
    let m = load_pem(cert.as_bytes(), key.serialize_pem().as_bytes(), None).unwrap();
    let err = check(&m, HOST, &[root_der(&pki)], now()).unwrap_err();
    assert_eq!(
        err,
        ImportError::ChainIncomplete {
            issuer: "Test Intermediate CA".into()
        }
    );
    assert_eq!(
        err.finding(HOST).fix.unwrap().id,
        "cert-fix-chain-incomplete"
    );
}

#[test]
fn chain_in_wrong_order_is_refused() {
    init();
    let pki = pki();
    let (cert, key) = good(&pki);
    let m = load_pem(
        format!("{cert}{}", pki.root_pem).as_bytes(),
        key.serialize_pem().as_bytes(),
        None,
    )
    .unwrap();
    assert!(matches!(
        check(&m, HOST, &[], now()),
        Err(ImportError::ChainBadSignature { .. })
    ));
}

#[test]
fn key_of_another_certificate_is_refused() {
    init();
    let pki = pki();
    let (cert, _) = good(&pki);
    let other = KeyPair::generate().unwrap();
    let m = load_pem(
        format!("{cert}{}", pki.inter_pem).as_bytes(),
        other.serialize_pem().as_bytes(),
        None,
    )
    .unwrap();
    let err = check(&m, HOST, &[root_der(&pki)], now()).unwrap_err();
    assert_eq!(err, ImportError::KeyMismatch);
    assert_eq!(err.finding(HOST).summary.id, "cert-key-mismatch");
}

#[test]
fn name_must_cover_the_host_and_wildcards_cover_one_label() {
    init();
    let pki = pki();
    let (cert, key) = leaf(
        &pki,
        &["www.praxis-muster.ch"],
        now() - Duration::days(1),
        now() + Duration::days(9),
    );
    let m = load_pem(
        format!("{cert}{}", pki.inter_pem).as_bytes(),
        key.serialize_pem().as_bytes(),
        None,
    )
    .unwrap();
    let err = check(&m, HOST, &[root_der(&pki)], now()).unwrap_err();
    assert_eq!(
        err,
        ImportError::NameMismatch {
            host: HOST.into(),
            names: "www.praxis-muster.ch".into()
        }
    );
    let (cert, key) = leaf(
        &pki,
        &["*.praxis-muster.ch"],
        now() - Duration::days(1),
        now() + Duration::days(9),
    );
    let m = load_pem(
        format!("{cert}{}", pki.inter_pem).as_bytes(),
        key.serialize_pem().as_bytes(),
        None,
    )
    .unwrap();
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();
    assert!(check(&m, "a.termine.praxis-muster.ch", &[root_der(&pki)], now()).is_err());
}

#[test]
fn expired_and_not_yet_valid() {
    init();
    let pki = pki();
    let chain = |nb, na| {
        let (cert, key) = leaf(&pki, &[HOST], nb, na);
        load_pem(
            format!("{cert}{}", pki.inter_pem).as_bytes(),
            key.serialize_pem().as_bytes(),
            None,
        )
        .unwrap()
    };
    let m = chain(now() - Duration::days(100), now() - Duration::days(10));
    assert!(matches!(
        check(&m, HOST, &[root_der(&pki)], now()),
        Err(ImportError::Expired(_))
    ));
    let m = chain(now() + Duration::days(2), now() + Duration::days(90));
    let err = check(&m, HOST, &[root_der(&pki)], now()).unwrap_err();
    assert!(matches!(err, ImportError::NotYetValid(_)));
    assert_eq!(err.finding(HOST).summary.id, "cert-not-yet-valid");
}

#[test]
fn pkcs12_with_and_without_passphrase() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let pki = pki();
    let (cert, key) = good(&pki);
    write(dir.path(), "chain.pem", &format!("{cert}{}", pki.inter_pem));
    write(dir.path(), "key.pem", &key.serialize_pem());
    let export = |out: &str, pass: &str| {
        let p = format!("pass:{pass}");
        openssl(
            dir.path(),
            &[
                "pkcs12",
                "-export",
                "-in",
                "chain.pem",
                "-inkey",
                "key.pem",
                "-out",
                out,
                "-passout",
                &p,
            ],
        );
        dir.path().join(out)
    };
    let locked = export("praxis.pfx", "Geheim-123");
    assert_eq!(
        load(&locked, None, None).unwrap_err(),
        ImportError::NeedsPassphrase
    );
    assert_eq!(
        load(&locked, None, Some("falsch")).unwrap_err(),
        ImportError::WrongPassphrase
    );
    let m = load(&locked, None, Some("Geheim-123")).unwrap();
    assert_eq!(m.chain.len(), 2);
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();

    let open = export("open.p12", "");
    let m = load(&open, None, None).unwrap();
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();

    // What OpenSSL 1.x and Windows export: RC2/3DES instead of AES.
    let legacy = dir.path().join("legacy.pfx");
    let ok = Command::new("openssl")
        .current_dir(dir.path())
        .args([
            "pkcs12",
            "-export",
            "-legacy",
            "-in",
            "chain.pem",
            "-inkey",
            "key.pem",
            "-out",
            "legacy.pfx",
            "-passout",
            "pass:alt",
        ])
        .status()
        .unwrap()
        .success();
    if ok {
        let m = load(&legacy, None, Some("alt")).unwrap();
        check(&m, HOST, &[root_der(&pki)], now()).unwrap();
    }
}

#[test]
fn key_formats_pkcs8_sec1_rsa_and_encrypted() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pki = pki();
    let (cert, key) = good(&pki);
    let chain = format!("{cert}{}", pki.inter_pem);
    write(d, "key.pem", &key.serialize_pem());

    openssl(d, &["ec", "-in", "key.pem", "-out", "sec1.pem"]);
    let sec1 = std::fs::read(d.join("sec1.pem")).unwrap();
    assert!(String::from_utf8_lossy(&sec1).contains("BEGIN EC PRIVATE KEY"));
    let m = load_pem(chain.as_bytes(), &sec1, None).unwrap();
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();

    openssl(
        d,
        &[
            "pkcs8",
            "-topk8",
            "-in",
            "key.pem",
            "-out",
            "enc.pem",
            "-passout",
            "pass:Praxis!",
        ],
    );
    let enc = std::fs::read(d.join("enc.pem")).unwrap();
    assert_eq!(
        load_key_pem(&enc, None).unwrap_err(),
        ImportError::NeedsPassphrase
    );
    assert_eq!(
        load_key_pem(&enc, Some("nein")).unwrap_err(),
        ImportError::WrongPassphrase
    );
    let m = load_pem(chain.as_bytes(), &enc, Some("Praxis!")).unwrap();
    check(&m, HOST, &[root_der(&pki)], now()).unwrap();

    openssl(
        d,
        &[
            "ec",
            "-in",
            "key.pem",
            "-aes128",
            "-passout",
            "pass:x",
            "-out",
            "legacy.pem",
        ],
    );
    let legacy = std::fs::read(d.join("legacy.pem")).unwrap();
    let err = load_key_pem(&legacy, Some("x")).unwrap_err();
    assert_eq!(err, ImportError::LegacyEncrypted);
    assert_eq!(
        err.finding(HOST).fix.unwrap().id,
        "cert-fix-legacy-encrypted"
    );

    // An RSA certificate, as many commercial CAs still sell.
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "rsa8.key",
            "-out",
            "rsa.crt",
            "-days",
            "30",
            "-subj",
            &format!("/CN={HOST}"),
            "-addext",
            &format!("subjectAltName=DNS:{HOST}"),
        ],
    );
    openssl(
        d,
        &["rsa", "-in", "rsa8.key", "-traditional", "-out", "rsa.key"],
    );
    let m = load(&d.join("rsa.crt"), Some(&d.join("rsa.key")), None).unwrap();
    assert!(matches!(m.key, rustls_pki_types::PrivateKeyDer::Pkcs1(_)));
    check(&m, HOST, &[], now()).unwrap();
}

#[test]
fn self_signed_is_labelled_and_bounded() {
    init();
    let t = now();
    let s = self_signed::generate(HOST, t, self_signed::DEFAULT_VALIDITY_DAYS).unwrap();
    assert!(s.self_signed && s.info.self_signed);
    assert_eq!(s.warning, "cert-self-signed-warning");
    assert_eq!((s.info.not_after - s.info.not_before).whole_days(), 397);
    assert!(!format!("{s:?}").contains("PRIVATE"));
    let m: Material = load_pem(s.cert_pem.as_bytes(), s.key_pem().as_bytes(), None).unwrap();
    let info = check(&m, HOST, &[], t).unwrap();
    assert_eq!(info.dns_names, [HOST]);
}
