//! Bringing an existing book in (导入): customers and their key people from
//! a spreadsheet (.xlsx, .xls, .csv, .txt) saved by Excel, WPS or anything
//! else, in any of the encodings Chinese tools write.
//!
//! Three steps, each usable alone (the app shows the middle one):
//! 1. [`read`] the file into a [`Table`] of text (encoding, separator,
//!    header row found under titles and empty rows);
//! 2. [`plan`] it with a [`Mapping`] of columns to fields: rows grouped by
//!    company, values typed (dates, numbers), every problem named by row and
//!    column, duplicates found against the book;
//! 3. [`apply`] the plan in one transaction after a backup, each duplicate
//!    skipped, updated or created as chosen.

mod aliases;
mod apply;
mod book_keys;
mod decode;
mod history;
mod history_write;
pub mod limits;
mod mapping;
mod merge;
mod people_index;
mod plan;
mod rejected;
mod row;
mod table;
mod unfiled_plan;
pub mod values;
mod warning;

pub use apply::{Choice, SheetImportOptions, SheetReport, UnfiledChoice, apply};
pub use decode::Detected;
pub use history::{PlannedFollowUp, PlannedHistory};
pub use mapping::{Field, Mapping, ValueMap, guess};
pub use plan::{Duplicate, Plan, PlannedCustomer, PlannedPerson, Rejected, UnknownValue, plan, plan_with};
pub use rejected::write_rejected;
pub use table::{SourceRow, Table, decode_text as read_text_only, read, read_sheet, read_text, sheet_names};
pub use unfiled_plan::PlannedUnfiled;
pub use warning::{DayOf, Expected, Warning, Whose, Why};

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// The mapping saved for next time (header → field), merged over every
/// sheet mapped so far, kept in the book's settings.
pub fn saved_mapping(conn: &Connection) -> Result<BTreeMap<String, Field>> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'sheet_mapping'", [], |r| {
            r.get(0)
        })
        .optional()?;
    // A damaged saved mapping is only a lost convenience: guess afresh.
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

/// The sheets' own words saved for next time (高级 → A), by field, merged
/// over every sheet mapped so far.
pub fn saved_values(conn: &Connection) -> Result<ValueMap> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = 'sheet_values'", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

/// Adds `mapping` of `headers` (its columns and its words) to the saved
/// mapping. Call inside a transaction.
pub fn save_mapping(conn: &Connection, headers: &[String], mapping: &Mapping) -> Result<()> {
    let mut saved = saved_mapping(conn)?;
    saved.extend(mapping.to_saved(headers));
    put_setting(
        conn,
        "sheet_mapping",
        &serde_json::to_string(&saved).unwrap_or_default(),
    )?;
    let mut values = saved_values(conn)?;
    for (field, words) in &mapping.values {
        values.entry(*field).or_default().extend(words.clone());
    }
    put_setting(
        conn,
        "sheet_values",
        &serde_json::to_string(&values).unwrap_or_default(),
    )
}

fn put_setting(conn: &Connection, key: &str, json: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        rusqlite::params![key, json, crate::clock::now()],
    )?;
    Ok(())
}
