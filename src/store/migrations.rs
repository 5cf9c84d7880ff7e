//! Numbered SQL migrations, applied in order and recorded in `PRAGMA user_version`.
//!
//! Hand-rolled rather than rusqlite_migration because the order matters to
//! us: the version check must happen before any pragma touches the file, so a
//! book from a newer Baton is left byte-for-byte unchanged.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The migrations, in order; migration `n` (1-based) brings the book to version `n`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_customers_people.sql",
        include_str!("../../migrations/0001_customers_people.sql"),
    ),
    (
        "0002_list_indexes.sql",
        include_str!("../../migrations/0002_list_indexes.sql"),
    ),
    (
        "0003_contacts_followups.sql",
        include_str!("../../migrations/0003_contacts_followups.sql"),
    ),
    (
        "0004_deals_value.sql",
        include_str!("../../migrations/0004_deals_value.sql"),
    ),
    (
        "0005_satisfaction.sql",
        include_str!("../../migrations/0005_satisfaction.sql"),
    ),
    (
        "0006_board_indexes.sql",
        include_str!("../../migrations/0006_board_indexes.sql"),
    ),
    (
        "0007_relationship.sql",
        include_str!("../../migrations/0007_relationship.sql"),
    ),
    ("0008_search.sql", include_str!("../../migrations/0008_search.sql")),
    (
        "0009_import_conflicts.sql",
        include_str!("../../migrations/0009_import_conflicts.sql"),
    ),
    (
        "0010_handover_notes.sql",
        include_str!("../../migrations/0010_handover_notes.sql"),
    ),
    (
        "0011_handover_checklists.sql",
        include_str!("../../migrations/0011_handover_checklists.sql"),
    ),
    (
        "0012_application_id.sql",
        include_str!("../../migrations/0012_application_id.sql"),
    ),
    (
        "0013_corrections.sql",
        include_str!("../../migrations/0013_corrections.sql"),
    ),
    ("0014_drafts.sql", include_str!("../../migrations/0014_drafts.sql")),
    (
        "0015_search_contact_points.sql",
        include_str!("../../migrations/0015_search_contact_points.sql"),
    ),
    (
        "0016_last_activity.sql",
        include_str!("../../migrations/0016_last_activity.sql"),
    ),
    (
        "0017_unfiled_people.sql",
        include_str!("../../migrations/0017_unfiled_people.sql"),
    ),
    (
        "0018_next_step.sql",
        include_str!("../../migrations/0018_next_step.sql"),
    ),
    (
        "0019_key_board_scores.sql",
        include_str!("../../migrations/0019_key_board_scores.sql"),
    ),
    (
        "0020_person_last_contact.sql",
        include_str!("../../migrations/0020_person_last_contact.sql"),
    ),
    (
        "0021_value_changes.sql",
        include_str!("../../migrations/0021_value_changes.sql"),
    ),
    (
        "0022_list_sort_indexes.sql",
        include_str!("../../migrations/0022_list_sort_indexes.sql"),
    ),
    (
        "0023_dependence_facts.sql",
        include_str!("../../migrations/0023_dependence_facts.sql"),
    ),
    (
        "0024_search_text_from_records.sql",
        include_str!("../../migrations/0024_search_text_from_records.sql"),
    ),
    (
        "0025_value_changed_customers.sql",
        include_str!("../../migrations/0025_value_changed_customers.sql"),
    ),
    (
        "0026_live_customers_count.sql",
        include_str!("../../migrations/0026_live_customers_count.sql"),
    ),
    (
        "0027_list_changes.sql",
        include_str!("../../migrations/0027_list_changes.sql"),
    ),
    (
        "0028_board_briefs.sql",
        include_str!("../../migrations/0028_board_briefs.sql"),
    ),
    (
        "0029_list_changed_customers.sql",
        include_str!("../../migrations/0029_list_changed_customers.sql"),
    ),
    (
        "0030_board_order.sql",
        include_str!("../../migrations/0030_board_order.sql"),
    ),
    (
        "0031_quiet_customers.sql",
        include_str!("../../migrations/0031_quiet_customers.sql"),
    ),
];

/// The migration that stamps `PRAGMA application_id`: books at an earlier
/// version are recognised by their tables instead.
pub const STAMPED: i64 = 12;

/// The first version with the search queue (migration 8).
const SEARCH_QUEUE_FROM: i64 = 8;

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// The book's current schema version.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Fails with [`Error::NewerSchema`] if the book is newer than this build.
pub fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = version(conn)?;
    if found > latest() {
        return Err(Error::NewerSchema {
            found,
            supported: latest(),
        });
    }
    Ok(())
}

/// Applies every migration the book has not seen, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, latest())
}

/// Applies the migrations the book has not seen up to version `target`
/// (restore compares a backup with a fresh book of the backup's version).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let current = version(conn)?;
    let upto = usize::try_from(target.min(latest())).unwrap_or(0);
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().take(upto).skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        // A migration that rewrites indexed text leaves the search queue
        // full: apply it now, not at the first write, so search is exact at once.
        if index as i64 + 1 >= SEARCH_QUEUE_FROM {
            crate::store::search_index::sync(&tx)?;
        }
        tx.commit()?;
    }
    Ok(())
}
