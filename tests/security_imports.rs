//! Hostile certificate files through the import the wizard and `replay`
//! use (`io::issuance::import`): a FIFO, a device, a symlink to a FIFO, a
//! file far too large, a PKCS#12 whose MAC asks for 1.5 million iterations,
//! and a leaf certificate with CA:TRUE. Each is refused at once, with a
//! reason in both languages; none blocks or reads without end.

use std::path::{Path, PathBuf};
use std::process::Command;

use praxis_tls::core::Lang;
use praxis_tls::i18n;
use praxis_tls::io::issuance::import;
use time::OffsetDateTime;

const HOST: &str = "termine.praxis-muster.ch";

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

/// A self-signed certificate for HOST with its key; `ca`: CA:TRUE.
fn pair(dir: &Path, name: &str, ca: bool) -> (PathBuf, PathBuf) {
    let constraints = if ca {
        "basicConstraints=critical,CA:TRUE"
    } else {
        "basicConstraints=critical,CA:FALSE"
    };
    let (crt, key) = (format!("{name}.crt"), format!("{name}.key"));
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &key,
            "-out",
            &crt,
            "-days",
            "30",
            "-subj",
            &format!("/CN={HOST}"),
            "-addext",
            &format!("subjectAltName=DNS:{HOST}"),
            "-addext",
            constraints,
        ],
    );
    (dir.join(crt), dir.join(key))
}

/// The finding's summary in German and English.
fn refused(cert: &Path, key: Option<&PathBuf>, pass: Option<&str>) -> (String, String) {
    let out = tempfile::tempdir().unwrap();
    let f = match import(HOST, cert, key, pass, out.path(), OffsetDateTime::now_utc()) {
        Ok(r) => panic!("{} accepted: {r:?}", cert.display()),
        Err(f) => f,
    };
    let de = i18n::text(Lang::De, &f.summary);
    let en = i18n::text(Lang::En, &f.summary);
    eprintln!("{de}\n{en}");
    assert!(
        std::fs::read_dir(out.path()).unwrap().next().is_none(),
        "nothing written"
    );
    (de, en)
}

#[test]
fn fifos_devices_and_huge_files_are_refused_without_reading() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("cert.pem");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let (de, en) = refused(&fifo, None, None);
    assert!(en.contains("is not an ordinary file"), "{en}");
    assert!(de.contains("ist keine gewöhnliche Datei"), "{de}");

    let (_, en) = refused(Path::new("/dev/zero"), None, None);
    assert!(en.contains("/dev/zero is not an ordinary file"), "{en}");

    // The key path through a symlink to a FIFO: the FIFO is what counts.
    let (crt, _) = pair(tmp.path(), "leaf", false);
    let link = tmp.path().join("key-link.pem");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let (_, en) = refused(&crt, Some(&link), None);
    assert!(en.contains("is not an ordinary file"), "{en}");

    let big = tmp.path().join("big.pem");
    std::fs::write(&big, vec![b'a'; 2 << 20]).unwrap();
    let (_, en) = refused(&big, None, None);
    assert!(en.contains("is larger than 1024 KiB"), "{en}");
}

#[test]
fn a_pkcs12_asking_for_too_many_iterations_is_refused_before_any() {
    let tmp = tempfile::tempdir().unwrap();
    let (crt, key) = pair(tmp.path(), "leaf", false);
    // Unencrypted bags: only the MAC iterates, so openssl itself is quick.
    openssl(
        tmp.path(),
        &[
            "pkcs12",
            "-export",
            "-in",
            "leaf.crt",
            "-inkey",
            "leaf.key",
            "-keypbe",
            "NONE",
            "-certpbe",
            "NONE",
            "-iter",
            "1500000",
            "-passout",
            "pass:test-only",
            "-out",
            "slow.p12",
        ],
    );
    let _ = (crt, key);
    let (de, en) = refused(&tmp.path().join("slow.p12"), None, Some("test-only"));
    assert!(
        en.contains("asks for 1500000 rounds to open; the wizard accepts at most 1000000"),
        "{en}"
    );
    assert!(de.contains("verlangt 1500000 Durchgänge"), "{de}");
}

#[test]
fn a_leaf_certificate_with_ca_true_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (crt, key) = pair(tmp.path(), "ca", true);
    let (de, en) = refused(&crt, Some(&key), None);
    assert!(
        en.contains("certificate authority's certificate (CA:TRUE)"),
        "{en}"
    );
    assert!(de.contains("Zertifizierungsstelle (CA:TRUE)"), "{de}");
    // The same with CA:FALSE is taken.
    let (crt, key) = pair(tmp.path(), "leaf", false);
    let out = tempfile::tempdir().unwrap();
    import(
        HOST,
        &crt,
        Some(&key),
        None,
        out.path(),
        OffsetDateTime::now_utc(),
    )
    .unwrap();
}

#[test]
fn a_pkcs12_whose_key_bag_is_not_encrypted_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let _ = pair(tmp.path(), "leaf", false);
    for (file, pass) in [("plain.p12", "test-only"), ("plain-empty.p12", "")] {
        openssl(
            tmp.path(),
            &[
                "pkcs12",
                "-export",
                "-in",
                "leaf.crt",
                "-inkey",
                "leaf.key",
                "-keypbe",
                "NONE",
                "-passout",
                &format!("pass:{pass}"),
                "-out",
                file,
            ],
        );
        let out = tempfile::tempdir().unwrap();
        let r = import(
            HOST,
            &tmp.path().join(file),
            None,
            Some(pass),
            out.path(),
            OffsetDateTime::now_utc(),
        )
        .unwrap_or_else(|f| panic!("{file}: {}", i18n::text(Lang::En, &f.summary)));
        assert_eq!(r.domain, HOST);
    }
    // The MAC still guards it: a wrong passphrase is named as such.
    let (_, en) = refused(&tmp.path().join("plain.p12"), None, Some("wrong"));
    assert!(en.contains("The password is wrong"), "{en}");
}
