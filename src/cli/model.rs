//! How a command changes the saved model outside an issuance: the state as
//! it is on disk now, one core transition, saved. Nothing else in `cli`
//! writes into the model.

use praxis_tls::core::{Lang, Msg, Wizard, update};
use praxis_tls::io::store::Store;
use time::OffsetDateTime;

use super::say;

/// Applies `msg` to the saved state and saves it. A state that cannot be
/// read or written is said and logged; the caller goes on (what it records
/// is bookkeeping, not the work itself).
pub(super) fn apply(store: &Store, lang: Lang, msg: Msg) -> Option<Wizard> {
    let now = OffsetDateTime::now_utc();
    let mut w = match store.load() {
        Ok(Some(w)) => w,
        Ok(None) => Wizard::new(lang, now),
        Err(e) => {
            tracing::error!("loading the state: {e}");
            say(lang, &e.text());
            return None;
        }
    };
    update(&mut w, msg, now);
    if let Err(e) = store.save(&w) {
        tracing::error!("saving the state: {e}");
        say(lang, &e.text());
        return None;
    }
    Some(w)
}
