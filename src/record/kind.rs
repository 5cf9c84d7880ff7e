//! The kinds of record a book holds, and their tables.
//!
//! The plain facts about each kind live here, below every domain; what
//! walks all kinds at once (dump, check, handover) is the registry in
//! [`crate::book::kinds`], which sits above them.

use serde::{Deserialize, Serialize};

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

    /// How `baton check` names a record of this kind in its findings.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Customer => "customer",
            RecordKind::Person => "person",
            RecordKind::CustomerChange => "customer change",
            RecordKind::Contact => "contact",
            RecordKind::FollowUp => "follow-up",
            RecordKind::FollowUpChange => "follow-up change",
            RecordKind::Deal => "deal",
            RecordKind::TierChange => "tier change",
            RecordKind::SatisfactionCheck => "satisfaction check",
            RecordKind::Assessment => "assessment",
            RecordKind::HandoverNote => "handover note",
            RecordKind::ChecklistItem => "checklist item",
        }
    }

    /// The kind named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.iter().copied().find(|k| k.name() == name)
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
}
