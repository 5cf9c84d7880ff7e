//! One Baton window per book.
//!
//! SQLite itself keeps concurrent writers safe, but two windows editing the
//! same customer would silently overwrite each other's edits. The desktop app
//! therefore holds an exclusive OS lock on `<book>.lock` while it runs; the OS
//! releases it when the process ends, even after a crash, so a stale lock
//! can never keep the user out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Holds the exclusive lock on a book until dropped.
#[derive(Debug)]
pub struct BookLock {
    _file: File,
    path: PathBuf,
}

impl BookLock {
    /// Takes the lock for the book at `book`, or fails with [`Error::BookLocked`].
    pub fn acquire(book: &Path) -> Result<Self> {
        let mut name = book.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(BookLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::BookLocked {
                path: book.display().to_string(),
            }),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
