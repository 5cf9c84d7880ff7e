//! Tier decisions and their history (客户分级变更).
//!
//! The salesperson accepts the suggested tier or overrides it with a reason;
//! every decision is kept, so a manager can watch the book move up the pyramid.

use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};

use crate::enums::Tier;
use crate::error::{Error, Result, Rule};
use crate::store::upsert_sql;
use crate::{clock, settings, validate, value};

/// One tier decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TierChange {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// Tier before.
    pub old_tier: Option<Tier>,
    /// Tier set.
    pub new_tier: Option<Tier>,
    /// What the app suggested at the time.
    pub suggested_tier: Option<Tier>,
    /// Why the salesperson overrode the suggestion (empty when accepted).
    pub reason: String,
    /// When (UTC, RFC 3339).
    pub decided_at: String,
    /// Who.
    pub decided_by: String,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
}

const COLUMNS: &str =
    "id, customer_id, old_tier, new_tier, suggested_tier, reason, decided_at, decided_by, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<TierChange> {
    Ok(TierChange {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        old_tier: row.get(2)?,
        new_tier: row.get(3)?,
        suggested_tier: row.get(4)?,
        reason: row.get(5)?,
        decided_at: row.get(6)?,
        decided_by: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

/// Writes a complete tier change (insert or update by id).
pub fn put(conn: &Connection, c: &TierChange) -> Result<()> {
    validate::id("tier_change.id", &c.id)?;
    validate::timestamp("tier_change.decided_at", &c.decided_at)?;
    validate::text("tier_change.reason", &c.reason, validate::TEXT_MAX)?;
    conn.prepare_cached(&upsert_sql("tier_changes", COLUMNS))?
        .execute(params![
            c.id,
            c.customer_id,
            c.old_tier,
            c.new_tier,
            c.suggested_tier,
            c.reason,
            c.decided_at,
            c.decided_by,
            c.created_at,
            c.updated_at,
        ])?;
    Ok(())
}

/// Sets a customer's tier: accepting the suggestion needs no reason,
/// overriding it does. Call inside a transaction.
pub fn decide(
    conn: &Connection,
    customer_id: &str,
    tier: Tier,
    reason: &str,
    today: chrono::NaiveDate,
) -> Result<TierChange> {
    let picture = value::picture(conn, customer_id, today)?;
    let reason = reason.trim();
    if tier != picture.suggestion.tier && reason.is_empty() {
        return Err(Error::invalid("tier_change.reason", Rule::Required));
    }
    record(
        conn,
        customer_id,
        picture.tier,
        Some(tier),
        Some(picture.suggestion.tier),
        reason,
    )
}

/// Records a tier change and applies it to the customer.
pub(crate) fn record(
    conn: &Connection,
    customer_id: &str,
    old: Option<Tier>,
    new: Option<Tier>,
    suggested: Option<Tier>,
    reason: &str,
) -> Result<TierChange> {
    let now = clock::now();
    let change = TierChange {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        old_tier: old,
        new_tier: new,
        suggested_tier: suggested,
        reason: reason.to_string(),
        decided_at: now.clone(),
        decided_by: settings::get(conn)?.user_name,
        created_at: now.clone(),
        updated_at: now.clone(),
    };
    put(conn, &change)?;
    conn.execute(
        "UPDATE customers SET tier = ?2, updated_at = ?3 WHERE id = ?1",
        params![customer_id, new, now],
    )?;
    Ok(change)
}

/// A customer's tier history, newest first.
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<TierChange>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tier_changes WHERE customer_id = ?1 ORDER BY decided_at DESC, id DESC"
    ))?;
    let rows = stmt
        .query_map([customer_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Calls `f` with every tier change, in id order.
pub fn for_each(conn: &Connection, f: impl FnMut(TierChange) -> Result<()>) -> Result<()> {
    crate::store::each_row(
        conn,
        &format!("SELECT {COLUMNS} FROM tier_changes ORDER BY id"),
        from_row,
        f,
    )
}

/// One record by id, live or in the trash (for handover merges).
pub fn find(conn: &Connection, id: &str) -> Result<Option<TierChange>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM tier_changes WHERE id = ?1"))?;
    Ok(stmt.query_map([id], from_row)?.next().transpose()?)
}
