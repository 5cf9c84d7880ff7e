//! The log of what happened to a follow-up after it was made (rescheduled,
//! cancelled, reopened, done, edited), for the customer's timeline. A record
//! kind of its own, so a handover carries the story, not just the last state.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::FollowUp;
use crate::error::Result;
use crate::record::{self, Record, RecordKind};
use crate::{clock, validate};

/// What was done to the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpAction {
    /// Moved to another day.
    Rescheduled,
    /// Called off (with an optional reason).
    Cancelled,
    /// A done or cancelled one opened again.
    Reopened,
    /// Marked done.
    Done,
    /// Its wording changed.
    Edited,
}

impl rusqlite::types::ToSql for FollowUpAction {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FollowUpAction {
    /// The value stored in the table.
    pub fn as_str(self) -> &'static str {
        match self {
            FollowUpAction::Rescheduled => "rescheduled",
            FollowUpAction::Cancelled => "cancelled",
            FollowUpAction::Reopened => "reopened",
            FollowUpAction::Done => "done",
            FollowUpAction::Edited => "edited",
        }
    }

    /// Every action, in the order of the table's CHECK.
    pub const ALL: [FollowUpAction; 5] = [
        FollowUpAction::Rescheduled,
        FollowUpAction::Cancelled,
        FollowUpAction::Reopened,
        FollowUpAction::Done,
        FollowUpAction::Edited,
    ];
}

impl rusqlite::types::FromSql for FollowUpAction {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        FollowUpAction::ALL
            .into_iter()
            .find(|a| a.as_str() == text)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown follow-up action {text}").into()))
    }
}

/// One change of one follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FollowUpChange {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// The follow-up.
    pub followup_id: String,
    /// What was done.
    pub action: FollowUpAction,
    /// The follow-up's title at the time.
    pub title: String,
    /// Due before (`YYYY-MM-DD`), for a reschedule.
    pub old_due: Option<String>,
    /// Due after.
    pub new_due: Option<String>,
    /// The reason given (cancelling), or empty.
    pub reason: String,
    /// When (UTC, RFC 3339).
    pub changed_at: String,
    /// Who ("my name" at the time).
    pub changed_by: String,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
}

impl Record for FollowUpChange {
    const KIND: RecordKind = RecordKind::FollowUpChange;
    type Edited = FollowUpChange;

    crate::record_row! {
        id, customer_id, followup_id, action, title, old_due, new_due, reason, changed_at,
        changed_by, created_at, updated_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("followup_change.id", &self.id)?;
        validate::id("followup_change.followup_id", &self.followup_id)?;
        validate::timestamp("followup_change.changed_at", &self.changed_at)?;
        validate::text("followup_change.reason", &self.reason, validate::TEXT_MAX)?;
        for (field, due) in [
            ("followup_change.old_due", &self.old_due),
            ("followup_change.new_due", &self.new_due),
        ] {
            if let Some(day) = due {
                validate::parse_date(field, day)?;
            }
        }
        record::upsert(conn, self, &[])?;
        Ok(())
    }
}

/// Logs `action` on `f` (as it is after the change), now.
pub(crate) fn log(
    conn: &Connection,
    f: &FollowUp,
    action: FollowUpAction,
    old_due: Option<&str>,
    reason: &str,
) -> Result<FollowUpChange> {
    let now = f.updated_at.clone();
    let change = FollowUpChange {
        id: clock::new_id(),
        customer_id: f.customer_id.clone(),
        followup_id: f.id.clone(),
        action,
        title: f.title.clone(),
        old_due: old_due.map(str::to_string),
        new_due: Some(f.due_on.clone()),
        reason: reason.to_string(),
        changed_at: now.clone(),
        changed_by: crate::settings::get(conn)?.user_name,
        created_at: now.clone(),
        updated_at: now,
    };
    record::put(conn, &change)?;
    Ok(change)
}

/// The changes of one follow-up, oldest first.
pub fn list_for(conn: &Connection, followup_id: &str) -> Result<Vec<FollowUpChange>> {
    let rows = conn
        .prepare_cached(&record::select::<FollowUpChange>(
            "WHERE followup_id = ?1 ORDER BY changed_at, id",
        ))?
        .query_map([followup_id], FollowUpChange::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
