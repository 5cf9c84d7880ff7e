use baton::customers;
use baton::enums::Dimension;
use baton::history::followups;
use baton::relationship::key_board::{self, BoardSort};
use baton::relationship::{self, AssessmentDraft, DimensionScore, PlanStep};
use baton::{Error, Store};
use chrono::NaiveDate;

use crate::card;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// An assessment scoring the first three dimensions `level` each.
fn assess(store: &Store, customer: &str, day: &str, level: i64) -> relationship::Assessment {
    let scores = Dimension::ALL[..3]
        .iter()
        .map(|d| DimensionScore {
            target: Some(5),
            target_on: Some("2026-09-30".into()),
            plan: vec![
                PlanStep {
                    step: format!("邀请{}参加年会", d.as_str()),
                    due_on: Some("2026-07-15".into()),
                    done: false,
                    followup_id: None,
                },
                PlanStep {
                    step: "no date of its own".into(),
                    due_on: None,
                    done: false,
                    followup_id: None,
                },
            ],
            ..crate::score(*d, level)
        })
        .collect();
    store
        .write(|tx| relationship::create(tx, customer, crate::assessment(day, scores)))
        .unwrap()
}

fn key(store: &Store, name: &str) -> String {
    let c = store.write(|tx| customers::create(tx, card(name))).unwrap();
    store.write(|tx| customers::set_key(tx, &c.id, true)).unwrap();
    c.id
}

#[test]
fn the_board_ranks_key_customers_by_weight_change_and_overdue() {
    let store = Store::open_in_memory().unwrap();
    let rising = key(&store, "上升");
    assess(&store, &rising, "2026-01-10", 1);
    assess(&store, &rising, "2026-05-10", 3);
    let falling = key(&store, "下降");
    assess(&store, &falling, "2025-12-01", 5);
    assess(&store, &falling, "2026-02-01", 4);
    let never = key(&store, "未评估");
    let plain = store.write(|tx| customers::create(tx, card("普通客户"))).unwrap();
    assess(&store, &plain.id, "2026-05-10", 5);

    let board = store
        .read(|c| key_board::board(c, today(), BoardSort::Weight, 10))
        .unwrap();
    assert_eq!(board.total, 3, "only key customers are on the board");
    let ids: Vec<&str> = board.rows.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(ids, [falling.as_str(), rising.as_str(), never.as_str()]);
    let r = &board.rows[1];
    assert_eq!((r.weight, r.previous_weight, r.change), (Some(60), Some(20), Some(40)));
    assert_eq!(r.assessed_on.as_deref(), Some("2026-05-10"));
    assert_eq!(r.due.due_on, "2026-08-08", "90 days after the last assessment");
    assert_eq!(r.due.overdue_days, -39);
    assert_eq!(board.rows[0].due.overdue_days, 59, "2026-02-01 + 90 = 2026-05-02");
    assert!(board.rows[2].due.never && board.rows[2].weight.is_none());
    assert_eq!(board.due_now, 2, "the overdue one and the never-assessed one");
    assert_eq!(board.rows[2].dependence, 100, "no people, no card");

    let by_change = store
        .read(|c| key_board::board(c, today(), BoardSort::Change, 10))
        .unwrap();
    let ids: Vec<&str> = by_change.rows.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(ids, [falling.as_str(), rising.as_str(), never.as_str()], "falls first");

    let by_overdue = store
        .read(|c| key_board::board(c, today(), BoardSort::Overdue, 2))
        .unwrap();
    let ids: Vec<&str> = by_overdue.rows.iter().map(|r| r.customer_id.as_str()).collect();
    assert_eq!(
        ids,
        [never.as_str(), falling.as_str()],
        "never assessed, then most overdue; limit 2"
    );
    assert_eq!(by_overdue.total, 3);

    // Unmarking keeps the card; trash takes the customer off the board.
    store.write(|tx| customers::set_key(tx, &rising, false)).unwrap();
    store.write(|tx| customers::delete(tx, &falling)).unwrap();
    let board = store
        .read(|c| key_board::board(c, today(), BoardSort::Weight, 10))
        .unwrap();
    assert_eq!(board.total, 1);
    let card = store.read(|c| key_board::card(c, &rising, today())).unwrap();
    assert!(!card.is_key);
    assert_eq!(card.assessments.len(), 2, "unmarking never deletes assessments");
    assert_eq!(
        card.assessments.iter().map(|w| w.weight).collect::<Vec<_>>(),
        [Some(20), Some(60)],
        "oldest first, as the curve draws them"
    );
}

