//! Per-book preferences: who "I" am and the interface language.
//!
//! Stored as key/value rows so adding a setting needs no migration; unknown
//! keys from a newer Baton are kept untouched.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::enums::{Dimension, Language};
use crate::error::Result;
use crate::validate::{self, NAME_MAX};

/// The settings screen's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// My name: the owner of new records.
    pub user_name: String,
    /// Interface language; `system` follows the OS locale.
    pub language: Language,
    /// Currency of new transactions and of value figures (ISO 4217, e.g. CNY).
    pub currency: String,
    /// A customer with no purchase or contact for this many days is dormant.
    pub dormant_days: i64,
    /// The R-F-M window: purchases and amount "in the window" count this many days back.
    pub value_window_days: i64,
    /// Relationship-card dimensions in use (small firms use three or four).
    /// Changing this never deletes past scores.
    pub dimensions: Vec<Dimension>,
    /// Optional weight per dimension (1–5; missing = 1) in the card's weight.
    pub dimension_weights: std::collections::BTreeMap<Dimension, i64>,
    /// A key customer's card is due for reassessment after this many days.
    pub reassess_days: i64,
    /// Desktop notifications of follow-ups falling due.
    pub reminders: bool,
    /// Quiet hours (`HH:MM`, local time; may span midnight): no reminder
    /// then. Both empty: never quiet.
    pub quiet_from: String,
    pub quiet_to: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_name: String::new(),
            language: Language::System,
            currency: "CNY".into(),
            dormant_days: 180,
            value_window_days: 365,
            dimensions: Dimension::ALL.to_vec(),
            dimension_weights: Default::default(),
            reassess_days: 90,
            reminders: true,
            quiet_from: "22:00".into(),
            quiet_to: "08:00".into(),
        }
    }
}

fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached("SELECT value FROM settings WHERE key = ?1")?;
    Ok(stmt.query_row([key], |r| r.get(0)).optional()?)
}

/// The book's settings, with defaults for anything unset.
pub fn get(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    if let Some(name) = value(conn, "user_name")? {
        s.user_name = name;
    }
    if let Some(lang) = value(conn, "language")? {
        // A value this build does not know falls back to the default rather
        // than locking the user out of their settings.
        s.language = Language::parse(&lang, "settings.language").unwrap_or(Language::System);
    }
    if let Some(v) = value(conn, "currency")? {
        s.currency = v;
    }
    if let Some(v) = value(conn, "dormant_days")?.and_then(|v| v.parse().ok()) {
        s.dormant_days = v;
    }
    if let Some(v) = value(conn, "value_window_days")?.and_then(|v| v.parse().ok()) {
        s.value_window_days = v;
    }
    if let Some(v) = value(conn, "dimensions")?.and_then(|v| serde_json::from_str(&v).ok()) {
        s.dimensions = v;
    }
    if let Some(v) = value(conn, "dimension_weights")?.and_then(|v| serde_json::from_str(&v).ok()) {
        s.dimension_weights = v;
    }
    if let Some(v) = value(conn, "reassess_days")?.and_then(|v| v.parse().ok()) {
        s.reassess_days = v;
    }
    if let Some(v) = value(conn, "reminders")? {
        s.reminders = v != "0";
    }
    if let Some(v) = value(conn, "quiet_from")? {
        s.quiet_from = v;
    }
    if let Some(v) = value(conn, "quiet_to")? {
        s.quiet_to = v;
    }
    Ok(s)
}

/// Validates and stores the settings.
pub fn save(conn: &Connection, settings: &Settings) -> Result<Settings> {
    let mut s = settings.clone();
    s.user_name = s.user_name.trim().to_string();
    validate::text("settings.user_name", &s.user_name, NAME_MAX)?;
    s.currency = s.currency.trim().to_ascii_uppercase();
    if s.currency.len() != 3 || !s.currency.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(crate::Error::invalid(
            "settings.currency",
            crate::Rule::Malformed {
                detail: "a three-letter currency code such as CNY".into(),
            },
        ));
    }
    validate::range("settings.dormant_days", s.dormant_days, 7, 3650)?;
    validate::range("settings.value_window_days", s.value_window_days, 30, 3650)?;
    validate::range("settings.reassess_days", s.reassess_days, 7, 3650)?;
    s.dimensions.sort();
    s.dimensions.dedup();
    if s.dimensions.is_empty() {
        return Err(crate::Error::invalid("settings.dimensions", crate::Rule::Required));
    }
    for (field, value) in [
        ("settings.quiet_from", &mut s.quiet_from),
        ("settings.quiet_to", &mut s.quiet_to),
    ] {
        *value = value.trim().to_string();
        if !value.is_empty() && chrono::NaiveTime::parse_from_str(value, "%H:%M").is_err() {
            return Err(crate::Error::invalid(
                field,
                crate::Rule::Malformed {
                    detail: "a time of day such as 22:00".into(),
                },
            ));
        }
    }
    if s.quiet_from.is_empty() != s.quiet_to.is_empty() {
        let field = if s.quiet_from.is_empty() {
            "settings.quiet_from"
        } else {
            "settings.quiet_to"
        };
        return Err(crate::Error::invalid(field, crate::Rule::Required));
    }
    for (d, w) in &s.dimension_weights {
        validate::range(&format!("settings.dimension_weights.{}", d.as_str()), *w, 1, 5)?;
    }
    let now = crate::clock::now();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )?;
    stmt.execute(params!["user_name", s.user_name, now])?;
    stmt.execute(params!["language", s.language.as_str(), now])?;
    stmt.execute(params!["currency", s.currency, now])?;
    stmt.execute(params!["dormant_days", s.dormant_days.to_string(), now])?;
    stmt.execute(params!["value_window_days", s.value_window_days.to_string(), now])?;
    // Plain data: serialising it cannot fail.
    let dimensions = serde_json::to_string(&s.dimensions).unwrap_or_default();
    let weights = serde_json::to_string(&s.dimension_weights).unwrap_or_default();
    stmt.execute(params!["dimensions", dimensions, now])?;
    stmt.execute(params!["dimension_weights", weights, now])?;
    stmt.execute(params!["reassess_days", s.reassess_days.to_string(), now])?;
    stmt.execute(params!["reminders", if s.reminders { "1" } else { "0" }, now])?;
    stmt.execute(params!["quiet_from", s.quiet_from, now])?;
    stmt.execute(params!["quiet_to", s.quiet_to, now])?;
    Ok(s)
}

/// Every stored setting as key → value, for the dump.
pub fn all(conn: &Connection) -> Result<std::collections::BTreeMap<String, String>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
