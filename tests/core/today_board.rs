//! The follow-up screen (issue 14, Today): today first, then the overdue
//! newest first in spans, then upcoming; rows carry the customer's tier and
//! key mark, the person with title and phone, and when it was promised; the
//! old backlog is cleared in one step, each change on the timeline.

use baton::customers::CustomerCard;
use baton::enums::{Channel, Tier};
use baton::history::contacts::{self, ContactDraft};
use baton::history::followups::{self, Backlog, Reschedule};
use baton::{Store, customers, customers::people};
use chrono::{Duration, NaiveDate};

use crate::person;

fn today() -> NaiveDate {
    baton::clock::local_today()
}

/// A follow-up due `days` from today (negative: overdue), promised the day before.
fn step(store: &Store, customer: &str, person: Option<&str>, title: &str, days: i64) {
    let due = today() + Duration::days(days);
    let at = format!("{}T09:00:00Z", due.min(today()) - Duration::days(1));
    let mut draft = ContactDraft::new(at, Channel::Phone, title);
    draft.person_ids = person.map(|p| vec![p.to_string()]).unwrap_or_default();
    draft.next_step = title.into();
    draft.next_due = Some(due.to_string());
    store.write(|tx| contacts::create(tx, customer, draft)).unwrap();
}

fn titles(g: &followups::Group) -> Vec<&str> {
    g.items.iter().map(|i| i.followup.title.as_str()).collect()
}

#[test]
fn today_comes_first_the_overdue_newest_first_in_spans_and_rows_say_who() {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    name: "华东电力".into(),
                    tier: Some(Tier::A),
                    is_key: true,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let mut card = person("李工");
    card.title = "采购经理".into();
    card.phone = "138 0013 8000".into();
    let p = store.write(|tx| people::create(tx, &c.id, card)).unwrap();
    for (title, days) in [
        ("今天的", 0),
        ("三天前的", -3),
        ("十天前的", -10),
        ("百天前的", -100),
        ("两百天前的", -200),
        ("五天后的", 5),
    ] {
        step(&store, &c.id, Some(&p.id), title, days);
    }
    let b = store.read(|conn| followups::board(conn, today(), 14, 50)).unwrap();
    assert_eq!(titles(&b.today_items), ["今天的"]);
    assert_eq!(
        titles(&b.overdue),
        ["三天前的", "十天前的", "百天前的", "两百天前的"],
        "newest first"
    );
    assert_eq!(titles(&b.overdue_week), ["三天前的"]);
    assert_eq!(titles(&b.overdue_month), ["十天前的"]);
    assert_eq!(titles(&b.overdue_older), ["百天前的", "两百天前的"]);
    assert_eq!(b.overdue_older.total, 2);
    assert_eq!(titles(&b.upcoming), ["五天后的"]);

    let row = &b.today_items.items[0];
    assert_eq!((row.customer_tier, row.customer_is_key), (Some(Tier::A), true));
    let who = row.person.as_ref().expect("the step is with 李工");
    assert_eq!(
        (who.name.as_str(), who.title.as_str(), who.phone.as_str()),
        ("李工", "采购经理", "138 0013 8000")
    );
    assert_eq!(row.promised_at, format!("{}T09:00:00Z", today() - Duration::days(1)));

    // The old backlog, cancelled at once: each on the timeline, the rest untouched.
    let n = store
        .write(|tx| followups::clear_backlog(tx, today(), &Backlog::Cancel("积压太久".into())))
        .unwrap();
    assert_eq!(n, 2);
    let b = store.read(|conn| followups::board(conn, today(), 14, 50)).unwrap();
    assert_eq!(b.overdue_older.total, 0);
    assert_eq!(titles(&b.overdue), ["三天前的", "十天前的"]);
    let cancelled: i64 = store
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT count(*) FROM followup_changes WHERE action = 'cancelled' AND reason = '积压太久'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(cancelled, 2);
}

#[test]
fn the_old_backlog_can_be_moved_to_next_monday_instead() {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .write(|tx| customers::create(tx, crate::card("远航物流")))
        .unwrap();
    step(&store, &c.id, None, "很久以前的", -90);
    step(&store, &c.id, None, "上周的", -4);
    let n = store
        .write(|tx| followups::clear_backlog(tx, today(), &Backlog::Reschedule(Reschedule::NextMonday)))
        .unwrap();
    assert_eq!(n, 1, "only what is more than thirty days late");
    let b = store.read(|conn| followups::board(conn, today(), 14, 50)).unwrap();
    assert_eq!(titles(&b.overdue), ["上周的"]);
    let moved = b
        .upcoming
        .items
        .iter()
        .chain(&b.today_items.items)
        .find(|i| i.followup.title == "很久以前的");
    let monday = Reschedule::NextMonday.target("2000-01-01", today()).unwrap();
    assert_eq!(moved.expect("moved onto the board").followup.due_on, monday.to_string());
    assert!(
        b.upcoming.items.iter().all(|i| i.person.is_none()),
        "no person named: none shown"
    );
}

