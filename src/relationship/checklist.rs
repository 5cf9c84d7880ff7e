//! The successor's handover checklist (交接清单).
//!
//! Taking over a customer creates one item per key person to meet, per open
//! follow-up to confirm, and one to re-assess the relationship card. Whether
//! an item is done is read from the book, not stored: a contact with that
//! person, the follow-up closed (or rescheduled by a later contact), or an
//! assessment, after the takeover — so the checklist can never disagree with
//! the history. An item can also be ticked by hand.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::record::{self, Record, RecordKind};
use crate::{clock, customers::people, history::followups, validate};

/// What an item asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Meet this key person (`target_id`).
    MeetPerson,
    /// Confirm this open follow-up (`target_id`).
    ConfirmFollowup,
    /// Re-assess the relationship card.
    Reassess,
}

impl rusqlite::types::ToSql for Task {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl Task {
    fn as_str(self) -> &'static str {
        match self {
            Task::MeetPerson => "meet_person",
            Task::ConfirmFollowup => "confirm_followup",
            Task::Reassess => "reassess",
        }
    }
}

impl rusqlite::types::FromSql for Task {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match value.as_str()? {
            "meet_person" => Ok(Task::MeetPerson),
            "confirm_followup" => Ok(Task::ConfirmFollowup),
            "reassess" => Ok(Task::Reassess),
            other => Err(rusqlite::types::FromSqlError::Other(
                format!("unknown task {other}").into(),
            )),
        }
    }
}

/// A stored checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChecklistItem {
    /// Stable UUID.
    pub id: String,
    /// The customer taken over.
    pub customer_id: String,
    /// What to do.
    pub task: Task,
    /// The person or follow-up concerned.
    pub target_id: Option<String>,
    /// The person's name or the follow-up's text, as it was at takeover.
    pub label: String,
    /// The successor.
    pub taken_over_by: String,
    /// When the takeover happened (UTC, RFC 3339).
    pub taken_over_at: String,
    /// Ticked by hand (UTC, RFC 3339).
    pub ticked_at: Option<String>,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
}

/// An item with whether it is done, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ChecklistItemState")]
pub struct ItemState {
    /// The item.
    #[serde(flatten)]
    pub item: ChecklistItem,
    /// Done (by the book or by hand).
    pub done: bool,
}

/// One customer's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Checklist {
    /// The customer.
    pub customer_id: String,
    /// Its name.
    pub customer_name: String,
    /// The items, people first, then follow-ups, then the card.
    pub items: Vec<ItemState>,
    /// How many are done.
    pub done: usize,
}

impl Record for ChecklistItem {
    const KIND: RecordKind = RecordKind::ChecklistItem;
    type Edited = ChecklistItem;

    crate::record_row! {
        id, customer_id, task, target_id, label, taken_over_by, taken_over_at, ticked_at, created_at,
        updated_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("checklist.id", &self.id)?;
        validate::timestamp("checklist.taken_over_at", &self.taken_over_at)?;
        if let Some(t) = &self.ticked_at {
            validate::timestamp("checklist.ticked_at", t)?;
        }
        validate::text("checklist.label", &self.label, validate::TEXT_MAX)?;
        validate::text("checklist.taken_over_by", &self.taken_over_by, validate::NAME_MAX)?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }
}

/// Creates the checklist of a customer just taken over by `successor`.
/// Call inside the import's transaction.
pub fn create(conn: &Connection, customer_id: &str, successor: &str) -> Result<usize> {
    let now = clock::now();
    let mut items = Vec::new();
    for p in people::list_for(conn, customer_id)? {
        items.push((Task::MeetPerson, Some(p.id), p.card.name));
    }
    for f in followups::open_for(conn, customer_id)? {
        items.push((Task::ConfirmFollowup, Some(f.id), format!("{} {}", f.due_on, f.title)));
    }
    items.push((Task::Reassess, None, String::new()));
    let n = items.len();
    for (task, target_id, label) in items {
        record::put(
            conn,
            &ChecklistItem {
                id: clock::new_id(),
                customer_id: customer_id.to_string(),
                task,
                target_id,
                label,
                taken_over_by: successor.to_string(),
                taken_over_at: now.clone(),
                ticked_at: None,
                created_at: now.clone(),
                updated_at: now.clone(),
            },
        )?;
    }
    Ok(n)
}

