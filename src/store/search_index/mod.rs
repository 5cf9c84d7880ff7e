//! Keeping the FTS indexes in step with the records' searchable text.
//!
//! The views `search_text_<kind>` say what each record's searchable text is
//! (migration 24; before it, a copy of the text was kept in `search_docs`).
//! Triggers queue each changed document in `search_queue`, with the text the
//! indexes hold for it (migration 8 says why the FTS tables are not written
//! row by row). [`sync`] applies the queue; [`crate::Store::write`]
//! calls it before every commit, so a committed book is always fully indexed.
//!
//! Each write leaves a small new segment in each index it touched. Merging
//! them is kept off the write (issue 18: a single edit paid ~20 ms for it):
//! [`tidy`] merges a bounded amount at a time, when the book is quiet
//! ([`crate::Store::tidy_search`]). FTS5's own crisis merge still bounds the
//! segments of a level if nothing tidies for a long while.

use rusqlite::Connection;

/// The indexed kinds of document, as `search_queue.kind` names them (the
/// search's `HitKind`s that have an index).
pub const KINDS: [&str; 4] = ["customer", "person", "contact", "note"];

pub mod grams;

use crate::error::Result;
pub use grams::grams;

/// A sync of at least this many documents is a bulk load (an import, the
/// demo): the indexes are fully merged after it.
const BULK: i64 = 20_000;

/// Applies queued document changes to the indexes of every kind. Cheap when
/// nothing is queued (one lookup). Call inside the write transaction.
pub fn sync(conn: &Connection) -> Result<()> {
    // Which kinds have queued documents, and whether it is a bulk load.
    let mut per_kind = conn.prepare_cached("SELECT kind, count(*) FROM search_queue GROUP BY kind")?;
    let queued: Vec<(String, i64)> = per_kind
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if queued.is_empty() {
        return Ok(());
    }
    // A book being migrated from before version 24 still keeps its text in
    // search_docs (migrations::migrate_to syncs after each migration).
    let from_records = crate::store::migrations::version(conn)? >= TEXT_IN_RECORDS_FROM;
    for k in KINDS {
        let Some(&(_, queued)) = queued.iter().find(|(q, _)| q == k) else {
            continue;
        };
        let bulk = queued >= BULK;
        // One index at a time, each flushed before the next: a bulk load's
        // pending terms are held in memory until then.
        for (table, statements) in statements(k, from_records) {
            if bulk {
                // FTS5 writes a segment each time its pending terms pass
                // the hash size (1 MiB): a million documents made hundreds
                // of segments to merge again. Larger, for this load only.
                set_hash_size(conn, &table, BULK_HASH_BYTES)?;
            }
            for sql in statements {
                conn.prepare_cached(&sql)?.execute([])?;
            }
            // Automatic merging is off (migration 8): a bulk load is
            // written out and merged whole (nothing to merge if it all fit
            // in one segment); an ordinary write not at all.
            if bulk {
                conn.prepare_cached(&format!("INSERT INTO {table} ({table}, rank) VALUES ('optimize', 0)"))?
                    .execute([])?;
                set_hash_size(conn, &table, DEFAULT_HASH_BYTES)?;
            }
        }
    }
    conn.prepare_cached("DELETE FROM search_queue")?.execute([])?;
    Ok(())
}

/// FTS5's own hash size, bytes (its `hashsize` default).
const DEFAULT_HASH_BYTES: i64 = 1024 * 1024;

/// The hash size of a bulk load, bytes: the most pending index data it
/// holds in memory before writing a segment. Memory grows only as far as
/// the load needs. Large enough that each index of the 100k demo (the
/// contacts' text index is 218 MB) is written as one segment, with nothing
/// to merge: at 64 MiB it made several, and merging them again (mostly
/// deleting the old segments' pages) took 11-16 s of the demo's two
/// minutes. The cost is the demo's peak memory: 397 MB, now 563 MB.
const BULK_HASH_BYTES: i64 = 320 * 1024 * 1024;

/// Sets the `hashsize` of the index `table` (kept in its config table, so
/// a bulk load sets it back when done).
fn set_hash_size(conn: &Connection, table: &str, bytes: i64) -> Result<()> {
    conn.prepare_cached(&format!("INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"))?
        .execute([bytes])?;
    Ok(())
}

/// The first version whose records hold their document numbers, read
/// through the `search_text_<kind>` views.
const TEXT_IN_RECORDS_FROM: i64 = 24;

