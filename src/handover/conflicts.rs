//! The conflict log: every version an import replaced or refused, kept whole
//! so the user can compare the two and decide by hand.

use rusqlite::{Connection, Row, params};
use serde::Serialize;

use crate::book::kinds::RecordKind;
use crate::clock;
use crate::error::{Error, Result};

/// One logged conflict, with the record's current version beside the other.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct LoggedConflict {
    /// The log entry.
    pub id: String,
    /// The record kind's name.
    pub kind: String,
    /// The record.
    pub record_id: String,
    /// Which version the import kept: `book` or `file`.
    pub kept: String,
    /// The other version, whole.
    #[ts(type = "Record<string, unknown>")]
    pub other: serde_json::Value,
    /// The record as it is now (none if it was since deleted for good).
    #[ts(type = "Record<string, unknown> | null")]
    pub current: Option<serde_json::Value>,
    /// The fields where the two differ.
    pub differing: Vec<String>,
    /// When it was logged.
    pub created_at: String,
    /// When the user settled it.
    pub resolved_at: Option<String>,
}

/// A log row as stored (the other version still as JSON text).
struct Stored {
    id: String,
    kind: String,
    record_id: String,
    kept: String,
    losing: String,
    created_at: String,
    resolved_at: Option<String>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored {
        id: crate::record::cell(row, 0, "id")?,
        kind: crate::record::cell(row, 1, "kind")?,
        record_id: crate::record::cell(row, 2, "record_id")?,
        kept: crate::record::cell(row, 3, "kept")?,
        losing: crate::record::cell(row, 4, "losing")?,
        created_at: crate::record::cell(row, 5, "created_at")?,
        resolved_at: crate::record::cell(row, 6, "resolved_at")?,
    })
}

/// The conflict log, newest first; settled entries only if asked.
pub fn list(conn: &Connection, include_resolved: bool, limit: usize) -> Result<Vec<LoggedConflict>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, record_id, kept, losing, created_at, resolved_at FROM import_conflicts \
         WHERE ?1 OR resolved_at IS NULL ORDER BY created_at DESC, id LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(
            params![include_resolved, i64::try_from(limit).unwrap_or(i64::MAX)],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|row| {
            let Stored {
                id,
                kind,
                record_id,
                kept,
                losing,
                created_at,
                resolved_at,
            } = row;
            let other: serde_json::Value = serde_json::from_str(&losing).map_err(|e| Error::Corrupt(e.to_string()))?;
            let current = match RecordKind::from_name(&kind) {
                Some(k) => k.find_json(conn, &record_id)?,
                None => None,
            };
            let differing = match (&current, &other) {
                (Some(serde_json::Value::Object(a)), serde_json::Value::Object(b)) => {
                    let mut keys: Vec<String> = a
                        .keys()
                        .chain(b.keys())
                        .filter(|k| a.get(*k) != b.get(*k) && *k != "updated_at")
                        .cloned()
                        .collect();
                    keys.sort();
                    keys.dedup();
                    keys
                }
                _ => Vec::new(),
            };
            Ok(LoggedConflict {
                id,
                kind,
                record_id,
                kept,
                other,
                current,
                differing,
                created_at,
                resolved_at,
            })
        })
        .collect()
}

/// Settles a logged conflict: keep the current version, or (`use_other`)
/// write the other one in its place — whose replaced version then takes its
/// place in the log, so still nothing is lost. Call inside a transaction.
pub fn resolve(conn: &Connection, id: &str, use_other: bool) -> Result<()> {
    let (kind, record_id, losing): (String, String, String) = conn
        .prepare_cached("SELECT kind, record_id, losing FROM import_conflicts WHERE id = ?1 AND resolved_at IS NULL")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(|_| Error::NotFound {
            kind: "conflict",
            id: id.to_string(),
        })?;
    let now = clock::now();
    if use_other {
        let k = RecordKind::from_name(&kind).ok_or_else(|| Error::Corrupt(format!("unknown kind {kind}")))?;
        let current = k.find_json(conn, &record_id)?;
        let mut other: serde_json::Value = serde_json::from_str(&losing).map_err(|e| Error::Corrupt(e.to_string()))?;
        other["updated_at"] = now.clone().into();
        k.put_json(conn, other)?;
        if let Some(current) = current {
            conn.prepare_cached("UPDATE import_conflicts SET losing = ?2, kept = 'file' WHERE id = ?1")?
                .execute(params![id, current.to_string()])?;
        }
    }
    conn.prepare_cached("UPDATE import_conflicts SET resolved_at = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}
