//! The core's folders are domains in layers: a domain uses only the shared
//! pieces, the domains of lower layers and (without a cycle) those of its
//! own. A `use` that reaches up a layer fails here, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lowest first. Layer 0 holds the shared pieces every domain may use.
const LAYERS: &[&[&str]] = &[
    &[
        "clock", "drafts", "enums", "error", "files", "job", "links", "paths", "record", "settings", "sort_key",
        "validate",
    ],
    &["store"],
    &["customers"],
    &["value"],
    &["history"],
    &["relationship"],
    &["search"],
    &["book", "views", "workflow"],
    &["handover", "io"],
    &["demo"],
];

fn layer_of(domain: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&domain))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's top-level names a file's code uses (`crate::x`, and the
/// first names inside `use crate::{…}`), its unit tests left out.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    for piece in code.split("crate::").skip(1) {
        if let Some(group) = piece.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(std::mem::take(&mut item));
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && (ch.is_alphanumeric() || ch == '_') && !item.contains(':') {
                    item.push(ch);
                } else if depth == 0 && ch == ':' {
                    item.push(':');
                }
            }
            found.insert(item);
        } else {
            let name: String = piece.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found.insert(name);
        }
    }
    found
        .into_iter()
        .map(|n| n.trim_end_matches(':').to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn domains_use_only_lower_layers_and_never_in_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .to_string();
        let domain = top.trim_end_matches(".rs").to_string();
        // The binary (CLI, bench) and the crate root sit above every domain.
        if ["main", "lib", "bench"].contains(&domain.as_str()) || domain.starts_with("cli_") {
            continue;
        }
        let Some(own) = layer_of(&domain) else {
            wrong.push(format!("{} is in no layer: add {domain} to LAYERS", rel.display()));
            continue;
        };
        for used in uses(&std::fs::read_to_string(file).unwrap()) {
            let Some(theirs) = layer_of(&used) else { continue };
            if used == domain {
                continue;
            }
            if theirs > own {
                wrong.push(format!("{} ({domain}) uses {used}, a higher layer", rel.display()));
            }
            edges.entry(domain.clone()).or_default().insert(used);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Within a layer: no cycle (depth-first search over the domain graph).
    fn visit(
        d: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(at) = path.iter().position(|p| p == d) {
            return Some(format!("{} → {d}", path[at..].join(" → ")));
        }
        if done.contains(d) {
            return None;
        }
        path.push(d.to_string());
        for next in edges.get(d).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(d.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for d in edges.keys() {
        if let Some(cycle) = visit(d, &edges, &mut Vec::new(), &mut done) {
            panic!("the domains use each other in a cycle: {cycle}");
        }
    }
    assert!(edges.len() > 12, "read {} domains", edges.len());
}
