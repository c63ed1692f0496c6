//! The `.env` file beside the compose file, read the way `docker compose`
//! reads it: people edit it by hand, so quotes, comments, `export ` and
//! Windows line ends all occur.

use std::collections::BTreeMap;

pub type Env = BTreeMap<String, String>;

pub fn parse(text: &str) -> Env {
    let mut env = Env::new();
    for raw in text.trim_start_matches('\u{feff}').lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            continue;
        }
        // Later lines win, as in compose.
        env.insert(key.to_string(), value_of(value.trim()));
    }
    env
}

fn value_of(v: &str) -> String {
    if let Some(rest) = v.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return out,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                c => out.push(c),
            }
        }
        // No closing quote: keep what was typed rather than guess.
        return v.to_string();
    }
    if let Some(rest) = v.strip_prefix('\'') {
        return match rest.find('\'') {
            Some(end) => rest[..end].to_string(),
            None => v.to_string(),
        };
    }
    // Unquoted: a `#` after whitespace starts a comment, one inside a
    // value (a password) does not.
    let end = v
        .char_indices()
        .find(|&(i, c)| c == '#' && v[..i].ends_with([' ', '\t']))
        .map_or(v.len(), |(i, _)| i);
    v[..end].trim_end().to_string()
}

/// A non-empty value: compose treats `EXTERNAL_NAME=` like an unset name.
pub fn get<'a>(env: &'a Env, key: &str) -> Option<&'a str> {
    env.get(key).map(String::as_str).filter(|v| !v.is_empty())
}

/// Compose's `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`, `$$`.
/// Unset variables become empty, as compose does (with a warning).
pub fn interpolate(s: &str, env: &Env) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(r) = after.strip_prefix('$') {
            out.push('$');
            rest = r;
        } else if let Some(body) = after.strip_prefix('{') {
            let Some(end) = body.find('}') else {
                out.push_str(&rest[pos..]);
                return out;
            };
            out.push_str(&braced(&body[..end], env));
            rest = &body[end + 1..];
        } else {
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if len == 0 {
                out.push('$');
            } else {
                out.push_str(env.get(&after[..len]).map_or("", String::as_str));
            }
            rest = &after[len..];
        }
    }
    out.push_str(rest);
    out
}

fn braced(expr: &str, env: &Env) -> String {
    let name_len = expr
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(expr.len());
    let (name, op) = expr.split_at(name_len);
    let value = env.get(name);
    let default = |d: &str| interpolate(d, env);
    if let Some(d) = op.strip_prefix(":-") {
        return value
            .filter(|v| !v.is_empty())
            .cloned()
            .unwrap_or_else(|| default(d));
    }
    if let Some(d) = op.strip_prefix('-') {
        return value.cloned().unwrap_or_else(|| default(d));
    }
    if let Some(alt) = op.strip_prefix(":+") {
        return if value.is_some_and(|v| !v.is_empty()) {
            default(alt)
        } else {
            String::new()
        };
    }
    value.cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_edited_env() {
        let env = parse(
            "\u{feff}# Namen\r\nLOCAL_NAME=nuno\r\nexport EXTERNAL_NAME=\"meine-praxis.ch\" # Domain\r\n\
             DBPWD=ab#cd\nQUOTED='x # y'\nEMPTY=\nbroken line\n  SPACED = value  \nLOCAL_NAME=server\n",
        );
        assert_eq!(get(&env, "LOCAL_NAME"), Some("server"));
        assert_eq!(get(&env, "EXTERNAL_NAME"), Some("meine-praxis.ch"));
        assert_eq!(get(&env, "DBPWD"), Some("ab#cd"));
        assert_eq!(get(&env, "QUOTED"), Some("x # y"));
        assert_eq!(get(&env, "EMPTY"), None);
        assert_eq!(get(&env, "SPACED"), Some("value"));
        assert_eq!(env.len(), 6);
        let comment = parse("A=b # note\nB=\"say \\\"hi\\\"\"\n");
        assert_eq!(get(&comment, "A"), Some("b"));
        assert_eq!(get(&comment, "B"), Some("say \"hi\""));
    }

    #[test]
    fn compose_interpolation() {
        let env = parse("TAG=v2.8\nEMPTY=\n");
        for (input, want) in [
            ("traefik:${TAG}", "traefik:v2.8"),
            ("traefik:$TAG", "traefik:v2.8"),
            ("traefik:${NOPE:-v1.7}", "traefik:v1.7"),
            ("traefik:${EMPTY:-v1.7}", "traefik:v1.7"),
            ("traefik:${EMPTY-v1.7}", "traefik:"),
            ("traefik:${TAG:+set}", "traefik:set"),
            ("a$$b", "a$b"),
            ("traefik:${NOPE}", "traefik:"),
            ("cost $ 5", "cost $ 5"),
            ("${UNCLOSED", "${UNCLOSED"),
        ] {
            assert_eq!(interpolate(input, &env), want, "{input}");
        }
    }
}
