//! Correcting the record (issue 13): every history kind can be edited and
//! deleted, the derived figures follow at once, and the trash brings any
//! of them back.

use baton::book::kinds::RecordKind;
use baton::book::trash::{self, TrashKind};
use baton::enums::{Channel, DealKind, Dimension};
use baton::history::contacts::{self, ContactDraft};
use baton::history::timeline::{self, Entry, TimelineQuery};
use baton::relationship::handover_notes::{self, NoteDraft};
use baton::search::{self, HitKind, SearchQuery};
use baton::value::deals::{self, DealDraft};
use baton::value::satisfaction::{self, CheckDraft};
use baton::{Error, Store, customers, relationship, value};
use chrono::NaiveDate;

use crate::{assessment, card, score};

fn today() -> NaiveDate {
    baton::clock::local_today()
}

fn order(day: &str, yuan: i64) -> DealDraft {
    DealDraft {
        kind: DealKind::Order,
        occurred_on: day.into(),
        amount_minor: yuan * 100,
        currency: String::new(),
        description: "年度订单".into(),
    }
}

fn ago(days: i64) -> String {
    (today() - chrono::Duration::days(days)).to_string()
}

fn book() -> (Store, String) {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("恒达机械"))).unwrap();
    (store, c.id)
}

fn hits(store: &Store, text: &str, kind: HitKind) -> usize {
    let q = SearchQuery {
        text: text.into(),
        limit: Some(100),
        ..Default::default()
    };
    let groups = store.read(|c| search::search(c, &q, today())).unwrap();
    groups.iter().filter(|g| g.kind == kind).map(|g| g.hits.len()).sum()
}

