//! The crate's sources as text, without their test modules and comments.

use std::path::Path;

use regex::Regex;

/// Every `.rs` file under `src`, as (path relative to the crate, text).
pub fn crate_sources() -> Vec<(String, String)> {
    sources_under("src")
}

/// Every `.rs` file under `src/core`.
pub fn core_sources() -> Vec<(String, String)> {
    sources_under("src/core")
}

fn sources_under(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut todo = vec![root.join(dir)];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((rel, text));
            }
        }
    }
    out.sort();
    out
}

/// Whether a file holds tests only (`tests.rs`, or under a `tests/` folder).
pub fn is_test_file(path: &str) -> bool {
    path.ends_with("/tests.rs") || path.contains("/tests/")
}

/// The text without line comments and without `#[cfg(test)] mod … { … }`.
pub fn without_tests(text: &str) -> String {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let test_mod = Regex::new(r"#\[cfg\(test\)\]\s*(pub(\([a-z]+\))?\s+)?mod\s+\w+\s*\{").unwrap();
    let mut out = String::new();
    let mut rest = code.as_str();
    while let Some(m) = test_mod.find(rest) {
        out.push_str(&rest[..m.start()]);
        let mut depth = 1;
        let mut end = rest.len();
        for (i, c) in rest[m.end()..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = m.end() + i + 1;
                break;
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The step-dispatch sites as issue 13 counts them: every
/// `match <expr>.step`, every `<expr>.step == Step::…` or `!= Step::…`,
/// and every `matches!(<expr>.step, …)`, whatever the receiver is called.
pub fn dispatch_sites(files: &[(String, String)]) -> Vec<String> {
    let site = Regex::new(
        r"match\s+[\w\.\(\)&\*]*\.step\s*\{|\.step\s*(==|!=)\s*Step::|matches!\(\s*[\w\.\(\)&\*]*\.step\s*,",
    )
    .unwrap();
    let mut out = Vec::new();
    for (path, text) in files {
        if is_test_file(path) {
            continue;
        }
        for line in without_tests(text).lines() {
            if site.is_match(line) {
                out.push(format!("{path}: {}", line.trim()));
            }
        }
    }
    out
}
