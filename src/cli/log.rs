//! The log: a file in the state directory, kept small by rotation, and the
//! system journal for unattended runs under systemd.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Past this size the file is rotated at the next start.
pub(crate) const MAX_BYTES: u64 = 1024 * 1024;
/// Rotated files kept beside the current one (`.1` is the newest).
pub(crate) const KEEP: u32 = 3;

fn rotated(path: &Path, n: u32) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(format!(".{n}"));
    PathBuf::from(s)
}

/// Rotates by size when a run starts. Each run is short, so rotating at
/// start is enough and no crate's background rotation is needed; the
/// well-kept appenders (tracing-appender) rotate by time only.
pub(crate) fn rotate(path: &Path) {
    let big = fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() > MAX_BYTES);
    if !big {
        return;
    }
    for n in (1..KEEP).rev() {
        let _ = fs::rename(rotated(path, n), rotated(path, n + 1));
    }
    let _ = fs::rename(path, rotated(path, 1));
}

/// `Targets` rather than `EnvFilter`: the same `target=level` lists
/// without the regex engine `env-filter` brings (about 0.3 MiB).
fn filter(verbose: u8) -> Targets {
    let level = match verbose {
        0 => tracing::Level::INFO,
        1 => tracing::Level::DEBUG,
        _ => tracing::Level::TRACE,
    };
    if verbose == 0
        && let Ok(spec) = std::env::var("PRAXIS_TLS_LOG")
        && let Ok(f) = spec.parse::<Targets>()
    {
        return f;
    }
    Targets::new().with_default(level)
}

pub(crate) fn init(path: &Path, verbose: u8, to_stderr: bool) {
    rotate(path);
    // Never through a symlink someone planted in the state directory.
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(path);
    let file_layer = file.ok().map(|f| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::sync::Mutex::new(f))
            .with_ansi(false)
    });
    // The journal stamps the time itself.
    let journal_layer = to_stderr.then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .without_time()
            .with_target(false)
    });
    let _ = tracing_subscriber::registry()
        .with(filter(verbose))
        .with(file_layer)
        .with(journal_layer)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_log_is_rotated_and_only_three_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("praxis-tls.log");
        for round in 0..5u8 {
            fs::write(&log, vec![b'a' + round; (MAX_BYTES + 1) as usize]).unwrap();
            rotate(&log);
            assert!(!log.exists());
        }
        assert_eq!(fs::read(rotated(&log, 1)).unwrap()[0], b'e');
        assert_eq!(fs::read(rotated(&log, 3)).unwrap()[0], b'c');
        assert!(!rotated(&log, 4).exists());
        fs::write(&log, b"small").unwrap();
        rotate(&log);
        assert_eq!(fs::read(&log).unwrap(), b"small", "a small log stays");
    }

    #[test]
    fn the_log_variable_takes_levels_per_target() {
        let f: Targets = "warn,praxis_tls::io=debug".parse().unwrap();
        assert!(f.would_enable("praxis_tls::io::acme", &tracing::Level::DEBUG));
        assert!(!f.would_enable("hyper", &tracing::Level::INFO));
        assert!(filter(1).would_enable("anything", &tracing::Level::DEBUG));
    }
}
