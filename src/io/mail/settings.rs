//! The stored mail settings: `mail.toml` in the state directory, without
//! the password (that has its own 0600 file).

use std::path::{Path, PathBuf};

use super::MailSettings;
use crate::core::Text;
use crate::io::atomic;

/// In the state directory; holds no password.
pub const SETTINGS_FILE: &str = "mail.toml";
/// Far more than any settings file needs.
const MAX_BYTES: u64 = 64 * 1024;

pub fn settings_path(state_dir: &Path) -> PathBuf {
    state_dir.join(SETTINGS_FILE)
}

/// The stored settings; `Ok(None)` when none are stored.
pub fn load_settings(state_dir: &Path) -> Result<Option<MailSettings>, Text> {
    let p = settings_path(state_dir);
    let bad = |detail: String| {
        Text::new("cli-mail-settings-unreadable")
            .arg("path", p.display().to_string())
            .arg("detail", detail)
    };
    let s = match crate::io::safe_dir::read_small(&p, MAX_BYTES) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(e.to_string())),
    };
    toml::from_str(&s).map(Some).map_err(|e| bad(e.to_string()))
}

pub fn save_settings(state_dir: &Path, settings: &MailSettings) -> Result<(), Text> {
    let p = settings_path(state_dir);
    let bad = |detail: String| {
        Text::new("cli-mail-settings-unwritable")
            .arg("path", p.display().to_string())
            .arg("detail", detail)
    };
    let text = toml::to_string(settings).map_err(|e| bad(e.to_string()))?;
    let text = format!("# praxis-tls mail settings (the password is not here)\n{text}");
    atomic::write_atomic(&p, text.as_bytes(), 0o600).map_err(|e| bad(e.to_string()))
}
