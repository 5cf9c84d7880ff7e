//! Read connections beside the writer.
//!
//! A book on disk is in WAL mode, where readers never wait for the writer
//! nor it for them. Reads therefore take a connection of their own from a
//! small pool instead of queueing on the writer's lock: a manager's report
//! or a handover export that reads for a minute leaves the card, the list
//! and search answering, and saves going through. Each read runs in one
//! read transaction, so everything it sees is one committed state even when
//! a write lands meanwhile.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use crate::error::Result;

/// Connections kept open between reads; more are opened while more reads
/// run at once. A customer's card asks for six at once (its checklist,
/// value, relationship card and scales, handover note and timeline): with
/// three kept, every card opened three readers, each parsing the schema
/// and starting with a cold cache, and dropped them again; the card's last
/// sections came ~100 ms late. Readers taken last are given first (a
/// stack), so the caches of the ones rarely needed stay small.
const KEPT: usize = 8;

/// Readers kept open once the book is left alone ([`Readers::release_memory`]):
/// each holds its own copy of the schema and its prepared statements,
/// about 1.5 MB, and the next card's six reads open the rest again, a
/// millisecond or two each.
const KEPT_IDLE: usize = 2;

/// 16 MiB of page cache per reader (the writer has 32): enough for the
/// indexes a list page or a card touches on a 100k-customer book.
const READER_CACHE_KIB: i64 = 16_384;

pub(super) struct Readers {
    path: PathBuf,
    /// The book itself is read-only (medium or file): readers open it the
    /// way the writer did, writing nothing beside it.
    read_only_book: bool,
    idle: Mutex<Vec<Connection>>,
    /// When a read last ended (the app frees the caches once reads stop).
    last_read: Mutex<std::time::Instant>,
    /// How many readers were ever opened.
    opened: std::sync::atomic::AtomicUsize,
}

impl Readers {
    pub(super) fn new(path: &Path, read_only_book: bool) -> Self {
        Readers {
            path: path.to_path_buf(),
            read_only_book,
            idle: Mutex::new(Vec::new()),
            last_read: Mutex::new(std::time::Instant::now()),
            opened: Default::default(),
        }
    }

    /// How many readers were ever opened (each one parses the schema and
    /// starts with a cold cache).
    #[cfg(test)]
    fn opened(&self) -> usize {
        self.opened.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Runs `f` on a reader inside one read transaction.
    pub(super) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = match self.take() {
            Some(c) => c,
            None => self.open()?,
        };
        conn.execute_batch("BEGIN DEFERRED")?;
        let out = f(&conn);
        self.end(conn);
        out
    }

    /// A reader whose read transaction has already taken its snapshot
    /// (a deferred BEGIN takes it at the first read): what it sees is the
    /// book as committed now, however long it is held.
    pub(super) fn begin_now(&self) -> Result<Reading<'_>> {
        let conn = match self.take() {
            Some(c) => c,
            None => self.open()?,
        };
        conn.execute_batch("BEGIN DEFERRED")?;
        let reading = Reading {
            readers: self,
            conn: Some(conn),
        };
        reading.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        Ok(reading)
    }

    /// Ends a reader's read transaction and pools it. Ending the read
    /// releases its snapshot, so the WAL can be checkpointed past it. A
    /// failure here leaves the connection in doubt: it is dropped rather
    /// than pooled.
    fn end(&self, conn: Connection) {
        if conn.execute_batch("COMMIT").is_ok() {
            self.give_back(conn);
        }
        *self.last_read.lock().unwrap_or_else(|p| p.into_inner()) = std::time::Instant::now();
    }

    /// When the last read ended.
    pub(super) fn last_read(&self) -> std::time::Instant {
        *self.last_read.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Frees the page caches of the readers not in use, closing all but
    /// the [`KEPT_IDLE`] used last: the next read finds the book's pages in
    /// the system's file cache (a copy each, microseconds) until its cache
    /// refills.
    pub(super) fn release_memory(&self) -> Result<()> {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        // The stack's top holds the readers used last.
        let surplus = idle.len().saturating_sub(KEPT_IDLE);
        idle.drain(..surplus);
        for conn in idle.iter() {
            conn.release_memory()?;
        }
        Ok(())
    }

    fn take(&self) -> Option<Connection> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }

    fn give_back(&self, conn: Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < KEPT {
            idle.push(conn);
        }
    }

    fn open(&self) -> Result<Connection> {
        self.opened.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let conn = if self.read_only_book {
            super::open::open_read_only(&self.path)?
        } else {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            Connection::open_with_flags(&self.path, flags)?
        };
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        super::keep_plans(&conn)?;
        conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
        super::register_functions(&conn)?;
        Ok(conn)
    }
}

/// A reader inside its read transaction (see [`Readers::begin_now`]); the
/// transaction ends when it is dropped.
pub(super) struct Reading<'r> {
    readers: &'r Readers,
    conn: Option<Connection>,
}

impl std::ops::Deref for Reading<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        // Only `drop` takes the connection out.
        self.conn
            .as_ref()
            .unwrap_or_else(|| unreachable!("a reading holds its connection until dropped"))
    }
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.readers.end(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Barrier};

    use super::Readers;

    /// `n` reads at once, each held until all of them have started.
    fn at_once(readers: &Arc<Readers>, n: usize) {
        let all = Arc::new(Barrier::new(n));
        let threads: Vec<_> = (0..n)
            .map(|_| {
                let (readers, all) = (readers.clone(), all.clone());
                std::thread::spawn(move || {
                    readers
                        .read(|c| {
                            all.wait();
                            Ok(c.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?)
                        })
                        .unwrap();
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
    }

    #[test]
    fn a_cards_reads_at_once_find_their_readers_open_the_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.db");
        drop(crate::Store::open(&path).unwrap());
        let readers = Arc::new(Readers::new(&path, false));
        // The card's sections ask for six reads at once.
        at_once(&readers, 6);
        let opened = readers.opened();
        assert_eq!(opened, 6);
        at_once(&readers, 6);
        assert_eq!(readers.opened(), opened, "the second card opened no reader");
    }
}
