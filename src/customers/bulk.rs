//! One action on many customers at once (the list's multi-select, issue
//! 14): tag or untag, set the owner or the status, mark key or not, move to
//! the trash. All in the caller's one transaction, each customer through
//! the same path as a single edit, so owner and status changes land in the
//! history and a trashed customer can be restored; one that fails (a lost
//! status without a reason) refuses the whole action.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::customers;
use crate::enums::Status;
use crate::error::{Error, Result, Rule};

/// What to do to each chosen customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum BulkAction {
    /// Add this tag.
    Tag { tag: String },
    /// Remove this tag.
    Untag { tag: String },
    /// Hand to this owner.
    SetOwner { owner: String },
    /// Set the status; `lost` needs the reason.
    SetStatus {
        status: Status,
        #[serde(default)]
        lost_reason: String,
    },
    /// Mark as key customers, or not.
    SetKey { is_key: bool },
    /// Move to the trash.
    Trash,
}

/// Applies `action` to every customer of `ids` (live ones; duplicates
/// once); returns how many changed. Call inside a transaction.
pub fn apply(conn: &Connection, ids: &[String], action: &BulkAction) -> Result<usize> {
    if let BulkAction::Tag { tag } | BulkAction::Untag { tag } = action
        && tag.trim().is_empty()
    {
        return Err(Error::invalid("bulk.tag", Rule::Required));
    }
    let mut seen = std::collections::HashSet::new();
    let mut changed = 0;
    for id in ids.iter().filter(|id| seen.insert(id.as_str())) {
        let old = customers::get(conn, id)?;
        let mut card = old.card.clone();
        match action {
            BulkAction::Tag { tag } => card.tags.push(tag.trim().to_string()),
            BulkAction::Untag { tag } => card.tags.retain(|t| t != tag.trim()),
            BulkAction::SetOwner { owner } => card.owner = owner.trim().to_string(),
            BulkAction::SetStatus { status, lost_reason } => {
                card.status = *status;
                if *status == Status::Lost && !lost_reason.trim().is_empty() {
                    card.lost_reason = lost_reason.trim().to_string();
                }
            }
            BulkAction::SetKey { is_key } => {
                if old.card.is_key != *is_key {
                    customers::set_key(conn, id, *is_key)?;
                    changed += 1;
                }
                continue;
            }
            BulkAction::Trash => {
                customers::delete(conn, id)?;
                changed += 1;
                continue;
            }
        }
        card.normalise();
        if card != old.card {
            card.validate()?;
            customers::update(conn, id, card)?;
            changed += 1;
        }
    }
    Ok(changed)
}
