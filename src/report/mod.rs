//! The file for the manager (给经理的文件): a spreadsheet that opens without
//! Baton, in Chinese or English, showing where every relationship stands.
//!
//! One sheet per subject — customers, key people, contact history,
//! transactions, relationship assessments, overdue follow-ups, summary — with
//! typed cells (dates are dates, amounts numbers), sized columns, a frozen
//! header row with filters. Rows stream to disk (the writer's constant-memory
//! mode), so a 100k-customer book does not sit in memory. Private fields
//! about people (birthday, personality, interests, background, notes) are left
//! out unless asked for.

mod labels;
mod xlsx;

pub use labels::Lang;
pub use xlsx::write_xlsx;

use crate::enums::Tier;

/// What goes into the report.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Chinese or English.
    pub lang: Lang,
    /// Only customers of these tiers (all if empty).
    pub tiers: Vec<Tier>,
    /// Include private fields about people.
    pub include_private: bool,
}

/// What was written: rows per sheet, in sheet order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// (sheet name, data rows).
    pub sheets: Vec<(String, u64)>,
}
