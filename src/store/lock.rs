//! One writer per book: the app's window, or one `baton` command that writes.
//!
//! SQLite itself keeps concurrent writers safe, but two windows editing the
//! same customer would silently overwrite each other's edits, and a CLI
//! import made while the app is open would be thrown away by the app's "undo
//! this import". So whoever writes holds an exclusive OS lock on
//! `<book>.lock` (the book's canonical path, so a symlink or `..` reaches the
//! same lock). The OS releases it when the process ends, even after a crash,
//! so a stale lock can never keep the user out. The holder writes who it is
//! into the file, so the one refused can be told.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Holds the exclusive lock on a book until dropped.
#[derive(Debug)]
pub struct BookLock {
    _file: File,
    path: PathBuf,
}

impl BookLock {
    /// Takes the lock for the book at `book` as `holder` (e.g. "the Baton
    /// app", "baton import"), or fails with [`Error::BookLocked`] naming
    /// the one who has it. The book's folder must exist.
    pub fn acquire(book: &Path, holder: &str) -> Result<Self> {
        let book = crate::files::guard::resolve(book).map_err(|e| match e {
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => Error::NoBook {
                path: book.display().to_string(),
                why: "its folder does not exist".into(),
            },
            other => other,
        })?;
        let mut name = book.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {
                // Who holds it, for whoever is refused. Best effort: the
                // lock itself is what counts.
                let me = format!(
                    "{holder} (process {}, since {})",
                    std::process::id(),
                    crate::clock::now()
                );
                let _ = file.set_len(0).and_then(|()| file.write_all(me.as_bytes()));
                let _ = file.rewind();
                Ok(BookLock { _file: file, path })
            }
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                Err(Error::BookLocked {
                    path: book.display().to_string(),
                    holder: if holder.is_empty() {
                        "another Baton".to_string()
                    } else {
                        holder.chars().take(200).collect()
                    },
                })
            }
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
