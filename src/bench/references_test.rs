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

/// The dormant filter's hand-written reference counts the list's total and
/// reads its first page's customers, in its order.
#[test]
fn the_dormant_reference_reads_the_lists_rows() {
    let (_dir, store) = book();
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let days = store.read(baton::settings::get).unwrap().dormant_days;
    let cutoff = baton::customers::activity::cutoff(today, days);
    let query = baton::views::list::ListQuery {
        standing: Some(baton::customers::activity::Standing::Dormant),
        as_of: Some(today),
        limit: 100,
        ..Default::default()
    };
    let page = store.read(|c| baton::views::list::list(c, &query)).unwrap();
    assert!(page.total > 10, "the demo has dormant customers ({})", page.total);
    let cases = super::lists::cases(&query, page.total, &cutoff);
    let (_, _, reference) = cases.iter().find(|(name, ..)| name.contains("dormant")).unwrap();
    let (count, ids) = store
        .read(|c| {
            let count: i64 = c.query_row(&reference.count, [], |r| r.get(0))?;
            let ids = c
                .prepare(&reference.page)?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((count, ids))
        })
        .unwrap();
    assert_eq!(count, page.total);
    assert_eq!(ids, page.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
}
