//! The registry of record kinds.
//!
//! Whole-book features (dump, check, and later handover and the manager's
//! report) walk [`RecordKind::ALL`] instead of naming tables themselves, and a
//! test fails when a table exists that is not registered here, so a new kind
//! cannot be silently left out of any of them.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::{
    changes, checklist, contacts, customers, deals, followups, handover_notes, people, relationship, satisfaction,
    tiers,
};

/// Every kind of record a book holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Customer profile cards.
    Customer,
    /// Key people.
    Person,
    /// Owner and status changes.
    CustomerChange,
    /// Contact history.
    Contact,
    /// Follow-ups.
    FollowUp,
    /// What happened to follow-ups (rescheduled, cancelled, …).
    FollowUpChange,
    /// Transactions.
    Deal,
    /// Tier decisions.
    TierChange,
    /// Satisfaction checks.
    SatisfactionCheck,
    /// Relationship-card assessments.
    Assessment,
    /// Handover notes.
    HandoverNote,
    /// The successor's handover checklist items.
    ChecklistItem,
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
];

/// Name prefixes of derived tables: the search index (`search_docs`, its
/// queue, and the per-kind FTS5 tables with their shadow tables), kept by
/// triggers and `search::sync`.
pub const DERIVED_TABLE_PREFIXES: &[&str] = &["search_"];

/// Whether `table` holds no records of its own (see the two lists above).
pub fn is_non_record_table(table: &str) -> bool {
    NON_RECORD_TABLES.contains(&table) || DERIVED_TABLE_PREFIXES.iter().any(|p| table.starts_with(p))
}

