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

/// The row's extras: customer, person (the contact's first, if live), when promised.
const EXTRAS: &str = "c.name AS customer_name, c.tier AS customer_tier, c.is_key AS customer_is_key, \
    p.id AS person_id, p.name AS person_name, p.title AS person_title, p.phone AS person_phone, \
    coalesce(fc.happened_at, f.created_at) AS promised_at";

const JOINS: &str = "JOIN customers c ON c.id = f.customer_id \
    LEFT JOIN contacts fc ON fc.id = f.contact_id \
    LEFT JOIN people p ON p.id = json_extract(fc.person_ids, '$[0]') AND p.deleted_at IS NULL";

fn item(r: &rusqlite::Row<'_>) -> rusqlite::Result<FollowUpItem> {
    // The extras follow the follow-up's own columns: read where they stand
    // (by name, rusqlite compares every column's name for each cell).
    let at = FollowUp::COLUMNS.len();
    let person_id: Option<String> = record::cell(r, at + 3, "person_id")?;
    Ok(FollowUpItem {
        followup: FollowUp::from_row(r)?,
        customer_name: record::cell(r, at, "customer_name")?,
        customer_tier: record::cell(r, at + 1, "customer_tier")?,
        customer_is_key: record::cell(r, at + 2, "customer_is_key")?,
        person: match person_id {
            Some(id) => Some(PersonBrief {
                id,
                name: record::cell(r, at + 4, "person_name")?,
                title: record::cell(r, at + 5, "person_title")?,
                phone: record::cell(r, at + 6, "person_phone")?,
            }),
            None => None,
        },
        promised_at: record::cell(r, at + 7, "promised_at")?,
    })
}

/// The first `limit` open follow-ups due in `[from, to)` (days), `newest`
/// first or soonest first, with `total` counted beforehand (see [`Totals`]).
fn group(conn: &Connection, from: &str, to: &str, newest: bool, limit: u32, total: i64) -> Result<Group> {
    let mut stmt = conn.prepare_cached(&group_sql(newest, limit))?;
    let items = stmt
        .query_map(params![from, to], item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Group { total, items })
}

/// A group's statement: its range is `?1..?2`.
fn group_sql(newest: bool, limit: u32) -> String {
    let range = "f.due_on >= ?1 AND f.due_on < ?2";
    let cols = record::columns::<FollowUp>("f");
    let order = if newest {
        "f.due_on DESC, f.id DESC"
    } else {
        "f.due_on, f.id"
    };
    // Ordered by the index (due date, then id), so SQLite stops after `limit`.
    format!("SELECT {cols}, {EXTRAS} FROM followups f {JOINS} WHERE {OPEN} AND {range} ORDER BY {order} LIMIT {limit}")
}

/// SQLite's plan for one group of the board, one line per step: shows
/// which index each item's customer, contact and person come from, and
/// whether their rows are read (no `COVERING`).
pub fn plan(conn: &Connection) -> Result<Vec<String>> {
    let lines = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", group_sql(true, 200)))?
        .query_map(params![EVER, "9999-12-31"], |r| r.get::<_, String>("detail"))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}

/// How many follow-ups each group of the board holds. The groups overlap
/// ("overdue" is the three spans together), so the open follow-ups are
/// counted in five disjoint ranges of their index, a plain count each
/// (SQLite counts an index range without evaluating anything per row;
/// one walk summing six conditions was six times slower). What the trash
/// hides is found from the trash's side and taken off. Counting each
/// group by itself walked the overdue ones twice and, for each group,
/// listed every customer to find the trashed ones: 57 ms on the 100k book.
struct Totals {
    today: i64,
    overdue: i64,
    week: i64,
    month: i64,
    older: i64,
    upcoming: i64,
}

impl Totals {
    fn count(conn: &Connection, [today, tomorrow, week, month, after]: [&str; 5]) -> Result<Totals> {
        // [older, month, week, today, upcoming], in due order.
        let bounds = [EVER, month, week, today, tomorrow, after];
        let mut count = conn.prepare_cached(&format!(
            "SELECT count(*) FROM followups f WHERE {OPEN_ROW} AND f.due_on >= ?1 AND f.due_on < ?2"
        ))?;
        let mut n = [0i64; 5];
        for (slot, range) in n.iter_mut().zip(bounds.windows(2)) {
            *slot = count.query_row(params![range[0], range[1]], |r| r.get(0))?;
        }
        let mut hidden = conn.prepare_cached(&format!(
            "SELECT f.due_on FROM followups f WHERE {OPEN_ROW} AND f.due_on < ?1 AND f.rowid IN ( \
                 SELECT h.rowid FROM customers t INDEXED BY customers_trashed \
                     JOIN followups h ON h.customer_id = t.id WHERE t.deleted_at IS NOT NULL \
                 UNION SELECT h.rowid FROM contacts t INDEXED BY contacts_trashed \
                     JOIN followups h ON h.contact_id = t.id WHERE t.deleted_at IS NOT NULL)"
        ))?;
        let mut rows = hidden.query([after])?;
        while let Some(row) = rows.next()? {
            let due: String = row.get(0)?;
            // The range it was counted in (bounds are sorted; due < after).
            let at = bounds.partition_point(|b| *b <= due.as_str()).saturating_sub(1);
            if let Some(slot) = n.get_mut(at) {
                *slot -= 1;
            }
        }
        let [older, month, week, today, upcoming] = n;
        Ok(Totals {
            today,
            overdue: older + month + week,
            week,
            month,
            older,
            upcoming,
        })
    }
}