#[test]
fn a_corrected_deal_amount_changes_the_value_figures_at_once_and_keeps_its_id() {
    let (store, id) = book();
    let deal = store
        .write(|tx| deals::create(tx, &id, order(&ago(10), 1_000_000)))
        .unwrap();
    let total = |s: &Store| s.read(|c| value::picture(c, &id, today())).unwrap().rfm.total_amount;
    assert_eq!(total(&store), 100_000_000);

    let fixed = store
        .write(|tx| deals::update(tx, &deal.id, order(&ago(10), 10_000)))
        .unwrap();
    assert_eq!(fixed.id, deal.id, "an edit keeps the id (handover merges by it)");
    assert_eq!(fixed.created_at, deal.created_at);
    assert!(fixed.updated_at >= deal.updated_at);
    assert_eq!(total(&store), 1_000_000);

    // The same validation as creating one: the field is named.
    let mut bad = order(&ago(10), 1);
    bad.amount_minor = -5;
    match store.write(|tx| deals::update(tx, &deal.id, bad)) {
        Err(Error::Invalid(v)) => assert_eq!(v.field, "deal.amount_minor"),
        other => panic!("a negative amount is refused, got {other:?}"),
    }

    store.write(|tx| deals::delete(tx, &deal.id)).unwrap();
    assert_eq!(total(&store), 0, "a deleted deal leaves every figure");
    let items = store.read(trash::list).unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.kind, TrashKind::Deal);
    assert_eq!(item.customer_name.as_deref(), Some("恒达机械"));
    assert_eq!(
        (item.amount_minor, item.detail.as_deref()),
        (Some(1_000_000), Some("order"))
    );
    assert_eq!(item.day.as_deref(), Some(ago(10).as_str()));

    store.write(|tx| trash::restore(tx, TrashKind::Deal, &deal.id)).unwrap();
    assert_eq!(total(&store), 1_000_000, "restored as it was last edited");
    assert!(matches!(
        store.write(|tx| deals::update(tx, "00000000-0000-4000-8000-000000000000", order(&ago(1), 1))),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_corrected_contact_is_found_by_its_new_words_and_a_deleted_one_by_none() {
    let (store, id) = book();
    let at = format!("{}T09:00:00Z", ago(3));
    let logged = store
        .write(|tx| contacts::create(tx, &id, ContactDraft::new(&at, Channel::Visit, "拜访采购部忘记带样品")))
        .unwrap();
    assert_eq!(hits(&store, "忘记带样品", HitKind::Contact), 1);

    let fixed = store
        .write(|tx| contacts::update(tx, &logged.id, ContactDraft::new(&at, Channel::Phone, "电话确认交货期")))
        .unwrap();
    assert_eq!(fixed.id, logged.id);
    assert_eq!(
        hits(&store, "忘记带样品", HitKind::Contact),
        0,
        "the old words leave the index"
    );
    assert_eq!(hits(&store, "确认交货期", HitKind::Contact), 1);
    let last = |s: &Store| {
        s.read(|c| value::picture(c, &id, today()))
            .unwrap()
            .activity
            .last_contact
    };
    assert!(last(&store).is_some());

    store.write(|tx| contacts::delete(tx, &logged.id)).unwrap();
    assert_eq!(hits(&store, "确认交货期", HitKind::Contact), 0);
    assert_eq!(last(&store), None, "activity forgets a deleted contact");
    let page = store
        .read(|c| timeline::page(c, &id, &TimelineQuery::default()))
        .unwrap();
    assert!(!page.entries.iter().any(|e| matches!(e, Entry::Contact(_))));
    let items = store.read(trash::list).unwrap();
    assert_eq!(
        (items[0].kind, items[0].name.as_str()),
        (TrashKind::Contact, "电话确认交货期")
    );
    assert_eq!(items[0].detail.as_deref(), Some("phone"));

    store
        .write(|tx| trash::restore(tx, TrashKind::Contact, &logged.id))
        .unwrap();
    assert_eq!(hits(&store, "确认交货期", HitKind::Contact), 1);

    // Validation as when logging: subject or summary is required.
    let empty = ContactDraft::new(&at, Channel::Phone, "");
    assert!(matches!(
        store.write(|tx| contacts::update(tx, &logged.id, empty)),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn satisfaction_assessments_and_notes_are_corrected_and_trashed_like_the_rest() {
    let (store, id) = book();
    let check = CheckDraft {
        checked_on: ago(5),
        rating: 2,
        comment: "交期慢".into(),
    };
    let made = store.write(|tx| satisfaction::create(tx, &id, check.clone())).unwrap();
    let fixed = store
        .write(|tx| {
            satisfaction::update(
                tx,
                &made.id,
                CheckDraft {
                    rating: 4,
                    ..check.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(fixed.id, made.id);
    let ratings = |s: &Store| -> Vec<i64> {
        s.read(|c| satisfaction::list_for(c, &id))
            .unwrap()
            .iter()
            .map(|c| c.draft.rating)
            .collect()
    };
    assert_eq!(ratings(&store), vec![4]);
    let out_of_range = CheckDraft { rating: 9, ..check };
    assert!(
        store
            .write(|tx| satisfaction::update(tx, &made.id, out_of_range))
            .is_err()
    );
    store.write(|tx| satisfaction::delete(tx, &made.id)).unwrap();
    assert!(ratings(&store).is_empty());

    let a = store
        .write(|tx| relationship::create(tx, &id, assessment(&ago(20), vec![score(Dimension::Acceptance, 2)])))
        .unwrap();
    let b = store
        .write(|tx| relationship::update(tx, &a.id, assessment(&ago(20), vec![score(Dimension::Acceptance, 4)])))
        .unwrap();
    assert_eq!(b.id, a.id);
    let latest = |s: &Store| s.read(|c| relationship::latest(c, &id)).unwrap();
    assert_eq!(latest(&store).unwrap().draft.scores[0].score, 4);
    store.write(|tx| relationship::delete(tx, &a.id)).unwrap();
    assert!(latest(&store).is_none(), "the curve and the dependence score forget it");

    let note = NoteDraft {
        key_relationships: "王总只认当面".into(),
        ..Default::default()
    };
    let n = store.write(|tx| handover_notes::save(tx, &id, note)).unwrap();
    assert_eq!(hits(&store, "只认当面", HitKind::Note), 1);
    store.write(|tx| handover_notes::delete(tx, &n.id)).unwrap();
    assert!(store.read(|c| handover_notes::get_for(c, &id)).unwrap().is_none());
    assert_eq!(hits(&store, "只认当面", HitKind::Note), 0);
    // Writing the note again brings the same record back, rewritten.
    let again = NoteDraft {
        risks: "回款慢".into(),
        ..Default::default()
    };
    let back = store.write(|tx| handover_notes::save(tx, &id, again)).unwrap();
    assert_eq!(back.id, n.id);
    assert_eq!(back.deleted_at, None);

    let kinds: Vec<TrashKind> = store.read(trash::list).unwrap().iter().map(|i| i.kind).collect();
    assert_eq!(kinds.len(), 2);
    assert!(kinds.contains(&RecordKind::SatisfactionCheck) && kinds.contains(&RecordKind::Assessment));
}

#[test]
fn restoring_a_record_of_a_trashed_customer_brings_the_customer_back_and_emptying_counts_everything() {
    let (store, id) = book();
    let deal = store.write(|tx| deals::create(tx, &id, order(&ago(3), 500))).unwrap();
    let keep = store.write(|tx| deals::create(tx, &id, order(&ago(2), 700))).unwrap();
    store.write(|tx| deals::delete(tx, &deal.id)).unwrap();
    store.write(|tx| customers::delete(tx, &id)).unwrap();
    store.write(|tx| trash::restore(tx, TrashKind::Deal, &deal.id)).unwrap();
    assert!(
        store.read(|c| customers::get(c, &id)).is_ok(),
        "nothing comes back orphaned"
    );

    // A change log cannot be trashed; an unknown id is named.
    assert!(
        store
            .write(|tx| trash::restore(tx, RecordKind::TierChange, &keep.id))
            .is_err()
    );
    assert!(matches!(
        store.write(|tx| trash::restore(tx, TrashKind::Deal, &keep.id)),
        Err(Error::NotFound { .. })
    ));

    store.write(|tx| customers::delete(tx, &id)).unwrap();
    // The customer, its two deals and its creation record in the change log.
    let changes: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM customer_changes", [], |r| r.get(0))?))
        .unwrap();
    let gone = store.write(|tx| trash::empty(tx)).unwrap();
    assert_eq!(gone, 3 + changes as usize);
    assert!(store.read(trash::list).unwrap().is_empty());
}

#[test]
fn a_draft_survives_closing_the_book_and_stays_out_of_dump_and_handover() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let key = "contact:new:0b0e6c1e-0000-4000-8000-000000000001";
    let body = r#"{"subject":"半句话还没写完的拜访纪要"}"#;
    {
        let store = Store::open(&path).unwrap();
        store.write(|tx| baton::drafts::save(tx, key, body)).unwrap();
        store
            .write(|tx| baton::drafts::save(tx, key, &body.replace("半句话", "一整段")))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let kept = store.read(|c| baton::drafts::get(c, key)).unwrap().unwrap();
    assert!(kept.body.contains("一整段"), "the latest text is kept");
    let mut dump = Vec::new();
    store.read(|c| baton::book::dump::write(c, &mut dump)).unwrap();
    assert!(
        !String::from_utf8(dump).unwrap().contains("一整段"),
        "a draft is no record"
    );
    let too_long = "字".repeat(baton::drafts::BODY_MAX + 1);
    assert!(store.write(|tx| baton::drafts::save(tx, key, &too_long)).is_err());
    store.write(|tx| baton::drafts::clear(tx, key)).unwrap();
    assert!(store.read(|c| baton::drafts::get(c, key)).unwrap().is_none());
}
