//! Tier decisions (客户分级): the salesperson accepts the tier the value
//! picture suggests, or overrides it with a reason. The history they leave
//! is the customer's ([`crate::customers::tier_changes`]).

use crate::customers::tier_changes::{self, TierChange};
use crate::enums::Tier;
use crate::error::{Error, Result, Rule};
use crate::value;
use rusqlite::Connection;

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
    tier_changes::record(
        conn,
        customer_id,
        picture.tier,
        Some(tier),
        Some(picture.suggestion.tier),
        reason,
    )
}
