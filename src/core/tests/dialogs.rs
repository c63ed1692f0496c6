//! The key rules every dialog and screen shares: Esc closes what is on
//! top, long text scrolls, starting over keeps what is true outside, and
//! nothing acts on a window too small to see.

use super::*;
use crate::core::library::attempts::{Attempt, AttemptOutcome};
use crate::core::library::firewall::{Detection, plan_for};
use crate::core::library::status::CertRecord;

fn record() -> CertRecord {
    CertRecord {
        domain: "termine.meine-praxis.ch".into(),
        path_crt: "/var/lib/praxis-tls/certs/t.crt".into(),
        path_key: "/var/lib/praxis-tls/certs/t.key".into(),
        not_before: NOW,
        not_after: NOW + time::Duration::days(90),
        issuer: "R13".into(),
        fingerprint_sha256: "AB:CD".into(),
        renewal: Default::default(),
    }
}

fn attempt(outcome: AttemptOutcome) -> Attempt {
    Attempt {
        at: NOW,
        name: "termine.meine-praxis.ch".into(),
        registered: "meine-praxis.ch".into(),
        production: true,
        outcome,
    }
}

/// A wizard that got far, read back after a restart of the program.
fn far_and_resumed() -> Wizard {
    let mut w = at_domain_ok();
    w.step = Step::Install;
    w.certificate.installed = Some(record());
    w.certificate
        .attempts
        .record(attempt(AttemptOutcome::Failed));
    w.certificate
        .attempts
        .record(attempt(AttemptOutcome::Issued));
    crate::core::resumed(w)
}

#[test]
fn starting_over_is_asked_again_and_keeps_what_is_installed() {
    let mut w = far_and_resumed();
    let attempts = w.certificate.attempts.clone();
    key(&mut w, Action::Down);
    assert!(
        key(&mut w, Action::Next).is_empty(),
        "nothing is erased yet"
    );
    assert_eq!(w.session.overlay, Overlay::ConfirmStartOver);
    assert_eq!(w.step, Step::Install);

    // Esc goes back to the question, with «continue» chosen.
    key(&mut w, Action::Back);
    assert_eq!(
        w.session.overlay,
        Overlay::Resume {
            continue_selected: true
        }
    );
    assert_eq!(w.step, Step::Install);

    key(&mut w, Action::No);
    let e = key(&mut w, Action::Yes);
    assert!(e.contains(&Effect::Persist));
    assert_eq!(w.step, Step::Language);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.domain.input.value, "", "the answers start afresh");
    assert_eq!(
        w.certificate.installed,
        Some(record()),
        "status still knows the certificate in use"
    );
    assert_eq!(w.certificate.attempts, attempts, "the limits still count");
}

#[test]
fn esc_closes_the_resume_question_where_the_person_was() {
    let mut w = far_and_resumed();
    key(&mut w, Action::Back);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.step, Step::Install);
    assert!(w.certificate.installed.is_some());
}

#[test]
fn esc_closes_the_details_before_it_leaves_the_step() {
    let mut w = at_domain_ok();
    key(&mut w, Action::Detail);
    assert!(w.session.show_detail);
    key(&mut w, Action::Back);
    assert!(!w.session.show_detail);
    assert_eq!(w.step, Step::Domain, "still on the step");
    key(&mut w, Action::Back);
    assert_eq!(w.step, Step::Start);
}

fn asking_to_open() -> Wizard {
    let mut w = at_domain_ok();
    w.step = Step::Firewall;
    let d = Detection {
        nft: true,
        ..Detection::default()
    };
    w.network.firewall = Some(plan_for(&d, 28402, 900));
    key(&mut w, Action::OpenWindow);
    assert_eq!(w.session.overlay, Overlay::ConfirmOpen);
    w
}

#[test]
fn esc_closes_a_dialogs_details_before_the_dialog() {
    let mut w = asking_to_open();
    assert!(!w.session.dialog_detail, "the commands start hidden");
    key(&mut w, Action::Detail);
    assert!(w.session.dialog_detail);
    key(&mut w, Action::Back);
    assert!(!w.session.dialog_detail);
    assert_eq!(w.session.overlay, Overlay::ConfirmOpen, "still asking");
    key(&mut w, Action::Back);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.step, Step::Firewall, "the step stays");
}

#[test]
fn a_long_dialog_scrolls_within_what_the_screen_showed() {
    let mut w = asking_to_open();
    key(&mut w, Action::Detail);
    update(
        &mut w,
        Msg::Viewport(Viewport {
            dialog_max: Some(9),
            ..Viewport::default()
        }),
        NOW,
    );
    key(&mut w, Action::PageDown);
    assert_eq!(w.session.dialog_scroll, 6);
    key(&mut w, Action::PageDown);
    assert_eq!(w.session.dialog_scroll, 9, "no further than the end");
    key(&mut w, Action::PageUp);
    assert_eq!(w.session.dialog_scroll, 3);
    key(&mut w, Action::Up);
    assert_eq!(w.session.dialog_scroll, 2, "↑ moves a line");
    assert_eq!(
        w.session.overlay,
        Overlay::ConfirmOpen,
        "paging answers nothing"
    );
    key(&mut w, Action::No);
    key(&mut w, Action::Help);
    assert_eq!(
        w.session.dialog_scroll, 0,
        "the next dialog starts at its top"
    );
    assert!(!w.session.dialog_detail);
}

#[test]
fn nothing_but_quit_acts_on_the_too_small_screen() {
    let mut w = at_start_found();
    let small = Viewport {
        too_small: true,
        ..Viewport::default()
    };
    update(&mut w, Msg::Viewport(small), NOW);
    assert!(
        !crate::core::text_input_active(&w),
        "letters do not type unseen"
    );
    let before = w.clone();
    for a in [
        Action::Next,
        Action::Back,
        Action::Help,
        Action::ToggleLang,
        Action::Recheck,
        Action::Override,
        Action::Detail,
        Action::Char('x'),
        Action::Backspace,
        Action::Toggle,
        Action::PageDown,
        Action::Down,
        Action::Yes,
    ] {
        assert!(key(&mut w, a).is_empty(), "{a:?} acted");
        assert_eq!(w, before, "{a:?} changed the wizard");
    }
    assert_eq!(key(&mut w, Action::Quit), vec![Effect::Quit]);

    // Large enough again: the keys act as before.
    let mut w = before;
    update(&mut w, Msg::Viewport(Viewport::default()), NOW);
    key(&mut w, Action::Help);
    assert_eq!(w.session.overlay, Overlay::Help);
}

#[test]
fn enter_on_done_reads_on_before_it_quits() {
    let mut w = Wizard::new(Lang::De, NOW);
    w.step = Step::Done;
    let v = Viewport {
        body_max: Some(14),
        ..Viewport::default()
    };
    update(&mut w, Msg::Viewport(v), NOW);
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(w.session.scroll, 10);
    assert!(key(&mut w, Action::Next).is_empty());
    assert_eq!(w.session.scroll, 14);
    assert_eq!(key(&mut w, Action::Next), vec![Effect::Quit]);
}
