//! Orthanc's remote access as its configuration folder has it, and the
//! login for practice computers written into it through the journal. The
//! decisions are `core::library::orthanc::access`'s.

// Findings are what the screen shows; they travel by value.
#![allow(clippy::result_large_err)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::journal::Journal;
use super::store::show;
use crate::core::library::orthanc::access::{self, AccessSettings, ConfigFile, Login};
use crate::core::library::orthanc::live::{RemoteAccess, remote_access};
use crate::core::{Finding, Text};

/// Orthanc's configuration files are small; anything larger is not one.
const MAX_CONFIG: u64 = 4 * 1024 * 1024;

/// The main file first, then the other `.json` files of its folder in
/// name order, as Debian's service (`Orthanc /etc/orthanc`) reads them.
pub fn config_files(config: &Path) -> Result<Vec<(PathBuf, ConfigFile)>, Finding> {
    let mut paths = vec![config.to_path_buf()];
    if let Some(dir) = config.parent()
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        let mut others: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p != config)
            .filter(|p| p.symlink_metadata().is_ok_and(|m| m.is_file()))
            .collect();
        others.sort();
        paths.extend(others);
    }
    paths
        .into_iter()
        .map(|p| {
            let text = super::atomic::read_small(&p, MAX_CONFIG).map_err(|e| {
                Finding::new(Text::new("systems-config-unreadable").arg("path", show(&p)))
                    .fix(Text::new("systems-config-unreadable-fix"))
                    .detail(e.to_string())
            })?;
            let label = show(&p);
            Ok((p, ConfigFile { label, text }))
        })
        .collect()
}

fn files_only(files: &[(PathBuf, ConfigFile)]) -> Vec<ConfigFile> {
    files.iter().map(|(_, f)| f.clone()).collect()
}

fn syntax(
    files: &[(PathBuf, ConfigFile)],
    (i, e): (usize, crate::core::library::orthanc::OrthancError),
) -> Finding {
    let label = files
        .get(i)
        .map(|(_, f)| f.label.clone())
        .unwrap_or_default();
    Finding::new(e.text(&label))
}

/// Remote access and login as Orthanc will see them, across the folder.
pub fn settings(files: &[(PathBuf, ConfigFile)]) -> Result<AccessSettings, Finding> {
    access::read(&files_only(files)).map_err(|e| syntax(files, e))
}

/// What the plan says about practice computers: with a login typed, that
/// they log in with it; else what they get today, and how to change it.
pub fn note(settings: &AccessSettings, user: Option<&str>) -> Text {
    if let Some(user) = user {
        return Text::new("systems-orthanc-remote-login").arg("user", user);
    }
    match remote_access(settings.remote_access, settings.users) {
        RemoteAccess::Refused => Text::new("systems-orthanc-remote-off"),
        RemoteAccess::NoUsers => Text::new("systems-orthanc-remote-no-users"),
        RemoteAccess::Open => Text::new("systems-orthanc-remote-open"),
    }
}

/// Each file's text with the login added (and its diff against `files`).
pub fn allow(
    files: &[(PathBuf, ConfigFile)],
    login: &Login,
) -> Result<(Vec<String>, String), Finding> {
    let plain = files_only(files);
    let new = access::allow(&plain, login).map_err(|e| syntax(files, e))?;
    let diff = access::diff(&plain, &new);
    Ok((new, diff))
}

/// Each file's text with remote access off (and the diff), for stunnel in
/// front; `None` when Orthanc already lets no other computer in.
pub fn close(files: &[(PathBuf, ConfigFile)]) -> Result<Option<(Vec<String>, String)>, Finding> {
    let plain = files_only(files);
    let new = access::close(&plain).map_err(|e| syntax(files, e))?;
    let diff = access::diff(&plain, &new);
    Ok((!diff.is_empty()).then_some((new, diff)))
}

/// Turns remote access off through the journal, each file keeping its
/// mode and owner; the entries, none when nothing was on.
pub fn write_closed(journal: &mut Journal, config: &Path) -> Result<Vec<u64>, Finding> {
    let files = config_files(config)?;
    let Some((new, _)) = close(&files)? else {
        return Ok(Vec::new());
    };
    let mut entries = Vec::new();
    for ((path, old), text) in files.iter().zip(&new) {
        if *text == old.text {
            continue;
        }
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .map_err(|e| {
                Finding::new(Text::new("systems-config-unreadable").arg("path", show(path)))
                    .detail(e.to_string())
            })?;
        let id = journal
            .write_file(
                path,
                text.as_bytes(),
                mode,
                format!(
                    "Orthanc only for stunnel: remote access off in {}",
                    show(path)
                ),
            )
            .map_err(|e| Finding::new(e.text()).detail(e.to_string()))?;
        entries.push(id);
    }
    Ok(entries)
}

/// Writes the login into the files that change, through the journal. The
/// file with the password keeps its owner; if others may read it, it
/// loses that right and is handed to `group` (Orthanc's), which must still
/// read it.
pub fn write_login(
    journal: &mut Journal,
    config: &Path,
    login: &Login,
    group: Option<u32>,
) -> Result<Vec<u64>, Finding> {
    let files = config_files(config)?;
    let (new, _) = allow(&files, login)?;
    let mut entries = Vec::new();
    for ((path, old), text) in files.iter().zip(&new) {
        if *text == old.text {
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| {
            Finding::new(Text::new("systems-config-unreadable").arg("path", show(path)))
                .detail(e.to_string())
        })?;
        let mut mode = meta.permissions().mode() & 0o7777;
        let secret = text.contains(&crate::core::library::orthanc::json_string(&login.password));
        let exposed = secret && mode & 0o004 != 0;
        if exposed {
            mode &= !0o007;
        }
        // The description names the file, never the password.
        let id = journal
            .write_file(
                path,
                text.as_bytes(),
                mode,
                format!("Orthanc login for {} in {}", login.user, show(path)),
            )
            .map_err(|e| Finding::new(e.text()).detail(e.to_string()))?;
        entries.push(id);
        if exposed
            && let Some(gid) = group
            && meta.gid() != gid
        {
            std::os::unix::fs::chown(path, None, Some(gid)).map_err(|e| {
                Finding::new(Text::new("systems-internal")).detail(format!("{}: {e}", show(path)))
            })?;
        }
    }
    Ok(entries)
}
