use baton::enums::{Channel, Objection};
use baton::error::Rule;
use baton::history::contacts::{self, ContactDraft};
use baton::history::followups;
use baton::history::timeline::{self, Entry, EntryKind, TimelineQuery};
use baton::{Error, Store, book::trash, customers, customers::people};
use chrono::NaiveDate;

use crate::{card, person};

fn draft(at: &str, subject: &str) -> ContactDraft {
    ContactDraft::new(at, Channel::Visit, subject)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn counts(store: &Store) -> (i64, i64) {
    store
        .read(|c| {
            Ok((
                c.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?,
                c.query_row("SELECT count(*) FROM followups", [], |r| r.get(0))?,
            ))
        })
        .unwrap()
}

#[test]
fn a_next_step_with_a_due_date_becomes_a_follow_up_until_done() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("华为"))).unwrap();
    let p = store.write(|tx| people::create(tx, &c.id, person("张三"))).unwrap();
    let logged = store
        .write(|tx| {
            contacts::create(
                tx,
                &c.id,
                ContactDraft {
                    person_ids: vec![p.id.clone()],
                    next_step: "发送报价".into(),
                    next_due: Some("2026-03-10".into()),
                    ..draft("2026-03-01T02:00:00.000Z", "拜访采购部")
                },
            )
        })
        .unwrap();
    let board = store
        .read(|conn| followups::board(conn, day("2026-03-10"), 14, 50))
        .unwrap();
    assert_eq!(board.today_items.total, 1);
    let item = &board.today_items.items[0];
    assert_eq!(
        (item.followup.title.as_str(), item.customer_name.as_str()),
        ("发送报价", "华为")
    );
    assert_eq!(item.followup.contact_id.as_deref(), Some(logged.id.as_str()));
    assert_eq!(
        store
            .read(|conn| followups::board(conn, day("2026-03-12"), 14, 50))
            .unwrap()
            .overdue
            .total,
        1
    );
    assert_eq!(
        store
            .read(|conn| followups::board(conn, day("2026-03-01"), 14, 50))
            .unwrap()
            .upcoming
            .total,
        1
    );

    // Done, logging the contact that closed it, in one step.
    let closing = draft("2026-03-10T03:00:00.000Z", "报价已发");
    let done = store
        .write(|tx| baton::workflow::followup_done(tx, &item.followup.id, Some(closing.clone())))
        .unwrap();
    assert!(done.done_at.is_some());
    let closed_by = store
        .read(|conn| contacts::get(conn, done.done_contact_id.as_deref().unwrap()))
        .unwrap();
    assert_eq!(closed_by.draft.subject, "报价已发");
    let board = store
        .read(|conn| followups::board(conn, day("2026-03-12"), 14, 50))
        .unwrap();
    assert_eq!(board.overdue.total + board.today_items.total + board.upcoming.total, 0);
    assert_eq!(
        store
            .read(|conn| contacts::last_contact_by_person(conn, &c.id))
            .unwrap()[&p.id],
        "2026-03-01T02:00:00.000Z"
    );
}

#[test]
fn bad_contacts_are_refused_by_field_and_nothing_is_written() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let other = store.write(|tx| customers::create(tx, card("Other"))).unwrap();
    let stranger = store
        .write(|tx| people::create(tx, &other.id, person("Stranger")))
        .unwrap();
    let future = (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339();
    let cases: Vec<(ContactDraft, &str)> = vec![
        (draft(&future, "from the future"), "contact.happened_at"),
        (draft("yesterday", "x"), "contact.happened_at"),
        (draft("2026-03-01T02:00:00Z", ""), "contact.subject"),
        (
            ContactDraft {
                next_step: "x".into(),
                next_due: Some("2026-02-27".into()),
                ..draft("2026-03-01T02:00:00Z", "x")
            },
            "contact.next_due",
        ),
        (
            ContactDraft {
                next_due: Some("2026-03-05".into()),
                ..draft("2026-03-01T02:00:00Z", "x")
            },
            "contact.next_step",
        ),
        (
            ContactDraft {
                person_ids: vec![stranger.id.clone()],
                ..draft("2026-03-01T02:00:00Z", "x")
            },
            "contact.person_ids[0]",
        ),
        (
            ContactDraft {
                objection: Some(Objection::NotInCharge),
                in_charge_person_id: Some(stranger.id.clone()),
                ..draft("2026-03-01T02:00:00Z", "x")
            },
            "contact.in_charge_person_id",
        ),
    ];
    for (bad, field) in cases {
        match store.write(|tx| contacts::create(tx, &c.id, bad.clone())).unwrap_err() {
            Error::Invalid(v) => assert_eq!(v.field, field, "for {bad:?}"),
            e => panic!("{e:?}"),
        }
    }
    let err = store.write(|tx| {
        contacts::create(
            tx,
            &c.id,
            ContactDraft {
                person_ids: vec![stranger.id.clone()],
                ..draft("2026-03-01T02:00:00Z", "x")
            },
        )
    });
    assert!(matches!(err, Err(Error::Invalid(v)) if matches!(v.rule, Rule::NotOfCustomer { .. })));
    assert_eq!(counts(&store), (0, 0));
}

