//! The open book, held for the life of the window.

use std::path::PathBuf;

use baton::Store;
use baton::store::{BookLock, OpenMode};

use crate::error::{CmdResult, IpcError};

/// Which book to open: `--db PATH` (or `--db=PATH`), else `BATON_DB`, else the default.
pub fn book_path_from(mut args: impl Iterator<Item = String>) -> Result<PathBuf, baton::Error> {
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return Ok(PathBuf::from(path));
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return Ok(PathBuf::from(path));
        }
    }
    match std::env::var_os(baton::paths::DB_ENV) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        // The app's first run makes its own book's folder; a path the user
        // gave must already have one.
        _ => baton::paths::prepare_default_book(),
    }
}

/// The handover file the app was asked to open (`baton-app FILE.baton`, as
/// the desktop entry does for a double-clicked file): the first argument
/// that is neither a flag nor `--db`'s value.
pub fn file_to_open(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(arg) = args.next() {
        if arg == "--db" {
            args.next();
        } else if !arg.starts_with('-') && !arg.is_empty() {
            return Some(PathBuf::from(arg));
        }
    }
    None
}

/// Something the page should act on that did not start in the page.
#[derive(Debug, Clone, Copy, serde::Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageEvent {
    /// A reminder was clicked: show Today.
    OpenToday,
}

/// The app's state: the open book, or why it could not be opened.
pub struct AppState {
    book: Result<Store, IpcError>,
    path: String,
    /// The handover file the last preview opened (decrypted once): the
    /// import after it reads the same one instead of running scrypt again.
    pub opened_file: std::sync::Mutex<Option<baton::handover::OpenedFile>>,
    /// The long jobs running now (imports, exports, reports).
    pub jobs: crate::commands::app::jobs::Jobs,
    /// An open form holds unsaved changes: closing the window asks first.
    pub unsaved: std::sync::atomic::AtomicBool,
    /// The handover file the app was opened on, until the page takes it.
    pub file_to_open: std::sync::Mutex<Option<String>>,
    /// Where to tell the page what happened outside it (`app_events`).
    pub page: std::sync::Mutex<Option<tauri::ipc::Channel<PageEvent>>>,
    // Held, never read: dropping it would let a second window in.
    _lock: Option<BookLock>,
}

impl AppState {
    /// Locks and opens the book at `path`. Failure is kept, not fatal: the
    /// window opens and tells the user what went wrong.
    pub fn open(path: Result<PathBuf, baton::Error>) -> Self {
        let path = match path {
            Ok(p) => p,
            Err(e) => {
                return AppState {
                    book: Err(e.into()),
                    path: String::new(),
                    opened_file: Default::default(),
                    jobs: Default::default(),
                    page: Default::default(),
                    file_to_open: Default::default(),
                    unsaved: Default::default(),
                    _lock: None,
                };
            }
        };
        let shown = path.display().to_string();
        let lock = match BookLock::acquire(&path, "the Baton app") {
            Ok(lock) => Some(lock),
            // A book on a read-only medium cannot have a lock file beside
            // it: it is opened read-only below, so nobody writes it anyway.
            Err(e) if matches!(e.io_kind(), Some("read_only" | "permission")) && path.is_file() => None,
            Err(e) => {
                return AppState {
                    book: Err(e.into()),
                    path: shown,
                    opened_file: Default::default(),
                    jobs: Default::default(),
                    page: Default::default(),
                    file_to_open: Default::default(),
                    unsaved: Default::default(),
                    _lock: None,
                };
            }
        };
        // The app may start a new book (its first run); it never touches a
        // file that is not a Baton book. A read-only book opens for reading.
        let opening = std::time::Instant::now();
        let book = if lock.is_none() {
            Store::open_as(&path, OpenMode::Read)
        } else {
            match Store::open_as(&path, OpenMode::Create) {
                Err(e) if e.is_read_only() => Store::open_as(&path, OpenMode::Read),
                other => other,
            }
        };
        // For support: a slow start is often a slow open (a cold disk).
        tracing::info!(
            millis = opening.elapsed().as_millis() as u64,
            ok = book.is_ok(),
            "book opened"
        );
        AppState {
            book: book.map_err(IpcError::from),
            path: shown,
            opened_file: Default::default(),
            jobs: Default::default(),
            page: Default::default(),
            file_to_open: Default::default(),
            unsaved: Default::default(),
            _lock: lock,
        }
    }

    /// The open book, or the error that kept it closed.
    pub fn store(&self) -> CmdResult<&Store> {
        self.book.as_ref().map_err(Clone::clone)
    }

    /// Why the book could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&IpcError> {
        self.book.as_ref().err()
    }

    /// Sends `event` to the page, if it is listening.
    pub fn tell_page(&self, event: PageEvent) {
        if let Some(channel) = self.page.lock().unwrap_or_else(|p| p.into_inner()).as_ref()
            && let Err(e) = channel.send(event)
        {
            eprintln!("baton: could not tell the page: {e}");
        }
    }

    /// The book's path, as shown to the user.
    pub fn path(&self) -> &str {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::book_path_from;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter().map(|s| s.to_string()).collect::<Vec<_>>().into_iter()
    }

    #[test]
    fn a_double_clicked_file_is_the_argument_that_is_not_the_book() {
        use super::file_to_open;
        assert_eq!(
            file_to_open(args(&["/home/u/交接.baton"])),
            Some("/home/u/交接.baton".into())
        );
        assert_eq!(
            file_to_open(args(&["--db", "/a.db", "/h.baton"])),
            Some("/h.baton".into())
        );
        assert_eq!(file_to_open(args(&["--db", "/a.db"])), None);
        assert_eq!(file_to_open(args(&["--db=/a.db"])), None);
    }

    #[test]
    fn db_flag_wins_in_both_spellings() {
        assert_eq!(book_path_from(args(&["--db", "/a.db"])).ok(), Some("/a.db".into()));
        assert_eq!(book_path_from(args(&["x", "--db=/b.db"])).ok(), Some("/b.db".into()));
    }
}
