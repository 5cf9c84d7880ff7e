//! The history of a customer's owner and status (客户归属/状态变更).
//!
//! Kept as records of their own so the card can show every owner the
//! customer has had and the timeline can show when it went dormant or lost.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::record::{self, Record, RecordKind};
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

impl rusqlite::types::ToSql for ChangeField {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// Anything but `owner` reads as a status change, as it always has (the
/// table's CHECK allows only the two).
impl rusqlite::types::FromSql for ChangeField {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        Ok(if value.as_str()? == "owner" {
            ChangeField::Owner
        } else {
            ChangeField::Status
        })
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

impl Record for CustomerChange {
    const KIND: RecordKind = RecordKind::CustomerChange;
    type Edited = CustomerChange;

    crate::record_row! {
        id, customer_id, field, old_value, new_value, changed_at, changed_by, created_at, updated_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("customer_change.id", &self.id)?;
        validate::timestamp("customer_change.changed_at", &self.changed_at)?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }
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
    record::put(
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
    let mut stmt = conn.prepare_cached(&record::select::<CustomerChange>(
        "WHERE customer_id = ?1 ORDER BY changed_at DESC, id DESC",
    ))?;
    let rows = stmt
        .query_map([customer_id], CustomerChange::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
