//! The practice lab's network: three network namespaces joined by veth
//! pairs, so the wizard's reachability logic meets a real NAT router with
//! real port forwards instead of a mock.
//!
//! ```text
//!  internet (198.51.100.10)          router                 practice (192.0.2.10)
//!     eth0 ───────────── wan 198.51.100.1 | lan 192.0.2.1 ───────────── eth0
//! ```
//!
//! Both ranges are documentation prefixes (RFC 5737) that exist only inside
//! these namespaces: the router has no route out of them, and the host's own
//! namespace is never touched, so no lab packet can leave the machine.
//! `scripts/lab` builds the same network by hand; keep the two in step.

use std::fs::File;
use std::future::Future;
use std::io::{self, Write};
use std::net::Ipv4Addr;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The internet host: an ACME validator, Pebble, the public DNS.
pub const INTERNET_ADDR: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 10);
/// The router's public address, the one `termine.<domain>` points to.
pub const WAN_ADDR: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 1);
pub const LAN_GATEWAY: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
/// The Elexis-OOB server in the back room.
pub const SERVER_ADDR: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);

const PREFIX: &str = "praxis-lab-";
const TABLE: &str = "praxis_lab";

/// What the router does with inbound connections; changed at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouterConfig {
    /// External 443 → server:443.
    pub forward_443: bool,
    /// External 80 → server:<port> (the responder's, or a stand-in's).
    pub forward_80: Option<u16>,
    /// Connections from the LAN to the WAN address are forwarded too.
    pub hairpin: bool,
    /// Closed ports drop instead of refusing, as a "stealth" router does.
    pub stealth: bool,
}

impl Default for RouterConfig {
    fn default() -> Self {
        RouterConfig {
            forward_443: true,
            forward_80: Some(praxis_tls::core::DEFAULT_RESPONDER_PORT),
            hairpin: false,
            stealth: false,
        }
    }
}

/// The router's whole ruleset, replaced atomically by each change (the
/// leading `table` + `delete table` makes the script work whether or not
/// the table exists yet).
pub fn router_rules(cfg: &RouterConfig) -> String {
    // Without hairpin only packets arriving from outside are forwarded, so
    // the server reaching for its own public address hits the router itself.
    let from = if cfg.hairpin {
        "iifname { \"wan\", \"lan\" }"
    } else {
        "iifname \"wan\""
    };
    let mut pre = String::new();
    if cfg.forward_443 {
        pre.push_str(&format!(
            "    {from} ip daddr {WAN_ADDR} tcp dport 443 dnat to {SERVER_ADDR}:443\n"
        ));
    }
    if let Some(port) = cfg.forward_80 {
        pre.push_str(&format!(
            "    {from} ip daddr {WAN_ADDR} tcp dport 80 dnat to {SERVER_ADDR}:{port}\n"
        ));
    }
    let mut post = String::from("    oifname \"wan\" masquerade\n");
    if cfg.hairpin {
        // The server must see the router as the peer, or its answer would
        // go straight back to itself and never match the connection.
        post.push_str("    iifname \"lan\" oifname \"lan\" ct status dnat masquerade\n");
    }
    let input = if cfg.stealth {
        "    iifname \"wan\" tcp dport { 80, 443 } drop\n"
    } else {
        ""
    };
    format!(
        "table ip {TABLE}\ndelete table ip {TABLE}\ntable ip {TABLE} {{\n\
         \x20 chain prerouting {{\n    type nat hook prerouting priority dstnat; policy accept;\n{pre}  }}\n\
         \x20 chain postrouting {{\n    type nat hook postrouting priority srcnat; policy accept;\n{post}  }}\n\
         \x20 chain input {{\n    type filter hook input priority filter; policy accept;\n{input}  }}\n\
         }}\n"
    )
}

