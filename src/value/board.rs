//! The value picture of the whole book: the value pyramid (customers and
//! revenue per tier, and how it moved), the 80/20 (Pareto) view, and the
//! dormant customers.

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::enums::Tier;
use crate::error::Result;
use crate::settings;

/// One level of the pyramid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "PyramidLevel")]
pub struct Level {
    /// The tier (`None`: not tiered yet).
    pub tier: Option<Tier>,
    /// Live customers in it now.
    pub customers: i64,
    /// Their revenue in the value window (minor units).
    pub revenue: i64,
    /// Customers in it at the start of the period, from the tier history.
    pub customers_before: i64,
}

/// The pyramid now and at `since`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Pyramid {
    /// The start of the period compared with.
    pub since: String,
    /// The currency of the revenue.
    pub currency: String,
    /// S, A, B, C, then untiered.
    pub levels: Vec<Level>,
}

/// The pyramid as of `today`, compared with `since`.
pub fn pyramid(conn: &Connection, today: NaiveDate, since: NaiveDate) -> Result<Pyramid> {
    let s = settings::get(conn)?;
    let window = (today - chrono::Duration::days(s.value_window_days)).to_string();
    let mut levels: Vec<Level> = [Some(Tier::S), Some(Tier::A), Some(Tier::B), Some(Tier::C), None]
        .into_iter()
        .map(|tier| Level {
            tier,
            customers: 0,
            revenue: 0,
            customers_before: 0,
        })
        .collect();
    let index = |t: Option<Tier>| match t {
        Some(Tier::S) => 0,
        Some(Tier::A) => 1,
        Some(Tier::B) => 2,
        Some(Tier::C) => 3,
        None => 4,
    };
    let mut now = conn.prepare_cached(
        "SELECT c.tier, count(*), coalesce(baton_sum(r.rev), 0) FROM customers c \
         LEFT JOIN (SELECT customer_id, baton_sum(CASE kind WHEN 'order' THEN amount_minor ELSE -amount_minor END) AS rev \
                    FROM deals WHERE kind IN ('order', 'return') AND occurred_on >= ?1 AND currency = ?2 \
                    AND deleted_at IS NULL GROUP BY customer_id) r ON r.customer_id = c.id \
         WHERE c.deleted_at IS NULL GROUP BY c.tier",
    )?;
    for row in now.query_map(params![window, s.currency], |r| {
        Ok((r.get::<_, Option<Tier>>(0)?, r.get(1)?, r.get(2)?))
    })? {
        let (tier, n, rev) = row?;
        levels[index(tier)].customers = n;
        levels[index(tier)].revenue = rev;
    }
    // The tier each live customer had at the end of `since`: its latest decision by then.
    let mut before = conn.prepare_cached(
        "SELECT t.new_tier, count(*) FROM customers c \
         LEFT JOIN tier_changes t ON t.id = (SELECT id FROM tier_changes WHERE customer_id = c.id AND decided_at < ?1 \
                                             ORDER BY decided_at DESC, id DESC LIMIT 1) \
         WHERE c.deleted_at IS NULL AND c.created_at < ?1 GROUP BY t.new_tier",
    )?;
    let until = since.succ_opt().unwrap_or(since).to_string();
    for row in before.query_map([until], |r| Ok((r.get::<_, Option<Tier>>(0)?, r.get(1)?)))? {
        let (tier, n) = row?;
        levels[index(tier)].customers_before = n;
    }
    Ok(Pyramid {
        since: since.to_string(),
        currency: s.currency,
        levels,
    })
}

/// One customer in the Pareto list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ParetoRow {
    /// Customer id.
    pub customer_id: String,
    /// Name.
    pub name: String,
    /// Tier.
    pub tier: Option<Tier>,
    /// Revenue in the window (minor units).
    pub revenue: i64,
    /// Cumulative share of the book's revenue up to and including this customer, in ‰.
    pub cumulative_permille: i64,
}

