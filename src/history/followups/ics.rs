//! Open follow-ups as an iCalendar file (RFC 5545), so Outlook, WPS and a
//! phone's calendar can hold them.
//!
//! Each follow-up is an all-day event on its due day. Its UID is the
//! follow-up's id, so importing a newer file updates the events instead of
//! adding copies; SEQUENCE and LAST-MODIFIED come from the follow-up's last
//! change, which calendars use to decide that the newer one wins.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use super::board::{FollowUpItem, open_list};
use crate::error::{Error, Result};
use crate::files::content_line::{escape, push};
use crate::files::{Protected, Replace, write_atomic};

/// Writes every open follow-up to `out` (whole or not at all); returns how many.
pub fn write(conn: &Connection, out: &Path, today: NaiveDate, protected: &Protected) -> Result<usize> {
    let items = open_list(conn, today, false)?;
    let text = calendar(&items, Utc::now());
    write_atomic(out, protected, Replace::Allowed, |file, _| {
        file.write_all(text.as_bytes()).map_err(|e| Error::io(out, e))
    })?;
    Ok(items.len())
}

/// The calendar text for `items`, stamped `now`.
pub fn calendar(items: &[FollowUpItem], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:-//Baton//Baton {}//ZH", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Baton",
    ] {
        push(&mut out, line);
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for item in items {
        let f = &item.followup;
        let Ok(day) = NaiveDate::parse_from_str(&f.due_on, "%Y-%m-%d") else {
            continue; // stored dates are validated; never happens
        };
        let next = day.succ_opt().unwrap_or(day);
        let changed = DateTime::parse_from_rfc3339(&f.updated_at)
            .map(|t| t.with_timezone(&Utc))
            .ok();
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}@baton", f.id));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
        push(&mut out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        push(
            &mut out,
            &format!("SUMMARY:{}", escape(&format!("{} · {}", item.customer_name, f.title))),
        );
        let mut about = vec![item.customer_name.clone()];
        if let Some(p) = &item.person {
            about.push(
                [p.name.as_str(), p.title.as_str(), p.phone.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        push(&mut out, &format!("DESCRIPTION:{}", escape(&about.join("\n"))));
        if let Some(t) = changed {
            push(&mut out, &format!("LAST-MODIFIED:{}", t.format("%Y%m%dT%H%M%SZ")));
            // Grows with every change (seconds since 2020), so the newer wins.
            let seq = (t.timestamp() - 1_577_836_800).max(0);
            push(&mut out, &format!("SEQUENCE:{seq}"));
        }
        push(&mut out, "TRANSP:TRANSPARENT");
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}
