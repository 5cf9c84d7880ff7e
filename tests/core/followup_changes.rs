//! Follow-ups after they are made (issue 13): reschedule, cancel, reopen,
//! each on the customer's timeline; a corrected contact moves its follow-up;
//! and a corrected record merges cleanly with a later handover import.

use baton::book::trash::{self, TrashKind};
use baton::enums::{Channel, DealKind};
use baton::handover::{self, ExportOptions};
use baton::history::contacts::{self, ContactDraft};
use baton::history::followups::changes::FollowUpAction;
use baton::history::followups::{self, Reschedule};
use baton::history::timeline::{self, Entry, EntryKind, TimelineQuery};
use baton::value::deals::{self, DealDraft};
use baton::{Store, customers};
use chrono::{Duration, NaiveDate};

use crate::card;

fn today() -> NaiveDate {
    baton::clock::local_today()
}

fn with_followup(store: &Store, due: NaiveDate) -> (String, String) {
    let c = store.write(|tx| customers::create(tx, card("远航物流"))).unwrap();
    let at = format!("{}T08:00:00Z", due.min(today()) - Duration::days(1));
    let mut draft = ContactDraft::new(at, Channel::Phone, "报价");
    draft.next_step = "寄送报价单".into();
    draft.next_due = Some(due.to_string());
    store.write(|tx| contacts::create(tx, &c.id, draft)).unwrap();
    let f = store.read(|c2| followups::open_for(c2, &c.id)).unwrap();
    assert_eq!(f.len(), 1);
    (c.id, f[0].id.clone())
}

fn today_ids(store: &Store) -> Vec<String> {
    let board = store.read(|c| followups::board(c, today(), 14, 200)).unwrap();
    board.today_items.items.iter().map(|i| i.followup.id.clone()).collect()
}

fn story(store: &Store, customer: &str) -> Vec<(FollowUpAction, Option<String>, Option<String>, String)> {
    let q = TimelineQuery {
        kinds: vec![EntryKind::FollowUp],
        limit: 50,
        ..Default::default()
    };
    let page = store.read(|c| timeline::page(c, customer, &q)).unwrap();
    let mut out: Vec<_> = page
        .entries
        .into_iter()
        .map(|e| match e {
            Entry::FollowUp(x) => (x.action, x.old_due, x.new_due, x.reason),
            other => panic!("only follow-up changes were asked for, got {other:?}"),
        })
        .collect();
    out.reverse();
    out
}

#[test]
fn rescheduled_to_next_week_it_leaves_today_and_the_timeline_says_so() {
    let store = Store::open_in_memory().unwrap();
    let (customer, id) = with_followup(&store, today());
    assert_eq!(today_ids(&store), vec![id.clone()]);

    let moved = store
        .write(|tx| followups::reschedule(tx, &id, &Reschedule::PlusWeek, today()))
        .unwrap();
    let week = (today() + Duration::days(7)).to_string();
    assert_eq!(moved.due_on, week);
    assert!(today_ids(&store).is_empty(), "it left Today");
    let board = store.read(|c| followups::board(c, today(), 14, 200)).unwrap();
    assert_eq!(board.upcoming.total, 1);
    assert_eq!(
        story(&store, &customer),
        vec![(
            FollowUpAction::Rescheduled,
            Some(today().to_string()),
            Some(week.clone()),
            String::new()
        )]
    );

    // Cancel with a reason: off every list, on the timeline.
    store.write(|tx| followups::cancel(tx, &id, "  客户改用自提 ")).unwrap();
    let board = store.read(|c| followups::board(c, today(), 14, 200)).unwrap();
    assert_eq!(
        (board.overdue.total, board.today_items.total, board.upcoming.total),
        (0, 0, 0)
    );
    assert!(store.read(|c| followups::open_for(c, &customer)).unwrap().is_empty());
    let last = story(&store, &customer).pop().unwrap();
    assert_eq!((last.0, last.3.as_str()), (FollowUpAction::Cancelled, "客户改用自提"));

    // Reopen: back on its day.
    let back = store.write(|tx| followups::reopen(tx, &id)).unwrap();
    assert_eq!((back.cancelled_at.as_deref(), back.cancel_reason.as_str()), (None, ""));
    assert_eq!(store.read(|c| followups::open_for(c, &customer)).unwrap().len(), 1);

    // Done, then reopened: a done one opens again too.
    store.write(|tx| baton::workflow::followup_done(tx, &id, None)).unwrap();
    assert!(store.read(|c| followups::open_for(c, &customer)).unwrap().is_empty());
    store.write(|tx| followups::reopen(tx, &id)).unwrap();
    let actions: Vec<FollowUpAction> = story(&store, &customer).into_iter().map(|s| s.0).collect();
    assert_eq!(
        actions,
        vec![
            FollowUpAction::Rescheduled,
            FollowUpAction::Cancelled,
            FollowUpAction::Reopened,
            FollowUpAction::Done,
            FollowUpAction::Reopened
        ]
    );

    // Deleted: gone from the lists and the timeline, back from the trash.
    store.write(|tx| followups::delete(tx, &id)).unwrap();
    assert!(store.read(|c| followups::open_for(c, &customer)).unwrap().is_empty());
    assert!(story(&store, &customer).is_empty());
    let items = store.read(trash::list).unwrap();
    assert_eq!(
        (items[0].kind, items[0].name.as_str()),
        (TrashKind::FollowUp, "寄送报价单")
    );
    store.write(|tx| trash::restore(tx, TrashKind::FollowUp, &id)).unwrap();
    assert_eq!(store.read(|c| followups::open_for(c, &customer)).unwrap().len(), 1);
}

