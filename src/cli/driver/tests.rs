use std::sync::{Arc, Mutex};

use praxis_tls::core::library::start::{DetectError, Generation, Installation};
use praxis_tls::core::{Action, CheckId, CheckState, Lang};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::*;

/// One effect the driver started: when, and the step the resume file
/// held at that moment.
struct Ran {
    effect: Effect,
    at: Instant,
    on_disk: Option<Step>,
}

/// Records what the driver starts; answers a detection at once (found
/// at "/", nothing anywhere else), and nothing else.
#[derive(Clone)]
struct Recorder {
    ran: Arc<Mutex<Vec<Ran>>>,
    store: Store,
    tx: UnboundedSender<Msg>,
}

impl Io for Recorder {
    fn run(&self, effect: Effect) {
        let on_disk = self.store.load().ok().flatten().map(|w| w.step);
        if let Effect::DetectInstall {
            dir, generation, ..
        } = &effect
        {
            let result = if dir == Path::new("/") {
                Ok(Installation::new(dir.clone(), Generation::Current))
            } else {
                Err(DetectError::NotFound { path: dir.clone() })
            };
            let generation = *generation;
            self.tx
                .send(Msg::InstallDetected { generation, result })
                .unwrap();
        }
        self.ran.lock().unwrap().push(Ran {
            effect,
            at: Instant::now(),
            on_disk,
        });
    }
    fn saved(&self, _: &Wizard) {}
    fn close_windows_now(&self, _: bool) {}
}

struct Rig {
    driver: Driver<Recorder>,
    ran: Arc<Mutex<Vec<Ran>>>,
    store: Store,
    _dir: tempfile::TempDir,
}

fn rig() -> Rig {
    rig_at(Wizard::new(Lang::En, OffsetDateTime::UNIX_EPOCH))
}

/// A driver that starts from `w`.
fn rig_at(w: Wizard) -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let ran = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = unbounded_channel();
    let io = Recorder {
        ran: ran.clone(),
        store: store.clone(),
        tx,
    };
    let driver = Driver::start(w, &store, io, rx).unwrap();
    Rig {
        driver,
        ran,
        store,
        _dir: dir,
    }
}

impl Rig {
    fn detections(&self) -> Vec<(PathBuf, u64, Instant)> {
        self.ran
            .lock()
            .unwrap()
            .iter()
            .filter_map(|r| match &r.effect {
                Effect::DetectInstall {
                    dir, generation, ..
                } => Some((dir.clone(), *generation, r.at)),
                _ => None,
            })
            .collect()
    }

    fn running_generation(&self) -> u64 {
        match self.driver.wizard().check(CheckId::Installation) {
            CheckState::Running { generation } => *generation,
            other => panic!("not running: {other:?}"),
        }
    }

    /// Waits (on the paused clock) for the next result and handles it.
    async fn settle(&mut self) {
        let msg = tokio::time::timeout(Duration::from_secs(5), self.driver.next())
            .await
            .expect("a result")
            .expect("the channel is open");
        self.driver.handle(msg);
    }
}

/// The step the person moves to is on disk before anything it asks for
/// starts.
#[tokio::test]
async fn a_step_change_is_on_disk_before_its_effects_start() {
    let mut r = rig();
    assert!(!r.driver.handle(Msg::Key(Action::Next)));
    assert_eq!(r.driver.wizard().step, Step::Start);
    let ran = r.ran.lock().unwrap();
    assert!(!ran.is_empty(), "the start step scans for installations");
    for e in ran.iter() {
        assert_eq!(e.on_disk, Some(Step::Start), "{:?}", e.effect);
    }
}

