//! What `tests/e2e_kill_chain.rs` looks at between the kills: one replay
//! run, the saved state as a kill point, and the keys, files and journal
//! on disk after every run.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// One run may take this long: a restart of the compose project is the
/// slowest transition.
const RUN_LIMIT: Duration = Duration::from_secs(180);

pub enum Ended {
    /// SIGKILL, as the hook does it.
    Killed,
    Exited(i32, String),
}

/// `praxis-tls replay` that kills itself after its `saves`-th save; its
/// output goes to `log`.
pub fn run_replay(bin: &str, args: &[String], answers: &Path, saves: u64, log: &Path) -> Ended {
    let out = std::fs::File::create(log).unwrap();
    let mut child = Command::new(bin)
        .args(args)
        .args(["--test-kill-after-saves", &saves.to_string()])
        .arg("replay")
        .arg(answers)
        .arg("--yes")
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "a run took longer than {RUN_LIMIT:?}:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    if status.signal() == Some(9) {
        return Ended::Killed;
    }
    let text = std::fs::read_to_string(log).unwrap_or_default();
    Ended::Exited(status.code().unwrap_or(-1), text)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not whole: {e}", path.display()))
}

/// The saved wizard as a kill point: what a resumed run starts from. A
/// check that was running starts over (`resumed`), and times say nothing
/// about where the walk is.
pub fn signature(state: &Path) -> String {
    let path = state.join("state.json");
    if !path.exists() {
        return String::new();
    }
    let mut w = read_json(&path)["wizard"].take();
    normalize(&mut w);
    w.to_string()
}

fn normalize(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.get("state").and_then(Value::as_str) == Some("running") {
                m.clear();
                m.insert("state".into(), "idle".into());
                return;
            }
            m.retain(|k, _| !matches!(k.as_str(), "updated_at" | "at"));
            if let Some(until) = m.get_mut("window_until") {
                *until = Value::Bool(!until.is_null());
            }
            m.values_mut().for_each(normalize);
        }
        Value::Array(a) => a.iter_mut().for_each(normalize),
        _ => {}
    }
}

/// How many runs began by taking back what the run before left open.
pub fn runs_that_undid(logs: &Path) -> usize {
    let mut files = Vec::new();
    files_under(logs, &mut files);
    files
        .iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .contains("An earlier run was interrupted")
        })
        .count()
}

/// Orders Pebble created, all names and accounts together.
pub fn pebble_orders(log: &str) -> usize {
    log.lines().filter(|l| l.contains("Added order")).count()
}

