//! Plain HTTP to the router: a GET for the device description and the SOAP
//! POST. URLs must name the router by IP address; nothing here resolves
//! names.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use crate::io::http_client;

/// A device description is a few KiB; anything far larger is not one.
const MAX_RESPONSE: usize = 256 * 1024;

/// A plain `http://` URL naming its host by address.
pub fn parse(s: &str) -> Result<Url, String> {
    let url = Url::parse(s).map_err(|e| format!("{s:?}: {e}"))?;
    checked(url, s)
}

/// Resolves a URL from a description against `base` (RFC 3986).
pub fn join(base: &Url, reference: &str) -> Result<Url, String> {
    let url = base
        .join(reference)
        .map_err(|e| format!("{reference:?}: {e}"))?;
    checked(url, reference)
}

fn checked(url: Url, s: &str) -> Result<Url, String> {
    if url.scheme() != "http" {
        return Err(format!("{s:?} is not a plain http:// URL"));
    }
    if ip(&url).is_none() {
        return Err(format!("{s:?} does not name the router by address"));
    }
    Ok(url)
}

/// The address a URL names, if it names one.
pub fn ip(url: &Url) -> Option<IpAddr> {
    url.host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

fn client(limit: Duration) -> Result<reqwest::Client, String> {
    http_client::build(http_client::builder(limit).timeout(limit), None)
}

pub async fn get(url: &Url, limit: Duration) -> Result<Response, String> {
    let request = client(limit)?
        .get(url.clone())
        .header(ACCEPT, "text/xml, */*");
    answer(request).await
}

/// Calls a UPnP action without arguments.
pub async fn soap(
    url: &Url,
    service_type: &str,
    action: &str,
    limit: Duration,
) -> Result<Response, String> {
    let body = format!(
        "<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
         s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>\
         <u:{action} xmlns:u=\"{service_type}\"></u:{action}></s:Body></s:Envelope>\r\n"
    );
    let request = client(limit)?
        .post(url.clone())
        .header(CONTENT_TYPE, "text/xml; charset=\"utf-8\"")
        .header("SOAPAction", format!("\"{service_type}#{action}\""))
        .body(body);
    answer(request).await
}

async fn answer(request: reqwest::RequestBuilder) -> Result<Response, String> {
    let mut response = request.send().await.map_err(|e| {
        if e.is_timeout() {
            "no answer in time".to_string()
        } else {
            http_client::describe(&e)
        }
    })?;
    let status = response.status().as_u16();
    let body = http_client::body_limited(&mut response, MAX_RESPONSE).await;
    Ok(Response {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_joins_urls() {
        let u = parse("http://192.168.178.1:49000/igddesc.xml").unwrap();
        assert_eq!(u.as_str(), "http://192.168.178.1:49000/igddesc.xml");
        let c = join(&u, "/igdupnp/control/WANIPConn1").unwrap();
        assert_eq!(
            c.as_str(),
            "http://192.168.178.1:49000/igdupnp/control/WANIPConn1"
        );
        let r = parse("HTTP://10.0.0.1/rootDesc.xml").unwrap();
        assert_eq!(r.port_or_known_default(), Some(80));
        assert_eq!(join(&r, "ctl/IPConn").unwrap().path(), "/ctl/IPConn");
        let deep = parse("http://10.0.0.1:5000/a/b/desc.xml").unwrap();
        assert_eq!(join(&deep, "ctl").unwrap().path(), "/a/b/ctl");
        let v6 = parse("http://[fe80::1]:1900/x").unwrap();
        assert_eq!(v6.as_str(), "http://[fe80::1]:1900/x");
        assert_eq!(ip(&v6), Some("fe80::1".parse().unwrap()));
        assert!(parse("https://10.0.0.1/").is_err());
        assert!(parse("http://router.local/desc.xml").is_err());
        assert!(parse("http://10.0.0.1:x/").is_err());
        assert!(join(&r, "https://10.0.0.1/ctl").is_err());
    }
}
