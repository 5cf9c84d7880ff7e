//! SQLite's plans for the list's statements, which tests hold to the
//! indexes meant for them: whether an index gives the order, and which one
//! a count walks.

use rusqlite::{Connection, ToSql};

use super::{Filter, ListQuery, PAGE_MAX, SortBy};
use super::{assessed_sql, count_sql, facts_sql, ids_sql, index_of, order_sql, standings_sql, window_sql};
use crate::error::Result;

/// SQLite's plan for finding the window of `query` (for the sorts done in
/// Rust, every matching customer in name order), one line per step: shows
/// whether an index gives the order or every matching customer is sorted
/// (`USE TEMP B-TREE FOR ORDER BY`), and whether rows are read at all.
pub fn plan(conn: &Connection, query: &ListQuery) -> Result<Vec<String>> {
    let today = query.as_of.unwrap_or_else(crate::clock::local_today);
    let filter = Filter::of(query, today, &crate::settings::get(conn)?);
    let order = order_sql(query);
    let params: Vec<&dyn ToSql> = filter.args.iter().map(|a| a.as_ref()).collect();
    let statement = match query.sort {
        SortBy::Dependence => facts_sql(index_of(query), &filter.sql, &order),
        SortBy::Weight => assessed_sql(query, &filter.sql, &order),
        SortBy::Revenue => ids_sql(index_of(query), &filter.sql, &order),
        SortBy::Status => standings_sql(index_of(query), &filter.sql, &order),
        _ => window_sql(query, &filter.sql, &order, query.limit.clamp(1, PAGE_MAX), 0),
    };
    explain(conn, &statement, &params)
}

/// SQLite's plan for counting the matches of a filtered `query`.
pub fn count_plan(conn: &Connection, query: &ListQuery) -> Result<Vec<String>> {
    let today = query.as_of.unwrap_or_else(crate::clock::local_today);
    let filter = Filter::of(query, today, &crate::settings::get(conn)?);
    let params: Vec<&dyn ToSql> = filter.args.iter().map(|a| a.as_ref()).collect();
    explain(conn, &count_sql(query, &filter.sql), &params)
}

/// The lines of SQLite's plan for `statement`.
fn explain(conn: &Connection, statement: &str, params: &[&dyn ToSql]) -> Result<Vec<String>> {
    let lines = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {statement}"))?
        .query_map(params, |r| r.get::<_, String>("detail"))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}
