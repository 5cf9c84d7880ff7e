use baton::book::trash::{self, TrashKind};
use baton::{Store, customers, customers::people};

use crate::{card, person};

#[test]
fn a_deleted_customer_comes_back_with_its_people() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("华为"))).unwrap();
    store.write(|tx| people::create(tx, &c.id, person("张三"))).unwrap();
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    assert_eq!(
        store
            .read(|conn| baton::views::list::list(conn, &Default::default()))
            .unwrap()
            .total,
        0
    );
    let items = store.read(trash::list).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].kind, items[0].name.as_str()), (TrashKind::Customer, "华为"));
    store
        .write(|tx| trash::restore(tx, TrashKind::Customer, &c.id))
        .unwrap();
    assert_eq!(store.read(|conn| people::list_for(conn, &c.id)).unwrap().len(), 1);
    assert!(store.read(trash::list).unwrap().is_empty());
}

#[test]
fn restoring_a_person_restores_their_trashed_customer() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let p = store.write(|tx| people::create(tx, &c.id, person("Anna"))).unwrap();
    store.write(|tx| people::delete(tx, &p.id)).unwrap();
    store.write(|tx| customers::delete(tx, &c.id)).unwrap();
    store.write(|tx| trash::restore(tx, TrashKind::Person, &p.id)).unwrap();
    assert!(store.read(|conn| customers::get(conn, &c.id)).is_ok());
    assert_eq!(store.read(|conn| people::list_for(conn, &c.id)).unwrap().len(), 1);
}

#[test]
fn emptying_the_trash_deletes_for_good_and_keeps_live_records() {
    let store = Store::open_in_memory().unwrap();
    let gone = store.write(|tx| customers::create(tx, card("gone"))).unwrap();
    store.write(|tx| people::create(tx, &gone.id, person("a"))).unwrap();
    let kept = store.write(|tx| customers::create(tx, card("kept"))).unwrap();
    let kept_p = store.write(|tx| people::create(tx, &kept.id, person("b"))).unwrap();
    let trashed_p = store.write(|tx| people::create(tx, &kept.id, person("c"))).unwrap();
    store.write(|tx| customers::delete(tx, &gone.id)).unwrap();
    store.write(|tx| people::delete(tx, &trashed_p.id)).unwrap();
    let n = store.write(|tx| trash::empty(tx)).unwrap();
    assert_eq!(
        n, 4,
        "the customer, its person, its status record in the change log, and the trashed person"
    );
    assert!(
        store
            .read(|c| baton::record::find::<customers::Customer>(c, &gone.id))
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .read(|c| baton::record::find::<people::Person>(c, &trashed_p.id))
            .unwrap()
            .is_none()
    );
    assert!(store.read(|c| people::get(c, &kept_p.id)).is_ok());
    assert_eq!(
        store
            .write(|tx| trash::restore(tx, TrashKind::Customer, &gone.id))
            .unwrap_err()
            .code(),
        "not_found"
    );
}
