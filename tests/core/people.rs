use baton::customers::people::{self, KnownBy, PersonCard};
use baton::enums::{Attitude, Layer, Role};
use baton::{Error, Store, customers};

use crate::{card, person};

#[test]
fn people_round_trip_every_field_and_sort_by_pinyin() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let full = PersonCard {
        name: "张三".into(),
        title: "采购经理".into(),
        department: "采购部".into(),
        phone: "13800000000".into(),
        email: "z@example.com".into(),
        messaging_id: "wx_zhang".into(),
        birthday: Some("1980-02-29".into()),
        role: Some(Role::DecisionMaker),
        attitude: Some(Attitude::Supporter),
        personality: "果断".into(),
        interests: "高尔夫".into(),
        experience: "十年采购".into(),
        background: "父亲是老厂长".into(),
        age_band: Some(baton::enums::AgeBand::Forties),
        origin: "湖南".into(),
        education: "MBA".into(),
        preferred_channel: Some(baton::enums::Channel::Message),
        known_by: vec![KnownBy {
            name: "李娜".into(),
            layer: Layer::Senior,
        }],
        notes: "先发微信".into(),
    };
    store.write(|tx| people::create(tx, &c.id, full.clone())).unwrap();
    store
        .write(|tx| people::create(tx, &c.id, person("Anna Smith")))
        .unwrap();
    store.write(|tx| people::create(tx, &c.id, person("艾伦"))).unwrap();
    let list = store.read(|conn| people::list_for(conn, &c.id)).unwrap();
    let names: Vec<_> = list.iter().map(|p| p.card.name.as_str()).collect();
    assert_eq!(names, ["艾伦", "Anna Smith", "张三"]);
    assert_eq!(list[2].card, full);
}

#[test]
fn people_need_a_live_customer_and_valid_fields() {
    let store = Store::open_in_memory().unwrap();
    let missing = store.write(|tx| people::create(tx, "0190c0de-0000-7000-8000-000000000000", person("x")));
    assert_eq!(missing.unwrap_err().code(), "not_found");
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let bad_birthday = PersonCard {
        birthday: Some("1990-13-01".into()),
        ..person("x")
    };
    match store
        .write(|tx| people::create(tx, &c.id, bad_birthday.clone()))
        .unwrap_err()
    {
        Error::Invalid(v) => assert_eq!(v.field, "person.birthday"),
        e => panic!("{e:?}"),
    }
    let nameless_colleague = PersonCard {
        known_by: vec![KnownBy {
            name: " ".into(),
            layer: Layer::Everyday,
        }],
        ..person("x")
    };
    match store
        .write(|tx| people::create(tx, &c.id, nameless_colleague.clone()))
        .unwrap_err()
    {
        Error::Invalid(v) => assert_eq!(v.field, "person.known_by[0].name"),
        e => panic!("{e:?}"),
    }
}

#[test]
fn editing_and_deleting_a_person() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let p = store.write(|tx| people::create(tx, &c.id, person("王五"))).unwrap();
    let edited = store
        .write(|tx| {
            people::update(
                tx,
                &p.id,
                PersonCard {
                    title: "总经理".into(),
                    ..person("王五")
                },
            )
        })
        .unwrap();
    assert_eq!(edited.card.title, "总经理");
    assert_eq!(edited.created_at, p.created_at);
    store.write(|tx| people::delete(tx, &p.id)).unwrap();
    assert!(store.read(|conn| people::list_for(conn, &c.id)).unwrap().is_empty());
}
