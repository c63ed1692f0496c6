//! The change journal: undo is exact, ordered, crash-proof and never
//! clobbers someone else's work.

#[path = "support/skip.rs"]
mod skip;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use praxis_tls::io::journal::{EntryState, Journal, JournalError, UndoOutcome, run_undo};

fn mode_of(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let state = root.path().join("state");
    let etc = root.path().join("etc");
    fs::create_dir_all(&state).unwrap();
    fs::create_dir_all(&etc).unwrap();
    (root, state, etc)
}

#[test]
fn undo_restores_bytes_and_mode_and_removes_new_files() {
    let (_root, state, etc) = setup();
    let existing = etc.join("oob.conf");
    // Not valid UTF-8 and no trailing newline: must come back exactly.
    let original: &[u8] = b"port=8080\n\xff\xfe\x00tail";
    fs::write(&existing, original).unwrap();
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o640)).unwrap();
    let created = etc.join("new.pem");

    let mut j = Journal::open(&state).unwrap();
    j.write_file(&existing, b"port=443\n", 0o644, "config".into())
        .unwrap();
    j.write_file(&created, b"KEY", 0o600, "key".into()).unwrap();
    assert_eq!(fs::read(&existing).unwrap(), b"port=443\n");
    assert_eq!(mode_of(&existing), 0o644);
    assert_eq!(mode_of(&created), 0o600);

    let reports = j.undo_all(false).unwrap();
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|r| r.outcome.reverted()));
    assert_eq!(fs::read(&existing).unwrap(), original);
    assert_eq!(mode_of(&existing), 0o640);
    assert!(!created.exists());
    assert!(j.entries().iter().all(|e| e.state == EntryState::Undone));
    // Nothing left to undo, also after reopening.
    assert!(Journal::open(&state).unwrap().undoable().is_empty());
}

#[test]
fn a_replaced_file_keeps_its_owner_and_gets_it_back() {
    use std::os::unix::fs::MetadataExt;
    if !nix::unistd::geteuid().is_root() {
        skip::skipped("needs root to chown");
        return;
    }
    let (_root, state, etc) = setup();
    let f = etc.join("service.conf");
    fs::write(&f, b"old").unwrap();
    std::os::unix::fs::chown(&f, Some(65534), Some(65534)).unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).unwrap();
    let mut j = Journal::open(&state).unwrap();
    j.write_file(&f, b"new", 0o600, "svc".into()).unwrap();
    let m = fs::metadata(&f).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (65534, 65534, 0o600));
    j.undo_all(false).unwrap();
    let m = fs::metadata(&f).unwrap();
    assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (65534, 65534, 0o640));
    assert_eq!(fs::read(&f).unwrap(), b"old");
}

#[test]
fn state_files_are_private() {
    let (_root, state, etc) = setup();
    let target = etc.join("public.conf");
    fs::write(&target, b"old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let mut j = Journal::open(&state).unwrap();
    j.write_file(&target, b"new", 0o644, "x".into()).unwrap();
    assert_eq!(mode_of(&state.join("journal.json")), 0o600);
    for sub in ["backups", "staged"] {
        assert_eq!(mode_of(&state.join(sub)), 0o700);
        for f in fs::read_dir(state.join(sub)).unwrap() {
            assert_eq!(mode_of(&f.unwrap().path()), 0o600);
        }
    }
}

#[test]
fn several_changes_to_one_file_unwind_newest_first() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"v0").unwrap();
    let mut j = Journal::open(&state).unwrap();
    let a = j.write_file(&f, b"v1", 0o600, "one".into()).unwrap();
    let b = j.write_file(&f, b"v2", 0o600, "two".into()).unwrap();
    let c = j.write_file(&f, b"v3", 0o600, "three".into()).unwrap();
    let reports = j.undo_all(false).unwrap();
    let order: Vec<u64> = reports.iter().map(|r| r.id).collect();
    assert_eq!(order, vec![c, b, a]);
    assert!(reports.iter().all(|r| r.outcome == UndoOutcome::Restored));
    assert_eq!(fs::read(&f).unwrap(), b"v0");
}

