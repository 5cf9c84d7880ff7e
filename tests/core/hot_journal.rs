//! A write killed half-way through a rollback journal (the demo's fill of
//! an empty book writes with one: `Store::fill_empty`) leaves the book's
//! file half-written and the journal holding the pages it replaced. The
//! next open rolls the journal back: the book is as it was before the
//! write. Reading the file past its journal (read-only, or as immutable)
//! showed the half-written pages: "database disk image is malformed".

use std::path::{Path, PathBuf};

use baton::store::OpenMode;
use rusqlite::Connection;

use crate::baton_run as baton;

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A small demo book, and the file and journal a write killed half-way
/// through a rollback journal leaves (`crashed`): the write's pages
/// spilled into the file before its commit, copied while it was open.
fn book_and_crashed_copy(dir: &Path) -> (PathBuf, PathBuf) {
    let book = dir.join("book.db");
    let out = baton(&book, &["demo", "--customers", "5"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let crashed = dir.join("crashed.db");
    let c = Connection::open(&book).unwrap();
    let mode: String = c
        .pragma_update_and_check(None, "journal_mode", "delete", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    // A cache too small for the write: its pages go to the file before the commit.
    c.pragma_update(None, "cache_size", 10).unwrap();
    c.execute_batch(
        "BEGIN IMMEDIATE;
         CREATE TABLE filler (x BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO filler SELECT randomblob(900) FROM n;",
    )
    .unwrap();
    std::fs::copy(&book, &crashed).unwrap();
    let journal = std::fs::read(with_suffix(&book, "-journal")).unwrap();
    assert!(!journal.is_empty(), "the write keeps a journal");
    std::fs::write(with_suffix(&crashed, "-journal"), journal).unwrap();
    c.execute_batch("ROLLBACK").unwrap();
    c.pragma_update(None, "journal_mode", "wal").unwrap();
    drop(c);
    (book, crashed)
}

#[test]
fn a_book_left_with_a_hot_journal_opens_as_it_was_before_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let (book, crashed) = book_and_crashed_copy(dir.path());
    let before = baton(&book, &["dump"]);
    assert!(before.status.success());

    // `check` opens the book like every command: through the read-only look first.
    let check = baton(&crashed, &["check"]);
    assert!(
        check.status.success(),
        "check fails: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let after = baton(&crashed, &["dump"]);
    assert!(after.status.success(), "{}", String::from_utf8_lossy(&after.stderr));
    assert_eq!(
        String::from_utf8_lossy(&after.stdout),
        String::from_utf8_lossy(&before.stdout),
        "the book is as it was before the killed write"
    );
    let c = Connection::open(&crashed).unwrap();
    let filler: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'filler'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(filler, 0, "the killed write's table is gone");
    let journal = with_suffix(&crashed, "-journal");
    assert!(
        std::fs::metadata(&journal).map_or(true, |m| m.len() == 0),
        "the journal was rolled back"
    );
}

#[test]
fn every_way_of_opening_rolls_the_journal_back_first() {
    for mode in [OpenMode::Read, OpenMode::Existing, OpenMode::Create] {
        let dir = tempfile::tempdir().unwrap();
        let (book, crashed) = book_and_crashed_copy(dir.path());
        let names = |path: &Path| -> Vec<String> {
            let store = baton::Store::open_as(path, mode).unwrap_or_else(|e| panic!("{mode:?}: {e}"));
            let c = store.conn();
            let mut stmt = c.prepare("SELECT name FROM customers ORDER BY id").unwrap();
            stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
        };
        assert_eq!(names(&crashed), names(&book), "{mode:?}");
        let tables = |path: &Path| -> i64 {
            let store = baton::Store::open_as(path, mode).unwrap();
            let c = store.conn();
            c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(
            tables(&crashed),
            tables(&book),
            "{mode:?}: the killed write's table is gone"
        );
    }
}
