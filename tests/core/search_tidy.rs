//! Issue 18: a single write no longer merges the search indexes; tidying
//! does, a bounded step at a time, when the book is quiet. Searching finds
//! exactly the same before and after, tidying ends, and it is not a change
//! to the book (an import stays undoable).

use baton::customers::{self, CustomerCard};
use baton::search::{self, SearchQuery};
use baton::{Store, io::sheet};

fn found(store: &Store, text: &str) -> Vec<String> {
    let q = SearchQuery {
        text: text.into(),
        limit: Some(10_000),
        ..Default::default()
    };
    let groups = store
        .read(|c| search::search(c, &q, chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()))
        .unwrap();
    let mut ids: Vec<String> = groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.record_id.clone()))
        .collect();
    ids.sort();
    ids
}

/// The FTS5 segments of the customers' trigram index (its structure record
/// counts them: one per level entry), as a proxy for untidiness.
fn segments(store: &Store) -> i64 {
    store
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM search_fts_customer_data WHERE id > 10", [], |r| {
                    r.get::<_, i64>(0)
                })?,
            )
        })
        .unwrap()
}

#[test]
fn single_writes_leave_merging_to_the_tidying_and_search_stays_exact() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    for i in 0..60 {
        store
            .write(|tx| {
                let card = CustomerCard {
                    name: format!("恒达精密机械{i}号有限公司"),
                    region: if i % 2 == 0 { "苏州" } else { "Munich" }.into(),
                    ..Default::default()
                };
                customers::create(tx, card)
            })
            .unwrap();
    }
    let queries = ["恒达", "精密", "苏州", "munich", "hd", "12号"];
    let before: Vec<Vec<String>> = queries.iter().map(|q| found(&store, q)).collect();
    assert_eq!(before[0].len(), 60);
    let untidy = segments(&store);
    let stamp = store.change_stamp().unwrap();

    let mut steps = 0;
    while store.tidy_search(16).unwrap() {
        steps += 1;
        assert!(steps < 1_000, "tidying ends");
    }
    assert!(steps > 0, "sixty writes left something to merge");
    assert!(!store.tidy_search(16).unwrap(), "a tidy book has nothing to merge");
    assert!(segments(&store) < untidy, "tidying merged segments ({untidy} before)");
    let after: Vec<Vec<String>> = queries.iter().map(|q| found(&store, q)).collect();
    assert_eq!(before, after, "the same hits before and after");
    assert_eq!(store.change_stamp().unwrap(), stamp, "tidying is no change to the book");
}

#[test]
fn tidying_after_an_import_keeps_it_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let file = dir.path().join("s.csv");
    std::fs::write(&file, "公司名称,联系人\n恒达机电,李工\n华东精密,王总\n").unwrap();
    let table = sheet::read(&file).unwrap();
    let plan = store
        .read(|c| sheet::plan(c, &table, &sheet::Mapping::guess(&table.headers)))
        .unwrap();
    let opts = sheet::SheetImportOptions {
        backup_dir: Some(dir.path().join("backups")),
        ..Default::default()
    };
    sheet::apply(&store, &plan, &opts).unwrap();
    assert!(store.undo_import_target().unwrap().is_some());
    while store.tidy_search(16).unwrap() {}
    assert!(
        store.undo_import_target().unwrap().is_some(),
        "still undoable after tidying"
    );
    store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    name: "之后写的".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert!(
        store.undo_import_target().unwrap().is_none(),
        "a real write still ends it"
    );
}
