//! One definition of "dormant" (issue 13, item 5): the Rust rule and the SQL
//! rule agree customer by customer, and the count is the same in the list
//! filter, the value board, the search filter, both report forms and the CLI.

use std::collections::BTreeSet;

use baton::customers::activity::Standing;
use baton::customers::{self, CustomerCard};
use baton::enums::{DealKind, Status};
use baton::search::{self, HitKind, SearchQuery};
use baton::views::list::ListQuery;
use baton::{Store, demo, value, value::board, value::deals};
use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    baton::clock::local_today()
}

fn standing_ids(store: &Store, standing: Option<Standing>) -> Vec<(String, Standing)> {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let q = ListQuery {
            standing,
            as_of: Some(today()),
            offset,
            limit: 500,
            ..Default::default()
        };
        let page = store.read(|c| baton::views::list::list(c, &q)).unwrap();
        all.extend(page.rows.iter().map(|r| (r.id.clone(), r.standing)));
        offset += page.rows.len() as u32;
        if page.rows.is_empty() {
            return all;
        }
    }
}

/// A demo book plus the edge cases: made today with nothing yet, a prospect
/// that has ordered, an old order on a customer made today, a lost one.
fn book(dir: &std::path::Path) -> Store {
    let store = Store::open(&dir.join("book.db")).unwrap();
    demo::fill(&store, 300, 11).unwrap();
    let make = |name: &str, status: Status| {
        store
            .write(|tx| {
                customers::create(
                    tx,
                    CustomerCard {
                        name: name.into(),
                        status,
                        lost_reason: if status == Status::Lost {
                            "价格".into()
                        } else {
                            String::new()
                        },
                        ..Default::default()
                    },
                )
            })
            .unwrap()
            .id
    };
    make("刚建的客户", Status::Active);
    let ordered = make("下过单的潜在客户", Status::Prospect);
    let old = make("补录旧订单的客户", Status::Active);
    make("流失的客户", Status::Lost);
    // The cutoff day itself is still recent; the day before is not.
    let days = store.read(baton::settings::get).unwrap().dormant_days;
    let cutoff: NaiveDate = baton::customers::activity::cutoff(today(), days).parse().unwrap();
    let on_cutoff = make("门槛当天下单的客户", Status::Active);
    let before_cutoff = make("门槛前一天下单的客户", Status::Active);
    for (id, day) in [
        (&ordered, today() - chrono::Duration::days(3)),
        (&old, today() - chrono::Duration::days(900)),
        (&on_cutoff, cutoff),
        (&before_cutoff, cutoff - chrono::Duration::days(1)),
    ] {
        let draft = deals::DealDraft {
            kind: DealKind::Order,
            occurred_on: day.to_string(),
            amount_minor: 10_000,
            currency: String::new(),
            description: String::new(),
        };
        store.write(|tx| deals::create(tx, id, draft)).unwrap();
    }
    store
}

#[test]
fn the_rust_rule_and_the_sql_rule_agree_on_every_customer() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let listed = standing_ids(&store, None);
    assert!(listed.len() > 300);
    let mut seen = BTreeSet::new();
    for (id, sql) in &listed {
        let rust = store
            .read(|c| value::picture(c, id, today()))
            .unwrap()
            .activity
            .standing;
        assert_eq!(rust, *sql, "customer {id}");
        seen.insert(rust);
    }
    assert_eq!(seen.len(), 5, "the book shows every standing: {seen:?}");
    let name_of = |standing| {
        listed
            .iter()
            .filter(|(_, s)| *s == standing)
            .map(|(id, _)| store.read(|c| customers::get(c, id)).unwrap().card.name)
            .collect::<Vec<_>>()
    };
    assert!(
        name_of(Standing::New).contains(&"刚建的客户".to_string()),
        "made today: new, not dormant"
    );
    assert!(
        name_of(Standing::Active).contains(&"下过单的潜在客户".to_string()),
        "an order ends prospecting"
    );
    assert!(name_of(Standing::Dormant).contains(&"补录旧订单的客户".to_string()));
    assert!(name_of(Standing::Lost).contains(&"流失的客户".to_string()));
}

