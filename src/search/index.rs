//! Keeping the FTS indexes in step with `search_docs`.
//!
//! Triggers keep `search_docs` exact on every write and queue each changed
//! document in `search_queue` (migration 8 says why the FTS tables are not
//! written row by row). [`sync`] applies the queue; [`crate::Store::write`]
//! calls it before every commit, so a committed book is always fully indexed.

use rusqlite::Connection;

use crate::error::Result;

/// Applies queued document changes to both FTS indexes. Cheap when nothing
/// is queued (one indexed lookup). Call inside the write transaction.
pub fn sync(conn: &Connection) -> Result<()> {
    let queued: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM search_queue)")?
        .query_row([], |r| r.get(0))?;
    if !queued {
        return Ok(());
    }
    for sql in [
        // Old entries first, replaying exactly the text they were indexed with.
        "INSERT INTO search_fts (search_fts, rowid, title, body) \
         SELECT 'delete', doc, old_title, old_body FROM search_queue WHERE indexed = 1",
        "INSERT INTO search_grams (search_grams, rowid, grams) \
         SELECT 'delete', doc, baton_grams(old_title, old_body) FROM search_queue WHERE indexed = 1",
        // Then the current text of every queued document that still exists.
        "INSERT INTO search_fts (rowid, title, body) \
         SELECT d.doc, d.title, d.body FROM search_queue q JOIN search_docs d ON d.doc = q.doc",
        "INSERT INTO search_grams (rowid, grams) \
         SELECT d.doc, baton_grams(d.title, d.body) FROM search_queue q JOIN search_docs d ON d.doc = q.doc",
        "DELETE FROM search_queue",
    ] {
        conn.prepare_cached(sql)?.execute([])?;
    }
    Ok(())
}
