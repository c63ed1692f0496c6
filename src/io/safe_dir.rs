//! A directory only its owner controls. The program runs as root and
//! writes keys, a lock, a log and backups into its state directory and its
//! certificate folders: if anyone else could put a symlink there, root
//! would write wherever that link points. So such a directory, or one of
//! its parents up to `/`, is refused, and nothing turns the rule off.
//!
//! A parent that others may write to is accepted only with the sticky bit
//! (like `/tmp`): there, nobody can rename or remove what another user owns.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use nix::libc;

use crate::core::Text;

/// What makes a directory unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The directory itself is a symbolic link.
    Symlink,
    /// Neither the program's user nor root owns it.
    Owner {
        uid: u32,
    },
    /// Group or others may write to it (and, for a parent, no sticky bit).
    Writable {
        mode: u32,
    },
    NotADir,
}

#[derive(Debug, thiserror::Error)]
pub enum SafeDirError {
    /// `dir` is what was asked for, `at` the part of its path at fault.
    #[error("{at} is not safe for {dir}: {problem:?}")]
    Unsafe {
        dir: PathBuf,
        at: PathBuf,
        problem: Problem,
    },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl SafeDirError {
    pub fn text(&self) -> Text {
        match self {
            SafeDirError::Unsafe { dir, at, problem } => {
                let id = match problem {
                    Problem::Symlink => "safe-dir-symlink",
                    Problem::Owner { .. } => "safe-dir-owner",
                    Problem::Writable { .. } => "safe-dir-writable",
                    Problem::NotADir => "safe-dir-not-a-dir",
                };
                let owner = match problem {
                    Problem::Owner { uid } => user_name(*uid),
                    _ => String::new(),
                };
                Text::new(id)
                    .arg("dir", dir.display().to_string())
                    .arg("at", at.display().to_string())
                    .arg("owner", owner)
            }
            SafeDirError::Io { path, source } => {
                crate::io::store::StoreError::io(path.clone(), clone_io(source)).text()
            }
        }
    }

    /// The underlying io error, for callers that sort faults (disk full).
    pub fn into_io(self) -> io::Error {
        match self {
            SafeDirError::Io { source, .. } => source,
            unsafe_dir => io::Error::new(io::ErrorKind::PermissionDenied, unsafe_dir.to_string()),
        }
    }
}

fn clone_io(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

fn user_name(uid: u32) -> String {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_else(|| uid.to_string())
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> SafeDirError + '_ {
    move |source| SafeDirError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates `dir` and its missing parents with mode 0700 whatever the
/// umask, then checks the whole chain with [`check`].
pub fn ensure(dir: &Path) -> Result<(), SafeDirError> {
    let abs = std::path::absolute(dir).map_err(io_err(dir))?;
    let mut missing = Vec::new();
    let mut cur = abs.as_path();
    while fs::symlink_metadata(cur).is_err() {
        missing.push(cur.to_path_buf());
        match cur.parent() {
            Some(p) => cur = p,
            None => break,
        }
    }
    // Judge what exists before creating below it: never make a folder
    // inside a place someone else controls.
    if !missing.is_empty() {
        chain(cur, &abs, false)?;
    }
    for d in missing.iter().rev() {
        match fs::DirBuilder::new().mode(0o700).create(d) {
            Ok(()) => {}
            // Someone else was faster: the check below judges what is there.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(d)(e)),
        }
        // The umask can take bits away; this makes the mode exact, on the
        // directory just made and never through a link.
        let f = open_dir_nofollow(d).map_err(io_err(d))?;
        f.set_permissions(fs::Permissions::from_mode(0o700))
            .map_err(io_err(d))?;
    }
    check(&abs)
}

/// Refuses `dir` when it is a symlink, when it or a parent up to `/` is
/// owned by someone other than this user or root, or when others may
/// write to it (a parent may, with the sticky bit).
pub fn check(dir: &Path) -> Result<(), SafeDirError> {
    let abs = std::path::absolute(dir).map_err(io_err(dir))?;
    chain(&abs, &abs, true)
}

/// Judges `abs` and its parents; `asked` is the folder the person gave,
/// named in the message. `itself`: `abs` is that folder (no sticky bit
/// allowance), not a parent of it.
fn chain(abs: &Path, asked: &Path, itself: bool) -> Result<(), SafeDirError> {
    let unsafe_at = |at: &Path, problem| SafeDirError::Unsafe {
        dir: asked.to_path_buf(),
        at: at.to_path_buf(),
        problem,
    };
    let meta = fs::symlink_metadata(abs).map_err(io_err(abs))?;
    if meta.file_type().is_symlink() && itself {
        return Err(unsafe_at(abs, Problem::Symlink));
    }
    // The parents as written, links included: a link in a parent (such as
    // /var/run) is only as safe as its owner.
    let start = if itself {
        judge(&meta, true).map_err(|p| unsafe_at(abs, p))?;
        1
    } else {
        0
    };
    for p in abs.ancestors().skip(start).filter(|p| !is_dot_dot(p)) {
        let m = fs::symlink_metadata(p).map_err(io_err(p))?;
        if m.file_type().is_symlink() {
            owner_ok(&m).map_err(|pr| unsafe_at(p, pr))?;
        } else {
            judge(&m, false).map_err(|pr| unsafe_at(p, pr))?;
        }
    }
    // And the parents where they really are.
    let parent = if itself { abs.parent() } else { Some(abs) };
    if let Some(parent) = parent {
        let real = fs::canonicalize(parent).map_err(io_err(parent))?;
        for p in real.ancestors() {
            let m = fs::metadata(p).map_err(io_err(p))?;
            judge(&m, false).map_err(|pr| unsafe_at(p, pr))?;
        }
    }
    Ok(())
}

fn is_dot_dot(p: &Path) -> bool {
    matches!(p.components().next_back(), Some(Component::ParentDir))
}

fn owner_ok(m: &fs::Metadata) -> Result<(), Problem> {
    let me = nix::unistd::geteuid().as_raw();
    if m.uid() == me || m.uid() == 0 {
        Ok(())
    } else {
        Err(Problem::Owner { uid: m.uid() })
    }
}

fn judge(m: &fs::Metadata, itself: bool) -> Result<(), Problem> {
    if !m.is_dir() {
        return Err(Problem::NotADir);
    }
    owner_ok(m)?;
    let mode = m.mode() & 0o7777;
    let sticky = mode & 0o1000 != 0;
    if mode & 0o022 != 0 && (itself || !sticky) {
        return Err(Problem::Writable { mode });
    }
    Ok(())
}

fn open_dir_nofollow(d: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
        .open(d)
}

/// Opens a file for reading, never through a symlink.
pub fn open_read(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
}

/// Like [`crate::io::atomic::read_small`], never through a symlink.
pub fn read_small(path: &Path, max: u64) -> io::Result<String> {
    let f = open_read(path)?;
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut io::Read::take(f, max + 1), &mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {max} bytes"),
        ));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads a whole file, never through a symlink.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut f = open_read(path)?;
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut f, &mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path, m: u32) {
        fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    }

