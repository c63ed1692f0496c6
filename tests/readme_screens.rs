//! The README's screen captures are the render snapshots, word for word:
//! a screen that changes without its capture fails here.
//! `UPDATE_README=1 cargo test --test readme_screens` rewrites the section
//! after the snapshots were reviewed.

use std::path::Path;

use praxis_tls::core::Step;

const BEGIN: &str =
    "<!-- screens:begin (generated from tests/snapshots by tests/readme_screens.rs) -->";
const END: &str = "<!-- screens:end -->";

/// The screen lines of an insta snapshot, without its header and quotes.
fn capture(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("render__{name}.snap"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .skip_while(|l| *l != "---")
        .skip(1)
        .skip_while(|l| *l != "---")
        .skip(1)
        .map(|l| {
            let inner = l.strip_prefix('"').and_then(|l| l.strip_suffix('"'));
            inner.unwrap_or(l).trim_end().to_string()
        })
        .collect()
}

/// "praxis-tls · DNS-Einträge prüfen    Schritt 4 von 14" → the title.
fn title(first: &str) -> String {
    let after = first.split_once('·').map_or(first, |(_, t)| t).trim();
    after.split("  ").next().unwrap_or(after).trim().to_string()
}

fn block(summary: &str, lines: &[String]) -> String {
    format!(
        "<details><summary>{summary}</summary>\n\n```text\n{}\n```\n\n</details>\n",
        lines.join("\n")
    )
}

fn section() -> String {
    let mut out = String::new();
    out.push_str(BEGIN);
    out.push('\n');
    for step in Step::ALL {
        let lines = capture(&format!("{}_de", step.key()));
        let summary = format!("{}. {}", step.number(), title(&lines[0]));
        out.push_str(&block(&summary, &lines));
    }
    out.push_str("\nThe same in English, for example the firewall step:\n\n");
    let lines = capture("firewall_en");
    out.push_str(&block(&format!("6. {}", title(&lines[0])), &lines));
    out.push_str(END);
    out
}

#[test]
fn the_readme_shows_every_screen_as_rendered() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(BEGIN).expect("the README's screens section");
    let end = readme[start..].find(END).expect("its end marker") + start + END.len();
    let want = section();
    if readme[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], want, &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    panic!(
        "the README's screens differ from tests/snapshots; review the snapshots, then run \
         UPDATE_README=1 cargo test --test readme_screens"
    );
}
