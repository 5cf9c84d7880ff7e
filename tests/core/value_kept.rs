//! The revenue ranking kept in memory between value pictures (migration 21)
//! never answers for content it was not read from: after every write that
//! can change a ranking, and after a restore of a copy of the book that
//! reached the same change count, a picture equals one ranked afresh.

use baton::book::kinds::RecordKind;
use baton::enums::DealKind;
use baton::value::deals::{self, DealDraft};
use baton::value::{self, Ranking, ValuePicture};
use baton::{Store, book::trash, customers, demo, settings, store::backup};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
}

fn order(major: i64) -> DealDraft {
    DealDraft {
        kind: DealKind::Order,
        occurred_on: "2026-10-01".into(),
        amount_minor: major * 100,
        currency: String::new(),
        description: String::new(),
    }
}

/// The picture as the app reads it (through the kept ranking).
fn kept(store: &Store, id: &str) -> ValuePicture {
    store.read(|c| value::picture(c, id, today())).unwrap()
}

/// The same, ranked afresh from the book.
fn fresh(store: &Store, id: &str) -> ValuePicture {
    store
        .read(|c| {
            let s = settings::get(c)?;
            let ranking = Ranking::load(c, &s, today())?;
            value::picture_ranked(c, &customers::get(c, id)?, &s, &ranking, today())
        })
        .unwrap()
}

fn ids(store: &Store) -> Vec<String> {
    let q = baton::views::list::ListQuery {
        limit: 500,
        ..Default::default()
    };
    store
        .read(|c| baton::views::list::list(c, &q))
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn assert_all_fresh(store: &Store, after: &str) {
    for id in ids(store).iter().step_by(7) {
        assert_eq!(kept(store, id), fresh(store, id), "{id} after {after}");
    }
}

#[test]
fn a_kept_ranking_follows_every_write_that_can_change_it() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 80, 21).unwrap();
    let all = ids(&store);
    let (small, other) = (all[3].clone(), all[5].clone());
    assert_all_fresh(&store, "the demo");
    let before = kept(&store, &small);
    // A customer that buys more than anyone: every rank below it moves.
    let big = store.write(|tx| deals::create(tx, &small, order(90_000_000))).unwrap();
    assert_ne!(kept(&store, &small), before, "the picture must see the new order");
    assert_all_fresh(&store, "a new order");
    // The list sorted by revenue reads the same kept ranking.
    let top = |store: &Store| {
        let q = baton::views::list::ListQuery {
            sort: baton::views::list::SortBy::Revenue,
            descending: true,
            limit: 1,
            as_of: Some(today()),
            ..Default::default()
        };
        store.read(|c| baton::views::list::list(c, &q)).unwrap().rows[0]
            .id
            .clone()
    };
    assert_eq!(top(&store), small, "the biggest buyer heads the list");
    store.write(|tx| deals::update(tx, &big.id, order(1))).unwrap();
    assert_all_fresh(&store, "the order made small");
    assert_ne!(top(&store), small, "no longer the biggest buyer");
    store.write(|tx| deals::delete(tx, &big.id)).unwrap();
    assert_all_fresh(&store, "the order to the trash");
    store.write(|tx| trash::restore(tx, RecordKind::Deal, &big.id)).unwrap();
    assert_all_fresh(&store, "the order back");
    store
        .write(|tx| {
            tx.execute("UPDATE customers SET serving_staff = 40 WHERE id = ?1", [&other])?;
            Ok(())
        })
        .unwrap();
    assert_all_fresh(&store, "a customer's serving staff");
    store.write(|tx| customers::delete(tx, &other)).unwrap();
    assert_all_fresh(&store, "a customer to the trash");
}

#[test]
fn a_restored_copy_with_the_same_count_is_ranked_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 40, 8).unwrap();
    let all = ids(&store);
    let copy_file = dir.path().join("copy.db");
    store.read(|c| backup::snapshot(c, &copy_file, None)).unwrap();
    {
        // The copy and the book each take one order, for different customers:
        // the same change count, different content.
        let copy = Store::open(&copy_file).unwrap();
        copy.write(|tx| deals::create(tx, &all[1], order(80_000_000))).unwrap();
    }
    store.write(|tx| deals::create(tx, &all[2], order(80_000_000))).unwrap();
    let _ = kept(&store, &all[1]); // the book's ranking is now kept
    baton::book::restore::undoably(&store, &copy_file, None).unwrap();
    for id in &all {
        assert_eq!(kept(&store, id), fresh(&store, id), "{id} after the restore");
    }
}

