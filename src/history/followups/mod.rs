//! Follow-ups (跟进): next steps with a due date, on the list until done.
//!
//! A follow-up belongs to the contact whose next step it is, and to its
//! customer; one whose customer or contact is in the trash is off the list.
//! It is open until done or cancelled; `actions` changes it and logs each
//! change (`changes`) for the customer's timeline.

mod actions;
mod board;
pub mod changes;
pub mod ics;
pub mod reminders;

pub(crate) use actions::done;
pub use actions::{Reschedule, cancel, delete, edit, reopen, reschedule};
pub(crate) use board::overdue_count;
pub use board::{
    Backlog, Board, BoardRead, FollowUpItem, Group, PersonBrief, board, board_reads, clear_backlog, open_list, plan,
};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::history::contacts::Contact;
use crate::record::{self, Record, RecordKind};
use crate::{clock, validate};

/// A stored follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FollowUp {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// The contact whose next step this is.
    pub contact_id: Option<String>,
    /// What to do.
    pub title: String,
    /// When (`YYYY-MM-DD`).
    pub due_on: String,
    /// When it was marked done (UTC, RFC 3339).
    pub done_at: Option<String>,
    /// The contact logged when closing it.
    pub done_contact_id: Option<String>,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// When it was cancelled (UTC, RFC 3339). Files from before
    /// cancelling existed lack it.
    #[serde(default)]
    pub cancelled_at: Option<String>,
    /// Why it was cancelled, in the user's words (may be empty).
    #[serde(default)]
    pub cancel_reason: String,
    /// In the trash since.
    #[serde(default)]
    pub deleted_at: Option<String>,
}

impl FollowUp {
    /// A new open follow-up, created now.
    pub fn new(customer_id: &str, contact_id: Option<&str>, title: &str, due_on: &str, now: &str) -> FollowUp {
        FollowUp {
            id: clock::new_id(),
            customer_id: customer_id.to_string(),
            contact_id: contact_id.map(str::to_string),
            title: title.to_string(),
            due_on: due_on.to_string(),
            done_at: None,
            done_contact_id: None,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            cancelled_at: None,
            cancel_reason: String::new(),
            deleted_at: None,
        }
    }

    /// Neither done nor cancelled (it may still be in the trash).
    pub fn is_open(&self) -> bool {
        self.done_at.is_none() && self.cancelled_at.is_none()
    }
}

impl Record for FollowUp {
    const KIND: RecordKind = RecordKind::FollowUp;
    type Edited = FollowUp;

    crate::record_row! {
        id, customer_id, contact_id, title, due_on, done_at, done_contact_id, created_at, updated_at,
        cancelled_at, cancel_reason, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("followup.id", &self.id)?;
        validate::required("followup.title", &self.title, validate::TEXT_MAX)?;
        validate::parse_date("followup.due_on", &self.due_on)?;
        if let Some(done) = &self.done_at {
            validate::timestamp("followup.done_at", done)?;
        }
        if let Some(cancelled) = &self.cancelled_at {
            validate::timestamp("followup.cancelled_at", cancelled)?;
        }
        validate::text("followup.cancel_reason", &self.cancel_reason, validate::TEXT_MAX)?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        crate::validate::parse_date("followup.due_on", &self.due_on).map(drop)
    }
}

/// The one definition of an open follow-up row, spelled exactly as the
/// partial index `followups_open` is, so every count is an index range scan.
pub(crate) const OPEN_ROW: &str = "f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL";

/// Makes the next step of `contact` a follow-up due on `due`.
pub(crate) fn create_for_contact(conn: &Connection, contact: &Contact, due: &str) -> Result<FollowUp> {
    let f = FollowUp::new(
        &contact.customer_id,
        Some(&contact.id),
        &contact.draft.next_step,
        due,
        &contact.updated_at,
    );
    record::put(conn, &f)?;
    Ok(f)
}

/// Keeps the follow-up of a corrected contact in step with its next step:
/// an open one is reworded and moved, one is made when a due date appears,
/// and an open one is cancelled when the due date goes. A closed one is
/// history and stays as it was.
pub(crate) fn follow_contact(conn: &Connection, contact: &Contact) -> Result<()> {
    let existing = conn
        .prepare_cached(&record::select::<FollowUp>("WHERE contact_id = ?1"))?
        .query_row([&contact.id], FollowUp::from_row)
        .optional()?;
    let draft = &contact.draft;
    match (existing, &draft.next_due) {
        (None, Some(due)) => {
            create_for_contact(conn, contact, due)?;
        }
        (Some(f), Some(due)) if f.deleted_at.is_none() && f.is_open() => {
            edit(conn, &f.id, &draft.next_step, due)?;
        }
        (Some(f), None) if f.deleted_at.is_none() && f.is_open() => {
            cancel(conn, &f.id, "")?;
        }
        _ => {}
    }
    Ok(())
}

/// An open follow-up whose customer and contact are out of the trash. The
/// contact is looked for among the trashed ones (a small index; its foreign
/// key says it exists): looking up its live row read a page of the big
/// contacts table for each follow-up listed.
pub(crate) const OPEN: &str = "f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL \
    AND c.deleted_at IS NULL \
    AND NOT EXISTS (SELECT 1 FROM contacts ct INDEXED BY contacts_trashed \
                    WHERE ct.id = f.contact_id AND ct.deleted_at IS NOT NULL)";

/// Calls `f` with every open follow-up due before `today`, oldest first,
/// streaming (the manager's report lists them all).
pub fn for_each_overdue(conn: &Connection, today: NaiveDate, mut f: impl FnMut(FollowUp) -> Result<()>) -> Result<()> {
    let cols = record::columns::<FollowUp>("f");
    let mut stmt = conn.prepare(&format!(
        "SELECT {cols} FROM followups f JOIN customers c ON c.id = f.customer_id \
         WHERE f.due_on < ?1 AND {OPEN} ORDER BY f.due_on, f.id"
    ))?;
    let mut rows = stmt.query([today.to_string()])?;
    while let Some(row) = rows.next()? {
        f(FollowUp::from_row(row)?)?;
    }
    Ok(())
}

/// The day of a customer's soonest open follow-up (the first of
/// [`open_for`], without reading the records). By the customer's own
/// follow-ups in due order: the planner otherwise walked every open
/// follow-up of the book by day looking for this customer's.
pub fn next_due(conn: &Connection, customer_id: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT f.due_on FROM followups f INDEXED BY followups_customer JOIN customers c ON c.id = f.customer_id \
         WHERE f.customer_id = ?1 AND {OPEN} ORDER BY f.due_on LIMIT 1"
    ))?;
    Ok(stmt.query_row([customer_id], |r| r.get(0)).optional()?)
}

/// A customer's open follow-ups, soonest first.
pub fn open_for(conn: &Connection, customer_id: &str) -> Result<Vec<FollowUp>> {
    let cols = record::columns::<FollowUp>("f");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {cols} FROM followups f JOIN customers c ON c.id = f.customer_id \
         WHERE f.customer_id = ?1 AND {OPEN} ORDER BY f.due_on, f.id"
    ))?;
    let rows = stmt
        .query_map([customer_id], FollowUp::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