/// Bytes of a file, `None` when it is not there.
fn bytes(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

fn sha(b: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(b))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// A file the wizard changes: its original, and what each kill left.
struct Changed {
    path: PathBuf,
    original: Option<Vec<u8>>,
    seen: Vec<(usize, Option<Vec<u8>>)>,
}

pub struct Watch {
    state: PathBuf,
    changed: Vec<Changed>,
    /// Files the wizard must never touch, with their bytes.
    fixed: Vec<(PathBuf, Option<Vec<u8>>)>,
    /// Key files (and the ACME account, which holds its key): hash and the
    /// run after which they were first seen.
    keys: BTreeMap<PathBuf, (String, usize)>,
    production: BTreeSet<String>,
}

impl Watch {
    pub fn new(state: &Path, changed: &[PathBuf], fixed: &[PathBuf]) -> Watch {
        Watch {
            state: state.to_path_buf(),
            changed: changed
                .iter()
                .map(|p| Changed {
                    path: p.clone(),
                    original: bytes(p),
                    seen: Vec::new(),
                })
                .collect(),
            fixed: fixed.iter().map(|p| (p.clone(), bytes(p))).collect(),
            keys: BTreeMap::new(),
            production: BTreeSet::new(),
        }
    }

    /// Everything that must hold after every run (each but the last one
    /// killed); `run` counts the runs.
    pub fn after_run(&mut self, run: usize) {
        let state = read_json(&self.state.join("state.json"));
        if let Some(url) = state["wizard"]["certificate"]["production_order"].as_str() {
            self.production.insert(url.to_string());
        }
        self.keys_kept(run);
        for (path, before) in &self.fixed {
            assert!(
                bytes(path) == *before,
                "run {run} changed {}",
                path.display()
            );
        }
        let journal = self.journal_paths();
        for c in &mut self.changed {
            let now = bytes(&c.path);
            if now != c.original {
                assert!(
                    journal.contains(&c.path),
                    "run {run}: {} changed without a journal entry",
                    c.path.display()
                );
            }
            c.seen.push((run, now));
        }
        let mut staged = Vec::new();
        files_under(&self.state.join("proxy-certs"), &mut staged);
        for p in staged {
            assert!(
                journal.contains(&p),
                "run {run}: {} written without a journal entry",
                p.display()
            );
        }
    }

    fn keys_kept(&mut self, run: usize) {
        let mut files = Vec::new();
        files_under(&self.state, &mut files);
        let is_key = |p: &Path| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".key") || (name.starts_with("account-") && name.ends_with(".json"))
        };
        for p in files.into_iter().filter(|p| is_key(p)) {
            let Some(b) = bytes(&p) else { continue };
            let h = sha(&b);
            match self.keys.get(&p) {
                Some((old, first)) => assert!(
                    *old == h,
                    "{} changed after run {run} (written by run {first})",
                    p.display()
                ),
                None => {
                    self.keys.insert(p, (h, run));
                }
            }
        }
    }

    fn journal_entries(&self) -> Vec<Value> {
        let path = self.state.join("journal.json");
        if !path.exists() {
            return Vec::new();
        }
        read_json(&path)["entries"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The paths of every file change the journal holds.
    fn journal_paths(&self) -> BTreeSet<PathBuf> {
        self.journal_entries()
            .iter()
            .filter_map(|e| e["change"]["path"].as_str().map(PathBuf::from))
            .collect()
    }

    pub fn production_orders(&self) -> &BTreeSet<String> {
        &self.production
    }

    /// The issued key went into the proxy's directory unchanged, and there
    /// is one ACME account for the one CA.
    pub fn keys_at_end(&self, issued_key: &Path) {
        let issued = bytes(issued_key).expect("the issued key");
        let mut installed = Vec::new();
        files_under(&self.state.join("proxy-certs"), &mut installed);
        let keys: Vec<&PathBuf> = installed
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "key"))
            .collect();
        assert_eq!(keys.len(), 1, "{installed:?}");
        assert!(
            bytes(keys[0]) == Some(issued.clone()),
            "the key installed is the one issued"
        );
        let accounts = self
            .keys
            .keys()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .count();
        assert_eq!(accounts, 1, "{:?}", self.keys.keys());
    }

    /// Files went from the original straight to the final version; every
    /// change is in the journal and done, every window closed. Returns how
    /// many windows were opened.
    pub fn journal_at_end(&self) -> usize {
        for c in &self.changed {
            let last = c.seen.last().map(|(_, b)| b.clone()).unwrap_or_default();
            assert!(last != c.original, "{} never changed", c.path.display());
            let mut new = false;
            for (run, b) in &c.seen {
                if *b == last {
                    new = true;
                } else {
                    assert!(
                        !new && *b == c.original,
                        "after run {run} {} was neither the original nor the final version",
                        c.path.display()
                    );
                }
            }
        }
        let entries = self.journal_entries();
        let mut windows = 0;
        for e in &entries {
            let state = e["state"].as_str().unwrap_or_default();
            match e["change"]["kind"].as_str() {
                Some("firewall-window") => {
                    windows += 1;
                    assert_eq!(state, "undone", "a window left open: {e:#}");
                }
                _ => assert_eq!(state, "done", "{e:#}"),
            }
        }
        assert!(windows > 0, "no window was recorded: {entries:#?}");
        let paths = self.journal_paths();
        for c in &self.changed {
            assert!(
                paths.contains(&c.path),
                "{} not in the journal",
                c.path.display()
            );
        }
        windows
    }

    /// After `praxis-tls undo`: every changed file as it was, the proxy's
    /// copies gone.
    pub fn originals_back(&self) {
        for c in &self.changed {
            assert!(
                bytes(&c.path) == c.original,
                "{} is not the original after undo",
                c.path.display()
            );
        }
        let mut left = Vec::new();
        files_under(&self.state.join("proxy-certs"), &mut left);
        assert!(left.is_empty(), "left after undo: {left:?}");
        for (path, before) in &self.fixed {
            assert!(bytes(path) == *before, "undo changed {}", path.display());
        }
    }

    /// The step the saved state is on.
    pub fn step(&self) -> String {
        let state = read_json(&self.state.join("state.json"));
        state["wizard"]["step"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Where the chain stands, for a failure message.
    pub fn diagnose(&self) -> String {
        let state = std::fs::read_to_string(self.state.join("state.json")).unwrap_or_default();
        let log = std::fs::read_to_string(self.state.join("praxis-tls.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        let step = serde_json::from_str::<Value>(&state)
            .map(|v| v["wizard"]["step"].to_string())
            .unwrap_or_default();
        format!(
            "saved step: {step}\njournal: {:#?}\n--- praxis-tls.log (end):\n{}",
            self.journal_entries()
                .iter()
                .map(|e| format!("{} {} {}", e["id"], e["state"], e["description"]))
                .collect::<Vec<_>>(),
            tail.join("\n")
        )
    }
}
