//! A customer's tier history (客户分级变更): every decision is kept, so a
//! manager can watch the book move up the pyramid. The decision itself,
//! against the suggestion of the value picture, is `value::tiers::decide`.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::enums::Tier;
use crate::error::Result;
use crate::record::{self, Record, RecordKind};
use crate::{clock, settings, validate};

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

impl Record for TierChange {
    const KIND: RecordKind = RecordKind::TierChange;
    type Edited = TierChange;

    crate::record_row! {
        id, customer_id, old_tier, new_tier, suggested_tier, reason, decided_at, decided_by,
        created_at, updated_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("tier_change.id", &self.id)?;
        validate::timestamp("tier_change.decided_at", &self.decided_at)?;
        validate::text("tier_change.reason", &self.reason, validate::TEXT_MAX)?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }
}

/// Records a tier change and applies it to the customer.
pub fn record(
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
    record::put(conn, &change)?;
    conn.execute(
        "UPDATE customers SET tier = ?2, updated_at = ?3 WHERE id = ?1",
        params![customer_id, new, now],
    )?;
    Ok(change)
}

/// A customer's tier history, newest first.
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<TierChange>> {
    let mut stmt = conn.prepare_cached(&record::select::<TierChange>(
        "WHERE customer_id = ?1 ORDER BY decided_at DESC, id DESC",
    ))?;
    let rows = stmt
        .query_map([customer_id], TierChange::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
