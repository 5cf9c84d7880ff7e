//! `baton check`: is the book sound?
//!
//! Runs SQLite's own integrity and foreign-key checks, then loads every
//! record through the domain types and re-validates it, and counts each kind.

use rusqlite::Connection;
use serde::Serialize;

use crate::book::kinds::RecordKind;
use crate::error::Result;

/// Records of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: RecordKind,
    /// Records not in the trash.
    pub live: i64,
    /// Records in the trash.
    pub trashed: i64,
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Per-kind counts.
    pub counts: Vec<KindCount>,
    /// Every problem found; empty when the book is sound.
    pub problems: Vec<String>,
}

impl CheckReport {
    /// True when no problem was found.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Most problems reported of one sort, so a badly damaged book gives a readable report.
const PROBLEMS_MAX: usize = 50;

/// Checks the book behind `conn`.
pub fn run(conn: &Connection) -> Result<CheckReport> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for line in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = line?;
        if line != "ok" {
            problems.push(format!("integrity: {line}"));
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let fk = stmt
        .query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} points to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?
        .take(PROBLEMS_MAX)
        .collect::<rusqlite::Result<Vec<_>>>()?;
    problems.extend(fk);

    let mut counts = Vec::new();
    for kind in RecordKind::ALL {
        let table = kind.table();
        let (live, trashed) = if kind.soft_deletes() {
            conn.query_row(
                &format!("SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(*) FILTER (WHERE deleted_at IS NOT NULL) FROM {table}"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        } else {
            (
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?,
                0,
            )
        };
        counts.push(KindCount {
            kind: *kind,
            live,
            trashed,
        });
        let mut found = 0;
        let loaded = kind.check_records(conn, |p| {
            found += 1;
            if found <= PROBLEMS_MAX {
                problems.push(p);
            }
        });
        if let Err(e) = loaded {
            problems.push(format!("{table}: a record cannot be read: {e}"));
        }
    }
    Ok(CheckReport { counts, problems })
}

impl KindCount {
    /// The table name of the kind, for display.
    pub fn table(&self) -> &'static str {
        self.kind.table()
    }
}

/// The first problem [`run`] finds, if any: what a restore asks of a backup
/// before it replaces the book ([`crate::store::backup::RecordCheck`]).
pub fn first_problem(conn: &Connection) -> Result<Option<String>> {
    Ok(run(conn)?.problems.into_iter().next())
}
