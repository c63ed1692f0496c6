//! The shape of the core, kept as issue 13 left it: each step in one
//! module, the dispatcher a table, and no import circle inside `core`.
//! Both are counted from the sources, so a new `match w.step` or a module
//! that imports back upward fails here, not in review.

mod structure {
    pub mod imports;
    pub mod sources;
}

use structure::{imports, sources};

/// At most this many step-dispatch sites in the whole crate (issue 13).
const MAX_DISPATCH_SITES: usize = 10;

#[test]
fn step_dispatch_sites_stay_few() {
    let sites = sources::dispatch_sites(&sources::crate_sources());
    for s in &sites {
        println!("{s}");
    }
    assert!(
        sites.len() <= MAX_DISPATCH_SITES,
        "{} step-dispatch sites, at most {MAX_DISPATCH_SITES}: give the behaviour to the \
         step's module (core/steps) or the screen's table (ui/steps.rs):\n{}",
        sites.len(),
        sites.join("\n")
    );
}

#[test]
fn the_counter_sees_every_form_of_a_dispatch() {
    let text = "fn f(w: &Wizard, wiz: &Wizard) {\n\
                match w.step {\n\
                if wiz.step == Step::Done {}\n\
                if self.wizard.step != Step::Start {}\n\
                matches!(w.step, Step::Start | Step::Domain)\n\
                if w.step > Step::Install {}\n\
                }\n";
    let files = vec![("src/x.rs".to_string(), text.to_string())];
    assert_eq!(sources::dispatch_sites(&files).len(), 4);
    // Test modules do not count.
    let test = format!("#[cfg(test)]\nmod tests {{\n{text}}}\n");
    let files = vec![("src/x.rs".to_string(), test)];
    assert_eq!(sources::dispatch_sites(&files).len(), 0);
}

#[test]
fn no_import_circle_inside_core() {
    let graph = imports::core_graph(&sources::core_sources());
    assert!(
        graph.edges().count() > 50,
        "the graph of core looks empty: the reader found no imports"
    );
    let circles = graph.circles();
    assert!(
        circles.is_empty(),
        "modules of core import each other in a circle: {circles:?}"
    );
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let a = "use super::b::f;\npub fn g() {}\n";
    let b = "use crate::core::a::g;\npub fn f() {}\n";
    let c = "use super::a::g;\n";
    let files = vec![
        ("src/core/a.rs".to_string(), a.to_string()),
        ("src/core/b.rs".to_string(), b.to_string()),
        ("src/core/c.rs".to_string(), c.to_string()),
    ];
    let circles = imports::core_graph(&files).circles();
    assert_eq!(circles, vec![vec!["a".to_string(), "b".to_string()]]);
}

#[test]
fn a_steps_behaviour_lives_in_its_module() {
    // Every step has a module under core/steps, and only the table
    // (steps/mod.rs) names them all.
    let files = sources::core_sources();
    let steps: Vec<&str> = files
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("src/core/steps/"))
        .filter(|p| !p.contains('/') && *p != "mod.rs" && *p != "contract.rs")
        .collect();
    for name in [
        "language",
        "start",
        "domain",
        "dns",
        "ports",
        "firewall",
        "certificate",
        "install",
        "proxy",
        "restart",
        "final_check",
        "systems",
        "autorenew",
        "done",
    ] {
        let file = format!("{name}.rs");
        assert!(steps.contains(&file.as_str()), "no module for step {name}");
        let (_, text) = files
            .iter()
            .find(|(p, _)| *p == format!("src/core/steps/{file}"))
            .unwrap_or_else(|| panic!("{file}"));
        assert!(
            text.contains("impl StepFlow for"),
            "{file} does not implement the step contract"
        );
    }
}
