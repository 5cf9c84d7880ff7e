//! A same-work reference returns the operation's own rows: if either
//! changed what it reads, the ratio beside it would compare two
//! different answers.

use baton::customers::{changes, people};
use baton::history::{followups, timeline};
use baton::{Store, demo};
use chrono::NaiveDate;

use super::references;

fn book() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("b.db")).unwrap();
    demo::fill(&store, 300, 7).unwrap();
    (dir, store)
}

#[test]
fn the_card_and_timeline_references_read_the_operations_rows() {
    let (_dir, store) = book();
    let ids: Vec<String> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT id FROM customers ORDER BY id LIMIT 40")?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(ids)
        })
        .unwrap();
    let query = timeline::TimelineQuery {
        limit: 30,
        ..Default::default()
    };
    let mut entries = 0;
    for id in &ids {
        store
            .read(|c| {
                let (who, log) = (people::list_for(c, id)?, changes::list_for(c, id)?);
                assert_eq!(references::card(c, id)?, 1 + who.len() + log.len(), "{id}");
                let page = timeline::page(c, id, &query)?;
                entries += page.entries.len();
                assert_eq!(
                    references::timeline_card(c, id, 30)?,
                    1 + who.len() + page.entries.len(),
                    "{id}"
                );
                Ok(())
            })
            .unwrap();
    }
    assert!(entries > ids.len(), "the demo's customers have history to page through");
}

#[test]
fn the_followup_screen_reference_reads_the_boards_rows() {
    let (_dir, store) = book();
    // The demo's "now" (demo.rs): its follow-ups fall due around it.
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    // Open follow-ups of a trashed customer, or of a trashed contact, leave the board.
    store
        .write(|tx| {
            let open = "SELECT customer_id, contact_id FROM followups \
                WHERE done_at IS NULL AND contact_id IS NOT NULL ORDER BY due_on DESC LIMIT 6";
            let pairs: Vec<(String, String)> = tx
                .prepare(open)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (customer, _) in pairs.iter().step_by(3) {
                baton::customers::delete(tx, customer)?;
            }
            for (_, contact) in pairs.iter().skip(1).step_by(3) {
                baton::history::contacts::delete(tx, contact)?;
            }
            Ok(())
        })
        .unwrap();
    for limit in [3, 200] {
        store
            .read(|c| {
                let b = followups::board(c, today, 14, limit)?;
                let groups = [
                    &b.overdue_week,
                    &b.overdue_month,
                    &b.overdue_older,
                    &b.today_items,
                    &b.upcoming,
                ];
                let rows: usize = groups.iter().map(|g| g.items.len()).sum();
                let total: i64 = groups.iter().map(|g| g.total).sum();
                assert!(rows > 0, "the demo leaves follow-ups around its day");
                assert_eq!(
                    references::followup_screen(c, today, 14, limit)?,
                    (rows, total),
                    "limit {limit}"
                );
                Ok(())
            })
            .unwrap();
    }
}
