//! The number of live customers the unfiltered list shows is kept by
//! triggers (migration 26) and always equals a count of them.

use baton::book::{kinds::RecordKind, trash};
use baton::views::list::{self, ListQuery};
use baton::{Store, customers, demo};

fn counted(store: &Store) -> (i64, i64, i64) {
    store
        .read(|c| {
            let kept = c.query_row("SELECT n FROM customers_live", [], |r| r.get(0))?;
            let live = c.query_row("SELECT count(*) FROM customers WHERE deleted_at IS NULL", [], |r| {
                r.get(0)
            })?;
            let q = ListQuery {
                limit: 5,
                ..Default::default()
            };
            Ok((kept, live, list::list(c, &q)?.total))
        })
        .unwrap()
}

fn assert_kept(store: &Store, after: &str) -> i64 {
    let (kept, live, total) = counted(store);
    assert_eq!(kept, live, "after {after}");
    assert_eq!(total, live, "the list's total after {after}");
    live
}

#[test]
fn the_kept_number_of_live_customers_follows_every_write() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 30, 2).unwrap();
    let start = assert_kept(&store, "the demo");
    let a = store
        .write(|tx| customers::create(tx, crate::card("新客户")))
        .unwrap()
        .id;
    assert_eq!(assert_kept(&store, "a new customer"), start + 1);
    store
        .write(|tx| {
            let mut card = customers::get(tx, &a)?.card;
            card.notes = "编辑不改数目".into();
            customers::update(tx, &a, card).map(drop)
        })
        .unwrap();
    assert_eq!(assert_kept(&store, "an edit"), start + 1);
    store.write(|tx| customers::delete(tx, &a)).unwrap();
    assert_eq!(assert_kept(&store, "to the trash"), start);
    store.write(|tx| customers::delete(tx, &a)).ok();
    assert_eq!(assert_kept(&store, "to the trash twice"), start);
    store.write(|tx| trash::restore(tx, RecordKind::Customer, &a)).unwrap();
    assert_eq!(assert_kept(&store, "back from the trash"), start + 1);
    store
        .write(|tx| {
            tx.execute("DELETE FROM customers WHERE id = ?1", [&a])?;
            Ok(())
        })
        .unwrap();
    assert_eq!(assert_kept(&store, "removed for good"), start);
    let trashed = store
        .read(|c| Ok(c.query_row("SELECT id FROM customers LIMIT 1", [], |r| r.get::<_, String>(0))?))
        .unwrap();
    store.write(|tx| customers::delete(tx, &trashed)).unwrap();
    store
        .write(|tx| {
            tx.execute("DELETE FROM customers WHERE id = ?1", [&trashed])?;
            Ok(())
        })
        .unwrap();
    assert_eq!(assert_kept(&store, "a trashed customer removed"), start - 1);
}

#[test]
fn a_filtered_list_still_counts_its_matches() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 40, 3).unwrap();
    let key = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM customers WHERE deleted_at IS NULL AND is_key = 1",
                [],
                |r| r.get::<_, i64>(0),
            )?)
        })
        .unwrap();
    let q = ListQuery {
        key_only: true,
        limit: 5,
        ..Default::default()
    };
    let total = store.read(|c| list::list(c, &q)).unwrap().total;
    assert_eq!(total, key);
    assert!(key < assert_kept(&store, "the demo"));
}
