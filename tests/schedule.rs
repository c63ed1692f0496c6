//! The daily renewal schedule: unit and cron texts as data, the files
//! written through the journal into a temporary root, and undone again.

use std::fs;
use std::path::Path;

use praxis_tls::core::Lang;
use praxis_tls::io::journal::Journal;
use praxis_tls::io::schedule::{
    self, CronTime, RenewCommand, ScheduleError, Scheduler, cron_entry, service_unit, timer_unit,
};

fn cmd() -> RenewCommand {
    RenewCommand {
        binary: "/usr/local/bin/praxis-tls".into(),
        state_dir: "/var/lib/praxis-tls".into(),
    }
}

#[test]
fn service_unit_runs_renew_with_the_state_dir() {
    let unit = service_unit(&cmd()).unwrap();
    assert!(unit.contains("\n[Service]\nType=oneshot\n"));
    assert!(
        unit.contains(
            "\nExecStart=/usr/local/bin/praxis-tls renew --state-dir /var/lib/praxis-tls\n"
        ),
        "{unit}"
    );
}

#[test]
fn timer_is_daily_randomized_and_persistent() {
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
            "OnCalendar=daily",
            "RandomizedDelaySec=1h",
            "Persistent=true"
        ]
    );
    assert!(t.ends_with("[Install]\nWantedBy=timers.target\n"));
}

#[test]
fn odd_paths_are_quoted_or_refused() {
    let odd = RenewCommand {
        binary: "/opt/praxis tls/praxis-tls".into(),
        state_dir: "/srv/100%/$state".into(),
    };
    let unit = service_unit(&odd).unwrap();
    assert!(
        unit.contains(
            "ExecStart=\"/opt/praxis tls/praxis-tls\" renew --state-dir \"/srv/100%%/$$state\"\n"
        ),
        "{unit}"
    );
    let cron = cron_entry(
        &odd,
        CronTime {
            hour: 11,
            minute: 5,
        },
    )
    .unwrap();
    assert!(
        cron.contains("5 11 * * * root '/opt/praxis tls/praxis-tls' renew --state-dir '/srv/100\\%/$state' >/dev/null 2>&1\n"),
        "{cron}"
    );
    let evil = RenewCommand {
        binary: "/usr/bin/x\nExecStartPre=/bin/rm".into(),
        state_dir: "/var/lib/praxis-tls".into(),
    };
    assert!(matches!(
        service_unit(&evil),
        Err(ScheduleError::UnsafePath { .. })
    ));
    let relative = RenewCommand {
        binary: "praxis-tls".into(),
        state_dir: "/x".into(),
    };
    assert!(
        cron_entry(
            &relative,
            CronTime {
                hour: 10,
                minute: 0
            }
        )
        .is_err()
    );
}

#[test]
fn cron_entry_is_a_complete_cron_d_file() {
    let text = cron_entry(
        &cmd(),
        CronTime {
            hour: 14,
            minute: 7,
        },
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "SHELL=/bin/sh",
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "7 14 * * * root /usr/local/bin/praxis-tls renew --state-dir /var/lib/praxis-tls >/dev/null 2>&1",
        ]
    );
    assert!(
        text.ends_with('\n'),
        "cron ignores a last line without newline"
    );
    let t = schedule::cron_time_for("praxis-a");
    assert_eq!(t, schedule::cron_time_for("praxis-a"));
    assert!((10..16).contains(&t.hour) && t.minute < 60);
}

fn setup(kind: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let root = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join(kind)).unwrap();
    (root, state)
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn systemd_units_are_written_through_the_journal_and_undone() {
    let (root, state) = setup("run/systemd/system");
    assert_eq!(schedule::detect(root.path()), Some(Scheduler::Systemd));
    let mut j = Journal::open(state.path()).unwrap();
    let done = schedule::install(&mut j, root.path(), &cmd(), Lang::De).unwrap();
    assert_eq!(done.scheduler, Scheduler::Systemd);
    assert!(!done.activated, "never systemctl outside the real root");
    let service = root
        .path()
        .join("etc/systemd/system/praxis-tls-renew.service");
    let timer = root
        .path()
        .join("etc/systemd/system/praxis-tls-renew.timer");
    assert_eq!(done.files, vec![service.clone(), timer.clone()]);
    assert_eq!(
        fs::read_to_string(&service).unwrap(),
        service_unit(&cmd()).unwrap()
    );
    assert_eq!(fs::read_to_string(&timer).unwrap(), timer_unit());
    assert_eq!(mode(&service), 0o644);
    assert_eq!(j.entries().len(), 2);

    // Again: nothing changes, nothing new in the journal.
    let again = schedule::install(&mut j, root.path(), &cmd(), Lang::De).unwrap();
    assert!(again.changed.is_empty());
    assert_eq!(j.entries().len(), 2);

    let reports = j.undo_all(false).unwrap();
    assert!(reports.iter().all(|r| r.outcome.reverted()), "{reports:?}");
    assert!(!service.exists() && !timer.exists());
}

#[test]
fn cron_is_used_without_systemd_and_undone() {
    let (root, state) = setup("etc/cron.d");
    let mut j = Journal::open(state.path()).unwrap();
    let done = schedule::install(&mut j, root.path(), &cmd(), Lang::En).unwrap();
    assert_eq!(done.scheduler, Scheduler::Cron);
    let file = root.path().join("etc/cron.d/praxis-tls-renew");
    assert_eq!(done.files, vec![file.clone()]);
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(
            " * * * root /usr/local/bin/praxis-tls renew --state-dir /var/lib/praxis-tls"
        )
    );
    assert!(!root.path().join("etc/systemd").exists());
    j.undo_all(false).unwrap();
    assert!(!file.exists());
}

#[test]
fn no_scheduler_is_an_error_with_a_text() {
    let (root, state) = setup("srv");
    let mut j = Journal::open(state.path()).unwrap();
    let err = schedule::install(&mut j, root.path(), &cmd(), Lang::De).unwrap_err();
    assert_eq!(err.text().id, "schedule-no-scheduler");
    assert!(j.entries().is_empty());
}
