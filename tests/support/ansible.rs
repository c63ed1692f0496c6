//! The example playbook and the role in `assets/ansible/`, run by a real
//! ansible-playbook (ansible-core from PyPI, in a venv `./scripts/test`
//! makes) against this machine (`connection: local`), into the practice
//! lab of the end-to-end tests: knot, Pebble, the Docker compose project
//! playing Elexis-OOB, the firewall window in a namespace of its own.
//! Included by `#[path]` from `tests/package.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::docker::{lab_lock, repo};
use crate::installed::{self, BINARY, CRON_FILE, Installed};
use crate::pebble;
use crate::wizard_lab::{
    EMAIL, Elexis, HOST, NETNS_PREFIX, Netns, dns, exposure_ports_free, norm_fingerprint,
    served_fingerprint, wizard_flags,
};

/// `PRAXIS_TLS_ANSIBLE_PLAYBOOK`, or the venv `./scripts/test` installs.
pub fn playbook_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PRAXIS_TLS_ANSIBLE_PLAYBOOK")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/tools/ansible/bin/ansible-playbook"));
    if path.is_file() {
        Some(path)
    } else {
        installed::missing(&format!(
            "no ansible-playbook at {} (./scripts/test installs ansible-core)",
            path.display()
        ))
    }
}

/// The example answers file, for the lab: its install, name and address,
/// the DNS check passed (the lab's name points at 127.0.0.1), and renewal
/// left to the role's `schedule` task.
fn answers(dir: &Path, install: &Path) -> PathBuf {
    let example = std::fs::read_to_string(repo().join("assets/answers.example.toml")).unwrap();
    let mut text = String::new();
    let mut table = "";
    for line in example.lines() {
        if let Some(name) = line.strip_prefix('[') {
            table = name.trim_end_matches(']');
        }
        let line = match (table, line) {
            ("start", l) if l.starts_with("dir = ") => format!("dir = \"{}\"", install.display()),
            ("domain", l) if l.starts_with("name = ") => format!("name = \"{HOST}\""),
            ("certificate", l) if l.starts_with("email = ") => format!("email = \"{EMAIL}\""),
            ("dns", "# override = true") => "override = true".to_string(),
            // The role's own `schedule` task sets renewal up (and reports
            // it); the lab's mail server does not exist.
            ("renewal", "schedule = true") => "schedule = false".to_string(),
            ("renewal", l) if l.starts_with("mail_") => String::new(),
            (_, l) => l.to_string(),
        };
        text.push_str(&line);
        text.push('\n');
    }
    let path = dir.join("answers.toml");
    let a = praxis_tls::io::answers::parse(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.start.unwrap().dir, install.display().to_string());
    assert_eq!(a.domain.unwrap().name, HOST);
    assert_eq!(a.certificate.unwrap().email.as_deref(), Some(EMAIL));
    assert!(a.dns.unwrap().allow_override, "[dns] override not found");
    std::fs::write(&path, text).unwrap();
    path
}

/// `changed=N` and `failed=N` of the PLAY RECAP line for localhost.
fn recap(out: &str) -> (u32, u32) {
    let line = out
        .lines()
        .skip_while(|l| !l.starts_with("PLAY RECAP"))
        .find(|l| l.starts_with("localhost"))
        .unwrap_or_else(|| panic!("no PLAY RECAP for localhost:\n{out}"));
    let field = |name: &str| -> u32 {
        line.split_whitespace()
            .find_map(|f| f.strip_prefix(&format!("{name}=")))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no {name}= in {line}"))
    };
    (field("changed"), field("failed"))
}

pub fn run_twice(deb: &Path, playbook: &Path) {
    let _lock = lab_lock();
    exposure_ports_free();
    let _ = rustls::crypto::ring::default_provider().install_default();

    // Dropped in reverse: the package, the compose project, the namespace,
    // Pebble, knot.
    let tmp = tempfile::tempdir().unwrap();
    let knot = dns();
    let responder = pebble::free_port();
    let pebble = pebble::Pebble::start(responder, None, 0);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let root_pem = rt.block_on(pebble.issuing_root_pem());
    let root = tmp.path().join("pebble-root.pem");
    std::fs::write(&root, &root_pem).unwrap();
    let netns = Netns::create(&format!("{NETNS_PREFIX}ansible-{}", std::process::id()));
    let install = tmp.path().join("elexis-oob");
    let lab = Elexis::up(&install, "ansible");
    let state = tmp.path().join("state");
    let mut extra = vec!["--dns-timeout".to_string(), "2".to_string()];
    extra.extend(wizard_flags(
        &knot.addr.to_string(),
        responder,
        &pebble.directory_url,
        &pebble.listener_ca,
        &root,
        &netns,
    ));
    let vars = serde_json::json!({
        "praxis_tls_deb": deb,
        "praxis_tls_answers": answers(tmp.path(), &install),
        "praxis_tls_upload_dir": tmp.path().join("upload"),
        "praxis_tls_state_dir": state,
        "praxis_tls_extra_args": extra,
    });
    let vars_file = tmp.path().join("vars.json");
    std::fs::write(&vars_file, vars.to_string()).unwrap();
    // The example playbook's group, on this machine, as root already.
    let python = playbook.with_file_name("python");
    let inventory = tmp.path().join("inventory.ini");
    std::fs::write(
        &inventory,
        format!(
            "[praxis_servers]\nlocalhost ansible_connection=local ansible_become=false \
             ansible_python_interpreter={}\n",
            python.display()
        ),
    )
    .unwrap();

    // The role installs the package; the guard purges it at the end.
    let guard = Installed::adopt();
    let play = || {
        let out = installed::run(
            Command::new(playbook)
                .arg("-i")
                .arg(&inventory)
                .arg("-e")
                .arg(format!("@{}", vars_file.display()))
                .arg(repo().join("assets/ansible/playbook.yml"))
                .env("ANSIBLE_HOME", tmp.path().join("ansible-home"))
                .env("ANSIBLE_LOCAL_TEMP", tmp.path().join("ansible-tmp"))
                .env("ANSIBLE_NOCOLOR", "1")
                .env("ANSIBLE_RETRY_FILES_ENABLED", "0")
                .env("LANG", "C.UTF-8")
                .env_remove("PRAXIS_TLS_STATE_DIR"),
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "ansible-playbook failed:\n{text}");
        recap(&text)
    };

    let (changed, failed) = play();
    assert_eq!(failed, 0);
    // copy, copy, apt, replay, schedule (the directory is new as well).
    assert!(changed >= 5, "the first run changed only {changed} things");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state.join("state.json")).unwrap()).unwrap();
    assert_eq!(saved["wizard"]["step"], "done", "{saved:#}");
    // traefik serves a chain that Pebble's issuing root verifies, and it
    // is the certificate the replay recorded.
    let record = &saved["wizard"]["certificate"]["installed"];
    let recorded = norm_fingerprint(record["fingerprint_sha256"].as_str().unwrap());
    assert_eq!(served_fingerprint(&root_pem), recorded);
    assert!(
        std::fs::read_to_string(CRON_FILE).unwrap().contains(BINARY),
        "schedule wrote no cron entry for {BINARY}"
    );

    let (changed, failed) = play();
    assert_eq!(
        (changed, failed),
        (0, 0),
        "the second run changed something"
    );

    drop(guard);
    assert!(!Path::new(CRON_FILE).exists(), "purge left the cron entry");
    drop(lab);
}