/// Whether the book shows the item done since the takeover.
fn done_by_book(conn: &Connection, i: &ChecklistItem) -> Result<bool> {
    let (sql, arg) = match i.task {
        Task::MeetPerson => (
            "SELECT EXISTS (SELECT 1 FROM contact_people cp JOIN contacts c ON c.id = cp.contact_id \
             WHERE cp.person_id = ?1 AND c.deleted_at IS NULL AND c.created_at >= ?2)",
            i.target_id.clone().unwrap_or_default(),
        ),
        Task::ConfirmFollowup => (
            "SELECT EXISTS (SELECT 1 FROM followups WHERE id = ?1 AND done_at IS NOT NULL AND done_at >= ?2)",
            i.target_id.clone().unwrap_or_default(),
        ),
        Task::Reassess => (
            "SELECT EXISTS (SELECT 1 FROM assessments WHERE customer_id = ?1 AND deleted_at IS NULL AND created_at >= ?2)",
            i.customer_id.clone(),
        ),
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row(params![arg, i.taken_over_at], |r| r.get(0))?)
}

fn states(conn: &Connection, items: Vec<ChecklistItem>) -> Result<Vec<ItemState>> {
    items
        .into_iter()
        .map(|item| {
            let done = item.ticked_at.is_some() || done_by_book(conn, &item)?;
            Ok(ItemState { item, done })
        })
        .collect()
}

/// A customer's checklist, or `None` if it was never taken over.
pub fn for_customer(conn: &Connection, customer_id: &str) -> Result<Option<Checklist>> {
    let mut stmt = conn.prepare_cached(&record::select::<ChecklistItem>(
        "WHERE customer_id = ?1 \
         ORDER BY CASE task WHEN 'meet_person' THEN 0 WHEN 'confirm_followup' THEN 1 ELSE 2 END, label, id",
    ))?;
    let items = stmt
        .query_map([customer_id], ChecklistItem::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if items.is_empty() {
        return Ok(None);
    }
    let name: String = conn.query_row("SELECT name FROM customers WHERE id = ?1", [customer_id], |r| r.get(0))?;
    let items = states(conn, items)?;
    Ok(Some(Checklist {
        customer_id: customer_id.to_string(),
        customer_name: name,
        done: items.iter().filter(|i| i.done).count(),
        items,
    }))
}

/// Every live customer with a checklist, least done first, and the totals.
pub fn all(conn: &Connection) -> Result<Vec<Checklist>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT h.customer_id FROM handover_checklist h \
         JOIN customers c ON c.id = h.customer_id AND c.deleted_at IS NULL",
    )?;
    let ids = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut lists = Vec::new();
    for id in ids {
        if let Some(l) = for_customer(conn, &id)? {
            lists.push(l);
        }
    }
    lists.sort_by(|a, b| {
        let share = |l: &Checklist| l.done * 1000 / l.items.len().max(1);
        share(a)
            .cmp(&share(b))
            .then_with(|| a.customer_name.cmp(&b.customer_name))
    });
    Ok(lists)
}

/// Ticks (or unticks) an item by hand.
pub fn tick(conn: &Connection, id: &str, ticked: bool) -> Result<ChecklistItem> {
    let mut item: ChecklistItem = record::get(conn, id)?;
    let now = clock::now();
    item.ticked_at = ticked.then(|| now.clone());
    item.updated_at = now;
    record::put(conn, &item)?;
    Ok(item)
}
