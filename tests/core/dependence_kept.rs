//! What the dependence score is made of, kept on each customer by triggers
//! (migration 23) for the list's sort: after every kind of write and after
//! an upgrade, the score from the kept facts, reasons and all, is the
//! card's, which reads the people, contacts and assessments themselves.

use baton::book::trash::{self, TrashKind};
use baton::customers::people::{self, KnownBy, PersonCard};
use baton::enums::{Channel, Dimension, Layer, Role};
use baton::history::contacts::{self, ContactDraft};
use baton::relationship::{self, AssessmentDraft, dependence};
use baton::store::migrations;
use baton::{Store, customers, demo, settings};
use chrono::NaiveDate;

use crate::card;

fn today() -> NaiveDate {
    "2026-06-15".parse().unwrap()
}

/// Every live customer's score from its kept facts equals the card's, and
/// the bulk read (the list's column) gives the same number.
fn assert_exact(store: &Store, after: &str) {
    store
        .read(|c| {
            let s = settings::get(c)?;
            let many = dependence::many(c, None, today(), &s)?;
            let ids: Vec<String> = c
                .prepare("SELECT id FROM customers WHERE deleted_at IS NULL")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            assert_eq!(many.len(), ids.len(), "after {after}: every live customer scored");
            for id in ids {
                let card = dependence::score_with(c, &id, today(), &s)?;
                let kept = dependence::of_kept(c, &id, today(), &s)?;
                assert_eq!(kept, card, "after {after}: {id}");
                assert_eq!(many[&id].score, card.score, "after {after}: {id} in bulk");
            }
            Ok(())
        })
        .unwrap();
}

fn known(name: &str, layer: Layer) -> KnownBy {
    KnownBy {
        name: name.into(),
        layer,
    }
}

#[test]
fn the_kept_facts_follow_every_write() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 40, 5).unwrap();
    assert_exact(&store, "the demo");

    let (acme, other) = store
        .write(|tx| {
            Ok((
                customers::create(tx, card("依赖测试"))?.id,
                customers::create(tx, card("别家"))?.id,
            ))
        })
        .unwrap();
    assert_exact(&store, "two customers without people");
    let boss = store
        .write(|tx| {
            people::create(
                tx,
                &acme,
                PersonCard {
                    name: "王总".into(),
                    role: Some(Role::DecisionMaker),
                    known_by: vec![known("张三", Layer::Senior), known("李四", Layer::Everyday)],
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let engineer = store
        .write(|tx| {
            people::create(
                tx,
                &acme,
                PersonCard {
                    name: "李工".into(),
                    role: Some(Role::TechnicalEvaluator),
                    known_by: vec![known("张三", Layer::Everyday)],
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert_exact(&store, "two people with roles and colleagues");

    let contact = |at: &str, who: &str| ContactDraft {
        person_ids: vec![who.to_owned()],
        ..ContactDraft::new(at, Channel::Visit, "拜访")
    };
    let recent = store
        .write(|tx| contacts::create(tx, &acme, contact("2026-06-01T02:00:00Z", &boss.id)))
        .unwrap();
    store
        .write(|tx| contacts::create(tx, &acme, contact("2025-01-01T02:00:00Z", &engineer.id)))
        .unwrap();
    assert_exact(&store, "one person contacted lately, one long ago");
    store.write(|tx| contacts::delete(tx, &recent.id)).unwrap();
    assert_exact(&store, "the recent contact in the trash");
    store
        .write(|tx| trash::restore(tx, TrashKind::Contact, &recent.id))
        .unwrap();
    assert_exact(&store, "the contact back");

    // An edit that changes only the notes keeps the facts; one that changes
    // the role and who knows them changes them.
    let edit = |person: &people::Person, card: PersonCard| {
        store.write(|tx| people::update(tx, &person.id, card)).unwrap();
    };
    edit(
        &engineer,
        PersonCard {
            notes: "只改备注".into(),
            ..engineer.card.clone()
        },
    );
    assert_exact(&store, "a notes edit");
    edit(
        &engineer,
        PersonCard {
            role: Some(Role::Coach),
            known_by: vec![known("王五", Layer::Organisational), known("赵六", Layer::Senior)],
            ..engineer.card.clone()
        },
    );
    assert_exact(&store, "a new role and new colleagues");
    edit(
        &boss,
        PersonCard {
            known_by: vec![known("张三", Layer::Senior)],
            ..boss.card.clone()
        },
    );
    assert_exact(&store, "one colleague fewer, the role as it was");

    store.write(|tx| people::delete(tx, &boss.id)).unwrap();
    assert_exact(&store, "the decision maker in the trash");
    store
        .write(|tx| trash::restore(tx, TrashKind::Person, &boss.id))
        .unwrap();
    assert_exact(&store, "the decision maker back");
    store
        .write(|tx| {
            tx.execute(
                "UPDATE people SET customer_id = ?1 WHERE id = ?2",
                [&other, &engineer.id],
            )?;
            Ok(())
        })
        .unwrap();
    assert_exact(&store, "a person moved to another customer");

    let assessment = |day: &str, layer: Option<Layer>| AssessmentDraft {
        layer,
        ..crate::assessment(day, vec![crate::score(Dimension::Acceptance, 3)])
    };
    let old = store
        .write(|tx| relationship::create(tx, &acme, assessment("2025-01-10", Some(Layer::Organisational))))
        .unwrap();
    assert_exact(&store, "a stale card at the organisational layer");
    let new = store
        .write(|tx| relationship::create(tx, &acme, assessment("2026-06-10", Some(Layer::Everyday))))
        .unwrap();
    assert_exact(&store, "a current card at the everyday layer");
    store.write(|tx| relationship::delete(tx, &new.id)).unwrap();
    assert_exact(&store, "the current card in the trash");
    store
        .write(|tx| relationship::update(tx, &old.id, assessment("2026-05-01", None)))
        .unwrap();
    assert_exact(&store, "the old card moved to May, no layer");

    store.write(|tx| people::delete(tx, &boss.id)).unwrap();
    store.write(|tx| trash::empty(tx).map(|_| ())).unwrap();
    assert_exact(&store, "the trash emptied");
}

#[test]
fn a_book_from_before_gets_the_facts_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v22.db");
    {
        let store = Store::open(&path).unwrap();
        demo::fill(&store, 30, 8).unwrap();
        store
            .write(|tx| {
                tx.execute_batch(
                    "UPDATE customers SET dep_people = 0, dep_roles = 0, dep_layers = 0, dep_colleagues = 0, \
                     dep_contacted = '', dep_card_layer = NULL",
                )?;
                crate::drop_value_changes(tx)?;
                tx.pragma_update(None, "user_version", 20)?;
                Ok(())
            })
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.read(migrations::version).unwrap(), migrations::latest());
    let with_people = store
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM customers WHERE dep_people > 0", [], |r| {
                    r.get::<_, i64>(0)
                })?,
            )
        })
        .unwrap();
    assert!(with_people > 20, "the demo's customers have people");
    assert_exact(&store, "the upgrade");
}