    #[test]
    fn creates_private_dirs_and_accepts_them() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("a/b");
        ensure(&d).unwrap();
        for p in [t.path().join("a"), d.clone()] {
            assert_eq!(fs::metadata(&p).unwrap().mode() & 0o7777, 0o700);
        }
    }

    #[test]
    fn refuses_a_link_and_open_dirs() {
        let t = tempfile::tempdir().unwrap();
        let real = t.path().join("real");
        fs::create_dir(&real).unwrap();
        mode(&real, 0o700);
        let link = t.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(matches!(
            check(&link),
            Err(SafeDirError::Unsafe {
                problem: Problem::Symlink,
                ..
            })
        ));
        mode(&real, 0o770);
        assert!(matches!(
            check(&real),
            Err(SafeDirError::Unsafe {
                problem: Problem::Writable { mode: 0o770 },
                ..
            })
        ));
        // A parent open to all is refused without the sticky bit only.
        mode(&real, 0o700);
        mode(t.path(), 0o777);
        assert!(check(&real).is_err());
        mode(t.path(), 0o1777);
        check(&real).unwrap();
        mode(t.path(), 0o700);
    }

    #[test]
    fn creates_below_a_linked_parent_of_ones_own_not_below_an_open_one() {
        let t = tempfile::tempdir().unwrap();
        mode(t.path(), 0o700);
        let real = t.path().join("real");
        fs::create_dir(&real).unwrap();
        mode(&real, 0o755);
        let link = t.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        ensure(&link.join("state")).unwrap();
        assert!(real.join("state").is_dir());
        mode(&real, 0o777);
        assert!(ensure(&real.join("other/state")).is_err());
        assert!(!real.join("other").exists(), "made inside an open folder");
        mode(&real, 0o755);
    }

    #[test]
    fn reads_refuse_links() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("f");
        fs::write(&f, b"x").unwrap();
        let l = t.path().join("l");
        std::os::unix::fs::symlink(&f, &l).unwrap();
        assert_eq!(read(&f).unwrap(), b"x");
        assert_eq!(read(&l).unwrap_err().raw_os_error(), Some(libc::ELOOP));
    }
}
