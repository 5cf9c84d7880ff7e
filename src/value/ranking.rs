//! The book's revenue in the window, ranked: what a value picture compares
//! one customer's revenue with, and what the list sorted by revenue reads.
//!
//! Reading it is an aggregate of every deal in the window (200 ms on the
//! 100k book), so it is kept in memory between reads. A write that can
//! change it raises the book's count (migration 21) and names the
//! customers it touched (migration 25): the kept ranking is then brought
//! up to date for just those customers, and read in full again only when
//! the settings, the day or the book's content moved, or it fell more than
//! the ring's 256 changes behind.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{REVENUE, Rank, window_start};
use crate::error::Result;
use crate::settings::Settings;

/// The revenue in the window of every live customer with some, sorted, so a
/// customer's rank is two binary searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    revenue: Vec<i64>,
    per_head: Vec<i64>,
    /// Each live customer's revenue in the window (returns may make it
    /// negative), per head of serving staff, and its rowid; none: no order
    /// or return.
    by_customer: HashMap<String, (i64, i64, i64)>,
    /// The same revenue by the customer's rowid, for the list sorted by
    /// revenue: it walks rowids in name order, no id text read or hashed.
    by_rowid: HashMap<i64, i64>,
}

/// The aggregate of the deals in the window: the whole book's over the
/// covering `deals_revenue` index, or one customer's (`?3`) over its own.
fn window_sql(one_customer: bool) -> String {
    let (index, only) = if one_customer {
        ("INDEXED BY deals_customer", "AND d.customer_id = ?3")
    } else {
        ("INDEXED BY deals_revenue", "")
    };
    format!(
        "WITH r AS (SELECT d.customer_id, baton_sum({REVENUE}) AS rev FROM deals d {index} \
                    WHERE d.kind IN ('order', 'return') AND d.occurred_on >= ?2 AND d.currency = ?1 AND d.deleted_at IS NULL \
                    {only} GROUP BY d.customer_id) \
         SELECT r.customer_id, r.rev, r.rev / max(coalesce(c.serving_staff, 1), 1), c.rowid \
         FROM r JOIN customers c ON c.id = r.customer_id WHERE c.deleted_at IS NULL"
    )
}

impl Ranking {
    /// Reads the book's revenue in the window ending `today`, in one pass
    /// over the covering `deals_revenue` index.
    pub fn load(conn: &Connection, s: &Settings, today: NaiveDate) -> Result<Ranking> {
        let mut stmt = conn.prepare(&window_sql(false))?;
        let mut rows = stmt.query(params![s.currency, window_start(s, today)])?;
        let (mut revenue, mut per_head, mut by_customer, mut by_rowid) =
            (Vec::new(), Vec::new(), HashMap::new(), HashMap::new());
        while let Some(r) = rows.next()? {
            let (rev, head, rowid): (i64, i64, i64) = (r.get(1)?, r.get(2)?, r.get(3)?);
            // Ranked: the customers that brought something in the window.
            if rev > 0 {
                revenue.push(rev);
                per_head.push(head);
            }
            by_customer.insert(r.get(0)?, (rev, head, rowid));
            by_rowid.insert(rowid, rev);
        }
        revenue.sort_unstable();
        per_head.sort_unstable();
        Ok(Ranking {
            revenue,
            per_head,
            by_customer,
            by_rowid,
        })
    }

    /// A live customer's revenue in the window (0 without orders or returns).
    pub fn revenue_of(&self, customer_id: &str) -> i64 {
        self.by_customer.get(customer_id).map_or(0, |(rev, ..)| *rev)
    }

    /// [`Ranking::revenue_of`] the live customer with this rowid.
    pub fn revenue_at(&self, rowid: i64) -> i64 {
        self.by_rowid.get(&rowid).copied().unwrap_or(0)
    }

    pub(crate) fn rank(&self, revenue: i64, per_head: i64, lifetime: i64) -> Rank {
        let above = |sorted: &[i64], x: i64| (sorted.len() - sorted.partition_point(|v| *v <= x)) as i64;
        Rank {
            n: self.revenue.len() as i64,
            above: above(&self.revenue, revenue),
            above_per_head: above(&self.per_head, per_head),
            above_lifetime: above(&self.revenue, lifetime),
        }
    }

