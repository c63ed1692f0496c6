//! The suite's harness: the real executor with an `IoConfig` aimed at the
//! test's own servers, the core driven with what comes back, and the screen
//! read the way the person reads it (80×24, German, page by page).

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use praxis_tls::core::library::firewall::Detection;
use praxis_tls::core::library::start::{Generation, Installation};
use praxis_tls::core::{Action, Effect, Lang, Msg, Overlay, Step, Wizard, library::domain, update};
use praxis_tls::io::dns::DnsConfig;
use praxis_tls::io::exec::{Executor, IoConfig};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::store::Store;
use praxis_tls::ui::{Theme, ViewCtx, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::mpsc;

pub const EMAIL: &str = "praxis@praxis-muster.ch";

pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

pub struct Rig {
    pub state: tempfile::TempDir,
    pub exec: Executor,
    /// Answers `DetectFirewall` in place of this host's firewall, so that
    /// nothing is ever applied to the machine running the tests.
    pub firewall: Option<Detection>,
    pub responder_port: u16,
    tx: mpsc::UnboundedSender<Msg>,
    rx: mpsc::UnboundedReceiver<Msg>,
}

impl Rig {
    /// No check may leave the machine: DNS, discovery and UPnP stay on
    /// loopback unless `cfg` points them at a server of the test.
    pub fn new(cfg: impl FnOnce(&mut IoConfig)) -> Rig {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let state = tempfile::tempdir().unwrap();
        let dns = DnsConfig {
            server: Some(SocketAddr::from((Ipv4Addr::LOCALHOST, 9))),
            timeout: Duration::from_secs(2),
        };
        let mut c = IoConfig::new(state.path(), dns);
        c.discovery.v4_dns = vec![];
        c.discovery.v6_dns = vec![];
        c.discovery.v4_http = vec![];
        c.discovery.v6_http = vec![];
        c.discovery.timeout = Duration::from_secs(2);
        c.upnp.ssdp_target = SocketAddr::from((Ipv4Addr::LOCALHOST, 9));
        c.upnp.discovery_timeout = Duration::from_millis(300);
        c.responder_port = free_port();
        c.probe_timeout = Duration::from_secs(2);
        cfg(&mut c);
        let responder_port = c.responder_port;
        let journal = Journal::open(state.path()).unwrap();
        let (tx, rx) = mpsc::unbounded_channel();
        Rig {
            exec: Executor::new(c, journal, tx.clone()),
            state,
            firewall: None,
            responder_port,
            tx,
            rx,
        }
    }

    /// One key or result through the core; its effects go to the executor.
    /// Returns how many answers they will bring.
    pub fn send(&self, w: &mut Wizard, msg: Msg) -> usize {
        let mut started = 0;
        for e in update(w, msg, now()) {
            match e {
                // The event loop's own work, and closing windows (none here)
                // answers nothing.
                Effect::Persist | Effect::Quit | Effect::CloseFirewall { .. } => {}
                Effect::DetectFirewall { generation } if self.firewall.is_some() => {
                    started += 1;
                    let detection = self.firewall.clone().unwrap_or_default();
                    let port = self.responder_port;
                    let _ = self.tx.send(Msg::FirewallDetected {
                        generation,
                        detection,
                        port,
                    });
                }
                // She stops typing at once: the verdicts held back while she
                // typed come now, as the driver lets them come after a pause.
                Effect::SettleTyping => {
                    started += 1;
                    let _ = self.tx.send(Msg::TypingSettled);
                }
                e => {
                    started += 1;
                    self.exec.run(e);
                }
            }
        }
        started
    }

    pub fn keys(&self, w: &mut Wizard, actions: &[Action]) -> usize {
        actions.iter().map(|a| self.send(w, Msg::Key(*a))).sum()
    }

    pub fn typed(&self, w: &mut Wizard, s: &str) -> usize {
        s.chars()
            .map(|c| self.send(w, Msg::Key(Action::Char(c))))
            .sum()
    }

    /// Feeds the answers back until nothing is in flight.
    pub async fn settle(&mut self, w: &mut Wizard, mut pending: usize) {
        while pending > 0 {
            let msg = tokio::time::timeout(Duration::from_secs(30), self.rx.recv())
                .await
                .expect("an answer from the executor within 30 s")
                .expect("the channel stays open");
            // Progress and output lines report; they answer nothing.
            if !msg.is_report() {
                pending -= 1;
            }
            pending += self.send(w, msg);
        }
    }
}

/// A practice's wizard on `step`, with the answers given on the way: the
/// Elexis-OOB directory (when it runs on the server), the name, the e-mail,
/// the router's forwards confirmed.
pub fn practice(step: Step, name: &str, install: Option<(&Path, Generation)>) -> Wizard {
    let mut w = Wizard::new(Lang::De, now());
    if let Some((dir, generation)) = install {
        w.start.input.set(dir.display().to_string());
        w.start.found = Some(Installation {
            compose_file: Some(dir.join("docker-compose.yaml")),
            local_name: Some("nuno".into()),
            external_name: Some("praxis-muster.ch".into()),
            ..Installation::new(dir.to_path_buf(), generation)
        });
    }
    w.domain.input.set(name);
    w.domain.parsed = domain::parse(name).ok();
    w.certificate.email.set(EMAIL);
    w.confirmed.insert(Step::PortForwarding);
    w.step = step;
    w
}

/// What the person typed and chose: must survive every fault.
pub fn answers(w: &Wizard) -> serde_json::Value {
    serde_json::json!({
        "lang": w.lang,
        "dir": w.start.input.value,
        "found": w.start.found,
        "name": w.domain.input.value,
        "email": w.certificate.email.value,
        "source": w.certificate.source,
        "confirmed": w.confirmed,
        "upload_server": w.golive.upload_server.value,
        "systems": w.systems,
    })
}

/// The answers are still there, and the state can be saved and read back.
pub fn nothing_lost(before: &serde_json::Value, w: &Wizard) {
    assert_eq!(&answers(w), before, "the person's answers are kept");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store.save(w).unwrap();
    let back = store.load().unwrap().expect("saved state reads back");
    assert_eq!(back, praxis_tls::core::resumed(w.clone()));
}

/// Every file under `dir`, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// A fixture's files copied into a directory of the test's own.
pub fn copy_fixture(name: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(fixture(name)).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

pub fn ctx() -> ViewCtx {
    ViewCtx {
        theme: Theme {
            utf8: true,
            color: false,
        },
        server: "nuno".into(),
        responder_port: 28402,
        ..ViewCtx::default()
    }
}

/// The screen at exactly 80×24, as text rows.
pub fn screen(w: &Wizard, ctx: &ViewCtx) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, w, ctx)).unwrap();
    let buffer = t.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

