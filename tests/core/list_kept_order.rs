//! The list's whole-book orders sorted in Rust (standing, dependence,
//! revenue) are kept between reads (src/views/list/kept_order.rs, migration
//! 27): after every kind of write that moves a customer in one of them, the
//! list read again equals the order computed afresh, and the customers a
//! write touched were moved in the kept order, not the book sorted again
//! (migration 29).

use baton::customers::{self, CustomerCard};
use baton::enums::{Channel, DealKind, Status};
use baton::history::contacts::{self, ContactDraft};
use baton::value::deals::{self, DealDraft};
use baton::views::list::{self, ListQuery, SortBy};
use baton::{Store, demo};

use crate::card;

fn query(sort: SortBy, descending: bool) -> ListQuery {
    ListQuery {
        sort,
        descending,
        as_of: Some("2026-11-01".parse().unwrap()),
        limit: 500,
        ..Default::default()
    }
}

fn ids(store: &Store, sort: SortBy, descending: bool) -> Vec<String> {
    let page = store.read(|c| list::list(c, &query(sort, descending))).unwrap();
    page.rows.into_iter().map(|r| r.id).collect()
}

fn afresh(store: &Store, sort: SortBy, descending: bool) -> Vec<String> {
    list::forget_kept_order();
    ids(store, sort, descending)
}

/// The customer at `at` of the order, and one of its people.
fn pick(store: &Store, order: &[String], at: usize) -> (String, Option<String>) {
    let id = order[at].clone();
    let person = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT id FROM people WHERE customer_id = ?1 AND deleted_at IS NULL LIMIT 1)",
                [&id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    (id, person)
}

fn edit(store: &Store, id: &str, change: impl FnOnce(&mut CustomerCard)) {
    store
        .write(|tx| {
            let mut card = customers::get(tx, id)?.card;
            change(&mut card);
            customers::update(tx, id, card).map(drop)
        })
        .unwrap();
}

/// The writes, each on a customer near the end of the current order.
fn write(store: &Store, step: usize, order: &[String]) -> &'static str {
    let (id, person) = pick(store, order, order.len() - 1 - step % 3);
    match step {
        0 => {
            store.write(|tx| customers::create(tx, card("阿新客户"))).unwrap();
            "a new customer"
        }
        1 => {
            let draft = ContactDraft {
                person_ids: person.into_iter().collect(),
                ..ContactDraft::new("2026-10-31T02:00:00Z", Channel::Visit, "拜访")
            };
            store.write(|tx| contacts::create(tx, &id, draft)).unwrap();
            "a contact with one of its people"
        }
        2 => {
            let order = DealDraft {
                kind: DealKind::Order,
                occurred_on: "2026-10-20".into(),
                amount_minor: 900_000_000,
                currency: String::new(),
                description: String::new(),
            };
            store.write(|tx| deals::create(tx, &id, order)).unwrap();
            "a large order"
        }
        3 => {
            edit(store, &id, |c| c.name = "阿阿改名".into());
            "a new name"
        }
        4 => {
            edit(store, &id, |c| {
                c.status = Status::Lost;
                c.lost_reason = "转向别家".into();
            });
            "lost"
        }
        _ => {
            store.write(|tx| customers::delete(tx, &id)).unwrap();
            "to the trash"
        }
    }
}

#[test]
fn a_kept_order_is_the_order_afresh_after_every_write() {
    for sort in [SortBy::Status, SortBy::Dependence, SortBy::Revenue] {
        for descending in [false, true] {
            let store = Store::open_in_memory().unwrap();
            demo::fill(&store, 60, 5).unwrap();
            let mut moved = 0;
            for step in 0..6 {
                // Read twice: the second is served from the kept order.
                let before = ids(&store, sort, descending);
                assert_eq!(ids(&store, sort, descending), before);
                let what = write(&store, step, &before);
                let resorts = list::kept_order_resorts();
                let kept = ids(&store, sort, descending);
                assert_eq!(
                    list::kept_order_resorts(),
                    resorts,
                    "{sort:?} descending={descending}: {what} sorted the book afresh"
                );
                let fresh = afresh(&store, sort, descending);
                assert_eq!(kept, fresh, "{sort:?} descending={descending} after {what}");
                moved += usize::from(fresh != before);
            }
            // The writes do move customers in this order: a kept order not
            // renewed would have shown the old one.
            assert!(
                moved >= 3,
                "{sort:?} descending={descending}: only {moved} writes moved anyone"
            );
        }
    }
}

/// More writes than the ring of touched customers holds (256) between two
/// reads: the ring cannot name the first 44, so the book is sorted afresh
/// (a kept order moving only the customers the ring names would lack them).
#[test]
fn more_writes_than_the_ring_holds_sort_afresh() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 40, 8).unwrap();
    let before = ids(&store, SortBy::Status, false);
    for i in 0..300 {
        store
            .write(|tx| customers::create(tx, card(&format!("环外客户{i:03}"))))
            .unwrap();
    }
    let kept = ids(&store, SortBy::Status, false);
    assert_eq!(kept.len(), before.len() + 300);
    assert_eq!(kept, afresh(&store, SortBy::Status, false));
}

/// A demo book on disk and a copy of its file, both open.
fn two_copies(seed: u64) -> (tempfile::TempDir, Store, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let store = Store::open(&a).unwrap();
    demo::fill(&store, 30, seed).unwrap();
    drop(store);
    std::fs::copy(&a, &b).unwrap();
    let (a, b) = (Store::open(&a).unwrap(), Store::open(&b).unwrap());
    (dir, a, b)
}

/// A copy of a book shares its content name and counts: two copies open
/// at once, each changed once, keep their own orders.
#[test]
fn a_copy_of_the_book_keeps_its_own_order() {
    let (_dir, a, b) = two_copies(6);
    let order = ids(&a, SortBy::Status, false);
    edit(&a, &order[0], |c| c.name = "Zz甲改名".into());
    edit(&b, &order[1], |c| c.name = "Zz乙改名".into());
    let kept_a = ids(&a, SortBy::Status, false);
    let kept_b = ids(&b, SortBy::Status, false);
    assert_ne!(kept_a, kept_b, "the copies were changed apart");
    assert_eq!(kept_b, afresh(&b, SortBy::Status, false));
    assert_eq!(kept_a, afresh(&a, SortBy::Status, false));
}

/// The revenue ranking kept under the list's revenue sort (and the value
/// picture) is the copy's own as well.
#[test]
fn a_copy_of_the_book_ranks_its_own_revenue() {
    let (_dir, a, b) = two_copies(7);
    let order = ids(&a, SortBy::Name, false);
    let big = |store: &Store, id: &str| {
        let draft = DealDraft {
            kind: DealKind::Order,
            occurred_on: "2026-10-20".into(),
            amount_minor: 900_000_000_000,
            currency: String::new(),
            description: String::new(),
        };
        store.write(|tx| deals::create(tx, id, draft)).unwrap();
    };
    big(&a, &order[0]);
    assert_eq!(ids(&a, SortBy::Revenue, true)[0], order[0]);
    big(&b, &order[1]);
    list::forget_kept_order();
    assert_eq!(
        ids(&b, SortBy::Revenue, true)[0],
        order[1],
        "the copy's own largest customer first"
    );
}
