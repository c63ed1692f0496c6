//! Crash-safe file writes. A reader (or the next start after a power cut)
//! sees either the old file or the new one, never half of each, and a file
//! meant to be private is never readable by others, not even for an instant.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub use crate::core::library::limits::Refused;
use crate::core::library::limits::TooBig;

/// Why `e` refused a file, if it did.
pub fn refused_of(e: &io::Error) -> Option<&Refused> {
    e.get_ref()?.downcast_ref::<Refused>()
}

fn refused(r: Refused) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, r)
}

/// Opens a file someone else wrote for reading, refusing anything but a
/// regular file of at most `max` bytes. O_NONBLOCK keeps a FIFO from
/// blocking the open; the type is then taken from the open file (fstat),
/// so it cannot be swapped after the check. `nofollow`: a symlink as the
/// last component is refused too.
pub fn open_regular(path: &Path, max: u64, nofollow: bool) -> io::Result<File> {
    use nix::libc;
    let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
    if nofollow {
        flags |= libc::O_NOFOLLOW;
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refused(Refused::NotRegular));
    }
    if meta.len() > max {
        return Err(refused(Refused::TooBig(TooBig::Size { max })));
    }
    Ok(file)
}

/// Reads a regular file at most `max` bytes long, whole (a file that grows
/// while it is read is cut off and refused).
pub fn read_bytes(path: &Path, max: u64, nofollow: bool) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let file = open_regular(path, max, nofollow)?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(refused(Refused::TooBig(TooBig::Size { max })));
    }
    Ok(bytes)
}

/// Reads a file someone else wrote, whole, but refuses one larger than
/// `max` bytes, or one that is not a regular file, rather than loading
/// it; bytes that are not UTF-8 do not stop the reader.
pub fn read_small(path: &Path, max: u64) -> io::Result<String> {
    let bytes = read_bytes(path, max, false)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Why a file operation failed, in the terms the person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsFault {
    /// Not root, or no rights on the path.
    PermissionDenied,
    ReadOnly,
    /// No space or quota left.
    DiskFull,
    Other,
}

impl FsFault {
    pub fn of(e: &io::Error) -> FsFault {
        use nix::libc;
        // Raw codes first: they are exact, the ErrorKind mapping is coarser.
        match e.raw_os_error() {
            Some(libc::EACCES | libc::EPERM) => FsFault::PermissionDenied,
            Some(libc::EROFS) => FsFault::ReadOnly,
            Some(libc::ENOSPC | libc::EDQUOT) => FsFault::DiskFull,
            _ => match e.kind() {
                io::ErrorKind::PermissionDenied => FsFault::PermissionDenied,
                io::ErrorKind::ReadOnlyFilesystem => FsFault::ReadOnly,
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => FsFault::DiskFull,
                _ => FsFault::Other,
            },
        }
    }
}

/// Owner to give a file (uid, gid), e.g. to keep another service's config
/// owned by that service after we replace it.
pub type Owner = (u32, u32);

/// Writes `bytes` to `path` so that it is replaced as a whole, with `mode`.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    write_atomic_owned(path, bytes, mode, None)
}

/// Like [`write_atomic`], and hands the file to `owner` before it becomes
/// visible under its name.
pub fn write_atomic_owned(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    owner: Option<Owner>,
) -> io::Result<()> {
    let dir = parent_dir(path);
    let tmp = temp_name(path);
    let result = (|| {
        // create_new: never follow a symlink someone planted under the
        // temp name. The umask can only take bits away, so the file starts
        // at most as open as `mode`; set_permissions then makes it exact.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode & 0o7777)
            .open(&tmp)?;
        file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::fchown(&file, Some(uid), Some(gid))?;
            // chown clears setuid/setgid bits; put the exact mode back.
            file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        // The temp file may hold a private key: never leave it behind.
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes a new file at `path` whole or not at all, and never over an
/// existing one (`AlreadyExists` then): a full disk or a crash leaves no
/// short file under the name, at worst a temp file the next start removes.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let tmp = temp_name(path);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode & 0o7777)
            .open(&tmp)?;
        file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        // link(2), unlike rename(2), refuses an existing name, even a
        // dangling symlink planted there.
        fs::hard_link(&tmp, path)
    })();
    let _ = fs::remove_file(&tmp);
    result?;
    sync_dir(&parent_dir(path))
}

