//! Backups of a live book, and restoring one.
//!
//! Both use SQLite's online backup API, never a file copy: a copy of a live
//! WAL book can miss committed pages still in the WAL, or catch a write
//! half-way. A backup is a complete, standalone book file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::store::{Store, migrations};

/// The default place for automatic backups: `<book>-backups/` beside it
/// (`None` for an in-memory book).
pub fn default_dir(store: &Store) -> Option<PathBuf> {
    let book = store.path()?;
    let stem = book.file_stem()?.to_string_lossy().to_string();
    Some(book.with_file_name(format!("{stem}-backups")))
}

/// Takes the automatic backup before an import (`what` names it:
/// `before-import-…`, `before-sheet-import-…`) in `dir` or the default
/// place; returns its path, or `None` for an in-memory book.
pub fn before(store: &Store, what: &str, dir: Option<PathBuf>) -> Result<Option<String>> {
    let Some(dir) = dir.or_else(|| default_dir(store)) else {
        return Ok(None);
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let stamp = crate::clock::now().replace([':', '.'], "-");
    let file = dir.join(format!("before-{what}-{stamp}.db"));
    store.read(|c| snapshot(c, &file))?;
    Ok(Some(file.display().to_string()))
}

/// Writes a consistent copy of the book behind `conn` to `dest` (which must
/// not exist yet: a backup never overwrites a file).
pub fn snapshot(conn: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(Error::Exists(dest.display().to_string()));
    }
    let mut out = Connection::open(dest)?;
    Backup::new(conn, &mut out)?.run_to_completion(256, Duration::ZERO, None)?;
    // Leave a plain single file behind (no -wal to carry along).
    out.pragma_update(None, "journal_mode", "delete")?;
    Ok(())
}

/// Replaces the whole content of the book behind `conn` with the backup at
/// `src`, after checking that it is a Baton book this version can open, then
/// brings its schema up to date. The replacement is one transaction on the
/// book: it happens entirely or not at all.
pub fn restore(conn: &mut Connection, src: &Path) -> Result<()> {
    if !src.is_file() {
        return Err(Error::io(src, std::io::Error::from(std::io::ErrorKind::NotFound)));
    }
    let backup = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let not_a_book = |why: String| Error::Corrupt(format!("{} is not a Baton backup: {why}", src.display()));
    let version = migrations::version(&backup).map_err(|e| not_a_book(e.to_string()))?;
    if version < 1 {
        return Err(not_a_book("it has no Baton schema".into()));
    }
    migrations::refuse_newer(&backup)?;
    let ok: String = backup
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_a_book(e.to_string()))?;
    if ok != "ok" {
        return Err(not_a_book(format!("it is damaged ({ok})")));
    }
    Backup::new(&backup, conn)?.run_to_completion(256, Duration::ZERO, None)?;
    migrations::migrate(conn)?;
    Ok(())
}
