//! The whole book's order under a sort done in Rust (standing, dependence,
//! revenue), kept between reads and moved customer by customer after
//! writes.
//!
//! Each such sort reads every live customer's kept facts and sorts them:
//! 30-50 ms at 100k customers, and the list asks again for every page it
//! scrolls to. With no filter the order is the same from page to page
//! until a customer's facts change, so it is kept with what it was
//! computed from: the book's file and content name (a restore renames the
//! content), the day, the settings and the sort, and the book's value and
//! list change counts (migrations 21 and 27). After writes, the rings of
//! the customers they touched (migrations 25 and 29) say whom to move:
//! each is taken out and put back where its key and name now place it, so
//! the first page read after a save costs a few lookups, not a sort. A
//! reader further behind than a ring sorts afresh. A filtered list is
//! computed each time (its matches are fewer).

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::SortBy;
use crate::error::Result;
use crate::settings::Settings;

/// What a kept order was computed from, its change counts aside.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    /// The book's file: a copy of a book shares its content name and
    /// counts, and both may be open in one process.
    file: String,
    /// The book's content name.
    book: String,
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
    settings: Settings,
}

/// A customer's place: its key as sorted (keyless last), then its rowid;
/// equal keys stay in name order.
pub(super) type Placed = ((u8, i64), i64);

/// The kept order and the value and list change counts it stands at.
type Kept = (Key, (i64, i64), Arc<Vec<Placed>>);

/// The last order computed (one: the list shows one sort at a time).
static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

thread_local! {
    /// Orders kept at older counts that this thread sorted afresh because
    /// the rings could not say whom to move (for tests: a single write
    /// must not cost a sort; a bulk fill does).
    static RESORTS: Cell<u64> = const { Cell::new(0) };
}

/// How many changes each ring remembers (migrations 25 and 29).
const RING: i64 = 256;

