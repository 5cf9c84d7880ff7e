//! Files Baton writes outside the book: reports, handover files, vCards,
//! rejected rows, backups.
//!
//! Two rules hold for every one of them, so they live here once:
//! - [`guard`]: an output never lands on the open book, the files SQLite keeps
//!   beside it (`-wal`, `-shm`, `-journal`), its lock or its backups;
//! - [`atomic`]: an output appears whole or not at all (written to a private
//!   temporary file beside the target, fsynced, renamed, the folder fsynced),
//!   and is readable by its owner only.

pub mod atomic;
pub mod content_line;
pub mod guard;
pub mod name;
pub mod perms;
pub mod workbook;

pub use atomic::{Replace, write_atomic};

/// Where the automatic backups of the book at `book` go: `<book>-backups/`
/// beside it. Known here, below the store, because no output file may land
/// in that folder either ([`Protected`]).
pub fn backups_dir_for(book: &std::path::Path) -> Option<std::path::PathBuf> {
    let stem = book.file_stem()?.to_string_lossy().to_string();
    Some(book.with_file_name(format!("{stem}-backups")))
}
pub use guard::Protected;