#[test]
fn each_group_counts_exactly_the_follow_ups_it_lists_with_trashed_customers_and_contacts() {
    // The totals are counted in one walk less what the trash hides; the
    // rows come from the join that checks each follow-up. They must agree.
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 120, 6).unwrap();
    let demo_day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let open: Vec<(String, Option<String>)> = store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT customer_id, contact_id FROM followups \
                 WHERE done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert!(open.len() > 40, "{} open follow-ups", open.len());
    // A trashed customer, a trashed contact, and one follow-up behind both.
    let (customer, _) = &open[0];
    let contact = open[5].1.clone().expect("a follow-up made by a contact");
    let both = open.iter().skip(10).find(|(_, k)| k.is_some()).unwrap().clone();
    store
        .write(|tx| {
            customers::delete(tx, customer)?;
            contacts::delete(tx, &contact)?;
            contacts::delete(tx, both.1.as_deref().unwrap())?;
            customers::delete(tx, &both.0)
        })
        .unwrap();
    let b = store.read(|c| followups::board(c, demo_day, 14, u32::MAX)).unwrap();
    for (name, g) in [
        ("today", &b.today_items),
        ("overdue", &b.overdue),
        ("week", &b.overdue_week),
        ("month", &b.overdue_month),
        ("older", &b.overdue_older),
        ("upcoming", &b.upcoming),
    ] {
        assert_eq!(g.total, g.items.len() as i64, "{name}");
    }
    assert!(
        b.overdue.total > 10 && b.upcoming.total > 0,
        "{} {}",
        b.overdue.total,
        b.upcoming.total
    );
    // By hand: the open follow-ups due before the horizon, with and
    // without the trash's.
    let by_hand = |live_only: bool| -> i64 {
        let live = if live_only {
            "AND c.deleted_at IS NULL AND (f.contact_id IS NULL OR k.deleted_at IS NULL)"
        } else {
            ""
        };
        store
            .read(|c| {
                Ok(c.query_row(
                    &format!(
                        "SELECT count(*) FROM followups f JOIN customers c ON c.id = f.customer_id \
                         LEFT JOIN contacts k ON k.id = f.contact_id \
                         WHERE f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL \
                         AND f.due_on < '2026-11-16' {live}"
                    ),
                    [],
                    |r| r.get(0),
                )?)
            })
            .unwrap()
    };
    let shown = b.overdue.total + b.today_items.total + b.upcoming.total;
    assert_eq!(shown, by_hand(true));
    assert!(by_hand(false) > shown, "the trash hides some");
}

#[test]
fn the_first_overdue_are_the_newest_of_all_however_the_spans_split_them() {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .write(|tx| customers::create(tx, crate::card("拖欠很多")))
        .unwrap();
    // Several on each day, on both sides of each span's edge.
    for days in [1, 2, 6, 7, 8, 9, 29, 30, 31, 45, 200] {
        for n in 0..3 {
            step(&store, &c.id, None, &format!("{days}天前-{n}"), -days);
        }
    }
    let all = store.read(|c| followups::open_list(c, today(), true)).unwrap();
    let newest_first: Vec<String> = all.iter().rev().map(|i| i.followup.id.clone()).collect();
    for limit in [1, 2, 3, 5, 8, 10, 20, 40] {
        let b = store.read(|c| followups::board(c, today(), 14, limit)).unwrap();
        let ids: Vec<String> = b.overdue.items.iter().map(|i| i.followup.id.clone()).collect();
        let want: Vec<String> = newest_first.iter().take(limit as usize).cloned().collect();
        assert_eq!(ids, want, "limit {limit}");
        assert_eq!(b.overdue.total, newest_first.len() as i64);
    }
}

/// The app makes the board's reads ahead, each on a reader of its own
/// (src-tauri's warm.rs): the counts and the five groups, each of which
/// runs on a book with follow-ups in every group.
#[test]
fn the_boards_reads_made_ahead_run_on_readers_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    baton::demo::fill_with(
        &store,
        30,
        4,
        &baton::demo::DemoOptions::for_today(baton::demo::DemoLang::Zh),
        None,
    )
    .unwrap();
    let today = baton::clock::local_today();
    let board = store.read(|c| followups::board(c, today, 14, 200)).unwrap();
    assert!(board.today_items.total > 0 && board.overdue.total > 0 && board.upcoming.total > 0);
    let reads = followups::board_reads(today, 14, 200);
    assert_eq!(reads.len(), 6);
    std::thread::scope(|s| {
        for read in reads {
            let store = &store;
            s.spawn(move || store.read(read).unwrap());
        }
    });
}

#[test]
fn the_board_reads_each_items_customer_and_person_from_an_index_and_no_contact_row() {
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    let plan = store.read(followups::plan).unwrap();
    let step = |table: &str| -> String {
        plan.iter()
            .find(|l| l.starts_with(&format!("SEARCH {table} ")))
            .unwrap_or_else(|| panic!("no step for {table}: {plan:?}"))
            .clone()
    };
    assert!(step("c").contains("COVERING INDEX customers_id_live"), "{plan:?}");
    assert!(step("p").contains("COVERING INDEX people_brief"), "{plan:?}");
    // Whether its contact is in the trash: the trashed ones' index.
    assert!(step("ct").contains("contacts_trashed"), "{plan:?}");
    // The contact's own row is still read, for when and with whom: the check can fail.
    assert!(!step("fc").contains("COVERING"), "{plan:?}");
}

#[test]
fn each_group_of_the_board_is_read_in_its_index_order_without_a_sort() {
    // Ties on a day are broken by id: with only the day in the index,
    // SQLite read every open follow-up of the group's last day (872 on the
    // 100k book), with its customer, contact and person, and sorted them,
    // before it could stop at the page: 357 ms of the cold start's 1.4 s.
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    let plan = store.read(followups::plan).unwrap();
    assert!(
        plan.iter().any(|l| l.contains("USING INDEX followups_open")),
        "{plan:?}"
    );
    assert!(!plan.iter().any(|l| l.contains("TEMP B-TREE")), "{plan:?}");
}