    /// Reads one customer's revenue in the window again, as [`Ranking::load`]
    /// would (gone if trashed, removed, or without deals in the window).
    fn refresh(&mut self, conn: &Connection, s: &Settings, today: NaiveDate, customer_id: &str) -> Result<()> {
        if let Some((rev, head, rowid)) = self.by_customer.remove(customer_id) {
            self.by_rowid.remove(&rowid);
            if rev > 0 {
                remove_one(&mut self.revenue, rev);
                remove_one(&mut self.per_head, head);
            }
        }
        let now: Option<(i64, i64, i64)> = conn
            .prepare_cached(&window_sql(true))?
            .query_row(params![s.currency, window_start(s, today), customer_id], |r| {
                Ok((r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        if let Some((rev, head, rowid)) = now {
            if rev > 0 {
                insert_sorted(&mut self.revenue, rev);
                insert_sorted(&mut self.per_head, head);
            }
            self.by_customer.insert(customer_id.to_string(), (rev, head, rowid));
            self.by_rowid.insert(rowid, rev);
        }
        Ok(())
    }
}

fn remove_one(sorted: &mut Vec<i64>, x: i64) {
    if let Ok(at) = sorted.binary_search(&x) {
        sorted.remove(at);
    }
}

fn insert_sorted(sorted: &mut Vec<i64>, x: i64) {
    let at = sorted.partition_point(|v| *v < x);
    sorted.insert(at, x);
}

/// How many changes `value_changed` remembers.
const RING: i64 = 256;

/// Which content a kept ranking was read from: the book's name, its
/// currency, the window's first day and the book's file (a copy shares
/// its name and count); and the book's change count.
type RankingKey = (String, String, String, String);

/// The last ranking read, for the next picture of the same content.
static KEPT: Mutex<Option<(RankingKey, i64, Arc<Ranking>)>> = Mutex::new(None);

/// The book's name and change count for value (migration 21).
fn stamp(conn: &Connection) -> Result<(String, i64)> {
    Ok(
        conn.query_row("SELECT book, n FROM value_changes WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
    )
}

/// The customers the changes after `from` up to `to` touched, or `None`
/// if the ring no longer holds all of them.
pub(crate) fn touched(conn: &Connection, from: i64, to: i64) -> Result<Option<Vec<String>>> {
    if to - from > RING {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached("SELECT customer_id, other_id FROM value_changed WHERE n > ?1 AND n <= ?2")?;
    let mut rows = stmt.query([from, to])?;
    let (mut seen, mut ids) = (0, Vec::new());
    while let Some(r) = rows.next()? {
        seen += 1;
        ids.push(r.get(0)?);
        ids.extend(r.get::<_, Option<String>>(1)?);
    }
    if seen != to - from {
        return Ok(None);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

/// The book's revenue ranking for the window ending `today`: read once,
/// then kept, and brought up to date customer by customer after writes
/// (see the module's comment).
pub(crate) fn kept_ranking(conn: &Connection, s: &Settings, today: NaiveDate) -> Result<Arc<Ranking>> {
    let (book, n) = stamp(conn)?;
    let file = conn.path().unwrap_or_default().to_owned();
    let key = (book, s.currency.clone(), window_start(s, today), file);
    let mut kept = KEPT.lock().unwrap_or_else(|p| p.into_inner());
    let ranking = match kept.take() {
        Some((k, at, ranking)) if k == key && at == n => ranking,
        Some((k, at, mut ranking)) if k == key && at < n => match touched(conn, at, n)? {
            Some(ids) => {
                // Cloned only if a read elsewhere still holds it.
                let patched = Arc::make_mut(&mut ranking);
                for id in &ids {
                    patched.refresh(conn, s, today, id)?;
                }
                ranking
            }
            None => Arc::new(Ranking::load(conn, s, today)?),
        },
        _ => Arc::new(Ranking::load(conn, s, today)?),
    };
    // Kept only if no write came between (a read outside a transaction
    // sees each statement's own moment).
    if stamp(conn)? == (key.0.clone(), n) {
        *kept = Some((key, n, ranking.clone()));
    }
    Ok(ranking)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::DealKind;
    use crate::value::deals::{self, DealDraft};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or_default()
    }

    fn deal(kind: DealKind, major: i64) -> DealDraft {
        DealDraft {
            kind,
            occurred_on: "2026-10-01".into(),
            amount_minor: major * 100,
            currency: String::new(),
            description: String::new(),
        }
    }

    /// Brings `kept` (read at count `at`) up to date through the ring, and
    /// holds it to a ranking read afresh; the new count.
    fn follow(store: &crate::Store, kept: &mut Ranking, at: i64, after: &str) -> i64 {
        store
            .read(|c| {
                let s = crate::settings::get(c)?;
                let n = stamp(c)?.1;
                assert!(n > at, "{after} raised the count");
                let ids = touched(c, at, n)?.unwrap_or_else(|| panic!("the ring holds {after}"));
                for id in &ids {
                    kept.refresh(c, &s, today(), id)?;
                }
                assert_eq!(*kept, Ranking::load(c, &s, today())?, "after {after}");
                Ok(n)
            })
            .unwrap_or_else(|e| panic!("{after}: {e}"))
    }

    #[test]
    fn a_ranking_refreshed_for_the_customers_a_write_touched_equals_one_read_afresh() {
        let store = crate::Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        crate::demo::fill(&store, 60, 4).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<String> = store
            .read(|c| {
                let mut stmt = c.prepare("SELECT id FROM customers ORDER BY id")?;
                let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                Ok(ids)
            })
            .unwrap_or_default();
        let (mut kept, mut at) = store
            .read(|c| {
                let s = crate::settings::get(c)?;
                Ok((Ranking::load(c, &s, today())?, stamp(c)?.1))
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let write = |f: &dyn Fn(&rusqlite::Transaction<'_>) -> Result<()>| {
            store.write(|tx| f(tx)).unwrap_or_else(|e| panic!("{e}"));
        };
        let mut big = String::new();
        store
            .write(|tx| {
                big = deals::create(tx, &ids[1], deal(DealKind::Order, 90_000_000))?.id;
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        at = follow(&store, &mut kept, at, "a big order");
        write(&|tx| deals::create(tx, &ids[2], deal(DealKind::Return, 7_000_000)).map(drop));
        at = follow(&store, &mut kept, at, "a return that makes the revenue negative");
        write(&|tx| deals::update(tx, &big, deal(DealKind::Order, 3)).map(drop));
        at = follow(&store, &mut kept, at, "the order made small");
        write(&|tx| {
            tx.execute("UPDATE deals SET customer_id = ?1 WHERE id = ?2", [&ids[3], &big])?;
            Ok(())
        });
        at = follow(&store, &mut kept, at, "the order moved to another customer");
        write(&|tx| deals::delete(tx, &big));
        at = follow(&store, &mut kept, at, "the order to the trash");
        write(&|tx| crate::book::trash::restore(tx, crate::book::kinds::RecordKind::Deal, &big));
        at = follow(&store, &mut kept, at, "the order back");
        write(&|tx| {
            tx.execute("UPDATE customers SET serving_staff = 40 WHERE id = ?1", [&ids[3]])?;
            Ok(())
        });
        at = follow(&store, &mut kept, at, "the serving staff");
        write(&|tx| crate::customers::delete(tx, &ids[3]));
        at = follow(&store, &mut kept, at, "a customer to the trash");
        write(&|tx| crate::book::trash::restore(tx, crate::book::kinds::RecordKind::Customer, &ids[3]));
        at = follow(&store, &mut kept, at, "a customer back");
        write(&|tx| {
            for id in &ids[10..20] {
                deals::create(tx, id, deal(DealKind::Order, 500))?;
            }
            Ok(())
        });
        at = follow(&store, &mut kept, at, "ten orders in one write");
        write(&|tx| {
            tx.execute("DELETE FROM customers WHERE id = ?1", [&ids[1]])?;
            Ok(())
        });
        at = follow(&store, &mut kept, at, "a customer removed for good");

        // Further behind than the ring remembers: read in full instead.
        write(&|tx| {
            for _ in 0..=RING {
                deals::create(tx, &ids[5], deal(DealKind::Order, 1))?;
            }
            Ok(())
        });
        let behind = store
            .read(|c| touched(c, at, stamp(c)?.1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(behind, None);
    }
}
