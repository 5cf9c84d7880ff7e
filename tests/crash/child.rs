//! The writing side of the edit and trash paths: this binary re-run as
//! `--child OP BOOK`, killed by the harness somewhere along the way.

use std::path::Path;

use baton::enums::Channel;
use baton::history::contacts::{self, ContactDraft};
use baton::{Store, book::trash, customers};

/// How many edits the edit path makes before it ends by itself.
pub const EDITS: usize = 150;

pub fn run(op: &str, book: &Path) {
    let store = Store::open_as(book, baton::store::OpenMode::Existing).unwrap();
    let first = first_customer(&store);
    match op {
        "edit" => {
            for i in 0..EDITS {
                store.write(|tx| edit_once(tx, &first, i)).unwrap();
            }
        }
        "trash" => {
            let ids: Vec<String> = store
                .read(|c| {
                    let mut s = c.prepare("SELECT id FROM customers WHERE id <> ?1 AND deleted_at IS NULL")?;
                    Ok(s.query_map([&first], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
                })
                .unwrap();
            for (i, id) in ids.iter().enumerate() {
                store.write(|tx| customers::delete(tx, id)).unwrap();
                if i % 3 == 0 {
                    store
                        .write(|tx| trash::restore(tx, trash::TrashKind::Customer, id))
                        .unwrap();
                    store.write(|tx| customers::delete(tx, id)).unwrap();
                }
            }
            store.write(|tx| trash::empty(tx)).unwrap();
        }
        other => panic!("unknown child op {other}"),
    }
}

/// The customer every path edits: the first by id.
pub fn first_customer(store: &Store) -> String {
    store
        .read(|c| Ok(c.query_row("SELECT min(id) FROM customers", [], |r| r.get(0))?))
        .unwrap()
}

/// One edit: a contact logged and the customer's notes saying how many it
/// has, in one transaction. A state where they disagree is a torn write.
pub fn edit_once(tx: &rusqlite::Connection, customer: &str, i: usize) -> baton::Result<()> {
    let draft = ContactDraft::new(baton::clock::now(), Channel::Phone, format!("第 {i} 次回访"));
    contacts::create(tx, customer, draft)?;
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL",
        [customer],
        |r| r.get(0),
    )?;
    let mut card = customers::get(tx, customer)?.card;
    card.notes = format!("contacts: {n}");
    customers::update(tx, customer, card)?;
    Ok(())
}
