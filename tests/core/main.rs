//! Integration tests of the core, one module per source module.

#![allow(clippy::unwrap_used)]

mod activity;
mod backups;
mod bulk;
mod cli;
mod corpus;
mod corrections;
mod customers;
mod demo_fill;
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
mod hot_journal;
mod job_restore;
mod jobs;
mod key_board;
mod key_scores;
mod kinds;
mod list_columns;
mod list_figures;
mod list_kept_order;
mod list_plans;
mod live_count;
mod module_map;
mod people;
mod person_contact;
mod record_layer;
mod relationship;
mod reminders;
mod report;
mod report_chain;
mod report_figures;
mod report_halves;
mod search;
mod search_cli;
mod search_contact_points;
mod search_tidy;
mod search_upgrade;
mod sheet_exports;
mod sheet_history;
mod sheet_import;
mod sheet_limits;
mod store;
mod store_idle;
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

/// Runs `baton --db DB ARGS…` (never the user's book) to the end.
pub fn baton_run(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_baton"))
        .env_remove("BATON_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// Runs `baton --db DB ARGS…` (never the user's book), asserts it succeeded
/// and returns what it printed.
pub fn baton_ok(db: &std::path::Path, args: &[&str]) -> String {
    let out = baton_run(db, args);
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

/// Takes migrations 21 (value_changes), 22 (the list's sort indexes), 23
/// (the dependence facts), 24 (search text read from the records), 25
/// (the customers value changes touched), 26 (the live customers'
/// number), 27 (the list's change count), 28 (the board's briefs), 29
/// (the customers list changes touched) and 31 (the quiet customers'
/// index) back out of a book, for tests that open a book as an older
/// Baton left it.
pub fn drop_value_changes(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    tx.execute_batch("DROP INDEX customers_live_quiet")?;
    tx.execute_batch(
        "DROP INDEX people_brief; DROP INDEX customers_id_live; \
         CREATE INDEX customers_id_live ON customers (id, deleted_at);",
    )?;
    tx.execute_batch(
        "DROP TRIGGER list_changes_ai; DROP TRIGGER list_changes_ad; DROP TRIGGER list_changes_au; \
         DROP TABLE list_changes; DROP TABLE list_changed;",
    )?;
    tx.execute_batch(
        "DROP TRIGGER customers_live_ai; DROP TRIGGER customers_live_ad; DROP TRIGGER customers_live_au; \
         DROP TABLE customers_live;",
    )?;
    // 25's triggers keep 21's names (and first: altering a table checks
    // every trigger, and these name 25's table).
    for trigger in ["deals_ai", "deals_au", "deals_ad", "customers_au", "customers_ad"] {
        tx.execute_batch(&format!("DROP TRIGGER value_changes_{trigger}"))?;
    }
    tx.execute_batch("DROP TABLE value_changed")?;
    drop_search_text_in_records(tx)?;
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
    tx.execute_batch("DROP TABLE value_changes")
}

/// The last definition before migration 24 of the object whose statement
/// starts with `start`, up to `end`.
fn defined_before_24(start: &str, end: &str) -> String {
    let text = baton::store::migrations::MIGRATIONS[..23]
        .iter()
        .filter_map(|(_, sql)| sql.rfind(start).map(|at| &sql[at..]))
        .next_back()
        .unwrap_or_else(|| panic!("{start} is defined"));
    let stop = text.find(end).unwrap_or_else(|| panic!("{start} ends")) + end.len();
    text[..stop].to_string()
}

/// Takes migration 24 back out: the text goes back into `search_docs`,
/// with the triggers migrations 8, 10 and 15 left.
pub fn drop_search_text_in_records(tx: &rusqlite::Connection) -> rusqlite::Result<()> {
    tx.execute_batch(&defined_before_24("CREATE TABLE search_docs", ");"))?;
    tx.execute_batch(&defined_before_24("CREATE INDEX search_docs_customer", ";"))?;
    tx.execute_batch(
        "INSERT INTO search_docs (doc, record_id, kind, customer_id, title, body, initials) \
         SELECT doc, record_id, kind, customer_id, title, body, initials FROM search_text",
    )?;
    let tables = [
        ("customers", "customers"),
        ("people", "people"),
        ("contacts", "contacts"),
        ("handover_notes", "notes"),
    ];
    for (_, kind) in tables {
        for step in ["ai", "bu", "bd"] {
            tx.execute_batch(&format!("DROP TRIGGER search_{kind}_{step}"))?;
        }
    }
    tx.execute_batch(
        "DROP VIEW search_text; DROP VIEW search_text_customer; DROP VIEW search_text_person; \
         DROP VIEW search_text_contact; DROP VIEW search_text_note; DROP TABLE search_seq;",
    )?;
    for (table, _) in tables {
        tx.execute_batch(&format!(
            "DROP INDEX search_doc_{table}; ALTER TABLE {table} DROP COLUMN search_doc;"
        ))?;
    }
    for kind in ["docs", "customers", "people", "contacts", "notes"] {
        for step in ["ai", "au", "ad"] {
            tx.execute_batch(&defined_before_24(
                &format!("CREATE TRIGGER search_{kind}_{step} "),
                "\nEND;",
            ))?;
        }
    }
    Ok(())
}

/// Every table, index, trigger and view of a book with its SQL, by name.
pub fn schema_of(store: &baton::Store) -> Vec<(String, String)> {
    store
        .read(|c| {
            Ok(
                c.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")?
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?,
            )
        })
        .unwrap()
}
