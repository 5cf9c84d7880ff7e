//! The hand-written SQL beside each operation (issue 18, item 7).
//!
//! A reference doing the *same work* returns the operation's rows with
//! every column it returns, read cell by cell, in its order: the ratio is
//! then what the app's own layers (records decoded, validated, serialised)
//! cost over SQLite. Where the operation is computed in Rust (a ranking by
//! weight, a search's ranking and marking), no single statement returns
//! its rows, and the reference is the *nearest plain read*: the report
//! says which beside each figure.

use std::time::Duration;

use baton::customers::Customer;
use baton::customers::changes::CustomerChange;
use baton::customers::people::Person;
use baton::error::Result;
use baton::history::contacts::Contact;
use baton::history::followups::FollowUp;
use baton::history::followups::changes::FollowUpChange;
use baton::record::Record;
use baton::value::deals::Deal;
use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};

use super::lists;

/// What a reference is beside its operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceIs {
    /// The operation's own rows and columns, in its order.
    SameWork,
    /// The nearest plain read: fewer columns, or an order SQL cannot give.
    NearestRead,
}

impl ReferenceIs {
    /// Its name in the `--json` report and the table.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceIs::SameWork => "same_work",
            ReferenceIs::NearestRead => "nearest_read",
        }
    }
}

/// A reference's timing (median, p95) and what it is.
pub type Timed = (ReferenceIs, (Duration, Duration));

/// Runs `sql` with `params` and reads every cell of every row; the rows' count.
fn cells(conn: &Connection, sql: &str, params: &[&dyn ToSql]) -> Result<usize> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params)?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        for i in 0..columns {
            std::hint::black_box(row.get_ref(i)?);
        }
        n += 1;
    }
    Ok(n)
}

fn columns<R: Record>(alias: &str) -> String {
    baton::record::columns::<R>(alias)
}

/// A customer's card: the live customer, its live key people by name, and
/// its changes newest first (`customers::get`, `people::list_for`,
/// `changes::list_for`).
fn card_rows(conn: &Connection, id: &str) -> Result<usize> {
    let customer = format!(
        "SELECT {} FROM customers c WHERE c.id = ?1 AND c.deleted_at IS NULL",
        columns::<Customer>("c")
    );
    let people = format!(
        "SELECT {} FROM people p WHERE p.customer_id = ?1 AND p.deleted_at IS NULL ORDER BY p.sort_key, p.name, p.id",
        columns::<Person>("p")
    );
    Ok(cells(conn, &customer, &[&id])? + cells(conn, &people, &[&id])?)
}

fn changes(conn: &Connection, id: &str, limit: i64) -> Result<Vec<(String, String)>> {
    keys(
        conn,
        &format!(
            "SELECT x.changed_at, x.id, {} FROM customer_changes x WHERE x.customer_id = ?1 \
             ORDER BY x.changed_at DESC, x.id DESC LIMIT ?2",
            columns::<CustomerChange>("x")
        ),
        id,
        limit,
    )
}

/// Same work as "open a customer card": the card, people and every change.
pub(super) fn card(conn: &Connection, id: &str) -> Result<usize> {
    Ok(card_rows(conn, id)? + changes(conn, id, -1)?.len())
}

/// Reads `sql`'s rows (their time and id first, then every column) and
/// returns the (time, id) of each.
fn keys(conn: &Connection, sql: &str, id: &str, limit: i64) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params![id, limit])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        for i in 2..columns {
            std::hint::black_box(row.get_ref(i)?);
        }
        out.push((row.get(0)?, row.get(1)?));
    }
    Ok(out)
}

/// Same work as "card with 10k-entry timeline": the card and people, then
/// the first `limit` entries of the timeline, newest first: each kind's
/// newest `limit + 1` (the extra tells whether more follow), merged by
/// (time, id).
pub(super) fn timeline_card(conn: &Connection, id: &str, limit: i64) -> Result<usize> {
    let n = card_rows(conn, id)?;
    let kinds = [
        format!(
            "SELECT c.happened_at, c.id, {} FROM contacts c WHERE c.customer_id = ?1 AND c.deleted_at IS NULL \
             ORDER BY c.happened_at DESC, c.id DESC LIMIT ?2",
            columns::<Contact>("c")
        ),
        format!(
            "SELECT d.occurred_on, d.id, {} FROM deals d WHERE d.customer_id = ?1 AND d.deleted_at IS NULL \
             ORDER BY d.occurred_on DESC, d.id DESC LIMIT ?2",
            columns::<Deal>("d")
        ),
        format!(
            "SELECT x.changed_at, x.id, {} FROM followup_changes x \
             JOIN followups f ON f.id = x.followup_id AND f.deleted_at IS NULL \
             WHERE x.customer_id = ?1 ORDER BY x.changed_at DESC, x.id DESC LIMIT ?2",
            columns::<FollowUpChange>("x")
        ),
    ];
    let mut entries = changes(conn, id, limit + 1)?;
    for sql in &kinds {
        entries.extend(keys(conn, sql, id, limit + 1)?);
    }
    entries.sort_by(|a, b| b.cmp(a));
    entries.truncate(limit as usize);
    Ok(n + entries.len())
}

