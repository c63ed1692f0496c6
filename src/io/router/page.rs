//! The router's start page: its title names the router where UPnP is
//! silent. Plain HTTP to the gateway, on to HTTPS where the router sends
//! it, one address only; a bounded read with a short timeout.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_rustls::TlsConnector;

use crate::io::upnp::{
    HttpUrl, WireResponse as Response, wire_get_limited, wire_parse as parse_response,
};
use crate::io::verify::{Recording, client_config};

/// A router's start page fits; a page far larger is not read to the end.
const MAX_PAGE: usize = 64 * 1024;

/// The text of the first `<title>`, with the common entities decoded.
pub fn page_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let raw = html.get(start..end)?;
    let text = decode_entities(raw);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let entity = tail.find(';').filter(|&e| e <= 10).map(|e| &tail[1..e]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => {
                let n = match e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => e.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                n.and_then(char::from_u32)
            }
        });
        match (decoded, entity) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the start page is asked: plain HTTP, or HTTPS where the router
/// sends its page there.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageUrl {
    tls: bool,
    at: SocketAddr,
    path: String,
}

impl PageUrl {
    /// A redirect's target, on the same address only: an absolute
    /// `http://` or `https://` URL, or a path.
    fn follow(&self, location: &str) -> Option<PageUrl> {
        let (tls, rest) = if let Some(r) = strip_scheme(location, "https://") {
            (true, r)
        } else if let Some(r) = strip_scheme(location, "http://") {
            (false, r)
        } else {
            let here = HttpUrl {
                ip: self.at.ip(),
                port: self.at.port(),
                path: self.path.clone(),
            };
            let next = here.join(location).ok()?;
            return Some(PageUrl {
                path: next.path,
                ..self.clone()
            });
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let explicit_port = authority
            .rsplit_once(':')
            .filter(|(_, p)| !p.contains(']'))
            .and_then(|(_, p)| p.parse::<u16>().ok());
        let parsed = HttpUrl::parse(&format!("http://{authority}{path}")).ok()?;
        let port = explicit_port.unwrap_or(if tls { 443 } else { 80 });
        (parsed.ip == self.at.ip()).then(|| PageUrl {
            tls,
            at: SocketAddr::new(parsed.ip, port),
            path: parsed.path,
        })
    }
}

fn strip_scheme<'a>(s: &'a str, scheme: &str) -> Option<&'a str> {
    s.get(..scheme.len())
        .filter(|p| p.eq_ignore_ascii_case(scheme))
        .map(|_| &s[scheme.len()..])
}

/// A GET over TLS. The router's certificate is of its own making and no CA
/// vouches for it, so it is not judged: nothing is sent but the GET, and
/// only the page's title is read, for the screen.
async fn get_tls(url: &PageUrl, limit: Duration) -> Result<Response, String> {
    let config = client_config(Arc::new(Recording::new(None)))?;
    let connector = TlsConnector::from(Arc::new(config));
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: praxis-tls\r\nConnection: close\r\n\r\n",
        url.path,
        url.at.ip()
    );
    let work = async {
        let tcp = TcpStream::connect(url.at)
            .await
            .map_err(|e| e.to_string())?;
        let name = ServerName::IpAddress(url.at.ip().into());
        let mut stream = connector
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS: {e}"))?;
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while buf.len() < MAX_PAGE {
            match stream.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                // Routers often close without TLS's goodbye.
                Err(_) if !buf.is_empty() => break,
                Err(e) => return Err(e.to_string()),
            }
        }
        Ok(buf)
    };
    let raw = timeout(limit, work)
        .await
        .map_err(|_| format!("no answer within {} ms", limit.as_millis()))??;
    parse_response(&raw).ok_or_else(|| "no HTTP answer".to_string())
}

async fn get_page(url: &PageUrl, limit: Duration) -> Result<Response, String> {
    if url.tls {
        get_tls(url, limit).await
    } else {
        let plain = HttpUrl {
            ip: url.at.ip(),
            port: url.at.port(),
            path: url.path.clone(),
        };
        wire_get_limited(&plain, limit, MAX_PAGE).await
    }
}

/// The gateway's start page title. Routers often send `/` on to their
/// login page, or to HTTPS: up to two redirects are followed, on the same
/// address only. A router that refuses plain HTTP is asked over HTTPS.
pub async fn gateway_title(at: SocketAddr, limit: Duration) -> Result<String, String> {
    let mut url = PageUrl {
        tls: false,
        at,
        path: "/".into(),
    };
    for _ in 0..3 {
        let answer = match get_page(&url, limit).await {
            Ok(a) => a,
            Err(_) if !url.tls && url.path == "/" && at.port() == 80 => {
                url = PageUrl {
                    tls: true,
                    at: SocketAddr::new(at.ip(), 443),
                    path: "/".into(),
                };
                get_page(&url, limit).await?
            }
            Err(e) => return Err(e),
        };
        if (300..400).contains(&answer.status) {
            match answer.location.as_deref().and_then(|l| url.follow(l)) {
                Some(next) => {
                    url = next;
                    continue;
                }
                None => return Err(format!("{}: redirected elsewhere", url.at)),
            }
        }
        return page_title(&answer.body).ok_or_else(|| format!("{}: no page title", url.at));
    }
    Err(format!("{}: too many redirects", url.at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_titles() {
        assert_eq!(
            page_title("<html><HEAD><Title lang=de>\n FRITZ!Box </TITLE>").as_deref(),
            Some("FRITZ!Box")
        );
        assert_eq!(
            page_title("<title>Salt &amp; Pepper &#70;iber &#x42;ox</title>").as_deref(),
            Some("Salt & Pepper Fiber Box")
        );
        assert_eq!(
            page_title("<title>a &bogus; b &</title>").as_deref(),
            Some("a &bogus; b &")
        );
        assert_eq!(page_title("<title> </title>"), None);
        assert_eq!(page_title("<h1>no title</h1>"), None);
    }

    #[test]
    fn redirects_stay_on_the_router() {
        let here = PageUrl {
            tls: false,
            at: "192.168.1.1:80".parse().unwrap(),
            path: "/".into(),
        };
        let login = here.follow("/html/login.html").unwrap();
        assert_eq!(
            (login.tls, login.path.as_str()),
            (false, "/html/login.html")
        );
        let https = here.follow("HTTPS://192.168.1.1/start").unwrap();
        assert_eq!(https.at, "192.168.1.1:443".parse().unwrap());
        assert!(https.tls);
        let port = here.follow("https://192.168.1.1:8443").unwrap();
        assert_eq!((port.at.port(), port.path.as_str()), (8443, "/"));
        assert_eq!(here.follow("http://192.0.2.1/"), None);
        assert_eq!(here.follow("https://router.example/"), None);
    }
}
