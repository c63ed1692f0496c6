//! The HTTP-01 challenge responder: a deliberately tiny HTTP/1.1 server that
//! answers `GET /.well-known/acme-challenge/<token>` for the tokens it was
//! given and 404 for everything else.
//!
//! Hand-written rather than hyper: it serves one path shape to one kind of
//! client, closes every connection after one answer, and never reads a
//! body. Owning the few lines of parsing lets us bound the header size and
//! the time a client may take exactly, and keeps an internet-facing
//! listener free of features (keep-alive, chunked bodies, upgrades) nobody
//! asked for. Strict byte matching of the path is also the whole defence
//! against traversal: anything but the literal prefix followed by base64url
//! characters is a 404, so `..`, `%2e` and friends never reach a lookup.

mod conn;
pub mod port_owner;

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};

use crate::core::Text;
pub use port_owner::PortHolder;

/// Ports an Elexis-OOB server already uses; the responder never takes them.
pub const RESERVED_PORTS: [u16; 8] = [80, 443, 3000, 3030, 3312, 4040, 5984, 8080];

/// Fixed, because the router forwards external port 80 here permanently.
/// Below Linux's ephemeral range (32768–60999), so an outgoing connection
/// never happens to hold it.
pub const DEFAULT_PORT: u16 = crate::core::DEFAULT_RESPONDER_PORT;

#[derive(Debug, Clone)]
pub struct ResponderConfig {
    /// 0 lets the system choose (tests).
    pub port: u16,
    pub v4: Option<Ipv4Addr>,
    /// Failing to bind here is tolerated when the host has no IPv6.
    pub v6: Option<Ipv6Addr>,
    /// A client must have sent its complete request head within this time.
    pub header_timeout: Duration,
    pub max_header_bytes: usize,
    pub max_connections: usize,
    /// Open connections one client may hold (an IPv6 client: its /64).
    /// A CA validates from several places and retries, each place with one
    /// or two connections; 8 leaves room for that and keeps one client
    /// from taking every slot of the window.
    pub max_per_client: usize,
}

