//! The successor's checklist: made on taking over, ticked off by the book.

use baton::handover::{self, ExportOptions, ImportOptions};
use baton::{Store, customers};

use super::handover::export;

#[test]
fn taking_over_creates_a_checklist_the_book_ticks_off() {
    use baton::enums::{Channel, Dimension};
    use baton::history::contacts::{self, ContactDraft};
    use baton::relationship::checklist::{self, Task};
    let dir = tempfile::tempdir().unwrap();
    let leaver = Store::open(&dir.path().join("leaver.db")).unwrap();
    let c = leaver
        .write(|tx| {
            customers::create(
                tx,
                customers::CustomerCard {
                    name: "东方机械".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let p = leaver
        .write(|tx| {
            baton::customers::people::create(
                tx,
                &c.id,
                baton::customers::people::PersonCard {
                    name: "王总".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let visit = ContactDraft {
        person_ids: vec![p.id.clone()],
        next_step: "寄样品".into(),
        next_due: Some("2026-12-01".into()),
        ..ContactDraft::new("2026-05-01T02:00:00.000Z", Channel::Visit, "拜访")
    };
    leaver.write(|tx| contacts::create(tx, &c.id, visit)).unwrap();
    let file = dir.path().join("h.baton");
    export(&leaver, &file, &ExportOptions::default());

    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    handover::import(
        &successor,
        &file,
        &ImportOptions {
            take_over: Some("周新".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let list = successor
        .read(|conn| checklist::for_customer(conn, &c.id))
        .unwrap()
        .unwrap();
    let tasks: Vec<(Task, &str)> = list
        .items
        .iter()
        .map(|i| (i.item.task, i.item.label.as_str()))
        .collect();
    assert_eq!(
        tasks,
        [
            (Task::MeetPerson, "王总"),
            (Task::ConfirmFollowup, "2026-12-01 寄样品"),
            (Task::Reassess, "")
        ]
    );
    assert_eq!(list.done, 0, "nothing done yet: the old visit predates the takeover");

    // Meeting the person, closing the follow-up and re-assessing tick it all.
    let meet = ContactDraft {
        person_ids: vec![p.id.clone()],
        ..ContactDraft::new(baton::clock::now(), Channel::Meeting, "接手后首次拜访")
    };
    successor.write(|tx| contacts::create(tx, &c.id, meet)).unwrap();
    let f = successor
        .read(|conn| baton::history::followups::open_for(conn, &c.id))
        .unwrap()[0]
        .id
        .clone();
    successor
        .write(|tx| baton::workflow::followup_done(tx, &f, None))
        .unwrap();
    let list = successor
        .read(|conn| checklist::for_customer(conn, &c.id))
        .unwrap()
        .unwrap();
    assert_eq!(list.done, 2);
    let draft = baton::relationship::AssessmentDraft {
        assessed_on: baton::clock::local_today().to_string(),
        assessor: String::new(),
        layer: None,
        relationship_type: None,
        scores: vec![baton::relationship::DimensionScore {
            dimension: Dimension::Acceptance,
            score: 2,
            evidence: String::new(),
            contact_ids: vec![],
            target: None,
            target_on: None,
            plan: vec![],
        }],
        notes: String::new(),
    };
    successor
        .write(|tx| baton::relationship::create(tx, &c.id, draft))
        .unwrap();
    let all = successor.read(checklist::all).unwrap();
    assert_eq!((all.len(), all[0].done, all[0].items.len()), (1, 3, 3));

    // A hand tick counts too, and can be undone.
    let item = all[0].items[0].item.id.clone();
    successor.write(|tx| checklist::tick(tx, &item, true)).unwrap();
    successor.write(|tx| checklist::tick(tx, &item, false)).unwrap();
    assert_eq!(successor.read(checklist::all).unwrap()[0].done, 3);
}
