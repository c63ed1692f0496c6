//! The renewal schedule below a temporary root: what is found there, the
//! plan the core makes of it, and that plan carried out through the journal
//! (with the real `systemctl --root`, which works on the files alone) and
//! undone again.

#[path = "support/skip.rs"]
mod skip;

use std::fs;
use std::path::{Path, PathBuf};

use praxis_tls::core::Lang;
use praxis_tls::core::library::schedule::{
    LocalCopy, PACKAGE_BINARY, Scheduler, Verdict, judge, plan,
};
use praxis_tls::io::journal::Journal;
use praxis_tls::io::schedule::{self, RenewCommand, cron_entry, service_unit, timer_unit};

const STATE: &str = "/var/lib/praxis-tls";

fn setup(kind: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let root = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join(kind)).unwrap();
    (root, state)
}

/// A stand-in for the running program, outside every stable place.
fn program(dir: &Path, content: &[u8]) -> PathBuf {
    let p = dir.join("build/praxis-tls");
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, content).unwrap();
    p
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn systemctl_available() -> bool {
    let found = std::process::Command::new("systemctl")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        skip::skipped("systemctl is missing (scripts/test installs systemd)");
    }
    found
}

#[test]
fn the_timer_runs_twice_a_day_in_working_hours_at_this_servers_own_time() {
    let t = timer_unit();
    let timer: Vec<&str> = t
        .split("[Timer]\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .collect();
    assert_eq!(
        timer,
        [
            "OnCalendar=*-*-* 08,13:00",
            "RandomizedDelaySec=3h",
            "FixedRandomDelay=true",
            "Persistent=true"
        ]
    );
    let cmd = RenewCommand {
        binary: "/usr/local/sbin/praxis-tls".into(),
        state_dir: STATE.into(),
    };
    let service = service_unit(&cmd).unwrap();
    for line in [
        "ExecStart=/usr/local/sbin/praxis-tls renew --state-dir /var/lib/praxis-tls",
        "OnFailure=praxis-tls-renew-failed.service",
        "SyslogIdentifier=praxis-tls",
    ] {
        assert!(service.lines().any(|l| l == line), "{line} in\n{service}");
    }
    let cron = cron_entry(&cmd, 7, "9,14").unwrap();
    assert!(
        cron.lines().any(|l| l
            == "7 9,14 * * * root /usr/local/sbin/praxis-tls renew --state-dir /var/lib/praxis-tls >/dev/null 2>&1 || /usr/local/sbin/praxis-tls notify-failure --state-dir /var/lib/praxis-tls >/dev/null 2>&1"),
        "{cron}"
    );
    assert!(
        cron.ends_with('\n'),
        "cron ignores a last line without newline"
    );
}

#[test]
fn a_program_in_a_build_folder_is_copied_and_the_units_name_the_copy() {
    if !systemctl_available() {
        return;
    }
    let (root, state) = setup("run/systemd/system");
    let running = program(state.path(), b"program v1");
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(judge(&facts, Path::new(STATE)), Verdict::NotSet);
    let p = plan(&facts, Path::new(STATE)).unwrap();
    let mut j = Journal::open(state.path()).unwrap();
    let done = schedule::install(&mut j, root.path(), &p, Path::new(STATE), Lang::De).unwrap();
    assert!(done.activated);
    let copy = root.path().join("usr/local/sbin/praxis-tls");
    assert_eq!(fs::read(&copy).unwrap(), b"program v1");
    assert_eq!(mode(&copy), 0o755);
    let units = root.path().join("etc/systemd/system");
    let service = fs::read_to_string(units.join("praxis-tls-renew.service")).unwrap();
    assert!(
        service.contains(
            "ExecStart=/usr/local/sbin/praxis-tls renew --state-dir /var/lib/praxis-tls\n"
        ),
        "{service}"
    );
    assert!(
        !service.contains("build"),
        "never the build folder: {service}"
    );
    assert!(units.join("praxis-tls-renew-failed.service").is_file());
    let wants = units.join("timers.target.wants/praxis-tls-renew.timer");
    assert!(fs::symlink_metadata(&wants).is_ok(), "the timer is enabled");

    // What status reads now.
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(facts.local_copy, LocalCopy::Same);
    assert!(judge(&facts, Path::new(STATE)).works());

    // Again: nothing changes, nothing new in the journal.
    let entries = j.entries().len();
    let p = plan(&facts, Path::new(STATE)).unwrap();
    assert_eq!(p.copy_from, None);
    let again = schedule::install(&mut j, root.path(), &p, Path::new(STATE), Lang::De).unwrap();
    assert!(!again.changed_anything(), "{again:?}");
    assert_eq!(j.entries().len(), entries);

    let reports = j.undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    assert!(!copy.exists() && !units.join("praxis-tls-renew.service").exists());
    assert!(fs::symlink_metadata(&wants).is_err(), "undo disables it");
}

#[test]
fn the_package_units_are_only_switched_on_and_a_gone_program_is_found() {
    if !systemctl_available() {
        return;
    }
    let (root, state) = setup("run/systemd/system");
    let lib = root.path().join("usr/lib/systemd/system");
    fs::create_dir_all(&lib).unwrap();
    let cmd = RenewCommand {
        binary: PACKAGE_BINARY.into(),
        state_dir: STATE.into(),
    };
    fs::write(
        lib.join("praxis-tls-renew.service"),
        service_unit(&cmd).unwrap(),
    )
    .unwrap();
    fs::write(lib.join("praxis-tls-renew.timer"), timer_unit()).unwrap();
    let running = program(state.path(), b"program");
    // The package's program is gone (removed, or never installed here).
    let facts = schedule::inspect(root.path(), &running);
    assert!(matches!(
        judge(&facts, Path::new(STATE)),
        Verdict::Missing { .. }
    ));

    fs::create_dir_all(root.path().join("usr/bin")).unwrap();
    fs::write(root.path().join("usr/bin/praxis-tls"), b"packaged").unwrap();
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(judge(&facts, Path::new(STATE)), Verdict::Inactive);
    let p = plan(&facts, Path::new(STATE)).unwrap();
    assert!(!p.write_units && p.copy_from.is_none(), "{p:?}");
    let mut j = Journal::open(state.path()).unwrap();
    let done = schedule::install(&mut j, root.path(), &p, Path::new(STATE), Lang::En).unwrap();
    assert!(done.changed.is_empty() && done.activated);
    assert!(
        !root
            .path()
            .join("etc/systemd/system/praxis-tls-renew.service")
            .exists()
    );
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(
        judge(&facts, Path::new(STATE)),
        Verdict::Active {
            binary: PACKAGE_BINARY.into()
        }
    );
    j.undo_all(false).unwrap();
    assert_eq!(
        judge(&schedule::inspect(root.path(), &running), Path::new(STATE)),
        Verdict::Inactive,
        "undo switches the package's timer off and leaves its files"
    );
}

#[test]
fn cron_is_used_without_systemd_and_undone() {
    let (root, state) = setup("etc/cron.d");
    let running = program(state.path(), b"program");
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(facts.scheduler, Some(Scheduler::Cron));
    let p = plan(&facts, Path::new(STATE)).unwrap();
    let mut j = Journal::open(state.path()).unwrap();
    let done = schedule::install(&mut j, root.path(), &p, Path::new(STATE), Lang::En).unwrap();
    assert_eq!(done.scheduler, Scheduler::Cron);
    let file = root.path().join("etc/cron.d/praxis-tls-renew");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(
            " * * * root /usr/local/sbin/praxis-tls renew --state-dir /var/lib/praxis-tls"
        ),
        "{text}"
    );
    assert!(!root.path().join("etc/systemd").exists());
    assert!(judge(&schedule::inspect(root.path(), &running), Path::new(STATE)).works());
    j.undo_all(false).unwrap();
    assert!(!file.exists());
}

#[test]
fn no_scheduler_is_said_in_plain_words() {
    let (root, state) = setup("srv");
    let running = program(state.path(), b"program");
    let facts = schedule::inspect(root.path(), &running);
    assert_eq!(
        plan(&facts, Path::new(STATE)).unwrap_err().id,
        "schedule-no-scheduler"
    );
}
