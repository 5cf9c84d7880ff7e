//! The list's sorts by a kept day walk an index (issue 18): no sort of
//! every live customer to show one page.

use baton::views::list::{self, ListQuery, SortBy};
use baton::{Store, demo};

#[test]
fn sorting_by_last_contact_or_next_step_walks_an_index_either_way() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    for sort in [SortBy::LastContact, SortBy::NextStep] {
        for descending in [false, true] {
            let query = ListQuery {
                sort,
                descending,
                limit: 100,
                ..Default::default()
            };
            let plan = store.read(|c| list::plan(c, &query)).unwrap();
            let text = plan.join(" | ");
            assert!(
                !text.contains("TEMP B-TREE"),
                "{sort:?} descending={descending}: {text}"
            );
            let column = if sort == SortBy::LastContact {
                "last_contact"
            } else {
                "next_due"
            };
            assert!(
                text.contains(&format!("customers_live_{column}")),
                "{sort:?} descending={descending}: {text}"
            );
        }
    }
    // A sort without such an index says so: the check can fail.
    let by_owner = ListQuery {
        sort: SortBy::Owner,
        limit: 100,
        ..Default::default()
    };
    let plan = store.read(|c| list::plan(c, &by_owner)).unwrap().join(" | ");
    assert!(plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn the_name_order_and_the_sorts_done_in_rust_come_from_the_index_alone() {
    // Revenue, weight and dependence sort every live customer's id in name
    // order: an index walk, no read of the (wide) customer rows. The name
    // order itself is the same walk.
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    // Dependence reads the facts kept for it (migration 23) from their own
    // index, in the same order; weight reads the assessed customers' kept
    // scores from theirs.
    for (sort, index) in [
        (SortBy::Name, "customers_live_sort"),
        (SortBy::Revenue, "customers_live_sort"),
        (SortBy::Weight, "customers_live_scored"),
        (SortBy::Dependence, "customers_live_facts"),
    ] {
        let query = ListQuery {
            sort,
            limit: 100,
            ..Default::default()
        };
        let plan = store.read(|c| list::plan(c, &query)).unwrap().join(" | ");
        assert!(plan.contains(&format!("COVERING INDEX {index}")), "{sort:?}: {plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{sort:?}: {plan}");
    }
}

#[test]
fn a_filtered_page_in_name_order_stops_after_its_rows() {
    // Status and tier filters find their rows in an index that holds the
    // name order's id: no customer row is read to order them, and in name
    // order the page stops after its 100 rows.
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    let filtered = [
        ListQuery {
            status: Some(baton::enums::Status::Active),
            tier: Some(baton::enums::Tier::A),
            sort: SortBy::Tier,
            limit: 100,
            ..Default::default()
        },
        ListQuery {
            tier: Some(baton::enums::Tier::B),
            limit: 100,
            ..Default::default()
        },
    ];
    for query in filtered {
        let plan = store.read(|c| list::plan(c, &query)).unwrap().join(" | ");
        assert!(plan.contains("COVERING INDEX"), "{query:?}: {plan}");
        // The tier order is a CASE SQLite sorts (over the index's matches,
        // no row read); the name order is the index's own.
        if query.sort == SortBy::Name {
            assert!(!plan.contains("TEMP B-TREE"), "{query:?}: {plan}");
        }
    }
}

#[test]
fn the_standing_filter_and_sort_read_no_customer_row() {
    // What the standing is made of is in the kept facts' index (migration
    // 23): the dormant filter walks it in name order, and the sort by
    // standing sorts its entries, not the wide rows.
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 200, 8).unwrap();
    store.write(|tx| Ok(tx.execute_batch("ANALYZE")?)).unwrap();
    let dormant = ListQuery {
        standing: Some(baton::customers::activity::Standing::Dormant),
        limit: 100,
        ..Default::default()
    };
    let by_standing = ListQuery {
        sort: SortBy::Status,
        limit: 100,
        ..Default::default()
    };
    for query in [dormant, by_standing] {
        let plan = store.read(|c| list::plan(c, &query)).unwrap().join(" | ");
        assert!(plan.contains("COVERING INDEX customers_live_facts"), "{plan}");
    }
}
