//! Deciding what a path holds before anything is written to it.
//!
//! A book is only ever a Baton book: the first migrations stamp
//! `PRAGMA application_id`, and a file is looked at through a read-only
//! connection first, so another program's SQLite file, a zero-length file or
//! a mistyped path is refused untouched (no WAL switch, no schema, no folder
//! created). Only the commands that create books (`demo`, imports, the app's
//! first run) may start a new one, and only in a folder that exists.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::migrations;
use crate::error::{Error, Result};

/// Baton's `PRAGMA application_id`: "BATN" in ASCII.
pub const APPLICATION_ID: i32 = 0x4241_544E;

/// How a command may open a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Start a new book if there is none (demo, imports, the app's first
    /// run). The folder must exist.
    Create,
    /// The book must exist and be writable.
    Existing,
    /// The book must exist; opened read-only when its file or medium cannot
    /// be written, so reading, exporting and backing up still work.
    Read,
}

/// What a path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    /// Nothing yet: a missing or zero-length file, or an SQLite file with no schema.
    Nothing,
    /// A Baton book at this schema version.
    Book(i64),
}

fn not_a_book(path: &Path, why: impl Into<String>) -> Error {
    Error::NotABook {
        path: path.display().to_string(),
        why: why.into(),
    }
}

/// The length of the file beside `path` named with `suffix` (`-wal`,
/// `-journal`), 0 when there is none.
fn len_beside(path: &Path, suffix: &str) -> u64 {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    std::fs::metadata(PathBuf::from(name)).map_or(0, |m| m.len())
}

/// Looks at `path` without writing anything to it.
pub(super) fn identify(path: &Path) -> Result<Found> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.is_dir() {
        return Err(not_a_book(path, "it is a folder"));
    }
    let wal_len = len_beside(path, "-wal");
    if meta.len() == 0 && wal_len == 0 {
        return Ok(Found::Nothing);
    }
    let conn = open_read_only(path)?;
    let sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_a_book(path, "it is not an SQLite database"),
        _ => Error::from(e),
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sqlite)?;
    let version = migrations::version(&conn)?;
    if app_id == APPLICATION_ID {
        return Ok(Found::Book(version));
    }
    if app_id != 0 {
        return Err(not_a_book(
            path,
            format!("it belongs to another program (application id {app_id:#x})"),
        ));
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sqlite)?;
    if tables == 0 && version == 0 {
        return Ok(Found::Nothing);
    }
    // Books made before the id was stamped: versions below the stamping
    // migration with Baton's first tables. Anything else is someone else's.
    let ours: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('customers', 'people')",
        [],
        |r| r.get(0),
    )?;
    if (1..migrations::STAMPED).contains(&version) && ours == 2 {
        return Ok(Found::Book(version));
    }
    Err(not_a_book(path, "it is another program's SQLite database"))
}

/// A read-only connection that writes nothing, not even the `-shm` file when
/// the folder is read-only: then the file is opened as immutable, which is
/// only safe when no `-wal` holds committed pages, so that case is refused.
pub(super) fn open_read_only(path: &Path) -> Result<Connection> {
    let journal_len = roll_back_cut_write(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let probe = |c: &Connection| c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0));
    let plain = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let first = Connection::open_with_flags(path, plain);
    let failure = match first {
        Ok(c) => match probe(&c) {
            Ok(_) => return Ok(c),
            Err(e) => e,
        },
        Err(e) => e,
    };
    let retry = matches!(
        failure.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    );
    let wal_len = len_beside(path, "-wal");
    if journal_len > 0 && retry {
        return Err(Error::Corrupt(format!(
            "the book {} holds a write that was cut off (its -journal file), which can only be undone \
             where the book can be written: copy the book and its -journal file to a folder you can \
             write to and open it there",
            path.display()
        )));
    }
    if !retry || wal_len > 0 {
        return Err(match failure.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => not_a_book(path, "it is not an SQLite database"),
            _ => Error::ReadOnly {
                path: path.display().to_string(),
            },
        });
    }
    let c = Connection::open_with_flags(immutable_uri(path), flags)?;
    probe(&c)?;
    Ok(c)
}

/// A write cut off half-way through a rollback journal (the demo's fill of
/// an empty book writes with one: `Store::fill_empty`) left the file
/// half-written and the `-journal` file holding the pages it replaced. Only
/// a connection that may write can put them back (SQLite does it as it
/// first reads the file); read-only, the file would be read as the write
/// left it. So a book with a journal beside it is read once read-write,
/// which rolls the journal back if it is hot (a journal a live writer
/// holds is only waited for); the file is then its last committed state,
/// as any SQLite program would leave it. The journal's length after, 0
/// once it is undone, or when the file cannot be opened for writing.
fn roll_back_cut_write(path: &Path) -> Result<u64> {
    if len_beside(path, "-journal") == 0 {
        return Ok(0);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if let Ok(conn) = Connection::open_with_flags(path, flags) {
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    }
    Ok(len_beside(path, "-journal"))
}

/// `path` as an SQLite `file:` URI marked immutable (`?`, `#` and `%` in a
/// folder name escaped, so they are not taken for a query).
fn immutable_uri(path: &Path) -> String {
    let mut out = String::from("file:");
    for ch in path.to_string_lossy().chars() {
        match ch {
            '?' | '#' | '%' => out.push_str(&format!("%{:02X}", ch as u32)),
            _ => out.push(ch),
        }
    }
    out.push_str("?immutable=1");
    out
}

/// Whether the book at `path` must be treated as read-only: its permission
/// bits say so, or the file or its medium refuses to be opened for writing.
pub(super) fn is_read_only(path: &Path) -> bool {
    if crate::files::perms::marked_read_only(path) {
        return true;
    }
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => false,
        Err(e) => matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stamping_migration_sets_our_application_id() {
        let (name, sql) = super::migrations::MIGRATIONS[super::migrations::STAMPED as usize - 1];
        assert!(name.contains("application_id"), "{name}");
        assert!(
            sql.contains(&format!("application_id = {}", super::APPLICATION_ID)),
            "{sql}"
        );
    }
}
