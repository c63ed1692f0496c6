//! Reads and writes the answers file (TOML). A mistake in it is named with
//! its line, so the IT supporter can fix it in an editor at once.

use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::atomic::{self, Refused, read_small, refused_of};
use super::store::show;
use crate::core::Text;
use crate::core::answers::{ANSWERS_VERSION, Answers, SCHEMA};
use crate::core::library::limits::{MAX_FILE_BYTES, check_toml};

/// What an interactive run that reached the end writes into the state
/// directory.
pub const ANSWERS_FILE: &str = "answers.toml";

#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("{path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path}, line {line}: {detail}")]
    Syntax {
        path: PathBuf,
        line: usize,
        detail: String,
    },
    #[error("{path}, line {line}: unknown key {key}")]
    UnknownKey {
        path: PathBuf,
        line: usize,
        key: String,
    },
    #[error("{path}: version {found}, this one knows {supported}")]
    NewerVersion {
        path: PathBuf,
        found: String,
        supported: u32,
    },
    #[error("{path}: no [answers] version")]
    NoVersion { path: PathBuf },
    #[error("{path}, line {line}: {detail}")]
    Invalid {
        path: PathBuf,
        line: usize,
        detail: String,
    },
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("{path}: {why}")]
    Refused { path: PathBuf, why: Refused },
}

impl AnswersError {
    pub fn text(&self) -> Text {
        match self {
            AnswersError::Read { path, source } => Text::new("answers-read-failed")
                .arg("path", show(path))
                .arg("detail", source.to_string()),
            AnswersError::Syntax { path, line, detail } => Text::new("answers-syntax")
                .arg("path", show(path))
                .num("line", line)
                .arg("detail", detail.clone()),
            AnswersError::UnknownKey { path, line, key } => Text::new("answers-unknown-key")
                .arg("path", show(path))
                .num("line", line)
                .arg("key", key.clone()),
            AnswersError::NewerVersion {
                path,
                found,
                supported,
            } => Text::new("answers-newer-version")
                .arg("path", show(path))
                .arg("found", found.clone())
                .num("supported", supported),
            AnswersError::NoVersion { path } => {
                Text::new("answers-no-version").arg("path", show(path))
            }
            AnswersError::Invalid { path, line, detail } => Text::new("answers-invalid")
                .arg("path", show(path))
                .num("line", line)
                .arg("detail", detail.clone()),
            AnswersError::Refused { path, why } => why.text(&show(path)),
            AnswersError::Write { path, source } => Text::new("answers-write-failed")
                .arg("path", show(path))
                .arg("detail", source.to_string()),
        }
    }
}

fn line_of(src: &str, span: Option<Range<usize>>) -> usize {
    let at = span.map_or(0, |s| s.start.min(src.len()));
    src.get(..at).map_or(0, |s| s.matches('\n').count()) + 1
}

pub fn load(path: &Path) -> Result<Answers, AnswersError> {
    let src = read_small(path, MAX_FILE_BYTES).map_err(|source| match refused_of(&source) {
        Some(why) => AnswersError::Refused {
            path: path.to_path_buf(),
            why: why.clone(),
        },
        None => AnswersError::Read {
            path: path.to_path_buf(),
            source,
        },
    })?;
    parse(path, &src)
}

/// Syntax first, then the version (a newer file may have keys this one
/// does not know), then unknown keys, then the values.
pub fn parse(path: &Path, src: &str) -> Result<Answers, AnswersError> {
    let path_buf = || path.to_path_buf();
    check_toml(src).map_err(|limit| AnswersError::Refused {
        path: path_buf(),
        why: limit.into(),
    })?;
    let doc = toml::de::DeTable::parse(src).map_err(|e| AnswersError::Syntax {
        path: path_buf(),
        line: line_of(src, e.span()),
        detail: e.message().trim().to_string(),
    })?;
    let doc = doc.get_ref();
    let version = doc
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "answers")
        .and_then(|(_, v)| v.get_ref().as_table())
        .and_then(|t| t.iter().find(|(k, _)| k.get_ref().as_ref() == "version"))
        .map(|(_, v)| v.get_ref());
    match version.and_then(|v| v.as_integer()) {
        None => return Err(AnswersError::NoVersion { path: path_buf() }),
        Some(found) => {
            let n = i64::from_str_radix(found.as_str(), found.radix()).unwrap_or(i64::MAX);
            if n > i64::from(ANSWERS_VERSION) {
                return Err(AnswersError::NewerVersion {
                    path: path_buf(),
                    found: found.as_str().to_string(),
                    supported: ANSWERS_VERSION,
                });
            }
        }
    }
    if let Some((key, span)) = first_unknown(doc) {
        return Err(AnswersError::UnknownKey {
            path: path_buf(),
            line: line_of(src, Some(span)),
            key,
        });
    }
    toml::from_str(src).map_err(|e| AnswersError::Invalid {
        path: path_buf(),
        line: line_of(src, e.span()),
        detail: e.message().trim().to_string(),
    })
}

