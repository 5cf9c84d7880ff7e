//! The paths no output may replace: the open book and what belongs to it.
//!
//! Compared by canonical path (symlinks and `..` resolved) and, on Unix, by
//! device and inode too, so a hard link to the book is caught as well.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The files of one book that outputs must never replace.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    /// The book itself and SQLite's companions and our lock beside it.
    files: Vec<PathBuf>,
    /// The backups folder: no existing file in it may be replaced.
    backups: Option<PathBuf>,
}

/// The companions of a book file: `-wal`, `-shm`, `-journal`, `.lock`.
fn companions(book: &Path) -> Vec<PathBuf> {
    let mut out = vec![book.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal", ".lock"] {
        let mut name = book.as_os_str().to_owned();
        name.push(suffix);
        out.push(PathBuf::from(name));
    }
    out
}

/// `path` with its folder resolved (the file itself may not exist yet).
/// A missing folder is an error naming it: nothing is created on the way.
pub fn resolve(path: &Path) -> Result<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Ok(p);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| {
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
        )
    })?;
    let dir = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    Ok(dir.join(name))
}

impl Protected {
    /// Nothing protected (an in-memory book).
    pub fn none() -> Self {
        Self::default()
    }

    /// The files of the book at `book`.
    pub fn of_book(book: &Path) -> Self {
        let book = book.canonicalize().unwrap_or_else(|_| book.to_path_buf());
        let backups = super::backups_dir_for(&book);
        Protected {
            files: companions(&book),
            backups: backups.and_then(|b| b.canonicalize().ok()),
        }
    }

    /// The files of the book `conn` has open (nothing for an in-memory one).
    pub fn of_conn(conn: &Connection) -> Self {
        match conn.path() {
            Some(p) if !p.is_empty() => Self::of_book(Path::new(p)),
            _ => Self::none(),
        }
    }

    /// Fails with [`Error::Protected`] if writing `out` would replace one
    /// of these files. Returns `out` resolved.
    pub fn check(&self, out: &Path) -> Result<PathBuf> {
        let resolved = resolve(out)?;
        let refuse = || Error::Protected {
            path: out.display().to_string(),
        };
        if self.files.contains(&resolved) {
            return Err(refuse());
        }
        if resolved.exists() {
            if let Some(b) = &self.backups
                && resolved.parent() == Some(b.as_path())
            {
                return Err(refuse());
            }
            if self.files.iter().any(|f| same_file(f, &resolved)) {
                return Err(refuse());
            }
        }
        Ok(resolved)
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}
