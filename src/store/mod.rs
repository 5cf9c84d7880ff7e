//! Opening a book: the connection, its pragmas, migrations and the lock.
//!
//! [`Store::open`] and [`Store::open_in_memory`] share one path, so tests run
//! exactly the migrations a user's book does. The writing connection sits
//! behind a `Mutex` held for one write at a time (SQLite serialises writers
//! anyway); reads of a book on disk take their own connections
//! ([`readers`]), so a long report never holds up a card or a save.

pub mod backup;
pub mod kept_scores;
pub mod search_index;

pub(crate) mod bulk_fill;
mod import;
mod lock;
pub mod migrations;
mod money_sum;
mod open;
mod readers;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
pub use import::ImportWrite;
pub use lock::BookLock;
pub use open::{APPLICATION_ID, OpenMode};

/// How long a write waits for another connection (the CLI, a backup) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How long [`Store::read_both`] waits for another program's write to
/// end before reading both halves on one connection instead.
const PAIR_WAIT: Duration = Duration::from_millis(250);

/// How every write begins: with the write lock, waiting up to
/// [`BUSY_TIMEOUT`] for another connection's write to end. A deferred
/// write starts as a read, and a read cannot wait for the lock: it failed
/// at once with "database is locked" whenever another program (the CLI
/// beside the app) was writing.
pub(crate) const IMMEDIATE: rusqlite::TransactionBehavior = rusqlite::TransactionBehavior::Immediate;

/// The writer's page cache, KiB.
const CACHE_KIB: i64 = 32 * 1024;

/// The page cache of a bulk write, KiB: an upper bound, taken only as
/// pages are read (a 200-customer demo stays small). The memory stays with
/// the process afterwards (the allocator keeps what SQLite frees), so it
/// is kept modest: building the 100k demo book took 149.6 s and 1.43 GB
/// with 1 GiB, 163.8 s and 595 MB with this. Records written in id order
/// (as the app and the demo write them) touch few pages at a time.
pub const BULK_CACHE_KIB: i64 = 256 * 1024;

/// Prepared statements kept per connection (rusqlite keeps 16): the
/// report's pass over every customer alone runs a few dozen.
const STATEMENT_CACHE: usize = 64;

/// Keeps each prepared statement prepared, whatever is bound to it: every
/// connection's statement cache, and SQLite's query-planner stability
/// guarantee. Without it, a statement whose plan SQLite had checked
/// against a bound value (STAT4 samples, a partial index's condition) was
/// parsed and planned again each time a new value was bound: half the
/// time of the report's pass over the customers (issue 18) went to
/// re-preparing the same few per-customer reads.
pub(crate) fn keep_plans(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// SQL functions the schema's triggers call (migration 8: the search index
/// stores pinyin initials of names and the character-pair tokens). Registered on every connection before
/// migrations run; a tool without them (the sqlite3 shell) cannot write to
/// customers or people, which keeps it from leaving the index stale.
pub fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "baton_initials",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| crate::sort_key::initials(&t)).unwrap_or_default())
        },
    )?;
    conn.create_scalar_function(
        "baton_grams",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text = |i: usize| ctx.get::<Option<String>>(i).map(Option::unwrap_or_default);
            Ok(search_index::grams(&text(0)?, &text(1)?, &text(2)?))
        },
    )?;
    conn.create_scalar_function(
        "baton_digits",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| digits_form(&t)).unwrap_or_default())
        },
    )?;
    // The key board's scores, kept on the customer (migration 19).
    conn.create_scalar_function(
        "baton_scores",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let json: Option<String> = ctx.get(0)?;
            json.map(|j| kept_scores::compact_scores(&j))
                .transpose()
                .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
        },
    )?;
    // The list sorts owners, regions and industries as it sorts names.
    conn.create_scalar_function(
        "baton_sort_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| crate::sort_key::sort_key(&t)).unwrap_or_default())
        },
    )?;
    money_sum::register(conn)?;
    Ok(())
}

/// A phone number's digits alone, so "15080179467" finds "150 8017 9467"
/// and "+86 150-8017-9467" (migration 15 indexes both forms). Empty when
/// the text has under five digits or already is its digits.
pub fn digits_form(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 5 || digits == text.trim() {
        String::new()
    } else {
        digits
    }
}