fn run(program: &str, args: &[&str], stdin: Option<&str>) -> io::Result<Output> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(io::Error::other(format!(
            "{program} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

fn ip(args: &[&str]) -> io::Result<Output> {
    run("ip", args, None)
}

/// `ip -n NS <words>`; `words` holds no quoted arguments.
fn ip_in(ns: &str, words: &str) -> io::Result<Output> {
    let mut args = vec!["-n", ns];
    args.extend(words.split_whitespace());
    ip(&args)
}

/// Why the lab cannot run here, or `None` when it can. Tests skip with this.
pub fn unavailable() -> Option<String> {
    if !nix::unistd::geteuid().is_root() {
        return Some("network namespaces need root".into());
    }
    if run("nft", &["--version"], None).is_err() {
        return Some("nft is missing (apt-get install nftables)".into());
    }
    let probe = format!("{PREFIX}{}-probe", std::process::id());
    match ip(&["netns", "add", &probe]) {
        Ok(_) => {
            let _ = ip(&["netns", "delete", &probe]);
            None
        }
        Err(e) => Some(format!("`ip netns add` does not work here: {e}")),
    }
}

/// Deletes namespaces of earlier runs that were killed before their Drop
/// ran: same prefix, and the pid in the name no longer exists.
pub fn remove_leftovers() {
    let Ok(out) = ip(&["netns", "list"]) else {
        return;
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Some(name) = line.split_whitespace().next() else {
            continue;
        };
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            delete_namespace(name);
        }
    }
}

/// Processes still inside keep the namespace's network alive: end them first.
fn delete_namespace(name: &str) {
    if let Ok(out) = ip(&["netns", "pids", name]) {
        for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            if let Ok(pid) = pid.parse::<i32>() {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGKILL,
                );
            }
        }
    }
    let _ = ip(&["netns", "delete", name]);
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub struct Lab {
    pub internet: String,
    pub router: String,
    pub practice: String,
    config: RouterConfig,
    children: Vec<Child>,
}

impl Lab {
    /// Builds the three namespaces with `config` on the router.
    pub fn start(config: RouterConfig) -> io::Result<Lab> {
        remove_leftovers();
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let base = format!("{PREFIX}{}-{n}", std::process::id());
        let lab = Lab {
            internet: format!("{base}-internet"),
            router: format!("{base}-router"),
            practice: format!("{base}-practice"),
            config,
            children: Vec::new(),
        };
        // From here on, Drop removes whatever was created if a step fails.
        for ns in lab.namespaces() {
            ip(&["netns", "add", &ns])?;
            ip_in(&ns, "link set lo up")?;
        }
        let (inet, router, practice) = (&lab.internet, &lab.router, &lab.practice);
        // Made inside the router, so no name ever exists in the host's namespace.
        ip_in(
            router,
            &format!("link add wan type veth peer name eth0 netns {inet}"),
        )?;
        ip_in(
            router,
            &format!("link add lan type veth peer name eth0 netns {practice}"),
        )?;
        for (ns, dev, addr) in [
            (inet, "eth0", INTERNET_ADDR),
            (router, "wan", WAN_ADDR),
            (router, "lan", LAN_GATEWAY),
            (practice, "eth0", SERVER_ADDR),
        ] {
            ip_in(ns, &format!("addr add {addr}/24 dev {dev}"))?;
            ip_in(ns, &format!("link set {dev} up"))?;
        }
        ip_in(practice, &format!("route add default via {LAN_GATEWAY}"))?;
        lab.exec(router, &["sysctl", "-qw", "net.ipv4.ip_forward=1"])?;
        lab.apply()?;
        Ok(lab)
    }

    fn namespaces(&self) -> [String; 3] {
        [
            self.internet.clone(),
            self.router.clone(),
            self.practice.clone(),
        ]
    }

    pub fn config(&self) -> RouterConfig {
        self.config
    }

    pub fn set(&mut self, config: RouterConfig) -> io::Result<()> {
        self.config = config;
        self.apply()
    }

    /// Changes some switches, e.g. `lab.switch(|c| c.hairpin = false)`.
    pub fn switch(&mut self, change: impl FnOnce(&mut RouterConfig)) -> io::Result<()> {
        let mut config = self.config;
        change(&mut config);
        self.set(config)
    }

    fn apply(&self) -> io::Result<()> {
        let rules = router_rules(&self.config);
        run(
            "ip",
            &["netns", "exec", &self.router, "nft", "-f", "-"],
            Some(&rules),
        )
        .map(drop)
    }

    /// Runs a command inside a namespace and waits for it.
    pub fn exec(&self, ns: &str, args: &[&str]) -> io::Result<Output> {
        let mut all = vec!["netns", "exec", ns];
        all.extend_from_slice(args);
        ip(&all)
    }

    /// Starts a long-running program (Pebble, a DNS server) inside a
    /// namespace; it is killed when the lab is dropped.
    pub fn spawn(&mut self, ns: &str, program: &str, args: &[&str]) -> io::Result<u32> {
        let child = Command::new("ip")
            .args(["netns", "exec", ns, program])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let pid = child.id();
        self.children.push(child);
        Ok(pid)
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
        for ns in self.namespaces() {
            delete_namespace(&ns);
        }
    }
}

/// A tokio runtime whose one thread lives in a network namespace: every
/// socket a task on it opens (listener or client) belongs to that
/// namespace. `setns` changes only the calling thread, so the test process
/// and its other threads stay where they are. Blocking-pool threads (DNS
/// lookups by name) do not follow: give tasks addresses, not names.
pub struct NsRuntime {
    handle: tokio::runtime::Handle,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl NsRuntime {
    pub fn enter(ns: &str) -> io::Result<NsRuntime> {
        let path = format!("/run/netns/{ns}");
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("netns {ns}"))
            .spawn(move || {
                let setup = || -> io::Result<tokio::runtime::Runtime> {
                    let file = File::open(&path)?;
                    nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWNET)
                        .map_err(io::Error::from)?;
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                };
                match setup() {
                    Ok(rt) => {
                        let _ = ready_tx.send(Ok(rt.handle().clone()));
                        rt.block_on(async {
                            let _ = stop_rx.await;
                        });
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                    }
                }
            })?;
        let handle = ready_rx
            .recv()
            .map_err(|_| io::Error::other("namespace thread died"))??;
        Ok(NsRuntime {
            handle,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Runs `fut` inside the namespace and waits for its result. Call it
    /// from plain test code, not from within another runtime.
    pub fn run<F>(&self, fut: F) -> F::Output
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::channel();
        self.handle.spawn(async move {
            let _ = tx.send(fut.await);
        });
        match rx.recv() {
            Ok(out) => out,
            Err(_) => panic!("the task inside the namespace panicked"),
        }
    }

    /// Starts `fut` inside the namespace and returns at once.
    pub fn spawn<F>(&self, fut: F) -> tokio::task::JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.handle.spawn(fut)
    }
}

impl Drop for NsRuntime {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
