//! `praxis-tls report`: a bundle for the IT supporter, safe to mail.
//!
//! Two fences keep secrets out. Only files named here go in (never keys,
//! the password file, the journal's backups and staged copies, ACME
//! account data); and every text that goes in is scanned and scrubbed of
//! private-key blocks, password values and the SMTP password itself.

mod redact;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;
use time::OffsetDateTime;

use crate::core::Text;
use crate::io::atomic;
use crate::io::journal::JOURNAL_FILE;
use crate::io::mail::{PASSWORD_FILE, load_password};
use crate::io::store::STATE_FILE;

pub use redact::{REDACTED, redact, spellings};

/// The wizard's log in the state directory.
pub const LOG_FILE: &str = "praxis-tls.log";
/// Check results, when a run has saved them.
pub const CHECKS_FILE: &str = "checks.json";
/// How much of the log goes along.
pub const LOG_LINES: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl ReportError {
    fn io(path: &Path, source: io::Error) -> Self {
        ReportError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn text(&self) -> Text {
        match self {
            ReportError::Io { path, source } => Text::new("report-error-io")
                .arg("path", path.display().to_string())
                .arg("detail", source.to_string()),
        }
    }
}

/// One line of `versions.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub name: String,
    pub value: String,
}

/// What ended up in the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub path: PathBuf,
    /// Names inside the bundle's top directory.
    pub files: Vec<String>,
    /// Secrets taken out of the texts.
    pub redactions: usize,
}

impl Bundle {
    pub fn text(&self) -> Text {
        Text::new("report-written")
            .arg("path", self.path.display().to_string())
            .num("count", self.redactions)
    }
}

/// Names that are never read into a bundle, whatever the caller asks:
/// keys, certificates' private halves, passwords, ACME account data.
pub fn is_secret_file(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == PASSWORD_FILE
        || n.ends_with(".key")
        || n.ends_with(".pem")
        || n.ends_with(".p12")
        || n.ends_with(".pfx")
        || [
            "password",
            "passwd",
            "secret",
            "account",
            "private",
            "credential",
        ]
        .iter()
        .any(|w| n.contains(w))
}

/// Versions of this program and of what it drives. Each command gets a
/// few seconds; one that is missing or hangs is noted, not fatal.
pub async fn collect_versions() -> Vec<Version> {
    let mut out = vec![Version {
        name: "praxis-tls".into(),
        value: env!("CARGO_PKG_VERSION").into(),
    }];
    let probes: [(&str, &[&str]); 4] = [
        ("docker", &["docker", "--version"]),
        (
            "docker compose",
            &["docker", "compose", "version", "--short"],
        ),
        ("docker-compose", &["docker-compose", "--version"]),
        (
            "traefik image (elx_proxy)",
            &[
                "docker",
                "inspect",
                "--format",
                "{{.Config.Image}}",
                "elx_proxy",
            ],
        ),
    ];
    for (name, argv) in probes {
        let value = run(argv).await;
        out.push(Version {
            name: name.into(),
            value,
        });
    }
    out
}

async fn run(argv: &[&str]) -> String {
    let Some((prog, args)) = argv.split_first() else {
        return String::new();
    };
    let child = tokio::process::Command::new(prog)
        .args(args)
        .kill_on_drop(true)
        .output();
    match tokio::time::timeout(Duration::from_secs(10), child).await {
        Ok(Ok(o)) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
        Ok(Ok(o)) => format!(
            "(failed: {})",
            String::from_utf8_lossy(&o.stderr)
                .trim()
                .lines()
                .next()
                .unwrap_or("")
        ),
        Ok(Err(e)) => format!("(not available: {e})"),
        Err(_) => "(no answer within 10 s)".to_string(),
    }
}