#[test]
fn an_overdue_step_snoozed_by_a_day_is_due_tomorrow_and_a_bad_date_is_named() {
    let store = Store::open_in_memory().unwrap();
    let (_, id) = with_followup(&store, today() - Duration::days(30));
    let f = store
        .write(|tx| followups::reschedule(tx, &id, &Reschedule::PlusDay, today()))
        .unwrap();
    assert_eq!(f.due_on, (today() + Duration::days(1)).to_string());
    match store.write(|tx| followups::reschedule(tx, &id, &Reschedule::To("2026-13-01".into()), today())) {
        Err(baton::Error::Invalid(v)) => assert_eq!(v.field, "followup.due_on"),
        other => panic!("a bad day is refused, got {other:?}"),
    }
}

#[test]
fn correcting_a_contacts_next_step_moves_its_follow_up_and_removing_the_date_cancels_it() {
    let store = Store::open_in_memory().unwrap();
    let (customer, id) = with_followup(&store, today());
    let contact = store
        .read(|c| baton::record::find::<followups::FollowUp>(c, &id))
        .unwrap()
        .unwrap()
        .contact_id
        .unwrap();
    let mut draft = store.read(|c| contacts::get(c, &contact)).unwrap().draft;
    draft.next_step = "寄送新版报价单".into();
    draft.next_due = Some((today() + Duration::days(3)).to_string());
    store.write(|tx| contacts::update(tx, &contact, draft.clone())).unwrap();
    let f = store
        .read(|c| baton::record::find::<followups::FollowUp>(c, &id))
        .unwrap()
        .unwrap();
    assert_eq!(
        (f.title.as_str(), f.due_on.clone()),
        ("寄送新版报价单", (today() + Duration::days(3)).to_string())
    );

    draft.next_due = None;
    store.write(|tx| contacts::update(tx, &contact, draft)).unwrap();
    assert!(store.read(|c| followups::open_for(c, &customer)).unwrap().is_empty());
    let f = store
        .read(|c| baton::record::find::<followups::FollowUp>(c, &id))
        .unwrap()
        .unwrap();
    assert!(f.cancelled_at.is_some());

    // Deleting the contact takes its follow-up off the list; restoring brings it back.
    let (_, id2) = with_followup(&store, today());
    let contact2 = store
        .read(|c| baton::record::find::<followups::FollowUp>(c, &id2))
        .unwrap()
        .unwrap()
        .contact_id
        .unwrap();
    store.write(|tx| contacts::delete(tx, &contact2)).unwrap();
    assert!(today_ids(&store).is_empty());
    store
        .write(|tx| trash::restore(tx, TrashKind::Contact, &contact2))
        .unwrap();
    assert_eq!(today_ids(&store), vec![id2]);
}

#[test]
fn an_edit_after_a_handover_wins_a_later_import_of_the_same_file_and_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = Store::open(&dir.path().join("leaver.db")).unwrap();
    let c = leaver.write(|tx| customers::create(tx, card("华东电力"))).unwrap();
    let day = (today() - Duration::days(5)).to_string();
    let draft = DealDraft {
        kind: DealKind::Order,
        occurred_on: day.clone(),
        amount_minor: 88_000_000,
        currency: String::new(),
        description: String::new(),
    };
    let deal = leaver.write(|tx| deals::create(tx, &c.id, draft.clone())).unwrap();
    let file = dir.path().join("h.baton");
    leaver
        .read(|cn| handover::export(cn, &ExportOptions::default(), &file))
        .unwrap();

    let successor = Store::open(&dir.path().join("successor.db")).unwrap();
    handover::import(&successor, &file, &Default::default()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let fixed = DealDraft {
        amount_minor: 8_800_000,
        ..draft
    };
    successor.write(|tx| deals::update(tx, &deal.id, fixed)).unwrap();

    let again = handover::import(&successor, &file, &Default::default()).unwrap();
    assert_eq!(again.conflicts.len(), 1, "the edit differs from the file");
    assert_eq!(
        (again.conflicts[0].id.as_str(), again.conflicts[0].kept.as_str()),
        (deal.id.as_str(), "book")
    );
    let kept = successor
        .read(|cn| baton::record::find::<deals::Deal>(cn, &deal.id))
        .unwrap()
        .unwrap();
    assert_eq!(kept.draft.amount_minor, 8_800_000, "the newer side (the edit) wins");
    let logged: i64 = successor
        .read(|cn| {
            Ok(cn.query_row(
                "SELECT count(*) FROM import_conflicts WHERE record_id = ?1",
                [&deal.id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(logged, 1, "the conflict log shows it");
}