const SIDEBAR: usize = 17;

fn main_area(row: &str) -> String {
    row.chars()
        .skip(SIDEBAR)
        .collect::<String>()
        .trim_end()
        .into()
}

/// Everything the person reads on the step, paging down with PgDn as the
/// screen tells them to, with the wrapped lines joined again.
pub fn reads(w: &Wizard) -> String {
    let mut ctx = ctx();
    if w.network.responder_port != 0 {
        ctx.responder_port = w.network.responder_port;
    }
    reads_with(w, &ctx)
}

pub fn reads_with(w: &Wizard, ctx: &ViewCtx) -> String {
    assert_eq!(w.session.overlay, Overlay::None, "a dialog is in the way");
    let mut w = w.clone();
    w.session.scroll = 0;
    let first = screen(&w, ctx);
    show(&first);
    // The body ends where the step list's border does; below its text come
    // the line that says more follows and two status lines, then the footer.
    let end = first
        .iter()
        .rposition(|r| r.chars().nth(SIDEBAR - 1) == Some('│'))
        .expect("the step list")
        + 1;
    let (text_rows, more) = (1..end - 3, end - 3);
    let mut text: Vec<String> = first[text_rows.clone()]
        .iter()
        .map(|r| main_area(r))
        .collect();
    let mut page = first.clone();
    let mut offset: usize = 0;
    // A PgDn moves ten lines; the last page stops where the text ends.
    while page[more].contains("Weiter unten mehr") {
        let _ = update(&mut w, Msg::Key(Action::PageDown), now());
        offset += 10;
        page = screen(&w, ctx);
        show(&page);
        let rows: Vec<String> = page[text_rows.clone()]
            .iter()
            .map(|r| main_area(r))
            .collect();
        let at = (offset.saturating_sub(9)..=offset)
            .rev()
            .find(|o| {
                let overlap = text.len().saturating_sub(*o).min(rows.len());
                text[*o..*o + overlap] == rows[..overlap]
            })
            .expect("pages overlap");
        text.truncate(at);
        text.extend(rows);
    }
    text.extend(first[more + 1..end].iter().map(|r| main_area(r)));
    text.extend(first[end..].iter().cloned());
    collapse(&text.join(" "))
}

/// `FAULTS_SHOW=1 cargo test --test faults -- --nocapture` prints every
/// page read, for a person to judge the wording.
fn show(rows: &[String]) {
    if std::env::var_os("FAULTS_SHOW").is_some() {
        eprintln!("{}\n", rows.join("\n"));
    }
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that every phrase is on the screen, showing the screen if not.
#[track_caller]
pub fn says(read: &str, phrases: &[&str]) {
    for p in phrases {
        assert!(
            read.contains(&collapse(p)),
            "the screen does not say {p:?}; it reads:\n{read}"
        );
    }
}
