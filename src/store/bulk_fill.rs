//! A bulk fill of an empty book (the demo) sets aside what the write paths
//! keep row by row, and computes it once at the end.
//!
//! Triggers keep columns derived from other records: the last order and
//! contact (migration 16), the next step (18), the key board's scores (19),
//! each person's last contact (20), the revenue ranking's change count (21,
//! 25) and the dependence facts (23). Row by row, every contact, deal and
//! follow-up rewrites its customer's row and the indexes over those
//! columns: about a fifth of the 100k demo's time. Here the triggers and
//! the indexes over kept columns are dropped inside the fill's own
//! transaction, then each column is computed for every customer with the
//! statement its migration fills an existing book with, the indexes are
//! built once and the triggers put back. A rolled-back fill leaves them as
//! they were: SQLite's schema changes are transactional.

use rusqlite::Connection;

use crate::error::Result;

/// The triggers set aside, as GLOB patterns of their names.
const TRIGGERS: [&str; 6] = [
    "activity_*",
    "next_step_*",
    "key_scores_*",
    "person_contact_*",
    "value_changes_*",
    "dependence_*",
];

/// The indexes over kept columns, built once at the end instead.
const INDEXES: [&str; 8] = [
    "customers_key_sort",
    "customers_live_last_contact",
    "customers_live_last_contact_blank_last",
    "customers_live_next_due",
    "customers_live_next_due_blank_last",
    "customers_scored",
    "customers_live_facts",
    "customers_live_scored",
];

/// The migrations whose first `UPDATE` fills their kept columns for the
/// records already in a book, in the order they must run: the dependence
/// facts read each person's last contact.
const FILLED_BY: [&str; 4] = [
    include_str!("../../migrations/0016_last_activity.sql"),
    include_str!("../../migrations/0018_next_step.sql"),
    include_str!("../../migrations/0019_key_board_scores.sql"),
    include_str!("../../migrations/0020_person_last_contact.sql"),
];

/// Where migration 23's statement for the customers already in a book starts.
const FACTS_MARK: &str = "-- The facts of the customers already in the book.";

/// Migration 23, whose last statement computes every customer's facts.
const FACTS: &str = include_str!("../../migrations/0023_dependence_facts.sql");

/// How far the revenue ranking's change count moves at the end: past the
/// ring of changes it remembers (migration 25), so a ranking kept from
/// before the fill is read again in full.
const RANKING_MOVES: i64 = 257;

/// What is set aside: the definitions of the indexes, then of the triggers.
#[must_use = "the triggers and indexes stay out until resumed"]
pub(crate) struct Suspended(Vec<String>);

/// Takes the keeping triggers and the indexes over kept columns out of the
/// schema, inside the caller's transaction.
pub(crate) fn suspend(tx: &Connection) -> Result<Suspended> {
    let triggers = TRIGGERS.map(|g| format!("name GLOB '{g}'")).join(" OR ");
    let indexes = INDEXES.map(|i| format!("'{i}'")).join(", ");
    let objects = tx
        .prepare(&format!(
            "SELECT type, name, sql FROM sqlite_master WHERE (type = 'trigger' AND ({triggers})) \
             OR (type = 'index' AND name IN ({indexes})) ORDER BY type = 'trigger', name"
        ))?
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
    /// Computes every kept column, builds the indexes and puts the
    /// triggers back.
    pub(crate) fn resume(self, tx: &Connection) -> Result<()> {
        for sql in backfills() {
            tx.execute_batch(sql)?;
        }
        tx.execute("UPDATE value_changes SET n = n + ?1 WHERE id = 1", [RANKING_MOVES])?;
        for sql in self.0 {
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}

/// The statements that compute every kept column, in order.
fn backfills() -> Vec<&'static str> {
    let mut all: Vec<&str> = FILLED_BY.iter().map(|m| first_update(m)).collect();
    all.push(FACTS.split_once(FACTS_MARK).map_or("", |(_, statement)| statement));
    all
}

/// A migration's first `UPDATE` statement, up to its semicolon.
fn first_update(migration: &'static str) -> &'static str {
    let Some(start) = migration.find("\nUPDATE ") else {
        return "";
    };
    let rest = &migration[start + 1..];
    rest.find(";\n").map_or(rest, |end| &rest[..=end])
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_backfill_is_one_update_of_its_migration() {
        let all = super::backfills();
        assert_eq!(all.len(), 5);
        let targets = ["customers", "customers", "customers", "people", "customers"];
        for (sql, table) in all.iter().zip(targets) {
            let sql = sql.trim();
            assert!(sql.starts_with(&format!("UPDATE {table} SET")), "{sql}");
            assert!(!sql.contains("TRIGGER") && !sql.contains("ALTER"), "{sql}");
            assert!(sql.ends_with(';') && sql.matches(';').count() == 1, "{sql}");
        }
        assert!(all[0].contains("last_order_on") && all[0].contains("last_contact_on"));
        assert!(all[1].contains("next_due_on"));
        assert!(all[2].contains("previous_scores"));
        assert!(all[3].contains("last_contact_at"));
        assert!(all[4].contains("dep_card_layer"));
    }
}
