//! Handover notes (交接备注): what the leaver knows about a customer that the
//! records do not say — key relationships, open promises, risks, next steps.
//! One note per customer, written before exporting; it travels in the
//! handover file and is found by search.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::record::{self, Record, RecordKind};
use crate::{clock, customers, validate};

/// What the leaver writes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct NoteDraft {
    /// Who matters and how we stand with them.
    pub key_relationships: String,
    /// What we promised and have not yet delivered.
    pub open_promises: String,
    /// What could go wrong.
    pub risks: String,
    /// What the successor should do first.
    pub next_steps: String,
}

/// A stored note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct HandoverNote {
    /// Stable UUID.
    pub id: String,
    /// The customer (one note each).
    pub customer_id: String,
    /// What was written.
    #[serde(flatten)]
    pub draft: NoteDraft,
    /// Who wrote it last.
    pub written_by: String,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since (files from before the trash held notes lack it).
    #[serde(default)]
    pub deleted_at: Option<String>,
}

impl NoteDraft {
    /// Checks every field.
    pub fn validate(&self) -> Result<()> {
        validate::text(
            "handover_note.key_relationships",
            &self.key_relationships,
            validate::TEXT_MAX,
        )?;
        validate::text("handover_note.open_promises", &self.open_promises, validate::TEXT_MAX)?;
        validate::text("handover_note.risks", &self.risks, validate::TEXT_MAX)?;
        validate::text("handover_note.next_steps", &self.next_steps, validate::TEXT_MAX)
    }

    /// True when nothing is written.
    pub fn is_empty(&self) -> bool {
        [
            &self.key_relationships,
            &self.open_promises,
            &self.risks,
            &self.next_steps,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }
}

impl Record for HandoverNote {
    const KIND: RecordKind = RecordKind::HandoverNote;
    type Edited = NoteDraft;

    crate::record_row! {
        id, customer_id,
        draft: NoteDraft {
            key_relationships, open_promises, risks, next_steps,
        },
        written_by, created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("handover_note.id", &self.id)?;
        self.draft.validate()?;
        validate::text("handover_note.written_by", &self.written_by, validate::NAME_MAX)?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.draft.validate()
    }
}

/// Writes the note of a live customer (creating it the first time), signed
/// with "my name". Call inside a transaction.
pub fn save(conn: &Connection, customer_id: &str, mut draft: NoteDraft) -> Result<HandoverNote> {
    customers::get(conn, customer_id)?;
    for text in [
        &mut draft.key_relationships,
        &mut draft.open_promises,
        &mut draft.risks,
        &mut draft.next_steps,
    ] {
        *text = text.trim().to_string();
    }
    let now = clock::now();
    let me = crate::settings::get(conn)?.user_name;
    // A note in the trash is written over and comes back: a customer has
    // one note (the table says so), trashed or not.
    let note = match find_for(conn, customer_id)? {
        Some(old) => HandoverNote {
            draft,
            written_by: me,
            updated_at: now,
            deleted_at: None,
            ..old
        },
        None => HandoverNote {
            id: clock::new_id(),
            customer_id: customer_id.to_string(),
            draft,
            written_by: me,
            created_at: now.clone(),
            updated_at: now,
            deleted_at: None,
        },
    };
    record::put(conn, &note)?;
    Ok(note)
}

/// A customer's note, if it has one out of the trash.
pub fn get_for(conn: &Connection, customer_id: &str) -> Result<Option<HandoverNote>> {
    Ok(find_for(conn, customer_id)?.filter(|n| n.deleted_at.is_none()))
}

fn find_for(conn: &Connection, customer_id: &str) -> Result<Option<HandoverNote>> {
    let mut stmt = conn.prepare_cached(&record::select::<HandoverNote>("WHERE customer_id = ?1"))?;
    Ok(stmt
        .query_map([customer_id], HandoverNote::from_row)?
        .next()
        .transpose()?)
}

/// Moves a customer's note to the trash. Call inside a transaction.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::HandoverNote, id)
}

/// Live key customers without a written note: the ones to write before
/// exporting. At most `limit`, by name.
pub fn key_customers_without(conn: &Connection, limit: usize) -> Result<(i64, Vec<(String, String)>)> {
    let base = "FROM customers c WHERE c.is_key = 1 AND c.deleted_at IS NULL \
                AND NOT EXISTS (SELECT 1 FROM handover_notes n WHERE n.customer_id = c.id AND n.deleted_at IS NULL \
                  AND trim(n.key_relationships || n.open_promises || n.risks || n.next_steps) <> '')";
    let total = conn
        .prepare_cached(&format!("SELECT count(*) {base}"))?
        .query_row([], |r| r.get(0))?;
    let rows = conn
        .prepare_cached(&format!("SELECT c.id, c.name {base} ORDER BY c.sort_key LIMIT ?1"))?
        .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total, rows))
}
