//! A bulk fill of an empty book (the demo) sets aside what the write paths
//! keep row by row, and computes it once at the end.
//!
//! Triggers keep columns derived from other records: the last order and
//! contact (migration 16), the next step (18), the key board's scores (19),
//! each person's last contact (20), the revenue ranking's change count (21,
//! 25), the dependence facts (23) and the list orders' change count (27).
//! Row by row, every contact, deal and follow-up rewrites its customer's
//! row and the indexes over those
//! columns: about a fifth of the 100k demo's time. Here the triggers and
//! the indexes over kept columns are dropped inside the fill's own
//! transaction, then each column is computed for every customer with the
//! statement its migration fills an existing book with, the indexes are
//! built once and the triggers put back. Indexes the fill would write in a
//! random order ([`UNORDERED`]) are set aside too and built first. A
//! rolled-back fill leaves them as they were: SQLite's schema changes are
//! transactional.

use rusqlite::{Connection, Transaction};

use super::{BUSY_TIMEOUT, Store};
use crate::error::{Error, Result};

/// The triggers set aside, as GLOB patterns of their names.
const TRIGGERS: [&str; 8] = [
    "search_*_ai",
    "list_changes_*",
    "activity_*",
    "next_step_*",
    "key_scores_*",
    "person_contact_*",
    "value_changes_*",
    "dependence_*",
];

/// The indexes over kept columns, built once at the end instead.
const INDEXES: [&str; 13] = [
    "search_doc_customers",
    "search_doc_people",
    "search_doc_contacts",
    "search_doc_handover_notes",
    "customers_key_sort",
    "customers_live_last_contact",
    "customers_live_last_contact_blank_last",
    "customers_live_next_due",
    "customers_live_next_due_blank_last",
    "customers_scored",
    "customers_live_facts",
    "customers_live_scored",
    "customers_live_quiet",
];

