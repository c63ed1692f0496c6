//! The last check from the patients' side, kept beside the state for
//! `status`, which reads without the session lock.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::library::status::LiveCheck;

const FILE: &str = "live-check.json";
/// A record of a few addresses is a few hundred bytes.
const MAX_BYTES: u64 = 64 * 1024;

fn path(state_dir: &Path) -> PathBuf {
    state_dir.join(FILE)
}

pub fn save(state_dir: &Path, live: &LiveCheck) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(live).map_err(io::Error::other)?;
    super::atomic::write_atomic(&path(state_dir), &json, 0o600)
}

/// `None` when no check was recorded, or the record cannot be read (a
/// stale or damaged record must not hide the certificate's own state).
pub fn load(state_dir: &Path) -> Option<LiveCheck> {
    let text = super::safe_dir::read_small(&path(state_dir), MAX_BYTES).ok()?;
    serde_json::from_str(&text).ok()
}
