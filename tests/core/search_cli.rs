//! Issue 14: `baton search QUERY [--json]` prints what the app's search
//! finds, in the same order; a person's hit says their title and phone and
//! the customer's tier.

use baton::search::{HitKind, SearchQuery};
use baton::{Store, customers, customers::people};

#[test]
fn the_cli_prints_the_app_s_hits_in_order_with_who_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let store = Store::open(&db).unwrap();
    baton::demo::fill(&store, 30, 3).unwrap();
    let huawei = store
        .write(|tx| {
            let mut card = crate::card("深圳远帆通信技术有限公司");
            card.tier = Some(baton::enums::Tier::A);
            let c = customers::create(tx, card)?;
            let mut p = crate::person("王芳");
            p.title = "采购经理".into();
            p.phone = "150 8017 9467".into();
            people::create(tx, &c.id, p)?;
            Ok(c)
        })
        .unwrap();
    let q = SearchQuery {
        text: "9467".into(),
        limit: Some(20),
        ..Default::default()
    };
    let groups = store
        .read(|c| baton::search::search(c, &q, baton::clock::local_today()))
        .unwrap();
    let person = groups
        .iter()
        .find(|g| g.kind == HitKind::Person)
        .and_then(|g| g.hits.iter().find(|h| h.customer_id == huawei.id))
        .expect("the last four digits find the person");
    assert_eq!(
        (person.person_title.as_str(), person.phone.as_str()),
        ("采购经理", "150 8017 9467")
    );
    assert_eq!(person.tier, Some(baton::enums::Tier::A));
    let app_order: Vec<String> = groups
        .iter()
        .flat_map(|g| &g.hits)
        .map(|h| h.record_id.clone())
        .collect();
    drop(store);

    let run = |args: &[&str]| crate::baton_ok(&db, args);
    let json: serde_json::Value = serde_json::from_str(&run(&["search", "9467", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    let cli_order: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(cli_order, app_order, "the same hits in the same order");
    let wang = rows.iter().find(|r| r["label"] == "王芳").unwrap();
    assert_eq!(wang["kind"], "person");
    assert_eq!(wang["customer_id"], huawei.id.as_str());
    assert_eq!(wang["title"], "采购经理");
    let text = run(&["search", "9467"]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("person\t") && l.ends_with("\t深圳远帆通信技术有限公司\t王芳")),
        "{text}"
    );
}
