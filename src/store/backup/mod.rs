//! Backups of a live book, and restoring one.
//!
//! Both use SQLite's online backup API, never a file copy: a copy of a live
//! WAL book can miss committed pages still in the WAL, or catch a write
//! half-way. A backup is a complete, standalone book file, written like every
//! output (whole or not at all, owner-only, never over an existing file).

mod rotation;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::files::{Protected, Replace, write_atomic};
use crate::job::{self, Job};
use crate::store::{APPLICATION_ID, Store, migrations};
pub use rotation::{
    BackupInfo, BackupKind, KEEP_BEFORE, KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY, daily, list, list_in, prune,
    restore_named,
};

/// What a restore asks of a backup before it replaces the book: the first
/// problem with its records, if any. The store cannot name every kind of
/// record itself (the registry sits above the domains); `book::restore`
/// passes `book::check::first_problem`.
pub type RecordCheck = fn(&Connection) -> Result<Option<String>>;

pub use crate::files::backups_dir_for as dir_for;

/// The default place for automatic backups (`None` for an in-memory book).
pub fn default_dir(store: &Store) -> Option<PathBuf> {
    dir_for(store.path()?)
}

/// Takes the automatic backup before an import (`what` names it:
/// `before-import-…`, `before-sheet-import-…`) in `dir` or the default
/// place; returns its path, or `None` for an in-memory book.
pub fn before(store: &Store, what: &str, dir: Option<PathBuf>) -> Result<Option<String>> {
    let Some(file) = take_before(store, what, dir, None)? else {
        return Ok(None);
    };
    // The last ten taken before imports and restores are kept.
    if let Some(dir) = file.parent() {
        prune(dir)?;
    }
    Ok(Some(file.display().to_string()))
}

/// [`before`] without pruning.
fn take_before(store: &Store, what: &str, dir: Option<PathBuf>, job: Option<&Job>) -> Result<Option<PathBuf>> {
    let Some(dir) = dir.or_else(|| default_dir(store)) else {
        return Ok(None);
    };
    crate::files::perms::create_private_dir(&dir)?;
    rotation::remove_stale_parts(&dir, std::time::SystemTime::now());
    let stamp = crate::clock::now().replace([':', '.'], "-");
    let file = dir.join(format!("before-{what}-{stamp}.db"));
    store.read(|c| snapshot_with(c, &file, job))?;
    Ok(Some(file))
}

