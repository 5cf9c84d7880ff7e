//! Handover between two books: lossless round trips, selections, conflicts
//! and taking customers over. Secrets and safety: `handover_safety.rs`; the
//! successor's checklist: `handover_checklist.rs`.

use std::path::Path;

use baton::book::kinds::RecordKind;
use baton::handover::{self, ExportOptions, ImportOptions, Selection};
use baton::{Error, Store, book::dump, customers, demo};

pub(crate) fn dump_of(store: &Store) -> String {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).unwrap();
    String::from_utf8(out).unwrap()
}

pub(crate) fn export(store: &Store, path: &Path, opts: &ExportOptions) -> handover::Header {
    store.read(|c| handover::export(c, opts, path)).unwrap()
}

pub(crate) fn all_rows() -> baton::views::list::ListQuery {
    baton::views::list::ListQuery {
        limit: 500,
        ..Default::default()
    }
}

pub(crate) fn opts() -> ImportOptions {
    ImportOptions::default()
}

pub(crate) fn demo_book(dir: &Path, name: &str) -> Store {
    let store = Store::open(&dir.join(name)).unwrap();
    demo::fill(&store, 40, 7).unwrap();
    store
}

#[test]
fn whole_book_round_trip_is_lossless_for_every_record_kind() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("book.baton");
    let header = export(&leaver, &file, &ExportOptions::default());
    assert!(header.scope.whole_book);
    let counts = leaver.read(baton::book::check::run).unwrap().counts;
    for kind in RecordKind::ALL {
        let declared = header.counts.get(kind.name()).copied();
        let c = counts.iter().find(|c| c.table() == kind.table()).unwrap();
        assert_eq!(
            declared,
            Some((c.live + c.trashed) as u64),
            "{}: every record of every kind is in the file",
            kind.name()
        );
        assert!(declared.unwrap() > 0, "the demo has {} records", kind.name());
    }

    let successor = Store::open(&dir.path().join("successor.db")).unwrap();
    let report = handover::import(&successor, &file, &opts()).unwrap();
    assert!(report.conflicts.is_empty());
    assert_eq!(dump_of(&successor), dump_of(&leaver), "byte-identical dumps");
    assert!(report.backup.is_some(), "a backup is taken before writing");

    // Idempotent: the second import changes nothing.
    let before = dump_of(&successor);
    let again = handover::import(&successor, &file, &opts()).unwrap();
    for c in &again.counts {
        assert_eq!((c.added, c.updated, c.conflicts), (0, 0, 0), "{}", c.kind);
    }
    assert_eq!(again.counts[0].unchanged, header.counts["customer"]);
    assert_eq!(dump_of(&successor), before);
    // And the search index came along.
    let name = baton::views::list::list(&successor.conn(), &all_rows()).unwrap().rows[0]
        .name
        .clone();
    let hits = successor
        .read(|c| {
            baton::search::search(
                c,
                &baton::search::SearchQuery {
                    text: name.clone(),
                    ..Default::default()
                },
                baton::clock::local_today(),
            )
        })
        .unwrap();
    assert!(!hits.is_empty(), "imported records are searchable");
}

#[test]
fn a_selection_carries_the_chosen_customers_with_all_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let all = baton::views::list::list(&leaver.conn(), &all_rows()).unwrap().rows;
    let chosen = all[3].id.clone();
    let file = dir.path().join("one.baton");
    let header = export(
        &leaver,
        &file,
        &ExportOptions {
            selection: Selection {
                customers: vec![chosen.clone()],
                ..Default::default()
            },
            ..Default::default()
        },
    );
    assert!(!header.scope.whole_book);
    assert_eq!(header.counts["customer"], 1);
    let people: i64 = leaver
        .read(|c| {
            Ok(
                c.query_row("SELECT count(*) FROM people WHERE customer_id = ?1", [&chosen], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    let people = people as u64;
    assert_eq!(header.counts["person"], people);

    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    handover::import(&successor, &file, &opts()).unwrap();
    let (c, p, k): (i64, i64, i64) = successor
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM people), (SELECT count(*) FROM contacts)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!((c, p as u64), (1, people));
    assert_eq!(k as u64, header.counts["contact"]);

    let unknown = leaver.read(|c| {
        handover::export(
            c,
            &ExportOptions {
                selection: Selection {
                    customers: vec!["0190a000-0000-7000-8000-000000000000".into()],
                    ..Default::default()
                },
                ..Default::default()
            },
            &dir.path().join("none.baton"),
        )
    });
    assert!(matches!(unknown, Err(Error::NotFound { .. })), "{unknown:?}");
}

#[test]
fn the_newer_version_wins_and_the_loser_is_kept_in_the_conflict_log() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("book.baton");
    export(&leaver, &file, &ExportOptions::default());
    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    handover::import(&successor, &file, &opts()).unwrap();

    let rows = baton::views::list::list(&leaver.conn(), &all_rows()).unwrap().rows;
    let (a, b) = (rows[0].id.clone(), rows[1].id.clone());
    // a: changed by the successor after the export (the book is newer);
    // b: changed by the leaver after the export (the file will be newer).
    let edit = |store: &Store, id: &str, notes: &str| {
        store
            .write(|tx| {
                let mut card = customers::get(tx, id)?.card;
                card.notes = notes.into();
                customers::update(tx, id, card)
            })
            .unwrap();
    };
    std::thread::sleep(std::time::Duration::from_millis(5));
    edit(&leaver, &a, "leaver's older note");
    edit(&leaver, &b, "leaver's newer note");
    export(&leaver, &file, &ExportOptions::default());
    std::thread::sleep(std::time::Duration::from_millis(5));
    edit(&successor, &a, "successor's newest note");

    let preview = handover::import(
        &successor,
        &file,
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(preview.counts[0].conflicts, 1);
    assert_eq!(preview.counts[0].updated, 1);
    let before = dump_of(&successor);

    let report = handover::import(&successor, &file, &opts()).unwrap();
    assert_ne!(dump_of(&successor), before);
    let kept = |id: &str| report.conflicts.iter().find(|c| c.id == id).unwrap().kept.clone();
    assert_eq!(kept(&a), "book");
    assert_eq!(kept(&b), "file");
    let notes = |id: &str| successor.read(|c| customers::get(c, id)).unwrap().card.notes;
    assert_eq!(notes(&a), "successor's newest note");
    assert_eq!(notes(&b), "leaver's newer note");
    let log: Vec<(String, String, String)> = successor
        .read(|c| {
            let mut stmt = c.prepare("SELECT record_id, kept, losing FROM import_conflicts ORDER BY record_id")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(log.len(), 2);
    let losing = |id: &str| log.iter().find(|l| l.0 == id).unwrap().2.clone();
    assert!(
        losing(&a).contains("leaver's older note"),
        "the file's losing version is kept whole"
    );
    assert!(
        !losing(&b).contains("leaver's newer note"),
        "the book's replaced version is kept"
    );
}

#[test]
fn take_over_moves_ownership_and_keeps_the_owner_history() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("book.baton");
    let header = export(&leaver, &file, &ExportOptions::default());
    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let report = handover::import(
        &successor,
        &file,
        &ImportOptions {
            take_over: Some("周新".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(report.taken_over > 0 && report.taken_over <= header.counts["customer"]);
    let owners: Vec<String> = baton::views::list::list(&successor.conn(), &all_rows())
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.owner)
        .collect();
    assert!(owners.iter().all(|o| o == "周新"));
    let changes: i64 = successor
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM customer_changes WHERE field = 'owner' AND new_value = '周新'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(changes as u64, report.taken_over);
}
