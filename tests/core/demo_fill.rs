//! The demo fills an empty book with the kept columns' triggers and indexes
//! set aside, and computes those columns once at the end (store::bulk_fill).
//! The book it leaves must be the one the row-by-row triggers leave.

use baton::views::list::{ListQuery, SortBy};
use baton::{Store, demo, value};
use rusqlite::types::Value;

/// The columns the triggers keep, which the copy leaves to them. (Each
/// copy numbers its own search documents; the pinyin sort key is the
/// record's own, written with it.)
fn kept(table: &str, column: &str) -> bool {
    column == "search_doc"
        || (matches!(table, "customers" | "people")
            && column != "sort_key"
            && crate::record_layer::KEPT.contains(&column))
}

fn columns(conn: &rusqlite::Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn rows(conn: &rusqlite::Connection, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id")).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The tables the kept columns are computed from, parents first.
const COPIED: [&str; 7] = [
    "customers",
    "people",
    "contacts",
    "contact_people",
    "followups",
    "deals",
    "assessments",
];

#[test]
fn the_demo_leaves_the_kept_columns_the_triggers_would_have() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.db");
    {
        let store = Store::open(&file).unwrap();
        demo::fill(&store, 60, 13).unwrap();
    }
    // The same records written again row by row, every column but the kept
    // ones: the triggers fill those.
    let copy = Store::open_in_memory().unwrap();
    let conn = copy.conn();
    conn.execute("ATTACH ?1 AS demo", [file.to_str().unwrap()]).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    for table in COPIED {
        let written: Vec<String> = columns(&conn, table).into_iter().filter(|c| !kept(table, c)).collect();
        let list = written.join(", ");
        conn.execute_batch(&format!(
            "INSERT INTO main.{table} ({list}) SELECT {list} FROM demo.{table}"
        ))
        .unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
    for table in ["customers", "people"] {
        let (demo_rows, copied) = (
            rows(&conn, &format!("demo.{table}")),
            rows(&conn, &format!("main.{table}")),
        );
        assert_eq!(demo_rows.len(), copied.len(), "{table}");
        let names = columns(&conn, table);
        for (d, c) in demo_rows.iter().zip(&copied) {
            for (i, name) in names.iter().enumerate().filter(|(_, n)| *n != "search_doc") {
                assert_eq!(d[i], c[i], "{table}.{name} of {:?}", d[0]);
            }
        }
    }
    // Something was kept, or the comparison says nothing.
    let filled: i64 = conn
        .query_row(
            "SELECT count(*) FROM demo.customers WHERE last_contact_on IS NOT NULL AND next_due_on IS NOT NULL \
             AND latest_scores IS NOT NULL AND dep_people > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(filled > 0);
}

#[test]
fn a_ranking_kept_from_the_empty_book_is_not_used_after_the_demo() {
    let store = Store::open_in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let by_revenue = ListQuery {
        sort: SortBy::Revenue,
        as_of: Some(today),
        limit: 500,
        ..Default::default()
    };
    // Ranks the empty book, and keeps the ranking.
    assert!(
        store
            .read(|c| baton::views::list::list(c, &by_revenue))
            .unwrap()
            .rows
            .is_empty()
    );
    demo::fill(&store, 40, 2).unwrap();
    let listed = store.read(|c| baton::views::list::list(c, &by_revenue)).unwrap().rows;
    assert_eq!(listed.len(), 40);
    for row in &listed {
        let (kept, fresh) = store
            .read(|c| {
                let s = baton::settings::get(c)?;
                let ranking = value::Ranking::load(c, &s, today)?;
                let fresh = value::picture_ranked(c, &baton::customers::get(c, &row.id)?, &s, &ranking, today)?;
                Ok((value::picture(c, &row.id, today)?, fresh))
            })
            .unwrap();
        assert_eq!(kept, fresh, "{}", row.id);
    }
}

#[test]
fn a_demo_of_no_customers_leaves_an_empty_book_that_takes_records() {
    let store = Store::open_in_memory().unwrap();
    let summary = demo::fill(&store, 0, 1).unwrap();
    assert_eq!(summary.customers, 0);
    // The search numbering and queue are consistent: the next record is indexed.
    let card = baton::customers::CustomerCard {
        name: "恒达精密".into(),
        ..Default::default()
    };
    store.write(|tx| baton::customers::create(tx, card.clone())).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let query = baton::search::SearchQuery {
        text: "恒达".into(),
        limit: Some(5),
        ..Default::default()
    };
    let found = store.read(|c| baton::search::search(c, &query, today)).unwrap();
    assert_eq!(found.iter().map(|g| g.hits.len()).sum::<usize>(), 1);
}

/// Every trigger and index the fill set aside is back, as its migration
/// wrote it: the filled book's schema is a fresh book's.
#[test]
fn the_demo_leaves_the_schema_of_a_fresh_book() {
    let filled = Store::open_in_memory().unwrap();
    demo::fill(&filled, 30, 4).unwrap();
    let fresh = Store::open_in_memory().unwrap();
    assert_eq!(crate::schema_of(&filled), crate::schema_of(&fresh));
}
