//! Satisfaction checks (满意度): a dated rating on the five-step scale, from
//! very dissatisfied (1) to very satisfied (5), with a comment.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::record::{self, Record, RecordKind};
use crate::{clock, customers, validate};

/// What the salesperson records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(rename = "SatisfactionDraft")]
pub struct CheckDraft {
    /// The day of the check (`YYYY-MM-DD`, not in the future).
    pub checked_on: String,
    /// 1 very dissatisfied … 5 very satisfied.
    pub rating: i64,
    /// What they said.
    #[serde(default)]
    pub comment: String,
}

/// A stored check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SatisfactionCheck {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub draft: CheckDraft,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since (files from before the trash held checks lack it).
    #[serde(default)]
    pub deleted_at: Option<String>,
}

impl CheckDraft {
    /// Checks every field.
    pub fn validate(&self) -> Result<()> {
        let min = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        validate::past_date("satisfaction.checked_on", &self.checked_on, min)?;
        validate::range("satisfaction.rating", self.rating, 1, 5)?;
        validate::text("satisfaction.comment", &self.comment, validate::TEXT_MAX)
    }
}

impl Record for SatisfactionCheck {
    const KIND: RecordKind = RecordKind::SatisfactionCheck;
    type Edited = CheckDraft;

    crate::record_row! {
        id, customer_id,
        draft: CheckDraft {
            checked_on, rating, comment,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("satisfaction.id", &self.id)?;
        self.draft.validate()?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.draft.validate()
    }
}

/// Records a check for a live customer. Call inside a transaction.
pub fn create(conn: &Connection, customer_id: &str, mut draft: CheckDraft) -> Result<SatisfactionCheck> {
    customers::get(conn, customer_id)?;
    draft.comment = draft.comment.trim().to_string();
    let now = clock::now();
    let check = SatisfactionCheck {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        draft,
        created_at: now.clone(),
        updated_at: now,
        deleted_at: None,
    };
    record::put(conn, &check)?;
    Ok(check)
}

/// Corrects a live check (same rules as recording one); its id stays, so a
/// handover of it later merges as the newer version. Call inside a transaction.
pub fn update(conn: &Connection, id: &str, mut draft: CheckDraft) -> Result<SatisfactionCheck> {
    let old: SatisfactionCheck = record::get(conn, id)?;
    draft.comment = draft.comment.trim().to_string();
    let check = SatisfactionCheck {
        draft,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &check)?;
    Ok(check)
}

/// Moves a check to the trash. Call inside a transaction.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::SatisfactionCheck, id)
}

/// The rating of a customer's latest live check (the last of
/// [`list_for`]), without reading the checks.
pub fn latest_rating(conn: &Connection, customer_id: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rating FROM satisfaction_checks WHERE customer_id = ?1 AND deleted_at IS NULL \
         ORDER BY checked_on DESC, id DESC LIMIT 1",
    )?;
    Ok(stmt.query_row([customer_id], |r| r.get(0)).optional()?)
}
/// A customer's live checks, oldest first (the order of a trend).
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<SatisfactionCheck>> {
    let mut stmt = conn.prepare_cached(&record::select::<SatisfactionCheck>(
        "WHERE customer_id = ?1 AND deleted_at IS NULL \
         ORDER BY checked_on, id",
    ))?;
    let rows = stmt
        .query_map([customer_id], SatisfactionCheck::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
