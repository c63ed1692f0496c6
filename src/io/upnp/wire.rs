//! Plain HTTP to the router: a GET for the device description and the SOAP
//! POST, written by hand like `public_ip::http` (whose GET keeps only the
//! first KiB of a body: a description is several KiB). URLs must name the
//! router by IP address; nothing here resolves names.

use std::fmt;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// A device description is a few KiB; anything far larger is not one.
const MAX_RESPONSE: usize = 256 * 1024;

/// `http://<ip>[:port]/path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    pub ip: IpAddr,
    pub port: u16,
    /// Starts with `/`; may carry a query.
    pub path: String,
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "http://{}{}", self.authority(), self.path)
    }
}

impl HttpUrl {
    pub fn parse(s: &str) -> Result<HttpUrl, String> {
        let rest = s
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("http://"))
            .map(|_| &s[7..])
            .ok_or_else(|| format!("{s:?} is not a plain http:// URL"))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !p.contains(']') => {
                let port = p.parse().map_err(|_| format!("{s:?}: bad port"))?;
                (h, port)
            }
            _ => (authority, 80),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let ip = host
            .parse()
            .map_err(|_| format!("{s:?} does not name the router by address"))?;
        Ok(HttpUrl {
            ip,
            port,
            path: path.to_string(),
        })
    }

    /// Resolves a URL from a description against this one (RFC 3986 in
    /// the three shapes routers use: absolute, `/path`, `path`).
    pub fn join(&self, reference: &str) -> Result<HttpUrl, String> {
        if reference.contains("://") {
            return HttpUrl::parse(reference);
        }
        let path = if reference.starts_with('/') {
            reference.to_string()
        } else {
            let dir_end = self.path.split('?').next().unwrap_or("/").rfind('/');
            let dir = &self.path[..dir_end.map_or(0, |i| i + 1)];
            let dir = if dir.is_empty() { "/" } else { dir };
            format!("{dir}{reference}")
        };
        Ok(HttpUrl {
            ip: self.ip,
            port: self.port,
            path,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.ip, self.port)
    }

    fn authority(&self) -> String {
        let host = match self.ip {
            IpAddr::V4(a) => a.to_string(),
            IpAddr::V6(a) => format!("[{a}]"),
        };
        match self.port {
            80 => host,
            p => format!("{host}:{p}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
    /// Where a redirect points.
    pub location: Option<String>,
}

pub async fn get(url: &HttpUrl, limit: Duration) -> Result<Response, String> {
    get_limited(url, limit, MAX_RESPONSE).await
}

/// A GET that reads at most `max` bytes of the answer (head included).
pub async fn get_limited(url: &HttpUrl, limit: Duration, max: usize) -> Result<Response, String> {
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: praxis-tls\r\n\
         Accept: text/xml, */*\r\nConnection: close\r\n\r\n",
        url.path,
        url.authority()
    );
    exchange(url.addr(), request.into_bytes(), limit, max).await
}

/// Calls a UPnP action without arguments.
pub async fn soap(
    url: &HttpUrl,
    service_type: &str,
    action: &str,
    limit: Duration,
) -> Result<Response, String> {
    let body = format!(
        "<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" \
         s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>\
         <u:{action} xmlns:u=\"{service_type}\"></u:{action}></s:Body></s:Envelope>\r\n"
    );
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: praxis-tls\r\n\
         Content-Type: text/xml; charset=\"utf-8\"\r\nSOAPAction: \"{service_type}#{action}\"\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        url.path,
        url.authority(),
        body.len()
    );
    exchange(url.addr(), request.into_bytes(), limit, MAX_RESPONSE).await
}

async fn exchange(
    addr: SocketAddr,
    request: Vec<u8>,
    limit: Duration,
    max: usize,
) -> Result<Response, String> {
    let work = async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(&request).await?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while buf.len() < max && !complete(&buf) {
            match stream.read(&mut chunk).await {
                Ok(0) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e) if !buf.is_empty() && e.kind() == io::ErrorKind::ConnectionReset => break,
                Err(e) => return Err(e),
            }
        }
        Ok(buf)
    };
    let raw = match timeout(limit, work).await {
        Err(_) => return Err(format!("no answer within {} ms", limit.as_millis())),
        Ok(Err(e)) => return Err(e.to_string()),
        Ok(Ok(raw)) => raw,
    };
    parse(&raw).ok_or_else(|| "no HTTP answer".to_string())
}

/// The head, and the body length it announces, when it is all there.
fn head(raw: &[u8]) -> Option<(&str, &[u8])> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    Some((head, &raw[split + 4..]))
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.split("\r\n").skip(1).find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// A server that ignores `Connection: close` still ends a Content-Length body.
fn complete(raw: &[u8]) -> bool {
    let Some((head, body)) = head(raw) else {
        return false;
    };
    header(head, "content-length")
        .and_then(|l| l.parse::<usize>().ok())
        .is_some_and(|len| body.len() >= len)
}

pub fn parse(raw: &[u8]) -> Option<Response> {
    let (head, body) = head(raw)?;
    let mut status = head.split("\r\n").next()?.splitn(3, ' ');
    if !status.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = status.next()?.parse().ok()?;
    let chunked = header(head, "transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        crate::io::public_ip::http::dechunk(body)
    } else {
        let len = header(head, "content-length").and_then(|l| l.parse::<usize>().ok());
        body[..len.map_or(body.len(), |l| l.min(body.len()))].to_vec()
    };
    Some(Response {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
        location: header(head, "location").map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_joins_urls() {
        let u = HttpUrl::parse("http://192.168.178.1:49000/igddesc.xml").unwrap();
        assert_eq!(u.port, 49000);
        assert_eq!(u.to_string(), "http://192.168.178.1:49000/igddesc.xml");
        let c = u.join("/igdupnp/control/WANIPConn1").unwrap();
        assert_eq!(
            c.to_string(),
            "http://192.168.178.1:49000/igdupnp/control/WANIPConn1"
        );
        let r = HttpUrl::parse("HTTP://10.0.0.1/rootDesc.xml").unwrap();
        assert_eq!(r.port, 80);
        assert_eq!(r.join("ctl/IPConn").unwrap().path, "/ctl/IPConn");
        let deep = HttpUrl::parse("http://10.0.0.1:5000/a/b/desc.xml").unwrap();
        assert_eq!(deep.join("ctl").unwrap().path, "/a/b/ctl");
        let v6 = HttpUrl::parse("http://[fe80::1]:1900/x").unwrap();
        assert_eq!(v6.to_string(), "http://[fe80::1]:1900/x");
        assert!(HttpUrl::parse("https://10.0.0.1/").is_err());
        assert!(HttpUrl::parse("http://router.local/desc.xml").is_err());
        assert!(HttpUrl::parse("http://10.0.0.1:x/").is_err());
    }

    #[test]
    fn parses_bodies_by_length_and_chunks() {
        let raw = b"HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 3\r\n\r\nabcdef";
        assert_eq!(parse(raw).unwrap().body, "abc");
        assert!(complete(raw));
        let chunked = b"HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<a>\r\n4\r\n</a>\r\n0\r\n\r\n";
        let r = parse(chunked).unwrap();
        assert_eq!((r.status, r.body.as_str()), (500, "<a></a>"));
        assert!(parse(b"garbage\r\n\r\n").is_none());
    }
}
