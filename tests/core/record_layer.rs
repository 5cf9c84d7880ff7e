//! The record layer: every kind reads its columns by name and names every
//! column its table holds.

use baton::Store;
use baton::book::kinds::RecordKind;
use baton::record::{self, Record};
use baton::{
    customers, customers::changes, customers::people, customers::tier_changes, history::contacts, history::followups,
    relationship, relationship::checklist, relationship::handover_notes, value::deals, value::satisfaction,
};

/// Columns a table keeps that are no part of the record: derived from it
/// (the pinyin sort key) or kept by triggers for fast reads.
pub const KEPT: &[&str] = &[
    "sort_key",
    "last_order_on",
    "last_contact_on",
    "next_due_on",
    "assessed_on",
    "latest_scores",
    "previous_scores",
    "last_contact_at",
    "dep_people",
    "dep_roles",
    "dep_layers",
    "dep_colleagues",
    "dep_contacted",
    "dep_card_layer",
    "search_doc",
];

fn demo() -> Store {
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 40, 7).unwrap();
    store
}

/// Reading each record from a row whose columns stand in reverse order
/// gives the same record: nothing is read by position.
fn reversed_reads_the_same<R: Record + PartialEq + std::fmt::Debug>(store: &Store) {
    let reversed: Vec<&str> = R::COLUMNS.iter().rev().copied().collect();
    let sql = format!(
        "SELECT {}, 'decoy' AS pad FROM {} ORDER BY id",
        reversed.join(", "),
        R::KIND.table()
    );
    let (straight, backwards) = store
        .read(|c| {
            let mut straight = Vec::new();
            record::for_each::<R>(c, |r| {
                straight.push(r);
                Ok(())
            })?;
            let mut backwards = Vec::new();
            record::each::<R>(c, &sql, |r| {
                backwards.push(r);
                Ok(())
            })?;
            Ok((straight, backwards))
        })
        .unwrap();
    assert!(!straight.is_empty(), "the demo has no {:?}", R::KIND);
    assert_eq!(straight, backwards, "{:?} read by position", R::KIND);
}

#[test]
fn every_kind_reads_its_columns_by_name() {
    let store = demo();
    reversed_reads_the_same::<customers::Customer>(&store);
    reversed_reads_the_same::<people::Person>(&store);
    reversed_reads_the_same::<changes::CustomerChange>(&store);
    reversed_reads_the_same::<contacts::Contact>(&store);
    reversed_reads_the_same::<followups::FollowUp>(&store);
    reversed_reads_the_same::<followups::changes::FollowUpChange>(&store);
    reversed_reads_the_same::<deals::Deal>(&store);
    reversed_reads_the_same::<tier_changes::TierChange>(&store);
    reversed_reads_the_same::<satisfaction::SatisfactionCheck>(&store);
    reversed_reads_the_same::<relationship::Assessment>(&store);
    reversed_reads_the_same::<handover_notes::HandoverNote>(&store);
    reversed_reads_the_same::<checklist::ChecklistItem>(&store);
}

/// A column added to a table must be read and written by its kind (or be
/// declared derived above), or dump and handover would drop it.
#[test]
fn every_kind_names_every_column_of_its_table() {
    fn columns_of<R: Record>() -> (RecordKind, Vec<String>) {
        (R::KIND, R::COLUMNS.iter().map(|c| c.to_string()).collect())
    }
    let kinds = [
        columns_of::<customers::Customer>(),
        columns_of::<people::Person>(),
        columns_of::<changes::CustomerChange>(),
        columns_of::<contacts::Contact>(),
        columns_of::<followups::FollowUp>(),
        columns_of::<followups::changes::FollowUpChange>(),
        columns_of::<deals::Deal>(),
        columns_of::<tier_changes::TierChange>(),
        columns_of::<satisfaction::SatisfactionCheck>(),
        columns_of::<relationship::Assessment>(),
        columns_of::<handover_notes::HandoverNote>(),
        columns_of::<checklist::ChecklistItem>(),
    ];
    assert_eq!(kinds.len(), RecordKind::ALL.len());
    let store = Store::open_in_memory().unwrap();
    for (kind, named) in kinds {
        let table: Vec<String> = store
            .read(|c| {
                let mut stmt = c.prepare(&format!("SELECT name FROM pragma_table_info('{}')", kind.table()))?;
                let names = stmt
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(names)
            })
            .unwrap();
        for column in &table {
            assert!(
                named.contains(column) || KEPT.contains(&column.as_str()),
                "{}.{column} is neither read by {kind:?} nor declared kept",
                kind.table()
            );
        }
        for column in &named {
            assert!(
                table.contains(column),
                "{kind:?} names {column}, which {} lacks",
                kind.table()
            );
        }
    }
}

/// Inside `as_new_rows` (the demo's fill of an empty book) a record is
/// inserted, never updated: one whose id is already there is refused and
/// the stored one stays. Outside it, and after a refused scope, the same
/// put updates it.
#[test]
fn as_new_rows_inserts_and_refuses_an_id_already_there() {
    let store = demo();
    let id: String = store
        .read(|c| Ok(c.query_row("SELECT id FROM customers ORDER BY id LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    let mut customer: customers::Customer = store.read(|c| record::get(c, &id)).unwrap();
    let stored_name = customer.card.name.clone();
    customer.card.name = "改过的名字".into();
    let refused = store.write(|tx| record::as_new_rows(|| record::put(tx, &customer)));
    assert!(refused.is_err(), "an id already there was written over");
    let name_now = |store: &Store| -> String {
        store
            .read(|c| Ok(c.query_row("SELECT name FROM customers WHERE id = ?1", [&id], |r| r.get(0))?))
            .unwrap()
    };
    assert_eq!(name_now(&store), stored_name);
    store.write(|tx| record::put(tx, &customer)).unwrap();
    assert_eq!(name_now(&store), "改过的名字");

    // A new id inside the scope is written like any put.
    let mut fresh = customer.clone();
    fresh.id = "00000000-0000-4000-8000-00000000abcd".into();
    fresh.card.name = "新客户".into();
    store
        .write(|tx| record::as_new_rows(|| record::put(tx, &fresh)))
        .unwrap();
    let back: customers::Customer = store.read(|c| record::get(c, &fresh.id)).unwrap();
    assert_eq!(back.card.name, "新客户");
}