/// Indexes in an order the fill does not write in (a name's sort key, a
/// day), so each insert lands on a random page of a growing index; the
/// others grow at their end (ids are time-ordered, a customer's records are
/// written together). Built once instead, before the kept columns are
/// computed (which may read them): on the 100k demo, writing the records
/// took 43 s instead of 62 s, and building these 6 s.
const UNORDERED: [&str; 9] = [
    "customers_live_updated",
    "customers_live_created",
    "customers_live_sort",
    "customers_live_status",
    "customers_live_tier",
    "deals_kind_day",
    "deals_revenue",
    "followups_open",
    "tier_changes_day",
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

/// What is set aside: the definitions of the unordered indexes, then of
/// the indexes over kept columns and the triggers.
#[must_use = "the triggers and indexes stay out until resumed"]
pub(crate) struct Suspended {
    unordered: Vec<String>,
    kept: Vec<String>,
}

/// Takes the keeping triggers, the indexes over kept columns and the
/// unordered indexes out of the schema, inside the caller's transaction.
pub(crate) fn suspend(tx: &Connection) -> Result<Suspended> {
    let triggers = TRIGGERS.map(|g| format!("name GLOB '{g}'")).join(" OR ");
    let indexes = INDEXES
        .iter()
        .chain(&UNORDERED)
        .map(|i| format!("'{i}'"))
        .collect::<Vec<_>>()
        .join(", ");
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
    let (unordered, kept) = objects
        .into_iter()
        .partition::<Vec<_>, _>(|(_, name, _)| UNORDERED.contains(&name.as_str()));
    let sql = |v: Vec<(String, String, String)>| v.into_iter().map(|(_, _, sql)| sql).collect();
    Ok(Suspended {
        unordered: sql(unordered),
        kept: sql(kept),
    })
}

impl Suspended {
    /// Computes every kept column, builds the indexes and puts the
    /// triggers back.
    pub(crate) fn resume(self, tx: &Connection) -> Result<()> {
        for sql in self.unordered {
            tx.execute_batch(&sql)?;
        }
        for (table, kind) in DOCUMENTS {
            number_documents(tx, table, kind)?;
        }
        for sql in backfills() {
            tx.execute_batch(sql)?;
        }
        tx.execute("UPDATE value_changes SET n = n + ?1 WHERE id = 1", [RANKING_MOVES])?;
        // A list order kept from before the fill is read again (migration 27).
        tx.execute("UPDATE list_changes SET n = n + 1 WHERE id = 1", [])?;
        for sql in self.kept {
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}

impl Store {
    /// [`Store::write_bulk`] for filling an empty book: when no other
    /// connection has the book open (the CLI's `baton demo`, the benchmark's
    /// fixture), the fill is written with a rollback journal instead of the
    /// WAL, then the book goes back to WAL. In WAL every page of the fill was
    /// written twice, to the WAL and again by the checkpoint at close (the
    /// 100k demo writes 2.5 GB); a rollback journal holds only the few pages
    /// the empty book had, and the records are written once. A killed fill
    /// still leaves the empty book: the journal rolls it back at the next
    /// open. Another connection (the app's readers) keeps the book in WAL,
    /// and the fill is then an ordinary bulk write.
    pub(crate) fn fill_empty<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let alone = self.path.is_some() && !self.read_only && self.leave_wal()?;
        let out = self.write_bulk(f);
        if !alone {
            return out;
        }
        let back = self.back_to_wal();
        let out = out?;
        back?;
        Ok(out)
    }

    /// Switches the book to a rollback journal if no other connection has
    /// it open (each one holds a shared lock while in WAL); false, at once,
    /// if one does.
    fn leave_wal(&self) -> Result<bool> {
        let conn = self.conn();
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let mode = conn.pragma_update_and_check(None, "journal_mode", "delete", |r| r.get::<_, String>(0));
        conn.busy_timeout(BUSY_TIMEOUT)?;
        match mode {
            Ok(mode) => Ok(mode.eq_ignore_ascii_case("delete")),
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Puts the book back in WAL, as [`Store::open`] left it.
    fn back_to_wal(&self) -> Result<()> {
        let mode: String = self
            .conn()
            .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Corrupt(format!(
                "could not switch the book back to WAL (got {mode})"
            )));
        }
        Ok(())
    }
}

/// The tables whose records are search documents, and their kinds.
const DOCUMENTS: [(&str, &str); 4] = [
    ("customers", "customer"),
    ("people", "person"),
    ("contacts", "contact"),
    ("handover_notes", "note"),
];

/// What migration 24's insert triggers do for each record, for a whole
/// table at once: the next document numbers from the counter, in rowid
/// order, and each document queued for indexing. Row by row, each insert
/// also rewrote the row it had just written, moved the counter and kept a
/// statement journal (the triggers wrote other tables). The table is read
/// once: the queue takes the numbers' range, not a second pass over it.
fn number_documents(tx: &Connection, table: &str, kind: &str) -> Result<()> {
    let first: i64 = tx.query_row("SELECT last_doc + 1 FROM search_seq", [], |r| r.get(0))?;
    let numbered = tx.execute(
        &format!(
            "UPDATE {table} SET search_doc = ?1 - 1 + n.i \
             FROM (SELECT rowid AS r, row_number() OVER (ORDER BY rowid) AS i FROM {table} \
                   WHERE search_doc IS NULL) n \
             WHERE {table}.rowid = n.r"
        ),
        [first],
    )?;
    // None when the table had nothing to number (a demo of no customers).
    let Some(last) = numbered.checked_sub(1).map(|n| first + n as i64) else {
        return Ok(());
    };
    tx.execute(
        "INSERT INTO search_queue (doc, kind, indexed) \
         WITH RECURSIVE d(doc) AS (SELECT ?1 UNION ALL SELECT doc + 1 FROM d WHERE doc < ?2) \
         SELECT doc, ?3, 0 FROM d",
        rusqlite::params![first, last, kind],
    )?;
    tx.execute("UPDATE search_seq SET last_doc = ?1", [last])?;
    Ok(())
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
    use crate::Store;

    fn journal_mode(conn: &rusqlite::Connection) -> String {
        conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("journal mode")
    }

    #[test]
    fn a_fill_alone_leaves_the_wal_and_comes_back() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("book.db")).expect("book");
        assert!(store.leave_wal().expect("leave"));
        assert_eq!(journal_mode(&store.conn()), "delete");
        store.back_to_wal().expect("back");
        crate::demo::fill(&store, 12, 3).expect("demo");
        assert_eq!(journal_mode(&store.conn()), "wal");
    }

    #[test]
    fn a_fill_beside_another_connection_stays_in_wal() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("book.db");
        let store = Store::open(&path).expect("book");
        let other = rusqlite::Connection::open(&path).expect("other");
        let _: i64 = other
            .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
            .expect("read");
        assert!(!store.leave_wal().expect("no switch, no error"));
        crate::demo::fill(&store, 12, 3).expect("demo");
        assert_eq!(journal_mode(&store.conn()), "wal");
        let n: i64 = other
            .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
            .expect("read");
        assert_eq!(n, 12);
    }

    /// The fill numbers its documents as the insert triggers would have:
    /// every one once, 1..N, the counter at N, all indexed.
    #[test]
    fn a_fill_numbers_and_indexes_every_document() {
        let store = Store::open_in_memory().expect("book");
        crate::demo::fill(&store, 40, 9).expect("demo");
        let conn = store.conn();
        let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        let docs = "SELECT search_doc AS d FROM customers UNION ALL SELECT search_doc FROM people \
                    UNION ALL SELECT search_doc FROM contacts UNION ALL SELECT search_doc FROM handover_notes";
        let total = one(&format!("SELECT count(*) FROM ({docs})"));
        assert!(total > 400, "{total}");
        assert_eq!(one(&format!("SELECT count(DISTINCT d) FROM ({docs})")), total);
        assert_eq!(one(&format!("SELECT min(d) FROM ({docs})")), 1);
        assert_eq!(one(&format!("SELECT max(d) FROM ({docs})")), total);
        assert_eq!(one("SELECT last_doc FROM search_seq"), total);
        assert_eq!(one("SELECT count(*) FROM search_queue"), 0);
        for (table, kind) in super::DOCUMENTS {
            let indexed = one(&format!("SELECT count(*) FROM search_fts_{kind}_docsize"));
            assert_eq!(indexed, one(&format!("SELECT count(*) FROM {table}")), "{kind}");
        }
        // And a customer written after the fill takes the next number.
        drop(conn);
        let card = crate::customers::CustomerCard {
            name: "后来的客户".into(),
            ..Default::default()
        };
        let id = store.write(|tx| crate::customers::create(tx, card)).expect("create").id;
        let doc: i64 = store
            .conn()
            .query_row("SELECT search_doc FROM customers WHERE id = ?1", [&id], |r| r.get(0))
            .expect("doc");
        assert_eq!(doc, total + 1);
    }

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
