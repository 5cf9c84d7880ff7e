//! A customer's timeline: everything that happened, newest first.
//!
//! Merges contacts, transactions, owner/status changes and what happened to
//! follow-ups (rescheduled, cancelled, reopened, done). Paged by a cursor — the (time, id) of the
//! last entry shown — so a customer with 10k entries opens as fast as one with ten.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::customers::changes::CustomerChange;
use crate::error::Result;
use crate::history::contacts::{self, Contact};
use crate::history::followups::changes::{self as followup_changes, FollowUpChange};
use crate::value::deals::{self, Deal};

/// Kinds of timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A logged contact.
    Contact,
    /// An owner or status change.
    Change,
    /// A transaction.
    Deal,
    /// A follow-up rescheduled, cancelled, reopened or done.
    FollowUp,
}

/// One entry. Tagged `entry` (not `kind`: a deal has a `kind` of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "entry", rename_all = "snake_case")]
#[ts(rename = "TimelineEntry")]
pub enum Entry {
    /// A contact.
    Contact(Contact),
    /// An owner or status change.
    Change(CustomerChange),
    /// A transaction (its time is its day).
    Deal(Deal),
    /// A change to a follow-up.
    FollowUp(FollowUpChange),
}

impl Entry {
    /// When it happened (UTC, RFC 3339).
    pub fn at(&self) -> &str {
        match self {
            Entry::Contact(c) => &c.draft.happened_at,
            Entry::Change(c) => &c.changed_at,
            Entry::Deal(d) => &d.draft.occurred_on,
            Entry::FollowUp(f) => &f.changed_at,
        }
    }

    fn id(&self) -> &str {
        match self {
            Entry::Contact(c) => &c.id,
            Entry::Change(c) => &c.id,
            Entry::Deal(d) => &d.id,
            Entry::FollowUp(f) => &f.id,
        }
    }
}

/// Where a page ends: the time and id of its last entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "TimelineCursor")]
pub struct Cursor {
    /// Time of the last entry shown.
    pub at: String,
    /// Its id (ties at the same time are ordered by id).
    pub id: String,
}

/// A page request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct TimelineQuery {
    /// Only these kinds (empty: all).
    pub kinds: Vec<EntryKind>,
    /// Only entries involving this key person (contacts they were in).
    pub person_id: Option<String>,
    /// Continue after this entry.
    pub after: Option<Cursor>,
    /// Entries per page (capped at 200).
    pub limit: u32,
}

/// One page of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TimelinePage {
    /// The entries, newest first.
    pub entries: Vec<Entry>,
    /// Pass this back to get the next page; `None` at the end.
    pub next: Option<Cursor>,
}

/// One page of a customer's timeline.
pub fn page(conn: &Connection, customer_id: &str, query: &TimelineQuery) -> Result<TimelinePage> {
    let limit = query.limit.clamp(1, 200) as usize;
    let wants = |k: EntryKind| query.kinds.is_empty() || query.kinds.contains(&k);
    let (after_at, after_id) = match &query.after {
        Some(c) => (c.at.clone(), c.id.clone()),
        None => ("9999".to_string(), String::new()),
    };
    // Each source gives at most `limit + 1` entries past the cursor; the merge
    // keeps the newest `limit`, and the extra one tells whether more follow.
    let mut entries: Vec<Entry> = Vec::new();
    if wants(EntryKind::Contact) {
        let person_filter = if query.person_id.is_some() {
            "AND c.id IN (SELECT contact_id FROM contact_people WHERE person_id = ?5)"
        } else {
            "AND ?5 IS NULL"
        };
        let sql = format!(
            "SELECT {} FROM contacts c WHERE c.customer_id = ?1 AND c.deleted_at IS NULL \
             AND (c.happened_at < ?2 OR (c.happened_at = ?2 AND c.id < ?3)) {person_filter} \
             ORDER BY c.happened_at DESC, c.id DESC LIMIT ?4",
            crate::record::columns::<contacts::Contact>("c")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![
                customer_id,
                after_at,
                cursor_id(&after_id),
                limit as i64 + 1,
                query.person_id
            ],
            <contacts::Contact as crate::record::Record>::from_row,
        )?;
        for row in rows {
            entries.push(Entry::Contact(row?));
        }
    }
    if wants(EntryKind::Deal) && query.person_id.is_none() {
        let sql = format!(
            "SELECT {} FROM deals d WHERE d.customer_id = ?1 AND d.deleted_at IS NULL \
             AND (d.occurred_on < ?2 OR (d.occurred_on = ?2 AND d.id < ?3)) \
             ORDER BY d.occurred_on DESC, d.id DESC LIMIT ?4",
            crate::record::columns::<deals::Deal>("d")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![customer_id, after_at, cursor_id(&after_id), limit as i64 + 1],
            <deals::Deal as crate::record::Record>::from_row,
        )?;
        for row in rows {
            entries.push(Entry::Deal(row?));
        }
    }
    if wants(EntryKind::FollowUp) && query.person_id.is_none() {
        // Changes of follow-ups in the trash leave with them.
        let sql = format!(
            "SELECT {} FROM followup_changes x JOIN followups f ON f.id = x.followup_id AND f.deleted_at IS NULL \
             WHERE x.customer_id = ?1 AND (x.changed_at < ?2 OR (x.changed_at = ?2 AND x.id < ?3)) \
             ORDER BY x.changed_at DESC, x.id DESC LIMIT ?4",
            crate::record::columns::<followup_changes::FollowUpChange>("x")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![customer_id, after_at, cursor_id(&after_id), limit as i64 + 1],
            <followup_changes::FollowUpChange as crate::record::Record>::from_row,
        )?;
        for row in rows {
            entries.push(Entry::FollowUp(row?));
        }
    }
    if wants(EntryKind::Change) && query.person_id.is_none() {
        for change in crate::customers::changes::list_for(conn, customer_id)? {
            if (change.changed_at.as_str(), change.id.as_str()) < (after_at.as_str(), cursor_id(&after_id)) {
                entries.push(Entry::Change(change));
            }
        }
    }
    entries.sort_by(|a, b| (b.at(), b.id()).cmp(&(a.at(), a.id())));
    let more = entries.len() > limit;
    entries.truncate(limit);
    let next = if more {
        entries.last().map(|e| Cursor {
            at: e.at().to_string(),
            id: e.id().to_string(),
        })
    } else {
        None
    };
    Ok(TimelinePage { entries, next })
}

/// Without a cursor every id at the starting time qualifies.
fn cursor_id(id: &str) -> &str {
    if id.is_empty() { "\u{10FFFF}" } else { id }
}
