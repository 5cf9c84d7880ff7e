//! Writing a customer's planned history (see `history.rs`) inside the
//! import's transaction: each contact, follow-up and order once. One the
//! customer already has (the same day and words, or the same day, amount
//! and kind) is not added again, so importing a sheet twice, or updating a
//! customer from it, adds nothing the second time.

use rusqlite::{Connection, OptionalExtension, params};

use super::history::PlannedHistory;
use crate::error::Result;
use crate::history::followups::FollowUp;
use crate::{clock, history::contacts, value::deals};

/// What the history of a write added.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Added {
    pub contacts: u64,
    pub followups: u64,
    pub deals: u64,
}

fn exists(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<bool> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row(args, |_| Ok(()))
        .optional()?
        .is_some())
}

/// Writes `history` for `customer_id`, whose planned people are now the
/// book's `person_ids` (same order).
pub(super) fn write(
    conn: &Connection,
    customer_id: &str,
    history: &[PlannedHistory],
    person_ids: &[String],
) -> Result<Added> {
    let mut added = Added::default();
    for h in history {
        if let Some(draft) = &h.contact {
            let known = exists(
                conn,
                "SELECT 1 FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL AND happened_at = ?2 \
                 AND subject = ?3 AND summary = ?4",
                params![customer_id, draft.happened_at, draft.subject, draft.summary],
            )?;
            if !known {
                let mut draft = draft.clone();
                draft.person_ids = h.person.and_then(|i| person_ids.get(i)).cloned().into_iter().collect();
                added.followups += u64::from(draft.next_due.is_some());
                contacts::create(conn, customer_id, draft)?;
                added.contacts += 1;
            }
        }
        if let Some(f) = &h.followup {
            let known = exists(
                conn,
                "SELECT 1 FROM followups WHERE customer_id = ?1 AND deleted_at IS NULL AND title = ?2 AND due_on = ?3",
                params![customer_id, f.title, f.due_on],
            )?;
            if !known {
                crate::record::put(
                    conn,
                    &FollowUp::new(customer_id, None, &f.title, &f.due_on, &clock::now()),
                )?;
                added.followups += 1;
            }
        }
        if let Some(d) = &h.deal {
            let known = exists(
                conn,
                "SELECT 1 FROM deals WHERE customer_id = ?1 AND deleted_at IS NULL AND occurred_on = ?2 \
                 AND amount_minor = ?3 AND kind = ?4",
                params![customer_id, d.occurred_on, d.amount_minor, d.kind],
            )?;
            if !known {
                deals::create(conn, customer_id, d.clone())?;
                added.deals += 1;
            }
        }
    }
    Ok(added)
}
