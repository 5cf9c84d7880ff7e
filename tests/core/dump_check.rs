use baton::book::kinds::RecordKind;
use baton::{Store, book::check, book::dump, customers, demo};

fn dump_of(store: &Store) -> String {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_same_demo_gives_byte_identical_dumps_and_another_seed_does_not() {
    let (a, b, c) = (
        Store::open_in_memory().unwrap(),
        Store::open_in_memory().unwrap(),
        Store::open_in_memory().unwrap(),
    );
    demo::fill(&a, 60, 42).unwrap();
    demo::fill(&b, 60, 42).unwrap();
    demo::fill(&c, 60, 43).unwrap();
    assert_eq!(dump_of(&a), dump_of(&b));
    assert_ne!(dump_of(&a), dump_of(&c));
}

#[test]
fn the_dump_holds_every_kind_sorted_by_id_with_sorted_keys() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 60, 1).unwrap();
    let text = dump_of(&store);
    let value: serde_json::Value = serde_json::from_str(&text).expect("the dump is valid JSON");
    let obj = value.as_object().unwrap();
    let keys: Vec<&String> = obj.keys().collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for kind in RecordKind::ALL {
        let records = obj[kind.table()]
            .as_array()
            .unwrap_or_else(|| panic!("{} missing", kind.table()));
        assert!(!records.is_empty(), "{} is empty in the demo", kind.table());
        let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let mut sorted_ids = ids.clone();
        sorted_ids.sort();
        assert_eq!(ids, sorted_ids, "{} not sorted by id", kind.table());
    }
    // Each record line has its keys in sorted order (canonical form).
    let line = text
        .lines()
        .find(|l| l.starts_with("{\"address\""))
        .expect("a customer line");
    assert!(line.find("\"address\"").unwrap() < line.find("\"website\"").unwrap());
}

#[test]
fn the_demo_uses_every_profile_card_and_key_person_field_and_mixes_languages() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 200, 3).unwrap();
    let dump: serde_json::Value = serde_json::from_str(&dump_of(&store)).unwrap();
    for table in ["customers", "people"] {
        let records = dump[table].as_array().unwrap();
        let fields: Vec<&String> = records[0].as_object().unwrap().keys().collect();
        for field in fields {
            let used = records.iter().any(|r| match &r[field] {
                serde_json::Value::Null => false,
                serde_json::Value::String(s) => !s.is_empty(),
                serde_json::Value::Array(a) => !a.is_empty(),
                serde_json::Value::Bool(b) => *b,
                _ => true,
            });
            assert!(
                used || field == "deleted_at",
                "{table}.{field} is never used by the demo"
            );
        }
    }
    let names: Vec<&str> = dump["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
        "no Chinese company"
    );
    assert!(names.iter().any(|n| n.is_ascii()), "no English company");
    for status in ["prospect", "active", "dormant", "lost"] {
        assert!(
            dump["customers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["status"] == status),
            "no {status} customer"
        );
    }
    for tier in ["S", "A", "B", "C"] {
        assert!(
            dump["customers"].as_array().unwrap().iter().any(|c| c["tier"] == tier),
            "no tier {tier}"
        );
    }
}

#[test]
fn the_demo_only_fills_an_empty_book() {
    let store = Store::open_in_memory().unwrap();
    store.write(|tx| customers::create(tx, crate::card("mine"))).unwrap();
    let err = demo::fill(&store, 5, 1).unwrap_err();
    assert_eq!(err.code(), "not_empty");
    assert_eq!(
        store
            .read(|c| baton::views::list::list(c, &Default::default()))
            .unwrap()
            .total,
        1
    );
}

#[test]
fn check_counts_each_kind_and_passes_a_sound_book() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 20, 9).unwrap();
    let report = store.read(check::run).unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    let customers = report.counts.iter().find(|c| c.kind == RecordKind::Customer).unwrap();
    assert_eq!((customers.live, customers.trashed), (20, 0));
    assert_eq!(report.counts.len(), RecordKind::ALL.len());
}

#[test]
fn check_reports_damaged_records_and_broken_references() {
    let store = Store::open_in_memory().unwrap();
    demo::fill(&store, 5, 9).unwrap();
    store
        .read(|c| {
            c.execute_batch(
                "UPDATE customers SET name = '' WHERE rowid = 1;
                 PRAGMA foreign_keys = OFF;
                 INSERT INTO people (id, customer_id, name, sort_key, created_at, updated_at)
                   VALUES ('0190c0de-0000-7000-8000-000000000001', 'nobody', 'ghost', 'ghost', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');",
            )?;
            Ok(())
        })
        .unwrap();
    let report = store.read(check::run).unwrap();
    assert!(!report.ok());
    assert!(
        report.problems.iter().any(|p| p.contains("customer.name")),
        "{:?}",
        report.problems
    );
    assert!(
        report.problems.iter().any(|p| p.starts_with("foreign key")),
        "{:?}",
        report.problems
    );
}