fn stamp(conn: &Connection) -> Result<(String, (i64, i64))> {
    Ok(conn
        .prepare_cached("SELECT v.book, v.n, l.n FROM value_changes v, list_changes l WHERE v.id = 1 AND l.id = 1")?
        .query_row([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?)
}

/// Forgets the kept order: the next read sorts afresh (for tests that
/// hold the kept order to a fresh one).
pub fn forget() {
    *KEPT.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// How many kept orders this thread has sorted afresh after writes the
/// rings did not cover (for tests).
pub fn resorts() -> u64 {
    RESORTS.with(Cell::get)
}

/// The window `offset..offset + limit` of every live customer's rowid in
/// the order of `sort`: kept from an earlier read of the same content
/// (with the customers written since moved), or sorted from `keyed(None)`
/// (each customer's key in name order) and kept. `keyed(Some(rowid))` is
/// that one customer's key, nothing if it is not live.
pub(super) fn window(
    conn: &Connection,
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
    settings: &Settings,
    (offset, limit): (u32, u32),
    keyed: impl Fn(Option<i64>) -> Result<Vec<(i64, Option<i64>)>>,
) -> Result<Vec<i64>> {
    let (book, counts) = stamp(conn)?;
    let key = Key {
        file: conn.path().unwrap_or_default().to_owned(),
        book,
        sort,
        descending,
        today,
        settings: settings.clone(),
    };
    let kept = {
        let mut kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
        match &*kept {
            // Current: shared, left in place for the reads beside this one
            // (the list asks for pages at once while it scrolls).
            Some((k, at, order)) if *k == key && *at == counts => {
                return Ok(page(order, offset, limit));
            }
            // Behind: taken out while it is brought up to date, so it is
            // patched in place rather than copied.
            _ => kept.take(),
        }
    };
    let order = match kept {
        Some((k, at, mut order)) if k == key && at.0 <= counts.0 && at.1 <= counts.1 => {
            match touched(conn, sort, at, counts)? {
                Some(rows) => {
                    moved(conn, Arc::make_mut(&mut order), &rows, descending, &keyed)?;
                    order
                }
                None => {
                    RESORTS.with(|n| n.set(n.get() + 1));
                    sorted(keyed(None)?, descending)
                }
            }
        }
        _ => sorted(keyed(None)?, descending),
    };
    let page = page(&order, offset, limit);
    // Kept only if no write came between (a read outside a transaction
    // sees each statement's own moment).
    if stamp(conn)? == (key.book.clone(), counts) {
        *KEPT.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, counts, order));
    }
    Ok(page)
}

/// The rowids of the customers the changes between the counts `from` and
/// `to` touched (the value ring matters to the revenue sort alone), or
/// `None` if a ring no longer holds all of them.
fn touched(conn: &Connection, sort: SortBy, from: (i64, i64), to: (i64, i64)) -> Result<Option<Vec<i64>>> {
    let (lists, values) = (to.1 - from.1, to.0 - from.0);
    if lists > RING || (sort == SortBy::Revenue && values > RING) {
        return Ok(None);
    }
    let mut rows: Vec<i64> = conn
        .prepare_cached("SELECT customer_row FROM list_changed WHERE n > ?1 AND n <= ?2")?
        .query_map([from.1, to.1], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if rows.len() as i64 != lists {
        return Ok(None);
    }
    if sort == SortBy::Revenue {
        let Some(ids) = crate::value::touched(conn, from.0, to.0)? else {
            return Ok(None);
        };
        let mut rowid = conn.prepare_cached("SELECT rowid FROM customers WHERE id = ?1")?;
        for id in ids {
            rows.extend(rowid.query_row([id], |r| r.get::<_, i64>(0)).optional()?);
        }
    }
    rows.sort_unstable();
    rows.dedup();
    Ok(Some(rows))
}

/// Moves each customer of `rows` to where its key and name now place it
/// in `order` (or out, if it is no longer live).
fn moved(
    conn: &Connection,
    order: &mut Vec<Placed>,
    rows: &[i64],
    descending: bool,
    keyed: &impl Fn(Option<i64>) -> Result<Vec<(i64, Option<i64>)>>,
) -> Result<()> {
    let gone: HashSet<i64> = rows.iter().copied().collect();
    order.retain(|(_, rowid)| !gone.contains(rowid));
    let mut name = conn.prepare_cached("SELECT sort_key, name, id FROM customers WHERE rowid = ?1")?;
    let mut name_of = |rowid: i64| -> Result<(String, String, String)> {
        Ok(name.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
    };
    for &row in rows {
        for (rowid, key) in keyed(Some(row))? {
            let rank = rank_of(key, descending);
            let own = name_of(rowid)?;
            // Among the equal keys, by name (the order the whole-book read
            // gives them): a binary search reading the names it meets.
            let (mut lo, mut hi) = (
                order.partition_point(|(r, _)| *r < rank),
                order.partition_point(|(r, _)| *r <= rank),
            );
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if name_of(order[mid].1)? < own {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            order.insert(lo, (rank, rowid));
        }
    }
    Ok(())
}

/// Where a key sorts: keyless customers last either way.
fn rank_of(key: Option<i64>, descending: bool) -> (u8, i64) {
    match key {
        Some(k) if descending => (0, -k),
        Some(k) => (0, k),
        None => (1, 0),
    }
}

/// The rowids of the window `offset..offset + limit` of `order`.
pub(super) fn page(order: &[Placed], offset: u32, limit: u32) -> Vec<i64> {
    order
        .iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|&(_, rowid)| rowid)
        .collect()
}

fn sorted(keyed: Vec<(i64, Option<i64>)>, descending: bool) -> Arc<Vec<Placed>> {
    Arc::new(ordered(keyed, descending))
}

/// Sorts `keyed` (rowids with their keys, in name order) by key, stably
/// (so equal keys stay in name order), customers without a key last.
pub(super) fn ordered(keyed: Vec<(i64, Option<i64>)>, descending: bool) -> Vec<Placed> {
    let mut placed: Vec<Placed> = keyed
        .into_iter()
        .map(|(rowid, key)| (rank_of(key, descending), rowid))
        .collect();
    placed.sort_by_key(|&(rank, _)| rank);
    placed
}
