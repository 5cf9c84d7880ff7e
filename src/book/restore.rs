//! Restoring a backup into the book, with every record checked first.
//!
//! The store copies the pages and keeps the safety copy; it cannot check
//! the records of every kind itself (the registry sits above the domains),
//! so these are the entries the app and the CLI call: each hands the
//! store [`check::first_problem`].

use std::path::Path;

use crate::book::check;
use crate::error::Result;
use crate::job::Job;
use crate::store::{Store, backup};

/// Undoes the last import (see [`Store::undo_import`]).
pub fn undo_import(store: &Store) -> Result<()> {
    store.undo_import(check::first_problem)
}

/// Replaces the book's content with the backup at `file` (see
/// [`Store::restore_from`]).
pub fn from_file(store: &Store, file: &Path, job: Option<&Job>) -> Result<()> {
    store.restore_from(file, job, check::first_problem)
}

/// Restores `file` after a safety copy of the book (see
/// [`backup::restore_undoably`]).
pub fn undoably(store: &Store, file: &Path, job: Option<&Job>) -> Result<Option<String>> {
    backup::restore_undoably(store, file, job, check::first_problem)
}

/// Restores the backup `name` of the book's backups folder (see
/// [`backup::restore_named`]).
pub fn named(store: &Store, name: &str, job: Option<&Job>) -> Result<Option<String>> {
    backup::restore_named(store, name, job, check::first_problem)
}
