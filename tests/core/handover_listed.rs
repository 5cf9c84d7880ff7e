//! Issue 14: the import preview lists the file's customers — name, tier,
//! owner before and after, what happens to each card and how many of its
//! records come in — not only counts per record kind.

use baton::handover::{self, CardChange, ExportOptions, ImportOptions, Selection};
use baton::{Store, customers, demo};

use crate::handover::export;

fn people_of(store: &Store, id: &str) -> u64 {
    store
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM people WHERE customer_id = ?1", [id], |r| {
                    r.get::<_, i64>(0)
                })? as u64,
            )
        })
        .unwrap()
}

#[test]
fn the_preview_names_each_customer_and_what_changes() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = Store::open(&dir.path().join("leaver.db")).unwrap();
    demo::fill(&leaver, 30, 4).unwrap();
    let rows = leaver
        .read(|c| {
            baton::views::list::list(
                c,
                &baton::views::list::ListQuery {
                    limit: 5,
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .rows;
    let picked: Vec<String> = rows[..2].iter().map(|r| r.id.clone()).collect();
    let file = dir.path().join("two.baton");
    let selection = Selection {
        customers: picked.clone(),
        ..Default::default()
    };
    export(
        &leaver,
        &file,
        &ExportOptions {
            selection: selection.clone(),
            ..Default::default()
        },
    );

    let successor = Store::open(&dir.path().join("successor.db")).unwrap();
    let preview = handover::import(
        &successor,
        &file,
        &ImportOptions {
            dry_run: true,
            take_over: Some("赵六".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(preview.customers_total, 2);
    let listed: Vec<&str> = preview.customers.iter().map(|c| c.id.as_str()).collect();
    let mut expected: Vec<&str> = picked.iter().map(String::as_str).collect();
    expected.sort();
    let mut got = listed.clone();
    got.sort();
    assert_eq!(got, expected);
    for c in &preview.customers {
        let card = leaver.read(|x| customers::get(x, &c.id)).unwrap().card;
        assert_eq!(c.name, card.name);
        assert_eq!(c.tier.as_deref(), card.tier.map(|t| t.as_str()));
        assert_eq!(c.owner, card.owner);
        assert_eq!(c.new_owner, "赵六");
        assert_eq!(c.card, CardChange::New);
        assert!(c.records_added >= people_of(&leaver, &c.id), "{c:?} brings its people");
        assert_eq!(c.records_updated, 0);
    }

    // Into the leaver's own book: nothing changes, and the preview says so.
    let same = handover::import(
        &leaver,
        &file,
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        same.customers
            .iter()
            .all(|c| c.card == CardChange::Unchanged && c.records_added == 0)
    );
    assert!(
        same.customers.iter().all(|c| c.new_owner == c.owner),
        "no take-over, no new owner"
    );

    // The successor's card is newer than the file's: it stays, and the preview says so.
    handover::import(&successor, &file, &ImportOptions::default()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    successor
        .write(|tx| {
            let mut card = customers::get(tx, &picked[0])?.card;
            card.notes = "接手后更新".into();
            customers::update(tx, &picked[0], card)
        })
        .unwrap();
    let again = handover::import(
        &successor,
        &file,
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    let first = again.customers.iter().find(|c| c.id == picked[0]).unwrap();
    assert_eq!(first.card, CardChange::BookNewer);
}
