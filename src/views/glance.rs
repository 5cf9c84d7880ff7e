//! The customer card at a glance (issue 14): what the header answers before
//! any scrolling — the relationship's weight and how it moved since the
//! assessment before, how much it hangs on one person, the last contact,
//! and the tier Baton would suggest when it differs from the one accepted.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::enums::Tier;
use crate::error::Result;
use crate::relationship::dependence::{Level, RedFlag};
use crate::{customers, relationship::key_board, value};

/// The header's facts about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Glance {
    /// The latest assessment's weight (0–100), if assessed.
    pub weight: Option<i64>,
    /// Its change since the assessment before, if there are two.
    pub weight_change: Option<i64>,
    /// Dependence on one person (0 … 100).
    pub dependence: i64,
    /// That score in words, red flags considered.
    pub dependence_level: Level,
    /// The gaps nothing makes up for (no decision maker known, one person).
    pub red_flags: Vec<RedFlag>,
    /// The day of the last live contact (UTC day), if any.
    pub last_contact_on: Option<String>,
    /// The tier the value rules suggest, when it is not the accepted one.
    pub suggested_tier: Option<Tier>,
}

/// The glance of a live customer as of `today`.
pub fn of(conn: &Connection, customer_id: &str, today: NaiveDate) -> Result<Glance> {
    let customer = customers::get(conn, customer_id)?;
    let card = key_board::card(conn, customer_id, today)?;
    let weights: Vec<i64> = card.assessments.iter().filter_map(|a| a.weight).collect();
    let weight = weights.last().copied();
    let weight_change = match weights.as_slice() {
        [.., before, last] => Some(last - before),
        _ => None,
    };
    let last_contact_on: Option<String> = conn
        .query_row(
            "SELECT last_contact_on FROM customers WHERE id = ?1",
            [customer_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let suggestion = value::picture(conn, customer_id, today)?.suggestion.tier;
    Ok(Glance {
        weight,
        weight_change,
        dependence: card.dependence.score,
        dependence_level: card.dependence.level,
        red_flags: card.dependence.red_flags,
        last_contact_on,
        suggested_tier: (customer.card.tier != Some(suggestion)).then_some(suggestion),
    })
}
