//! Every Text the io layer produces has a message in de, de-CH (over
//! de) and en, formats without a missing variable, and de and en have
//! the same ids with the same variables.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::PathBuf;

use crate::core::Text;
use crate::io::atomic::FsFault;
use crate::io::journal::{Entry, JournalError, UndoOutcome, UndoReport, UndoSummary, confirm_text};
use crate::io::lock::{LockError, LockHolder};
use crate::io::store::StoreError;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

fn ftl(lang: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/i18n/{lang}/journal.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn bundle(layers: &[&str]) -> FluentBundle<FluentResource> {
    let mut b = FluentBundle::new(vec!["de".parse().unwrap()]);
    b.set_use_isolating(false);
    for l in layers {
        let res = FluentResource::try_new(ftl(l)).unwrap_or_else(|(_, e)| panic!("{l}: {e:?}"));
        b.add_resource_overriding(res);
    }
    b
}

/// id -> variables, read from the source text.
fn ids_and_vars(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for line in src
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains(" = "))
    {
        let (id, body) = line.split_once(" = ").unwrap();
        let vars = body
            .split("{ $")
            .skip(1)
            .map(|s| s.split(' ').next().unwrap().to_string())
            .collect();
        out.insert(id.to_string(), vars);
    }
    out
}

fn all_texts() -> Vec<Text> {
    let p = || PathBuf::from("/etc/x.conf");
    let errno = |c| io::Error::from_raw_os_error(c);
    let holder = |from: Option<&str>| LockHolder {
        pid: 1234,
        user: "root".into(),
        sudo_user: None,
        from: from.map(str::to_string),
        tty: None,
        since: time::OffsetDateTime::UNIX_EPOCH,
    };
    let mut texts = Vec::new();
    for c in [
        nix::libc::EACCES,
        nix::libc::EROFS,
        nix::libc::ENOSPC,
        nix::libc::EIO,
    ] {
        texts.push(StoreError::io(p(), errno(c)).text());
        texts.push(
            JournalError::Target {
                path: p(),
                fault: FsFault::of(&errno(c)),
                source: errno(c),
            }
            .text(),
        );
    }
    texts.push(
        StoreError::NewerSchema {
            path: p(),
            found: 2,
            supported: 1,
        }
        .text(),
    );
    texts.push(
        StoreError::Broken {
            path: p(),
            moved_to: p(),
            reason: "x".into(),
        }
        .text(),
    );
    texts.push(LockError::Held(Some(holder(Some("192.0.2.7")))).text());
    texts.push(LockError::Held(Some(holder(None))).text());
    texts.push(LockError::Held(None).text());
    for e in [
        JournalError::Corrupt {
            path: p(),
            reason: "x".into(),
        },
        JournalError::NewerSchema {
            path: p(),
            found: 2,
            supported: 1,
        },
        JournalError::UnknownEntry(3),
        JournalError::WrongState {
            id: 3,
            state: crate::io::journal::EntryState::Done,
        },
        JournalError::Conflict { path: p() },
        JournalError::CopyDamaged { path: p() },
        JournalError::NotAFile { path: p() },
    ] {
        texts.push(e.text());
    }
    for outcome in [
        UndoOutcome::Restored,
        UndoOutcome::Removed,
        UndoOutcome::AlreadyReverted,
        UndoOutcome::Conflict,
        UndoOutcome::Forced { kept: Some(p()) },
        UndoOutcome::Failed(Text::new("journal-conflict").arg("path", "/x")),
        UndoOutcome::KeptWithSet {
            edited: "/y".into(),
        },
    ] {
        let report = UndoReport {
            id: 1,
            description: "d".into(),
            kind: "file",
            port: String::new(),
            target: "/x".into(),
            outcome,
        };
        texts.push(report.text());
        if let UndoOutcome::Failed(reason) = &report.outcome {
            texts.push(reason.clone());
        }
    }
    texts.extend(change_set_texts());
    let planned: Vec<Entry> = Vec::new();
    texts.push(confirm_text(&planned));
    texts.push(UndoSummary::default().text());
    texts
}

/// Every question and consequence a broken change set can show.
fn change_set_texts() -> Vec<Text> {
    use crate::core::library::change_set::{Found, Member, Role, SetMember, breaks};
    let m = |id, role, found, removes| Member {
        id,
        set: Some(SetMember::new("s", role)),
        target: format!("/f/{id}"),
        found,
        removes,
    };
    let ms = [
        m(1, Role::Key, Found::Ours, true),
        m(2, Role::Certificate, Found::Ours, true),
        m(3, Role::Key, Found::Ours, false),
        m(4, Role::Certificate, Found::Ours, false),
        m(5, Role::File, Found::Ours, false),
        m(6, Role::Configuration, Found::ByHand, false),
    ];
    let mut out = vec![Text::new("change-set-ask")];
    for b in breaks(&ms) {
        out.push(b.question());
        out.extend(b.consequences);
    }
    out
}

#[test]
fn de_and_en_have_the_same_ids_and_variables() {
    assert_eq!(ids_and_vars(&ftl("de")), ids_and_vars(&ftl("en")));
    let ch = ids_and_vars(&ftl("de-CH"));
    let de = ids_and_vars(&ftl("de"));
    for (id, vars) in &ch {
        assert_eq!(de.get(id), Some(vars), "de-CH overlays an unknown id {id}");
    }
    assert!(!ftl("de-CH").contains('ß'));
}

#[test]
fn every_text_formats_in_every_language() {
    for layers in [&["de"][..], &["de", "de-CH"], &["en"]] {
        let b = bundle(layers);
        for t in all_texts() {
            let msg = b
                .get_message(&t.id)
                .unwrap_or_else(|| panic!("{layers:?}: no {}", t.id));
            let mut args = FluentArgs::new();
            for (k, v) in &t.args {
                args.set(k.as_str(), crate::i18n::value(crate::core::Lang::En, v));
            }
            let mut errors = Vec::new();
            let out = b.format_pattern(msg.value().unwrap(), Some(&args), &mut errors);
            assert!(errors.is_empty(), "{layers:?} {}: {errors:?}", t.id);
            assert!(!out.is_empty());
        }
    }
}

/// The journal keeps an English description of each change; a German
/// undo line names the change in German instead (issue: «proxy
/// configuration … for …» in the middle of German output).
#[test]
fn undo_lines_name_the_change_in_the_persons_language() {
    let line = |kind: &'static str, lang| {
        let r = UndoReport {
            id: 1,
            description: "proxy configuration for termine.praxis.ch".into(),
            kind,
            port: "28402".into(),
            target: "/srv/elexis-oob/traefik.toml".into(),
            outcome: UndoOutcome::Restored,
        };
        crate::i18n::text(lang, &r.text())
    };
    use crate::core::Lang;
    let de = line("file", Lang::De);
    assert_eq!(de, "/srv/elexis-oob/traefik.toml ist wieder wie vorher.");
    assert_eq!(
        line("firewall", Lang::De),
        "Das Firewall-Fenster für Port 28402 ist wieder wie vorher."
    );
    assert_eq!(
        line("firewall", Lang::En),
        "The firewall window for port 28402 is as it was before."
    );
    for lang in [Lang::De, Lang::DeCh, Lang::En] {
        assert!(!line("guard", lang).contains("proxy configuration"));
    }
}