impl Default for ResponderConfig {
    fn default() -> Self {
        ResponderConfig {
            port: DEFAULT_PORT,
            v4: Some(Ipv4Addr::UNSPECIFIED),
            v6: Some(Ipv6Addr::UNSPECIFIED),
            // A CA's request head arrives in one packet; 3 s is generous
            // for it and makes a held slot cheap to win back.
            header_timeout: Duration::from_secs(3),
            max_header_bytes: 8 * 1024,
            max_connections: 64,
            max_per_client: 8,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ResponderError {
    #[error("port {port} is used by Elexis-OOB")]
    Reserved { port: u16 },
    #[error("port {port} is in use{}", holder_suffix(.holder))]
    InUse {
        port: u16,
        holder: Option<PortHolder>,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: io::Error },
    #[error("no address to listen on")]
    NoAddress,
    #[error("not a valid ACME token: {0:?}")]
    InvalidToken(String),
}

fn holder_suffix(h: &Option<PortHolder>) -> String {
    match h {
        Some(h) => format!(" by {} (pid {})", h.program, h.pid),
        None => String::new(),
    }
}

impl ResponderError {
    pub fn text(&self) -> Text {
        match self {
            ResponderError::Reserved { port } => {
                Text::new("responder-port-reserved").num("port", port)
            }
            ResponderError::InUse {
                port,
                holder: Some(h),
            } => Text::new("responder-port-in-use")
                .num("port", port)
                .arg("program", h.program.clone())
                .num("pid", h.pid),
            ResponderError::InUse { port, holder: None } => {
                Text::new("responder-port-in-use-unknown").num("port", port)
            }
            ResponderError::Bind { addr, source } => Text::new("responder-bind-failed")
                .arg("address", addr.to_string())
                .arg("error", source.to_string()),
            ResponderError::NoAddress => Text::new("responder-no-address"),
            ResponderError::InvalidToken(t) => {
                Text::new("responder-invalid-token").arg("token", t.clone())
            }
        }
    }
}

/// base64url without padding, as RFC 8555 defines tokens.
pub fn valid_token(token: &str) -> bool {
    (1..=256).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether the port can be bound on all IPv4 addresses right now.
pub fn port_is_free(port: u16) -> bool {
    std::net::TcpListener::bind((Ipv4Addr::UNSPECIFIED, port)).is_ok()
}

pub(crate) struct Shared {
    tokens: Mutex<HashMap<String, String>>,
    header_timeout: Duration,
    max_header_bytes: usize,
    max_per_client: usize,
    /// Open connections per client, and whether its refusal was logged.
    clients: Mutex<HashMap<IpAddr, (usize, bool)>>,
}

/// One open connection of a client; gives its place back when dropped.
struct ClientSlot {
    shared: Arc<Shared>,
    client: IpAddr,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut guard = self
            .shared
            .clients
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = guard.get_mut(&self.client) {
            entry.0 = entry.0.saturating_sub(1);
            if entry.0 == 0 {
                guard.remove(&self.client);
            }
        }
    }
}

/// The address a limit applies to: IPv4 as is (also when mapped into
/// IPv6), IPv6 by its /64, the block one subscriber usually gets.
fn client_of(addr: IpAddr) -> IpAddr {
    match addr.to_canonical() {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

impl Shared {
    /// A place for one more connection of `peer`, or `None` when it
    /// already holds its share.
    fn admit(self: &Arc<Self>, peer: IpAddr) -> Option<ClientSlot> {
        let client = client_of(peer);
        let mut guard = self.clients.lock().unwrap_or_else(|p| p.into_inner());
        let entry = guard.entry(client).or_insert((0, false));
        if entry.0 >= self.max_per_client {
            // Once per client and burst, so a flood does not flood the log.
            if !entry.1 {
                entry.1 = true;
                tracing::warn!(
                    "responder: {client} already holds {} connections; further ones are closed",
                    self.max_per_client
                );
            }
            return None;
        }
        entry.0 += 1;
        Some(ClientSlot {
            shared: self.clone(),
            client,
        })
    }

    fn key_auth(&self, token: &str) -> Option<String> {
        let guard = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        guard.get(token).cloned()
    }
}

pub struct Responder {
    shared: Arc<Shared>,
    addrs: Vec<SocketAddr>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Responder {
    /// Binds now, so a busy port is reported before anything is opened.
    pub async fn start(cfg: ResponderConfig) -> Result<Responder, ResponderError> {
        if RESERVED_PORTS.contains(&cfg.port) {
            return Err(ResponderError::Reserved { port: cfg.port });
        }
        let mut port = cfg.port;
        let mut listeners = Vec::new();
        if let Some(v4) = cfg.v4 {
            let l = bind(SocketAddr::new(IpAddr::V4(v4), port))?;
            port = l.local_addr().map(|a| a.port()).unwrap_or(port);
            listeners.push(l);
        }
        if let Some(v6) = cfg.v6 {
            match bind(SocketAddr::new(IpAddr::V6(v6), port)) {
                Ok(l) => {
                    port = l.local_addr().map(|a| a.port()).unwrap_or(port);
                    listeners.push(l);
                }
                Err(ResponderError::Bind { addr, source }) if no_ipv6(&source) => {
                    tracing::info!("no IPv6 listener on {addr}: {source}");
                }
                Err(e) => return Err(e),
            }
        }
        if listeners.is_empty() {
            return Err(ResponderError::NoAddress);
        }
        let shared = Arc::new(Shared {
            tokens: Mutex::new(HashMap::new()),
            header_timeout: cfg.header_timeout,
            max_header_bytes: cfg.max_header_bytes,
            max_per_client: cfg.max_per_client.max(1),
            clients: Mutex::new(HashMap::new()),
        });
        let (shutdown, rx) = watch::channel(false);
        let limit = Arc::new(Semaphore::new(cfg.max_connections.max(1)));
        let mut addrs = Vec::new();
        let mut tasks = Vec::new();
        for l in listeners {
            let addr = l.local_addr().map_err(|source| ResponderError::Bind {
                addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port),
                source,
            })?;
            addrs.push(addr);
            let (shared, rx, limit) = (shared.clone(), rx.clone(), limit.clone());
            tasks.push(tokio::spawn(accept_loop(l, shared, rx, limit)));
        }
        Ok(Responder {
            shared,
            addrs,
            shutdown,
            tasks,
        })
    }

    pub fn add_token(&self, token: &str, key_auth: &str) -> Result<(), ResponderError> {
        if !valid_token(token) {
            return Err(ResponderError::InvalidToken(token.to_string()));
        }
        let mut guard = self.shared.tokens.lock().unwrap_or_else(|p| p.into_inner());
        guard.insert(token.to_string(), key_auth.to_string());
        Ok(())
    }

    pub fn remove_token(&self, token: &str) {
        let mut guard = self.shared.tokens.lock().unwrap_or_else(|p| p.into_inner());
        guard.remove(token);
    }

    pub fn local_addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    pub fn port(&self) -> u16 {
        self.addrs.first().map(|a| a.port()).unwrap_or(0)
    }

    /// Closes the listeners and cuts off open connections; returns once
    /// the port is free again.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

fn no_ipv6(e: &io::Error) -> bool {
    const EAFNOSUPPORT: i32 = 97;
    e.kind() == io::ErrorKind::AddrNotAvailable || e.raw_os_error() == Some(EAFNOSUPPORT)
}

fn bind(addr: SocketAddr) -> Result<TcpListener, ResponderError> {
    let err = |source: io::Error| {
        if source.kind() == io::ErrorKind::AddrInUse {
            ResponderError::InUse {
                port: addr.port(),
                holder: port_owner::find(addr.port()),
            }
        } else {
            ResponderError::Bind { addr, source }
        }
    };
    let socket =
        Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP)).map_err(err)?;
    if addr.is_ipv6() {
        // Separate IPv4 and IPv6 sockets on the same port need this.
        socket.set_only_v6(true).map_err(err)?;
    }
    // Lets a new window start while connections of the last one linger in
    // TIME_WAIT; it does not allow sharing a port with a live listener.
    socket.set_reuse_address(true).map_err(err)?;
    socket.set_nonblocking(true).map_err(err)?;
    socket.bind(&addr.into()).map_err(err)?;
    socket.listen(128).map_err(err)?;
    TcpListener::from_std(socket.into()).map_err(err)
}

async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
    limit: Arc<Semaphore>,
) {
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            // A dropped Responder also ends the loop (the sender is gone).
            _ = stop.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    // Over a limit: close at once rather than queue. The
                    // client's own limit first, so its excess never takes
                    // a slot from others.
                    let Some(slot) = shared.admit(peer.ip()) else {
                        continue;
                    };
                    let Ok(permit) = limit.clone().try_acquire_owned() else {
                        continue;
                    };
                    let shared = shared.clone();
                    conns.spawn(async move {
                        conn::serve(stream, &shared).await;
                        drop(permit);
                        drop(slot);
                    });
                }
                // Out of file descriptors and the like: do not spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            Some(_) = conns.join_next(), if !conns.is_empty() => {}
        }
    }
    conns.abort_all();
}

#[cfg(test)]
mod client_tests {
    use super::client_of;
    use std::net::IpAddr;

    #[test]
    fn ipv6_clients_count_by_their_64_and_mapped_ipv4_as_ipv4() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(client_of(ip("2001:db8:1:2:a::1")), ip("2001:db8:1:2::"));
        assert_eq!(
            client_of(ip("2001:db8:1:2:b::9")),
            client_of(ip("2001:db8:1:2::7"))
        );
        assert_ne!(client_of(ip("2001:db8:1:3::1")), ip("2001:db8:1:2::"));
        assert_eq!(client_of(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
        assert_eq!(client_of(ip("192.0.2.7")), ip("192.0.2.7"));
    }
}
