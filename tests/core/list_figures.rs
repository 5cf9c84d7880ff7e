//! Issue 14: the list's revenue, weight and dependence columns are the
//! card's numbers (revenue from hand-written SQL over the deals; weight and
//! dependence from the card's glance), and every sort orders by them —
//! blanks and unassessed customers last, pages that fit together.

use baton::views::list::{ListQuery, ListRow, SortBy};
use baton::{Store, customers, settings, views::glance};
use chrono::NaiveDate;

const TODAY: &str = "2026-06-15";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn page(store: &Store, sort: SortBy, descending: bool, offset: u32, limit: u32) -> Vec<ListRow> {
    let q = ListQuery {
        sort,
        descending,
        offset,
        limit,
        as_of: Some(today()),
        figures: true,
        ..Default::default()
    };
    store.read(|c| baton::views::list::list(c, &q)).unwrap().rows
}

/// Revenue in the window by hand: orders less returns in the book's
/// currency since the window's first day.
fn revenue_by_hand(store: &Store) -> std::collections::HashMap<String, i64> {
    store
        .read(|c| {
            let s = settings::get(c)?;
            let since = (today() - chrono::Duration::days(s.value_window_days)).to_string();
            let mut stmt = c.prepare(
                "SELECT c.id, coalesce((SELECT sum(CASE d.kind WHEN 'order' THEN d.amount_minor ELSE -d.amount_minor END) \
                   FROM deals d WHERE d.customer_id = c.id AND d.kind IN ('order', 'return') AND d.deleted_at IS NULL \
                   AND d.currency = ?1 AND d.occurred_on >= ?2), 0) FROM customers c WHERE c.deleted_at IS NULL",
            )?;
            Ok(stmt
                .query_map(rusqlite::params![s.currency, since], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
}

fn book() -> Store {
    let store = Store::open_in_memory().unwrap();
    baton::demo::fill(&store, 150, 11).unwrap();
    store
}

#[test]
fn revenue_weight_and_dependence_are_the_cards_numbers() {
    let store = book();
    let revenue = revenue_by_hand(&store);
    let rows = page(&store, SortBy::Name, false, 0, 500);
    assert_eq!(rows.len(), 150);
    assert!(rows.iter().any(|r| r.revenue > Some(0)), "the demo sells");
    assert!(
        rows.iter().any(|r| r.weight.is_some()),
        "the demo assesses key customers"
    );
    check_against_the_card(&store, &revenue, &rows);
    // Weights of the salesperson's own: one dimension counts triple, one is
    // out of use (an assessment scoring only that one then has no weight).
    store
        .write(|tx| {
            let mut s = settings::get(tx)?;
            let (first, last) = (s.dimensions[0], s.dimensions[s.dimensions.len() - 1]);
            s.dimension_weights.insert(first, 3);
            s.dimensions.retain(|d| *d != last);
            settings::save(tx, &s)
        })
        .unwrap();
    let rows = page(&store, SortBy::Name, false, 0, 500);
    check_against_the_card(&store, &revenue, &rows);
}

fn check_against_the_card(store: &Store, revenue: &std::collections::HashMap<String, i64>, rows: &[ListRow]) {
    for row in rows {
        let g = store.read(|c| glance::of(c, &row.id, today())).unwrap();
        assert_eq!(row.revenue, Some(revenue[&row.id]), "revenue of {}", row.name);
        assert_eq!(row.weight, g.weight, "weight of {}", row.name);
        assert_eq!(row.dependence, Some(g.dependence), "dependence of {}", row.name);
    }
}

/// Checks that a sort puts `key` in order (None last either way) and that
/// its pages, read 40 at a time, are the whole list cut in pieces.
fn check_sort(store: &Store, sort: SortBy, key: impl Fn(&ListRow) -> Option<String>) {
    for descending in [false, true] {
        let all = page(store, sort, descending, 0, 500);
        let keys: Vec<Option<String>> = all.iter().map(&key).collect();
        let mut expected = keys.clone();
        expected.sort_by(|a, b| match (a, b) {
            (Some(x), Some(y)) if descending => y.cmp(x),
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        assert_eq!(keys, expected, "{sort:?} descending={descending}");
        let mut pieces = Vec::new();
        for offset in (0..all.len() as u32).step_by(40) {
            pieces.extend(page(store, sort, descending, offset, 40).into_iter().map(|r| r.id));
        }
        let ids: Vec<String> = all.into_iter().map(|r| r.id).collect();
        assert_eq!(pieces, ids, "{sort:?} pages fit together");
    }
}

#[test]
fn every_column_sorts_with_blanks_last() {
    let store = book();
    // Numbers as fixed-width text, so text order is number order.
    let num = |n: i64| Some(format!("{:020}", n + (1 << 40)));
    check_sort(&store, SortBy::Revenue, |r| r.revenue.and_then(num));
    check_sort(&store, SortBy::Weight, |r| r.weight.and_then(num));
    check_sort(&store, SortBy::Dependence, |r| r.dependence.and_then(num));
    let text = |t: &str| (!t.is_empty()).then(|| baton::sort_key::sort_key(t));
    check_sort(&store, SortBy::Owner, |r| text(&r.owner));
    check_sort(&store, SortBy::Region, |r| text(&r.region));
    check_sort(&store, SortBy::Industry, |r| text(&r.industry));
}

#[test]
fn customers_assessed_on_no_dimension_in_use_sort_with_the_unassessed() {
    // The sort by weight reads the assessed customers and walks the rest in
    // name order: an assessment that scored no dimension in use leaves its
    // customer without a weight, among the rest.
    use baton::enums::Dimension;
    let store = book();
    store
        .write(|tx| {
            let mut s = settings::get(tx)?;
            s.dimensions.retain(|d| *d != Dimension::Competition);
            settings::save(tx, &s)?;
            for name in ["只评了竞争甲", "只评了竞争乙"] {
                let c = customers::create(tx, crate::card(name))?;
                let only = vec![crate::score(Dimension::Competition, 4)];
                baton::relationship::create(tx, &c.id, crate::assessment("2026-05-01", only))?;
            }
            Ok(())
        })
        .unwrap();
    let rows = page(&store, SortBy::Weight, false, 0, 500);
    let assessed: std::collections::HashSet<String> = store
        .read(|c| {
            let mut stmt = c.prepare("SELECT id FROM customers WHERE assessed_on IS NOT NULL")?;
            Ok(stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    assert!(
        rows.iter().any(|r| r.weight.is_none() && assessed.contains(&r.id)),
        "some assessment scored only dimensions out of use"
    );
    assert!(rows.iter().any(|r| r.weight.is_some()));
    let num = |n: i64| Some(format!("{:020}", n + (1 << 40)));
    check_sort(&store, SortBy::Weight, |r| r.weight.and_then(num));
    // Without a weight, in name order (the list's tie-break), weighed or not.
    let blanks: Vec<String> = rows
        .iter()
        .filter(|r| r.weight.is_none())
        .map(|r| r.id.clone())
        .collect();
    let by_name: Vec<String> = page(&store, SortBy::Name, false, 0, 500)
        .into_iter()
        .filter(|r| blanks.contains(&r.id))
        .map(|r| r.id)
        .collect();
    assert_eq!(blanks, by_name);
}

#[test]
fn without_figures_asked_a_page_leaves_them_out() {
    let store = book();
    let q = ListQuery {
        limit: 20,
        ..Default::default()
    };
    let rows = store.read(|c| baton::views::list::list(c, &q)).unwrap().rows;
    assert!(
        rows.iter()
            .all(|r| r.revenue.is_none() && r.dependence.is_none() && r.weight.is_none())
    );
}

#[test]
fn regions_sort_by_pinyin_not_by_code_point() {
    let store = Store::open_in_memory().unwrap();
    for (name, region) in [
        ("甲", "上海"),
        ("乙", "北京"),
        ("丙", ""),
        ("丁", "Aachen"),
        ("戊", "广州"),
    ] {
        store
            .write(|tx| {
                let card = customers::CustomerCard {
                    name: name.into(),
                    region: region.into(),
                    ..Default::default()
                };
                customers::create(tx, card)
            })
            .unwrap();
    }
    let regions: Vec<String> = page(&store, SortBy::Region, false, 0, 50)
        .into_iter()
        .map(|r| r.region)
        .collect();
    assert_eq!(regions, ["Aachen", "北京", "广州", "上海", ""]);
}

#[test]
fn pick_all_takes_every_customer_the_filters_match_and_no_other() {
    let store = book();
    for tier in [None, Some(baton::enums::Tier::A)] {
        let q = ListQuery {
            tier,
            key_only: tier.is_none(),
            limit: 500,
            as_of: Some(today()),
            ..Default::default()
        };
        let page = store.read(|c| baton::views::list::list(c, &q)).unwrap();
        let picked = store.read(|c| baton::views::list::ids(c, &q)).unwrap();
        let names: Vec<&str> = picked.iter().map(|p| p.name.as_str()).collect();
        let mut in_order = names.clone();
        in_order.sort_by_key(|n| baton::sort_key::sort_key(n));
        assert_eq!(names, in_order, "in name order");
        let mut ids: Vec<String> = picked.into_iter().map(|p| p.id).collect();
        let mut listed: Vec<String> = page.rows.into_iter().map(|r| r.id).collect();
        ids.sort();
        listed.sort();
        assert!(!ids.is_empty(), "the demo has {tier:?} customers");
        assert_eq!(ids, listed, "{tier:?}");
        assert_eq!(ids.len() as i64, page.total);
    }
}
