//! The module map at the top of `src/lib.rs` names every module the crate
//! declares, and only those: a new module without a line there fails here.

use std::collections::BTreeSet;

#[test]
fn the_module_map_names_every_module() {
    let lib = include_str!("../../src/lib.rs");
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ").and_then(|m| m.strip_suffix(';')))
        .collect();
    let map: String = lib
        .lines()
        .filter(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut named = BTreeSet::new();
    for piece in map.split("[`").skip(1) {
        let name = piece.split("`]").next().unwrap_or_default();
        named.insert(name.trim_start_matches("mod@"));
    }
    assert!(declared.len() > 30, "read {} modules", declared.len());
    let unnamed: Vec<_> = declared.difference(&named).collect();
    assert!(
        unnamed.is_empty(),
        "modules missing from the map in src/lib.rs: {unnamed:?}"
    );
    let stale: Vec<_> = named.difference(&declared).collect();
    assert!(stale.is_empty(), "the map names modules that do not exist: {stale:?}");
}
