//! Integration tests of the core, one module per source module.

#![allow(clippy::unwrap_used)]

mod activity;
mod backups;
mod bulk;
mod cli;
mod corpus;
mod corrections;
mod customers;
mod demo_lang;
mod dependence_kept;
mod domains;
mod dump_check;
mod enum_checks;
mod followup_changes;
mod glance;
mod handover;
mod handover_checklist;
mod handover_files;
mod handover_listed;
mod handover_safety;
mod hardening_books;
mod hardening_files;
mod history;
mod job_restore;
mod jobs;
mod key_board;
mod key_scores;
mod kinds;
mod list_columns;
mod list_figures;
mod list_plans;
mod module_map;
mod people;
mod person_contact;
mod record_layer;
mod relationship;
mod reminders;
mod report;
mod report_chain;
mod report_figures;
mod search;
mod search_cli;
mod search_contact_points;
mod search_tidy;
mod sheet_exports;
mod sheet_history;
mod sheet_import;
mod sheet_limits;
mod store;
mod today_board;
mod trash;
mod unfiled;
mod value;
mod value_kept;
mod vcard;

use baton::customers::CustomerCard;
use baton::customers::people::PersonCard;
use baton::enums::Dimension;
use baton::relationship::{AssessmentDraft, DimensionScore};

/// Runs `baton --db DB ARGS…` (never the user's book), asserts it succeeded
/// and returns what it printed.
pub fn baton_ok(db: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .env_remove("BATON_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A minimal valid customer card.
pub fn card(name: &str) -> CustomerCard {
    CustomerCard {
        name: name.to_string(),
        ..Default::default()
    }
}

/// A minimal valid person card.
pub fn person(name: &str) -> PersonCard {
    PersonCard {
        name: name.to_string(),
        ..Default::default()
    }
}

/// A dimension's score with nothing else filled in.
pub fn score(dimension: Dimension, score: i64) -> DimensionScore {
    DimensionScore {
        dimension,
        score,
        evidence: String::new(),
        contact_ids: vec![],
        target: None,
        target_on: None,
        plan: vec![],
    }
}

/// An assessment dated `day` with these scores.
pub fn assessment(day: &str, scores: Vec<DimensionScore>) -> AssessmentDraft {
    AssessmentDraft {
        assessed_on: day.into(),
        assessor: String::new(),
        layer: None,
        relationship_type: None,
        scores,
        notes: String::new(),
    }
}

/// Takes migrations 21 (value_changes), 22 (the list's sort indexes) and 23
/// (the dependence facts) back out of a book, for tests that open a book as
/// an older Baton left it.
pub fn drop_value_changes(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    for trigger in [
        "people_ai",
        "people_au",
        "people_contacted",
        "people_ad",
        "assessments_ai",
        "assessments_au",
        "assessments_ad",
    ] {
        tx.execute_batch(&format!("DROP TRIGGER dependence_{trigger}"))?;
    }
    tx.execute_batch(
        "DROP INDEX customers_live_facts; DROP INDEX customers_live_scored; \
         CREATE INDEX customers_scored ON customers (id, latest_scores, previous_scores) WHERE latest_scores IS NOT NULL;",
    )?;
    for column in ["people", "roles", "layers", "colleagues", "contacted", "card_layer"] {
        tx.execute_batch(&format!("ALTER TABLE customers DROP COLUMN dep_{column}"))?;
    }
    for index in [
        "last_contact",
        "last_contact_blank_last",
        "next_due",
        "next_due_blank_last",
    ] {
        tx.execute_batch(&format!("DROP INDEX customers_live_{index}"))?;
    }
    tx.execute_batch(
        "DROP INDEX customers_scored; DROP INDEX customers_live_sort; \
         CREATE INDEX customers_live_sort ON customers (deleted_at, sort_key, name); \
         DROP INDEX customers_live_status; \
         CREATE INDEX customers_live_status ON customers (deleted_at, status, tier, sort_key, name); \
         DROP INDEX customers_live_tier; \
         CREATE INDEX customers_live_tier ON customers (deleted_at, tier, sort_key, name);",
    )?;
    for trigger in ["deals_ai", "deals_au", "deals_ad", "customers_au", "customers_ad"] {
        tx.execute_batch(&format!("DROP TRIGGER value_changes_{trigger}"))?;
    }
    tx.execute_batch("DROP TABLE value_changes")
}
