//! Changing a follow-up: done, rescheduled, cancelled, reopened, reworded,
//! trashed. Each change but the trash is logged for the timeline. Call each
//! inside a transaction.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FollowUp;
use super::changes::{self, FollowUpAction};
use crate::error::Result;
use crate::history::contacts::{self, ContactDraft};
use crate::record::{self, RecordKind};
use crate::{clock, validate};

/// Where a reschedule moves a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Reschedule {
    /// To this day (`YYYY-MM-DD`).
    To(String),
    /// One day later.
    PlusDay,
    /// One week later.
    PlusWeek,
    /// To the next Monday after today.
    NextMonday,
}

impl Reschedule {
    /// The new due day. "Later" counts from the due day, or from today when
    /// that has passed: snoozing an overdue step by a day means tomorrow,
    /// not a day after a date long gone.
    pub fn target(&self, due: &str, today: NaiveDate) -> Result<NaiveDate> {
        let base = validate::parse_date("followup.due_on", due).unwrap_or(today).max(today);
        Ok(match self {
            Reschedule::To(day) => validate::parse_date("followup.due_on", day)?,
            Reschedule::PlusDay => base + Duration::days(1),
            Reschedule::PlusWeek => base + Duration::days(7),
            Reschedule::NextMonday => {
                let ahead = 7 - i64::from(today.weekday().num_days_from_monday());
                today + Duration::days(ahead)
            }
        })
    }
}

fn get(conn: &rusqlite::Connection, id: &str) -> Result<FollowUp> {
    record::get(conn, id)
}

fn touch(f: &mut FollowUp) {
    f.updated_at = clock::now();
}

/// Marks a follow-up done, optionally logging the contact that closed it (in
/// the same transaction), and says whether it was open until now. A closed
/// one is returned unchanged. The app and the CLI call
/// [`crate::workflow::followup_done`], which also ticks off the
/// relationship-card plan step the follow-up came from.
pub(crate) fn done(conn: &rusqlite::Connection, id: &str, closing: Option<ContactDraft>) -> Result<(FollowUp, bool)> {
    let mut f = get(conn, id)?;
    if !f.is_open() {
        return Ok((f, false));
    }
    if let Some(draft) = closing {
        let contact = contacts::create(conn, &f.customer_id, draft)?;
        f.done_contact_id = Some(contact.id);
    }
    touch(&mut f);
    f.done_at = Some(f.updated_at.clone());
    record::put(conn, &f)?;
    changes::log(conn, &f, FollowUpAction::Done, None, "")?;
    Ok((f, true))
}

/// Moves a follow-up to another day. A done or cancelled one is opened
/// again on the new day (moving it means it is still to do).
pub fn reschedule(conn: &rusqlite::Connection, id: &str, to: &Reschedule, today: NaiveDate) -> Result<FollowUp> {
    let mut f = get(conn, id)?;
    let day = to.target(&f.due_on, today)?.to_string();
    if day == f.due_on && f.is_open() {
        return Ok(f);
    }
    let old = std::mem::replace(&mut f.due_on, day);
    f.done_at = None;
    f.done_contact_id = None;
    f.cancelled_at = None;
    f.cancel_reason.clear();
    touch(&mut f);
    record::put(conn, &f)?;
    changes::log(conn, &f, FollowUpAction::Rescheduled, Some(&old), "")?;
    Ok(f)
}

/// Calls a follow-up off, with an optional reason. A closed one is returned
/// unchanged.
pub fn cancel(conn: &rusqlite::Connection, id: &str, reason: &str) -> Result<FollowUp> {
    let mut f = get(conn, id)?;
    if !f.is_open() {
        return Ok(f);
    }
    let reason = reason.trim();
    validate::text("followup.cancel_reason", reason, validate::TEXT_MAX)?;
    touch(&mut f);
    f.cancelled_at = Some(f.updated_at.clone());
    f.cancel_reason = reason.to_string();
    record::put(conn, &f)?;
    changes::log(conn, &f, FollowUpAction::Cancelled, None, reason)?;
    Ok(f)
}

/// Opens a done or cancelled follow-up again, on its old day. An open one is
/// returned unchanged.
pub fn reopen(conn: &rusqlite::Connection, id: &str) -> Result<FollowUp> {
    let mut f = get(conn, id)?;
    if f.is_open() {
        return Ok(f);
    }
    f.done_at = None;
    f.done_contact_id = None;
    f.cancelled_at = None;
    f.cancel_reason.clear();
    touch(&mut f);
    record::put(conn, &f)?;
    changes::log(conn, &f, FollowUpAction::Reopened, None, "")?;
    Ok(f)
}

/// Rewords a follow-up and sets its day.
pub fn edit(conn: &rusqlite::Connection, id: &str, title: &str, due_on: &str) -> Result<FollowUp> {
    let mut f = get(conn, id)?;
    let title = title.trim();
    validate::required("followup.title", title, validate::TEXT_MAX)?;
    validate::parse_date("followup.due_on", due_on)?;
    if title == f.title && due_on == f.due_on {
        return Ok(f);
    }
    let old = (due_on != f.due_on).then(|| f.due_on.clone());
    f.title = title.to_string();
    f.due_on = due_on.to_string();
    touch(&mut f);
    record::put(conn, &f)?;
    changes::log(conn, &f, FollowUpAction::Edited, old.as_deref(), "")?;
    Ok(f)
}

/// Moves a follow-up to the trash (restore it from there).
pub fn delete(conn: &rusqlite::Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::FollowUp, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn later_counts_from_today_when_the_day_has_passed() {
        let today = day("2026-11-25"); // a Wednesday
        assert_eq!(
            Reschedule::PlusDay.target("2026-11-01", today).unwrap(),
            day("2026-11-26")
        );
        assert_eq!(
            Reschedule::PlusWeek.target("2026-12-10", today).unwrap(),
            day("2026-12-17")
        );
        assert_eq!(
            Reschedule::NextMonday.target("2026-12-10", today).unwrap(),
            day("2026-11-30")
        );
        assert_eq!(
            Reschedule::NextMonday.target("2026-11-01", day("2026-11-30")).unwrap(),
            day("2026-12-07")
        );
        assert!(Reschedule::To("2026-02-30".into()).target("2026-11-01", today).is_err());
    }
}
