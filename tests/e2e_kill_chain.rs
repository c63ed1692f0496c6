//! Kill and resume, in one chained pass: the real binary replays an
//! answers file from the first step to Done against the same lab as
//! `tests/e2e_wizard.rs` (knot, Pebble, the Docker compose project, the
//! firewall window in a namespace of its own), and kills itself with
//! SIGKILL right after it has written the resume file (the hidden
//! `--test-kill-after-saves N`). The next run starts from what is on
//! disk, goes on to the next transition, and dies again, until a run
//! reaches Done.
//!
//! Typing is written off the keystroke path, newest state first, so the
//! letters of a field typed in one burst are kill points only where a
//! write caught them; the promise for typing (what the screen showed
//! 250 ms before the kill is kept) needs a screen to tell when a key was
//! handled and is asserted in `tests/e2e_resume.rs`.
//!
//! A resumed run looks at its step again (DNS is always looked up anew, a
//! check that was running starts over), so its first saves can repeat a
//! state the chain already had, and "one save more" alone could circle
//! for ever. So a run from a saved state goes one save further than the
//! last run from that same state: N = 1 the first time, 2 the next, and
//! so on. Every state the walk reaches is then a kill point, and the chain
//! cannot circle.
//!
//! After every kill: the keys written so far have their bytes, the files
//! the wizard changes are the original or the final version (never half,
//! never back), and every change made is in the journal. At the end:
//! exactly one production order and one dry-run order at Pebble, the
//! firewall window closed, the responder port free, traefik serving the
//! certificate the state records, and `praxis-tls undo` brings back every
//! original.

mod support;

#[path = "support/docker.rs"]
mod docker;
#[path = "support/kill_chain.rs"]
mod kill_chain;
#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/wizard_lab.rs"]
mod wizard_lab;

use docker::lab_lock;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kill_chain::{Ended, Watch, run_replay, signature};
use wizard_lab::{
    EMAIL, Elexis, HOST, NETNS_PREFIX, Netns, dns, exposure_ports_free, norm_fingerprint,
    served_fingerprint, wizard_flags,
};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");
/// Far more runs than the walk has transitions: a guard against a chain
/// that never ends.
const MAX_RUNS: usize = 1500;
/// Saves one run may make before the chain counts it as stuck.
const MAX_SAVES: u64 = 12;