#[test]
fn crash_between_recorded_and_done_is_pending_and_can_be_finished() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"before").unwrap();
    let id = {
        let mut j = Journal::open(&state).unwrap();
        j.record_write_file(&f, b"after", 0o600, "write a".into())
            .unwrap()
        // Dropped here: the process "died" before applying.
    };
    assert_eq!(fs::read(&f).unwrap(), b"before");
    let mut j = Journal::open(&state).unwrap();
    let pending = j.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].id, id);
    assert_eq!(pending[0].description, "write a");
    j.finish(id).unwrap();
    assert!(j.pending().is_empty());
    assert_eq!(fs::read(&f).unwrap(), b"after");
    assert_eq!(j.entry(id).unwrap().state, EntryState::Done);
}

#[test]
fn crash_after_the_write_but_before_done_can_be_finished_or_undone() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"before").unwrap();
    let id = Journal::open(&state)
        .unwrap()
        .record_write_file(&f, b"after", 0o600, "w".into())
        .unwrap();
    // The write happened, the "done" mark did not.
    fs::write(&f, b"after").unwrap();
    let mut j = Journal::open(&state).unwrap();
    assert_eq!(j.pending().len(), 1);
    j.finish(id).unwrap();
    assert_eq!(fs::read(&f).unwrap(), b"after");

    let g = etc.join("b.conf");
    let id = j.record_write_file(&g, b"new", 0o600, "g".into()).unwrap();
    fs::write(&g, b"new").unwrap();
    drop(j);
    let mut j = Journal::open(&state).unwrap();
    assert_eq!(j.undo(id, false).unwrap(), UndoOutcome::Removed);
    assert!(!g.exists());
}

#[test]
fn crash_before_the_write_undoes_to_nothing_to_do() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"before").unwrap();
    let id = Journal::open(&state)
        .unwrap()
        .record_write_file(&f, b"after", 0o600, "w".into())
        .unwrap();
    let mut j = Journal::open(&state).unwrap();
    assert_eq!(j.undo(id, false).unwrap(), UndoOutcome::AlreadyReverted);
    assert!(j.pending().is_empty());
    assert_eq!(fs::read(&f).unwrap(), b"before");
}

#[test]
fn a_file_changed_by_someone_else_is_not_clobbered() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"original").unwrap();
    let mut j = Journal::open(&state).unwrap();
    let id = j.write_file(&f, b"ours", 0o600, "w".into()).unwrap();
    fs::write(&f, b"theirs").unwrap();

    let reports = j.undo_all(false).unwrap();
    assert_eq!(reports[0].outcome, UndoOutcome::Conflict);
    assert_eq!(reports[0].text().id, "journal-undo-conflict");
    assert_eq!(fs::read(&f).unwrap(), b"theirs");
    assert_eq!(j.entry(id).unwrap().state, EntryState::Done);

    // Forced: reverted, and their version kept in the state dir.
    let outcome = j.undo(id, true).unwrap();
    let UndoOutcome::Forced { kept: Some(kept) } = outcome else {
        panic!("expected a forced undo, got {outcome:?}");
    };
    assert_eq!(fs::read(&f).unwrap(), b"original");
    assert_eq!(fs::read(&kept).unwrap(), b"theirs");
    assert_eq!(mode_of(&kept), 0o600);
}

#[test]
fn apply_refuses_when_the_target_changed_after_recording() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"original").unwrap();
    let mut j = Journal::open(&state).unwrap();
    let id = j.record_write_file(&f, b"ours", 0o600, "w".into()).unwrap();
    fs::write(&f, b"theirs").unwrap();
    assert!(matches!(j.apply(id), Err(JournalError::Conflict { .. })));
    assert_eq!(fs::read(&f).unwrap(), b"theirs");
}

#[test]
fn a_damaged_backup_is_never_written_back() {
    let (_root, state, etc) = setup();
    let f = etc.join("a.conf");
    fs::write(&f, b"original").unwrap();
    let mut j = Journal::open(&state).unwrap();
    let id = j.write_file(&f, b"ours", 0o600, "w".into()).unwrap();
    for b in fs::read_dir(state.join("backups")).unwrap() {
        fs::write(b.unwrap().path(), b"garbage").unwrap();
    }
    assert!(matches!(
        j.undo(id, false),
        Err(JournalError::CopyDamaged { .. })
    ));
    assert_eq!(fs::read(&f).unwrap(), b"ours");
}

