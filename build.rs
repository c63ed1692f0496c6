//! Embeds every `i18n/<lang>/*.ftl` into the binary, so a copied binary
//! speaks both languages without any files beside it.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    // Read at run time: `env!` would fix the checkout the build script was
    // compiled in, and a target directory copied from another checkout
    // would embed that checkout's texts.
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("pub static FTL: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<_> = fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    langs.sort();
    for lang_dir in langs.iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        let lang = lang_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let mut files: Vec<_> = fs::read_dir(lang_dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for f in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let _ = writeln!(
                out,
                "    ({lang:?}, {name:?}, include_str!({:?})),",
                f.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("ftl.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
