//! Transactions (交易记录): quotes, orders, contracts, payments, returns.
//!
//! Amounts are integers in the currency's minor unit (分, cents). Orders are
//! purchases; returns subtract from revenue; quotes, contracts and payments
//! are kept for the record and the timeline but are not revenue.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::enums::DealKind;
use crate::error::{Error, Result, Rule};
use crate::record::{self, Record, RecordKind};
use crate::{clock, customers, settings, validate};

/// Largest amount accepted, in minor units (a trillion in major units).
const AMOUNT_MAX: i64 = 100_000_000_000_000;

/// What the salesperson records about a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct DealDraft {
    /// Quote, order, contract, payment or return.
    pub kind: DealKind,
    /// The day it happened (`YYYY-MM-DD`, not in the future).
    pub occurred_on: String,
    /// Amount in minor units (分 / cents), never negative: a return is a
    /// kind, not a negative order.
    pub amount_minor: i64,
    /// ISO 4217 code; empty means the book's default currency.
    #[serde(default)]
    pub currency: String,
    /// What it was for.
    #[serde(default)]
    pub description: String,
}

/// A stored transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Deal {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub draft: DealDraft,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since.
    pub deleted_at: Option<String>,
}

impl DealDraft {
    /// Checks every field; the error names the first one that is wrong.
    pub fn validate(&self) -> Result<()> {
        let min = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        validate::past_date("deal.occurred_on", &self.occurred_on, min)?;
        validate::range("deal.amount_minor", self.amount_minor, 0, AMOUNT_MAX)?;
        if self.currency.len() != 3 || !self.currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(Error::invalid(
                "deal.currency",
                Rule::Malformed {
                    detail: "a currency code such as CNY".into(),
                },
            ));
        }
        validate::text("deal.description", &self.description, validate::TEXT_MAX)
    }
}

impl Record for Deal {
    const KIND: RecordKind = RecordKind::Deal;
    type Edited = DealDraft;

    crate::record_row! {
        id, customer_id,
        draft: DealDraft {
            kind, occurred_on, amount_minor, currency, description,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("deal.id", &self.id)?;
        validate::timestamp("deal.created_at", &self.created_at)?;
        self.draft.validate()?;
        let _d = &self.draft;
        record::upsert(conn, self, &[])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.draft.validate()
    }
}

/// Records a transaction for a live customer. Call inside a transaction.
pub fn create(conn: &Connection, customer_id: &str, mut draft: DealDraft) -> Result<Deal> {
    customers::get(conn, customer_id)?;
    draft.currency = draft.currency.trim().to_ascii_uppercase();
    if draft.currency.is_empty() {
        draft.currency = settings::get(conn)?.currency;
    }
    draft.description = draft.description.trim().to_string();
    let now = clock::now();
    let deal = Deal {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        draft,
        created_at: now.clone(),
        updated_at: now,
        deleted_at: None,
    };
    record::put(conn, &deal)?;
    Ok(deal)
}

/// Corrects a live deal (same rules as recording one). Its id stays, so a
/// handover of it later merges as the newer version. Call inside a transaction.
pub fn update(conn: &Connection, id: &str, mut draft: DealDraft) -> Result<Deal> {
    let old: Deal = record::get(conn, id)?;
    draft.currency = draft.currency.trim().to_ascii_uppercase();
    if draft.currency.is_empty() {
        draft.currency = old.draft.currency.clone();
    }
    draft.description = draft.description.trim().to_string();
    let deal = Deal {
        draft,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &deal)?;
    Ok(deal)
}

/// Moves a deal to the trash. Call inside a transaction.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::Deal, id)
}

/// A customer's live deals, newest first.
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<Deal>> {
    record::query(
        conn,
        &record::select::<Deal>("WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY occurred_on DESC, id DESC"),
        [customer_id],
    )
}
