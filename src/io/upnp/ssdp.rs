//! SSDP search (UPnP Device Architecture 1.1, 1.3.2): an M-SEARCH for the
//! gateway device and its WAN connection services, sent to the multicast
//! group (or a test's responder), answered by unicast `HTTP/1.1 200 OK`
//! with a `LOCATION` header.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use reqwest::Url;
use tokio::net::UdpSocket;
use tokio::time::{Instant, timeout_at};

use super::wire;

/// What the search asks for: the device in both versions, and the
/// services, which some routers announce without the device.
pub const SEARCH_TARGETS: [&str; 5] = [
    "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
    "urn:schemas-upnp-org:device:InternetGatewayDevice:2",
    "urn:schemas-upnp-org:service:WANIPConnection:1",
    "urn:schemas-upnp-org:service:WANIPConnection:2",
    "urn:schemas-upnp-org:service:WANPPPConnection:1",
];

/// After the first answer, how long to wait for others (a second router,
/// a repeater) before going on with what came.
const GRACE: Duration = Duration::from_millis(300);
/// UDP may drop the first datagrams; the search is sent once more.
const RESEND: Duration = Duration::from_millis(600);

pub fn m_search(target: SocketAddr, st: &str) -> String {
    format!(
        "M-SEARCH * HTTP/1.1\r\nHOST: {target}\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n\
         ST: {st}\r\nUSER-AGENT: Linux/1 UPnP/1.1 praxis-tls/1\r\n\r\n"
    )
}

/// The description URL from one answer, if it is an answer to our search.
/// The URL must point at the device that answered: a LOCATION elsewhere
/// would make this program fetch from a host of someone else's choosing.
pub fn location(answer: &[u8], from: IpAddr) -> Result<Url, String> {
    let text = std::str::from_utf8(answer).map_err(|_| "answer is not text".to_string())?;
    let mut lines = text.split("\r\n");
    let status = lines.next().unwrap_or_default();
    if !(status.starts_with("HTTP/1.") && status.split(' ').nth(1) == Some("200")) {
        return Err(format!("not a search answer: {status:?}"));
    }
    let mut loc = None;
    let mut st = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        match name.trim().to_ascii_lowercase().as_str() {
            "location" => loc = Some(value.trim()),
            "st" => st = Some(value.trim()),
            _ => {}
        }
    }
    if let Some(st) = st
        && !SEARCH_TARGETS.contains(&st)
    {
        return Err(format!("answer for another search target {st:?}"));
    }
    let url = wire::parse(loc.ok_or("answer without LOCATION")?)?;
    if wire::ip(&url) != Some(from) {
        return Err(format!(
            "LOCATION {url} does not point at the sender {from}"
        ));
    }
    Ok(url)
}

async fn send_all(socket: &UdpSocket, target: SocketAddr) -> Result<(), String> {
    for st in SEARCH_TARGETS {
        socket
            .send_to(m_search(target, st).as_bytes(), target)
            .await
            .map_err(|e| format!("SSDP search to {target}: {e}"))?;
    }
    Ok(())
}

/// Keeps the first few reasons; a flood of strange datagrams adds nothing.
fn note(reasons: &mut Vec<String>, reason: String) {
    if reasons.len() < 6 {
        reasons.push(reason);
    }
}

/// The description URLs that answered before `deadline`, first answer
/// first; an empty list with the reasons when none did.
pub async fn search(target: SocketAddr, deadline: Instant) -> Result<Vec<Url>, Vec<String>> {
    let bind: IpAddr = if target.ip().is_loopback() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    };
    let socket = UdpSocket::bind(SocketAddr::new(bind, 0))
        .await
        .map_err(|e| vec![format!("SSDP socket: {e}")])?;
    // UDA: a TTL of 2 by default, so that the search stays near.
    if target.ip().is_multicast() {
        let _ = socket.set_multicast_ttl_v4(2);
    }
    send_all(&socket, target).await.map_err(|e| vec![e])?;
    let mut resend = Some(Instant::now() + RESEND);
    let mut end = deadline;
    let mut found: Vec<Url> = Vec::new();
    let mut rejected = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        let wake = resend.map_or(end, |r| r.min(end));
        match timeout_at(wake, socket.recv_from(&mut buf)).await {
            Ok(Ok((n, from))) => match location(&buf[..n], from.ip()) {
                Ok(url) if !found.contains(&url) => {
                    if found.is_empty() {
                        end = end.min(Instant::now() + GRACE);
                        resend = None;
                    }
                    found.push(url);
                }
                Ok(_) => {}
                Err(e) => note(&mut rejected, format!("{from}: {e}")),
            },
            // ICMP port unreachable from a loopback target, for instance.
            Ok(Err(e)) => note(&mut rejected, format!("SSDP: {e}")),
            Err(_) if Some(wake) == resend => {
                resend = None;
                if let Err(e) = send_all(&socket, target).await {
                    note(&mut rejected, e);
                }
            }
            Err(_) => break,
        }
    }
    if found.is_empty() {
        rejected.insert(0, format!("no UPnP Internet gateway answered at {target}"));
        Err(rejected)
    } else {
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 168, 178, 1));

    #[test]
    fn takes_the_location_of_a_gateway_answer() {
        let answer = b"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n\
            Location: http://192.168.178.1:49000/igddesc.xml\r\nSERVER: Router UPnP/1.0\r\n\
            ST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n";
        let url = location(answer, FROM).unwrap();
        assert_eq!(url.to_string(), "http://192.168.178.1:49000/igddesc.xml");
    }

    #[test]
    fn refuses_foreign_answers() {
        let elsewhere = b"HTTP/1.1 200 OK\r\nLOCATION: http://10.9.9.9/desc.xml\r\n\r\n";
        assert!(location(elsewhere, FROM).unwrap_err().contains("sender"));
        let other_st = b"HTTP/1.1 200 OK\r\nLOCATION: http://192.168.178.1/d.xml\r\nST: urn:schemas-upnp-org:device:MediaRenderer:1\r\n\r\n";
        assert!(location(other_st, FROM).is_err());
        let notify = b"NOTIFY * HTTP/1.1\r\nLOCATION: http://192.168.178.1/d.xml\r\n\r\n";
        assert!(location(notify, FROM).is_err());
        assert!(location(b"HTTP/1.1 200 OK\r\n\r\n", FROM).is_err());
        assert!(location(&[0xff, 0xfe], FROM).is_err());
    }

    #[test]
    fn the_search_names_the_target() {
        let s = m_search("239.255.255.250:1900".parse().unwrap(), SEARCH_TARGETS[0]);
        assert!(s.starts_with("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"));
        assert!(s.contains("MAN: \"ssdp:discover\"\r\n"));
        assert!(s.ends_with("\r\n\r\n"));
    }
}
