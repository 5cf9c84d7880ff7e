//! Timestamps in a handover file are parsed, not compared as text.
//!
//! Every top-level `…_at` field of a record must be an RFC 3339 instant no
//! more than a day ahead of this computer's clock (a file cannot win every
//! future merge with `9999-12-31`); it is normalised to the book's one form
//! (UTC, milliseconds, `Z`), so `+08:00` and `Z` times compare as instants.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

/// How far ahead of now a timestamp may be (clocks drift; time zones differ).
pub const FUTURE_SLACK: Duration = Duration::days(1);

/// Parses a record timestamp into an instant.
pub fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// Checks and normalises the `…_at` fields of `record` in place; on a bad
/// one, its name and what is wrong.
pub fn normalise(record: &mut Value, now: DateTime<Utc>) -> Result<(), (String, String)> {
    let Some(map) = record.as_object_mut() else {
        return Ok(());
    };
    for (key, value) in map.iter_mut() {
        if !key.ends_with("_at") || value.is_null() {
            continue;
        }
        let Some(text) = value.as_str() else {
            return Err((key.clone(), "not a timestamp (expected RFC 3339 text)".into()));
        };
        let Some(t) = instant(text) else {
            return Err((
                key.clone(),
                format!("{text:?} is not an RFC 3339 timestamp (such as 2026-11-29T08:30:00Z)"),
            ));
        };
        if t > now + FUTURE_SLACK {
            return Err((
                key.clone(),
                format!("{text} is in the future (more than a day ahead of this computer's clock)"),
            ));
        }
        *value = Value::String(crate::clock::format_ts(t));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        instant("2026-11-29T12:00:00Z").expect("a valid instant")
    }

    #[test]
    fn offsets_are_normalised_to_utc_milliseconds() {
        let mut r = serde_json::json!({"updated_at": "2026-11-29T23:59:00+08:00", "deleted_at": null, "name": "x"});
        normalise(&mut r, now()).expect("valid");
        assert_eq!(r["updated_at"], "2026-11-29T15:59:00.000Z");
        assert!(r["deleted_at"].is_null());
    }

    #[test]
    fn text_that_is_no_instant_and_the_far_future_are_refused() {
        for bad in [
            "~",
            "",
            "2026-13-01T00:00:00Z",
            "9999-12-31T00:00:00Z",
            "2026-12-01T00:00:00Z",
        ] {
            let mut r = serde_json::json!({"updated_at": bad});
            let (field, _) = normalise(&mut r, now()).expect_err(bad);
            assert_eq!(field, "updated_at");
        }
        let mut r = serde_json::json!({"created_at": 5});
        assert!(normalise(&mut r, now()).is_err());
        // Within a day ahead is clock drift, not a forgery.
        let mut r = serde_json::json!({"updated_at": "2026-11-30T06:00:00Z"});
        assert!(normalise(&mut r, now()).is_ok());
    }
}