/// The two indexes of kind `k`, each with the statements that apply the
/// queue to it, taking the current text from the records' view (or, before
/// version 24, from `search_docs`).
fn statements(k: &str, from_records: bool) -> [(String, [String; 2]); 2] {
    let text = if from_records {
        format!("search_text_{k}")
    } else {
        "search_docs".to_string()
    };
    // Old entries first, replaying exactly the text they were indexed
    // with; then the current text of every queued document that still
    // exists. CROSS JOIN keeps the queue the outer loop: left to itself the
    // planner walked every document (300k rows at 20k customers) for a
    // queue of one, 35 ms per statement.
    [
        (
            format!("search_fts_{k}"),
            [
                format!(
                    "INSERT INTO search_fts_{k} (search_fts_{k}, rowid, title, body) \
                     SELECT 'delete', doc, old_title, old_body FROM search_queue WHERE kind = '{k}' AND indexed = 1"
                ),
                format!(
                    "INSERT INTO search_fts_{k} (rowid, title, body) \
                     SELECT d.doc, d.title, d.body FROM search_queue q CROSS JOIN {text} d ON d.doc = q.doc \
                     WHERE q.kind = '{k}'"
                ),
            ],
        ),
        (
            format!("search_grams_{k}"),
            [
                format!(
                    "INSERT INTO search_grams_{k} (search_grams_{k}, rowid, grams) \
                     SELECT 'delete', doc, baton_grams(old_title, old_body, old_initials) FROM search_queue \
                     WHERE kind = '{k}' AND indexed = 1"
                ),
                format!(
                    "INSERT INTO search_grams_{k} (rowid, grams) \
                     SELECT d.doc, baton_grams(d.title, d.body, d.initials) FROM search_queue q \
                     CROSS JOIN {text} d ON d.doc = q.doc WHERE q.kind = '{k}'"
                ),
            ],
        ),
    ]
}

/// Merges at most `pages` pages of segments in each index; true if any
/// index did some work (then there may be more). FTS5's 'merge' command
/// changes `total_changes()` by less than two when it had nothing to do.
pub fn tidy(conn: &Connection, pages: i64) -> Result<bool> {
    let mut worked = false;
    for k in KINDS {
        for table in [format!("search_fts_{k}"), format!("search_grams_{k}")] {
            let before = conn.total_changes();
            conn.prepare_cached(&format!("INSERT INTO {table} ({table}, rank) VALUES ('merge', ?1)"))?
                .execute([pages])?;
            worked |= conn.total_changes() - before >= 2;
        }
    }
    Ok(worked)
}

#[cfg(test)]
mod tests {
    /// The plan of applying the queue must start from the queue, whatever
    /// the statistics say: with a stale `sqlite_stat1` claiming a huge
    /// queue (PRAGMA optimize can record one during a bulk load), the
    /// planner walked every document for each write.
    #[test]
    fn applying_the_queue_walks_the_queue_not_every_document() {
        let store = crate::Store::open_in_memory().expect("book");
        let conn = store.conn();
        conn.execute_batch(
            "ANALYZE; \
             DELETE FROM sqlite_stat1 WHERE tbl IN ('search_queue', 'customers'); \
             INSERT INTO sqlite_stat1 VALUES ('search_queue', NULL, '5000000'); \
             INSERT INTO sqlite_stat1 VALUES ('customers', 'search_doc_customers', '10 1'); \
             INSERT INTO sqlite_stat1 VALUES ('customers', NULL, '10'); \
             ANALYZE sqlite_schema;",
        )
        .expect("stats");
        for sql in super::statements("customer", true)
            .iter()
            .flat_map(|(_, statements)| statements)
            .filter(|s| s.contains("search_text"))
        {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("plan");
            let plan: Vec<String> = stmt
                .query_map([], |r| r.get::<_, String>(3))
                .expect("rows")
                .collect::<rusqlite::Result<_>>()
                .expect("plan rows");
            let queue = plan.iter().position(|p| p.contains("search_queue") || p.contains(" q"));
            let docs = plan.iter().position(|p| p.contains("customers"));
            assert!(queue < docs, "the queue comes first: {plan:?}");
            assert!(
                !plan.iter().any(|p| p.starts_with("SCAN customers")),
                "no walk over every document: {plan:?}"
            );
        }
    }
}
