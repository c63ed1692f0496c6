//! Earlier versions kept `renew`'s reminders and failure mails apart from
//! the state, in `renew-reminders.json`. They now belong to the one attempt
//! history in the state: folded in when the state is loaded, and the old
//! file removed once a state that holds them is on disk.

use std::path::Path;

use crate::core::Wizard;
use crate::core::library::attempts::{Notice, NoticeKind};
use crate::core::library::renew::{Attempt, AttemptKind};

pub const LEGACY_NOTICES: &str = "renew-reminders.json";

/// Adds what the old file holds to the wizard's history; a file that is
/// missing or unreadable adds nothing.
pub fn fold_in(dir: &Path, w: &mut Wizard) {
    let Ok(bytes) = crate::io::safe_dir::read(&dir.join(LEGACY_NOTICES)) else {
        return;
    };
    let old: Vec<Attempt> = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!("{LEGACY_NOTICES} unreadable, ignored: {e}");
            return;
        }
    };
    for a in old {
        // Only these two were ever written there.
        let kind = match a.kind {
            AttemptKind::Reminder => NoticeKind::Reminder,
            AttemptKind::FailureMailed => NoticeKind::FailureMailed,
            AttemptKind::Production { .. } | AttemptKind::Staging { .. } => continue,
        };
        w.certificate.attempts.notice(Notice {
            domain: a.domain,
            at: a.at,
            kind,
        });
    }
}

/// After a save: the state holds everything the old file did.
pub fn retire(dir: &Path) {
    match std::fs::remove_file(dir.join(LEGACY_NOTICES)) {
        Ok(()) => tracing::info!("{LEGACY_NOTICES} folded into the state"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!("{LEGACY_NOTICES}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Lang;
    use crate::io::store::Store;
    use time::macros::datetime;

    #[test]
    fn the_old_file_is_folded_in_on_load_and_gone_after_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("s")).unwrap();
        let now = datetime!(2026-11-24 12:00 UTC);
        store.save(&Wizard::new(Lang::De, now)).unwrap();
        let old = r#"[{"domain":"termine.praxis-muster.ch","at":"2026-11-20T06:00:00Z",
            "kind":{"kind":"reminder"}},{"domain":"termine.praxis-muster.ch",
            "at":"2026-11-23T06:00:00Z","kind":{"kind":"failure-mailed"}}]"#;
        let file = store.dir().join(LEGACY_NOTICES);
        std::fs::write(&file, old).unwrap();

        let w = store.load().unwrap().unwrap();
        let kinds: Vec<NoticeKind> = w
            .certificate
            .attempts
            .notices
            .iter()
            .map(|n| n.kind)
            .collect();
        assert_eq!(kinds, [NoticeKind::Reminder, NoticeKind::FailureMailed]);
        assert!(file.exists(), "kept until the state holds it");
        store.save(&w).unwrap();
        assert!(!file.exists());
        let again = store.load().unwrap().unwrap();
        assert_eq!(again.certificate.attempts.notices.len(), 2);
    }
}
