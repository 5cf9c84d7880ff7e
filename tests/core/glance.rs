//! Issue 14: the customer card's header at a glance — the weight and its
//! change, dependence, the last contact, a suggested tier that differs.

use baton::enums::{Channel, Dimension, Tier};
use baton::history::contacts::{self, ContactDraft};
use baton::{Store, customers, relationship, views::glance};

#[test]
fn the_header_says_weight_and_its_move_dependence_last_contact_and_a_differing_suggestion() {
    let store = Store::open_in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let id = store
        .write(|tx| {
            let mut card = crate::card("深圳远帆通信技术有限公司");
            card.tier = Some(Tier::S);
            Ok(customers::create(tx, card)?.id)
        })
        .unwrap();
    let fresh = store.read(|c| glance::of(c, &id, today)).unwrap();
    assert_eq!(
        (fresh.weight, fresh.weight_change, fresh.last_contact_on.clone()),
        (None, None, None)
    );
    assert!(
        fresh.suggested_tier.is_some(),
        "a customer with no orders is no S: {fresh:?}"
    );
    assert!(!fresh.red_flags.is_empty(), "nobody known: a red flag");

    let scores = |n: i64| Dimension::ALL.iter().map(|d| crate::score(*d, n)).collect::<Vec<_>>();
    store
        .write(|tx| {
            relationship::create(tx, &id, crate::assessment("2026-05-01", scores(2)))?;
            relationship::create(tx, &id, crate::assessment("2026-11-01", scores(4)))?;
            contacts::create(
                tx,
                &id,
                ContactDraft::new("2026-11-20T04:00:00.000Z", Channel::Visit, "拜访"),
            )
        })
        .unwrap();
    let g = store.read(|c| glance::of(c, &id, today)).unwrap();
    let card = store
        .read(|c| baton::relationship::key_board::card(c, &id, today))
        .unwrap();
    let weights: Vec<i64> = card.assessments.iter().filter_map(|a| a.weight).collect();
    assert_eq!(g.weight, Some(weights[1]));
    assert_eq!(g.weight_change, Some(weights[1] - weights[0]));
    assert!(g.weight_change.unwrap() > 0, "the relationship grew");
    assert_eq!(g.dependence, card.dependence.score);
    assert_eq!(g.last_contact_on.as_deref(), Some("2026-11-20"));
}
