//! Keeping the FTS indexes in step with `search_docs`.
//!
//! Triggers keep `search_docs` exact on every write and queue each changed
//! document in `search_queue` (migration 8 says why the FTS tables are not
//! written row by row). [`sync`] applies the queue; [`crate::Store::write`]
//! calls it before every commit, so a committed book is always fully indexed.

use rusqlite::Connection;

use super::HitKind;
use crate::error::Result;

/// A sync of at least this many documents is a bulk load (an import, the
/// demo): the indexes are fully merged after it.
const BULK: i64 = 20_000;
/// Pages of segment merging done after an ordinary write.
const MERGE_PAGES: i64 = 32;

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
    for kind in HitKind::ALL {
        let k = kind.as_str();
        let Some(&(_, queued)) = queued.iter().find(|(q, _)| q == k) else {
            continue;
        };
        for sql in [
            // Old entries first, replaying exactly the text they were indexed with.
            format!(
                "INSERT INTO search_fts_{k} (search_fts_{k}, rowid, title, body) \
                 SELECT 'delete', doc, old_title, old_body FROM search_queue WHERE kind = '{k}' AND indexed = 1"
            ),
            format!(
                "INSERT INTO search_grams_{k} (search_grams_{k}, rowid, grams) \
                 SELECT 'delete', doc, baton_grams(old_title, old_body, old_initials) FROM search_queue \
                 WHERE kind = '{k}' AND indexed = 1"
            ),
            // Then the current text of every queued document that still exists.
            format!(
                "INSERT INTO search_fts_{k} (rowid, title, body) \
                 SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc \
                 WHERE q.kind = '{k}'"
            ),
            format!(
                "INSERT INTO search_grams_{k} (rowid, grams) \
                 SELECT d.doc, baton_grams(d.title, d.body, d.initials) FROM search_queue q \
                 JOIN search_docs d ON d.doc = q.doc WHERE q.kind = '{k}'"
            ),
        ] {
            conn.prepare_cached(&sql)?.execute([])?;
        }
        // Automatic merging is off (migration 8): merge a bounded amount
        // after each ordinary write, and fully after a bulk one, so no write
        // ever pays for merging a whole level.
        let merge = if queued >= BULK {
            "'optimize', 0".to_string()
        } else {
            format!("'merge', {MERGE_PAGES}")
        };
        for table in [format!("search_fts_{k}"), format!("search_grams_{k}")] {
            conn.prepare_cached(&format!("INSERT INTO {table} ({table}, rank) VALUES ({merge})"))?
                .execute([])?;
        }
    }
    conn.prepare_cached("DELETE FROM search_queue")?.execute([])?;
    Ok(())
}
