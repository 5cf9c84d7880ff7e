//! The whole book's order under a sort done in Rust (standing, dependence,
//! revenue), kept between reads.
//!
//! Each such sort reads every live customer's kept facts and sorts them:
//! 30-50 ms at 100k customers, and the list asks again for every page it
//! scrolls to. With no filter the order is the same from page to page
//! until a customer's facts change, so it is kept with what it was
//! computed from: the book's file, its content name and change counts
//! (migrations 21 and 27; a restore renames the content), the day, the
//! settings and the sort. A filtered list is computed each time (its
//! matches are fewer).

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::SortBy;
use crate::error::Result;
use crate::settings::Settings;

/// What a kept order was computed from.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    /// The book's file: a copy of a book shares its content name and
    /// counts, and both may be open in one process.
    file: String,
    /// The book's content name, its value and list change counts.
    stamp: (String, i64, i64),
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
    settings: Settings,
}

/// The last order computed (one: the list shows one sort at a time).
static KEPT: Mutex<Option<(Key, Arc<Vec<i64>>)>> = Mutex::new(None);

fn stamp(conn: &Connection) -> Result<(String, i64, i64)> {
    Ok(conn
        .prepare_cached("SELECT v.book, v.n, l.n FROM value_changes v, list_changes l WHERE v.id = 1 AND l.id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

/// Forgets the kept order: the next read sorts afresh (for tests that
/// hold the kept order to a fresh one).
pub fn forget() {
    *KEPT.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// The window `offset..offset + limit` of every live customer's rowid in
/// the order of `sort`: kept from an earlier read of the same content, or
/// sorted from `keyed` (each customer's key in name order) and kept.
pub(super) fn window(
    conn: &Connection,
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
    settings: &Settings,
    (offset, limit): (u32, u32),
    keyed: impl FnOnce() -> Result<Vec<(i64, Option<i64>)>>,
) -> Result<Vec<i64>> {
    let key = Key {
        file: conn.path().unwrap_or_default().to_owned(),
        stamp: stamp(conn)?,
        sort,
        descending,
        today,
        settings: settings.clone(),
    };
    let kept = match &*KEPT.lock().unwrap_or_else(|p| p.into_inner()) {
        Some((k, order)) if *k == key => Some(order.clone()),
        _ => None,
    };
    let order = match kept {
        Some(order) => order,
        None => {
            let order = Arc::new(ordered(keyed()?, descending));
            // Kept only if no write came between (a read outside a
            // transaction sees each statement's own moment).
            if stamp(conn)? == key.stamp {
                *KEPT.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, order.clone()));
            }
            order
        }
    };
    Ok(order
        .iter()
        .skip(offset as usize)
        .take(limit as usize)
        .copied()
        .collect())
}

/// Sorts `keyed` (rowids with their keys, in name order) by key, stably
/// (so equal keys stay in name order), customers without a key last.
pub(super) fn ordered(mut keyed: Vec<(i64, Option<i64>)>, descending: bool) -> Vec<i64> {
    keyed.sort_by_key(|(_, key)| match *key {
        Some(k) if descending => (0, -k),
        Some(k) => (0, k),
        None => (1, 0),
    });
    keyed.into_iter().map(|(rowid, _)| rowid).collect()
}