/// Ten characters in 100 ms: one detection, for the whole path, a pause
/// after the last key; and every key's state reaches the disk by the end.
#[tokio::test(start_paused = true)]
async fn typing_ten_characters_runs_detection_once() {
    let mut r = rig();
    r.driver.handle(Msg::Key(Action::Next));
    let path = "/srv/elx-9";
    assert_eq!(path.chars().count(), 10);
    let mut last_key = Instant::now();
    for c in path.chars() {
        r.driver.handle(Msg::Key(Action::Char(c)));
        last_key = Instant::now();
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(r.detections().is_empty(), "nothing runs while she types");
    assert!(r.driver.typing_pending());
    let generation = r.running_generation();
    r.settle().await;
    let detections = r.detections();
    assert_eq!(detections.len(), 1, "{detections:?}");
    let (dir, g, at) = &detections[0];
    assert_eq!(dir, &PathBuf::from(path));
    assert_eq!(*g, generation);
    assert!(*at >= last_key + TYPING_PAUSE);
    assert!(r.driver.wizard().check(CheckId::Installation).is_failed());
    let w = r.driver.finish();
    assert_eq!(w.start.input.value, path);
    assert_eq!(r.store.load().unwrap().unwrap().start.input.value, path);
}

/// A detection already running when she types on answers late: its
/// result is dropped, and the newer one decides.
#[tokio::test(start_paused = true)]
async fn a_stale_detection_never_overwrites_a_newer_one() {
    let mut r = rig();
    r.driver.handle(Msg::Key(Action::Next));
    r.driver.handle(Msg::Key(Action::Char('/')));
    let old = r.running_generation();
    tokio::time::sleep(TYPING_PAUSE * 2).await;
    // The pause has passed: the detection for "/" starts when the driver
    // next waits, and its answer (found) comes back.
    let answer = r.driver.next().await.unwrap();
    assert_eq!(r.detections().len(), 1);
    // She typed on before the answer was handled: it is stale now.
    r.driver.handle(Msg::Key(Action::Char('x')));
    let new = r.running_generation();
    assert!(new > old);
    r.driver.handle(answer);
    assert_eq!(r.running_generation(), new, "the old answer was dropped");
    assert!(r.driver.wizard().start.found.is_none());
    r.settle().await;
    assert!(r.driver.wizard().check(CheckId::Installation).is_failed());
    assert_eq!(r.detections().len(), 2);
}

/// F5 asks at once; a detection still waiting for a pause is dropped.
#[tokio::test(start_paused = true)]
async fn an_explicit_recheck_replaces_the_one_waiting() {
    let mut r = rig();
    r.driver.handle(Msg::Key(Action::Next));
    r.driver.handle(Msg::Key(Action::Char('/')));
    assert!(r.driver.typing_pending());
    r.driver.handle(Msg::Key(Action::Recheck));
    assert!(!r.driver.typing_pending());
    assert_eq!(r.detections().len(), 1);
}

/// Only typing-like keys wait for the writer: a step change, a result, an
/// effect that changes something outside, or the end is saved first.
#[test]
fn what_is_saved_before_its_effects() {
    let detect = Effect::DetectInstall {
        dir: "/srv".into(),
        generation: 1,
        typing: true,
    };
    let open = Effect::ResolvePending { finish: true };
    let (start, domain) = (Step::Start, Step::Domain);
    assert!(may_wait(
        true,
        start,
        start,
        &[Effect::Persist, detect.clone()]
    ));
    assert!(!may_wait(true, start, domain, &[Effect::Persist]));
    assert!(!may_wait(false, start, start, &[Effect::Persist, detect]));
    assert!(!may_wait(true, start, start, &[Effect::Persist, open]));
    assert!(!may_wait(
        true,
        start,
        start,
        &[Effect::Persist, Effect::Quit]
    ));
}

/// The domain step's delegation look-up waits for typing to pause too:
/// twelve characters, one look-up, for the whole name.
#[tokio::test(start_paused = true)]
async fn typing_a_name_looks_its_delegation_up_once() {
    let mut w = Wizard::new(Lang::En, OffsetDateTime::UNIX_EPOCH);
    w.step = Step::Domain;
    let mut r = rig_at(w);
    let ran = r.ran.clone();
    let lookups = || -> Vec<(String, Instant)> {
        ran.lock()
            .unwrap()
            .iter()
            .filter_map(|r| match &r.effect {
                Effect::CheckDelegation { registered, .. } => Some((registered.clone(), r.at)),
                _ => None,
            })
            .collect()
    };
    let name = "termine.a.ch";
    let mut last_key = Instant::now();
    for c in name.chars() {
        r.driver.handle(Msg::Key(Action::Char(c)));
        last_key = Instant::now();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(lookups().is_empty(), "nothing is looked up while she types");
    assert!(r.driver.typing_pending());
    tokio::time::sleep(TYPING_PAUSE).await;
    let _ = tokio::time::timeout(Duration::from_millis(10), r.driver.next()).await;
    let done = lookups();
    assert_eq!(done.len(), 1, "{done:?}");
    assert_eq!(done[0].0, "a.ch");
    assert!(done[0].1 >= last_key + TYPING_PAUSE);
}

/// Keys half a second apart keep the verdicts back; a second after the
/// last one the driver says, once, that typing has settled.
#[tokio::test(start_paused = true)]
async fn typing_settles_once_a_second_after_the_last_key() {
    let mut r = rig();
    r.driver.handle(Msg::Key(Action::Next));
    let mut last_key = Instant::now();
    let mut settled = Vec::new();
    for c in "/srv".chars() {
        r.driver.handle(Msg::Key(Action::Char(c)));
        last_key = Instant::now();
        // What arrives in the half second before the next key.
        while let Ok(Some(msg)) =
            tokio::time::timeout_at(last_key + Duration::from_millis(500), r.driver.next()).await
        {
            if msg == Msg::TypingSettled {
                settled.push(Instant::now());
            }
            r.driver.handle(msg);
        }
        assert!(r.driver.wizard().session.typing, "settled between keys");
    }
    assert!(settled.is_empty());
    while r.driver.typing_pending() {
        let msg = r.driver.next().await.unwrap();
        if msg == Msg::TypingSettled {
            settled.push(Instant::now());
        }
        r.driver.handle(msg);
    }
    assert_eq!(settled, vec![last_key + TYPING_SETTLE]);
    assert!(!r.driver.wizard().session.typing);
}