fn spans(today: NaiveDate) -> [String; 2] {
    [7, 30].map(|d| (today - Duration::days(d)).to_string())
}

/// Far before any follow-up, far after: the open ends of the ranges.
const EVER: &str = "0000-01-01";

/// The board's days: the counts' bounds (today, tomorrow, a week ago, a
/// month ago, the day after the horizon), and each group's range with
/// whether it lists the newest first: the overdue week, month and older,
/// then today and the upcoming days. [`board`] and [`board_reads`] both
/// read these, so the reads made ahead are the board's own.
struct Days {
    bounds: [String; 5],
    groups: [(String, String, bool); 5],
}

impl Days {
    fn of(today: NaiveDate, horizon_days: i64) -> Days {
        let day = today.to_string();
        let tomorrow = (today + Duration::days(1)).to_string();
        let after = (today + Duration::days(horizon_days + 1)).to_string();
        let [week, month] = spans(today);
        Days {
            bounds: [
                day.clone(),
                tomorrow.clone(),
                week.clone(),
                month.clone(),
                after.clone(),
            ],
            groups: [
                (week.clone(), day.clone(), true),
                (month.clone(), week, true),
                (EVER.to_string(), month, true),
                (day, tomorrow.clone(), false),
                (tomorrow, after, false),
            ],
        }
    }

    fn count(&self, conn: &Connection) -> Result<Totals> {
        Totals::count(conn, self.bounds.each_ref().map(String::as_str))
    }
}

/// How many open follow-ups are overdue on `today`, counted as the board
/// counts them (the reminders' summary at start).
pub(crate) fn overdue_count(conn: &Connection, today: NaiveDate) -> Result<i64> {
    Ok(Days::of(today, 0).count(conn)?.overdue)
}

/// The follow-up screen for `today`: each group holds at most `limit` items.
pub fn board(conn: &Connection, today: NaiveDate, horizon_days: i64, limit: u32) -> Result<Board> {
    let days = Days::of(today, horizon_days);
    let n = days.count(conn)?;
    let read = |(from, to, newest): &(String, String, bool), total| group(conn, from, to, *newest, limit, total);
    let [week, month, older, today, next] = &days.groups;
    let overdue_week = read(week, n.week)?;
    let overdue_month = read(month, n.month)?;
    let overdue_older = read(older, n.older)?;
    // All the overdue ones, newest first, are the three spans one after
    // the other (they split by day, so no tie spans two): the first of
    // them need no query of their own.
    let overdue = Group {
        total: n.overdue,
        items: [&overdue_week, &overdue_month, &overdue_older]
            .into_iter()
            .flat_map(|g| g.items.iter().cloned())
            .take(limit as usize)
            .collect(),
    };
    Ok(Board {
        today_items: read(today, n.today)?,
        overdue,
        overdue_week,
        overdue_month,
        overdue_older,
        upcoming: read(next, n.upcoming)?,
        today: days.bounds[0].clone(),
    })
}

/// One of the board's reads, its answer dropped.
pub type BoardRead = Box<dyn FnOnce(&Connection) -> Result<()> + Send>;

/// [`board`]'s reads one by one (the counts, then each group), each to be
/// made on a reader of its own: the app makes them at once while its
/// window comes up, so a cold disk serves them side by side and the board
/// the page then asks for is read from memory (src-tauri's `warm.rs`).
/// One after another they took ~1.5 s on a cold 100k book.
pub fn board_reads(today: NaiveDate, horizon_days: i64, limit: u32) -> Vec<BoardRead> {
    let days = std::sync::Arc::new(Days::of(today, horizon_days));
    let mut reads: Vec<BoardRead> = Vec::with_capacity(6);
    let all = days.clone();
    reads.push(Box::new(move |c: &Connection| all.count(c).map(drop)));
    for i in 0..days.groups.len() {
        let days = days.clone();
        reads.push(Box::new(move |c: &Connection| {
            let (from, to, newest) = &days.groups[i];
            group(c, from, to, *newest, limit, 0).map(drop)
        }));
    }
    reads
}

/// Every open follow-up (or only the overdue ones), soonest due first, for `baton followups`.
pub fn open_list(conn: &Connection, today: NaiveDate, overdue_only: bool) -> Result<Vec<FollowUpItem>> {
    let to = if overdue_only {
        today.to_string()
    } else {
        "9999-12-31".to_string()
    };
    Ok(group(conn, EVER, &to, false, u32::MAX, 0)?.items)
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
