//! The scores each customer keeps of its two latest assessments (migration
//! 19, for the key board) always equal what the assessments say: checked
//! against a from-scratch computation after every kind of write, and after
//! an upgrade from a book that had none.

use baton::book::kinds::RecordKind;
use baton::enums::Dimension;
use baton::relationship::{self, compact_scores};
use baton::store::migrations;
use baton::{Store, book::trash, demo};
use rusqlite::Connection;

use crate::{assessment, card, score};

type Kept = (String, Option<String>, Option<String>, Option<String>);

/// What each customer keeps: (id, assessed_on, latest, previous).
fn kept(conn: &Connection) -> Vec<Kept> {
    let mut stmt = conn
        .prepare("SELECT id, assessed_on, latest_scores, previous_scores FROM customers ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The same, computed from the assessments themselves.
fn from_scratch(conn: &Connection) -> Vec<Kept> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM customers ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    ids.into_iter()
        .map(|id| {
            let mut live: Vec<(String, String, String)> = conn
                .prepare(
                    "SELECT assessed_on, id, scores FROM assessments WHERE customer_id = ?1 AND deleted_at IS NULL",
                )
                .unwrap()
                .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            live.sort_by(|a, b| (&b.0, &b.1).cmp(&(&a.0, &a.1)));
            let compact = |i: usize| live.get(i).map(|a| compact_scores(&a.2).unwrap());
            (id, live.first().map(|a| a.0.clone()), compact(0), compact(1))
        })
        .collect()
}

fn assert_kept_exactly(store: &Store, after: &str) {
    let (kept, scratch) = store.read(|c| Ok((kept(c), from_scratch(c)))).unwrap();
    assert_eq!(kept, scratch, "after {after}");
}

#[test]
fn the_kept_scores_follow_every_write() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 40, 11).unwrap();
    assert_kept_exactly(&store, "the demo");
    let one = store
        .write(|tx| baton::customers::create(tx, card("评估客户")))
        .unwrap()
        .id;
    let scores = |levels: [i64; 2]| {
        vec![
            score(Dimension::Acceptance, levels[0]),
            score(Dimension::Support, levels[1]),
        ]
    };
    let first = store
        .write(|tx| relationship::create(tx, &one, assessment("2026-03-01", scores([2, 3]))))
        .unwrap();
    assert_kept_exactly(&store, "a first assessment");
    let second = store
        .write(|tx| relationship::create(tx, &one, assessment("2026-05-01", scores([4, 4]))))
        .unwrap();
    let third = store
        .write(|tx| relationship::create(tx, &one, assessment("2026-04-01", scores([1, 5]))))
        .unwrap();
    assert_kept_exactly(&store, "an assessment dated between two others");
    store
        .write(|tx| relationship::update(tx, &second.id, assessment("2026-02-01", scores([5, 5]))))
        .unwrap();
    assert_kept_exactly(&store, "the latest moved back in time and rescored");
    store.write(|tx| relationship::delete(tx, &third.id)).unwrap();
    assert_kept_exactly(&store, "the latest to the trash");
    store
        .write(|tx| trash::restore(tx, RecordKind::Assessment, &third.id))
        .unwrap();
    assert_kept_exactly(&store, "back from the trash");
    store
        .write(|tx| {
            tx.execute("DELETE FROM assessments WHERE id IN (?1, ?2)", [&first.id, &third.id])?;
            Ok(())
        })
        .unwrap();
    assert_kept_exactly(&store, "assessments removed for good");
    let (_, on, latest, previous) = store
        .read(|c| Ok(kept(c).into_iter().find(|k| k.0 == one).unwrap()))
        .unwrap();
    assert_eq!(
        (on.as_deref(), latest.as_deref(), previous),
        (Some("2026-02-01"), Some("5,,,,5,"), None)
    );
}

#[test]
fn a_book_from_before_the_kept_scores_gets_them_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v18.db");
    {
        // A book as the Baton of version 18 left it: filled, then without
        // the columns and triggers of migration 19.
        let store = Store::open(&path).unwrap();
        demo::fill(&store, 30, 4).unwrap();
        store
            .write(|tx| {
                tx.execute_batch(
                    "UPDATE customers SET assessed_on = NULL, latest_scores = NULL, previous_scores = NULL",
                )?;
                tx.pragma_update(None, "user_version", 18)?;
                // Migrations 20 and 21 go too: they came after.
                crate::drop_value_changes(tx)?;
                for trigger in ["person_contact_ai", "person_contact_ad", "person_contact_au"] {
                    tx.execute_batch(&format!("DROP TRIGGER {trigger}"))?;
                }
                tx.execute_batch("ALTER TABLE people DROP COLUMN last_contact_at")?;
                for trigger in ["key_scores_ai", "key_scores_au", "key_scores_ad"] {
                    tx.execute_batch(&format!("DROP TRIGGER {trigger}"))?;
                }
                tx.execute_batch(
                    "DROP INDEX customers_key_sort; \
                     ALTER TABLE customers DROP COLUMN previous_scores; \
                     ALTER TABLE customers DROP COLUMN latest_scores; \
                     ALTER TABLE customers DROP COLUMN assessed_on;",
                )?;
                Ok(())
            })
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.read(migrations::version).unwrap(), migrations::latest());
    let kept_some = store
        .read(|c| Ok(kept(c).iter().filter(|k| k.2.is_some()).count()))
        .unwrap();
    assert!(kept_some > 0, "the demo's key customers have assessments");
    assert_kept_exactly(&store, "the upgrade");
}

#[test]
fn compact_scores_keep_the_dimensions_in_a_fixed_order() {
    let json = r#"[{"dimension":"competition","score":1},{"dimension":"acceptance","score":4},
                  {"dimension":"guidance","score":3}]"#;
    assert_eq!(compact_scores(json).unwrap(), "4,,,3,,1");
    let back: Vec<_> = relationship::scores_of_compact("4,,,3,,1").collect();
    assert_eq!(
        back,
        [
            (Dimension::Acceptance, 4),
            (Dimension::Guidance, 3),
            (Dimension::Competition, 1)
        ]
    );
}

#[test]
fn the_list_weighs_an_older_assessment_when_the_two_latest_score_no_dimension_in_use() {
    use baton::views::list::{ListQuery, SortBy};
    let store = Store::open_in_memory().unwrap();
    let id = store
        .write(|tx| baton::customers::create(tx, card("老评估")))
        .unwrap()
        .id;
    let only = |d: Dimension, level: i64| vec![score(d, level)];
    for (day, scores) in [
        ("2026-01-01", only(Dimension::Acceptance, 4)),
        ("2026-02-01", only(Dimension::Competition, 1)),
        ("2026-03-01", only(Dimension::Competition, 2)),
    ] {
        store
            .write(|tx| relationship::create(tx, &id, assessment(day, scores)))
            .unwrap();
    }
    let weight = || {
        let q = ListQuery {
            sort: SortBy::Weight,
            limit: 10,
            figures: true,
            ..Default::default()
        };
        store.read(|c| baton::views::list::list(c, &q)).unwrap().rows[0].weight
    };
    assert_eq!(weight(), Some(40), "competition 2 of 5, the latest");
    store
        .write(|tx| {
            let mut s = baton::settings::get(tx)?;
            s.dimensions.retain(|d| *d != Dimension::Competition);
            baton::settings::save(tx, &s)
        })
        .unwrap();
    assert_eq!(weight(), Some(80), "acceptance 4 of 5, the oldest: the only one in use");
}
