//! The trash: every deleted record (customers, people, contacts, deals,
//! follow-ups, satisfaction checks, assessments, handover notes) stays in its
//! table with `deleted_at` set until the trash is emptied.
//!
//! A deleted customer keeps its records untouched; they come back with it.
//! Restoring a record whose customer is also in the trash restores the
//! customer too (and a follow-up's contact), so nothing comes back orphaned.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::book::kinds::RecordKind;
use crate::error::{Error, Result};
use crate::{clock, customers};

/// What kind of record sits in the trash (one of the soft-deleting kinds).
pub type TrashKind = RecordKind;

/// One entry of the trash list, with enough context to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrashItem {
    /// Kind of record.
    pub kind: TrashKind,
    /// Record id.
    pub id: String,
    /// What names it: the name, subject, title, comment or first words.
    pub name: String,
    /// For anything but a customer, the customer's name.
    pub customer_name: Option<String>,
    /// When it happened or is due (`YYYY-MM-DD` or RFC 3339), if it has a day.
    pub day: Option<String>,
    /// A deal's amount (minor units) and currency.
    pub amount_minor: Option<i64>,
    /// The deal's currency.
    pub currency: Option<String>,
    /// A short code the screen words: the deal kind, the rating (1–5).
    pub detail: Option<String>,
    /// When it was deleted.
    pub deleted_at: String,
}

/// Per kind: the SELECT of its trashed rows as (kind, id, name, customer,
/// day, amount, currency, detail, deleted_at).
const LISTS: &str = "\
    SELECT 'customer' AS kind, id, name, NULL AS customer_name, NULL AS day, NULL AS amount_minor, \
      NULL AS currency, NULL AS detail, deleted_at FROM customers WHERE deleted_at IS NOT NULL \
    UNION ALL SELECT 'person', r.id, r.name, c.name, NULL, NULL, NULL, NULL, r.deleted_at \
      FROM people r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'contact', r.id, substr(coalesce(nullif(r.subject, ''), r.summary), 1, 80), c.name, \
      r.happened_at, NULL, NULL, r.channel, r.deleted_at \
      FROM contacts r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'deal', r.id, substr(r.description, 1, 80), c.name, r.occurred_on, r.amount_minor, r.currency, \
      r.kind, r.deleted_at FROM deals r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'follow_up', r.id, substr(r.title, 1, 80), c.name, r.due_on, NULL, NULL, NULL, r.deleted_at \
      FROM followups r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'satisfaction_check', r.id, substr(r.comment, 1, 80), c.name, r.checked_on, NULL, NULL, \
      CAST(r.rating AS TEXT), r.deleted_at \
      FROM satisfaction_checks r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'assessment', r.id, substr(r.notes, 1, 80), c.name, r.assessed_on, NULL, NULL, r.assessor, \
      r.deleted_at FROM assessments r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL \
    UNION ALL SELECT 'handover_note', r.id, \
      substr(coalesce(nullif(r.key_relationships, ''), nullif(r.open_promises, ''), nullif(r.risks, ''), r.next_steps), 1, 80), \
      c.name, NULL, NULL, NULL, NULL, r.deleted_at \
      FROM handover_notes r JOIN customers c ON c.id = r.customer_id WHERE r.deleted_at IS NOT NULL";

/// Everything in the trash, most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut stmt = conn.prepare_cached(&format!("{LISTS} ORDER BY 9 DESC, 2"))?;
    let items = stmt
        .query_map([], |r| {
            let kind: String = crate::record::cell(r, 0, "kind")?;
            Ok(TrashItem {
                kind: RecordKind::from_name(&kind).unwrap_or(RecordKind::Customer),
                id: crate::record::cell(r, 1, "id")?,
                name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                customer_name: crate::record::cell(r, 3, "customer_name")?,
                day: crate::record::cell(r, 4, "day")?,
                amount_minor: crate::record::cell(r, 5, "amount_minor")?,
                currency: crate::record::cell(r, 6, "currency")?,
                detail: crate::record::cell(r, 7, "detail")?,
                deleted_at: crate::record::cell(r, 8, "deleted_at")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

/// Brings a record back from the trash. Call inside a transaction.
pub fn restore(conn: &Connection, kind: TrashKind, id: &str) -> Result<()> {
    crate::record::has_trash(kind)?;
    let table = kind.table();
    let owner = if kind == RecordKind::Customer {
        None
    } else {
        let sql = format!("SELECT customer_id FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL");
        Some(
            conn.query_row(&sql, [id], |r| r.get::<_, String>(0))
                .map_err(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Error::NotFound {
                        kind: "record in the trash",
                        id: id.into(),
                    },
                    e => e.into(),
                })?,
        )
    };
    let n = conn.execute(
        &format!("UPDATE {table} SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL"),
        params![id, clock::now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            kind: "record in the trash",
            id: id.into(),
        });
    }
    if kind == RecordKind::FollowUp {
        let contact: Option<String> = conn
            .query_row(
                "SELECT f.contact_id FROM followups f JOIN contacts c ON c.id = f.contact_id \
             WHERE f.id = ?1 AND c.deleted_at IS NOT NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if let Some(contact) = contact {
            restore(conn, RecordKind::Contact, &contact)?;
        }
    }
    if let Some(customer) = owner
        && crate::record::find::<customers::Customer>(conn, &customer)?.is_some_and(|c| c.deleted_at.is_some())
    {
        restore(conn, RecordKind::Customer, &customer)?;
    }
    Ok(())
}

fn record_count(conn: &Connection) -> Result<i64> {
    let mut total = 0;
    for kind in RecordKind::ALL {
        total += conn.query_row(&format!("SELECT count(*) FROM {}", kind.table()), [], |r| {
            r.get::<_, i64>(0)
        })?;
    }
    Ok(total)
}

/// Deletes everything in the trash for good, with the records that belong to
/// what goes (a trashed customer's people and history, a trashed contact's
/// follow-up). Returns how many records went, so the number matches what the
/// user loses. Call inside a transaction.
pub fn empty(conn: &Connection) -> Result<usize> {
    let before = record_count(conn)?;
    // Contacts keep their list of people as JSON; take out the people about
    // to go for good, so no contact points at someone who no longer exists.
    conn.execute(
        "UPDATE contacts SET person_ids = (SELECT json_group_array(j.value) FROM json_each(contacts.person_ids) j \
             WHERE j.value NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)) \
         WHERE id IN (SELECT cp.contact_id FROM contact_people cp JOIN people p ON p.id = cp.person_id \
             WHERE p.deleted_at IS NOT NULL)",
        [],
    )?;
    // Children first; foreign keys cascade the rest.
    for kind in RecordKind::ALL.iter().rev().filter(|k| k.soft_deletes()) {
        conn.execute(
            &format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", kind.table()),
            [],
        )?;
    }
    let after = record_count(conn)?;
    Ok(usize::try_from(before - after).unwrap_or(0))
}
