//! The Debian package from `scripts/package` (its path in PRAXIS_TLS_DEB,
//! which `./scripts/test` exports), installed for real with dpkg: what it
//! puts where, that the binary runs on glibc 2.31, that systemd, man and
//! bash accept what it ships, that remove and purge take away every timer
//! and cron entry that would start the removed binary and keep every key;
//! and the Ansible role, which installs it and sets up a practice in the
//! Docker lab against a real Pebble, twice, the second time changing
//! nothing. The tests share /usr/bin and run one at a time; each purges
//! the package at its end, also when it fails.

mod support;

#[path = "support/ansible.rs"]
mod ansible;
#[path = "support/docker.rs"]
mod docker;
#[path = "support/installed.rs"]
mod installed;
#[path = "support/pebble.rs"]
mod pebble;
#[path = "support/wizard_lab.rs"]
mod wizard_lab;

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;

use installed::{
    BINARY, CRON_FILE, ETC_UNITS, Installed, STATE_DIR, TIMER_LINK, UNIT_DIR, UNITS, ok, run,
};

/// Both tests install the same package into /usr/bin.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn exists(path: &str) -> bool {
    Path::new(path).symlink_metadata().is_ok()
}

#[test]
fn the_package_installs_runs_and_goes_again_without_taking_a_key() {
    let _serial = one_at_a_time();
    let Some(deb) = installed::deb() else { return };
    let fields = ok(Command::new("dpkg-deb").arg("-f").arg(&deb).arg("Depends"));
    assert_eq!(fields.trim(), "libc6 (>= 2.31)");

    let guard = Installed::install(&deb);
    let version = ok(Command::new(BINARY).arg("--version"));
    assert_eq!(
        version.trim(),
        format!("praxis-tls {}", env!("CARGO_PKG_VERSION"))
    );
    let floor = installed::glibc_floor(BINARY);
    assert!(
        floor <= (2, 31),
        "{BINARY} needs GLIBC_{}.{}",
        floor.0,
        floor.1
    );
    let mode = std::fs::metadata(STATE_DIR).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    assert!(mode.is_dir());
    assert_eq!(
        mode.permissions().mode() & 0o077,
        0,
        "only root looks into {STATE_DIR}"
    );

    // As installed: the placeholders filled, the binary and the man page
    // there (systemd-analyze checks Documentation=man: too).
    let units: Vec<String> = UNITS.iter().map(|u| format!("{UNIT_DIR}/{u}")).collect();
    for unit in &units {
        let text = std::fs::read_to_string(unit).unwrap();
        assert!(
            !text.contains('@'),
            "{unit} has a placeholder left:\n{text}"
        );
    }
    let cwd = tempfile::tempdir().unwrap();
    let verify = run(Command::new("systemd-analyze")
        .arg("verify")
        .args(&units)
        .current_dir(cwd.path()));
    assert!(
        verify.status.success(),
        "systemd-analyze verify refuses the units"
    );
    let complaints = String::from_utf8_lossy(&verify.stderr).into_owned();
    assert!(!complaints.contains("praxis-tls"), "{complaints}");
    assert!(!exists(TIMER_LINK), "the timer ships disabled");

    // A German reader's man finds the German page, as --help speaks it.
    for (locale, dir, said) in [
        ("en", "man1", ["NAME", "--state-dir"]),
        ("de", "de/man1", ["BESCHREIBUNG", "JEDEN BEFEHL"]),
    ] {
        let page = ok(Command::new("man")
            .args(["-l", &format!("/usr/share/man/{dir}/praxis-tls.1.gz")])
            .env("MANWIDTH", "80"));
        assert!(said.iter().all(|s| page.contains(s)), "{page}");
        let found = ok(Command::new("man").args(["-L", locale, "-w", "praxis-tls-status"]));
        assert!(
            found.contains(&format!("/usr/share/man/{dir}/praxis-tls-status.1.gz")),
            "{found}"
        );
    }

    let completion = "/usr/share/bash-completion/completions/praxis-tls";
    let loaded = ok(Command::new("bash")
        .arg("-c")
        .arg(format!("source {completion} && complete -p praxis-tls")));
    assert!(
        loaded.contains("-F ") && loaded.trim().ends_with(" praxis-tls"),
        "{loaded}"
    );
    // bash-completion finds it by name, and it completes a subcommand.
    let script = "source /usr/share/bash-completion/bash_completion || exit 9
        _completion_loader praxis-tls
        f=$(complete -p praxis-tls | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')
        COMP_WORDS=(praxis-tls sta); COMP_CWORD=1; COMP_LINE='praxis-tls sta'; COMP_POINT=14
        \"$f\" praxis-tls sta praxis-tls
        printf '%s\\n' \"${COMPREPLY[@]}\"";
    let out = run(Command::new("bash").arg("-c").arg(script));
    if out.status.code() == Some(9) {
        installed::missing::<()>("bash-completion is not installed");
    } else {
        let replies = String::from_utf8_lossy(&out.stdout);
        assert!(replies.lines().any(|l| l == "status"), "{replies}");
    }
    for shipped in [
        "/usr/share/zsh/vendor-completions/_praxis-tls",
        "/usr/share/fish/vendor_completions.d/praxis-tls.fish",
        "/usr/share/doc/praxis-tls/copyright",
        "/usr/share/doc/praxis-tls/examples/answers.toml",
    ] {
        assert!(exists(shipped), "{shipped} is not installed");
    }
    let copyright = std::fs::read_to_string("/usr/share/doc/praxis-tls/copyright").unwrap();
    assert!(
        copyright.starts_with(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
        )
    );
    assert!(
        copyright.contains("License: MIT or Apache-2.0"),
        "{copyright}"
    );

    // An upgrade keeps a timer someone enabled, and the state directory's
    // contents.
    ok(Command::new("systemctl").args(["enable", "praxis-tls-renew.timer"]));
    let planted = format!("{STATE_DIR}/planted-by-test-{}.crt", std::process::id());
    std::fs::write(&planted, "-----BEGIN CERTIFICATE-----\n").unwrap();
    ok(Command::new("dpkg").arg("-i").arg(&deb));
    assert!(exists(TIMER_LINK), "the upgrade disabled the timer");
    assert!(exists(&planted));

    // The renewal set up the way `praxis-tls schedule` does: the cron entry
    // (no systemd runs here) from the real command, and copies of the
    // units in /etc as it writes them where systemd runs.
    let schedule_state = tempfile::tempdir().unwrap();
    let sched = ok(Command::new(BINARY)
        .arg("--state-dir")
        .arg(schedule_state.path())
        .arg("schedule"));
    assert!(sched.contains("{\"changed\":true}"), "{sched}");
    for unit in &UNITS[..2] {
        std::fs::copy(format!("{UNIT_DIR}/{unit}"), format!("{ETC_UNITS}/{unit}")).unwrap();
    }
    assert!(std::fs::read_to_string(CRON_FILE).unwrap().contains(BINARY));

    ok(Command::new("dpkg").args(["-r", "praxis-tls"]));
    assert!(!exists(BINARY));
    for gone in [TIMER_LINK, CRON_FILE] {
        assert!(!exists(gone), "{gone} outlived the binary it starts");
    }
    for unit in UNITS {
        assert!(
            !exists(&format!("{ETC_UNITS}/{unit}")),
            "{unit} in /etc stayed"
        );
    }
    assert!(exists(&planted), "remove took a certificate");

    // A renewal that starts a praxis-tls elsewhere is that install's.
    ok(Command::new("dpkg").arg("-i").arg(&deb));
    let other = "/usr/local/sbin/praxis-tls";
    let cron = format!("0 8 * * * root {other} renew --state-dir {STATE_DIR}\n");
    std::fs::write(CRON_FILE, &cron).unwrap();
    let service = std::fs::read_to_string(format!("{UNIT_DIR}/praxis-tls-renew.service"))
        .unwrap()
        .replace(BINARY, other);
    std::fs::write(format!("{ETC_UNITS}/praxis-tls-renew.service"), service).unwrap();
    std::fs::copy(
        format!("{UNIT_DIR}/praxis-tls-renew.timer"),
        format!("{ETC_UNITS}/praxis-tls-renew.timer"),
    )
    .unwrap();
    ok(Command::new("systemctl").args(["enable", "praxis-tls-renew.timer"]));
    ok(Command::new("dpkg").args(["-r", "praxis-tls"]));
    assert_eq!(std::fs::read_to_string(CRON_FILE).unwrap(), cron);
    assert!(exists(TIMER_LINK), "the other install's timer was disabled");
    assert!(exists(&format!("{ETC_UNITS}/praxis-tls-renew.service")));
    ok(Command::new("systemctl").args(["disable", "praxis-tls-renew.timer"]));
    for unit in &UNITS[..2] {
        std::fs::remove_file(format!("{ETC_UNITS}/{unit}")).unwrap();
    }
    std::fs::remove_file(CRON_FILE).unwrap();

    // Purge says what stays, in both languages, and keeps it.
    let note = ok(Command::new("dpkg").args(["--purge", "praxis-tls"]));
    for words in [
        "Mit Absicht geblieben",
        "Left in place on purpose",
        "BEVOR das Paket entfernt wird",
        "BEFORE the package is removed",
        "praxis-tls undo",
        STATE_DIR,
    ] {
        assert!(
            note.contains(words),
            "the purge note lacks {words:?}:\n{note}"
        );
    }
    assert!(exists(&planted), "purge took a certificate");
    assert!(!installed::package_installed());
    std::fs::remove_file(&planted).unwrap();
    drop(guard);
    assert!(
        installed::leftovers().is_empty(),
        "{:?}",
        installed::leftovers()
    );
}

#[test]
fn the_ansible_role_sets_up_a_practice_and_then_changes_nothing() {
    let _serial = one_at_a_time();
    let Some(deb) = installed::deb() else { return };
    let Some(playbook) = ansible::playbook_binary() else {
        return;
    };
    ansible::run_twice(&deb, &playbook);
    assert!(
        installed::leftovers().is_empty(),
        "{:?}",
        installed::leftovers()
    );
}
