//! "Who is calling me?" (issue 14): search finds a key person by phone (as
//! typed or as digits alone), email and messaging id, and a customer by its
//! phone; books from before that are re-indexed when they are opened.

use baton::customers::CustomerCard;
use baton::search::{self, HitKind, SearchQuery};
use baton::store::migrations;
use baton::{Store, customers, customers::people};

use crate::person;

fn found(store: &Store, text: &str) -> Vec<(HitKind, String)> {
    let q = SearchQuery {
        text: text.into(),
        limit: Some(50),
        ..Default::default()
    };
    let groups = store
        .read(|c| search::search(c, &q, baton::clock::local_today()))
        .unwrap();
    groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| (h.kind, h.record_id.clone())))
        .collect()
}

fn fill(conn: &rusqlite::Connection) -> (String, String) {
    let c = customers::create(
        conn,
        CustomerCard {
            name: "恒达机械".into(),
            phone: "0755-2878 0808".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut card = person("王建国");
    card.phone = "+86 150 8017 9467".into();
    card.email = "wang.jianguo@hengda.example".into();
    card.messaging_id = "wjg_hengda".into();
    let p = people::create(conn, &c.id, card).unwrap();
    (c.id, p.id)
}

fn assert_found(store: &Store, customer: &str, person: &str) {
    for q in ["15080179467", "150 8017", "+86 150", "wang.jianguo@", "wjg_hengda"] {
        assert!(
            found(store, q).contains(&(HitKind::Person, person.to_string())),
            "{q:?} finds the person"
        );
    }
    assert!(found(store, "075528780808").contains(&(HitKind::Customer, customer.to_string())));
    assert!(found(store, "2878 0808").contains(&(HitKind::Customer, customer.to_string())));
}

#[test]
fn a_phone_an_email_or_a_messaging_id_finds_the_person() {
    let store = Store::open_in_memory().unwrap();
    let (customer, person) = store.write(|tx| Ok(fill(tx))).unwrap();
    assert_found(&store, &customer, &person);
    // A changed number is found by the new one only.
    store
        .write(|tx| {
            let mut card = people::get(tx, &person)?.card;
            card.phone = "139 0000 1111".into();
            people::update(tx, &person, card)
        })
        .unwrap();
    assert!(found(&store, "13900001111").contains(&(HitKind::Person, person.clone())));
    assert!(!found(&store, "15080179467").contains(&(HitKind::Person, person)));
}

#[test]
fn a_book_from_before_is_reindexed_when_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let (customer, person) = {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        baton::store::register_functions(&conn).unwrap();
        migrations::migrate_to(&mut conn, 14).unwrap();
        let tx = conn.transaction().unwrap();
        let ids = fill(&tx);
        baton::store::search_index::sync(&tx).unwrap();
        tx.commit().unwrap();
        ids
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(migrations::version(&store.conn()).unwrap(), migrations::latest());
    assert_found(&store, &customer, &person);
}