/// Replaces the book's content with the backup at `file`, after a backup
/// of the current state (returned), so the restore can itself be undone.
/// Pruned only afterwards: the backup being restored may be the oldest kept.
///
/// `job` counts pages copied, in steps of [`STEP_PAGES`]: the safety copy of
/// the book, the staged copy of the backup, and the backup into the book.
/// A cancel is honoured until that last copy starts, and leaves the book
/// as it was.
pub fn restore_undoably(store: &Store, file: &Path, job: Option<&Job>, check: RecordCheck) -> Result<Option<String>> {
    store.writable()?;
    if !file.is_file() {
        return Err(Error::io(file, std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let book_pages = store.read(page_count)?;
    let file_pages = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .ok()
        .and_then(|c| page_count(&c).ok())
        .unwrap_or(0);
    // The three copies, and the moment between the check and the last copy.
    job::start(job, steps(book_pages) + 2 * steps(file_pages) + 1);
    let safety = take_before(store, "restore", None, job)?;
    store.restore_from(file, job, check)?;
    if let Some(j) = job {
        j.finish();
    }
    if let Some(dir) = safety.as_deref().and_then(Path::parent) {
        prune(dir)?;
    }
    Ok(safety.map(|p| p.display().to_string()))
}

/// Writes a consistent copy of the book behind `conn` to `dest` (which must
/// not exist yet: a backup never overwrites a file, and never lands on the
/// book itself). `job` counts pages copied, in steps of [`STEP_PAGES`]; a
/// cancel leaves no file.
pub fn snapshot(conn: &Connection, dest: &Path, job: Option<&Job>) -> Result<()> {
    job::start(job, steps(page_count(conn)?));
    snapshot_with(conn, dest, job)?;
    if let Some(j) = job {
        j.finish();
    }
    Ok(())
}

/// [`snapshot`], one job step per [`STEP_PAGES`] pages; a cancel leaves no file.
fn snapshot_with(conn: &Connection, dest: &Path, job: Option<&Job>) -> Result<()> {
    write_atomic(dest, &Protected::of_conn(conn), Replace::Refused, |_file, staged| {
        let copied = copy_into(conn, staged, job);
        // SQLite's own files beside the staged copy go with it on failure.
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut name = staged.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
        copied
    })
}

fn copy_into(conn: &Connection, staged: &Path, job: Option<&Job>) -> Result<()> {
    let mut out = Connection::open(staged)?;
    // The staged file is thrown away whole on failure: no journal needed.
    out.pragma_update(None, "journal_mode", "off")?;
    copy_pages(conn, &mut out, job, Cancel::Allowed)?;
    // Leave a plain single file behind (no -wal to carry along).
    out.pragma_update(None, "journal_mode", "delete")?;
    out.close().map_err(|(_, e)| Error::from(e))
}

/// Replaces the whole content of the book behind `conn` with the backup at
/// `src`, after checking that it is a Baton book this version can open,
/// undamaged, whose schema is exactly a Baton book's of its version (a file
/// carrying triggers or views of its own is refused), then brings its schema
/// up to date. The replacement is one transaction on the book: it happens
/// entirely or not at all.
pub fn restore(conn: &mut Connection, src: &Path, job: Option<&Job>, check: RecordCheck) -> Result<()> {
    if !src.is_file() {
        return Err(Error::io(src, std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let not_a_book = |why: String| Error::NotABook {
        path: src.display().to_string(),
        why,
    };
    let backup = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let sqlite = |e: rusqlite::Error| not_a_book(format!("it is not a readable SQLite database: {e}"));
    let version = migrations::version(&backup).map_err(|e| not_a_book(e.to_string()))?;
    let app_id: i32 = backup
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sqlite)?;
    if version < 1 {
        return Err(not_a_book("it has no Baton schema".into()));
    }
    if version >= migrations::STAMPED && app_id != APPLICATION_ID {
        return Err(not_a_book("it is another program's SQLite database".into()));
    }
    migrations::refuse_newer(&backup)?;
    let ok: String = backup
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(sqlite)?;
    if ok != "ok" {
        return Err(not_a_book(format!("it is damaged ({ok})")));
    }
    if let Some(why) = schema_difference(&backup, version)? {
        return Err(not_a_book(why));
    }
    // Pages can be sound while their records are not (a flipped byte in a
    // text): the backup is brought up to date and checked record by record
    // in a private staging copy beside the book, and only a clean copy
    // replaces the book's content.
    let book = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from);
    let dir = book
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let prefix = format!(
        ".{}.restore-",
        book.as_deref()
            .and_then(Path::file_name)
            .map_or("baton".into(), |n| n.to_string_lossy())
    );
    remove_stale(&dir, &prefix);
    let staged = tempfile::Builder::new()
        .prefix(&prefix)
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    let mut copy = Connection::open(staged.path())?;
    copy.pragma_update(None, "journal_mode", "off")?;
    crate::store::register_functions(&copy)?;
    copy_pages(&backup, &mut copy, job, Cancel::Allowed)?;
    migrations::migrate(&mut copy)?;
    if let Some(problem) = check(&copy)? {
        return Err(not_a_book(format!("its records are damaged: {problem}")));
    }
    job::tick(job)?; // the last moment a cancel leaves the book untouched
    copy_pages(&copy, conn, job, Cancel::TooLate)?;
    // The copy was written with the journal off; the book keeps WAL.
    conn.pragma_update(None, "journal_mode", "wal")?;
    // New content, new name: what was kept in memory of the old content
    // (the revenue ranking, migration 21) is not taken for this.
    conn.execute(
        "UPDATE value_changes SET book = lower(hex(randomblob(16))), n = n + 1 WHERE id = 1",
        [],
    )?;
    drop(copy);
    drop(staged);
    Ok(())
}

/// Pages copied per step (and per job step): a few megabytes, so a cancel
/// is heard within a moment and progress moves on a big book.
pub const STEP_PAGES: i32 = 1024;

/// Whether a copy may still stop for a cancel.
#[derive(PartialEq)]
enum Cancel {
    Allowed,
    /// The copy writes the book: it finishes.
    TooLate,
}

/// Copies every page of `from` into `to`, [`STEP_PAGES`] at a time, one job
/// step each. Stopping early leaves `to` as it was (SQLite rolls back an
/// unfinished backup's write on the destination).
fn copy_pages(from: &Connection, to: &mut Connection, job: Option<&Job>, cancel: Cancel) -> Result<()> {
    use rusqlite::backup::StepResult;
    let backup = Backup::new(from, to)?;
    loop {
        let done = match backup.step(STEP_PAGES)? {
            StepResult::Done => true,
            StepResult::More => false,
            // Busy or locked: another connection holds a lock for a moment.
            _ => {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
        };
        if cancel == Cancel::Allowed {
            job::tick(job)?;
        } else {
            job::advance(job);
        }
        if done {
            return Ok(());
        }
    }
}

/// How many job steps copying `pages` pages takes.
fn steps(pages: u64) -> u64 {
    pages.div_ceil(STEP_PAGES as u64)
}

fn page_count(conn: &Connection) -> Result<u64> {
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    Ok(u64::try_from(pages).unwrap_or(0))
}

/// Removes staging copies a killed restore of this book left behind (the
/// writer's lock is held, so no other restore of it is running).
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The schema objects (tables, indexes, triggers, views) of `conn`, by
/// type and name, with their SQL; SQLite's own (`sqlite_%`) left out.
fn schema(conn: &Connection) -> Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Why `backup`'s schema differs from a fresh book's at `version`, if it does.
fn schema_difference(backup: &Connection, version: i64) -> Result<Option<String>> {
    let mut fresh = Connection::open_in_memory()?;
    crate::store::register_functions(&fresh)?;
    migrations::migrate_to(&mut fresh, version)?;
    let want = schema(&fresh)?;
    let got = schema(backup)?;
    if want == got {
        return Ok(None);
    }
    let describe = |(t, n, _): &(String, String, Option<String>)| format!("{t} {n}");
    let extra = got.iter().find(|o| !want.contains(o)).map(describe);
    let missing = want.iter().find(|o| !got.contains(o)).map(describe);
    Ok(Some(match (extra, missing) {
        (Some(x), _) => format!("its schema is not Baton's: it has {x} of its own"),
        (None, Some(m)) => format!("its schema is not Baton's: {m} is missing"),
        (None, None) => "its schema is not Baton's".into(),
    }))
}
