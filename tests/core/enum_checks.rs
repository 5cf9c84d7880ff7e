//! Each closed vocabulary is spelled once, in Rust: the SQL `CHECK`s of the
//! schema allow exactly the values the Rust enum serialises to (read from the
//! same TypeScript union the UI is generated from), and every `CHECK … IN`
//! list of words in the schema belongs to an enum named here.

use std::collections::{BTreeMap, BTreeSet};

use baton::Store;
use ts_rs::TS;

/// The values of a unit-variant enum, as serde writes them (and the UI sees
/// them): its generated union `"a" | "b"`.
fn values<T: TS>() -> BTreeSet<String> {
    let union = T::inline(&ts_rs::Config::new());
    union
        .split('|')
        .map(|v| v.trim().trim_matches('"').to_string())
        .collect()
}

/// Every `CHECK (column IN ('a', 'b'))` of the schema, by table and column.
fn checks() -> BTreeMap<(String, String), BTreeSet<String>> {
    let store = Store::open_in_memory().unwrap();
    let tables: Vec<(String, String)> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    let mut found = BTreeMap::new();
    for (table, sql) in tables {
        let mut rest = sql.as_str();
        while let Some(at) = rest.find("CHECK (") {
            rest = &rest[at + "CHECK (".len()..];
            let Some((column, after)) = rest.split_once(" IN (") else {
                continue;
            };
            if column.contains(' ') || !after.starts_with('\'') {
                continue; // a range or a number list, not words
            }
            let list = &after[..after.find(')').unwrap()];
            let words = list
                .split(',')
                .map(|w| w.trim().trim_matches('\'').to_string())
                .collect();
            found.insert((table.clone(), column.to_string()), words);
        }
    }
    found
}

#[test]
fn the_schema_allows_exactly_what_each_enum_writes() {
    use baton::enums::*;
    let expected: Vec<(&str, &str, BTreeSet<String>)> = vec![
        ("customers", "status", values::<Status>()),
        ("customers", "tier", values::<Tier>()),
        ("people", "role", values::<Role>()),
        ("people", "attitude", values::<Attitude>()),
        ("people", "age_band", values::<AgeBand>()),
        ("people", "preferred_channel", values::<Channel>()),
        (
            "customer_changes",
            "field",
            values::<baton::customers::changes::ChangeField>(),
        ),
        ("contacts", "channel", values::<Channel>()),
        ("contacts", "objection", values::<Objection>()),
        ("deals", "kind", values::<DealKind>()),
        ("tier_changes", "old_tier", values::<Tier>()),
        ("tier_changes", "new_tier", values::<Tier>()),
        ("tier_changes", "suggested_tier", values::<Tier>()),
        ("assessments", "layer", values::<Layer>()),
        ("assessments", "relationship_type", values::<RelationshipType>()),
        (
            "handover_checklist",
            "task",
            values::<baton::relationship::checklist::Task>(),
        ),
        (
            "followup_changes",
            "action",
            values::<baton::history::followups::changes::FollowUpAction>(),
        ),
    ];
    // Columns with a word list that no enum carries, and why.
    let internal = [
        // Which side of a conflict stayed: written by the import only.
        ("import_conflicts", "kept"),
    ];
    let mut found = checks();
    for (table, column, words) in expected {
        let allowed = found
            .remove(&(table.to_string(), column.to_string()))
            .unwrap_or_else(|| panic!("{table}.{column} has no CHECK of its words"));
        assert_eq!(allowed, words, "{table}.{column}: the CHECK and the Rust enum differ");
    }
    for (table, column) in internal {
        found.remove(&(table.to_string(), column.to_string()));
    }
    assert!(
        found.is_empty(),
        "word lists in the schema that no enum is checked against: {:?}",
        found.keys().collect::<Vec<_>>()
    );
}

#[test]
fn values_reads_the_union_serde_writes() {
    let tiers = values::<baton::enums::Tier>();
    assert_eq!(tiers, ["S", "A", "B", "C"].map(String::from).into());
    let written = serde_json::to_value(baton::enums::AgeBand::ALL).unwrap();
    let written: BTreeSet<String> = written
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(values::<baton::enums::AgeBand>(), written);
}
