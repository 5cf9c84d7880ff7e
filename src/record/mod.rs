//! The record layer: what every kind of record shares, written once.
//!
//! A kind implements [`Record`]: its table's columns (read by name), how it
//! is written with its own checks, and the rules a stored one must still
//! meet. Finding one, walking them all, soft-deleting, and the registry's
//! JSON hooks that dump, check and handover use ([`crate::book::kinds`]) come from
//! here for every kind alike.

mod kind;
mod row;

pub use kind::RecordKind;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// One kind of record, stored one row per record in its own table.
pub trait Record: Serialize + DeserializeOwned + Sized + 'static {
    /// The kind in the registry: its table and its name.
    const KIND: RecordKind;
    /// The columns [`Record::from_row`] reads by name and
    /// [`Record::values`] gives, in order (both from one `record_row!`).
    const COLUMNS: &'static [&'static str];
    /// The part the user edits, flattened into the stored record. serde
    /// loses the field path inside a flattened struct, so a record that
    /// fails at its root is decoded again as this to name the field.
    type Edited: DeserializeOwned + 'static;

    /// The record in a row that has (at least) [`Record::COLUMNS`]; each
    /// is read by its name.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;

    /// The value of each of [`Record::COLUMNS`], in order, for a write.
    fn values(&self) -> Result<Vec<rusqlite::types::ToSqlOutput<'_>>>;

    /// Writes the whole record (insert, or update by id) after checking
    /// its id, timestamps and fields; the error names the field.
    fn put(&self, conn: &Connection) -> Result<()>;

    /// The domain rules a stored record must still meet (`baton check`);
    /// a log of changes has none beyond what reading it checked.
    fn check(&self, _conn: &Connection) -> Result<()> {
        Ok(())
    }
}

/// `SELECT` of a kind's columns from its table, followed by `rest`
/// (`WHERE …`, `ORDER BY …`).
pub fn select<R: Record>(rest: &str) -> String {
    format!("SELECT {} FROM {} {rest}", R::COLUMNS.join(", "), R::KIND.table())
}

/// A kind's columns, each prefixed by `alias.`, for joins.
pub fn columns<R: Record>(alias: &str) -> String {
    R::COLUMNS
        .iter()
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One record by id, live or in the trash.
pub fn find<R: Record>(conn: &Connection, id: &str) -> Result<Option<R>> {
    let mut stmt = conn.prepare_cached(&select::<R>("WHERE id = ?1"))?;
    Ok(stmt.query_row([id], R::from_row).optional()?)
}

/// One live record by id; `not_found` naming the kind otherwise.
pub fn get<R: Record>(conn: &Connection, id: &str) -> Result<R> {
    let live = if R::KIND.soft_deletes() {
        "WHERE id = ?1 AND deleted_at IS NULL"
    } else {
        "WHERE id = ?1"
    };
    let mut stmt = conn.prepare_cached(&select::<R>(live))?;
    stmt.query_row([id], R::from_row)
        .optional()?
        .ok_or_else(|| not_found(R::KIND, id))
}

/// Calls `f` with every record of a kind, live and trashed, in id order,
/// streaming, so a whole-book walk never holds every record at once.
pub fn for_each<R: Record>(conn: &Connection, f: impl FnMut(R) -> Result<()>) -> Result<()> {
    each(conn, &select::<R>("ORDER BY id"), f)
}

/// Calls `f` with each record `sql` selects ([`Record::COLUMNS`] first).
pub fn each<R: Record>(conn: &Connection, sql: &str, mut f: impl FnMut(R) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(R::from_row(row)?)?;
    }
    Ok(())
}

/// The records `sql` selects with `params` ([`Record::COLUMNS`] first).
pub fn query<R: Record>(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<R>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, R::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts a record, or updates it by id, with `extra` derived columns
/// beside its own (a name's pinyin sort key). Checking it is the caller's
/// ([`Record::put`]).
pub fn upsert<R: Record>(conn: &Connection, record: &R, extra: &[(&str, &dyn rusqlite::ToSql)]) -> Result<()> {
    let mut columns = R::COLUMNS.to_vec();
    let mut values = record.values()?;
    for (name, value) in extra {
        columns.push(name);
        values.push(value.to_sql()?);
    }
    let sql = upsert_sql_of(R::KIND.table(), &columns, extra.len(), NEW_ROWS.get());
    conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// Runs `f` with every record it writes inserted as a new row: a plain
/// `INSERT`, which refuses an id already there, instead of the upsert. For
/// filling an empty book (the demo), where every record is new. The
/// upsert's update half (foreign keys on, triggers on update) makes SQLite
/// keep a statement journal for each row written, a copy of every page the
/// row touches: about a third of the demo's record-writing time (20k
/// customers: 13.1 s, then 8.1–9.6 s).
pub fn as_new_rows<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    /// Puts the mode back however `f` ends (a nested scope keeps it on).
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            NEW_ROWS.set(self.0);
        }
    }
    let _restore = Restore(NEW_ROWS.replace(true));
    f()
}

