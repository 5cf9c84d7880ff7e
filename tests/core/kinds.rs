use baton::Store;
use baton::book::kinds::{RecordKind, is_non_record_table};

/// A new table must be registered as a record kind (so dump, check, handover
/// and the report cover it) or explicitly declared as holding no records.
#[test]
fn every_table_is_a_registered_record_kind() {
    let store = Store::open_in_memory().unwrap();
    let tables: Vec<String> = store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?;
            let rows = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(rows)
        })
        .unwrap();
    for table in &tables {
        let registered = RecordKind::ALL.iter().any(|k| k.table() == table) || is_non_record_table(table);
        assert!(
            registered,
            "table {table} is not a RecordKind: dump, check and handover would miss it"
        );
    }
    for kind in RecordKind::ALL {
        assert!(tables.iter().any(|t| t == kind.table()), "{kind:?} has no table");
    }
}
