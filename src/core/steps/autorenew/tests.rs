use std::path::PathBuf;

use time::OffsetDateTime;

use super::*;
use crate::core::library::schedule::Verdict;
use crate::core::library::schedule::{SchedulePlan, Scheduler};
use crate::core::{Lang, Msg, Step, update};

fn now() -> OffsetDateTime {
    OffsetDateTime::UNIX_EPOCH
}

fn plan() -> SchedulePlan {
    SchedulePlan {
        scheduler: Scheduler::Systemd,
        binary: PathBuf::from("/usr/local/sbin/praxis-tls"),
        copy_from: Some(PathBuf::from("/root/target/release/praxis-tls")),
        write_units: true,
        findings: Vec::new(),
    }
}

fn view() -> ScheduleView {
    ScheduleView {
        verdict: Verdict::NotSet,
        plan: Ok(plan()),
        stored_mail: None,
        password_stored: false,
    }
}

/// On the renewal step, with what io found answered.
fn on_step() -> (Wizard, u64) {
    let mut w = Wizard::new(Lang::De, now());
    w.step = Step::Systems;
    let effects = update(&mut w, Msg::Key(Action::Next), now());
    assert_eq!(w.step, Step::AutoRenew);
    let generation = match effects.as_slice() {
        [Effect::Persist, Effect::InspectSchedule { generation }] => *generation,
        other => panic!("{other:?}"),
    };
    update(
        &mut w,
        Msg::ScheduleInspected {
            generation,
            view: view(),
        },
        now(),
    );
    (w, generation)
}

/// The effects of a key press, without the save that every change asks for.
fn key(w: &mut Wizard, a: Action) -> Vec<Effect> {
    let mut e = update(w, Msg::Key(a), now());
    e.retain(|e| *e != Effect::Persist);
    e
}

fn typed(w: &mut Wizard, s: &str) {
    for c in s.chars() {
        key(w, Action::Char(c));
    }
}

#[test]
fn nothing_is_set_up_before_a_yes() {
    let (mut w, _) = on_step();
    assert_eq!(crate::core::gate(&w), crate::core::Gate::Blocked);
    let effects = key(&mut w, Action::Next);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(w.session.overlay, Overlay::ConfirmAction);
    // No: nothing happens, the step stays.
    key(&mut w, Action::No);
    assert_eq!(w.session.overlay, Overlay::None);
    assert_eq!(w.step, Step::AutoRenew);
    key(&mut w, Action::Next);
    let effects = key(&mut w, Action::Yes);
    let generation = match effects.as_slice() {
        [
            Effect::InstallSchedule {
                mail: None,
                password: None,
                generation,
                ..
            },
        ] => *generation,
        other => panic!("{other:?}"),
    };
    let done = RenewalSetUp {
        binary: "/usr/local/sbin/praxis-tls".into(),
        mail: false,
    };
    update(
        &mut w,
        Msg::ScheduleInstalled {
            generation,
            result: Ok(done),
        },
        now(),
    );
    assert!(w.check(CheckId::Schedule).is_passed());
    assert!(!not_set_up(&w));
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Done);
}

#[test]
fn skipping_is_explicit_and_remembered() {
    let (mut w, _) = on_step();
    key(&mut w, Action::Down);
    assert_eq!(w.autorenew.choice, RenewChoice::Skip);
    assert_eq!(field(&w), None, "no form while skipping");
    key(&mut w, Action::Next);
    assert_eq!(w.step, Step::Done);
    assert!(w.autorenew.skipped);
    assert!(not_set_up(&w), "«Fertig» warns");
}

#[test]
fn the_mail_form_is_checked_and_the_password_never_saved() {
    let (mut w, _) = on_step();
    assert!(
        crate::core::text_input_active(&w),
        "letters type into the form"
    );
    typed(&mut w, "mail.praxis-muster.ch:465");
    key(&mut w, Action::NextField);
    typed(&mut w, "praxis@praxis-muster.ch");
    key(&mut w, Action::NextField);
    typed(&mut w, "it@example.ch, doc@praxis-muster.ch");
    key(&mut w, Action::NextField);
    typed(&mut w, "praxis");
    key(&mut w, Action::NextField);
    typed(&mut w, "geheim");
    let effects = key(&mut w, Action::TestMail);
    let Some(Effect::SendTestMail { mail, password, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(mail.host, "mail.praxis-muster.ch");
    assert_eq!(mail.port, 465);
    assert!(mail.implicit_tls);
    assert_eq!(mail.to, ["it@example.ch", "doc@praxis-muster.ch"]);
    assert_eq!(mail.user.as_deref(), Some("praxis"));
    assert_eq!(password.as_deref(), Some("geheim"));
    let saved = serde_json::to_string(&w).unwrap();
    assert!(!saved.contains("geheim"), "{saved}");
}

#[test]
fn a_half_filled_form_says_what_is_missing() {
    let (mut w, _) = on_step();
    key(&mut w, Action::NextField);
    typed(&mut w, "praxis@praxis-muster.ch");
    let effects = key(&mut w, Action::Next);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        w.session.overlay,
        Overlay::None,
        "not asked with a bad form"
    );
    let f = w.check(CheckId::TestMail).finding().unwrap();
    assert_eq!(f.summary.id, "autorenew-mail-host-missing");
    let m = MailForm {
        host: TextInput::new("mail.x.ch:abc"),
        ..MailForm::default()
    };
    assert_eq!(
        mail_request(&m).unwrap_err().id,
        "autorenew-mail-host-invalid"
    );
}

#[test]
fn stored_mail_settings_fill_an_empty_form() {
    let mut w = Wizard::new(Lang::De, now());
    w.step = Step::AutoRenew;
    let generation = match on_enter(&mut w).as_slice() {
        [Effect::InspectSchedule { generation }] => *generation,
        other => panic!("{other:?}"),
    };
    let mut v = view();
    v.stored_mail = Some(MailRequest {
        host: "smtp.hin.ch".into(),
        port: 587,
        implicit_tls: false,
        user: None,
        from: "praxis@hin.ch".into(),
        to: vec!["it@hin.ch".into()],
    });
    update(
        &mut w,
        Msg::ScheduleInspected {
            generation,
            view: v,
        },
        now(),
    );
    assert_eq!(w.autorenew.mail.host.value, "smtp.hin.ch");
    assert_eq!(w.autorenew.mail.to.value, "it@hin.ch");
}

#[test]
fn a_late_inspection_is_dropped() {
    let (mut w, generation) = on_step();
    let mut stale = view();
    stale.plan = Err(Text::new("schedule-no-scheduler"));
    update(
        &mut w,
        Msg::ScheduleInspected {
            generation,
            view: stale,
        },
        now(),
    );
    assert!(!w.check(CheckId::Schedule).is_failed());
}