impl RecordKind {
    /// All kinds, parents before children (the order an import must write them).
    pub const ALL: &'static [RecordKind] = &[
        RecordKind::Customer,
        RecordKind::Person,
        RecordKind::CustomerChange,
        RecordKind::Contact,
        RecordKind::FollowUp,
        RecordKind::FollowUpChange,
        RecordKind::Deal,
        RecordKind::TierChange,
        RecordKind::SatisfactionCheck,
        RecordKind::Assessment,
        RecordKind::HandoverNote,
        RecordKind::ChecklistItem,
    ];

    /// The table holding this kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Customer => "customers",
            RecordKind::Person => "people",
            RecordKind::CustomerChange => "customer_changes",
            RecordKind::Contact => "contacts",
            RecordKind::FollowUp => "followups",
            RecordKind::FollowUpChange => "followup_changes",
            RecordKind::Deal => "deals",
            RecordKind::TierChange => "tier_changes",
            RecordKind::SatisfactionCheck => "satisfaction_checks",
            RecordKind::Assessment => "assessments",
            RecordKind::HandoverNote => "handover_notes",
            RecordKind::ChecklistItem => "handover_checklist",
        }
    }

    /// The kind's name in handover files (`customer`, `follow_up`, …).
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Customer => "customer",
            RecordKind::Person => "person",
            RecordKind::CustomerChange => "customer_change",
            RecordKind::Contact => "contact",
            RecordKind::FollowUp => "follow_up",
            RecordKind::FollowUpChange => "follow_up_change",
            RecordKind::Deal => "deal",
            RecordKind::TierChange => "tier_change",
            RecordKind::SatisfactionCheck => "satisfaction_check",
            RecordKind::Assessment => "assessment",
            RecordKind::HandoverNote => "handover_note",
            RecordKind::ChecklistItem => "checklist_item",
        }
    }

    /// The kind named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// One record of this kind by id (live or trashed), as JSON.
    pub fn find_json(self, conn: &Connection, id: &str) -> Result<Option<serde_json::Value>> {
        fn json<T: Serialize>(record: Option<T>) -> Result<Option<serde_json::Value>> {
            record
                .map(|r| serde_json::to_value(r).map_err(|e| Error::Corrupt(e.to_string())))
                .transpose()
        }
        match self {
            RecordKind::Customer => json(customers::find(conn, id)?),
            RecordKind::Person => json(people::find(conn, id)?),
            RecordKind::CustomerChange => json(changes::find(conn, id)?),
            RecordKind::Contact => json(contacts::find_any(conn, id)?),
            RecordKind::FollowUp => json(followups::find(conn, id)?),
            RecordKind::FollowUpChange => json(followups::changes::find(conn, id)?),
            RecordKind::Deal => json(deals::find(conn, id)?),
            RecordKind::TierChange => json(tiers::find(conn, id)?),
            RecordKind::SatisfactionCheck => json(satisfaction::find(conn, id)?),
            RecordKind::Assessment => json(relationship::find_any(conn, id)?),
            RecordKind::HandoverNote => json(handover_notes::find(conn, id)?),
            RecordKind::ChecklistItem => json(checklist::find(conn, id)?),
        }
    }

    /// Writes a record of this kind given as JSON (insert or update by id),
    /// through its typed struct and the domain's own validation. An error
    /// names the field, rooted at the kind's name.
    pub fn put_json(self, conn: &Connection, value: serde_json::Value) -> Result<()> {
        use crate::validate::from_json;
        let root = self.name();
        match self {
            RecordKind::Customer => customers::put(conn, &from_json(root, value)?),
            RecordKind::Person => people::put(conn, &from_json(root, value)?),
            RecordKind::CustomerChange => changes::put(conn, &from_json(root, value)?),
            RecordKind::Contact => contacts::put(conn, &from_json(root, value)?),
            RecordKind::FollowUp => followups::put(conn, &from_json(root, value)?),
            RecordKind::FollowUpChange => followups::changes::put(conn, &from_json(root, value)?),
            RecordKind::Deal => deals::put(conn, &from_json(root, value)?),
            RecordKind::TierChange => tiers::put(conn, &from_json(root, value)?),
            RecordKind::SatisfactionCheck => satisfaction::put(conn, &from_json(root, value)?),
            RecordKind::Assessment => relationship::put(conn, &from_json(root, value)?),
            RecordKind::HandoverNote => handover_notes::put(conn, &from_json(root, value)?),
            RecordKind::ChecklistItem => checklist::put(conn, &from_json(root, value)?),
        }
    }

    /// Checks that a record decodes as this kind, without touching a book.
    /// The error names the field, even inside the flattened card or draft.
    pub fn decode_json(self, value: serde_json::Value) -> Result<()> {
        use crate::validate::from_json;
        let root = self.name();
        match self {
            RecordKind::Customer => decode::<customers::Customer, customers::CustomerCard>(root, value),
            RecordKind::Person => decode::<people::Person, people::PersonCard>(root, value),
            RecordKind::CustomerChange => from_json::<changes::CustomerChange>(root, value).map(drop),
            RecordKind::Contact => decode::<contacts::Contact, contacts::ContactDraft>(root, value),
            RecordKind::FollowUp => from_json::<followups::FollowUp>(root, value).map(drop),
            RecordKind::FollowUpChange => from_json::<followups::changes::FollowUpChange>(root, value).map(drop),
            RecordKind::Deal => decode::<deals::Deal, deals::DealDraft>(root, value),
            RecordKind::TierChange => from_json::<tiers::TierChange>(root, value).map(drop),
            RecordKind::SatisfactionCheck => {
                decode::<satisfaction::SatisfactionCheck, satisfaction::CheckDraft>(root, value)
            }
            RecordKind::Assessment => decode::<relationship::Assessment, relationship::AssessmentDraft>(root, value),
            RecordKind::HandoverNote => decode::<handover_notes::HandoverNote, handover_notes::NoteDraft>(root, value),
            RecordKind::ChecklistItem => from_json::<checklist::ChecklistItem>(root, value).map(drop),
        }
    }

    /// The customer a record of this kind (as JSON) belongs to.
    pub fn customer_of(self, record: &serde_json::Value) -> Option<&str> {
        let key = if self == RecordKind::Customer {
            "id"
        } else {
            "customer_id"
        };
        record.get(key).and_then(|v| v.as_str())
    }

    /// Whether this kind can sit in the trash (`deleted_at`). Logs of
    /// changes (owner, tier, follow-up) and checklist items cannot.
    pub fn soft_deletes(self) -> bool {
        !matches!(
            self,
            RecordKind::CustomerChange
                | RecordKind::FollowUpChange
                | RecordKind::TierChange
                | RecordKind::ChecklistItem
        )
    }

    /// Calls `f` with every record of this kind as JSON, in id order.
    ///
    /// The record is loaded through its typed struct, so a stored value the
    /// domain would not accept fails here rather than being passed on.
    pub fn for_each_json(self, conn: &Connection, mut f: impl FnMut(serde_json::Value) -> Result<()>) -> Result<()> {
        fn json<T: Serialize>(record: &T) -> Result<serde_json::Value> {
            serde_json::to_value(record).map_err(|e| Error::Corrupt(e.to_string()))
        }
        match self {
            RecordKind::Customer => customers::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Person => people::for_each(conn, |r| f(json(&r)?)),
            RecordKind::CustomerChange => changes::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Contact => contacts::for_each(conn, |r| f(json(&r)?)),
            RecordKind::FollowUp => followups::for_each(conn, |r| f(json(&r)?)),
            RecordKind::FollowUpChange => followups::changes::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Deal => deals::for_each(conn, |r| f(json(&r)?)),
            RecordKind::TierChange => tiers::for_each(conn, |r| f(json(&r)?)),
            RecordKind::SatisfactionCheck => satisfaction::for_each(conn, |r| f(json(&r)?)),
            RecordKind::Assessment => relationship::for_each(conn, |r| f(json(&r)?)),
            RecordKind::HandoverNote => handover_notes::for_each(conn, |r| f(json(&r)?)),
            RecordKind::ChecklistItem => checklist::for_each(conn, |r| f(json(&r)?)),
        }
    }

    /// Checks every stored record of this kind against the domain rules,
    /// calling `problem` with a description of each one that fails.
    pub fn check_records(self, conn: &Connection, mut problem: impl FnMut(String)) -> Result<()> {
        match self {
            RecordKind::Customer => customers::for_each(conn, |c| {
                if let Err(e) = c.card.validate() {
                    problem(format!("customer {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::Person => people::for_each(conn, |p| {
                if let Err(e) = p.card.validate() {
                    problem(format!("person {}: {e}", p.id));
                }
                Ok(())
            }),
            RecordKind::CustomerChange => changes::for_each(conn, |_| Ok(())),
            RecordKind::FollowUpChange => followups::changes::for_each(conn, |_| Ok(())),
            RecordKind::Contact => contacts::for_each(conn, |c| {
                if let Err(e) = c.draft.validate(conn, &c.customer_id) {
                    problem(format!("contact {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::Deal => deals::for_each(conn, |d| {
                if let Err(e) = d.draft.validate() {
                    problem(format!("deal {}: {e}", d.id));
                }
                Ok(())
            }),
            RecordKind::TierChange => tiers::for_each(conn, |_| Ok(())),
            RecordKind::Assessment => relationship::for_each(conn, |a| {
                if let Err(e) = a.draft.validate() {
                    problem(format!("assessment {}: {e}", a.id));
                }
                Ok(())
            }),
            RecordKind::SatisfactionCheck => satisfaction::for_each(conn, |c| {
                if let Err(e) = c.draft.validate() {
                    problem(format!("satisfaction check {}: {e}", c.id));
                }
                Ok(())
            }),
            RecordKind::HandoverNote => handover_notes::for_each(conn, |n| {
                if let Err(e) = n.draft.validate() {
                    problem(format!("handover note {}: {e}", n.id));
                }
                Ok(())
            }),
            RecordKind::ChecklistItem => checklist::for_each(conn, |_| Ok(())),
            RecordKind::FollowUp => followups::for_each(conn, |f| {
                if let Err(e) = crate::validate::parse_date("followup.due_on", &f.due_on) {
                    problem(format!("follow-up {}: {e}", f.id));
                }
                Ok(())
            }),
        }
    }
}

/// Decodes a stored record (`Outer`) whose card or draft (`Inner`) is
/// flattened into it. serde loses the field path inside a flattened struct,
/// so on an error at the record's root the inner part is decoded alone to
/// name the field.
fn decode<Outer: serde::de::DeserializeOwned, Inner: serde::de::DeserializeOwned>(
    root: &str,
    value: serde_json::Value,
) -> Result<()> {
    use crate::validate::from_json;
    let err = match from_json::<Outer>(root, value.clone()) {
        Ok(_) => return Ok(()),
        Err(e) => e,
    };
    if let (Error::Invalid(v), serde_json::Value::Object(mut map)) = (&err, value)
        && v.field == root
    {
        for outer in ["id", "customer_id", "created_at", "updated_at", "deleted_at"] {
            map.remove(outer);
        }
        from_json::<Inner>(root, serde_json::Value::Object(map))?;
    }
    Err(err)
}
