//! The triggers that keep the dependence facts (migration 23) recompute a
//! customer's facts for every person and contact a write touches: filling
//! the 100k demo book through them took 66 s more. A bulk fill of an empty
//! book (the demo) sets them aside inside its own transaction and computes
//! every customer's facts once at the end, with the statement the
//! migration fills an existing book with; a rolled-back fill leaves the
//! triggers as they were, since SQLite's schema changes are transactional.

use rusqlite::Connection;

use crate::error::Result;

/// Where migration 23's statement for the customers already in a book starts.
const BACKFILL_MARK: &str = "-- The facts of the customers already in the book.";

/// The migration, whose last statement recomputes every customer's facts.
const MIGRATION: &str = include_str!("../../migrations/0023_dependence_facts.sql");

/// The dependence triggers' definitions, taken out until [`Suspended::resume`].
#[must_use = "the triggers stay out until resumed"]
pub(crate) struct Suspended(Vec<String>);

/// Takes the dependence triggers out of the schema, inside the caller's transaction.
pub(crate) fn suspend(tx: &Connection) -> Result<Suspended> {
    let triggers = tx
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'dependence_*'")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(Suspended(triggers.into_iter().map(|(_, sql)| sql).collect()))
}

impl Suspended {
    /// Computes every customer's facts, then puts the triggers back.
    pub(crate) fn resume(self, tx: &Connection) -> Result<()> {
        tx.execute_batch(backfill())?;
        for sql in self.0 {
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}

fn backfill() -> &'static str {
    MIGRATION
        .split_once(BACKFILL_MARK)
        .map_or("", |(_, statement)| statement)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_backfill_is_the_migrations_last_statement() {
        let sql = super::backfill();
        assert!(sql.trim_start().starts_with("UPDATE customers SET"), "{sql}");
        assert!(sql.contains("dep_card_layer"));
        assert!(!sql.contains("TRIGGER"));
    }
}
