//! `praxis-tls schedule` as the real binary, below a temporary root: the
//! systemd units (or the cron entry) are written through the journal,
//! a second run changes nothing, and `undo` or `schedule --remove` takes
//! them away again.

use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_praxis-tls");

fn praxis(state: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(BIN)
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

#[test]
fn systemd_units_are_written_and_undo_removes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (tmp.path().join("root"), tmp.path().join("state"));
    std::fs::create_dir_all(root.join("run/systemd/system")).unwrap();
    let root_s = root.display().to_string();

    let (code, out, err) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    let units = root.join("etc/systemd/system");
    let service = units.join("praxis-tls-renew.service");
    let timer = units.join("praxis-tls-renew.timer");
    assert!(
        out.contains(&format!("file: {}", service.display())),
        "{out}"
    );
    assert!(out.contains(&format!("file: {}", timer.display())), "{out}");
    let text = std::fs::read_to_string(&service).unwrap();
    let state_abs = std::path::absolute(&state).unwrap();
    assert!(
        text.contains(&format!("renew --state-dir {}", state_abs.display())),
        "{text}"
    );
    assert!(text.contains(BIN), "{text}");
    assert!(
        std::fs::read_to_string(&timer)
            .unwrap()
            .contains("OnCalendar=daily")
    );
    assert!(err.contains("Written:"), "{err}");
    assert!(err.contains("[Service]"), "what it wrote is shown: {err}");

    // Again: nothing changes, nothing more in the journal.
    let journal = std::fs::read(state.join("journal.json")).unwrap();
    let (code, _, err) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0);
    assert!(err.contains("nothing changed"), "{err}");
    assert_eq!(std::fs::read(state.join("journal.json")).unwrap(), journal);

    let (code, _, _) = praxis(&state, &["undo", "--yes"]);
    assert_eq!(code, 0);
    assert!(!service.exists() && !timer.exists());
}

#[test]
fn cron_where_systemd_does_not_run_and_remove_takes_it_away() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, state) = (tmp.path().join("root"), tmp.path().join("state"));
    std::fs::create_dir_all(root.join("etc/cron.d")).unwrap();
    // A unit directory alone is no running systemd.
    std::fs::create_dir_all(root.join("etc/systemd/system")).unwrap();
    let root_s = root.display().to_string();

    let (code, out, _) = praxis(&state, &["schedule", "--root", &root_s]);
    assert_eq!(code, 0);
    let cron = root.join("etc/cron.d/praxis-tls-renew");
    assert!(out.contains(&format!("file: {}", cron.display())), "{out}");
    let text = std::fs::read_to_string(&cron).unwrap();
    assert!(text.contains(" * * * root "), "{text}");
    assert!(text.contains("renew --state-dir"), "{text}");
    assert!(
        !root
            .join("etc/systemd/system/praxis-tls-renew.timer")
            .exists()
    );

    let (code, _, err) = praxis(&state, &["schedule", "--remove", "--root", &root_s]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Removed:"), "{err}");
    assert!(!cron.exists());
    assert!(root.join("etc/cron.d").is_dir(), "only our file goes");

    let (code, _, err) = praxis(&state, &["schedule", "--remove", "--root", &root_s]);
    assert_eq!(code, 0);
    assert!(err.contains("No daily run"), "{err}");
    let (_, out, _) = praxis(&state, &["undo", "--yes"]);
    assert!(out.contains("nothing to undo"), "{out}");
}
