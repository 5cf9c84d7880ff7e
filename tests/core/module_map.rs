//! The module map at the top of `src/lib.rs` names every module the crate
//! declares, and each public module of a domain folder, and only those: a
//! new module without a line there fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// `pub mod x;` lines of a file.
fn public_modules(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("pub mod ").and_then(|m| m.strip_suffix(';')))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_module_map_names_every_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut declared = BTreeSet::new();
    for top in public_modules(&lib) {
        let folder = src.join(&top).join("mod.rs");
        // A folder's parts are listed when it is a domain of several.
        let children = std::fs::read_to_string(&folder)
            .map(|t| public_modules(&t))
            .unwrap_or_default();
        if [
            "book",
            "customers",
            "history",
            "io",
            "relationship",
            "store",
            "value",
            "views",
        ]
        .contains(&top.as_str())
        {
            for child in children {
                declared.insert(format!("{top}::{child}"));
            }
        }
        declared.insert(top);
    }
    let map: String = lib
        .lines()
        .filter(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = BTreeSet::new();
    for piece in map.split("[`").skip(1) {
        let name = piece.split("`]").next().unwrap_or_default();
        named.insert(name.trim_start_matches("mod@").to_string());
    }
    assert!(declared.len() > 40, "read {} modules", declared.len());
    let unnamed: Vec<_> = declared.difference(&named).collect();
    assert!(
        unnamed.is_empty(),
        "modules missing from the map in src/lib.rs: {unnamed:?}"
    );
    let stale: Vec<_> = named.difference(&declared).collect();
    assert!(stale.is_empty(), "the map names modules that do not exist: {stale:?}");
}
