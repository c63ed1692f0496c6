//! The few facts the wizard needs from a compose file. Read as an untyped
//! YAML tree: a practice's file may carry keys or shapes no schema here
//! knows, and none of them should stop detection.

use serde_yaml_ng::{Mapping, Value};

use crate::core::library::start::{LabelStyle, TraefikTag, traefik_tag};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub proxy: Option<Proxy>,
    pub labels: LabelStyle,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxy {
    pub service: String,
    /// As written, before `${VAR}` is filled in.
    pub image: Option<String>,
    pub command: Vec<String>,
}

/// A parse failure: the 1-based line if the parser knows it, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub line: Option<usize>,
    pub detail: String,
}

pub fn read(text: &str) -> Result<Facts, Invalid> {
    let doc: Value = serde_yaml_ng::from_str(text).map_err(|e| Invalid {
        line: e.location().map(|l| l.line()),
        detail: e.to_string(),
    })?;
    let Some(services) = doc.get("services").and_then(Value::as_mapping) else {
        return Ok(Facts::default());
    };
    let mut labels = LabelStyle::default();
    for (_, service) in services {
        for key in label_keys(service) {
            labels.v1 |= is_v1_label(&key);
            labels.v2 |= is_v2_label(&key);
        }
    }
    Ok(Facts {
        proxy: find_proxy(services),
        labels,
    })
}

/// By image first (that is what runs), then by the container name every
/// Elexis-OOB release gives its proxy, then by the service name.
fn find_proxy(services: &Mapping) -> Option<Proxy> {
    let image_of = |s: &Value| s.get("image").and_then(scalar);
    let by_image = services
        .iter()
        .find(|(_, s)| image_of(s).is_some_and(|i| traefik_tag(&i) != TraefikTag::NotTraefik));
    let by_container = || {
        services
            .iter()
            .find(|(_, s)| s.get("container_name").and_then(scalar).as_deref() == Some("elx_proxy"))
    };
    let by_name = || services.iter().find(|(k, _)| k.as_str() == Some("proxy"));
    let (name, service) = by_image.or_else(by_container).or_else(by_name)?;
    Some(Proxy {
        service: scalar(name).unwrap_or_default(),
        image: image_of(service),
        command: command(service.get("command")),
    })
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `command:` as a list, or as one string that compose splits like a shell
/// would; the Elexis files never quote inside it, so whitespace suffices.
fn command(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
        Some(Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Label keys in either compose form: a list of `key=value` or a mapping.
fn label_keys(service: &Value) -> Vec<String> {
    match service.get("labels") {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(scalar)
            .map(|l| {
                l.split_once('=')
                    .map_or(l.as_str(), |(k, _)| k)
                    .trim()
                    .to_string()
            })
            .collect(),
        Some(Value::Mapping(m)) => m.keys().filter_map(scalar).collect(),
        _ => Vec::new(),
    }
}

fn is_v2_label(key: &str) -> bool {
    ["traefik.http.", "traefik.tcp.", "traefik.udp."]
        .iter()
        .any(|p| key.starts_with(p))
}

/// v1 keys: `traefik.frontend.*`, `traefik.port`, `traefik.backend*`, and
/// the same under a segment (`traefik.internal.frontend.rule`).
fn is_v1_label(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("traefik.") else {
        return false;
    };
    if is_v2_label(key) {
        return false;
    }
    let v1 = |s: &str| s.starts_with("frontend.") || s == "port" || s.starts_with("backend");
    v1(rest) || rest.split_once('.').is_some_and(|(_, tail)| v1(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_syntax() {
        assert!(is_v1_label("traefik.frontend.rule"));
        assert!(is_v1_label("traefik.external.frontend.rule"));
        assert!(is_v1_label("traefik.ui.port"));
        assert!(!is_v1_label("traefik.enable"));
        assert!(!is_v1_label(
            "traefik.http.services.service2.loadbalancer.server.port"
        ));
        assert!(is_v2_label("traefik.http.routers.termine.rule"));
    }

    #[test]
    fn proxy_found_by_image_container_or_name() {
        let f = read("services:\n  web:\n    image: nginx\n  edge:\n    image: docker.io/library/traefik:v2.8\n    command: --api --docker\n")
            .unwrap();
        let p = f.proxy.unwrap();
        assert_eq!((p.service.as_str(), p.command.len()), ("edge", 2));
        let f = read(
            "services:\n  p:\n    image: jwilder/nginx-proxy\n    container_name: elx_proxy\n",
        )
        .unwrap();
        assert_eq!(
            f.proxy.unwrap().image.as_deref(),
            Some("jwilder/nginx-proxy")
        );
        let f = read("services:\n  proxy:\n    build: .\n    labels:\n      traefik.http.routers.x.rule: Host(`a`)\n").unwrap();
        assert_eq!(f.proxy.unwrap().image, None);
        assert!(f.labels.v2 && !f.labels.v1);
    }

    #[test]
    fn bad_yaml_names_the_line() {
        let err = read("services:\n  proxy:\n    image: traefik\n   ports: [80\n").unwrap_err();
        assert_eq!(err.line, Some(4));
        assert_eq!(read("just text").unwrap(), Facts::default());
    }
}
