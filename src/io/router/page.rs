//! The router's start page: its title names the router where UPnP is
//! silent. Plain HTTP to the gateway, on to HTTPS where the router sends
//! it, one address only; a bounded read with a short timeout.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Url, redirect};

use crate::io::http_client;
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

/// Up to two redirects, on the router's own address only.
fn may_follow(next: &Url, router: IpAddr, followed: usize) -> Result<(), &'static str> {
    let host = next
        .host_str()
        .map(|h| h.trim_start_matches('[').trim_end_matches(']'));
    if host.and_then(|h| h.parse::<IpAddr>().ok()) != Some(router) {
        Err("redirected elsewhere")
    } else if followed >= 2 {
        Err("too many redirects")
    } else {
        Ok(())
    }
}

/// The client for the page, over TLS where the URL or a redirect says so.
/// The router's certificate is of its own making and no CA vouches for it,
/// so it is not judged: nothing is sent but the GET, and only the page's
/// title is read, for the screen.
fn client(router: IpAddr, limit: Duration) -> Result<reqwest::Client, String> {
    let policy = redirect::Policy::custom(move |attempt| {
        // `previous` holds the first URL and every one already followed.
        match may_follow(attempt.url(), router, attempt.previous().len() - 1) {
            Ok(()) => attempt.follow(),
            Err(why) => attempt.error(why),
        }
    });
    let tls = client_config(Arc::new(Recording::new(None)))?;
    let builder = http_client::builder(limit).timeout(limit).redirect(policy);
    http_client::build(builder, Some(tls))
}

async fn get_page(client: &reqwest::Client, url: Url) -> Result<String, reqwest::Error> {
    let mut response = client.get(url).send().await?;
    let body = http_client::body_limited(&mut response, MAX_PAGE).await;
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// The gateway's start page title. Routers often send `/` on to their
/// login page, or to HTTPS: up to two redirects are followed, on the same
/// address only. A router that refuses plain HTTP is asked over HTTPS.
pub async fn gateway_title(at: SocketAddr, limit: Duration) -> Result<String, String> {
    let url = |scheme: &str, at: SocketAddr| {
        Url::parse(&format!("{scheme}://{at}/")).map_err(|e| e.to_string())
    };
    let client = client(at.ip(), limit)?;
    let page = match get_page(&client, url("http", at)?).await {
        Err(e) if at.port() == 80 && !e.is_redirect() => {
            get_page(&client, url("https", SocketAddr::new(at.ip(), 443))?).await
        }
        other => other,
    }
    .map_err(|e| format!("{at}: {}", http_client::describe(&e)))?;
    page_title(&page).ok_or_else(|| format!("{at}: no page title"))
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
        let router: IpAddr = "192.168.1.1".parse().unwrap();
        let to = |u: &str| may_follow(&Url::parse(u).unwrap(), router, 0);
        assert_eq!(to("http://192.168.1.1/html/login.html"), Ok(()));
        assert_eq!(to("HTTPS://192.168.1.1:8443/start"), Ok(()));
        assert_eq!(to("http://192.0.2.1/"), Err("redirected elsewhere"));
        assert_eq!(to("https://router.example/"), Err("redirected elsewhere"));
        let third = may_follow(&Url::parse("http://192.168.1.1/").unwrap(), router, 2);
        assert_eq!(third, Err("too many redirects"));
    }
}