thread_local! {
    /// Each kind's upsert statement, built once per thread: building it
    /// for every record was a tenth of a bulk load's time.
    static UPSERTS: std::cell::RefCell<std::collections::HashMap<UpsertKey, std::rc::Rc<str>>> =
        Default::default();
    /// Whether this thread is inside [`as_new_rows`].
    static NEW_ROWS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// An upsert statement's table, the caller's own extra columns, and
/// whether it is the plain insert of [`as_new_rows`].
type UpsertKey = (&'static str, String, bool);

/// The upsert of `table` writing `columns`, the last `extra` of them the
/// caller's own; a plain insert if `new_rows`.
fn upsert_sql_of(table: &'static str, columns: &[&str], extra: usize, new_rows: bool) -> std::rc::Rc<str> {
    let key = (table, columns[columns.len() - extra..].join(","), new_rows);
    UPSERTS.with(|cache| {
        cache
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| upsert_sql(table, columns, new_rows).into())
            .clone()
    })
}

/// Writes a whole record (see [`Record::put`]).
pub fn put<R: Record>(conn: &Connection, record: &R) -> Result<()> {
    record.put(conn)
}

/// Refuses a kind that cannot sit in the trash (the logs of changes and
/// the checklist), for moving a record there or bringing one back.
pub fn has_trash(kind: RecordKind) -> Result<()> {
    if kind.soft_deletes() {
        Ok(())
    } else {
        Err(Error::NotFound {
            kind: "record kind with a trash",
            id: kind.name().to_string(),
        })
    }
}

/// Moves a live record to the trash. Call inside a transaction.
pub fn soft_delete(conn: &Connection, kind: RecordKind, id: &str) -> Result<()> {
    has_trash(kind)?;
    let n = conn.execute(
        &format!(
            "UPDATE {} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            kind.table()
        ),
        params![id, crate::clock::now()],
    )?;
    if n == 0 {
        return Err(not_found(kind, id));
    }
    Ok(())
}

/// `not_found` for a record of `kind`.
pub fn not_found(kind: RecordKind, id: &str) -> Error {
    Error::NotFound {
        kind: kind.label(),
        id: id.to_string(),
    }
}

/// Reads the column `name`, looked for first at `at`, where the query puts
/// it, then anywhere: read by name, at nearly the cost of a position
/// (rusqlite's own lookup by name compares every column's name).
pub fn cell<T: rusqlite::types::FromSql>(row: &Row<'_>, at: usize, name: &str) -> rusqlite::Result<T> {
    match row.as_ref().column_name(at) {
        Ok(found) if found == name => row.get(at),
        _ => row.get(name),
    }
}

/// Where `name` stands in `columns` (`usize::MAX` if nowhere), at compile
/// time for `record_row!`.
pub const fn index_of(columns: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < columns.len() {
        let (a, b) = (columns[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    usize::MAX
}

/// A column holding a JSON list (tags, people), read by name.
pub fn json_column<T: DeserializeOwned>(row: &Row<'_>, at: usize, name: &str) -> rusqlite::Result<T> {
    let text: String = cell(row, at, name)?;
    serde_json::from_str(&text).map_err(|e| {
        let idx = row.as_ref().column_index(name).unwrap_or_default();
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A list as the JSON text its column holds.
pub fn json_text<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Corrupt(e.to_string()))
}

/// `INSERT … ON CONFLICT(id) DO UPDATE` for `table` with `columns` (the
/// first being `id`), or the plain `INSERT` of [`as_new_rows`].
///
/// Not `INSERT OR REPLACE`: REPLACE deletes the old row first, which would
/// cascade to the record's children (a customer's people) through the
/// foreign keys.
fn upsert_sql(table: &str, columns: &[&str], new_rows: bool) -> String {
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    if new_rows {
        return format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            placeholders.join(", ")
        );
    }
    let updates: Vec<String> = columns.iter().skip(1).map(|c| format!("{c} = excluded.{c}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
        columns.join(", "),
        placeholders.join(", "),
        updates.join(", ")
    )
}