/// See [`Store::change_stamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    /// `PRAGMA data_version`: moves when another connection commits.
    others: i64,
    /// `total_changes()`: moves when this connection writes.
    ours: i64,
}

/// An open customer book.
pub struct Store {
    conn: Mutex<Connection>,
    /// Read connections of a book on disk; none in memory, where reads use
    /// the one connection there is.
    readers: Option<readers::Readers>,
    last_import: import::LastImport,
    /// When the last write committed: the search indexes are tidied only
    /// once the book has been quiet a while (see [`Store::tidy_search`]).
    last_write: Mutex<std::time::Instant>,
    /// Changes the tidying made (`total_changes()` counts them), left out
    /// of the change stamp: merging index segments changes no record, and
    /// must not end "undo this import".
    tidy_changes: std::sync::atomic::AtomicI64,
    path: Option<PathBuf>,
    read_only: bool,
}

impl Store {
    /// Opens the book at `path`, starting a new one if there is none (the
    /// folder must exist), and brings its schema up to date.
    /// Same as [`Store::open_as`] with [`OpenMode::Create`].
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_as(path, OpenMode::Create)
    }

    /// Opens the book at `path` as `mode` allows.
    ///
    /// Nothing is written to a file that is not a Baton book
    /// ([`Error::NotABook`]), to a book from a newer Baton
    /// ([`Error::NewerSchema`]), or (outside [`OpenMode::Create`]) to a
    /// missing or empty path ([`Error::NoBook`]).
    pub fn open_as(path: &Path, mode: OpenMode) -> Result<Self> {
        let shown = || path.display().to_string();
        let found = open::identify(path)?;
        if found == open::Found::Nothing {
            if mode != OpenMode::Create {
                let why = if path.exists() {
                    "the file is empty"
                } else {
                    "no such file"
                };
                return Err(Error::NoBook {
                    path: shown(),
                    why: why.into(),
                });
            }
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !dir.is_dir() {
                return Err(Error::NoBook {
                    path: shown(),
                    why: format!("its folder {} does not exist", dir.display()),
                });
            }
        }
        if let open::Found::Book(found) = found
            && found > migrations::latest()
        {
            return Err(Error::NewerSchema {
                found,
                supported: migrations::latest(),
            });
        }
        let exists = found != open::Found::Nothing;
        if exists && open::is_read_only(path) {
            if mode != OpenMode::Read {
                return Err(Error::ReadOnly { path: shown() });
            }
            return Self::open_read_only(path);
        }
        if !exists && !path.exists() {
            // Made owner-only before SQLite opens it: SQLite gives the -wal
            // and -shm files the book's own permissions when it creates them.
            crate::files::perms::create_private_file(path)?;
        }
        let mut flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        if mode == OpenMode::Create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let opened = Connection::open_with_flags(path, flags)
            .map_err(Error::from)
            .and_then(|conn| Self::prepare(conn, Some(path.to_path_buf())));
        match opened {
            Err(e) if mode == OpenMode::Read && e.is_read_only() => Self::open_read_only(path),
            Err(e) if e.is_read_only() => Err(Error::ReadOnly { path: shown() }),
            Ok(store) => {
                if !exists {
                    // A new book holds private data: owner-only from the start.
                    crate::files::perms::owner_only_file(path)?;
                }
                Ok(store)
            }
            Err(e) => Err(e),
        }
    }

    /// A read-only book: no pragma that writes, no migration. A book that
    /// would need upgrading first cannot be read this way.
    fn open_read_only(path: &Path) -> Result<Self> {
        let conn = open::open_read_only(path)?;
        if migrations::version(&conn)? < migrations::latest() {
            return Err(Error::ReadOnly {
                path: path.display().to_string(),
            });
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        keep_plans(&conn)?;
        register_functions(&conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            readers: Some(readers::Readers::new(path, true)),
            last_import: Default::default(),
            last_write: Mutex::new(std::time::Instant::now()),
            tidy_changes: Default::default(),
            path: Some(path.to_path_buf()),
            read_only: true,
        })
    }

    /// Opens a fresh book in memory, with the same migrations as a file.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        // Refuse a newer book before any pragma: switching the journal mode
        // would already rewrite its header.
        migrations::refuse_newer(&conn)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        keep_plans(&conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // 32 MiB of page cache (the default is 2 MiB): a 100k-customer book's
        // indexes stay in memory; bulk writes take more (see `bulk`).
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        // A write whose triggers touch other tables keeps a statement
        // journal (the pages it changed, to undo just that statement).
        // SQLite keeps it in a file under /var/tmp by default: every page
        // a write touched went through the kernel twice, most of a bulk
        // load's time, and the book's text sat in a file outside its
        // folder. In memory it is a few pages per ordinary write.
        conn.pragma_update(None, "temp_store", "memory")?;
        if path.is_some() {
            // WAL: readers never block the writer, and a crash mid-write
            // leaves the last committed state.
            let mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Corrupt(format!("could not switch the book to WAL (got {mode})")));
            }
            // FULL: each commit is fsynced to the WAL, so a saved edit
            // survives a power cut, not only a crash of the app.
            conn.pragma_update(None, "synchronous", "full")?;
        }
        register_functions(&conn)?;
        migrations::migrate(&mut conn)?;
        // Refreshes the planner's statistics when they are missing or stale
        // (cheap; SQLite's recommendation for long-lived connections), so
        // filters pick the right index on a big book.
        conn.execute_batch("PRAGMA optimize = 0x10002;")?;
        Ok(Store {
            conn: Mutex::new(conn),
            readers: path.as_deref().map(|p| readers::Readers::new(p, false)),
            last_import: Default::default(),
            last_write: Mutex::new(std::time::Instant::now()),
            tidy_changes: Default::default(),
            path,
            read_only: false,
        })
    }

    /// Whether the book was opened read-only (writes fail with [`Error::ReadOnly`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The book's file, or `None` for an in-memory book.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Locks the connection for one operation.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent
        // (transactions roll back on drop), so a poisoned lock is safe to reuse.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// [`Store::write`] for a write of thousands of records (the demo):
    /// the page cache grows to [`BULK_CACHE_KIB`] for it, so the indexes
    /// it fills are not written out and read back again and again before
    /// the commit, then shrinks back.
    pub fn write_bulk<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        self.bulk(|| self.write(f))
    }

    /// Runs `f` with the bulk page cache, then shrinks it back (SQLite
    /// frees the pages over the smaller limit).
    pub(crate) fn bulk<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.conn().pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let out = f();
        let shrunk = self.conn().pragma_update(None, "cache_size", -CACHE_KIB);
        let out = out?;
        shrunk?;
        Ok(out)
    }

    /// Runs `f` inside one transaction: all of it is written, or none.
    pub fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        self.writable()?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(IMMEDIATE)?;
        let out = f(&tx)?;
        // The search indexes catch up with whatever `f` wrote, in the same
        // transaction: a committed book is always fully indexed.
        crate::store::search_index::sync(&tx)?;
        tx.commit()?;
        self.wrote();
        Ok(out)
    }

    /// Notes a committed write (the tidying waits for quiet).
    fn wrote(&self) {
        *self.last_write.lock().unwrap_or_else(|p| p.into_inner()) = std::time::Instant::now();
    }

    /// How long since the last write committed through this store.
    pub fn quiet_for(&self) -> Duration {
        self.last_write.lock().unwrap_or_else(|p| p.into_inner()).elapsed()
    }

    /// When this store was last used: the last write committed or read
    /// ended (on the read connections; a book in memory has only writes).
    pub fn last_used(&self) -> std::time::Instant {
        let wrote = *self.last_write.lock().unwrap_or_else(|p| p.into_inner());
        match &self.readers {
            Some(readers) => wrote.max(readers.last_read()),
            None => wrote,
        }
    }

    /// Frees the page caches of every connection not in use (the app does
    /// this once the book has been left alone a few seconds; see
    /// `src-tauri/src/idle_memory.rs`). A write under way keeps its cache:
    /// this never waits for it. What is cached is only a copy of the
    /// file; nothing in the book changes.
    pub fn release_memory(&self) -> Result<()> {
        if let Ok(writer) = self.conn.try_lock()
            && writer.is_autocommit()
        {
            writer.release_memory()?;
        }
        match &self.readers {
            Some(readers) => readers.release_memory(),
            None => Ok(()),
        }
    }

    /// One bounded step of merging the search indexes' segments (at most
    /// `pages` pages per index), in a transaction of its own; true while
    /// there is more to merge. Writes never merge (they would stutter):
    /// the app calls this when the book is quiet, the CLI after a write
    /// command. Searching finds the same either way; merging keeps it fast.
    pub fn tidy_search(&self, pages: i64) -> Result<bool> {
        self.writable()?;
        let mut conn = self.conn();
        let before = conn.total_changes();
        let tx = conn.transaction_with_behavior(IMMEDIATE)?;
        let more = crate::store::search_index::tidy(&tx, pages)?;
        tx.commit()?;
        let made = i64::try_from(conn.total_changes() - before).unwrap_or(i64::MAX);
        self.tidy_changes.fetch_add(made, std::sync::atomic::Ordering::Relaxed);
        Ok(more)
    }

    /// Fails with [`Error::ReadOnly`] on a read-only book, naming it.
    pub fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            });
        }
        Ok(())
    }

    /// The files no output may replace: this book and what belongs to it.
    pub fn protected(&self) -> crate::files::Protected {
        match &self.path {
            Some(p) => crate::files::Protected::of_book(p),
            None => crate::files::Protected::none(),
        }
    }

    /// A stamp that changes whenever anything is committed to the book, by
    /// this connection or any other (the CLI, another program): "undo this
    /// import" compares it with the stamp taken right after the import.
    pub fn change_stamp(&self) -> Result<ChangeStamp> {
        let conn = self.conn();
        let others: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        let ours: i64 = conn.query_row("SELECT total_changes()", [], |r| r.get(0))?;
        let tidied = self.tidy_changes.load(std::sync::atomic::Ordering::Relaxed);
        Ok(ChangeStamp {
            others,
            ours: ours - tidied,
        })
    }

    /// Runs `f` with a read-only view of the book: one committed state,
    /// on a read connection of its own, so it waits for no write and no
    /// other read.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        match &self.readers {
            Some(readers) => readers.read(f),
            None => f(&self.conn()),
        }
    }

    /// Runs `first` here and `second` on a thread of its own at the same
    /// time, each on a read connection of its own, both seeing the same
    /// committed state: one read split in two (the workbook's sheets).
    /// With one connection (a book in memory), or while a write (this
    /// store's or another program's) holds the book's write lock, they run
    /// one after the other on one reader instead: a read never waits.
    /// The outer error is failing to start; then each part's own outcome.
    pub fn read_both<A, B: Send>(
        &self,
        first: impl FnOnce(&Connection) -> Result<A>,
        second: impl FnOnce(&Connection) -> Result<B> + Send,
    ) -> Result<(Result<A>, Result<B>)> {
        let Some(readers) = &self.readers else {
            let conn = self.conn();
            return Ok((first(&conn), second(&conn)));
        };
        let Some((one, two)) = self.begin_pair(readers)? else {
            return readers.read(|c| Ok((first(c), second(c))));
        };
        Ok(std::thread::scope(|scope| {
            let other = scope.spawn(move || second(&two));
            let done = first(&one);
            let other = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (done, other)
        }))
    }

    /// Two readers on the same commit. Both take their snapshots while
    /// this holds the book's write lock, so no commit (from this process
    /// or another) can land between them; a read-only book has no writer.
    /// `None` when a write of this store is under way, or another program
    /// kept the lock for [`PAIR_WAIT`].
    fn begin_pair<'r>(
        &self,
        readers: &'r readers::Readers,
    ) -> Result<Option<(readers::Reading<'r>, readers::Reading<'r>)>> {
        if self.read_only {
            return Ok(Some((readers.begin_now()?, readers.begin_now()?)));
        }
        // A write of this store under way (an import) is not waited for.
        let writer = match self.conn.try_lock() {
            Ok(writer) => writer,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return Ok(None),
        };
        writer.busy_timeout(PAIR_WAIT)?;
        let locked = writer.execute_batch("BEGIN IMMEDIATE").map_err(Error::from);
        writer.busy_timeout(BUSY_TIMEOUT)?;
        match locked {
            Err(e) if e.is_busy() => return Ok(None),
            other => other?,
        }
        let pair = readers.begin_now().and_then(|one| Ok((one, readers.begin_now()?)));
        let ended = writer.execute_batch("ROLLBACK");
        let pair = pair?;
        ended?;
        Ok(Some(pair))
    }
}
