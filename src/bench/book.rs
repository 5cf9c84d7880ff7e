//! What the bench's book weighs and what building it took (issue 18's
//! size and demo figures).

use baton::Result;
use rusqlite::Connection;

/// The book's pages split into what holds records and what holds the
/// search (the `search_` tables, their FTS shadow tables and indexes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Split {
    /// Bytes of the record tables and their indexes (and the rest:
    /// settings, the schema, free pages).
    pub records: u64,
    /// Bytes of the search index tables.
    pub search: u64,
}

impl Split {
    /// What the search adds to the records, in percent.
    pub fn search_percent(&self) -> f64 {
        if self.records == 0 {
            0.0
        } else {
            self.search as f64 * 100.0 / self.records as f64
        }
    }
}

/// Measures the split from SQLite's page statistics (`dbstat`), so it
/// counts pages in use, not the file's slack.
pub fn split(conn: &Connection) -> Result<Split> {
    let (records, search) = conn.query_row(
        // By the table a page belongs to (the FTS tables' shadow tables and
        // the queue), and the indexes from records to their documents
        // (search_doc_customers, ...): their own pages are the search's.
        // The document number in each record row stays with the records.
        "SELECT coalesce(sum(CASE WHEN s.tbl_name LIKE 'search!_%' ESCAPE '!' \
                                  OR s.name LIKE 'search!_%' ESCAPE '!' THEN 0 ELSE d.pgsize END), 0), \
                coalesce(sum(CASE WHEN s.tbl_name LIKE 'search!_%' ESCAPE '!' \
                                  OR s.name LIKE 'search!_%' ESCAPE '!' THEN d.pgsize ELSE 0 END), 0) \
         FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name WHERE d.aggregate = 1",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    )?;
    Ok(Split {
        records: records.max(0) as u64,
        search: search.max(0) as u64,
    })
}
