//! Orthanc's configuration edit against expected files, and the practice
//! CA's certificates in a real mutual-TLS handshake on loopback.

use std::path::PathBuf;

use praxis_tls::core::Arg;
use praxis_tls::core::library::orthanc::{OrthancTls, current_tls, enable_https};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/orthanc")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

/// Compares with the expected file; `UPDATE_FIXTURES=1` rewrites it after
/// a deliberate change (review the diff before committing).
fn assert_expected(name: &str, actual: &str) {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(fixture(name), actual).unwrap();
    }
    assert_eq!(read(name), actual, "differs from {name}");
}

/// Orthanc's comments removed, so serde_json can check the result.
fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                while chars.peek().is_some_and(|&n| n != '\n') {
                    chars.next();
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut last = ' ';
                for n in chars.by_ref() {
                    if last == '*' && n == '/' {
                        break;
                    }
                    last = n;
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

fn as_json(text: &str) -> serde_json::Value {
    serde_json::from_str(&strip_comments(text)).unwrap()
}

const CERT: &str = "/etc/orthanc/tls/pacs.praxis.lan.pem";
const TRUSTED: &str = "/etc/orthanc/tls/praxis-ca.crt";

#[test]
fn adds_https_to_a_file_without_it_keeping_comments() {
    let original = read("without-tls.json");
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: Some(TRUSTED.into()),
        ciphers: None,
    };
    let edit = enable_https(&original, &tls, "orthanc.json").unwrap();
    assert_expected("without-tls.expected.json", &edit.text);
    assert_expected("without-tls.expected.diff", &edit.diff);

    // Every comment line of the original is still there.
    for line in original
        .lines()
        .filter(|l| l.contains("//") || l.contains('*'))
    {
        let comment = line.find("//").map_or(line.trim(), |i| &line[i..]);
        assert!(edit.text.contains(comment), "lost: {comment}");
    }
    let json = as_json(&edit.text);
    assert_eq!(json["SslEnabled"], true);
    assert_eq!(json["SslCertificate"], CERT);
    assert_eq!(json["SslVerifyPeers"], true);
    assert_eq!(json["SslTrustedClientCertificates"], TRUSTED);
    // Everything else as it was.
    let mut before = as_json(&original);
    let mut after = json;
    for key in [
        "SslEnabled",
        "SslCertificate",
        "SslVerifyPeers",
        "SslTrustedClientCertificates",
    ] {
        after.as_object_mut().unwrap().remove(key);
        before.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(before, after);
}

#[test]
fn replaces_values_of_keys_already_present() {
    let original = read("with-tls.json");
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: None,
        ciphers: None,
    };
    let edit = enable_https(&original, &tls, "orthanc.json").unwrap();
    assert_expected("with-tls.expected.json", &edit.text);
    // Only the two values changed: same number of lines, comments intact.
    assert_eq!(original.lines().count(), edit.text.lines().count());
    assert!(
        edit.text
            .contains("\"SslEnabled\": true,    // vorerst aus")
    );
    let json = as_json(&edit.text);
    assert_eq!(json["SslEnabled"], true);
    assert_eq!(json["SslCertificate"], CERT);
    // Client certificates were not asked for: left as they were.
    assert_eq!(json["SslVerifyPeers"], false);
    assert_eq!(json["SslTrustedClientCertificates"], "");
    let now = current_tls(&edit.text).unwrap();
    assert_eq!(now.ssl_enabled, Some(true));
    assert_eq!(now.certificate.as_deref(), Some(CERT));

    // Running it again changes nothing.
    let again = enable_https(&edit.text, &tls, "orthanc.json").unwrap();
    assert!(!again.changed());
}

/// Orthanc's sample cipher list (`AES128-GCM-SHA256` alone) has no suite
/// for the practice CA's ECDSA key: the plan names it and its diff replaces
/// it; a list that serves ECDSA is left alone.
#[test]
fn a_cipher_list_that_locks_out_the_key_is_named_and_replaced() {
    use praxis_tls::core::library::orthanc::live::CIPHERS_FIX;
    use praxis_tls::core::steps::systems::SystemRequest;
    use praxis_tls::io::dns::DnsConfig;
    use praxis_tls::io::exec::IoConfig;
    let etc = tempfile::tempdir().unwrap();
    let config = etc.path().join("orthanc.json");
    let sample =
        "{\n  \"SslEnabled\" : false,\n  \"SslCiphersAccepted\" : [ \"AES128-GCM-SHA256\" ]\n}\n";
    std::fs::write(&config, sample).unwrap();
    let state = tempfile::tempdir().unwrap();
    let dns = DnsConfig {
        server: None,
        timeout: std::time::Duration::from_secs(1),
    };
    let cfg = IoConfig::new(state.path(), dns);
    let request = SystemRequest::Orthanc {
        host: "pacs.praxis.lan".into(),
        config: config.clone(),
        ips: Vec::new(),
        clients: Vec::new(),
        practice: "Praxis".into(),
        way: praxis_tls::core::library::orthanc::live::Way::BuiltIn,
        restart: "true".into(),
        proxy_restart: "true".into(),
        port: 8443,
        user: None,
    };
    let plan = praxis_tls::io::systems_orthanc::plan(&cfg, &request).unwrap();
    let named = plan
        .notes
        .iter()
        .find(|n| n.id == "systems-orthanc-ciphers")
        .expect("the lock-out is named");
    let german = praxis_tls::i18n::text(praxis_tls::core::Lang::De, named);
    assert!(german.contains("AES128-GCM-SHA256"), "{german}");
    assert!(
        plan.diff
            .contains("-  \"SslCiphersAccepted\" : [ \"AES128-GCM-SHA256\" ]")
    );
    for suite in CIPHERS_FIX {
        assert!(plan.diff.contains(suite), "{}", plan.diff);
    }
    // A list with an ECDSA suite stays as it is.
    let fine = "{ \"SslCiphersAccepted\" : [ \"ECDHE-ECDSA-AES128-GCM-SHA256\" ] }";
    let tls = OrthancTls::for_config(fine, CERT.into(), None).unwrap();
    assert_eq!(tls.ciphers, None);
}

/// One browser certificate is counted in the singular (issue 14's
/// «Browser-Zertifikate (1 werden gemacht)»).
#[test]
fn one_browser_certificate_is_singular() {
    use praxis_tls::core::{Lang, Text};
    let text = |id: &str, n: usize| {
        praxis_tls::i18n::text(
            Lang::De,
            &Text::new(id)
                .arg("host", "pacs.praxis.lan")
                .arg("certificate", CERT)
                .num("port", 8443)
                .num("count", n),
        )
    };
    for id in [
        "systems-orthanc-plan-mtls",
        "systems-orthanc-plan-terminator-mtls",
    ] {
        assert!(
            text(id, 1).contains("(eines wird gemacht)"),
            "{}",
            text(id, 1)
        );
        assert!(
            text(id, 2).contains("(2 werden gemacht)"),
            "{}",
            text(id, 2)
        );
    }
}

#[test]
fn refuses_a_broken_file_and_names_the_line() {
    let tls = OrthancTls {
        certificate: CERT.into(),
        trusted_clients: None,
        ciphers: None,
    };
    let err = enable_https(&read("broken.json"), &tls, "orthanc.json").unwrap_err();
    let text = err.text("/etc/orthanc/orthanc.json");
    // The comma is missing after line 3's value, not on line 4 where the
    // next entry begins.
    assert_eq!(text.id, "orthanc-syntax-missing-comma");
    let arg = |n: &str| text.get(n).map(ToString::to_string);
    assert_eq!(text.get("line"), Some(&Arg::Num(3)));
    assert_eq!(text.get("column"), Some(&Arg::Num(20)));
    assert_eq!(arg("path").as_deref(), Some("/etc/orthanc/orthanc.json"));
}

// ---- The practice CA, Orthanc's key file and a mutual-TLS handshake ----

mod pki {
    use std::net::{IpAddr, Ipv4Addr};
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;
    use std::sync::Arc;

    use p12_keystore::KeyStore;
    use praxis_tls::io::journal::Journal;
    use praxis_tls::io::practice_ca::orthanc::{OrthancSetup, apply, plan};
    use praxis_tls::io::practice_ca::{
        CaOptions, P12Compat, PracticeCa, PracticeCaError, Subnet, export_client,
    };
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
    use rustls::server::WebPkiClientVerifier;
    use rustls::{ClientConfig, RootCertStore, ServerConfig};
    use time::OffsetDateTime;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};
    use tokio_rustls::{TlsAcceptor, TlsConnector};
    use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};

    const HOST: &str = "pacs.praxis.lan";
    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn options() -> CaOptions {
        CaOptions {
            practice_name: "Praxis Dr. Muster".into(),
            permitted_dns: vec!["praxis.lan".into()],
            permitted_ip: vec![Subnet {
                addr: IpAddr::V4(Ipv4Addr::new(127, 0, 0, 0)),
                prefix: 8,
            }],
        }
    }

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    fn roots(ca_file: &Path) -> Arc<RootCertStore> {
        let mut roots = RootCertStore::empty();
        for c in CertificateDer::pem_file_iter(ca_file).unwrap() {
            roots.add(c.unwrap()).unwrap();
        }
        Arc::new(roots)
    }

    /// A server set up as Orthanc would be from its configuration: the
    /// one PEM file for key and certificate, client certificates required
    /// against `SslTrustedClientCertificates`.
    fn orthanc_like_server(config: &serde_json::Value) -> ServerConfig {
        let pem = Path::new(config["SslCertificate"].as_str().unwrap());
        let certs: Vec<_> = CertificateDer::pem_file_iter(pem)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let key = PrivateKeyDer::from_pem_file(pem).unwrap();
        let trusted = Path::new(config["SslTrustedClientCertificates"].as_str().unwrap());
        assert_eq!(config["SslVerifyPeers"], true);
        let verifier = WebPkiClientVerifier::builder(roots(trusted))
            .build()
            .unwrap();
        ServerConfig::builder()
            .with_client_cert_verifier(verifier)
            .with_single_cert(certs, key)
            .unwrap()
    }

    /// One connection; `Ok` only if both sides completed the handshake and
    /// a request got its answer.
    async fn exchange(server: ServerConfig, client: ClientConfig) -> Result<(), String> {
        let listener = TcpListener::bind((LOOPBACK, 0)).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let acceptor = TlsAcceptor::from(Arc::new(server));
        let server_side = tokio::spawn(async move {
            let (tcp, _) = listener.accept().await.unwrap();
            let mut tls = acceptor.accept(tcp).await.map_err(|e| e.to_string())?;
            let mut buf = [0u8; 4];
            tls.read_exact(&mut buf).await.map_err(|e| e.to_string())?;
            tls.write_all(b"[ ]").await.map_err(|e| e.to_string())?;
            tls.shutdown().await.map_err(|e| e.to_string())
        });
        let connector = TlsConnector::from(Arc::new(client));
        let tcp = TcpStream::connect(addr).await.unwrap();
        let name = ServerName::try_from(HOST).unwrap();
        let client_result = async {
            let mut tls = connector
                .connect(name, tcp)
                .await
                .map_err(|e| e.to_string())?;
            tls.write_all(b"GET ").await.map_err(|e| e.to_string())?;
            let mut answer = Vec::new();
            tls.read_to_end(&mut answer)
                .await
                .map_err(|e| e.to_string())?;
            if answer == b"[ ]" {
                Ok(())
            } else {
                Err(format!("answer {answer:?}"))
            }
        }
        .await;
        let server_result = server_side.await.unwrap();
        client_result.and(server_result)
    }

    #[tokio::test]
    async fn browser_with_its_p12_gets_in_and_one_without_does_not() {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let now = OffsetDateTime::now_utc();
        let (first, created) = PracticeCa::load_or_create(&state, &options(), now).unwrap();
        assert!(created);
        assert_eq!(mode(&state.join("practice_ca/ca.key")), 0o600);
        // Everything below uses the CA as read back from the state dir.
        let (ca, created) = PracticeCa::load_or_create(&state, &options(), now).unwrap();
        assert!(!created);
        assert_eq!(ca.cert_pem(), first.cert_pem());

        let etc = dir.path().join("etc/orthanc");
        std::fs::create_dir_all(&etc).unwrap();
        let config = etc.join("orthanc.json");
        std::fs::copy(super::fixture("without-tls.json"), &config).unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o640)).unwrap();
        let setup = OrthancSetup {
            config: config.clone(),
            certificate: etc.join("pacs.pem"),
            host: HOST.into(),
            ips: vec![LOOPBACK],
            owner: None,
            client_ca: Some(etc.join("praxis-ca.crt")),
        };
        let mut journal = Journal::open(&state).unwrap();
        let planned = plan(&ca, &setup, now).unwrap();
        assert!(!format!("{planned:?}{ca:?}").contains("PRIVATE KEY"));
        assert!(planned.edit.diff.contains("+  \"SslVerifyPeers\" : true"));
        let entries = apply(&mut journal, &ca, &setup, &planned).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(mode(&setup.certificate), 0o600);
        assert_eq!(mode(&config), 0o640);
        check_server_pem(&setup.certificate, &ca);

        let edited = super::as_json(&std::fs::read_to_string(&config).unwrap());
        assert_eq!(edited["SslEnabled"], true);

        let out = dir.path().join("fuer-die-praxis");
        let export = export_client(
            &mut journal,
            &ca,
            "Anna Müller",
            "Röntgen-2026",
            &out,
            P12Compat::Modern,
            now,
        )
        .unwrap();
        assert_eq!(export.p12, out.join("anna-mueller.p12"));
        assert_eq!(mode(&export.p12), 0o600);
        let p12 = std::fs::read(&export.p12).unwrap();
        assert!(KeyStore::from_pkcs12(&p12, "falsch-falsch").is_err());
        let store = KeyStore::from_pkcs12(&p12, "Röntgen-2026").unwrap();
        let (alias, chain) = store.private_key_chain().unwrap();
        assert_eq!(alias, "Anna Müller");
        assert_eq!(chain.chain().len(), 2);
        let client_chain: Vec<CertificateDer<'static>> = chain
            .chain()
            .iter()
            .map(|c| CertificateDer::from(c.as_der().to_vec()))
            .collect();
        let client_key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(chain.key().to_vec()));

        // The practice's computers trust the exported .crt.
        let trust = roots(&export.ca_cert);
        let with_cert = ClientConfig::builder()
            .with_root_certificates(trust.clone())
            .with_client_auth_cert(client_chain, client_key)
            .unwrap();
        let without = ClientConfig::builder()
            .with_root_certificates(trust)
            .with_no_client_auth();

        exchange(orthanc_like_server(&edited), with_cert)
            .await
            .unwrap();
        let refused = exchange(orthanc_like_server(&edited), without).await;
        let why = refused.expect_err("a browser without certificate got in");
        assert!(why.to_lowercase().contains("certificate"), "{why}");

        // Undo puts Orthanc's configuration back byte for byte.
        for report in journal.undo_all(false).unwrap() {
            assert!(report.outcome.reverted(), "{report:?}");
        }
        assert_eq!(
            std::fs::read(&config).unwrap(),
            std::fs::read(super::fixture("without-tls.json")).unwrap()
        );
        assert!(!setup.certificate.exists());
    }

    /// Key and certificate in one file, as Orthanc wants them, and they
    /// belong together.
    fn check_server_pem(path: &Path, ca: &PracticeCa) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with("-----BEGIN PRIVATE KEY-----"));
        let certs: Vec<_> = CertificateDer::pem_slice_iter(text.as_bytes())
            .map(Result::unwrap)
            .collect();
        assert_eq!(certs.len(), 1);
        let key = PrivateKeyDer::from_pem_slice(text.as_bytes()).unwrap();
        let signer = rustls::crypto::ring::sign::any_supported_type(&key).unwrap();
        rustls::sign::CertifiedKey::new(certs.clone(), signer)
            .keys_match()
            .unwrap();

        let (_, cert) = X509Certificate::from_der(&certs[0]).unwrap();
        let (_, root) = X509Certificate::from_der(ca.cert_der()).unwrap();
        assert_eq!(cert.issuer().as_raw(), root.subject().as_raw());
        let san = cert.subject_alternative_name().unwrap().unwrap();
        let names = &san.value.general_names;
        assert!(names.contains(&GeneralName::DNSName(HOST)));
        assert!(names.contains(&GeneralName::IPAddress(&[127, 0, 0, 1])));
        let validity = cert.validity();
        let days =
            (validity.not_after.to_datetime() - validity.not_before.to_datetime()).whole_days();
        assert!(days <= 825, "{days} days");
        assert!(!cert.is_ca());
    }

    #[test]
    fn the_ca_signs_only_inside_its_constraints() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::now_utc();
        let (ca, _) = PracticeCa::load_or_create(dir.path(), &options(), now).unwrap();
        let outside = ca.issue_server("nas.example.com", &[], now).unwrap_err();
        assert!(matches!(
            outside,
            PracticeCaError::OutsideConstraints { .. }
        ));
        assert_eq!(outside.text().id, "practice-ca-outside-constraints");
        let ip = ca
            .issue_server(HOST, &["192.168.1.5".parse().unwrap()], now)
            .unwrap_err();
        assert!(matches!(ip, PracticeCaError::OutsideConstraints { .. }));
        let (_, root) = X509Certificate::from_der(ca.cert_der()).unwrap();
        let nc = root.name_constraints().unwrap().unwrap();
        assert!(nc.critical);
        let years = (ca.not_after() - now).whole_days() / 365;
        assert_eq!(years, 10);
    }

    #[test]
    fn legacy_p12_and_short_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::now_utc();
        let (ca, _) = PracticeCa::load_or_create(dir.path(), &options(), now).unwrap();
        let issued = ca.issue_client("Empfang", now).unwrap();
        let short = issued.to_pkcs12(&ca, "Empfang", "kurz", P12Compat::Modern);
        assert!(matches!(
            short,
            Err(PracticeCaError::PassphraseShort { min: 8 })
        ));
        let legacy = issued
            .to_pkcs12(&ca, "Empfang", "lang-genug", P12Compat::Legacy)
            .unwrap();
        let store = KeyStore::from_pkcs12(&legacy, "lang-genug").unwrap();
        assert_eq!(store.private_key_chain().unwrap().1.key(), issued.key_der());
    }
}
