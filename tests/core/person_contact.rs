//! When each key person last took part in a live contact (migration 20,
//! kept by triggers for the dependence score): always what the contacts
//! say, checked against a from-scratch computation after every kind of
//! write and after an upgrade.

use baton::book::kinds::RecordKind;
use baton::enums::Channel;
use baton::history::contacts::{self, ContactDraft};
use baton::store::migrations;
use baton::{Store, book::trash, customers::people, demo};
use rusqlite::Connection;

use crate::card;

type Kept = Vec<(String, Option<String>)>;

fn kept(conn: &Connection) -> Kept {
    conn.prepare("SELECT id, last_contact_at FROM people ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// From the contacts' own person lists (the record's truth), not the
/// contact_people index the triggers read.
fn from_scratch(conn: &Connection) -> Kept {
    let mut latest = std::collections::HashMap::<String, String>::new();
    let mut stmt = conn
        .prepare("SELECT happened_at, person_ids FROM contacts WHERE deleted_at IS NULL")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    for row in rows {
        let (at, ids) = row.unwrap();
        for id in serde_json::from_str::<Vec<String>>(&ids).unwrap() {
            let e = latest.entry(id).or_default();
            if at > *e {
                *e = at.clone();
            }
        }
    }
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM people ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    ids.into_iter()
        .map(|id| {
            let at = latest.get(&id).cloned();
            (id, at)
        })
        .collect()
}

fn assert_exact(store: &Store, after: &str) {
    let (kept, scratch) = store.read(|c| Ok((kept(c), from_scratch(c)))).unwrap();
    assert_eq!(kept, scratch, "after {after}");
}

#[test]
fn the_last_contact_of_each_person_follows_every_write() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 30, 9).unwrap();
    assert_exact(&store, "the demo");
    let customer = store
        .write(|tx| baton::customers::create(tx, card("联系客户")))
        .unwrap()
        .id;
    let person = |name: &str| {
        let card = people::PersonCard {
            name: name.into(),
            ..Default::default()
        };
        store.write(|tx| people::create(tx, &customer, card)).unwrap().id
    };
    let (wang, li) = (person("王经理"), person("李工"));
    let draft = |at: &str, who: Vec<String>| ContactDraft {
        person_ids: who,
        ..ContactDraft::new(at, Channel::Visit, "拜访")
    };
    let early = store
        .write(|tx| contacts::create(tx, &customer, draft("2026-03-01T02:00:00Z", vec![wang.clone()])))
        .unwrap();
    let late = store
        .write(|tx| {
            contacts::create(
                tx,
                &customer,
                draft("2026-05-01T02:00:00Z", vec![wang.clone(), li.clone()]),
            )
        })
        .unwrap();
    assert_exact(&store, "two contacts");
    store
        .write(|tx| contacts::update(tx, &late.id, draft("2026-02-01T02:00:00Z", vec![li.clone()])))
        .unwrap();
    assert_exact(&store, "the later contact moved back and Wang taken off it");
    store.write(|tx| contacts::delete(tx, &early.id)).unwrap();
    assert_exact(&store, "a contact to the trash");
    store
        .write(|tx| trash::restore(tx, RecordKind::Contact, &early.id))
        .unwrap();
    assert_exact(&store, "back from the trash");
    store
        .write(|tx| {
            tx.execute("DELETE FROM contacts WHERE id = ?1", [&early.id])?;
            Ok(())
        })
        .unwrap();
    assert_exact(&store, "a contact removed for good");
    let wang_at = store
        .read(|c| Ok(kept(c).into_iter().find(|k| k.0 == wang).unwrap().1))
        .unwrap();
    assert_eq!(wang_at, None, "Wang's only contacts are gone or no longer his");
}

#[test]
fn a_book_from_before_gets_each_persons_last_contact_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v19.db");
    {
        let store = Store::open(&path).unwrap();
        demo::fill(&store, 25, 3).unwrap();
        store
            .write(|tx| {
                crate::drop_value_changes(tx)?; // migration 21 came after
                for trigger in ["person_contact_ai", "person_contact_ad", "person_contact_au"] {
                    tx.execute_batch(&format!("DROP TRIGGER {trigger}"))?;
                }
                tx.execute_batch("ALTER TABLE people DROP COLUMN last_contact_at")?;
                tx.pragma_update(None, "user_version", 19)?;
                Ok(())
            })
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.read(migrations::version).unwrap(), migrations::latest());
    let known = store
        .read(|c| Ok(kept(c).iter().filter(|k| k.1.is_some()).count()))
        .unwrap();
    assert!(known > 10, "the demo's people were contacted");
    assert_exact(&store, "the upgrade");
}