/// The 80/20 view: who brings most of the revenue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Pareto {
    /// The currency.
    pub currency: String,
    /// Revenue of the whole book in the window.
    pub total_revenue: i64,
    /// Customers with revenue in the window.
    pub customers_with_revenue: i64,
    /// How many customers (from the top) make 80% of the revenue.
    pub customers_for_80: i64,
    /// The customers making 80% of the revenue (at most `limit`), biggest first.
    pub top: Vec<ParetoRow>,
}

/// The Pareto view as of `today`.
pub fn pareto(conn: &Connection, today: NaiveDate, limit: usize) -> Result<Pareto> {
    let s = settings::get(conn)?;
    let window = (today - chrono::Duration::days(s.value_window_days)).to_string();
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.tier, r.rev FROM \
           (SELECT customer_id, baton_sum(CASE kind WHEN 'order' THEN amount_minor ELSE -amount_minor END) AS rev \
            FROM deals WHERE kind IN ('order', 'return') AND occurred_on >= ?1 AND currency = ?2 AND deleted_at IS NULL \
            GROUP BY customer_id HAVING rev > 0) r \
         JOIN customers c ON c.id = r.customer_id WHERE c.deleted_at IS NULL ORDER BY r.rev DESC, c.sort_key",
    )?;
    let rows = stmt
        .query_map(params![window, s.currency], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // i128: totals of many maximal amounts must not overflow.
    let total: i128 = rows.iter().map(|r| i128::from(r.3)).sum();
    let mut cumulative = 0i128;
    let mut customers_for_80 = 0;
    let mut top = Vec::new();
    for (id, name, tier, revenue) in rows.iter().cloned() {
        if total > 0 && cumulative * 10 >= total * 8 {
            break;
        }
        cumulative += i128::from(revenue);
        customers_for_80 += 1;
        if top.len() < limit {
            let cumulative_permille = if total > 0 {
                i64::try_from(cumulative * 1000 / total).unwrap_or(1000)
            } else {
                0
            };
            top.push(ParetoRow {
                customer_id: id,
                name,
                tier,
                revenue,
                cumulative_permille,
            });
        }
    }
    Ok(Pareto {
        currency: s.currency,
        total_revenue: i64::try_from(total).unwrap_or(i64::MAX),
        customers_with_revenue: rows.len() as i64,
        customers_for_80,
        top,
    })
}

/// A dormant customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DormantRow {
    /// Customer id.
    pub customer_id: String,
    /// Name.
    pub name: String,
    /// Tier.
    pub tier: Option<Tier>,
    /// The last purchase or contact (a date), if any.
    pub last_activity: Option<String>,
}

/// Live dormant customers (see [`crate::customers::activity`]); longest silent first,
/// at most `limit`, plus the total.
pub fn dormant(conn: &Connection, today: NaiveDate, limit: u32) -> Result<(i64, Vec<DormantRow>)> {
    let s = settings::get(conn)?;
    let cutoff = crate::customers::activity::cutoff(today, s.dormant_days);
    let dormant = crate::customers::activity::is_standing_sql("c", "?1", crate::customers::activity::Standing::Dormant);
    // The last order and contact days are kept on the customer (migration
    // 16); their later one is '' for "none".
    let last = crate::customers::activity::last_active_sql("c");
    let base = format!(
        "SELECT c.id, c.name, c.tier, nullif({last}, '') AS at, c.sort_key \
         FROM customers c WHERE c.deleted_at IS NULL AND {dormant}"
    );
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM ({base})"))?
        .query_row([&cutoff], |r| r.get(0))?;
    let rows = conn
        .prepare_cached(&format!("{base} ORDER BY at IS NOT NULL, at, sort_key LIMIT {limit}"))?
        .query_map([&cutoff], |r| {
            Ok(DormantRow {
                customer_id: crate::record::cell(r, 0, "id")?,
                name: crate::record::cell(r, 1, "name")?,
                tier: crate::record::cell(r, 2, "tier")?,
                last_activity: crate::record::cell(r, 3, "at")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total, rows))
}
