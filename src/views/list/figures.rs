//! The list's computed columns (issue 14): revenue in the value window, the
//! relationship's weight and the dependence score — the same numbers the
//! card shows, for the rows of a page, and as sort keys for every customer.
//!
//! Revenue is SQL (a grouped pass over the covering deals index), so it
//! sorts like any column. Weight and dependence follow Rust rules
//! ([`relationship::weight_of`], [`crate::relationship::dependence::score_of_facts`]):
//! their sorts read what they are made of in bulk (the kept scores of
//! migration 19, the kept facts of migration 23) and apply the card's functions.
//! (The same rule written again in SQL with `json_each` measured 2.8x slower
//! than parsing in Rust.) Tests hold each to the card.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::error::Result;
use crate::settings::Settings;
use crate::{relationship, value};

/// A row's computed figures.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Figures {
    pub revenue: i64,
    pub weight: Option<i64>,
    pub dependence: i64,
}

/// The figures of the live customers `ids` (one page), a few queries for
/// the whole page.
pub(super) fn of_page(
    conn: &Connection,
    ids: &[String],
    s: &Settings,
    today: NaiveDate,
) -> Result<HashMap<String, Figures>> {
    let ids_json = serde_json::to_string(ids).unwrap_or_default();
    let mut out: HashMap<String, Figures> = ids.iter().map(|id| (id.clone(), Figures::default())).collect();
    let mut stmt = conn.prepare_cached(&format!("{} SELECT customer_id, rev FROM r", revenue_cte(2, 3, 1)))?;
    let mut rows = stmt.query(params![ids_json, s.currency, value::window_start(s, today)])?;
    while let Some(r) = rows.next()? {
        if let Some(f) = out.get_mut(&r.get::<_, String>(0)?) {
            f.revenue = r.get::<_, Option<i64>>(1)?.unwrap_or(0);
        }
    }
    for (id, weight) in weights(conn, s, &ids_json)? {
        if let Some(f) = out.get_mut(&id) {
            f.weight = Some(weight);
        }
    }
    for (id, d) in crate::relationship::dependence::many(conn, Some(ids), today, s)? {
        if let Some(f) = out.get_mut(&id) {
            f.dependence = d.score;
        }
    }
    Ok(out)
}

/// The grouped revenue in the window of the customers in `?{only}` (a JSON
/// array of ids) as a CTE named `r` (columns `customer_id`, `rev`);
/// `?{currency}` and `?{since}` are its parameters' positions in the
/// statement it opens. (The list sorted by revenue reads the kept ranking,
/// `value::kept_ranking`, instead.)
pub(super) fn revenue_cte(currency: usize, since: usize, only: usize) -> String {
    format!(
        "WITH r AS (SELECT d.customer_id, baton_sum({}) AS rev FROM deals d \
         WHERE d.kind IN ('order', 'return') AND d.occurred_on >= ?{since} AND d.currency = ?{currency} \
         AND d.deleted_at IS NULL AND d.customer_id IN (SELECT value FROM json_each(?{only})) GROUP BY d.customer_id)",
        value::REVENUE
    )
}

/// The weight of the assessed customers among `only` (a JSON array of
/// ids): [`relationship::weight`] of each one's latest assessment that
/// scored a dimension in use. Read from the scores each customer keeps of
/// its two latest assessments (migration 19); only a customer whose two
/// latest scored no dimension in use (the dimensions in use changed since)
/// has its older assessments read.
pub(super) fn weights(conn: &Connection, s: &Settings, only: &str) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, latest_scores, previous_scores FROM customers \
         WHERE id IN (SELECT value FROM json_each(?1)) AND latest_scores IS NOT NULL",
    )?;
    let mut out = HashMap::new();
    let mut older = Vec::new();
    let mut rows = stmt.query([only])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        match weigh_kept(&r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?.as_deref(), s) {
            Kept::Weight(w) => {
                out.insert(id, w);
            }
            Kept::Older => older.push(id),
            Kept::None => {}
        }
    }
    if !older.is_empty() {
        let ids = serde_json::to_string(&older).unwrap_or_default();
        out.extend(weights_from_assessments(conn, s, &ids)?);
    }
    Ok(out)
}

/// What a customer's kept scores (its two latest assessments) say of its weight.
pub(super) enum Kept {
    Weight(i64),
    /// Neither scored a dimension in use, and there are older assessments.
    Older,
    None,
}

/// [`Kept`] of the kept scores `latest` and `previous`.
pub(super) fn weigh_kept(latest: &str, previous: Option<&str>, s: &Settings) -> Kept {
    let weigh = |t: &str| relationship::weight_of(relationship::scores_of_compact(t), s);
    match weigh(latest).or_else(|| previous.and_then(weigh)) {
        Some(w) => Kept::Weight(w),
        None if previous.is_some() => Kept::Older,
        None => Kept::None,
    }
}

/// [`weights`] of the customers `only` (a JSON array of ids), read from all
/// their live assessments, newest first; of each only the dimensions and
/// scores are parsed.
pub(super) fn weights_from_assessments(conn: &Connection, s: &Settings, only: &str) -> Result<HashMap<String, i64>> {
    #[derive(serde::Deserialize)]
    struct Scored {
        dimension: crate::enums::Dimension,
        score: i64,
    }
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, scores FROM assessments WHERE deleted_at IS NULL \
         AND customer_id IN (SELECT value FROM json_each(?1)) \
         ORDER BY customer_id, assessed_on DESC, id DESC",
    )?;
    let mut rows = stmt.query([only])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let customer: String = r.get(0)?;
        if out.contains_key(&customer) {
            continue;
        }
        let text: String = r.get(1)?;
        let scores: Vec<Scored> = serde_json::from_str(&text).unwrap_or_default();
        if let Some(w) = relationship::weight_of(scores.iter().map(|x| (x.dimension, x.score)), s) {
            out.insert(customer, w);
        }
    }
    Ok(out)
}
