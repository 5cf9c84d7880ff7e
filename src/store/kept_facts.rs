//! The triggers that keep the dependence facts (migration 23) recompute a
//! customer's facts for every person and contact a write touches, and the
//! kept facts' index is rewritten with every kept day a contact or deal
//! moves. A bulk fill of an empty book (the demo) sets both aside inside its
//! own transaction, then computes every customer's facts once, with the
//! statement the migration fills an existing book with, and builds the
//! indexes once. A rolled-back fill leaves them as they were: SQLite's
//! schema changes are transactional.

use rusqlite::Connection;

use crate::error::Result;

/// Where migration 23's statement for the customers already in a book starts.
const BACKFILL_MARK: &str = "-- The facts of the customers already in the book.";

/// The migration, whose last statement recomputes every customer's facts.
const MIGRATION: &str = include_str!("../../migrations/0023_dependence_facts.sql");

/// What is set aside: the definitions of the indexes, then of the triggers.
#[must_use = "the triggers and indexes stay out until resumed"]
pub(crate) struct Suspended(Vec<String>);

/// Takes the dependence triggers and the wide kept-facts indexes out of the
/// schema, inside the caller's transaction.
pub(crate) fn suspend(tx: &Connection) -> Result<Suspended> {
    let objects = tx
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE (type = 'trigger' AND name GLOB 'dependence_*') \
             OR (type = 'index' AND name IN ('customers_live_facts', 'customers_live_scored')) \
             ORDER BY type = 'trigger', name",
        )?
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (kind, name, _) in &objects {
        tx.execute_batch(&format!("DROP {} \"{name}\"", kind.to_uppercase()))?;
    }
    Ok(Suspended(objects.into_iter().map(|(_, _, sql)| sql).collect()))
}

impl Suspended {
    /// Computes every customer's facts, then builds the indexes and puts
    /// the triggers back.
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
