//! Validation helpers shared by every record kind.
//!
//! Validation lives in the core so the UI, the command-line tool and handover
//! import all get the same rules and the same field-naming errors. Limits are
//! in characters, not bytes, so a Chinese name gets as much room as an English one.

use chrono::NaiveDate;

use crate::error::{Error, Result, Rule};

/// Names of people and companies.
pub const NAME_MAX: usize = 200;
/// Short single-line facts: phone, website, industry, title.
pub const SHORT_MAX: usize = 500;
/// Paragraph fields: personality, needs, culture.
pub const TEXT_MAX: usize = 5_000;
/// Free notes.
pub const NOTES_MAX: usize = 50_000;
/// Tags per customer, and characters per tag.
pub const TAGS_MAX: usize = 30;
/// Characters per tag.
pub const TAG_MAX: usize = 40;
/// Items in small lists (competitors, who-knows-them).
pub const LIST_MAX: usize = 50;

/// Rejects text longer than `max` characters.
pub fn text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::invalid(field, Rule::TooLong { max }));
    }
    Ok(())
}

/// Rejects empty (or whitespace-only) and over-long text.
pub fn required(field: &str, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    text(field, value, max)
}

/// Rejects lists with more than `max` items.
pub fn count<T>(field: &str, items: &[T], max: usize) -> Result<()> {
    if items.len() > max {
        return Err(Error::invalid(field, Rule::TooMany { max }));
    }
    Ok(())
}

/// Checks a `YYYY-MM-DD` date is real and within `min..=today`.
pub fn past_date(field: &str, value: &str, min: NaiveDate) -> Result<NaiveDate> {
    let date = parse_date(field, value)?;
    let max = crate::clock::today();
    if date < min || date > max {
        return Err(Error::invalid(
            field,
            Rule::DateOutOfRange {
                min: min.to_string(),
                max: max.to_string(),
            },
        ));
    }
    Ok(date)
}

/// Parses a `YYYY-MM-DD` calendar date; `2026-02-30` is rejected.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate> {
    // chrono accepts single-digit months and days; the stored form must be
    // exactly ten characters so dates sort as text.
    if value.len() != 10 {
        return Err(Error::invalid(field, Rule::BadDate));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| Error::invalid(field, Rule::BadDate))
}

/// Checks an integer lies in `min..=max`.
pub fn range(field: &str, value: i64, min: i64, max: i64) -> Result<()> {
    if value < min || value > max {
        return Err(Error::invalid(field, Rule::OutOfRange { min, max }));
    }
    Ok(())
}

/// Checks a record timestamp is RFC 3339.
pub fn timestamp(field: &str, value: &str) -> Result<()> {
    chrono::DateTime::parse_from_rfc3339(value).map(|_| ()).map_err(|_| {
        Error::invalid(
            field,
            Rule::Malformed {
                detail: "not an RFC 3339 timestamp".into(),
            },
        )
    })
}

/// Checks an id is a UUID.
pub fn id(field: &str, value: &str) -> Result<()> {
    uuid::Uuid::parse_str(value).map(|_| ()).map_err(|_| {
        Error::invalid(
            field,
            Rule::Malformed {
                detail: "not a UUID".into(),
            },
        )
    })
}

/// Deserialises JSON input, naming the exact field that failed
/// (`customer.status: unknown variant ...`), so IPC input errors are as
/// precise as validation errors.
pub fn from_json<T: serde::de::DeserializeOwned>(root: &str, value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            root.to_string()
        } else {
            format!("{root}.{path}")
        };
        Error::invalid(
            field,
            Rule::Malformed {
                detail: e.inner().to_string(),
            },
        )
    })
}
