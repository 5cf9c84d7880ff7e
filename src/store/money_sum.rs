//! `baton_sum(x)`: SQL's `sum()` for money that cannot overflow.
//!
//! SQLite's `sum()` of integers fails the whole query with "integer
//! overflow" once a total passes i64 (a hostile handover file of maximal
//! deals does it), and every board, card and report built on it would fail.
//! This aggregate adds in i128 and saturates at the ends of i64, so a total
//! is exact whenever it can be, and never an error. NULLs are skipped, and
//! no non-NULL input gives NULL, as with `sum()`.

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::{Connection, types::ValueRef};

struct MoneySum;

impl Aggregate<Option<i128>, Option<i64>> for MoneySum {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Option<i128>> {
        Ok(None)
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Option<i128>) -> rusqlite::Result<()> {
        let add = match ctx.get_raw(0) {
            ValueRef::Null => return Ok(()),
            ValueRef::Integer(i) => i128::from(i),
            // Money is stored in integer minor units; anything else is a
            // damaged row, counted as its integer part.
            ValueRef::Real(f) => f as i128,
            _ => 0,
        };
        *acc = Some(acc.unwrap_or(0).saturating_add(add));
        Ok(())
    }

    fn finalize(&self, _: &mut Context<'_>, acc: Option<Option<i128>>) -> rusqlite::Result<Option<i64>> {
        Ok(acc
            .flatten()
            .map(|t| i64::try_from(t).unwrap_or(if t < 0 { i64::MIN } else { i64::MAX })))
    }
}

/// Registers `baton_sum` on `conn`.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_aggregate_function(
        "baton_sum",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        MoneySum,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_saturate_instead_of_failing_and_keep_sum_semantics() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        super::register(&conn).expect("register");
        conn.execute_batch(
            "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (9223372036854775000), (9223372036854775000), (NULL);",
        )
        .expect("rows");
        let plain = conn.query_row("SELECT sum(x) FROM t", [], |r| r.get::<_, i64>(0));
        assert!(plain.is_err(), "SQLite's own sum overflows here");
        let ours: i64 = conn
            .query_row("SELECT baton_sum(x) FROM t", [], |r| r.get(0))
            .expect("no overflow");
        assert_eq!(ours, i64::MAX);
        let exact: i64 = conn
            .query_row(
                "SELECT baton_sum(x) FROM (SELECT 5 AS x UNION ALL SELECT -7)",
                [],
                |r| r.get(0),
            )
            .expect("exact");
        assert_eq!(exact, -2);
        let none: Option<i64> = conn
            .query_row("SELECT baton_sum(x) FROM t WHERE x IS NULL", [], |r| r.get(0))
            .expect("null");
        assert_eq!(none, None);
    }
}