#[test]
fn a_corrupt_or_newer_journal_is_refused_and_left_alone() {
    let (_root, state, _etc) = setup();
    let path = state.join("journal.json");
    fs::write(&path, b"{not json").unwrap();
    let e = Journal::open(&state).unwrap_err();
    assert_eq!(e.text().id, "journal-corrupt");
    assert_eq!(fs::read(&path).unwrap(), b"{not json");
    fs::write(&path, br#"{"schema":99,"entries":[{"kind":"firewall"}]}"#).unwrap();
    let e = Journal::open(&state).unwrap_err();
    assert!(matches!(e, JournalError::NewerSchema { found: 99, .. }));
}

#[test]
fn run_undo_asks_once_and_reports_each() {
    let (_root, state, etc) = setup();
    let mut j = Journal::open(&state).unwrap();
    j.write_file(&etc.join("a"), b"1", 0o600, "a".into())
        .unwrap();
    j.write_file(&etc.join("b"), b"2", 0o600, "b".into())
        .unwrap();
    drop(j);

    let mut asked = 0;
    let no = run_undo(
        &state,
        false,
        |_| {
            asked += 1;
            false
        },
        |_| false,
        |_| {},
    )
    .unwrap();
    assert_eq!(asked, 1);
    assert!(!no.confirmed && no.reports.is_empty());
    assert_eq!(no.text().id, "journal-undo-cancelled");
    assert!(etc.join("a").exists());

    let mut seen = Vec::new();
    let yes = run_undo(
        &state,
        false,
        |planned| {
            assert_eq!(planned.len(), 2);
            assert_eq!(planned[0].description, "b");
            true
        },
        |_| panic!("no set to break"),
        |r| seen.push(r.id),
    )
    .unwrap();
    assert!(yes.complete());
    assert_eq!(seen, vec![2, 1]);
    assert!(!etc.join("a").exists() && !etc.join("b").exists());
    assert_eq!(yes.text().id, "journal-undo-complete");

    let again = run_undo(
        &state,
        false,
        |_| panic!("nothing to ask"),
        |_| false,
        |_| {},
    )
    .unwrap();
    assert!(again.nothing_to_do());
}

#[test]
fn run_undo_waits_for_a_running_session() {
    let (_root, state, _etc) = setup();
    let _session = praxis_tls::io::lock::Lock::acquire(&state).unwrap();
    let e = run_undo(&state, false, |_| true, |_| false, |_| {}).unwrap_err();
    assert!(e.text().id.starts_with("lock-held"));
}

#[test]
fn a_command_run_is_undone_by_its_counterpart_and_a_failed_one_taken_back() {
    use praxis_tls::core::library::firewall::Command;
    use praxis_tls::io::journal::{Change, CommandRun};
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    fs::create_dir(&state).unwrap();
    let marker = tmp.path().join("timer-enabled");
    let m = marker.display().to_string();
    let mut j = Journal::open(&state).unwrap();
    let change = CommandRun {
        run: vec![Command::new("touch", &[&m])],
        undo: vec![Command::new("rm", &["-f", &m])],
    };
    j.run_commands(change, "enable the timer".into()).unwrap();
    assert!(marker.exists());

    // A later run finds it recorded as done, and undo runs the counterpart.
    let mut j = Journal::open(&state).unwrap();
    let e = &j.entries()[0];
    assert_eq!(e.state, EntryState::Done);
    assert!(matches!(&e.change, Change::Commands(c) if c.display().contains("touch")));
    let reports = j.undo_all(false).unwrap();
    assert_eq!(reports[0].outcome, UndoOutcome::Restored);
    assert!(!marker.exists());

    // A run that fails halfway is taken back at once and not left "done".
    let change = CommandRun {
        run: vec![Command::new("touch", &[&m]), Command::new("false", &[])],
        undo: vec![Command::new("rm", &["-f", &m])],
    };
    assert!(j.run_commands(change, "enable the timer".into()).is_err());
    assert!(!marker.exists(), "the half-run was taken back");
    let last = j.entries().last().unwrap();
    assert_eq!(last.state, EntryState::Undone);
}
