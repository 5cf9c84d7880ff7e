use baton::customers::CustomerCard;
use baton::deals::{self, DealDraft};
use baton::enums::{DealKind, Status, Tier};
use baton::settings::{self, Settings};
use baton::value::{self, Reason};
use baton::{Error, Store, customers, tiers};
use chrono::NaiveDate;

use crate::card;

fn deal(kind: DealKind, day: &str, major: i64) -> DealDraft {
    DealDraft {
        kind,
        occurred_on: day.into(),
        amount_minor: major * 100,
        currency: String::new(),
        description: String::new(),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

#[test]
fn rfm_counts_orders_net_of_returns_in_the_books_currency() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("华为"))).unwrap();
    store
        .write(|tx| {
            deals::create(tx, &c.id, deal(DealKind::Order, "2020-03-01", 1_000))?;
            deals::create(tx, &c.id, deal(DealKind::Order, "2026-01-10", 5_000))?;
            deals::create(tx, &c.id, deal(DealKind::Order, "2026-05-01", 3_000))?;
            deals::create(tx, &c.id, deal(DealKind::Return, "2026-05-10", 500))?;
            deals::create(tx, &c.id, deal(DealKind::Quote, "2026-06-01", 99_999))?;
            deals::create(tx, &c.id, deal(DealKind::Payment, "2026-06-02", 8_000))?;
            deals::create(
                tx,
                &c.id,
                DealDraft {
                    currency: "USD".into(),
                    ..deal(DealKind::Order, "2026-06-03", 7)
                },
            )?;
            Ok(())
        })
        .unwrap();
    let v = store.read(|conn| value::picture(conn, &c.id, today())).unwrap();
    assert_eq!(v.rfm.currency, "CNY");
    assert_eq!(v.rfm.first_purchase.as_deref(), Some("2020-03-01"));
    assert_eq!(v.rfm.last_purchase.as_deref(), Some("2026-05-01"));
    assert_eq!(v.rfm.purchases_in_window, 2);
    assert_eq!(v.rfm.total_amount, (1_000 + 5_000 + 3_000 - 500) * 100);
    assert_eq!(v.rfm.window_amount, (5_000 + 3_000 - 500) * 100);
    assert_eq!(v.rfm.other_currency_deals, 1);
    assert!(!v.activity.dormant);
    assert_eq!(v.activity.days_since, Some(60));
    assert!(
        v.suggestion
            .reasons
            .contains(&Reason::Longevity { years: 6, points: 2 }),
        "{:?}",
        v.suggestion.reasons
    );
}

#[test]
fn activity_follows_the_dormancy_threshold_and_contacts_count() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    store
        .write(|tx| deals::create(tx, &c.id, deal(DealKind::Order, "2025-11-01", 100)))
        .unwrap();
    let v = store.read(|conn| value::picture(conn, &c.id, today())).unwrap();
    assert!(v.activity.dormant, "241 days > 180");
    assert!(
        v.suggestion
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Dormant { days: Some(241), .. }))
    );
    store
        .write(|tx| {
            settings::save(
                tx,
                &Settings {
                    dormant_days: 365,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert!(
        !store
            .read(|conn| value::picture(conn, &c.id, today()))
            .unwrap()
            .activity
            .dormant
    );
    let never = store.write(|tx| customers::create(tx, card("New"))).unwrap();
    let v = store.read(|conn| value::picture(conn, &never.id, today())).unwrap();
    assert!(v.activity.dormant && v.activity.days_since.is_none());
    assert!(v.suggestion.reasons.contains(&Reason::NoPurchases));
}

#[test]
fn the_biggest_frequent_long_standing_customer_is_suggested_s_and_a_lost_one_c() {
    let store = Store::open_in_memory().unwrap();
    let big = store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    importance: Some(5),
                    ..card("Big")
                },
            )
        })
        .unwrap();
    store
        .write(|tx| {
            deals::create(tx, &big.id, deal(DealKind::Order, "2019-01-01", 10_000))?;
            for month in 1..=5 {
                deals::create(
                    tx,
                    &big.id,
                    deal(DealKind::Order, &format!("2026-0{month}-15"), 1_000_000),
                )?;
            }
            for i in 0..30 {
                let small = customers::create(tx, card(&format!("small {i}")))?;
                deals::create(tx, &small.id, deal(DealKind::Order, "2026-06-01", 1_000 + i))?;
            }
            Ok(())
        })
        .unwrap();
    let v = store.read(|conn| value::picture(conn, &big.id, today())).unwrap();
    assert_eq!(v.suggestion.tier, Tier::S, "{:?}", v.suggestion);
    assert!(
        v.suggestion
            .reasons
            .contains(&Reason::ScaleTop { percent: 5, points: 3 })
    );
    assert!(
        v.suggestion
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Frequent { purchases: 5, .. }))
    );

    let mut lost = customers::get(&store.conn(), &big.id).unwrap().card;
    lost.status = Status::Lost;
    lost.lost_reason = "价格战".into();
    store.write(|tx| customers::update(tx, &big.id, lost)).unwrap();
    let v = store.read(|conn| value::picture(conn, &big.id, today())).unwrap();
    assert_eq!(v.suggestion.tier, Tier::C);
    assert!(v.suggestion.reasons.contains(&Reason::Lost));
}

#[test]
fn overriding_the_suggestion_needs_a_reason_and_every_decision_is_kept() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let suggested = store
        .read(|conn| value::picture(conn, &c.id, today()))
        .unwrap()
        .suggestion
        .tier;
    assert_eq!(suggested, Tier::C);
    match store
        .write(|tx| tiers::decide(tx, &c.id, Tier::A, "  ", today()))
        .unwrap_err()
    {
        Error::Invalid(v) => assert_eq!(v.field, "tier_change.reason"),
        e => panic!("{e:?}"),
    }
    store
        .write(|tx| tiers::decide(tx, &c.id, Tier::C, "", today()))
        .unwrap();
    store
        .write(|tx| tiers::decide(tx, &c.id, Tier::A, "母公司明年集中采购，潜力大", today()))
        .unwrap();
    assert_eq!(
        store.read(|conn| customers::get(conn, &c.id)).unwrap().card.tier,
        Some(Tier::A)
    );
    let history = store.read(|conn| tiers::list_for(conn, &c.id)).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].new_tier, history[0].suggested_tier),
        (Some(Tier::A), Some(Tier::C))
    );
    assert_eq!(history[0].reason, "母公司明年集中采购，潜力大");
    assert_eq!(history[1].old_tier, None);
}

#[test]
fn bad_deals_are_refused_by_field_and_nothing_is_written() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let future = (chrono::Utc::now() + chrono::Duration::days(3))
        .date_naive()
        .to_string();
    for (bad, field) in [
        (
            DealDraft {
                amount_minor: -100,
                ..deal(DealKind::Order, "2026-01-01", 0)
            },
            "deal.amount_minor",
        ),
        (deal(DealKind::Order, &future, 1), "deal.occurred_on"),
        (deal(DealKind::Order, "2026-02-30", 1), "deal.occurred_on"),
        (
            DealDraft {
                currency: "RMB¥".into(),
                ..deal(DealKind::Order, "2026-01-01", 1)
            },
            "deal.currency",
        ),
    ] {
        match store.write(|tx| deals::create(tx, &c.id, bad.clone())).unwrap_err() {
            Error::Invalid(v) => assert_eq!(v.field, field, "{bad:?}"),
            e => panic!("{e:?}"),
        }
    }
    assert!(store.read(|conn| deals::list_for(conn, &c.id)).unwrap().is_empty());
}