#[test]
fn a_plan_step_becomes_one_follow_up_and_closing_it_ticks_the_step() {
    let store = Store::open_in_memory().unwrap();
    let id = key(&store, "华为");
    let a = assess(&store, &id, "2026-05-10", 2);

    let f = store
        .write(|tx| relationship::plan_followup(tx, &a.id, Dimension::Events, 0, today()))
        .unwrap();
    assert_eq!(f.title, "邀请events参加年会");
    assert_eq!(f.due_on, "2026-07-15", "the step's own date");
    assert_eq!(f.contact_id, None);
    let again = store
        .write(|tx| relationship::plan_followup(tx, &a.id, Dimension::Events, 0, today()))
        .unwrap();
    assert_eq!(again.id, f.id, "a second click returns the same follow-up");
    let open = store.read(|c| followups::open_for(c, &id)).unwrap();
    assert_eq!(open.len(), 1);

    let g = store
        .write(|tx| relationship::plan_followup(tx, &a.id, Dimension::Events, 1, today()))
        .unwrap();
    assert_eq!(
        g.due_on, "2026-09-30",
        "no date of its own: the dimension's target date"
    );

    store
        .write(|tx| baton::workflow::followup_done(tx, &f.id, None))
        .unwrap();
    let stored = store.read(|c| relationship::get(c, &a.id)).unwrap();
    let events = stored
        .draft
        .scores
        .iter()
        .find(|s| s.dimension == Dimension::Events)
        .unwrap();
    assert_eq!(events.plan[0].followup_id.as_deref(), Some(f.id.as_str()));
    assert!(events.plan[0].done, "closing the follow-up ticks the step");
    assert!(!events.plan[1].done);

    let missing = store.write(|tx| relationship::plan_followup(tx, &a.id, Dimension::Support, 0, today()));
    assert!(
        matches!(missing, Err(Error::Invalid(ref v)) if v.field.contains("support")),
        "{missing:?}"
    );
    let missing = store.write(|tx| relationship::plan_followup(tx, &a.id, Dimension::Events, 9, today()));
    assert!(matches!(missing, Err(Error::Invalid(_))), "{missing:?}");
}

#[test]
fn evidence_cites_only_this_customers_contacts_and_the_card_lists_them() {
    use baton::enums::Channel;
    use baton::history::contacts::{self, ContactDraft};
    let store = Store::open_in_memory().unwrap();
    let id = key(&store, "华为");
    let other = key(&store, "中兴");
    let ours = store
        .write(|tx| {
            contacts::create(
                tx,
                &id,
                ContactDraft::new("2026-05-01T02:00:00.000Z", Channel::Visit, "技术交流会"),
            )
        })
        .unwrap();
    let theirs = store
        .write(|tx| {
            contacts::create(
                tx,
                &other,
                ContactDraft::new("2026-05-01T02:00:00.000Z", Channel::Phone, "别家的电话"),
            )
        })
        .unwrap();
    let draft = |contact: &str| AssessmentDraft {
        assessed_on: "2026-05-10".into(),
        assessor: String::new(),
        layer: None,
        relationship_type: None,
        scores: vec![DimensionScore {
            dimension: Dimension::Events,
            score: 3,
            evidence: "来参加了交流会".into(),
            contact_ids: vec![contact.to_string()],
            target: None,
            target_on: None,
            plan: vec![],
        }],
        notes: String::new(),
    };
    let refused = store.write(|tx| relationship::create(tx, &id, draft(&theirs.id)));
    assert!(
        matches!(refused, Err(Error::Invalid(ref v)) if v.field == "assessment.scores[0].contact_ids[0]"),
        "{refused:?}"
    );
    assert!(store.read(|c| relationship::list_for(c, &id)).unwrap().is_empty());

    store
        .write(|tx| relationship::create(tx, &id, draft(&ours.id)))
        .unwrap();
    let card = store.read(|c| key_board::card(c, &id, today())).unwrap();
    assert_eq!(card.cited.len(), 1);
    assert_eq!(
        (card.cited[0].id.as_str(), card.cited[0].subject.as_str()),
        (ours.id.as_str(), "技术交流会")
    );
}
