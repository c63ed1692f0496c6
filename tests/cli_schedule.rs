//! `praxis-tls schedule`, `renew` and `status` as the real binary, below a
//! temporary root: the schedule names a stable copy of the program (never
//! the build folder it ran from), a second run changes nothing, `undo` or
//! `schedule --remove` takes it away, `renew` run from a moved program
//! repairs a schedule whose program is gone, and `status` calls such a
//! schedule critical.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

fn praxis_with(bin: &Path, state: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(bin)
        .arg("--state-dir")
        .arg(state)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("PRAXIS_TLS_STATE_DIR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    );
    eprintln!("exit {:?}\n{out}{err}", o.status.code());
    (o.status.code().unwrap_or(-1), out, err)
}

fn praxis(state: &Path, args: &[&str]) -> (i32, String, String) {
    praxis_with(Path::new(BIN), state, args)
}

/// The JSON line `schedule` ends its output with.
fn changed(out: &str) -> bool {
    let last = out.lines().last().unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(last).unwrap();
    v["changed"].as_bool().unwrap()
}

fn exec_start(unit: &Path) -> String {
    fs::read_to_string(unit)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart=").map(str::to_string))
        .unwrap()
}

fn systemd_root(tmp: &Path) -> PathBuf {
    let root = tmp.join("root");
    fs::create_dir_all(root.join("run/systemd/system")).unwrap();
    root
}

#[test]
fn systemd_units_name_a_stable_copy_and_undo_removes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (systemd_root(tmp.path()), tmp.path().join("state"));
    let root_s = root.display().to_string();

    let (code, out, err) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    assert!(changed(&out));
    let units = root.join("etc/systemd/system");
    let service = units.join("praxis-tls-renew.service");
    let timer = units.join("praxis-tls-renew.timer");
    let exec = exec_start(&service);
    let state_abs = std::path::absolute(&state).unwrap();
    assert_eq!(
        exec,
        format!(
            "/usr/local/sbin/praxis-tls renew --state-dir {}",
            state_abs.display()
        )
    );
    assert!(!exec.contains("target"), "never the build folder: {exec}");
    assert_eq!(
        fs::read(root.join("usr/local/sbin/praxis-tls")).unwrap(),
        fs::read(BIN).unwrap(),
        "the copy is the running program"
    );
    assert!(
        err.contains("copied to /usr/local/sbin/praxis-tls"),
        "{err}"
    );
    assert!(
        fs::read_to_string(&timer)
            .unwrap()
            .contains("OnCalendar=*-*-* 08,13:00")
    );
    assert!(fs::symlink_metadata(units.join("timers.target.wants/praxis-tls-renew.timer")).is_ok());

    // Again: nothing changes, nothing more in the journal.
    let journal = fs::read(state.join("journal.json")).unwrap();
    let (code, out, err) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0);
    assert!(!changed(&out), "{out}");
    assert!(err.contains("nothing changed"), "{err}");
    assert_eq!(fs::read(state.join("journal.json")).unwrap(), journal);

    let (code, _, _) = praxis(&state, &["undo", "--yes"]);
    assert_eq!(code, 0);
    assert!(!service.exists() && !timer.exists());
    assert!(!root.join("usr/local/sbin/praxis-tls").exists());
    assert!(
        fs::symlink_metadata(units.join("timers.target.wants/praxis-tls-renew.timer")).is_err()
    );
}

