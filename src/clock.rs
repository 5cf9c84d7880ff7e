//! Ids and timestamps, in the one format every record uses.
//!
//! Ids are UUID v7 (time-ordered, so new rows land at the end of the primary
//! key index) and never change: handover import merges records by id.
//! Timestamps are UTC RFC 3339 with milliseconds and a `Z`, which sort
//! correctly as text.

use chrono::{DateTime, SecondsFormat, Utc};

/// A fresh record id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, formatted as a record timestamp.
pub fn now() -> String {
    format_ts(Utc::now())
}

/// Formats a UTC instant as a record timestamp (`2026-11-23T08:30:00.000Z`).
pub fn format_ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Today's date in UTC, used as the upper bound of dates that cannot be in the future.
pub fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

/// Today on the salesperson's own calendar (local time): what "due today" means.
pub fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
