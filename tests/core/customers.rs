use baton::customers::changes::{self, ChangeField};
use baton::customers::{self, CustomerCard};
use baton::enums::{Status, Tier};
use baton::error::Rule;
use baton::settings::{self, Settings};
use baton::views::list::{ListQuery, SortBy};
use baton::{Error, Store, customers::people};

use crate::card;

fn field_of(err: Error) -> (String, Rule) {
    match err {
        Error::Invalid(v) => (v.field, v.rule),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn create_and_get_round_trip_every_field() {
    let store = Store::open_in_memory().unwrap();
    let full = CustomerCard {
        name: "苏州恒达精密机械有限公司".into(),
        short_name: "恒达".into(),
        industry: "精密机械".into(),
        region: "苏州".into(),
        address: "苏州市高新区科技路1号".into(),
        phone: "+86 512-12345678".into(),
        website: "https://example.com".into(),
        tags: vec!["华东".into(), "老客户".into()],
        notes: "年底预算集中释放".into(),
        staff_count: Some(850),
        revenue_band: "1–5亿".into(),
        operating_condition: "经营稳健".into(),
        founded_on: Some("1998-05-20".into()),
        organisation: "家族企业".into(),
        culture: "务实".into(),
        industry_standing: "行业前三".into(),
        prospects: "计划上市".into(),
        importance: Some(5),
        need_stated: "降本".into(),
        need_real: "稳定供货".into(),
        need_unstated: "培训".into(),
        need_delight: "巡检".into(),
        need_secret: "晋升".into(),
        competitors: vec![baton::customers::Competitor {
            name: "西门子".into(),
            notes: "一级供应商".into(),
        }],
        status: Status::Lost,
        lost_reason: "价格战".into(),
        tier: Some(Tier::A),
        is_key: true,
        owner: "李娜".into(),
        serving_staff: Some(2),
    };
    let created = store.write(|tx| customers::create(tx, full.clone())).unwrap();
    let got = store.read(|c| customers::get(c, &created.id)).unwrap();
    assert_eq!(got.card, full);
    assert_eq!(got, created);
    uuid::Uuid::parse_str(&got.id).expect("ids are UUIDs");
    chrono::DateTime::parse_from_rfc3339(&got.created_at).expect("timestamps are RFC 3339");
    assert!(got.created_at.ends_with('Z'), "timestamps are UTC");
}

#[test]
fn validation_names_the_field_and_the_rule() {
    let store = Store::open_in_memory().unwrap();
    let cases: Vec<(CustomerCard, &str)> = vec![
        (card("   "), "customer.name"),
        (
            CustomerCard {
                founded_on: Some("2026-02-30".into()),
                ..card("x")
            },
            "customer.founded_on",
        ),
        (
            CustomerCard {
                founded_on: Some("3000-01-01".into()),
                ..card("x")
            },
            "customer.founded_on",
        ),
        (
            CustomerCard {
                notes: "字".repeat(50_001),
                ..card("x")
            },
            "customer.notes",
        ),
        (
            CustomerCard {
                name: "名".repeat(201),
                ..Default::default()
            },
            "customer.name",
        ),
        (
            CustomerCard {
                importance: Some(9),
                ..card("x")
            },
            "customer.importance",
        ),
        (
            CustomerCard {
                status: Status::Lost,
                ..card("x")
            },
            "customer.lost_reason",
        ),
        (
            CustomerCard {
                tags: vec!["t".repeat(41)],
                ..card("x")
            },
            "customer.tags[0]",
        ),
    ];
    for (bad, field) in cases {
        let err = store.write(|tx| customers::create(tx, bad.clone())).unwrap_err();
        assert_eq!(err.code(), "invalid");
        assert_eq!(field_of(err).0, field, "for {bad:?}");
    }
    let (_, rule) = field_of(store.write(|tx| customers::create(tx, card(""))).unwrap_err());
    assert_eq!(rule, Rule::Required);
    let page = store
        .read(|c| baton::views::list::list(c, &ListQuery::default()))
        .unwrap();
    assert_eq!(page.total, 0, "nothing invalid was written");
}

#[test]
fn json_input_with_an_unknown_enum_value_names_the_field() {
    let value = serde_json::json!({"name": "ACME", "status": "sleeping"});
    let err = baton::validate::from_json::<CustomerCard>("customer", value).unwrap_err();
    let (field, rule) = field_of(err);
    assert_eq!(field, "customer.status");
    assert!(matches!(rule, Rule::Malformed { detail } if detail.contains("sleeping")));
    let unknown = serde_json::json!({"name": "ACME", "colour": "red"});
    let (field, _) = field_of(baton::validate::from_json::<CustomerCard>("customer", unknown).unwrap_err());
    assert_eq!(field, "customer.colour");
}

#[test]
fn new_customers_belong_to_me_and_owner_and_status_changes_are_kept() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            settings::save(
                tx,
                &Settings {
                    user_name: "王芳".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    assert_eq!(c.card.owner, "王芳");
    let mut next = c.card.clone();
    next.owner = "张伟".into();
    next.status = Status::Active;
    store.write(|tx| customers::update(tx, &c.id, next)).unwrap();
    let history = store.read(|conn| changes::list_for(conn, &c.id)).unwrap();
    let owners: Vec<(&str, &str)> = history
        .iter()
        .filter(|h| h.field == ChangeField::Owner)
        .map(|h| (h.old_value.as_str(), h.new_value.as_str()))
        .collect();
    assert_eq!(owners, vec![("王芳", "张伟"), ("", "王芳")]);
    assert!(
        history
            .iter()
            .any(|h| h.field == ChangeField::Status && h.new_value == "active")
    );
}

#[test]
fn updating_a_customer_keeps_its_people() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    store
        .write(|tx| people::create(tx, &c.id, crate::person("李四")))
        .unwrap();
    store
        .write(|tx| customers::update(tx, &c.id, card("ACME Corp")))
        .unwrap();
    assert_eq!(store.read(|conn| people::list_for(conn, &c.id)).unwrap().len(), 1);
}

#[test]
fn markup_in_names_is_stored_as_plain_text() {
    let store = Store::open_in_memory().unwrap();
    let name = "<img src=x onerror=alert(1)>";
    let c = store.write(|tx| customers::create(tx, card(name))).unwrap();
    assert_eq!(store.read(|conn| customers::get(conn, &c.id)).unwrap().card.name, name);
}

#[test]
fn the_list_filters_sorts_by_pinyin_and_pages() {
    let store = Store::open_in_memory().unwrap();
    let make = |name: &str, status: Status, tier: Option<Tier>, tags: &[&str]| CustomerCard {
        status,
        tier,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..card(name)
    };
    store
        .write(|tx| {
            customers::create(tx, make("中国石化", Status::Active, Some(Tier::S), &["华东"]))?;
            customers::create(tx, make("Bosch", Status::Prospect, Some(Tier::B), &["export"]))?;
            customers::create(tx, make("阿里巴巴", Status::Active, Some(Tier::A), &["华东", "export"]))?;
            customers::create(tx, make("长城汽车", Status::Dormant, None, &[]))?;
            Ok(())
        })
        .unwrap();
    let names = |q: ListQuery| -> Vec<String> {
        store
            .read(|c| baton::views::list::list(c, &q))
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(
        names(ListQuery {
            limit: 50,
            ..Default::default()
        }),
        ["阿里巴巴", "Bosch", "长城汽车", "中国石化"]
    );
    assert_eq!(
        names(ListQuery {
            limit: 50,
            descending: true,
            ..Default::default()
        }),
        ["中国石化", "长城汽车", "Bosch", "阿里巴巴"]
    );
    assert_eq!(
        names(ListQuery {
            limit: 50,
            status: Some(Status::Active),
            ..Default::default()
        }),
        ["阿里巴巴", "中国石化"]
    );
    assert_eq!(
        names(ListQuery {
            limit: 50,
            tier: Some(Tier::B),
            ..Default::default()
        }),
        ["Bosch"]
    );
    assert_eq!(
        names(ListQuery {
            limit: 50,
            tag: Some("export".into()),
            ..Default::default()
        }),
        ["阿里巴巴", "Bosch"]
    );
    assert_eq!(
        names(ListQuery {
            limit: 50,
            sort: SortBy::Tier,
            ..Default::default()
        }),
        ["中国石化", "阿里巴巴", "Bosch", "长城汽车"]
    );
    let page = store
        .read(|c| {
            baton::views::list::list(
                c,
                &ListQuery {
                    offset: 1,
                    limit: 2,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(
        page.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Bosch", "长城汽车"]
    );
    assert_eq!(store.read(baton::views::list::all_tags).unwrap(), ["export", "华东"]);
}

#[test]
fn tags_are_trimmed_and_deduplicated() {
    let store = Store::open_in_memory().unwrap();
    let c = store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    tags: vec![" 华东 ".into(), "华东".into(), "".into()],
                    ..card("x")
                },
            )
        })
        .unwrap();
    assert_eq!(c.card.tags, ["华东"]);
}

#[test]
fn missing_and_trashed_customers_are_not_found() {
    let store = Store::open_in_memory().unwrap();
    let err = store
        .write(|tx| customers::update(tx, "0190c0de-0000-7000-8000-000000000000", card("x")))
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    let c = store.write(|tx| customers::create(tx, card("x"))).unwrap();
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    assert_eq!(
        store.read(|conn| customers::get(conn, &c.id)).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        store.write(|tx| customers::delete(tx, &c.id)).unwrap_err().code(),
        "not_found"
    );
}
