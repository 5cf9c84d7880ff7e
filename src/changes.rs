//! The history of a customer's owner and status (客户归属/状态变更).
//!
//! Kept as records of their own so the card can show every owner the
//! customer has had and the timeline can show when it went dormant or lost.

use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::{clock, validate};

/// Which field changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeField {
    /// The responsible salesperson.
    Owner,
    /// The customer status.
    Status,
}

impl ChangeField {
    fn as_str(self) -> &'static str {
        match self {
            ChangeField::Owner => "owner",
            ChangeField::Status => "status",
        }
    }
}

/// One change of owner or status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CustomerChange {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// Which field.
    pub field: ChangeField,
    /// Value before (empty when the customer was created).
    pub old_value: String,
    /// Value after.
    pub new_value: String,
    /// When it happened (UTC, RFC 3339).
    pub changed_at: String,
    /// Who made the change.
    pub changed_by: String,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
}

const COLUMNS: &str = "id, customer_id, field, old_value, new_value, changed_at, changed_by, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<CustomerChange> {
    let field: String = row.get(2)?;
    Ok(CustomerChange {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        field: if field == "owner" {
            ChangeField::Owner
        } else {
            ChangeField::Status
        },
        old_value: row.get(3)?,
        new_value: row.get(4)?,
        changed_at: row.get(5)?,
        changed_by: row.get(6)?,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
    })
}

/// Writes a complete change record (insert or update by id).
pub fn put(conn: &Connection, change: &CustomerChange) -> Result<()> {
    validate::id("customer_change.id", &change.id)?;
    validate::timestamp("customer_change.changed_at", &change.changed_at)?;
    let mut stmt = conn.prepare_cached(&crate::store::upsert_sql("customer_changes", COLUMNS))?;
    stmt.execute(params![
        change.id,
        change.customer_id,
        change.field.as_str(),
        change.old_value,
        change.new_value,
        change.changed_at,
        change.changed_by,
        change.created_at,
        change.updated_at,
    ])?;
    Ok(())
}

/// Records that `field` of a customer went from `old` to `new` at `at`.
pub fn record(
    conn: &Connection,
    customer_id: &str,
    field: ChangeField,
    old: &str,
    new: &str,
    by: &str,
    at: &str,
) -> Result<()> {
    put(
        conn,
        &CustomerChange {
            id: clock::new_id(),
            customer_id: customer_id.to_string(),
            field,
            old_value: old.to_string(),
            new_value: new.to_string(),
            changed_at: at.to_string(),
            changed_by: by.to_string(),
            created_at: at.to_string(),
            updated_at: at.to_string(),
        },
    )
}

/// A customer's changes, newest first.
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<CustomerChange>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM customer_changes WHERE customer_id = ?1 ORDER BY changed_at DESC, id DESC"
    ))?;
    let rows = stmt
        .query_map([customer_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Calls `f` with every change, in id order.
pub fn for_each(conn: &Connection, f: impl FnMut(CustomerChange) -> Result<()>) -> Result<()> {
    crate::store::each_row(
        conn,
        &format!("SELECT {COLUMNS} FROM customer_changes ORDER BY id"),
        from_row,
        f,
    )
}

/// One record by id, live or in the trash (for handover merges).
pub fn find(conn: &Connection, id: &str) -> Result<Option<CustomerChange>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM customer_changes WHERE id = ?1"))?;
    Ok(stmt.query_map([id], from_row)?.next().transpose()?)
}
