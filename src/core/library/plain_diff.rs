//! One or two plain sentences above each raw diff: what changes in the
//! file and why, read from the edit itself (which lines go, which come),
//! so that the practice assistant need not read the diff. The diff stays
//! one key away for the IT supporter.

use crate::core::model::check::Text;

/// Which program's file a systems-step diff belongs to: its diff has no
/// header that names the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Told apart by the file's name (the proxy step's files).
    ByName,
    OrthancJson,
    Stunnel,
    GatewayYaml,
}

/// The lines a unified diff takes away and adds, without the markers.
struct Stats<'a> {
    added: Vec<&'a str>,
    removed: Vec<&'a str>,
    /// The file did not exist before (its only hunk starts at line 0).
    new_file: bool,
}

fn stats(diff: &str) -> Stats<'_> {
    let mut s = Stats {
        added: Vec::new(),
        removed: Vec::new(),
        new_file: false,
    };
    for l in diff.lines() {
        if l.starts_with("+++") || l.starts_with("---") {
            continue;
        }
        if l.starts_with("@@ -0,0 ") {
            s.new_file = true;
        } else if let Some(a) = l.strip_prefix('+') {
            s.added.push(a);
        } else if let Some(r) = l.strip_prefix('-') {
            s.removed.push(r);
        }
    }
    s.new_file &= s.removed.is_empty();
    s
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The sentences for one file's diff; empty when nothing changes.
pub fn explain(path: &str, diff: &str, role: Role) -> Vec<Text> {
    let s = stats(diff);
    if s.added.is_empty() && s.removed.is_empty() {
        return Vec::new();
    }
    // The diff's own header names the file where it has one.
    let header = diff
        .lines()
        .find_map(|l| l.strip_prefix("+++ "))
        .map(str::trim)
        .filter(|h| !h.is_empty());
    let file = file_name(header.unwrap_or(path));
    let with_file = |id: &str| Text::new(id).arg("file", file);
    let role = match role {
        Role::ByName if file.ends_with(".json") => Role::OrthancJson,
        r => r,
    };
    let mut out = match role {
        Role::OrthancJson => orthanc(&s, with_file("plain-orthanc")),
        Role::Stunnel => stunnel(&s, file),
        Role::GatewayYaml => vec![gateway(&s, file)],
        Role::ByName => match file {
            "traefik.toml" => vec![traefik(&s)],
            "docker-compose.override.yml" | "docker-compose.override.yaml" => {
                let id = if s.new_file {
                    "plain-override-new"
                } else {
                    "plain-override-update"
                };
                let mut out = vec![with_file(id)];
                if s.added
                    .iter()
                    .any(|l| l.contains("routers.termine-tls.tls"))
                {
                    out.push(Text::new("plain-override-route"));
                }
                out
            }
            f if f.ends_with(".toml") => {
                let host = f.trim_end_matches(".toml");
                let id = if s.new_file {
                    "plain-dynamic-new"
                } else {
                    "plain-dynamic-update"
                };
                vec![with_file(id).arg("host", host)]
            }
            _ => vec![
                with_file("plain-other")
                    .num("added", s.added.len())
                    .num("removed", s.removed.len()),
            ],
        },
    };
    // A new file changes nothing that was there; an edit leaves the rest.
    if !s.new_file {
        out.push(Text::new("plain-nothing-else"));
    }
    out
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// traefik.toml: the prepared (commented) lines switched on with the
/// file names filled in, a block added at the end, or the certificate of
/// an earlier date replaced.
fn traefik(s: &Stats) -> Text {
    let switched_on = !s.removed.is_empty()
        && s.added.len() == s.removed.len()
        && s.removed.iter().all(|l| is_comment(l))
        && s.added.iter().all(|l| !is_comment(l));
    let (id, count) = if switched_on {
        ("plain-traefik-uncomment", s.removed.len())
    } else if s.removed.is_empty() {
        ("plain-traefik-append", s.added.len())
    } else {
        ("plain-traefik-replace", s.added.len())
    };
    Text::new(id)
        .arg("file", "traefik.toml")
        .num("count", count)
}

/// The JSON keys a set of diff lines sets.
fn json_keys<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines
        .iter()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix('"')?;
            let (key, after) = rest.split_once('"')?;
            after.trim_start().starts_with(':').then_some(key)
        })
        .collect()
}

fn orthanc(s: &Stats, first: Text) -> Vec<Text> {
    let mut keys = json_keys(&s.added);
    keys.extend(json_keys(&s.removed));
    let has = |k: &str| keys.contains(&k);
    let mut out = vec![first];
    if has(super::orthanc::KEY_VERIFY_PEERS) || has(super::orthanc::KEY_TRUSTED_CLIENTS) {
        out.push(Text::new("plain-orthanc-clients"));
    }
    if has(super::orthanc::KEY_CIPHERS) {
        out.push(Text::new("plain-orthanc-ciphers"));
    }
    out
}

fn stunnel(s: &Stats, file: &str) -> Vec<Text> {
    let id = if s.new_file {
        "plain-stunnel-new"
    } else {
        "plain-stunnel-update"
    };
    let mut out = vec![Text::new(id).arg("file", file)];
    if s.added
        .iter()
        .any(|l| l.trim_start().starts_with("requireCert"))
    {
        out.push(Text::new("plain-stunnel-clients"));
    }
    out
}

