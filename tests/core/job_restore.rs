//! Restoring a backup and loading the demo as jobs: they tell how far they
//! are, and a cancel leaves the book exactly as it was.

use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use baton::job::{Job, Progress};
use baton::{Error, Store, book::dump, demo, store::backup};

/// A job that cancels itself once `at` steps are done, and records what it
/// was told. Paced so every step is told (the listener hears at most one
/// step per `TELL_EVERY` otherwise).
fn job_cancelling_at(at: u64) -> (Arc<Job>, Arc<std::sync::Mutex<Vec<Progress>>>) {
    let me: Arc<OnceLock<Weak<Job>>> = Arc::new(OnceLock::new());
    let heard = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (m, h) = (me.clone(), heard.clone());
    let job = Job::with_listener(move |p| {
        h.lock().unwrap().push(p);
        if p.done >= at
            && let Some(job) = m.get().and_then(Weak::upgrade)
        {
            job.cancel();
        }
    })
    .paced(baton::job::TELL_EVERY + Duration::from_millis(20));
    let job = Arc::new(job);
    me.set(Arc::downgrade(&job)).unwrap();
    (job, heard)
}

fn dump_of(store: &Store) -> String {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).unwrap();
    String::from_utf8(out).unwrap()
}

/// A book of some megabytes (several steps per copy), its backup, and then
/// one more customer, so a restore changes something.
fn book_and_backup(dir: &std::path::Path) -> (Store, std::path::PathBuf, String) {
    let store = Store::open(&dir.join("book.db")).unwrap();
    demo::fill(&store, 400, 5).unwrap();
    let file = dir.join("kept.db");
    store.read(|c| backup::snapshot(c, &file, None)).unwrap();
    let at_backup = dump_of(&store);
    store
        .write(|tx| {
            let card = baton::customers::CustomerCard {
                name: "后来的客户".into(),
                ..Default::default()
            };
            baton::customers::create(tx, card)
        })
        .unwrap();
    (store, file, at_backup)
}

/// The steps of each copy a restore of `file` into `store` makes: the
/// safety copy of the book, and the backup's (staged, then into the book).
fn copies(store: &Store, file: &std::path::Path) -> (u64, u64) {
    let pages = |c: &rusqlite::Connection| -> u64 {
        let n: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        (n as u64).div_ceil(backup::STEP_PAGES as u64)
    };
    let book = store.read(|c| Ok(pages(c))).unwrap();
    let kept = pages(&rusqlite::Connection::open(file).unwrap());
    (book, kept)
}

fn steps_of(heard: &[Progress]) -> (u64, u64) {
    let last = heard.last().copied().unwrap();
    (last.done, last.total)
}

#[test]
fn a_restore_tells_its_progress_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let (store, file, at_backup) = book_and_backup(dir.path());
    let (book, kept) = copies(&store, &file);
    let (job, heard) = job_cancelling_at(u64::MAX);
    baton::book::restore::undoably(&store, &file, Some(&job)).unwrap();
    assert_eq!(dump_of(&store), at_backup);
    let heard = heard.lock().unwrap();
    let (done, total) = steps_of(&heard);
    assert_eq!(
        total,
        book + 2 * kept + 1,
        "three copies and the moment before the last"
    );
    assert!(total >= 7, "several steps per copy, told as {total} steps");
    assert_eq!(done, total, "told: {heard:?}");
    assert!(heard.windows(2).all(|w| w[0].done <= w[1].done));
}

#[test]
fn a_cancelled_restore_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (store, file, _) = book_and_backup(dir.path());
    let before = dump_of(&store);
    let (book, kept) = copies(&store, &file);
    assert!(book >= 2 && kept >= 2, "several steps per copy: {book}, {kept}");

    // Cancelled in the safety copy, in the staged copy, and at the last
    // moment before the book is written: each time the book is unchanged.
    let last_moment = book + kept + 1;
    for at in [1, book + 1, last_moment] {
        let (job, _) = job_cancelling_at(at);
        let outcome = baton::book::restore::undoably(&store, &file, Some(&job));
        assert!(matches!(outcome, Err(Error::Cancelled)), "cancel at {at}: {outcome:?}");
        assert_eq!(dump_of(&store), before, "cancel at {at} changed the book");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".restore-"))
        .collect();
    assert!(leftovers.is_empty(), "staging copies left: {leftovers:?}");
}

#[test]
fn once_the_book_is_being_written_a_cancel_waits_for_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let (store, file, at_backup) = book_and_backup(dir.path());
    let (book, kept) = copies(&store, &file);
    // The last copy's first step: too late to stop.
    let (job, _) = job_cancelling_at(book + kept + 2);
    baton::book::restore::undoably(&store, &file, Some(&job)).unwrap();
    assert_eq!(dump_of(&store), at_backup);
}

#[test]
fn a_cancelled_demo_leaves_the_book_empty() {
    let store = Store::open_in_memory().unwrap();
    let (job, heard) = job_cancelling_at(5);
    let opts = demo::DemoOptions::for_today(demo::DemoLang::Zh);
    let outcome = demo::fill_with(&store, 50, 1, &opts, Some(&job));
    assert!(matches!(outcome, Err(Error::Cancelled)), "{outcome:?}");
    let customers: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(customers, 0);
    assert_eq!(heard.lock().unwrap().first().map(|p| p.total), Some(50));
    // The demo sets the keeping triggers and the indexes over kept columns
    // aside while it writes (store::bulk_fill): the rollback puts them back.
    let fresh = Store::open_in_memory().unwrap();
    assert_eq!(crate::schema_of(&store), crate::schema_of(&fresh));

    let (job, heard) = job_cancelling_at(u64::MAX);
    demo::fill_with(&store, 12, 1, &opts, Some(&job)).unwrap();
    assert_eq!(steps_of(&heard.lock().unwrap()), (12, 12));
}

#[test]
fn a_backup_by_hand_tells_its_progress_and_a_cancel_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, _) = book_and_backup(dir.path());
    let out = dir.path().join("by-hand.db");
    let (job, heard) = job_cancelling_at(u64::MAX);
    store.read(|c| backup::snapshot(c, &out, Some(&job))).unwrap();
    let last = *heard.lock().unwrap().last().unwrap();
    assert!(last.total > 1, "a book of some megabytes copies in several steps");
    assert_eq!(last.done, last.total, "the progress reaches its total");
    let copy = Store::open(&out).unwrap();
    assert_eq!(dump_of(&copy), dump_of(&store), "the backup holds the whole book");

    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    };
    let before = files();
    let (job, _) = job_cancelling_at(1);
    let err = store
        .read(|c| backup::snapshot(c, &dir.path().join("cancelled.db"), Some(&job)))
        .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
    assert_eq!(files(), before, "a cancelled backup leaves nothing behind");
}