/// Writes `praxis-tls-report-<time>.tar.gz` (mode 0600) into `out_dir`.
pub fn write_bundle(
    state_dir: &Path,
    out_dir: &Path,
    versions: &[Version],
    now: OffsetDateTime,
) -> Result<Bundle, ReportError> {
    let secrets = known_secrets(state_dir)?;
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let top = format!("praxis-tls-report-{stamp}");
    let mut entries: Vec<(String, String)> = Vec::new();
    for name in [STATE_FILE, JOURNAL_FILE, CHECKS_FILE] {
        if is_secret_file(name) {
            continue;
        }
        if let Some(text) = read_text(&state_dir.join(name))? {
            entries.push((name.to_string(), text));
        }
    }
    if let Some(log) = read_text(&state_dir.join(LOG_FILE))? {
        entries.push(("log-tail.txt".into(), tail(&log, LOG_LINES)));
    }
    let versions_txt: String = versions
        .iter()
        .map(|v| format!("{}: {}\n", v.name, v.value))
        .collect();
    entries.push(("versions.txt".into(), versions_txt));

    let mut redactions = 0;
    let mut scrubbed = Vec::new();
    for (name, text) in entries {
        let (clean, n) = redact(&text, &secrets);
        redactions += n;
        scrubbed.push((name, clean));
    }
    let readme = format!(
        "praxis-tls support report, {stamp}\n\
         Not included: private keys, certificates' key files, the SMTP password,\n\
         ACME account data, and the journal's backups and staged copies.\n\
         Secrets found in the included texts and replaced by {REDACTED}: {redactions}\n"
    );
    scrubbed.push(("README.txt".into(), readme));

    let bytes = pack(&top, &scrubbed, now).map_err(|e| ReportError::io(out_dir, e))?;
    let path = out_dir.join(format!("{top}.tar.gz"));
    atomic::write_atomic(&path, &bytes, 0o600).map_err(|e| ReportError::io(&path, e))?;
    Ok(Bundle {
        path,
        files: scrubbed.into_iter().map(|(n, _)| n).collect(),
        redactions,
    })
}

fn pack(top: &str, files: &[(String, String)], now: OffsetDateTime) -> io::Result<Vec<u8>> {
    let gz = GzEncoder::new(Vec::new(), Compression::default());
    let mut tar = tar::Builder::new(gz);
    let mtime = u64::try_from(now.unix_timestamp()).unwrap_or(0);
    for (name, text) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(text.len() as u64);
        h.set_mode(0o600);
        h.set_mtime(mtime);
        h.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut h, format!("{top}/{name}"), text.as_bytes())?;
    }
    let mut gz = tar.into_inner()?;
    gz.flush()?;
    gz.finish()
}

/// A file's text; `None` if it does not exist. Bytes that are not UTF-8
/// are replaced, so the scan sees every line.
fn read_text(path: &Path) -> Result<Option<String>, ReportError> {
    // Never through a link: a bundle meant for support must not carry
    // whatever file a planted link points at.
    match super::safe_dir::read(path) {
        Ok(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReportError::io(path, e)),
    }
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut out = lines[start..].join("\n");
    out.push('\n');
    out
}

/// Secret values to look for in every text: the SMTP password, and the
/// base64 lines of every private key in the state directory (so a key
/// printed without its PEM frame is caught too).
fn known_secrets(state_dir: &Path) -> Result<Vec<String>, ReportError> {
    let mut secrets = Vec::new();
    if let Ok(Some(pw)) = load_password(state_dir) {
        secrets.extend(spellings(pw.expose()));
    }
    let mut stack = vec![state_dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        for entry in rd.flatten() {
            let p = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() && entry.metadata().is_ok_and(|m| m.len() < 1 << 20) {
                let Ok(text) = fs::read_to_string(&p) else {
                    continue;
                };
                if text.contains("PRIVATE KEY-----") {
                    secrets.extend(key_lines(&text));
                }
            }
        }
    }
    secrets.sort();
    secrets.dedup();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    Ok(secrets)
}

/// The base64 lines inside private-key blocks; short ones (the last line
/// of a block) would match harmless text too, so they are left to the
/// PEM-block scan.
fn key_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with("-----BEGIN") && l.contains("PRIVATE KEY") {
            inside = true;
        } else if l.starts_with("-----END") {
            inside = false;
        } else if inside && l.len() >= 16 && !l.contains(':') {
            out.push(l.to_string());
        }
    }
    out
}