fn gateway(s: &Stats, file: &str) -> Text {
    let opens = s.added.iter().any(|l| l.trim() == "https:");
    if opens {
        let port = s
            .added
            .iter()
            .find_map(|l| l.trim().strip_prefix("port:"))
            .map(str::trim)
            .unwrap_or_default();
        return Text::new("plain-gateway-https")
            .arg("file", file)
            .arg("port", port);
    }
    let id = if s.removed.is_empty() {
        "plain-gateway-add"
    } else {
        "plain-gateway-replace"
    };
    Text::new(id).arg("file", file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(t: &[Text]) -> Vec<&str> {
        t.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn the_prepared_traefik_lines_switched_on_are_named_as_such() {
        let diff = "--- a/traefik.toml\n+++ b/traefik.toml\n@@ -10,3 +10,3 @@\n\
                    -#[[entryPoints.https.tls.certificates]]\n\
                    -#certFile = \"/certs/example.crt\"\n-#keyFile = \"/certs/example.key\"\n\
                    +[[entryPoints.https.tls.certificates]]\n\
                    +certFile = \"/certs/a.crt\"\n+keyFile = \"/certs/a.key\"\n";
        let t = explain("/opt/elexis-oob/traefik.toml", diff, Role::ByName);
        assert_eq!(ids(&t), ["plain-traefik-uncomment", "plain-nothing-else"]);
        assert!(
            t[0].args
                .contains(&("count".into(), crate::core::Arg::Num(3)))
        );
    }

    #[test]
    fn a_block_added_or_replaced_in_traefik_toml_is_told_apart() {
        let added = "@@ -20,0 +21,3 @@\n+[[entryPoints.https.tls.certificates]]\n+a\n+b\n";
        let t = explain("traefik.toml", added, Role::ByName);
        assert_eq!(t[0].id, "plain-traefik-append");
        let replaced = "@@ -21,2 +21,2 @@\n-certFile = \"old\"\n+certFile = \"new\"\n";
        let t = explain("traefik.toml", replaced, Role::ByName);
        assert_eq!(t[0].id, "plain-traefik-replace");
    }

    #[test]
    fn new_files_change_nothing_else_and_say_so_once() {
        // Without a header the path names the file; with one, the header.
        let diff = "@@ -0,0 +1,2 @@\n+services:\n+  a:\n";
        let t = explain("/o/docker-compose.override.yml", diff, Role::ByName);
        assert_eq!(ids(&t), ["plain-override-new"]);
        let t = explain("/v/termine.praxis.ch.toml", diff, Role::ByName);
        assert_eq!(ids(&t), ["plain-dynamic-new"]);
        assert!(
            t[0].args
                .contains(&("host".into(), "termine.praxis.ch".into()))
        );
        let edit = "--- a/docker-compose.override.yml\n+++ b/docker-compose.override.yml\n\
                    @@ -3,1 +3,1 @@\n-a\n+b\n";
        let t = explain("", edit, Role::ByName);
        assert_eq!(ids(&t), ["plain-override-update", "plain-nothing-else"]);
    }

    #[test]
    fn orthanc_names_browser_certificates_and_ciphers_only_when_set() {
        let plain = "@@ -3,1 +3,2 @@\n-  \"SslEnabled\" : false,\n+  \"SslEnabled\" : true,\n\
                     +  \"SslCertificate\" : \"/etc/orthanc/p.pem\",\n";
        let t = explain("/etc/orthanc/orthanc.json", plain, Role::OrthancJson);
        assert_eq!(ids(&t), ["plain-orthanc", "plain-nothing-else"]);
        let mtls =
            format!("{plain}+  \"SslVerifyPeers\" : true,\n+  \"SslCiphersAccepted\" : [],\n");
        let t = explain("orthanc.json", &mtls, Role::OrthancJson);
        assert_eq!(
            ids(&t),
            [
                "plain-orthanc",
                "plain-orthanc-clients",
                "plain-orthanc-ciphers",
                "plain-nothing-else"
            ]
        );
    }

    #[test]
    fn stunnel_and_gateway_say_what_they_add() {
        let conf = "@@ -0,0 +1,3 @@\n+[orthanc]\n+accept = 4443\n+requireCert = yes\n";
        let t = explain("/etc/stunnel/orthanc.conf", conf, Role::Stunnel);
        assert_eq!(ids(&t), ["plain-stunnel-new", "plain-stunnel-clients"]);
        let yaml = "@@ -4,0 +5,4 @@\n+https:\n+  port: 8443\n+  tls:\n+    x: y\n";
        let t = explain("gateway.config.yml", yaml, Role::GatewayYaml);
        assert_eq!(t[0].id, "plain-gateway-https");
        assert!(t[0].args.contains(&("port".into(), "8443".into())));
        let t = explain(
            "g.yml",
            "@@ -9,0 +9,2 @@\n+    a:\n+      b: c\n",
            Role::GatewayYaml,
        );
        assert_eq!(t[0].id, "plain-gateway-add");
    }

    #[test]
    fn no_change_no_sentence() {
        assert!(explain("traefik.toml", "", Role::ByName).is_empty());
    }
}
