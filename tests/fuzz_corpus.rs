//! Replays every file of the committed fuzz corpus through the same
//! functions the fuzz targets call, so CI checks the corpus (and every
//! crash a fuzzing run saved into it) on stable Rust, without libFuzzer.
//! Fuzzing itself runs outside CI: `scripts/fuzz`.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::fs;
use std::path::Path;

type Target = fn(&[u8]);

/// One line per fuzz target.
const TARGETS: &[(&str, Target)] = &[
    ("domain", harness::domain),
    ("wizard_input", harness::wizard_input),
    ("traefik_toml", harness::traefik_toml),
    ("cert_import", harness::cert_import),
    ("answers", harness::answers),
];

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus")
}

#[test]
fn every_corpus_file_replays_without_a_finding() {
    for (name, target) in TARGETS {
        let dir = corpus().join(name);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{name}: empty corpus");
        for file in &files {
            let data = fs::read(file).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} fails", file.display());
        }
        eprintln!("{name}: {} inputs replayed", files.len());
    }
}

#[test]
fn every_corpus_directory_has_a_target() {
    for entry in fs::read_dir(corpus()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz/corpus/{name} is not replayed: add it to TARGETS"
        );
    }
}
