//! Which module of `core` imports which. A module is a file, with the
//! private children it was split into (`x.rs` with `x/*.rs`) counted as
//! part of it; test files do not count. A path is resolved to the module
//! that defines what it names, so a re-export at `core`'s root does not
//! hide an import.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;

use super::sources::{is_test_file, without_tests};

pub struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
    units: BTreeSet<String>,
}

/// The module a file belongs to, as a path under `core` (`steps::start`).
fn unit_of(path: &str, files: &BTreeSet<String>) -> String {
    let rel = path.trim_start_matches("src/core/").trim_end_matches(".rs");
    let mut segs: Vec<&str> = rel.split('/').collect();
    if segs.last() == Some(&"mod") {
        segs.pop();
    }
    for i in 1..segs.len() {
        if files.contains(&format!("src/core/{}.rs", segs[..i].join("/"))) {
            return segs[..i].join("::");
        }
    }
    if segs.is_empty() {
        "core".into()
    } else {
        segs.join("::")
    }
}

/// The module path a file's own `self` stands for.
fn self_path(path: &str) -> Vec<String> {
    let rel = path.trim_start_matches("src/core/").trim_end_matches(".rs");
    let mut segs: Vec<String> = rel.split('/').map(str::to_string).collect();
    if segs.last().is_some_and(|s| s == "mod") {
        segs.pop();
    }
    segs
}

/// `a::{b, c::{d}}` as the paths `a::b`, `a::c::d`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.to_string()];
    };
    let (base, inner) = (&path[..open], &path[open + 1..path.len().saturating_sub(1)]);
    let mut parts = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{base}{p}")))
        .collect()
}

pub fn core_graph(files: &[(String, String)]) -> Graph {
    let names: BTreeSet<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let code: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| !is_test_file(p))
        .map(|(p, t)| (p, without_tests(t)))
        .collect();
    let units: BTreeSet<String> = code.iter().map(|(p, _)| unit_of(p, &names)).collect();
    // Where each public item is defined, to see through re-exports.
    let item =
        Regex::new(r"pub(\([^)]*\))?\s+(struct|enum|fn|trait|type|const|static)\s+(\w+)").unwrap();
    let mut defined: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (p, text) in &code {
        for c in item.captures_iter(text) {
            defined
                .entry(c[3].to_string())
                .or_default()
                .insert(unit_of(p, &names));
        }
    }
    let resolve = |segs: &[String]| -> Option<String> {
        for i in (1..=segs.len()).rev() {
            let cand = segs[..i].join("::");
            if units.contains(&cand) {
                return Some(cand);
            }
        }
        let first = segs.first()?;
        let at = defined.get(first)?;
        (at.len() == 1).then(|| at.iter().next().cloned()).flatten()
    };
    let path = Regex::new(r"(crate::core|super|self)(::(super|\w+|\{[^;]*?\}))*").unwrap();
    let child = Regex::new(r"(?m)^\s*(pub(\([^)]*\))?\s+)?mod\s+(\w+)\s*;").unwrap();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (p, text) in &code {
        let me = unit_of(p, &names);
        let mut found: Vec<String> = path
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect();
        for c in child.captures_iter(text) {
            let used = Regex::new(&format!(r"(^|[^:\w]){}::", &c[3])).unwrap();
            if used.is_match(text) {
                found.push(format!("self::{}", &c[3]));
            }
        }
        for f in found.iter().flat_map(|f| expand(f)) {
            let segs: Vec<String> = f.split("::").map(str::to_string).collect();
            let abs: Vec<String> = if segs.first().is_some_and(|s| s == "crate") {
                segs[2..].to_vec()
            } else {
                let mut cur = self_path(p);
                let mut rest = segs.as_slice();
                if rest.first().is_some_and(|s| s == "self") {
                    rest = &rest[1..];
                } else {
                    while rest.first().is_some_and(|s| s == "super") {
                        cur.pop();
                        rest = &rest[1..];
                    }
                }
                cur.extend(rest.iter().cloned());
                cur
            };
            let abs: Vec<String> = abs
                .into_iter()
                .filter(|s| s != "*" && s != "self")
                .collect();
            if let Some(to) = resolve(&abs)
                && to != me
                && !to.starts_with(&format!("{me}::"))
                && !me.starts_with(&format!("{to}::"))
            {
                edges.entry(me.clone()).or_default().insert(to);
            }
        }
    }
    Graph { edges, units }
}

impl Graph {
    pub fn edges(&self) -> impl Iterator<Item = (&String, &String)> {
        self.edges
            .iter()
            .flat_map(|(a, bs)| bs.iter().map(move |b| (a, b)))
    }

    /// The circles: every set of two or more modules that reach each
    /// other, each sorted (Tarjan's strongly connected components).
    pub fn circles(&self) -> Vec<Vec<String>> {
        struct State<'a> {
            g: &'a Graph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on: BTreeSet<&'a str>,
            out: Vec<Vec<String>>,
        }
        fn visit<'a>(s: &mut State<'a>, v: &'a str) {
            let n = s.index.len();
            s.index.insert(v, n);
            s.low.insert(v, n);
            s.stack.push(v);
            s.on.insert(v);
            let g = s.g;
            for w in g.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
            if s.low[v] == s.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on.remove(w);
                    comp.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    s.out.push(comp);
                }
            }
        }
        let mut s = State {
            g: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on: BTreeSet::new(),
            out: Vec::new(),
        };
        for u in &self.units {
            if !s.index.contains_key(u.as_str()) {
                visit(&mut s, u);
            }
        }
        s.out
    }
}