#[test]
fn cron_where_systemd_does_not_run_and_remove_takes_it_away() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (tmp.path().join("root"), tmp.path().join("state"));
    fs::create_dir_all(root.join("etc/cron.d")).unwrap();
    // A unit directory alone is no running systemd.
    fs::create_dir_all(root.join("etc/systemd/system")).unwrap();
    let root_s = root.display().to_string();

    let (code, out, _) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0);
    assert!(changed(&out));
    let cron = root.join("etc/cron.d/praxis-tls-renew");
    let text = fs::read_to_string(&cron).unwrap();
    let line = text.lines().last().unwrap();
    assert!(
        line.contains(" * * * root /usr/local/sbin/praxis-tls renew --state-dir"),
        "{text}"
    );
    assert!(
        line.contains("|| /usr/local/sbin/praxis-tls notify-failure"),
        "{line}"
    );
    let hours = line.split_whitespace().nth(1).unwrap();
    let hours: Vec<u32> = hours.split(',').map(|h| h.parse().unwrap()).collect();
    assert!(hours.len() == 2 && (8..11).contains(&hours[0]), "{line}");
    assert!(
        !root
            .join("etc/systemd/system/praxis-tls-renew.timer")
            .exists()
    );

    let (code, out, err) = praxis(&state, &["schedule", "--remove", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    assert!(changed(&out));
    assert!(err.contains("Removed:"), "{err}");
    assert!(!cron.exists());
    assert!(root.join("etc/cron.d").is_dir(), "only our file goes");

    let (code, out, err) = praxis(&state, &["schedule", "--remove", "--root", &root_s]);
    assert_eq!(code, 0);
    assert!(!changed(&out));
    assert!(err.contains("No automatic renewal"), "{err}");
    let (_, out, _) = praxis(&state, &["undo", "--yes"]);
    assert!(out.contains("nothing to undo"), "{out}");
}

#[test]
fn renew_from_a_moved_program_points_the_timer_at_the_stable_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (systemd_root(tmp.path()), tmp.path().join("state"));
    let root_s = root.display().to_string();
    // A timer left by an earlier run from a build folder that is gone now.
    let units = root.join("etc/systemd/system");
    fs::create_dir_all(units.join("timers.target.wants")).unwrap();
    let state_abs = std::path::absolute(&state).unwrap();
    fs::write(
        units.join("praxis-tls-renew.service"),
        format!(
            "[Service]\nType=oneshot\nExecStart=/home/it/praxis-tls/target/release/praxis-tls renew --state-dir {}\n",
            state_abs.display()
        ),
    )
    .unwrap();
    fs::write(
        units.join("praxis-tls-renew.timer"),
        "[Timer]\nOnCalendar=daily\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../praxis-tls-renew.timer",
        units.join("timers.target.wants/praxis-tls-renew.timer"),
    )
    .unwrap();

    // status sees that renewal has stopped (tests/cli_status.rs checks
    // the CRITICAL this gives with a certificate).
    let (_, out, _) = praxis(&state, &["status", "--format", "json", "--root", &root_s]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schedule"]["state"], "missing", "{out}");

    // The program was moved (copied elsewhere and run from there).
    let moved = tmp.path().join("moved/praxis-tls");
    fs::create_dir_all(moved.parent().unwrap()).unwrap();
    fs::copy(BIN, &moved).unwrap();
    let (code, _, err) = praxis_with(&moved, &state, &["renew", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("repaired"), "{err}");
    let exec = exec_start(&units.join("praxis-tls-renew.service"));
    assert!(
        exec.starts_with("/usr/local/sbin/praxis-tls renew"),
        "{exec}"
    );
    assert!(!exec.contains("moved"), "never itself: {exec}");
    assert_eq!(
        fs::read(root.join("usr/local/sbin/praxis-tls")).unwrap(),
        fs::read(&moved).unwrap()
    );
    let (_, out, _) = praxis(&state, &["status", "--format", "json", "--root", &root_s]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schedule"]["state"], "active", "{out}");

    // The repair is in the journal: undo takes it back.
    let (code, _, _) = praxis(&state, &["undo", "--yes"]);
    assert_eq!(code, 0);
    assert!(!root.join("usr/local/sbin/praxis-tls").exists());
}

#[test]
fn an_older_schedule_is_named_and_replaced_only_after_a_yes() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (tmp.path().join("root"), tmp.path().join("state"));
    fs::create_dir_all(root.join("etc/cron.d")).unwrap();
    let root_s = root.display().to_string();
    // An older version's entry, naming a program in a home directory.
    fs::create_dir_all(root.join("home/it")).unwrap();
    fs::write(root.join("home/it/praxis-tls"), b"old").unwrap();
    let cron = root.join("etc/cron.d/praxis-tls-renew");
    let state_abs = std::path::absolute(&state).unwrap();
    let old = format!(
        "0 3 * * * root /home/it/praxis-tls renew --state-dir {}\n",
        state_abs.display()
    );
    fs::write(&cron, &old).unwrap();
    // And a stale copy in /usr/local/sbin.
    fs::create_dir_all(root.join("usr/local/sbin")).unwrap();
    fs::write(root.join("usr/local/sbin/praxis-tls"), b"older copy").unwrap();

    // No terminal to answer (stdin is empty): nothing is replaced.
    let (code, _, err) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("The older version in /usr/local/sbin/praxis-tls"),
        "{err}"
    );
    assert!(
        err.contains("starts /home/it/praxis-tls; it is replaced"),
        "{err}"
    );
    assert!(
        err.contains("Replace? [y/N]") || err.contains("Nothing changed"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&cron).unwrap(), old);
    assert_eq!(
        fs::read(root.join("usr/local/sbin/praxis-tls")).unwrap(),
        b"older copy"
    );

    let (code, out, err) = praxis(&state, &["schedule", "--yes", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    assert!(changed(&out));
    assert!(
        fs::read_to_string(&cron)
            .unwrap()
            .contains(" root /usr/local/sbin/praxis-tls renew")
    );
    assert_eq!(
        fs::read(root.join("usr/local/sbin/praxis-tls")).unwrap(),
        fs::read(BIN).unwrap()
    );
    // undo brings the older version's files back, byte for byte.
    let (code, _, _) = praxis(&state, &["undo", "--yes"]);
    assert_eq!(code, 0);
    assert_eq!(fs::read_to_string(&cron).unwrap(), old);
    assert_eq!(
        fs::read(root.join("usr/local/sbin/praxis-tls")).unwrap(),
        b"older copy"
    );
}