/// The first key (in the file's order) the schema does not have.
fn first_unknown(doc: &toml::de::DeTable<'_>) -> Option<(String, Range<usize>)> {
    let mut unknown: Vec<(String, Range<usize>)> = Vec::new();
    for (table, value) in doc.iter() {
        let name = table.get_ref().as_ref();
        let known = SCHEMA.iter().find(|(t, _)| *t == name);
        match (known, value.get_ref().as_table()) {
            (Some((_, keys)), Some(inner)) => {
                for (k, _) in inner.iter() {
                    let key = k.get_ref().as_ref();
                    if !keys.contains(&key) {
                        unknown.push((format!("{name}.{key}"), k.span()));
                    }
                }
            }
            // A known table given as a plain value is a wrong type, which
            // the typed pass names.
            (Some(_), None) => {}
            (None, _) => unknown.push((name.to_string(), table.span())),
        }
    }
    unknown.into_iter().min_by_key(|(_, span)| span.start)
}

pub fn to_toml(answers: &Answers) -> String {
    // Serialising plain tables of strings, booleans and lists cannot fail;
    // an empty file would still load as "no version".
    toml::to_string(answers).unwrap_or_default()
}

/// Writes the file whole or not at all; 0644, as it holds no secrets.
pub fn save(path: &Path, answers: &Answers) -> Result<(), AnswersError> {
    atomic::write_atomic(path, to_toml(answers).as_bytes(), 0o644).map_err(|source| {
        AnswersError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> AnswersError {
        match parse(Path::new("a.toml"), src) {
            Ok(a) => panic!("{a:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = err("[answers]\nversion = 1\n[start]\ndir = \"/opt\n");
        assert!(matches!(e, AnswersError::Syntax { line: 4, .. }), "{e:?}");
        let e = err("[answers]\nversion = 1\n\n[ports]\npolicy = \"permanent\"\nfarbe = 1\n");
        assert!(
            matches!(&e, AnswersError::UnknownKey { line: 6, key, .. } if key == "ports.farbe"),
            "{e:?}"
        );
        let e = err("[answers]\nversion = 1\n[zertifikat]\nsource = \"own\"\n");
        assert!(
            matches!(&e, AnswersError::UnknownKey { line: 3, key, .. } if key == "zertifikat"),
            "{e:?}"
        );
        let e = err("[answers]\nversion = 1\n[ports]\npolicy = \"sometimes\"\n");
        assert!(matches!(e, AnswersError::Invalid { line: 4, .. }), "{e:?}");
        let e = err("[answers]\nversion = 2\n[neu]\nx = 1\n");
        assert!(matches!(e, AnswersError::NewerVersion { .. }), "{e:?}");
        assert!(matches!(
            err("[language]\nlang = \"de\"\n"),
            AnswersError::NoVersion { .. }
        ));
    }

    #[test]
    fn the_schema_lists_every_key_the_types_write() {
        use crate::core::answers::*;
        let mut a = Answers {
            language: Some(LanguageAnswer {
                lang: crate::core::Lang::DeCh,
            }),
            start: Some(StartAnswer {
                dir: "/opt/elexis-oob".into(),
                allow_override: true,
            }),
            domain: Some(DomainAnswer {
                name: "termine.meine-praxis.ch".into(),
                allow_override: true,
            }),
            dns: Some(DnsAnswer {
                allow_override: true,
            }),
            ports: Some(PortsAnswer {
                policy: Some(Default::default()),
                address: Some(Address::Dyndns),
                forwards_done: true,
                allow_override: true,
            }),
            firewall: Some(FirewallAnswer {
                open_window: true,
                allow_override: true,
            }),
            certificate: Some(CertificateAnswer {
                source: Source::Own,
                email: Some("a@b.ch".into()),
                accept_terms: true,
                own_cert: Some("/c".into()),
                own_key: Some("/k".into()),
            }),
            steps: Some(StepsAnswer {
                confirmed: vec![crate::core::Step::Install, crate::core::Step::FinalCheck],
            }),
            orthanc: Some(crate::core::answers::OrthancAnswer {
                host: "pacs.praxis.lan".into(),
                config: "/etc/orthanc/orthanc.json".into(),
                ips: vec!["192.168.1.20".into()],
                clients: vec!["Dr. Muster".into()],
                // Every key once, so the count below covers them all.
                terminator: true,
                restart: Some("systemctl restart orthanc".into()),
                proxy_restart: Some("systemctl restart stunnel@praxis-orthanc".into()),
                port: Some(8443),
                user: Some("praxis".into()),
            }),
            gateway: Some(crate::core::answers::GatewayAnswer {
                host: "api.praxis-muster.ch".into(),
                config: "/opt/aiotes/gateway.config.yml".into(),
                disk_root: Some("/srv/letsencrypt".into()),
                gateway_root: Some("/certs".into()),
                email: Some("gateway@praxis-muster.ch".into()),
            }),
            renewal: Some(crate::core::answers::RenewalAnswer {
                schedule: true,
                mail_host: Some("mail.praxis-muster.ch".into()),
                mail_port: Some(465),
                mail_security: Some(crate::core::answers::MailSecurity::Tls),
                mail_user: Some("praxis".into()),
                mail_from: Some("praxis@praxis-muster.ch".into()),
                mail_to: vec!["it@praxis-muster.ch".into()],
            }),
            ..Answers::default()
        };
        let src = to_toml(&a);
        let back = parse(Path::new("a.toml"), &src).unwrap_or_else(|e| panic!("{e}\n{src}"));
        assert_eq!(back, a);
        let written: usize = src.lines().filter(|l| l.contains(" = ")).count();
        let listed: usize = SCHEMA.iter().map(|(_, k)| k.len()).sum();
        assert_eq!(written, listed, "{src}");
        a.steps = None;
        assert!(!to_toml(&a).contains("[steps]"));
    }
}
