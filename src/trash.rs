//! The trash: soft-deleted customers and people, until the trash is emptied.
//!
//! A deleted customer keeps its people untouched; they come back with it.
//! Restoring a person whose customer is also in the trash restores the
//! customer too, so nothing comes back orphaned.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::{clock, customers, people};

/// What kind of record sits in the trash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    /// A customer (with its people).
    Customer,
    /// A key person.
    Person,
}

/// One entry of the trash list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrashItem {
    /// Kind of record.
    pub kind: TrashKind,
    /// Record id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// For a person, the customer's name.
    pub customer_name: Option<String>,
    /// When it was deleted.
    pub deleted_at: String,
}

/// Everything in the trash, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT 'customer', id, name, NULL, deleted_at FROM customers WHERE deleted_at IS NOT NULL \
         UNION ALL \
         SELECT 'person', p.id, p.name, c.name, p.deleted_at FROM people p JOIN customers c ON c.id = p.customer_id \
         WHERE p.deleted_at IS NOT NULL \
         ORDER BY 5 DESC, 2",
    )?;
    let items = stmt
        .query_map([], |r| {
            let kind: String = r.get(0)?;
            Ok(TrashItem {
                kind: if kind == "customer" {
                    TrashKind::Customer
                } else {
                    TrashKind::Person
                },
                id: r.get(1)?,
                name: r.get(2)?,
                customer_name: r.get(3)?,
                deleted_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// Brings a record back from the trash. Call inside a transaction.
pub fn restore(conn: &Connection, kind: TrashKind, id: &str) -> Result<()> {
    let now = clock::now();
    match kind {
        TrashKind::Customer => {
            let n = conn.execute(
                "UPDATE customers SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
                params![id, now],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    kind: "customer in the trash",
                    id: id.into(),
                });
            }
        }
        TrashKind::Person => {
            let person = people::find(conn, id)?
                .filter(|p| p.deleted_at.is_some())
                .ok_or_else(|| Error::NotFound {
                    kind: "person in the trash",
                    id: id.into(),
                })?;
            conn.execute(
                "UPDATE people SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            if customers::find(conn, &person.customer_id)?.is_some_and(|c| c.deleted_at.is_some()) {
                restore(conn, TrashKind::Customer, &person.customer_id)?;
            }
        }
    }
    Ok(())
}

/// Deletes everything in the trash for good. Returns how many records went.
/// Call inside a transaction.
pub fn empty(conn: &Connection) -> Result<usize> {
    // People of trashed customers go with them (ON DELETE CASCADE) and are
    // counted too, so the number matches what the user loses.
    let orphans: i64 = conn.query_row(
        "SELECT count(*) FROM people p JOIN customers c ON c.id = p.customer_id \
         WHERE c.deleted_at IS NOT NULL AND p.deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    // Contacts keep their list of people as JSON; take out the people about
    // to go for good, so no contact points at someone who no longer exists.
    conn.execute(
        "UPDATE contacts SET person_ids = (SELECT json_group_array(j.value) FROM json_each(contacts.person_ids) j \
             WHERE j.value NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)) \
         WHERE id IN (SELECT cp.contact_id FROM contact_people cp JOIN people p ON p.id = cp.person_id \
             WHERE p.deleted_at IS NOT NULL)",
        [],
    )?;
    let contacts = conn.execute("DELETE FROM contacts WHERE deleted_at IS NOT NULL", [])?;
    let people = conn.execute("DELETE FROM people WHERE deleted_at IS NOT NULL", [])?;
    let customers = conn.execute("DELETE FROM customers WHERE deleted_at IS NOT NULL", [])?;
    Ok(contacts + people + customers + orphans as usize)
}