fn answers(dir: &Path, install: &Path) -> PathBuf {
    let path = dir.join("answers.toml");
    let text = format!(
        "[answers]\nversion = 1\n\n[language]\nlang = \"en\"\n\n\
         [start]\ndir = \"{}\"\n\n[domain]\nname = \"{HOST}\"\n\n\
         # The lab's name points at 127.0.0.1: not public, passed over.\n\
         [dns]\noverride = true\n\n\
         [ports]\npolicy = \"permanent\"\naddress = \"static\"\nforwards_done = true\n\n\
         [firewall]\nopen_window = true\n\n\
         [certificate]\nsource = \"letsencrypt\"\nemail = \"{EMAIL}\"\naccept_terms = true\n\n\
         [steps]\nconfirmed = [\"install\", \"proxy-config\", \"restart\", \"final-check\"]\n\n\
         [renewal]\nschedule = true\n",
        install.display()
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn killed_after_every_transition_it_still_ends_once() {
    let _lock = lab_lock();
    exposure_ports_free();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let started = Instant::now();

    // Dropped in reverse: the compose project, the namespace, Pebble, knot.
    let tmp = tempfile::tempdir().unwrap();
    let knot = dns();
    let responder = pebble::free_port();
    let pebble = pebble::Pebble::start(responder, None, 0);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let root_pem = rt.block_on(pebble.issuing_root_pem());
    let root = tmp.path().join("pebble-root.pem");
    std::fs::write(&root, &root_pem).unwrap();
    let netns = Netns::create(&format!("{NETNS_PREFIX}chain-{}", std::process::id()));
    let install = tmp.path().join("elexis-oob");
    let lab = Elexis::up(&install, "chain");
    let state = tmp.path().join("state");
    let file = answers(tmp.path(), &install);
    eprintln!("lab up after {:?}", started.elapsed());

    // The renewal run goes below a root of the test's own (cron there).
    let system = tmp.path().join("system");
    std::fs::create_dir_all(system.join("etc/cron.d")).unwrap();
    let mut args: Vec<String> = [
        "--state-dir",
        &state.display().to_string(),
        "--system-root",
        &system.display().to_string(),
        "--lang",
        "en",
        "--dns-timeout",
        "2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(wizard_flags(
        &knot.addr.to_string(),
        responder,
        &pebble.directory_url,
        &pebble.listener_ca,
        &root,
        &netns,
    ));

    let dynamic = state.join("proxy-config").join(format!("{HOST}.toml"));
    let mut watch = Watch::new(
        &state,
        &[install.join("docker-compose.override.yml"), dynamic.clone()],
        &[install.join("docker-compose.yaml"), install.join(".env")],
    );
    let logs = tmp.path().join("runs");
    std::fs::create_dir_all(&logs).unwrap();

    // Saves already tried from each saved state (the fresh start is "").
    let mut tried: HashMap<String, u64> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut killed = 0;
    let mut most = 1;
    let mut per_step: BTreeMap<String, usize> = BTreeMap::new();
    let out = loop {
        assert!(killed < MAX_RUNS, "no end after {killed} runs");
        let from = signature(&state);
        let saves = tried.get(&from).map_or(1, |n| n + 1);
        assert!(
            saves <= MAX_SAVES,
            "{MAX_SAVES} saves from one state without a new one\n{}",
            watch.diagnose()
        );
        tried.insert(from, saves);
        most = most.max(saves);
        let log = logs.join(format!("run-{killed:04}.log"));
        match run_replay(BIN, &args, &file, saves, &log) {
            Ended::Killed => {}
            Ended::Exited(0, out) => break out,
            Ended::Exited(code, out) => {
                panic!(
                    "run {killed} (N={saves}) ended with {code}:\n{out}\n{}",
                    watch.diagnose()
                )
            }
        }
        killed += 1;
        watch.after_run(killed);
        *per_step.entry(watch.step()).or_default() += 1;
        seen.insert(signature(&state));
    };
    watch.after_run(killed + 1);
    assert!(out.contains("went through to the end"), "{out}");
    eprintln!(
        "chain: {killed} kills, {} distinct saved states (transitions), at most {most} saves in one run, {:?} in all",
        seen.len(),
        started.elapsed()
    );
    eprintln!("kills per step: {per_step:?}");

    // Exactly one production order: the one the state reported, at
    // Pebble one dry-run and one production order for the name.
    let orders = watch.production_orders();
    assert_eq!(orders.len(), 1, "production orders reported: {orders:?}");
    let at_pebble = kill_chain::pebble_orders(&pebble.log());
    assert_eq!(at_pebble, 2, "orders at Pebble:\n{}", pebble.log());

    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state.join("state.json")).unwrap()).unwrap();
    let wizard = &saved["wizard"];
    assert_eq!(wizard["step"], "done", "{saved:#}");
    let record = &wizard["certificate"]["installed"];
    let recorded = norm_fingerprint(record["fingerprint_sha256"].as_str().unwrap());
    assert_eq!(served_fingerprint(&root_pem), recorded);
    watch.keys_at_end(Path::new(record["path_key"].as_str().unwrap()));
    // The windows killed runs left open were closed by the next run, and
    // the issuance opened its own.
    let windows = watch.journal_at_end();
    let undid = kill_chain::runs_that_undid(&logs);
    eprintln!("{windows} firewall windows opened, {undid} runs closed one a killed run left");
    assert!(
        windows > 1 && undid > 0,
        "the chain never met an open window"
    );

    // The window is closed, nothing listens on the responder's port.
    assert!(
        !netns.ruleset().contains("elements"),
        "a window is still open:\n{}",
        netns.ruleset()
    );
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", responder)).is_err(),
        "something still listens on the responder port {responder}"
    );

    // The renewal run is set up once, naming the stable copy.
    let cron = system.join("etc/cron.d/praxis-tls-renew");
    let entry = std::fs::read_to_string(&cron).unwrap();
    assert!(
        entry.contains(" root /usr/local/sbin/praxis-tls renew --state-dir "),
        "{entry}"
    );
    assert_eq!(
        std::fs::read(system.join("usr/local/sbin/praxis-tls")).unwrap(),
        std::fs::read(BIN).unwrap(),
        "the copy is whole"
    );

    // Undo brings back every original, also after all those kills.
    let undo = Command::new(BIN)
        .args(["--state-dir", &state.display().to_string(), "--lang", "en"])
        .args(["--firewall-netns", &netns.0])
        .args(["undo", "--yes"])
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&undo.stdout);
    assert!(undo.status.success(), "undo: {text}");
    watch.originals_back();
    assert!(!cron.exists() && !system.join("usr/local/sbin/praxis-tls").exists());

    drop(lab);
    eprintln!("kill chain took {:?}", started.elapsed());
}
