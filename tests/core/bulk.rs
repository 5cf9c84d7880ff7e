//! Issue 14: one action on many customers (the list's multi-select), in one
//! transaction each, through the paths a single edit takes: owner and
//! status changes in the history, a trashed customer restorable, a refused
//! customer refusing the whole action.

use baton::book::kinds::RecordKind;
use baton::customers::bulk::{self, BulkAction};
use baton::enums::Status;
use baton::views::list::ListQuery;
use baton::{Store, customers};

fn three(store: &Store) -> Vec<String> {
    let q = ListQuery {
        limit: 3,
        ..Default::default()
    };
    store
        .read(|c| baton::views::list::list(c, &q))
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).unwrap()
}

#[test]
fn tag_owner_status_key_and_trash_many_at_once() {
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 30, 2).unwrap();
    let ids = three(&store);
    let run = |action: BulkAction| store.write(|tx| bulk::apply(tx, &ids, &action));

    assert_eq!(
        run(BulkAction::Tag {
            tag: " 展会2026 ".into()
        })
        .unwrap(),
        3
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_tags WHERE tag = '展会2026'"),
        3
    );
    assert_eq!(
        run(BulkAction::Tag {
            tag: "展会2026".into()
        })
        .unwrap(),
        0,
        "tagged already"
    );
    assert_eq!(
        run(BulkAction::Untag {
            tag: "展会2026".into()
        })
        .unwrap(),
        3
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customer_tags WHERE tag = '展会2026'"),
        0
    );

    let changes = count(
        &store,
        "SELECT count(*) FROM customer_changes WHERE field = 'owner' AND new_value = '接任者'",
    );
    assert_eq!(
        run(BulkAction::SetOwner {
            owner: "接任者".into()
        })
        .unwrap(),
        3
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM customer_changes WHERE field = 'owner' AND new_value = '接任者'"
        ),
        changes + 3,
        "each owner change is in the history"
    );

    // Lost needs a reason: the whole action is refused, nothing half-done.
    let before = count(&store, "SELECT count(*) FROM customers WHERE status = 'lost'");
    assert!(
        run(BulkAction::SetStatus {
            status: Status::Lost,
            lost_reason: String::new()
        })
        .is_err()
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM customers WHERE status = 'lost'"),
        before
    );
    let lost = BulkAction::SetStatus {
        status: Status::Lost,
        lost_reason: "转向竞争对手".into(),
    };
    assert!(run(lost).unwrap() > 0);

    run(BulkAction::SetKey { is_key: true }).unwrap();
    assert_eq!(
        count(
            &store,
            &format!(
                "SELECT count(*) FROM customers WHERE is_key = 1 AND id IN ('{}')",
                ids.join("','")
            )
        ),
        3
    );

    assert_eq!(run(BulkAction::Trash).unwrap(), 3);
    assert_eq!(
        count(
            &store,
            &format!(
                "SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL AND id IN ('{}')",
                ids.join("','")
            )
        ),
        3
    );
    store
        .write(|tx| baton::book::trash::restore(tx, RecordKind::Customer, &ids[0]))
        .unwrap();
    assert!(
        store.read(|c| customers::get(c, &ids[0])).is_ok(),
        "restored from the trash"
    );
    assert!(
        run(BulkAction::Tag { tag: "x".into() }).is_err(),
        "trashed customers are not live"
    );
}
