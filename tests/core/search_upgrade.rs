//! Migration 24: the search reads its text from the records, through one
//! view per kind, instead of a copy in `search_docs`. A book indexed by the
//! older triggers keeps every document's number and text, so nothing has to
//! be re-indexed, and every write after it keeps the index exact.

use baton::customers::people::{self, PersonCard};
use baton::customers::{Competitor, CustomerCard};
use baton::search::{self, HitKind, SearchQuery};
use baton::store::{migrations, search_index};
use baton::{Store, customers, demo};

/// Each document as (kind, record, number, title, body, initials).
type Docs = Vec<(String, String, i64, String, String, String)>;

fn docs(conn: &rusqlite::Connection, from: &str) -> Docs {
    let sql = format!("SELECT kind, record_id, doc, title, body, initials FROM {from} ORDER BY record_id");
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn found(store: &Store, text: &str) -> Vec<(HitKind, String)> {
    let q = SearchQuery {
        text: text.into(),
        limit: Some(50),
        ..Default::default()
    };
    store
        .read(|c| search::search(c, &q, baton::clock::local_today()))
        .unwrap()
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| (h.kind, h.record_id.clone())))
        .collect()
}

/// A customer with every kind of searchable text: short name, needs,
/// competitors (JSON), phone; and a person with phone, email and messaging id.
fn full_customer(store: &Store) -> (String, String) {
    store
        .write(|tx| {
            let c = customers::create(
                tx,
                CustomerCard {
                    name: "青岛海纳机电".into(),
                    short_name: "海纳".into(),
                    notes: "老客户，年底集中采购".into(),
                    need_real: "降低停机时间".into(),
                    phone: "0532-8888 6666".into(),
                    competitors: vec![Competitor {
                        name: "德力西".into(),
                        notes: "价格低".into(),
                    }],
                    ..Default::default()
                },
            )?;
            let p = people::create(
                tx,
                &c.id,
                PersonCard {
                    name: "欧阳娜".into(),
                    title: "采购经理".into(),
                    phone: "150 8017 9467".into(),
                    email: "ouyang@example.cn".into(),
                    messaging_id: "wx_ouyang".into(),
                    ..Default::default()
                },
            )?;
            Ok((c.id, p.id))
        })
        .unwrap()
}

#[test]
fn a_book_indexed_before_keeps_its_documents_and_their_text() {
    let dir = tempfile::tempdir().unwrap();
    // Today's records, with every kind of text the index reads.
    let source = Store::open(&dir.path().join("source.db")).unwrap();
    demo::fill(&source, 25, 3).unwrap();
    let (customer, person) = full_customer(&source);
    drop(source);

    // The same records in a book at version 23, indexed by its triggers.
    let path = dir.path().join("old.db");
    let before = {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        baton::store::register_functions(&conn).unwrap();
        migrations::migrate_to(&mut conn, 23).unwrap();
        let source = dir.path().join("source.db");
        conn.execute("ATTACH ?1 AS source", [source.to_str().unwrap()]).unwrap();
        let tx = conn.transaction().unwrap();
        for table in ["customers", "people", "contacts", "handover_notes"] {
            let columns: Vec<String> = tx
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let columns = columns.join(", ");
            let copied = tx
                .execute(
                    &format!("INSERT INTO main.{table} ({columns}) SELECT {columns} FROM source.{table}"),
                    [],
                )
                .unwrap();
            assert!(copied > 0, "the demo wrote {table}");
        }
        search_index::sync(&tx).unwrap();
        tx.commit().unwrap();
        docs(&conn, "search_docs")
    };
    assert!(before.iter().any(|d| d.0 == "note"), "notes are indexed too");

    let store = Store::open(&path).unwrap();
    assert_eq!(store.read(migrations::version).unwrap(), migrations::latest());
    let after = store.read(|c| Ok(docs(c, "search_text"))).unwrap();
    assert_eq!(after, before, "same numbers, same text");
    // Found by the text the old triggers indexed: nothing was lost.
    assert!(found(&store, "德力西").contains(&(HitKind::Customer, customer.clone())));
    assert!(found(&store, "15080179467").contains(&(HitKind::Person, person.clone())));
    assert!(found(&store, "hnjd").contains(&(HitKind::Customer, customer.clone())));

    // Writes after the upgrade: an edit replaces the old text in the index,
    // and a new record takes a number never used before.
    store
        .write(|tx| {
            let mut card = customers::get(tx, &customer)?.card;
            card.competitors.clear();
            customers::update(tx, &customer, card)
        })
        .unwrap();
    assert!(!found(&store, "德力西").contains(&(HitKind::Customer, customer)));
    let last = before.iter().map(|d| d.2).max().unwrap();
    let (fresh, _) = full_customer(&store);
    let doc: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT doc FROM search_text_customer WHERE record_id = ?1",
                [&fresh],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(doc > last, "new document {doc} after {last}");
    assert_eq!(
        found(&store, "德力西"),
        vec![(HitKind::Customer, fresh)],
        "only the new customer still names it"
    );
}

#[test]
fn several_changes_in_one_write_leave_the_last_text_indexed() {
    let store = Store::open_in_memory().unwrap();
    let (customer, person) = full_customer(&store);
    store
        .write(|tx| {
            // Renamed twice: the index forgets the first and the middle name.
            for name in ["中间名称甲", "最后名称乙"] {
                let mut card = customers::get(tx, &customer)?.card;
                card.name = name.into();
                customers::update(tx, &customer, card)?;
            }
            // Written, changed and gone, all before the commit.
            let brief = customers::create(tx, crate::card("短暂客户丙"))?;
            let mut card = customers::get(tx, &brief.id)?.card;
            card.notes = "转瞬即逝".into();
            customers::update(tx, &brief.id, card)?;
            customers::delete(tx, &brief.id)?;
            baton::book::trash::empty(tx)?;
            // An edit that changes no searchable text (the department is
            // not indexed) queues nothing.
            let mut card = people::get(tx, &person)?.card;
            card.department = "采购部".into();
            people::update(tx, &person, card)?;
            let queued: i64 = tx.query_row(
                "SELECT count(*) FROM search_queue WHERE doc = \
                 (SELECT search_doc FROM people WHERE id = ?1)",
                [&person],
                |r| r.get(0),
            )?;
            assert_eq!(queued, 0, "nothing to re-index");
            Ok(())
        })
        .unwrap();
    assert!(found(&store, "青岛海纳").is_empty());
    assert!(found(&store, "中间名称").is_empty());
    assert_eq!(found(&store, "最后名称"), vec![(HitKind::Customer, customer)]);
    assert!(found(&store, "短暂客户").is_empty());
    assert!(found(&store, "转瞬即逝").is_empty());
    assert!(found(&store, "欧阳").contains(&(HitKind::Person, person)));
}
