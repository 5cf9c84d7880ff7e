//! The one way an import writes a book, and undoing it.
//!
//! A handover import and a sheet or vCard import each write many records at
//! once. [`Store::import`] is their single path: a backup first (unless it is
//! a dry run or nothing will be written), one transaction, the search index
//! brought up to date inside it, and a commit — or, for a dry run, a
//! rollback after the work so the report counts exactly what would happen.
//! The backup is remembered with the book's change stamp: "undo this
//! import" restores it until anything else is written.

use std::path::PathBuf;
use std::sync::Mutex;

use rusqlite::Transaction;

use super::{ChangeStamp, Store};
use crate::error::{Error, Result};

/// How an import writes.
#[derive(Debug, Clone, Default)]
pub struct ImportWrite {
    /// Names the backup: `before-<what>-<time>.db`.
    pub what: &'static str,
    /// Do the work, report it, write nothing.
    pub dry_run: bool,
    /// Something will be written: take a backup first.
    pub backup: bool,
    /// Where the backup goes (default: beside the book).
    pub backup_dir: Option<PathBuf>,
}

/// The backup taken before the last import, and the change stamp right
/// after it.
#[derive(Default)]
pub(super) struct LastImport(Mutex<Option<(PathBuf, ChangeStamp)>>);

impl Store {
    /// Runs `f` as an import (see the module). Returns `f`'s result and
    /// the backup's path, if one was taken. A failure or a cancel rolls
    /// back: the book is as it was.
    pub fn import<T>(
        &self,
        how: &ImportWrite,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<(T, Option<String>)> {
        if !how.dry_run {
            self.writable()?;
        }
        let backup = if how.dry_run || !how.backup {
            None
        } else {
            crate::store::backup::before(self, how.what, how.backup_dir.clone())?
        };
        // An import may be a whole book (a handover): the bulk cache.
        let out = self.bulk(|| {
            let mut conn = self.conn();
            // A dry run only reads (a read-only book may be dry-run).
            let behavior = if how.dry_run {
                rusqlite::TransactionBehavior::Deferred
            } else {
                super::IMMEDIATE
            };
            let tx = conn
                .transaction_with_behavior(behavior)
                .map_err(|e| self.busy(e.into()))?;
            let out = f(&tx).map_err(|e| self.busy(e))?;
            if how.dry_run {
                tx.rollback()?;
            } else {
                crate::store::search_index::sync(&tx).map_err(|e| self.busy(e))?;
                tx.commit().map_err(|e| self.busy(e.into()))?;
                self.wrote();
            }
            Ok(out)
        })?;
        if let Some(b) = &backup {
            let stamp = self.change_stamp()?;
            *self.last_import.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((b.into(), stamp));
        }
        Ok((out, backup))
    }

    /// The backup "undo the last import" would restore: `None` when there
    /// was no import, or anything was written since.
    pub fn undo_import_target(&self) -> Result<Option<PathBuf>> {
        let last = self.last_import.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
        match last {
            Some((backup, stamp)) if stamp == self.change_stamp()? => Ok(Some(backup)),
            _ => Ok(None),
        }
    }

    /// Undoes the last import by restoring the backup taken before it.
    /// Refused once anything else was written (the backup would lose that
    /// work).
    pub fn undo_import(&self, check: crate::store::backup::RecordCheck) -> Result<()> {
        let Some(backup) = self.undo_import_target()? else {
            return Err(Error::NotEmpty(
                "the book changed after the import; restore the backup from the backups folder instead".into(),
            ));
        };
        self.restore_from(&backup, None, check)
    }

    /// Replaces the book's content with the backup at `file` (see
    /// [`crate::store::backup::restore`]); an import before it can no longer be
    /// undone.
    pub fn restore_from(
        &self,
        file: &std::path::Path,
        job: Option<&crate::job::Job>,
        check: crate::store::backup::RecordCheck,
    ) -> Result<()> {
        self.writable()?;
        crate::store::backup::restore(&mut self.conn(), file, job, check)?;
        *self.last_import.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(())
    }

    /// A busy book is reported as such, naming it, never as a file problem.
    pub(crate) fn busy(&self, e: Error) -> Error {
        if e.is_busy() {
            Error::Busy {
                path: self.path().map(|p| p.display().to_string()).unwrap_or_default(),
            }
        } else {
            e
        }
    }
}