/// Same work as the follow-up screen: for each of its five spans (overdue
/// by up to a week, a month, older; today; the next `horizon` days) the
/// count of open follow-ups of live customers whose contact is not in the
/// trash, and the first `limit` of them with their customer, the contact's
/// first live person and when it was promised. The best count by hand is
/// the open ones in the span's index range less those the trash hides,
/// found from the trash's side (a join per open follow-up is 0.6 s at 100k).
/// Returns the rows read and the five counts' sum.
pub(super) fn followup_screen(conn: &Connection, today: NaiveDate, horizon: i64, limit: u32) -> Result<(usize, i64)> {
    let day = |d: i64| (today + chrono::Duration::days(d)).to_string();
    let spans = [
        (day(-7), day(0), "DESC"),
        (day(-30), day(-7), "DESC"),
        ("0000-01-01".to_string(), day(-30), "DESC"),
        (day(0), day(1), "ASC"),
        (day(1), day(horizon + 1), "ASC"),
    ];
    let open = "f.done_at IS NULL AND f.cancelled_at IS NULL AND f.deleted_at IS NULL \
        AND f.due_on >= ?1 AND f.due_on < ?2";
    let count = format!(
        "SELECT (SELECT count(*) FROM followups f WHERE {open}) - (SELECT count(*) FROM followups f WHERE {open} \
         AND f.rowid IN (SELECT h.rowid FROM customers t JOIN followups h ON h.customer_id = t.id \
                         WHERE t.deleted_at IS NOT NULL \
                         UNION SELECT h.rowid FROM contacts t JOIN followups h ON h.contact_id = t.id \
                         WHERE t.deleted_at IS NOT NULL))"
    );
    let (mut n, mut all) = (0, 0);
    for (from, to, order) in &spans {
        let total: i64 = conn
            .prepare_cached(&count)?
            .query_row(rusqlite::params![from, to], |r| r.get(0))?;
        all += total;
        let page = format!(
            "SELECT {}, c.name, c.tier, c.is_key, p.id, p.name, p.title, p.phone, \
             coalesce(fc.happened_at, f.created_at) FROM followups f JOIN customers c ON c.id = f.customer_id \
             LEFT JOIN contacts fc ON fc.id = f.contact_id \
             LEFT JOIN people p ON p.id = json_extract(fc.person_ids, '$[0]') AND p.deleted_at IS NULL \
             WHERE {open} AND c.deleted_at IS NULL AND (fc.id IS NULL OR fc.deleted_at IS NULL) \
             ORDER BY f.due_on {order}, f.id {order} LIMIT {limit}",
            columns::<FollowUp>("f")
        );
        n += cells(conn, &page, &[from, to])?;
    }
    Ok((n, all))
}

/// Same work as a list page: the filter's total, then the page's rows
/// with every column.
pub(super) fn list_page(conn: &Connection, reference: &lists::Reference) -> Result<usize> {
    let total: i64 = conn.prepare_cached(&reference.count)?.query_row([], |r| r.get(0))?;
    std::hint::black_box(total);
    cells(conn, &reference.page, &[])
}

/// The nearest read behind a search: for each kind, the first 21 ids that
/// kind's index gives for the query's terms (trigram phrases if any term
/// has three or more characters, else character pairs), with no ranking,
/// liveness, filters or marking: the search's ranking is computed in Rust.
pub(super) fn search(conn: &Connection, text: &str) -> Result<usize> {
    let terms: Vec<String> = text.split_whitespace().map(str::to_ascii_lowercase).collect();
    let long: Vec<String> = terms
        .iter()
        .filter(|t| t.chars().count() >= 3)
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect();
    let mut n = 0;
    for kind in ["customer", "person", "contact"] {
        let source = if long.is_empty() {
            let pairs: Vec<String> = terms.iter().map(|t| baton::search::pair_query(t)).collect();
            format!(
                "SELECT rowid FROM search_grams_{kind} WHERE search_grams_{kind} MATCH '{}'",
                pairs.join(" AND ")
            )
        } else {
            format!(
                "SELECT rowid FROM search_fts_{kind} WHERE search_fts_{kind} MATCH '{}'",
                long.join(" AND ").replace('\'', "''")
            )
        };
        let sql = format!(
            "SELECT d.doc, d.record_id FROM ({source} LIMIT 21) m JOIN search_text_{kind} d ON d.doc = m.rowid"
        );
        n += cells(conn, &sql, &[])?;
    }
    Ok(n)
}

/// A plain statement's rows, every column read (a nearest read).
pub(super) fn plain(conn: &Connection, sql: &str) -> Result<usize> {
    cells(conn, sql, &[])
}
