use super::*;

fn facts(running: &str) -> ScheduleFacts {
    ScheduleFacts {
        scheduler: Some(Scheduler::Systemd),
        packaged_units: false,
        packaged_binary: false,
        etc_units: false,
        active: false,
        scheduled: None,
        running: PathBuf::from(running),
        local_copy: LocalCopy::Missing,
    }
}

fn run(binary: &str, exists: bool) -> Option<ScheduledRun> {
    Some(ScheduledRun {
        binary: PathBuf::from(binary),
        binary_exists: exists,
        state_dir: Some(PathBuf::from(DEFAULT_STATE_DIR)),
    })
}

const STATE: &str = DEFAULT_STATE_DIR;

#[test]
fn a_build_folder_is_never_named_a_copy_is_made() {
    let f = facts("/root/praxis-tls/target/release/praxis-tls");
    let p = plan(&f, Path::new(STATE)).unwrap();
    assert_eq!(p.binary, Path::new(LOCAL_BINARY));
    assert_eq!(
        p.copy_from.as_deref(),
        Some(Path::new("/root/praxis-tls/target/release/praxis-tls"))
    );
    assert!(p.write_units);
}

#[test]
fn the_package_is_enabled_as_it_is() {
    let mut f = facts(PACKAGE_BINARY);
    f.packaged_units = true;
    f.packaged_binary = true;
    let p = plan(&f, Path::new(STATE)).unwrap();
    assert_eq!(p.binary, Path::new(PACKAGE_BINARY));
    assert_eq!(p.copy_from, None);
    assert!(
        !p.write_units,
        "the package's units are switched on, not rewritten"
    );
    assert!(p.findings.is_empty());
    // Another state directory needs units of its own.
    let p = plan(&f, Path::new("/srv/praxis")).unwrap();
    assert!(p.write_units);
}

#[test]
fn a_package_over_a_hand_copied_binary_prefers_the_package() {
    let mut f = facts("/tmp/praxis-tls");
    f.packaged_units = true;
    f.packaged_binary = true;
    f.etc_units = true;
    f.scheduled = run("/tmp/praxis-tls", true);
    let p = plan(&f, Path::new(STATE)).unwrap();
    assert_eq!(p.binary, Path::new(PACKAGE_BINARY));
    assert_eq!(p.copy_from, None);
    assert!(
        p.write_units,
        "the old units in /etc would shadow the package's"
    );
    let ids: Vec<&str> = p.findings.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "schedule-finding-package-preferred",
            "schedule-finding-other-binary"
        ]
    );
}

#[test]
fn a_stale_local_copy_is_replaced_and_said() {
    let mut f = facts("/home/it/praxis-tls");
    f.local_copy = LocalCopy::Different;
    let p = plan(&f, Path::new(STATE)).unwrap();
    assert!(p.copy_from.is_some());
    assert_eq!(p.findings[0].id, "schedule-finding-stale-copy");
    f.local_copy = LocalCopy::Same;
    let p = plan(&f, Path::new(STATE)).unwrap();
    assert_eq!(p.copy_from, None, "the same program is not copied again");
}

#[test]
fn running_from_the_local_copy_needs_no_copy() {
    let p = plan(&facts(LOCAL_BINARY), Path::new(STATE)).unwrap();
    assert_eq!(p.copy_from, None);
    assert_eq!(p.binary, Path::new(LOCAL_BINARY));
}

#[test]
fn no_scheduler_is_said() {
    let mut f = facts(LOCAL_BINARY);
    f.scheduler = None;
    assert_eq!(
        plan(&f, Path::new(STATE)).unwrap_err().id,
        "schedule-no-scheduler"
    );
}

#[test]
fn verdicts() {
    let state = Path::new(STATE);
    let mut f = facts(LOCAL_BINARY);
    assert_eq!(judge(&f, state), Verdict::NotSet);
    f.scheduled = run(LOCAL_BINARY, true);
    assert_eq!(judge(&f, state), Verdict::Inactive);
    f.active = true;
    assert!(judge(&f, state).works());
    f.scheduled = run(LOCAL_BINARY, false);
    assert!(matches!(judge(&f, state), Verdict::Missing { .. }));
    assert!(judge(&f, state).broken());
    f.scheduled = run("/root/target/release/praxis-tls", true);
    assert!(matches!(judge(&f, state), Verdict::Unstable { .. }));
    assert!(judge(&f, state).broken());
    f.scheduled = run(PACKAGE_BINARY, true);
    assert!(matches!(
        judge(&f, Path::new("/srv/other")),
        Verdict::OtherStateDir { .. }
    ));
}

#[test]
fn cron_runs_twice_in_working_hours_and_differs_by_server() {
    let mut seen = std::collections::BTreeSet::new();
    for host in ["praxis-a", "praxis-b", "praxis-c", "praxis-d", "praxis-e"] {
        let (minute, hours) = cron_time(host);
        assert!(minute < 60);
        let h: Vec<u8> = hours.split(',').map(|h| h.parse().unwrap()).collect();
        assert_eq!(h.len(), 2);
        assert!((8..11).contains(&h[0]) && h[1] == h[0] + 5, "{hours}");
        assert_eq!(cron_time(host), (minute, hours.clone()), "stable");
        seen.insert((minute, hours));
    }
    assert!(seen.len() > 1, "practices are spread");
}
