//! The file for the manager (给经理的文件): a spreadsheet that opens without
//! Baton, in Chinese or English, showing where every relationship stands.
//!
//! Two forms: a workbook (.xlsx) with every record, and a visual report
//! (.html) a manager reads in any browser and prints to A4.
//!
//! One sheet per subject — customers, key people, contact history,
//! transactions, relationship assessments, overdue follow-ups, summary — with
//! typed cells (dates are dates, amounts numbers), sized columns, a frozen
//! header row with filters. Rows stream to disk (the writer's constant-memory
//! mode), so a 100k-customer book does not sit in memory. Private fields
//! about people (birthday, personality, interests, background, notes) are left
//! out unless asked for.

mod cell_limit;
mod facts;
mod html;
mod labels;
mod preview;
mod scope;
mod svg;
mod xlsx;

pub use cell_limit::fit as fit_excel_cell;
pub use html::write_html;
pub use labels::Lang;
pub use preview::{ReportPreview, preview};
pub use xlsx::{write_xlsx, write_xlsx_from};

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};

use crate::enums::Tier;

/// What goes into the report.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Chinese or English.
    pub lang: Lang,
    /// Only customers of these tiers (any tier if empty).
    pub tiers: Vec<Tier>,
    /// Only customers standing so (any if empty): the same standing as the
    /// app's list badge and the report's own tallies (see [`crate::customers::activity`]).
    pub statuses: Vec<crate::customers::activity::Standing>,
    /// Only customers with one of these tags (tags don't matter if empty).
    /// A customer is in the report when it matches every facet given.
    pub tags: Vec<String>,
    /// Only these customers, by id (any customer if empty): the ones picked
    /// in the list. Combined with the other facets like them.
    pub customers: std::collections::BTreeSet<String>,
    /// Include private fields about people.
    pub include_private: bool,
    /// Progress (customers done of all) and cancel: a big book takes minutes.
    /// A cancelled report leaves no file.
    pub job: Option<std::sync::Arc<crate::job::Job>>,
}

/// What was written: rows per sheet, in sheet order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// (sheet name, data rows).
    pub sheets: Vec<(String, u64)>,
}

/// The two forms of the report, told apart by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// The workbook.
    Xlsx,
    /// The visual report.
    Html,
}

impl ReportFormat {
    /// `.xlsx` or `.html`/`.htm` (any case); `None` for anything else.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(ReportFormat::Xlsx),
            "html" | "htm" => Some(ReportFormat::Html),
            _ => None,
        }
    }
}

/// Writes the report in the form `path`'s extension names.
pub fn write(conn: &Connection, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    check_scope(conn, opts)?;
    match ReportFormat::from_path(path) {
        Some(ReportFormat::Xlsx) => write_xlsx(conn, opts, path, today),
        Some(ReportFormat::Html) => write_html(conn, opts, path, today),
        None => Err(Error::invalid(
            "out",
            crate::error::Rule::UnknownValue {
                value: path.display().to_string(),
                allowed: vec!["*.xlsx".into(), "*.html".into()],
            },
        )),
    }
}

/// [`write`] of the book `store` holds; the workbook writes its sheets
/// on two threads when the book is on disk.
pub fn write_from(store: &crate::Store, opts: &ReportOptions, path: &Path, today: NaiveDate) -> Result<ReportSummary> {
    store.read(|c| check_scope(c, opts))?;
    match ReportFormat::from_path(path) {
        Some(ReportFormat::Xlsx) => write_xlsx_from(store, opts, path, today),
        _ => store.read(|c| write(c, opts, path, today)),
    }
}

/// Refuses a customer scope naming a customer the book does not hold live
/// (a mistyped `--customer`), instead of writing a report of nobody.
pub(crate) fn check_scope(conn: &Connection, opts: &ReportOptions) -> Result<()> {
    for id in &opts.customers {
        crate::customers::get(conn, id)?;
    }
    Ok(())
}

/// Where the manager's workbook shows a record kind: the index of its sheet
/// (in the order written), or why the kind stays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Rows of this sheet (0 = Customers … 5 = Overdue follow-ups).
    Sheet(usize),
    /// Summed up as columns of another sheet's rows.
    Column(usize),
    /// Deliberately not in the manager's file, and why.
    Left(&'static str),
}

/// Where the report covers each record kind. An exhaustive match, so a new
/// kind does not compile until someone decides where the manager sees it.
pub fn coverage(kind: crate::book::kinds::RecordKind) -> Coverage {
    use crate::book::kinds::RecordKind as K;
    match kind {
        K::Customer => Coverage::Sheet(0),
        K::Person => Coverage::Sheet(1),
        K::Contact => Coverage::Sheet(2),
        K::Deal => Coverage::Sheet(3),
        K::Assessment => Coverage::Sheet(4),
        K::FollowUp => Coverage::Sheet(5),
        // The current tier with the suggestion, the current owner and status,
        // the latest satisfaction rating: columns of the Customers sheet.
        K::TierChange | K::CustomerChange | K::SatisfactionCheck => Coverage::Column(0),
        K::FollowUpChange => Coverage::Left("the story of each follow-up; the manager sees the open ones"),
        K::HandoverNote => Coverage::Left("written by the leaver for the successor, not for the manager"),
        K::ChecklistItem => Coverage::Left("the successor's own to-do list after a takeover"),
    }
}
