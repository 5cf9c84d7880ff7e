//! Which customers a report covers: every facet given must match
//! (customer, tier, standing, tag), any value within a facet.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::ReportOptions;
use crate::customers::activity::{self, Standing};
use crate::enums::Tier;
use crate::error::Result;
use crate::settings::Settings;

/// Whether a customer is in the report's scope. The standing is only
/// known once the customer is weighed: `None` skips that facet.
pub(super) fn in_scope(
    id: &str,
    tier: Option<Tier>,
    tags: &[String],
    standing: Option<Standing>,
    opts: &ReportOptions,
) -> bool {
    (opts.customers.is_empty() || opts.customers.contains(id))
        && (opts.tiers.is_empty() || tier.is_some_and(|t| opts.tiers.contains(&t)))
        && (opts.statuses.is_empty() || standing.is_none_or(|s| opts.statuses.contains(&s)))
        && (opts.tags.is_empty() || tags.iter().any(|t| opts.tags.contains(t)))
}

/// The names by id of the live customers in scope, read without weighing
/// anyone: the standing from the columns triggers keep (the list's rule,
/// which a test holds to the value picture's). The workbook's history
/// sheets start from this while the customers sheet is still weighing.
pub(super) fn chosen(
    conn: &Connection,
    opts: &ReportOptions,
    s: &Settings,
    today: NaiveDate,
) -> Result<HashMap<String, String>> {
    let sql = format!(
        "SELECT c.id, c.name, c.tier, c.tags, {} AS standing FROM customers c WHERE c.deleted_at IS NULL",
        activity::standing_sql("c", "?1")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([activity::cutoff(today, s.dormant_days)])?;
    let mut chosen = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let tags: Vec<String> = if opts.tags.is_empty() {
            Vec::new()
        } else {
            crate::record::json_column(r, 3, "tags")?
        };
        if in_scope(&id, r.get(2)?, &tags, Some(r.get(4)?), opts) {
            chosen.insert(id, r.get(1)?);
        }
    }
    Ok(chosen)
}
