//! Unsaved form text (草稿): what the user is typing, written as they type,
//! so a crash or a closed window does not lose a long note. The app offers a
//! draft back when the same form opens again, and drops it once saved or
//! discarded. Not a record: handover, dump and the report leave it out.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;
use crate::{clock, validate};

/// The longest key (which form, for which record).
pub const KEY_MAX: usize = 200;
/// The most text a draft keeps (a contact's fields together are far less).
pub const BODY_MAX: usize = 256 * 1024;

/// A kept draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Draft {
    /// Which form, for which record (`contact:new:<customer id>`).
    pub key: String,
    /// The form's content, as the form wrote it (JSON text).
    pub body: String,
    /// When it was last written (UTC, RFC 3339).
    pub updated_at: String,
}

/// Keeps `body` as the draft of `key`, replacing the previous one.
pub fn save(conn: &Connection, key: &str, body: &str) -> Result<()> {
    validate::required("draft.key", key, KEY_MAX)?;
    validate::text("draft.body", body, BODY_MAX)?;
    conn.prepare_cached(
        "INSERT INTO drafts (key, body, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
    )?
    .execute(params![key, body, clock::now()])?;
    Ok(())
}

/// The draft of `key`, if one is kept.
pub fn get(conn: &Connection, key: &str) -> Result<Option<Draft>> {
    Ok(conn
        .prepare_cached("SELECT key, body, updated_at FROM drafts WHERE key = ?1")?
        .query_row([key], |r| {
            Ok(Draft {
                key: r.get(0)?,
                body: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })
        .optional()?)
}

/// Drops the draft of `key` (saved or discarded); none is fine.
pub fn clear(conn: &Connection, key: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM drafts WHERE key = ?1")?
        .execute([key])?;
    Ok(())
}