fn count(store: &Store) -> (String, i64) {
    store
        .read(|c| Ok(c.query_row("SELECT book, n FROM value_changes", [], |r| Ok((r.get(0)?, r.get(1)?)))?))
        .unwrap()
}

#[test]
fn every_write_that_can_change_a_ranking_raises_the_count() {
    let store = Store::open_in_memory().unwrap();
    let a = store.write(|tx| customers::create(tx, crate::card("甲"))).unwrap().id;
    let b = store.write(|tx| customers::create(tx, crate::card("乙"))).unwrap().id;
    let raised = |what: &str, write: &dyn Fn(&rusqlite::Transaction<'_>) -> baton::Result<()>| {
        let before = count(&store).1;
        store.write(|tx| write(tx)).unwrap();
        assert!(count(&store).1 > before, "{what} did not raise the count");
    };
    let deal = store.write(|tx| deals::create(tx, &a, order(100))).unwrap();
    raised("a new deal", &|tx| deals::create(tx, &b, order(5)).map(drop));
    raised("a changed deal", &|tx| deals::update(tx, &deal.id, order(7)).map(drop));
    raised("a deal to the trash", &|tx| deals::delete(tx, &deal.id));
    raised("a deal back", &|tx| trash::restore(tx, RecordKind::Deal, &deal.id));
    raised("the serving staff", &|tx| {
        let mut card = customers::get(tx, &a)?.card;
        card.serving_staff = Some(12);
        customers::update(tx, &a, card).map(drop)
    });
    raised("a customer to the trash", &|tx| customers::delete(tx, &b));
    raised("a customer removed for good", &|tx| {
        tx.execute("DELETE FROM customers WHERE id = ?1", [&b])?;
        Ok(())
    });
    let before = count(&store).1;
    store
        .write(|tx| {
            let mut card = customers::get(tx, &a)?.card;
            card.notes = "只改备注".into();
            customers::update(tx, &a, card).map(drop)
        })
        .unwrap();
    assert_eq!(count(&store).1, before, "a note changes no ranking");
}

#[test]
fn a_restore_renames_the_content_and_the_next_picture_is_ranked_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    let names = ["甲", "乙", "丙"];
    let ids: Vec<String> = names
        .iter()
        .zip([100, 200, 300])
        .map(|(name, major)| {
            store
                .write(|tx| {
                    let c = customers::create(tx, crate::card(name))?;
                    deals::create(tx, &c.id, order(major))?;
                    Ok(c.id)
                })
                .unwrap()
        })
        .collect();
    let copy_file = dir.path().join("copy.db");
    store.read(|c| backup::snapshot(c, &copy_file, None)).unwrap();
    let copy_count = {
        // The copy: a fourth customer outsells 丙. The book: 甲 buys a little
        // more. One deal each, so the same name and the same count.
        let copy = Store::open(&copy_file).unwrap();
        copy.write(|tx| {
            let d = customers::create(tx, crate::card("丁"))?;
            deals::create(tx, &d.id, order(1_000))
        })
        .unwrap();
        count(&copy)
    };
    let name_before = count(&store).0;
    store.write(|tx| deals::create(tx, &ids[0], order(1))).unwrap();
    assert_eq!(copy_count, count(&store));
    let top_before = kept(&store, &ids[2]); // 丙 on top, and the ranking kept
    baton::book::restore::undoably(&store, &copy_file, None).unwrap();
    assert_ne!(count(&store).0, name_before, "a restore renames the content");
    let top_after = kept(&store, &ids[2]);
    assert_eq!(top_after, fresh(&store, &ids[2]));
    assert_ne!(top_after.suggestion, top_before.suggestion, "丙 is no longer on top");
}