/// Copies `src` to `dst` atomically. `mode`: `None` keeps the source's
/// mode, `Some(m)` sets `m` (backups of files that may hold keys use 0600).
/// Returns the source's metadata, read from the same open file as the bytes.
pub fn copy_atomic(src: &Path, dst: &Path, mode: Option<u32>) -> io::Result<fs::Metadata> {
    let mut file = File::open(src)?;
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, &mut bytes)?;
    write_atomic(
        dst,
        &bytes,
        mode.unwrap_or(meta.permissions().mode() & 0o7777),
    )?;
    Ok(meta)
}

/// Removes a file and makes the removal durable. A file already gone is
/// not an error: the goal is reached.
pub fn remove_durable(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => sync_dir(&parent_dir(path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes a rename or removal in `dir` survive a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates `dir` (and missing parents) with `mode`, and narrows an existing
/// one that is more open than `mode`. A symlink in its place is an error
/// (ELOOP), never followed: the mode change would land on its target.
pub fn ensure_private_dir(dir: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(dir)?;
    let handle = OpenOptions::new()
        .read(true)
        .custom_flags(nix::libc::O_NOFOLLOW | nix::libc::O_DIRECTORY)
        .open(dir)?;
    let current = handle.metadata()?.permissions().mode() & 0o7777;
    if current & !mode != 0 {
        handle.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Leading dot and a pid/counter suffix: hidden from casual listings and
    // unique across threads and concurrent processes.
    parent_dir(path).join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn mode_of(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn writes_with_exact_mode_despite_umask() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.conf");
        write_atomic(&p, b"one", 0o664).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        assert_eq!(mode_of(&p), 0o664);
        write_atomic(&p, b"two", 0o600).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(mode_of(&p), 0o600);
    }

    #[test]
    fn leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        write_atomic(&p, b"1", 0o600).unwrap();
        write_atomic(&p, b"2", 0o600).unwrap();
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn failed_write_removes_temp_and_keeps_old() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        write_atomic(&p, b"old", 0o600).unwrap();
        // Renaming a file over a non-empty directory fails after the temp
        // file was written: the cleanup path runs.
        let d = dir.path().join("d");
        fs::create_dir(&d).unwrap();
        fs::write(d.join("keep"), b"k").unwrap();
        assert!(write_atomic(&d, b"new", 0o600).is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        assert_eq!(fs::read(&p).unwrap(), b"old");
    }

    #[test]
    fn copy_keeps_or_sets_mode() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        write_atomic(&src, b"secret", 0o644).unwrap();
        let same = dir.path().join("same");
        let meta = copy_atomic(&src, &same, None).unwrap();
        assert_eq!(meta.mode() & 0o7777, 0o644);
        assert_eq!(mode_of(&same), 0o644);
        let private = dir.path().join("private");
        copy_atomic(&src, &private, Some(0o600)).unwrap();
        assert_eq!(mode_of(&private), 0o600);
        assert_eq!(fs::read(&private).unwrap(), b"secret");
    }

    #[test]
    fn private_dir_is_created_and_narrowed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("a/b");
        ensure_private_dir(&d, 0o700).unwrap();
        assert_eq!(mode_of(&d), 0o700);
        fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).unwrap();
        ensure_private_dir(&d, 0o700).unwrap();
        assert_eq!(mode_of(&d), 0o700);
    }

    #[test]
    fn fault_classification() {
        use nix::libc;
        let f = |c| FsFault::of(&io::Error::from_raw_os_error(c));
        assert_eq!(f(libc::EACCES), FsFault::PermissionDenied);
        assert_eq!(f(libc::EROFS), FsFault::ReadOnly);
        assert_eq!(f(libc::ENOSPC), FsFault::DiskFull);
        assert_eq!(f(libc::EDQUOT), FsFault::DiskFull);
        assert_eq!(f(libc::EIO), FsFault::Other);
    }
}
