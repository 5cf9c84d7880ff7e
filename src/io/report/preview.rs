//! What a report would include, counted without writing it — the export
//! dialog shows it before the salesperson commits to a file, and it is
//! cheap enough to recount at every change of scope.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::ReportOptions;
use crate::error::Result;

/// Records per section of the report for a scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReportPreview {
    /// Customers in scope.
    pub customers: i64,
    /// Of which key customers.
    pub key_customers: i64,
    /// Their live key people.
    pub people: i64,
    /// Their live contacts.
    pub contacts: i64,
    /// Their live transactions.
    pub deals: i64,
    /// Rows of the assessments sheet: one per assessment per dimension.
    pub assessment_rows: i64,
    /// Their open follow-ups past due.
    pub overdue: i64,
    /// Whether private fields about people go in.
    pub include_private: bool,
}

/// The customers in scope, as a CTE over JSON arrays of the facets (an
/// empty array leaves that facet open).
fn chosen() -> String {
    format!(
        "chosen AS (SELECT c.id FROM customers c WHERE c.deleted_at IS NULL \
         AND (json_array_length(?1) = 0 OR c.tier IN (SELECT value FROM json_each(?1))) \
         AND (json_array_length(?2) = 0 OR {} IN (SELECT value FROM json_each(?2))) \
         AND (json_array_length(?3) = 0 OR EXISTS (SELECT 1 FROM customer_tags t \
              WHERE t.customer_id = c.id AND t.tag IN (SELECT value FROM json_each(?3)))) \
         AND (json_array_length(?6) = 0 OR c.id IN (SELECT value FROM json_each(?6))))",
        crate::customers::activity::standing_sql("c", "?5")
    )
}

/// Counts what a report with `opts` would hold as of `today`.
pub fn preview(conn: &Connection, opts: &ReportOptions, today: chrono::NaiveDate) -> Result<ReportPreview> {
    super::check_scope(conn, opts)?;
    let json = |v: Vec<String>| serde_json::Value::from(v).to_string();
    let tiers = json(opts.tiers.iter().map(|t| t.as_str().to_string()).collect());
    let statuses = json(opts.statuses.iter().map(|s| s.as_str().to_string()).collect());
    let tags = json(opts.tags.clone());
    let customers = json(opts.customers.iter().cloned().collect());
    let sql = format!(
        "WITH {} SELECT \
           (SELECT count(*) FROM chosen) AS customers, \
           (SELECT count(*) FROM chosen JOIN customers c ON c.id = chosen.id WHERE c.is_key) AS key_customers, \
           (SELECT count(*) FROM chosen JOIN people p ON p.customer_id = chosen.id WHERE p.deleted_at IS NULL) AS people, \
           (SELECT count(*) FROM chosen JOIN contacts k ON k.customer_id = chosen.id WHERE k.deleted_at IS NULL) AS contacts, \
           (SELECT count(*) FROM chosen JOIN deals d ON d.customer_id = chosen.id WHERE d.deleted_at IS NULL) AS deals, \
           (SELECT coalesce(sum(json_array_length(a.scores)), 0) FROM chosen JOIN assessments a ON a.customer_id = chosen.id WHERE a.deleted_at IS NULL) AS assessment_rows, \
           (SELECT count(*) FROM chosen JOIN followups f ON f.customer_id = chosen.id \
              WHERE f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL AND f.due_on < ?4 \
              AND (f.contact_id IS NULL OR EXISTS (SELECT 1 FROM contacts ct WHERE ct.id = f.contact_id AND ct.deleted_at IS NULL))) AS overdue",
        chosen()
    );
    let cutoff = crate::customers::activity::cutoff(today, crate::settings::get(conn)?.dormant_days);
    Ok(conn.prepare(&sql)?.query_row(
        params![tiers, statuses, tags, today.to_string(), cutoff, customers],
        |r| {
            Ok(ReportPreview {
                customers: crate::record::cell(r, 0, "customers")?,
                key_customers: crate::record::cell(r, 1, "key_customers")?,
                people: crate::record::cell(r, 2, "people")?,
                contacts: crate::record::cell(r, 3, "contacts")?,
                deals: crate::record::cell(r, 4, "deals")?,
                assessment_rows: crate::record::cell(r, 5, "assessment_rows")?,
                overdue: crate::record::cell(r, 6, "overdue")?,
                include_private: opts.include_private,
            })
        },
    )?)
}
