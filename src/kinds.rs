//! The registry of record kinds.
//!
//! Whole-book features (dump, check, and later handover and the manager's
//! report) walk [`RecordKind::ALL`] instead of naming tables themselves, and a
//! test fails when a table exists that is not registered here, so a new kind
//! cannot be silently left out of any of them.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::{changes, contacts, customers, deals, followups, people, relationship, satisfaction, tiers};

/// Every kind of record a book holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Customer profile cards.
    Customer,
    /// Key people.
    Person,
    /// Owner and status changes.
    CustomerChange,
    /// Contact history.
    Contact,
    /// Follow-ups.
    FollowUp,
    /// Transactions.
    Deal,
    /// Tier decisions.
    TierChange,
    /// Satisfaction checks.
    SatisfactionCheck,
    /// Relationship-card assessments.
    Assessment,
}

/// Tables that hold no records of their own: preferences (`settings`) and
/// indexes derived from records and rewritten with them (`customer_tags`,
/// `contact_people`, and the search index `search_docs` with FTS5's
/// `search_fts*` and `search_grams*` tables, all maintained by triggers).
pub const NON_RECORD_TABLES: &[&str] = &[
    "settings",
    "customer_tags",
    "contact_people",
    "search_docs",
    "search_fts",
    "search_fts_config",
    "search_fts_data",
    "search_fts_docsize",
    "search_fts_idx",
    "search_grams",
    "search_grams_config",
    "search_grams_data",
    "search_grams_docsize",
    "search_grams_idx",
    "search_queue",
];

impl RecordKind {
    /// All kinds, parents before children (the order an import must write them).
    pub const ALL: &'static [RecordKind] = &[
        RecordKind::Customer,
        RecordKind::Person,
        RecordKind::CustomerChange,
        RecordKind::Contact,
        RecordKind::FollowUp,
        RecordKind::Deal,
        RecordKind::TierChange,
        RecordKind::SatisfactionCheck,
        RecordKind::Assessment,
    ];

    /// The table holding this kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Customer => "customers",
            RecordKind::Person => "people",
            RecordKind::CustomerChange => "customer_changes",
            RecordKind::Contact => "contacts",
            RecordKind::FollowUp => "followups",
            RecordKind::Deal => "deals",
            RecordKind::TierChange => "tier_changes",
            RecordKind::SatisfactionCheck => "satisfaction_checks",
            RecordKind::Assessment => "assessments",
        }
    }

    /// Whether this kind can sit in the trash (`deleted_at`).
    pub fn soft_deletes(self) -> bool {
        matches!(
            self,
            RecordKind::Customer | RecordKind::Person | RecordKind::Contact | RecordKind::Deal
        )
    }

    /// Calls `f` with every record of this kind as JSON, in id order.
    ///
    /// The record is loaded through its typed struct, so a stored value the
    /// domain would not accept fails here rather than being passed on.
    pub fn for_each_json(self, conn: &Connection, mut f: impl FnMut(serde_json::Value) -> Result<()>) -> Result<()> {
        fn json<T: Serialize>(record: &T) -> Result<serde_json::Value> {
            serde_json::to_value(record).map_err(|e| Error::Corrupt(e.to_string()))
        }
        match self {
            RecordKind::Customer => customers::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Person => people::for_each(conn, |r| f(json(&r)?)),
            RecordKind::CustomerChange => changes::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Contact => contacts::for_each(conn, |r| f(json(&r)?)),
            RecordKind::FollowUp => followups::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Deal => deals::for_each(conn, |r| f(json(&r)?)),
            RecordKind::TierChange => tiers::for_each(conn, |r| f(json(&r)?)),
            RecordKind::SatisfactionCheck => satisfaction::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Assessment => relationship::for_each(conn, |r| f(json(&r)?)),
        }
    }

    /// Checks every stored record of this kind against the domain rules,
    /// calling `problem` with a description of each one that fails.
    pub fn check_records(self, conn: &Connection, mut problem: impl FnMut(String)) -> Result<()> {
        match self {
            RecordKind::Customer => customers::for_each(conn, |c| {
                if let Err(e) = c.card.validate() {
                    problem(format!("customer {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::Person => people::for_each(conn, |p| {
                if let Err(e) = p.card.validate() {
                    problem(format!("person {}: {e}", p.id));
                }
                Ok(())
            }),
            RecordKind::CustomerChange => changes::for_each(conn, |_| Ok(())),
            RecordKind::Contact => contacts::for_each(conn, |c| {
                if let Err(e) = c.draft.validate(conn, &c.customer_id) {
                    problem(format!("contact {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::Deal => deals::for_each(conn, |d| {
                if let Err(e) = d.draft.validate() {
                    problem(format!("deal {}: {e}", d.id));
                }
                Ok(())
            }),
            RecordKind::TierChange => tiers::for_each(conn, |_| Ok(())),
            RecordKind::Assessment => relationship::for_each(conn, |a| {
                if let Err(e) = a.draft.validate() {
                    problem(format!("assessment {}: {e}", a.id));
                }
                Ok(())
            }),
            RecordKind::SatisfactionCheck => satisfaction::for_each(conn, |c| {
                if let Err(e) = c.draft.validate() {
                    problem(format!("satisfaction check {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::FollowUp => followups::for_each(conn, |f| {
                if let Err(e) = crate::validate::parse_date("followup.due_on", &f.due_on) {
                    problem(format!("follow-up {}: {e}", f.id));
                }
                Ok(())
            }),
        }
    }
}