#[test]
fn the_timeline_is_newest_first_filters_and_pages_without_gaps() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let anna = store.write(|tx| people::create(tx, &c.id, person("Anna"))).unwrap();
    store
        .write(|tx| {
            for i in 0..250 {
                let mut d = draft(
                    &format!("2025-01-01T00:{:02}:{:02}.000Z", i / 60, i % 60),
                    &format!("c{i}"),
                );
                if i % 5 == 0 {
                    d.person_ids = vec![anna.id.clone()];
                }
                contacts::create(tx, &c.id, d)?;
            }
            Ok(())
        })
        .unwrap();
    let mut seen = Vec::new();
    let mut query = TimelineQuery {
        limit: 40,
        ..Default::default()
    };
    loop {
        let page = store.read(|conn| timeline::page(conn, &c.id, &query)).unwrap();
        seen.extend(
            page.entries
                .iter()
                .map(|e| (e.at().to_string(), matches!(e, Entry::Change(_)))),
        );
        match page.next {
            Some(cursor) => query.after = Some(cursor),
            None => break,
        }
    }
    assert_eq!(seen.len(), 251, "250 contacts + the initial status (no owner was set)");
    assert!(seen.windows(2).all(|w| w[0].0 >= w[1].0), "not newest first");
    assert!(
        seen[0].1,
        "the customer was created after the contacts' dates, so its changes come first"
    );

    let only_contacts = TimelineQuery {
        kinds: vec![EntryKind::Contact],
        limit: 200,
        ..Default::default()
    };
    let page = store.read(|conn| timeline::page(conn, &c.id, &only_contacts)).unwrap();
    assert!(page.entries.iter().all(|e| matches!(e, Entry::Contact(_))));
    let annas = TimelineQuery {
        person_id: Some(anna.id.clone()),
        limit: 200,
        ..Default::default()
    };
    let page = store.read(|conn| timeline::page(conn, &c.id, &annas)).unwrap();
    assert_eq!(page.entries.len(), 50);
}

#[test]
fn follow_ups_of_a_trashed_customer_leave_the_list_and_come_back() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let with_next = ContactDraft {
        next_step: "call".into(),
        next_due: Some("2026-03-02".into()),
        ..draft("2026-03-01T00:00:00Z", "x")
    };
    store
        .write(|tx| contacts::create(tx, &c.id, with_next.clone()))
        .unwrap();
    let open = |s: &Store| {
        s.read(|conn| followups::open_list(conn, day("2026-03-05"), true))
            .unwrap()
            .len()
    };
    assert_eq!(open(&store), 1);
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    assert_eq!(open(&store), 0);
    store
        .write(|tx| trash::restore(tx, trash::TrashKind::Customer, &c.id))
        .unwrap();
    assert_eq!(open(&store), 1);
}

#[test]
fn emptying_the_trash_takes_deleted_people_out_of_contacts() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let (a, b) = (
        store.write(|tx| people::create(tx, &c.id, person("A"))).unwrap(),
        store.write(|tx| people::create(tx, &c.id, person("B"))).unwrap(),
    );
    let contact = store
        .write(|tx| {
            contacts::create(
                tx,
                &c.id,
                ContactDraft {
                    person_ids: vec![a.id.clone(), b.id.clone()],
                    ..draft("2026-03-01T00:00:00Z", "x")
                },
            )
        })
        .unwrap();
    store.write(|tx| people::delete(tx, &a.id)).unwrap();
    store.write(|tx| trash::empty(tx)).unwrap();
    assert_eq!(
        store
            .read(|conn| contacts::get(conn, &contact.id))
            .unwrap()
            .draft
            .person_ids,
        vec![b.id.clone()]
    );
    assert!(store.read(baton::book::check::run).unwrap().ok());
}

#[test]
fn a_refused_contact_does_not_leave_a_new_person_in_charge_behind() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let bad = ContactDraft {
        next_step: "x".into(),
        next_due: Some("2000-01-01".into()),
        ..draft("2026-03-01T00:00:00Z", "x")
    };
    let err = store.write(|tx| contacts::create_with_new_in_charge(tx, &c.id, bad.clone(), person("李四")));
    assert!(matches!(err, Err(Error::Invalid(v)) if v.field == "contact.next_due"));
    assert!(store.read(|conn| people::list_for(conn, &c.id)).unwrap().is_empty());
    let ok = ContactDraft {
        next_due: Some("2026-03-02".into()),
        ..bad
    };
    let contact = store
        .write(|tx| contacts::create_with_new_in_charge(tx, &c.id, ok, person("李四")))
        .unwrap();
    let in_charge = store
        .read(|conn| people::get(conn, contact.draft.in_charge_person_id.as_deref().unwrap()))
        .unwrap();
    assert_eq!(in_charge.card.name, "李四");
    assert_eq!(contact.draft.objection, Some(Objection::NotInCharge));
}

#[test]
fn timeline_entries_serialise_with_an_entry_tag_that_does_not_clash_with_a_deals_kind() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let draft = baton::value::deals::DealDraft {
        kind: baton::enums::DealKind::Order,
        occurred_on: "2026-01-05".into(),
        amount_minor: 100,
        currency: String::new(),
        description: String::new(),
    };
    store.write(|tx| baton::value::deals::create(tx, &c.id, draft)).unwrap();
    let page = store
        .read(|conn| {
            timeline::page(
                conn,
                &c.id,
                &TimelineQuery {
                    limit: 10,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let json = serde_json::to_value(&page.entries).unwrap();
    let deal = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["entry"] == "deal")
        .expect("a deal entry");
    assert_eq!(deal["kind"], "order");
}
