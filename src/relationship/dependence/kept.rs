//! Dependence scores of many customers at once (the list's column and sort,
//! the key board, the manager's report), from the facts the book keeps on
//! each customer (migration 23) and [`score_of_facts`], the card's rule.
//!
//! Only what depends on today is worked out at read time: which of the
//! kept last-contact days fall on or after [`recent_since`], and whether
//! the latest assessment is still current.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row};

use super::{Card, Dependence, Facts, Level, recent_since, score_and_level, score_of_facts};
use crate::enums::Layer;
use crate::error::Result;
use crate::settings::Settings;

/// The kept columns a score is made of, in the order [`scored_of_row`]
/// reads them, for a customers table aliased `c`.
pub const FACTS: &str = "c.dep_people, c.dep_roles, c.dep_layers, c.dep_colleagues, c.dep_contacted, \
                         c.assessed_on, c.dep_card_layer";

/// A score of [`many`] and its words (red flags considered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub score: i64,
    pub level: Level,
}

/// The score of the customer whose [`FACTS`] start at column `first` of
/// `row`; `since` is [`recent_since`] of `today`.
pub fn scored_of_row(row: &Row<'_>, first: usize, since: &str, today: NaiveDate, s: &Settings) -> Result<Scored> {
    with_facts(row, first, since, |facts, card| {
        let (score, level) = score_and_level(facts, card, today, s);
        Scored { score, level }
    })
}

/// The whole score, reasons included, of a live customer from its kept
/// facts: what the card shows, for tests that hold the kept facts to it.
pub fn of_kept(conn: &Connection, customer_id: &str, today: NaiveDate, s: &Settings) -> Result<Dependence> {
    let since = recent_since(today, s);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FACTS} FROM customers c WHERE c.id = ?1 AND c.deleted_at IS NULL"
    ))?;
    let mut rows = stmt.query([customer_id])?;
    match rows.next()? {
        Some(r) => with_facts(r, 0, &since, |facts, card| score_of_facts(facts, card, today, s)),
        None => Err(crate::Error::NotFound {
            kind: "customer",
            id: customer_id.to_owned(),
        }),
    }
}

/// Calls `score` with the facts and the latest card read from the kept
/// columns starting at `first`.
fn with_facts<T>(
    row: &Row<'_>,
    first: usize,
    since: &str,
    score: impl FnOnce(Facts, Option<Card<'_>>) -> T,
) -> Result<T> {
    // By position, not by name: a list sorted by dependence reads 100k
    // rows, and checking each column's name was 40% of scoring them. The
    // names are checked once per row in debug builds (FACTS gives the order).
    debug_assert_eq!(row.as_ref().column_name(first).ok(), Some("dep_people"));
    debug_assert_eq!(row.as_ref().column_name(first + 6).ok(), Some("dep_card_layer"));
    let cell = |i: usize| row.get::<_, i64>(first + i);
    // The days are compared as text, as the card compares the contacts'
    // timestamps: a day on or after `since` is a timestamp on or after it.
    let days = row
        .get_ref(first + 4)?
        .as_str()
        .map_err(|e| crate::Error::Corrupt(e.to_string()))?;
    let contacted = days.split(',').filter(|d| !d.is_empty() && *d >= since).count() as i64;
    let facts = Facts {
        people: cell(0)?,
        roles: u32::try_from(cell(1)?).unwrap_or(0),
        layers: u32::try_from(cell(2)?).unwrap_or(0),
        colleagues: cell(3)?,
        contacted,
    };
    let assessed_on: Option<&str> = row
        .get_ref(first + 5)?
        .as_str_or_null()
        .map_err(|e| crate::Error::Corrupt(e.to_string()))?;
    let layer: Option<Layer> = row.get(first + 6)?;
    let card = assessed_on.map(|day| Card {
        layer,
        assessed_on: day,
    });
    Ok(score(facts, card))
}

/// The scores of the live customers in `ids` (every live customer when
/// `None`): one read of the kept facts, then the card's rule for each.
pub fn many(
    conn: &Connection,
    ids: Option<&[String]>,
    today: NaiveDate,
    s: &Settings,
) -> Result<HashMap<String, Scored>> {
    // ?1: the ids as a JSON array (bound even when unused).
    let within = match ids {
        Some(_) => "c.id IN (SELECT value FROM json_each(?1))",
        None => "?1 IS NOT NULL",
    };
    let ids_json = serde_json::to_string(&ids.unwrap_or_default()).unwrap_or_default();
    let since = recent_since(today, s);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, {FACTS} FROM customers c WHERE c.deleted_at IS NULL AND {within}"
    ))?;
    let mut rows = stmt.query([ids_json])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, scored_of_row(r, 1, &since, today, s)?);
    }
    Ok(out)
}
