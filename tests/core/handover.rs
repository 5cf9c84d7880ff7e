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

fn all_rows() -> baton::views::list::ListQuery {
    baton::views::list::ListQuery {
        limit: 500,
        ..Default::default()
    }
}

pub(crate) fn opts() -> ImportOptions {
    ImportOptions::default()
}

fn demo_book(dir: &Path, name: &str) -> Store {
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

#[test]
fn an_encrypted_file_needs_its_passphrase_and_refuses_absurd_work() {
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("secret.baton");
    export(
        &leaver,
        &file,
        &ExportOptions {
            passphrase: Some("交接口令 2026".into()),
            work_factor: Some(10),
            ..Default::default()
        },
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    let name = baton::views::list::list(&leaver.conn(), &all_rows()).unwrap().rows[0]
        .name
        .clone();
    assert!(
        !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
        "no record text in the clear"
    );
    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let before = dump_of(&successor);
    let none = handover::import(&successor, &file, &opts());
    assert!(
        matches!(none, Err(Error::Passphrase { message: ref m, .. }) if m.contains("encrypted")),
        "{none:?}"
    );
    let wrong = handover::import(
        &successor,
        &file,
        &ImportOptions {
            passphrase: Some("wrong".into()),
            ..Default::default()
        },
    );
    assert!(
        matches!(wrong, Err(Error::Passphrase { message: ref m, .. }) if m.contains("wrong passphrase")),
        "{wrong:?}"
    );
    assert_eq!(dump_of(&successor), before);
    handover::import(
        &successor,
        &file,
        &ImportOptions {
            passphrase: Some("交接口令 2026".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(dump_of(&successor), dump_of(&leaver));

    // A file demanding more scrypt work than the cap is refused unopened:
    // take a real file and raise the work factor its header demands (making
    // one honestly would need 2^30-round scrypt, which is the point).
    let greedy = dir.path().join("greedy.baton");
    let text = std::fs::read(&file).unwrap();
    let at = text.windows(10).position(|w| w == b"-> scrypt ").unwrap();
    let eol = at + text[at..].iter().position(|&b| b == b'\n').unwrap();
    let line = String::from_utf8(text[at..eol].to_vec()).unwrap();
    let raised = format!("{} 30", line.rsplit_once(' ').unwrap().0);
    let mut forged = text[..at].to_vec();
    forged.extend_from_slice(raised.as_bytes());
    forged.extend_from_slice(&text[eol..]);
    std::fs::write(&greedy, forged).unwrap();
    let started = std::time::Instant::now();
    let refused = handover::import(
        &successor,
        &greedy,
        &ImportOptions {
            passphrase: Some("交接口令 2026".into()),
            ..Default::default()
        },
    );
    assert!(
        matches!(refused, Err(Error::Passphrase { message: ref m, .. }) if m.contains("work factor")),
        "{refused:?}"
    );
    assert!(started.elapsed().as_secs() < 5, "refused without doing the work");
}

#[test]
fn backup_and_restore_bring_the_book_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_book(dir.path(), "book.db");
    let saved = dump_of(&store);
    let copy = dir.path().join("copy.db");
    store.read(|c| baton::store::backup::snapshot(c, &copy)).unwrap();
    assert!(
        store.read(|c| baton::store::backup::snapshot(c, &copy)).is_err(),
        "never overwrites"
    );
    let id = baton::views::list::list(&store.conn(), &all_rows()).unwrap().rows[0]
        .id
        .clone();
    store.write(|tx| customers::delete(tx, &id)).unwrap();
    assert_ne!(dump_of(&store), saved);
    baton::store::backup::restore(&mut store.conn(), &copy, None, baton::book::check::first_problem).unwrap();
    assert_eq!(dump_of(&store), saved);
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just some bytes padding it out").unwrap();
    assert!(baton::store::backup::restore(&mut store.conn(), &junk, None, baton::book::check::first_problem).is_err());
    assert_eq!(dump_of(&store), saved);
}

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

#[test]
fn an_import_reports_progress_and_a_cancelled_one_changes_nothing() {
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let leaver = demo_book(dir.path(), "leaver.db");
    let file = dir.path().join("h.baton");
    let header = export(&leaver, &file, &ExportOptions::default());
    let records: u64 = header.counts.values().sum();

    let successor = Store::open(&dir.path().join("s.db")).unwrap();
    let before = dump_of(&successor);
    let control = Arc::new(baton::job::Job::new());
    control.cancel();
    let cancelled = handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    );
    assert!(matches!(cancelled, Err(Error::Cancelled)), "{cancelled:?}");
    assert_eq!(dump_of(&successor), before);

    // Cancelled in the middle of writing: a thread pulls the flag once half
    // of the second pass is done.
    let control = Arc::new(baton::job::Job::new());
    let watcher = {
        let c = control.clone();
        std::thread::spawn(move || {
            while c.progress().done < records * 3 / 2 {
                std::thread::yield_now();
            }
            c.cancel();
        })
    };
    let cancelled = handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    );
    watcher.join().unwrap();
    assert!(matches!(cancelled, Err(Error::Cancelled)), "{cancelled:?}");
    assert_eq!(
        dump_of(&successor),
        before,
        "a cancelled import leaves the book unchanged"
    );

    let control = Arc::new(baton::job::Job::new());
    handover::import(
        &successor,
        &file,
        &ImportOptions {
            job: Some(control.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(control.progress().total, 2 * records);
    assert_eq!(control.progress().done, 2 * records);
}
