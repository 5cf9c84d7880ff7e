//! The registry of record kinds: what walks every kind at once.
//!
//! Whole-book features (dump, check, handover, the manager's report) walk
//! [`RecordKind::ALL`] instead of naming tables themselves, and a test fails
//! when a table exists that is not registered, so a new kind cannot be
//! silently left out of any of them. Each kind's own code is its
//! [`Record`] implementation; this file only maps a kind to its type.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, Result};
pub use crate::record::RecordKind;
use crate::record::{self, Record};
use crate::{
    customers, customers::changes, customers::people, customers::tier_changes, history::contacts, history::followups,
    relationship, relationship::checklist, relationship::handover_notes, value::deals, value::satisfaction,
};

/// Runs `$body` with `$T` standing for the record type of `$kind`.
macro_rules! with_type {
    ($kind:expr, $T:ident => $body:expr) => {
        match $kind {
            RecordKind::Customer => {
                type $T = customers::Customer;
                $body
            }
            RecordKind::Person => {
                type $T = people::Person;
                $body
            }
            RecordKind::CustomerChange => {
                type $T = changes::CustomerChange;
                $body
            }
            RecordKind::Contact => {
                type $T = contacts::Contact;
                $body
            }
            RecordKind::FollowUp => {
                type $T = followups::FollowUp;
                $body
            }
            RecordKind::FollowUpChange => {
                type $T = followups::changes::FollowUpChange;
                $body
            }
            RecordKind::Deal => {
                type $T = deals::Deal;
                $body
            }
            RecordKind::TierChange => {
                type $T = tier_changes::TierChange;
                $body
            }
            RecordKind::SatisfactionCheck => {
                type $T = satisfaction::SatisfactionCheck;
                $body
            }
            RecordKind::Assessment => {
                type $T = relationship::Assessment;
                $body
            }
            RecordKind::HandoverNote => {
                type $T = handover_notes::HandoverNote;
                $body
            }
            RecordKind::ChecklistItem => {
                type $T = checklist::ChecklistItem;
                $body
            }
        }
    };
}

/// Tables that hold no records of their own: preferences (`settings`),
/// indexes derived from records and rewritten with them (`customer_tags`,
/// `contact_people`), and the log of versions imports replaced
/// (`import_conflicts`: about this book's imports, not carried by handover),
/// unsaved form text (`drafts`: this window's, until saved or dropped),
/// and the unfiled tray (`unfiled_people`: a phone's contacts not yet any
/// customer's; filed, they become people and travel with their customer).
pub const NON_RECORD_TABLES: &[&str] = &[
    "settings",
    "unfiled_people",
    "customer_tags",
    "contact_people",
    "import_conflicts",
    "drafts",
    "value_changes",
    "value_changed",
    "customers_live",
    "list_changes",
    "list_changed",
];

/// Name prefixes of derived tables: the search index (its document counter,
/// its queue, and the per-kind FTS5 tables with their shadow tables), kept
/// by triggers and `search::sync`.
pub const DERIVED_TABLE_PREFIXES: &[&str] = &["search_"];

/// Whether `table` holds no records of its own (see the two lists above).
pub fn is_non_record_table(table: &str) -> bool {
    NON_RECORD_TABLES.contains(&table) || DERIVED_TABLE_PREFIXES.iter().any(|p| table.starts_with(p))
}

impl RecordKind {
    /// One record of this kind by id (live or trashed), as JSON.
    pub fn find_json(self, conn: &Connection, id: &str) -> Result<Option<serde_json::Value>> {
        with_type!(self, T => record::find::<T>(conn, id)?.as_ref().map(json).transpose())
    }

    /// Writes a record of this kind given as JSON (insert or update by id),
    /// through its typed struct and the domain's own validation. An error
    /// names the field, rooted at the kind's name.
    pub fn put_json(self, conn: &Connection, value: serde_json::Value) -> Result<()> {
        with_type!(self, T => crate::validate::from_json::<T>(self.name(), value)?.put(conn))
    }

    /// Checks that a record decodes as this kind, without touching a book.
    /// The error names the field, even inside the flattened card or draft.
    pub fn decode_json(self, value: serde_json::Value) -> Result<()> {
        with_type!(self, T => decode::<T>(self.name(), value))
    }

    /// Calls `f` with every record of this kind as JSON, in id order.
    ///
    /// The record is loaded through its typed struct, so a stored value the
    /// domain would not accept fails here rather than being passed on.
    pub fn for_each_json(self, conn: &Connection, mut f: impl FnMut(serde_json::Value) -> Result<()>) -> Result<()> {
        with_type!(self, T => record::for_each::<T>(conn, |r| f(json(&r)?)))
    }

    /// Checks every stored record of this kind against the domain rules,
    /// calling `problem` with a description of each one that fails.
    pub fn check_records(self, conn: &Connection, mut problem: impl FnMut(String)) -> Result<()> {
        with_type!(self, T => record::for_each::<T>(conn, |r| {
            if let Err(e) = r.check(conn) {
                let id = json(&r)?.get("id").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                problem(format!("{} {id}: {e}", self.label()));
            }
            Ok(())
        }))
    }
}

fn json<T: Serialize>(record: &T) -> Result<serde_json::Value> {
    serde_json::to_value(record).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Decodes a stored record whose edited part is flattened into it. serde
/// loses the field path inside a flattened struct, so on an error at the
/// record's root the edited part is decoded alone to name the field.
/// A kind with nothing flattened names itself as its edited part.
fn decode<R: Record + 'static>(root: &str, value: serde_json::Value) -> Result<()> {
    use crate::validate::from_json;
    let err = match from_json::<R>(root, value.clone()) {
        Ok(_) => return Ok(()),
        Err(e) => e,
    };
    let flattened = std::any::TypeId::of::<R::Edited>() != std::any::TypeId::of::<R>();
    if let (true, Error::Invalid(v), serde_json::Value::Object(mut map)) = (flattened, &err, value)
        && v.field == root
    {
        for outer in ["id", "customer_id", "created_at", "updated_at", "deleted_at"] {
            map.remove(outer);
        }
        from_json::<R::Edited>(root, serde_json::Value::Object(map))?;
    }
    Err(err)
}
