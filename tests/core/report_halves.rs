//! The workbook's two halves (the customers it weighs, the records it
//! copies) run at once on two readers of one committed state.

use std::sync::Arc;

use baton::customers::activity::Standing;
use baton::io::report::{self, ReportOptions};
use baton::{Store, demo};
use calamine::{Reader, Xlsx, open_workbook};

/// Every sheet's cells as text, sheet by sheet.
fn cells(path: &std::path::Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| format!("{c:?}")).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_workbook_from_two_readers_holds_what_one_reader_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 60, 5).unwrap();
    let today = baton::clock::local_today();
    let scopes = [
        ReportOptions::default(),
        // The copying half picks its customers from the kept columns, the
        // weighing half from each value picture: the same ones.
        ReportOptions {
            statuses: vec![Standing::Dormant, Standing::New],
            ..Default::default()
        },
        ReportOptions {
            statuses: vec![Standing::Active],
            tiers: vec![baton::enums::Tier::A, baton::enums::Tier::B],
            include_private: true,
            ..Default::default()
        },
    ];
    for (i, opts) in scopes.iter().enumerate() {
        let one = dir.path().join(format!("one-{i}.xlsx"));
        let two = dir.path().join(format!("two-{i}.xlsx"));
        let by_one = store.read(|c| report::write_xlsx(c, opts, &one, today)).unwrap();
        let by_two = report::write_from(&store, opts, &two, today).unwrap();
        assert_eq!(by_one, by_two, "scope {i}");
        assert!(by_two.sheets[2].1 > 0, "scope {i} copies some contacts");
        assert_eq!(cells(&one), cells(&two), "scope {i}");
    }
}

#[test]
fn both_halves_see_the_same_commit_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.db");
    let store = Store::open(&path).unwrap();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let other = Store::open(&path).unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                other
                    .write(|tx| {
                        let card = baton::customers::CustomerCard {
                            name: format!("客户{n}"),
                            ..Default::default()
                        };
                        baton::customers::create(tx, card)
                    })
                    .unwrap();
                n += 1;
                // A person's pace, not a loop that never lets go of the lock.
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            n
        })
    };
    let count = |c: &rusqlite::Connection| -> baton::Result<i64> {
        Ok(c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?)
    };
    for _ in 0..600 {
        let (one, two) = store
            .read_both(
                |c| {
                    let first = count(c)?;
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    Ok((first, count(c)?))
                },
                |c| count(c),
            )
            .unwrap();
        let ((first, again), two) = (one.unwrap(), two.unwrap());
        assert_eq!(first, again, "a half keeps its snapshot");
        assert_eq!(first, two, "both halves read one commit");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.join().unwrap() > 10, "the other connection kept committing");
}

#[test]
fn a_cancelled_workbook_from_two_readers_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 12, 5).unwrap();
    let job = Arc::new(baton::job::Job::new());
    job.cancel();
    let opts = ReportOptions {
        job: Some(job),
        ..Default::default()
    };
    let path = dir.path().join("c.xlsx");
    let result = report::write_from(&store, &opts, &path, baton::clock::local_today());
    assert!(matches!(result, Err(baton::Error::Cancelled)), "{result:?}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("c."))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn both_halves_wait_for_no_write_under_way_in_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("book.db")).unwrap();
    demo::fill(&store, 5, 1).unwrap();
    let (inside, go_in) = std::sync::mpsc::channel();
    let (done, finish) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let store = &store;
        scope.spawn(move || {
            // A long write (an import): it holds the store's writer until told.
            store
                .write(|_| {
                    inside.send(()).unwrap();
                    finish.recv_timeout(std::time::Duration::from_secs(5)).ok();
                    Ok(())
                })
                .unwrap();
        });
        go_in.recv().unwrap();
        let started = std::time::Instant::now();
        let count = |c: &rusqlite::Connection| -> baton::Result<i64> {
            Ok(c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?)
        };
        let (one, two) = store.read_both(count, count).unwrap();
        let waited = started.elapsed();
        done.send(()).unwrap();
        assert_eq!((one.unwrap(), two.unwrap()), (5, 5));
        assert!(
            waited < std::time::Duration::from_secs(2),
            "waited {waited:?} for the write"
        );
    });
}
