//! The HTTP-01 responder of the real binary under attack while Pebble
//! validates: one client (127.0.0.2) keeps opening connections that never
//! finish their request head, as many as it can, for the whole issuance.
//! Its share is capped, so Pebble (from 127.0.0.1) still gets through and
//! the certificate is issued. A third address checks that a malformed
//! request line is refused.

#[path = "support/pebble.rs"]
mod pebble;

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};

const ATTACKER: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);
const PROBER: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 3);
/// More than all 64 slots of the responder: without a share per client,
/// this one client would hold every slot of the window.
const WANTED: usize = 80;

fn connect_from(src: Ipv4Addr, port: u16) -> std::io::Result<TcpStream> {
    let s = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    s.bind(&SocketAddr::from((src, 0)).into())?;
    s.connect(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
    Ok(s.into())
}

/// The first line the responder answers `request` with.
fn answer(port: u16, request: &[u8]) -> Option<String> {
    let mut s = connect_from(PROBER, port).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    s.write_all(request).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    let text = String::from_utf8_lossy(&out);
    text.lines().next().map(str::to_string)
}

/// Holds as many unfinished requests from 127.0.0.2 as the responder
/// keeps open, reconnecting as soon as one is closed, until `stop`. Once
/// the responder is up, also asks from 127.0.0.3 with a malformed and a
/// well-formed request line.
fn attack(port: u16, stop: Arc<AtomicBool>, probes: Arc<Mutex<Vec<String>>>) {
    let mut open: Vec<TcpStream> = Vec::new();
    let mut probed = false;
    while !stop.load(Ordering::Relaxed) {
        while open.len() < WANTED {
            let Ok(mut s) = connect_from(ATTACKER, port) else {
                break;
            };
            let _ = s.write_all(b"GET /.well-known/acme-challenge/x HTTP/1.1\r\nHost: a\r\n");
            let _ = s.set_nonblocking(true);
            open.push(s);
        }
        if !open.is_empty() && !probed {
            probed = true;
            let mut p = probes.lock().unwrap();
            for line in ["HTTP/1.1junk", "HTTP/1.1"] {
                let req = format!("GET /.well-known/acme-challenge/x {line}\r\nHost: a\r\n\r\n");
                p.push(answer(port, req.as_bytes()).unwrap_or_default());
            }
        }
        let mut buf = [0u8; 256];
        open.retain_mut(
            |s| matches!(s.read(&mut buf), Err(e) if e.kind() == ErrorKind::WouldBlock),
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_issuance_passes_while_one_client_holds_its_share_of_the_responder() {
    let port = pebble::free_port();
    let pebble = pebble::Pebble::start(port, None, 0);
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let stop = Arc::new(AtomicBool::new(false));
    let probes = Arc::new(Mutex::new(Vec::new()));
    let attacker = {
        let (stop, probes) = (stop.clone(), probes.clone());
        std::thread::spawn(move || attack(port, stop, probes))
    };

    let o = pebble
        .praxis(port, &state)
        .args([
            "certificate",
            "--domain",
            "termine.praxis-muster.ch",
            "--email",
            "it@praxis-muster.ch",
            "--accept-terms",
            "--no-firewall",
        ])
        .output()
        .unwrap();
    stop.store(true, Ordering::Relaxed);
    attacker.join().unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let log = std::fs::read_to_string(state.join("praxis-tls.log")).unwrap_or_default();
    eprintln!("{out}\n--- log\n{log}");
    assert_eq!(o.status.code(), Some(0), "{out}\n{}", pebble.log());
    // The attacker did hold its share during the issuance.
    assert!(
        log.contains("responder: 127.0.0.2 already holds 8 connections"),
        "{log}"
    );
    let probes = probes.lock().unwrap().clone();
    assert_eq!(
        probes,
        ["HTTP/1.1 400 Bad Request", "HTTP/1.1 404 Not Found"],
        "a malformed request line, then a well-formed one"
    );
}
