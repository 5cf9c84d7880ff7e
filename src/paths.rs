//! Where the default book lives.
//!
//! Only the command-line tool and the desktop shell call this; the rest of the
//! core takes paths as arguments. Both must agree, so the rule is in one place.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// Environment variable that points both the app and the tool at another book.
pub const DB_ENV: &str = "BATON_DB";

/// The default book: `baton.db` in the user's data directory
/// (`~/.local/share/baton/` on Linux).
pub fn default_book() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "baton").ok_or_else(|| Error::Io {
        path: "~".into(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "no home directory to keep the book in"),
    })?;
    Ok(dirs.data_dir().join("baton.db"))
}

/// The default book, its folder created (owner-only) if this is the first
/// run. Only the default book's folder is ever created: a path the user
/// typed must exist, so a typo does not start a book somewhere unexpected.
pub fn prepare_default_book() -> Result<PathBuf> {
    let book = default_book()?;
    if let Some(dir) = book.parent() {
        crate::files::perms::create_private_dir(dir)?;
    }
    Ok(book)
}

/// Where to suggest saving files the user takes elsewhere (handover files):
/// the Documents folder, else the home folder, else the current directory.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(PathBuf::from)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}
