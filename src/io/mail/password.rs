//! The SMTP password, kept apart from everything that may be shown,
//! logged or sent along in a support report.

use std::fmt;
use std::io;
use std::path::Path;

use super::MailError;
use crate::io::atomic;

/// In the state directory, mode 0600.
pub const PASSWORD_FILE: &str = "smtp-password";

/// A password that does not print itself.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(s: impl Into<String>) -> Self {
        Password(s.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([entfernt])")
    }
}

fn file_error(path: &Path, e: &io::Error) -> MailError {
    MailError::PasswordFile {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

pub fn save_password(state_dir: &Path, pw: &Password) -> Result<(), MailError> {
    let path = state_dir.join(PASSWORD_FILE);
    atomic::write_atomic(&path, pw.0.as_bytes(), 0o600).map_err(|e| file_error(&path, &e))
}

/// The stored password; `None` if none was stored. One trailing line
/// break is dropped: someone may have written the file with an editor.
pub fn load_password(state_dir: &Path) -> Result<Option<Password>, MailError> {
    let path = state_dir.join(PASSWORD_FILE);
    match crate::io::safe_dir::read(&path).map(|b| String::from_utf8_lossy(&b).into_owned()) {
        Ok(s) => {
            let s = s.strip_suffix('\n').unwrap_or(&s);
            let s = s.strip_suffix('\r').unwrap_or(s);
            Ok(Some(Password(s.to_string())))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(file_error(&path, &e)),
    }
}
