//! Actions that span several domains, so that no domain reaches up into
//! another: closing a follow-up logs a contact (history) and ticks off the
//! relationship-card plan step it came from (relationship).

use rusqlite::Connection;

use crate::error::Result;
use crate::history::contacts::ContactDraft;
use crate::history::followups::{self, FollowUp};

/// Marks a follow-up done, optionally logging the contact that closed it,
/// and ticks off the plan step it came from, all in the caller's
/// transaction. A closed follow-up is returned unchanged, its step as it is.
pub fn followup_done(conn: &Connection, id: &str, closing: Option<ContactDraft>) -> Result<FollowUp> {
    let (f, closed_now) = followups::done(conn, id, closing)?;
    if closed_now {
        crate::relationship::tick_step(conn, &f.customer_id, &f.id)?;
    }
    Ok(f)
}
