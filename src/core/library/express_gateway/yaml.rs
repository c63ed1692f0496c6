//! Edits `gateway.config.yml` as lines of text: the file's comments,
//! order and quoting stay as they are; only the host's entry under
//! `https: tls:` is (re)written, and `https:` / `port:` / `tls:` are added
//! where missing. The result is parsed back and checked before it is
//! offered.

use serde_yaml_ng::Value;

use super::{GatewayError, GatewayTls};

struct Line<'a> {
    indent: usize,
    /// Not blank and not only a comment.
    content: bool,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .map(|l| {
            let body = l.trim_start_matches(' ');
            Line {
                indent: l.len() - body.len(),
                content: !body.trim().is_empty() && !body.starts_with('#'),
                text: l,
            }
        })
        .collect()
}

/// The key of a `key: …` line and what follows the colon.
fn key_of(line: &str) -> Option<(String, &str)> {
    let body = line.trim_start();
    let (key, rest) = if let Some(quote @ ('"' | '\'')) = body.chars().next() {
        let end = body[1..].find(quote)? + 1;
        (body[1..end].to_string(), &body[end + 1..])
    } else {
        let colon = body
            .find(": ")
            .or_else(|| body.ends_with(':').then(|| body.len() - 1))?;
        (body[..colon].trim_end().to_string(), &body[colon..])
    };
    let rest = rest.trim_start().strip_prefix(':')?;
    Some((key, rest))
}

/// True if nothing but a comment follows the colon: a block mapping.
fn opens_block(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('#')
}

/// Index after the last content line of the block that `at` opens.
fn block_end(ls: &[Line<'_>], at: usize) -> usize {
    let mut end = at + 1;
    for (i, l) in ls.iter().enumerate().skip(at + 1) {
        if l.content {
            if l.indent <= ls[at].indent {
                break;
            }
            end = i + 1;
        }
    }
    end
}

/// The child with `key` at the children's indentation, within `at`'s block
/// (or at the top level for `None`).
fn find_child(ls: &[Line<'_>], at: Option<usize>, key: &str) -> Option<usize> {
    let (from, to, indent) = match at {
        Some(at) => (at + 1, block_end(ls, at), child_indent(ls, at)?),
        None => (0, ls.len(), 0),
    };
    (from..to).find(|&i| {
        ls[i].content && ls[i].indent == indent && key_of(ls[i].text).is_some_and(|(k, _)| k == key)
    })
}

fn child_indent(ls: &[Line<'_>], at: usize) -> Option<usize> {
    ls[at + 1..block_end(ls, at)]
        .iter()
        .find(|l| l.content)
        .map(|l| l.indent)
}

/// The file's indentation step (the first indented line's), else 2.
fn step(ls: &[Line<'_>]) -> usize {
    ls.iter()
        .find(|l| l.content && l.indent > 0)
        .map_or(2, |l| l.indent)
}

fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with([
            '-', '?', ':', '@', '`', '!', '&', '*', '\'', '"', '%', '{', '[',
        ])
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn entry(tls: &GatewayTls, indent: usize, step: usize) -> Vec<String> {
    let pad = |n: usize| " ".repeat(indent + n * step);
    let mut out = vec![
        format!(
            "{}{}:",
            pad(0),
            serde_json::to_string(&tls.host).unwrap_or_default()
        ),
        format!("{}key: {}", pad(1), scalar(&tls.key)),
        format!("{}cert: {}", pad(1), scalar(&tls.cert)),
    ];
    if let Some(ca) = &tls.ca {
        out.push(format!("{}ca:", pad(1)));
        out.push(format!("{}- {}", pad(2), scalar(ca)));
    }
    out
}

fn yaml_error(e: &serde_yaml_ng::Error) -> GatewayError {
    GatewayError::Yaml {
        line: e.location().map_or(1, |l| l.line()),
        detail: e.to_string(),
    }
}

fn unsupported(ls: &[Line<'_>], at: usize) -> GatewayError {
    GatewayError::Unsupported {
        line: at + 1,
        key: key_of(ls[at].text).map(|(k, _)| k).unwrap_or_default(),
    }
}

/// Sets `https.tls.<host>` to `tls`'s paths; adds `https.port` if absent.
pub fn set_tls(original: &str, tls: &GatewayTls) -> Result<String, GatewayError> {
    crate::core::library::limits::check_yaml(original)?;
    serde_yaml_ng::from_str::<Value>(original).map_err(|e| yaml_error(&e))?;
    let ls = lines(original);
    let step = step(&ls);
    let mut out: Vec<String> = ls.iter().map(|l| l.text.to_string()).collect();

    match find_child(&ls, None, "https") {
        None => {
            let mut block = vec![
                "https:".to_string(),
                format!("{}port: {}", " ".repeat(step), tls.port),
            ];
            block.push(format!("{}tls:", " ".repeat(step)));
            block.extend(entry(tls, 2 * step, step));
            // Beside `http:` if there is one, else at the end; set apart by
            // a blank line like the other top-level blocks.
            let at = find_child(&ls, None, "http").map_or(out.len(), |h| block_end(&ls, h));
            if at > 0 && ls[at - 1].content {
                block.insert(0, String::new());
            }
            out.splice(at..at, block);
        }
        Some(h) => {
            let https_rest = key_of(ls[h].text).map(|(_, r)| r).unwrap_or_default();
            if !opens_block(https_rest) {
                return Err(unsupported(&ls, h));
            }
            let inner = child_indent(&ls, h).unwrap_or(step);
            // `https:` is at the top, so its children's indentation is the
            // step this block is written in.
            let step = inner;
            match find_child(&ls, Some(h), "tls") {
                None => {
                    let mut block = vec![format!("{}tls:", " ".repeat(inner))];
                    block.extend(entry(tls, inner + step, step));
                    let at = block_end(&ls, h);
                    out.splice(at..at, block);
                }
                Some(t) => {
                    let tls_rest = key_of(ls[t].text).map(|(_, r)| r).unwrap_or_default();
                    if !opens_block(tls_rest) {
                        return Err(unsupported(&ls, t));
                    }
                    let hosts = child_indent(&ls, t).unwrap_or(inner + step);
                    let new = entry(tls, hosts, step);
                    match find_child(&ls, Some(t), &tls.host) {
                        Some(e) => {
                            out.splice(e..block_end(&ls, e), new);
                        }
                        None => {
                            let at = block_end(&ls, t);
                            out.splice(at..at, new);
                        }
                    }
                }
            }
            // Last: it shifts the lines below `https:` by one.
            if find_child(&ls, Some(h), "port").is_none() {
                out.insert(h + 1, format!("{}port: {}", " ".repeat(inner), tls.port));
            }
        }
    }
    let mut text = out.join("\n");
    if original.ends_with('\n') || original.is_empty() {
        text.push('\n');
    }
    verify(&text, tls)?;
    Ok(text)
}

/// The edit reads back as intended, or it is not offered at all.
fn verify(text: &str, tls: &GatewayTls) -> Result<(), GatewayError> {
    let doc: Value = serde_yaml_ng::from_str(text).map_err(|_| GatewayError::Verify)?;
    let https = &doc["https"];
    let e = &https["tls"][tls.host.as_str()];
    let ca_ok = match &tls.ca {
        Some(ca) => e["ca"][0].as_str() == Some(ca),
        None => true,
    };
    let ok = https["port"].is_number()
        && e["key"].as_str() == Some(tls.key.as_str())
        && e["cert"].as_str() == Some(tls.cert.as_str())
        && ca_ok;
    if ok {
        Ok(())
    } else {
        Err(GatewayError::Verify)
    }
}
