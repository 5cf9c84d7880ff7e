//! Reminders: what the app tells the salesperson about follow-ups, and when.
//!
//! At the first moment the app runs outside quiet hours it says once how
//! many follow-ups are due today and overdue. After that, while it stays
//! open, each follow-up that becomes due today (a new day began, or one was
//! moved to today) is told once; more than [`ONE_BY_ONE`] at a time become
//! one summary. Nothing is said with reminders off, and nothing during quiet
//! hours: what falls due then is told when they end. The shell turns a
//! [`Notice`] into a desktop notification in the user's language.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, params};
use serde::Serialize;

use super::OPEN;
use crate::error::Result;
use crate::settings::Settings;

/// More follow-ups than this falling due at once are told as one summary.
pub const ONE_BY_ONE: usize = 3;

/// One thing to tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// How many are due today and overdue (at start, or many at once).
    Summary { due_today: u64, overdue: u64 },
    /// One follow-up due today.
    Due {
        followup_id: String,
        title: String,
        customer: String,
    },
}

/// Whether `now` falls in the quiet hours of `s` (which may span midnight,
/// 22:00–08:00). Unset or unreadable hours are never quiet.
pub fn quiet(s: &Settings, now: NaiveTime) -> bool {
    let parse = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let (Some(from), Some(to)) = (parse(&s.quiet_from), parse(&s.quiet_to)) else {
        return false;
    };
    if from <= to {
        from <= now && now < to
    } else {
        now >= from || now < to
    }
}

/// What has been told so far in this run of the app.
#[derive(Debug, Default)]
pub struct Reminders {
    started: bool,
    day: Option<NaiveDate>,
    told: HashSet<String>,
}

impl Reminders {
    pub fn new() -> Self {
        Self::default()
    }

    /// What to tell at `now` (local time), given the book's settings.
    pub fn tick(&mut self, conn: &Connection, now: NaiveDateTime, s: &Settings) -> Result<Vec<Notice>> {
        if !s.reminders || quiet(s, now.time()) {
            return Ok(Vec::new());
        }
        let today = now.date();
        if self.day != Some(today) {
            self.day = Some(today);
            self.told.clear();
        }
        let due = due_today(conn, today)?;
        if !self.started {
            self.started = true;
            self.told.extend(due.iter().map(|d| d.0.clone()));
            let overdue = overdue(conn, today)?;
            if due.is_empty() && overdue == 0 {
                return Ok(Vec::new());
            }
            return Ok(vec![Notice::Summary {
                due_today: due.len() as u64,
                overdue,
            }]);
        }
        let new: Vec<_> = due.into_iter().filter(|d| !self.told.contains(&d.0)).collect();
        self.told.extend(new.iter().map(|d| d.0.clone()));
        if new.len() > ONE_BY_ONE {
            return Ok(vec![Notice::Summary {
                due_today: new.len() as u64,
                overdue: 0,
            }]);
        }
        Ok(new
            .into_iter()
            .map(|(followup_id, title, customer)| Notice::Due {
                followup_id,
                title,
                customer,
            })
            .collect())
    }
}

/// Open follow-ups due on `today`: (id, step, customer), oldest first.
fn due_today(conn: &Connection, today: NaiveDate) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT f.id, f.title, c.name FROM followups f JOIN customers c ON c.id = f.customer_id \
         WHERE {OPEN} AND f.due_on = ?1 ORDER BY f.created_at, f.id"
    ))?;
    let rows = stmt
        .query_map(params![today.format("%Y-%m-%d").to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Counted as the board counts (an index range each): listing them with
/// their customers read a page of the customers for each, seconds on the
/// 100k book right after a start, while the user's first screen read too.
fn overdue(conn: &Connection, today: NaiveDate) -> Result<u64> {
    Ok(u64::try_from(super::overdue_count(conn, today)?).unwrap_or(0))
}