#[test]
fn each_standing_filter_keeps_exactly_the_customers_standing_so() {
    // The filter is a plain condition per standing (is_standing_sql), the
    // column the `CASE`: the two must agree on every customer.
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let listed = standing_ids(&store, None);
    for want in Standing::ALL {
        let filtered: BTreeSet<String> = standing_ids(&store, Some(want)).into_iter().map(|(id, _)| id).collect();
        let standing_so: BTreeSet<String> = listed
            .iter()
            .filter(|(_, s)| *s == want)
            .map(|(id, _)| id.clone())
            .collect();
        assert!(!standing_so.is_empty(), "{want:?}");
        assert_eq!(filtered, standing_so, "{want:?}");
    }
}

fn xlsx_dormant(path: &std::path::Path) -> usize {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let sheet = book.worksheet_range("Customers").unwrap();
    let mut rows = sheet.rows();
    let header = rows.next().unwrap();
    let col = header.iter().position(|h| *h == Data::String("Status".into())).unwrap();
    rows.filter(|r| r[col] == Data::String("Dormant".into())).count()
}

fn html_dormant(path: &std::path::Path) -> usize {
    let html = std::fs::read_to_string(path).unwrap();
    let at = html.find(" dormant customers (no purchase").unwrap();
    let start = html[..at].rfind('>').unwrap() + 1;
    html[start..at].trim().parse().unwrap()
}

#[test]
fn the_dormant_count_is_the_same_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let store = book(dir.path());
    let dormant: BTreeSet<String> = standing_ids(&store, Some(Standing::Dormant))
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(dormant.len() > 10, "the demo has dormant customers");

    let board = store.read(|c| board::dormant(c, today(), 10_000)).unwrap();
    assert_eq!(board.0 as usize, dormant.len(), "value board");
    let listed: BTreeSet<String> = board.1.into_iter().map(|r| r.customer_id).collect();
    assert_eq!(listed, dormant, "the value board lists the same customers");

    // The search filter keeps exactly the dormant ones among what the words find.
    let hits = |dormant_only: bool| -> BTreeSet<String> {
        let q = SearchQuery {
            text: "有限公司".into(),
            dormant: dormant_only,
            limit: Some(10_000),
            ..Default::default()
        };
        let groups = store.read(|c| search::search(c, &q, today())).unwrap();
        groups
            .iter()
            .filter(|g| g.kind == HitKind::Customer)
            .flat_map(|g| g.hits.iter().map(|h| h.customer_id.clone()))
            .collect()
    };
    let all = hits(false);
    assert!(all.len() > 50, "the words find many customers ({})", all.len());
    assert_eq!(
        hits(true),
        all.intersection(&dormant).cloned().collect(),
        "search filter"
    );

    drop(store);
    let db = dir.path().join("book.db");
    let baton = |args: &[&str]| crate::baton_ok(&db, args);
    let counted: usize = baton(&["customers", "--standing", "dormant", "--count"])
        .trim()
        .parse()
        .unwrap();
    assert_eq!(counted, dormant.len(), "baton customers");
    let lines = baton(&["customers", "--standing", "dormant"]);
    assert_eq!(lines.lines().count(), dormant.len());
    assert!(lines.lines().all(|l| l.starts_with("dormant\t")));

    let xlsx = dir.path().join("r.xlsx");
    let html = dir.path().join("r.html");
    for out in [&xlsx, &html] {
        baton(&["report", "--lang", "en", "--out", out.to_str().unwrap()]);
    }
    assert_eq!(xlsx_dormant(&xlsx), dormant.len(), "the workbook's Status column");
    assert_eq!(html_dormant(&html), dormant.len(), "the visual report");
}
