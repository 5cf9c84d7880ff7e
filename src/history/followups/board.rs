//! The follow-up screen (今日跟进): what is due today first, then the overdue
//! ones newest first in three spans (this week, this month, older), then the
//! next two weeks. Each row carries what the salesperson needs to act
//! without opening the card: the customer's tier and key mark, the person
//! the step is with (title, phone) and when it was promised.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::{FollowUp, OPEN, OPEN_ROW, Reschedule, cancel, reschedule};
use crate::enums::Tier;
use crate::error::Result;
use crate::record::{self, Record};

/// The key person a follow-up is with (the first person of its contact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonBrief {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Title.
    pub title: String,
    /// Phone, as stored.
    pub phone: String,
}

/// An open follow-up as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FollowUpItem {
    /// The follow-up.
    #[serde(flatten)]
    pub followup: FollowUp,
    /// Its customer's name.
    pub customer_name: String,
    /// Its customer's tier.
    pub customer_tier: Option<Tier>,
    /// Whether its customer is a key customer.
    pub customer_is_key: bool,
    /// The person it is with, if its contact named one still in the book.
    pub person: Option<PersonBrief>,
    /// When it was promised: the contact it came from, else when it was made.
    pub promised_at: String,
}

/// One group of the follow-up screen: how many, and the first of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "FollowUpGroup")]
pub struct Group {
    /// How many follow-ups are in the group.
    pub total: i64,
    /// The first `limit` of them, in the group's order.
    pub items: Vec<FollowUpItem>,
}

/// The follow-up screen for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Board {
    /// The day the board was computed for.
    pub today: String,
    /// Due today.
    pub today_items: Group,
    /// Due before today (all of them; the spans below split it).
    pub overdue: Group,
    /// Overdue by one to seven days, newest first.
    pub overdue_week: Group,
    /// Overdue by eight to thirty days, newest first.
    pub overdue_month: Group,
    /// Overdue by more than thirty days, newest first: the old backlog.
    pub overdue_older: Group,
    /// Due in the next `horizon` days, soonest first.
    pub upcoming: Group,
}

/// Open follow-ups in a due range whose customer or contact is in the trash.
/// Counting all open ones and subtracting these is far cheaper than joining
/// every open follow-up to its customer: the trash is small, the list is not.
const HIDDEN: &str = "f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL \
    AND (f.customer_id IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL) \
    OR f.contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL))";

/// The row's extras: customer, person (the contact's first, if live), when promised.
const EXTRAS: &str = "c.name AS customer_name, c.tier AS customer_tier, c.is_key AS customer_is_key, \
    p.id AS person_id, p.name AS person_name, p.title AS person_title, p.phone AS person_phone, \
    coalesce(fc.happened_at, f.created_at) AS promised_at";

const JOINS: &str = "JOIN customers c ON c.id = f.customer_id \
    LEFT JOIN contacts fc ON fc.id = f.contact_id \
    LEFT JOIN people p ON p.id = json_extract(fc.person_ids, '$[0]') AND p.deleted_at IS NULL";

fn item(r: &rusqlite::Row<'_>) -> rusqlite::Result<FollowUpItem> {
    let person_id: Option<String> = r.get("person_id")?;
    Ok(FollowUpItem {
        followup: FollowUp::from_row(r)?,
        customer_name: r.get("customer_name")?,
        customer_tier: r.get("customer_tier")?,
        customer_is_key: r.get("customer_is_key")?,
        person: match person_id {
            Some(id) => Some(PersonBrief {
                id,
                name: r.get("person_name")?,
                title: r.get("person_title")?,
                phone: r.get("person_phone")?,
            }),
            None => None,
        },
        promised_at: r.get("promised_at")?,
    })
}

/// The follow-ups due in `[from, to)` (days), `newest` first or soonest first.
fn group(conn: &Connection, from: &str, to: &str, newest: bool, limit: u32) -> Result<Group> {
    let range = "f.due_on >= ?1 AND f.due_on < ?2";
    let all: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM followups f WHERE {OPEN_ROW} AND {range}"
        ))?
        .query_row(params![from, to], |r| r.get(0))?;
    let hidden: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM followups f WHERE {HIDDEN} AND {range}"))?
        .query_row(params![from, to], |r| r.get(0))?;
    let cols = record::columns::<FollowUp>("f");
    let order = if newest {
        "f.due_on DESC, f.id DESC"
    } else {
        "f.due_on, f.id"
    };
    // Ordered by the index (due date, then id), so SQLite stops after `limit`.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {cols}, {EXTRAS} FROM followups f {JOINS} WHERE {OPEN} AND {range} ORDER BY {order} LIMIT {limit}"
    ))?;
    let items = stmt
        .query_map(params![from, to], item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Group {
        total: all - hidden,
        items,
    })
}

/// Where the overdue spans start: a week ago and a month (30 days) ago.
fn spans(today: NaiveDate) -> [String; 2] {
    [7, 30].map(|d| (today - Duration::days(d)).to_string())
}

/// Far before any follow-up, far after: the open ends of the ranges.
const EVER: &str = "0000-01-01";

/// The follow-up screen for `today`: each group holds at most `limit` items.
pub fn board(conn: &Connection, today: NaiveDate, horizon_days: i64, limit: u32) -> Result<Board> {
    let day = today.to_string();
    let tomorrow = (today + Duration::days(1)).to_string();
    let after = (today + Duration::days(horizon_days + 1)).to_string();
    let [week, month] = spans(today);
    Ok(Board {
        today_items: group(conn, &day, &tomorrow, false, limit)?,
        overdue: group(conn, EVER, &day, true, limit)?,
        overdue_week: group(conn, &week, &day, true, limit)?,
        overdue_month: group(conn, &month, &week, true, limit)?,
        overdue_older: group(conn, EVER, &month, true, limit)?,
        upcoming: group(conn, &tomorrow, &after, false, limit)?,
        today: day,
    })
}

/// Every open follow-up (or only the overdue ones), soonest due first, for `baton followups`.
pub fn open_list(conn: &Connection, today: NaiveDate, overdue_only: bool) -> Result<Vec<FollowUpItem>> {
    let to = if overdue_only {
        today.to_string()
    } else {
        "9999-12-31".to_string()
    };
    Ok(group(conn, EVER, &to, false, u32::MAX)?.items)
}

/// What to do with the old backlog at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Backlog {
    /// Move every one of them (to a day, or by a step from today).
    Reschedule(Reschedule),
    /// Call them all off, with one reason.
    Cancel(String),
}

/// Clears the old backlog (overdue by more than thirty days): each follow-up
/// is rescheduled or cancelled as one would by hand, so each change is on
/// its customer's timeline. Returns how many. Call inside a transaction.
pub fn clear_backlog(conn: &Connection, today: NaiveDate, action: &Backlog) -> Result<usize> {
    let [_, month] = spans(today);
    let ids: Vec<String> = conn
        .prepare(&format!(
            "SELECT f.id FROM followups f JOIN customers c ON c.id = f.customer_id \
             WHERE {OPEN} AND f.due_on < ?1 ORDER BY f.due_on, f.id"
        ))?
        .query_map([&month], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        match action {
            Backlog::Reschedule(to) => {
                reschedule(conn, id, to, today)?;
            }
            Backlog::Cancel(reason) => {
                cancel(conn, id, reason)?;
            }
        }
    }
    Ok(ids.len())
}
