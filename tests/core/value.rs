use baton::customers::CustomerCard;
use baton::customers::activity::Standing;
use baton::customers::tier_changes;
use baton::enums::{DealKind, Status, Tier};
use baton::settings::{self, Settings};
use baton::value::deals::{self, DealDraft};
use baton::value::{self, Reason};
use baton::{Error, Store, customers, value::tiers};
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

/// Makes a customer older than it is (the tests' today is a fixed day).
pub(crate) fn backdate(store: &Store, id: &str, created_at: &str) {
    store
        .write(|tx| Ok(tx.execute("UPDATE customers SET created_at = ?2 WHERE id = ?1", [id, created_at])?))
        .unwrap();
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
    // Activity counts an order in any currency (the one rule, crate::customers::activity):
    // the USD order of 06-03 is the last purchase or contact.
    assert_eq!(v.activity.days_since, Some(27));
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
    // Never bought nor contacted: new within the threshold of its creation,
    // dormant once it has been silent that long.
    let never = store
        .write(|tx| {
            customers::create(
                tx,
                CustomerCard {
                    status: Status::Active,
                    ..card("New")
                },
            )
        })
        .unwrap();
    let v = store.read(|conn| value::picture(conn, &never.id, today())).unwrap();
    assert_eq!(v.activity.standing, Standing::New);
    assert!(!v.activity.dormant && v.activity.days_since.is_none());
    assert!(v.suggestion.reasons.contains(&Reason::NoPurchases));
    backdate(&store, &never.id, "2024-01-01T00:00:00Z");
    let v = store.read(|conn| value::picture(conn, &never.id, today())).unwrap();
    assert_eq!(v.activity.standing, Standing::Dormant);
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
    let history = store.read(|conn| tier_changes::list_for(conn, &c.id)).unwrap();
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

use baton::value::board;
use baton::value::satisfaction::{self, CheckDraft};

#[test]
fn satisfaction_checks_are_validated_and_kept_as_a_trend() {
    let store = Store::open_in_memory().unwrap();
    let c = store.write(|tx| customers::create(tx, card("ACME"))).unwrap();
    let check = |day: &str, rating: i64| CheckDraft {
        checked_on: day.into(),
        rating,
        comment: String::new(),
    };
    for (bad, field) in [
        (check("2026-01-01", 6), "satisfaction.rating"),
        (check("2026-13-01", 3), "satisfaction.checked_on"),
    ] {
        match store
            .write(|tx| satisfaction::create(tx, &c.id, bad.clone()))
            .unwrap_err()
        {
            Error::Invalid(v) => assert_eq!(v.field, field),
            e => panic!("{e:?}"),
        }
    }
    store
        .write(|tx| satisfaction::create(tx, &c.id, check("2026-05-01", 2)))
        .unwrap();
    store
        .write(|tx| satisfaction::create(tx, &c.id, check("2025-05-01", 4)))
        .unwrap();
    let trend: Vec<i64> = store
        .read(|conn| satisfaction::list_for(conn, &c.id))
        .unwrap()
        .iter()
        .map(|c| c.draft.rating)
        .collect();
    assert_eq!(trend, [4, 2], "oldest first");
}

fn customer_at(tx: &rusqlite::Connection, name: &str, created: &str) -> baton::customers::Customer {
    let c = baton::customers::Customer {
        id: uuid::Uuid::new_v4().to_string(),
        card: card(name),
        created_at: created.into(),
        updated_at: created.into(),
        deleted_at: None,
    };
    baton::record::put(tx, &c).unwrap();
    c
}

fn tier_at(tx: &rusqlite::Connection, customer: &str, old: Option<Tier>, new: Tier, at: &str) {
    baton::record::put(
        tx,
        &tier_changes::TierChange {
            id: uuid::Uuid::new_v4().to_string(),
            customer_id: customer.into(),
            old_tier: old,
            new_tier: Some(new),
            suggested_tier: None,
            reason: String::new(),
            decided_at: at.into(),
            decided_by: String::new(),
            created_at: at.into(),
            updated_at: at.into(),
        },
    )
    .unwrap();
    tx.execute(
        "UPDATE customers SET tier = ?2 WHERE id = ?1",
        rusqlite::params![customer, new],
    )
    .unwrap();
}

#[test]
fn the_pyramid_counts_customers_and_revenue_per_tier_and_how_they_moved() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let a = customer_at(tx, "a", "2025-01-01T00:00:00.000Z");
            let b = customer_at(tx, "b", "2025-01-01T00:00:00.000Z");
            customer_at(tx, "untiered", "2025-01-01T00:00:00.000Z");
            customer_at(tx, "new", "2026-06-01T00:00:00.000Z");
            tier_at(tx, &a.id, None, Tier::B, "2025-01-02T00:00:00.000Z");
            tier_at(tx, &a.id, Some(Tier::B), Tier::A, "2026-04-01T00:00:00.000Z");
            tier_at(tx, &b.id, None, Tier::C, "2025-01-02T00:00:00.000Z");
            deals::create(tx, &a.id, deal(DealKind::Order, "2026-05-01", 7_000))?;
            deals::create(tx, &b.id, deal(DealKind::Order, "2026-05-01", 1_000))?;
            Ok(())
        })
        .unwrap();
    let p = store
        .read(|conn| board::pyramid(conn, today(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()))
        .unwrap();
    let level = |t: Option<Tier>| p.levels.iter().find(|l| l.tier == t).unwrap().clone();
    assert_eq!(
        (level(Some(Tier::A)).customers, level(Some(Tier::A)).customers_before),
        (1, 0)
    );
    assert_eq!(
        (level(Some(Tier::B)).customers, level(Some(Tier::B)).customers_before),
        (0, 1)
    );
    assert_eq!(level(Some(Tier::A)).revenue, 700_000);
    assert_eq!(level(Some(Tier::C)).customers, 1);
    assert_eq!(
        (level(None).customers, level(None).customers_before),
        (2, 1),
        "'new' did not exist yet"
    );
}

#[test]
fn pareto_finds_the_few_customers_that_make_eighty_percent() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let whale = customers::create(tx, card("Whale"))?;
            deals::create(tx, &whale.id, deal(DealKind::Order, "2026-05-01", 90_000))?;
            for i in 0..10 {
                let small = customers::create(tx, card(&format!("small {i}")))?;
                deals::create(tx, &small.id, deal(DealKind::Order, "2026-05-01", 1_000))?;
            }
            Ok(())
        })
        .unwrap();
    let p = store.read(|conn| board::pareto(conn, today(), 50)).unwrap();
    assert_eq!(p.total_revenue, 10_000_000);
    assert_eq!(p.customers_with_revenue, 11);
    assert_eq!(p.customers_for_80, 1);
    assert_eq!(p.top[0].name, "Whale");
    assert_eq!(p.top[0].cumulative_permille, 900);
}

#[test]
fn dormant_lists_customers_silent_past_the_threshold() {
    let store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let old = customers::create(tx, card("silent"))?;
            deals::create(tx, &old.id, deal(DealKind::Order, "2025-01-01", 100))?;
            let fresh = customers::create(tx, card("fresh"))?;
            deals::create(tx, &fresh.id, deal(DealKind::Order, "2026-06-01", 100))?;
            let never = customers::create(
                tx,
                CustomerCard {
                    status: Status::Active,
                    ..card("never")
                },
            )?;
            tx.execute(
                "UPDATE customers SET created_at = '2024-01-01T00:00:00Z' WHERE id = ?1",
                [&never.id],
            )?;
            Ok(())
        })
        .unwrap();
    let (total, rows) = store.read(|conn| board::dormant(conn, today(), 10)).unwrap();
    assert_eq!(total, 2);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["never", "silent"], "never-active first, then longest silent");
}

#[test]
fn the_ranking_read_once_gives_every_customer_the_same_picture() {
    let dir = tempfile::tempdir().unwrap();
    let store = baton::Store::open(&dir.path().join("book.db")).unwrap();
    baton::demo::fill(&store, 60, 11).unwrap();
    let today = baton::clock::local_today();
    store
        .read(|c| {
            let s = baton::settings::get(c)?;
            let ranking = baton::value::Ranking::load(c, &s, today)?;
            let ids: Vec<String> = c
                .prepare("SELECT id FROM customers WHERE deleted_at IS NULL")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut top = 0;
            for id in ids {
                let customer = baton::customers::get(c, &id)?;
                let one = baton::value::picture(c, &id, today)?;
                assert_eq!(baton::value::picture_ranked(c, &customer, &s, &ranking, today)?, one);
                top += one
                    .suggestion
                    .reasons
                    .iter()
                    .filter(|r| matches!(r, baton::value::Reason::ScaleTop { .. }))
                    .count();
            }
            assert!(top > 0, "some customers rank at the top, so ranking is exercised");
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_big_customer_gone_quiet_is_flagged_at_risk_not_quietly_demoted() {
    let store = Store::open_in_memory().unwrap();
    let active = |name: &str| CustomerCard {
        status: Status::Active,
        ..card(name)
    };
    let (big, small) = store
        .write(|tx| {
            // ¥29M over the years, nothing in the window.
            let big = customers::create(tx, active("老大客户"))?;
            deals::create(tx, &big.id, deal(DealKind::Order, "2021-03-01", 20_000_000))?;
            deals::create(tx, &big.id, deal(DealKind::Order, "2023-09-01", 9_000_000))?;
            // A small one that never was big.
            let small = customers::create(tx, active("小客户"))?;
            deals::create(tx, &small.id, deal(DealKind::Order, "2022-01-01", 1_000))?;
            // The book's current buyers: five, ¥1M to ¥5M each in the window.
            for i in 1..=5 {
                let c = customers::create(tx, active(&format!("当前客户{i}")))?;
                deals::create(tx, &c.id, deal(DealKind::Order, "2026-03-01", i * 1_000_000))?;
            }
            Ok((big, small))
        })
        .unwrap();
    let v = store.read(|conn| value::picture(conn, &big.id, today())).unwrap();
    assert_eq!(v.suggestion.tier, Tier::C, "the window says small");
    assert!(v.suggestion.at_risk, "but it is flagged: {:?}", v.suggestion.reasons);
    assert!(v.suggestion.reasons.contains(&Reason::GoneQuiet {
        lifetime: 29_000_000 * 100
    }));
    let v = store.read(|conn| value::picture(conn, &small.id, today())).unwrap();
    assert!(!v.suggestion.at_risk, "a customer that never was big is not at risk");
    // The report's ranking gives the same answer as the single picture.
    let s = settings::get(&store.conn()).unwrap();
    let ranking = store.read(|c| value::Ranking::load(c, &s, today())).unwrap();
    let customer = store.read(|c| customers::get(c, &big.id)).unwrap();
    let ranked = store
        .read(|c| value::picture_ranked(c, &customer, &s, &ranking, today()))
        .unwrap();
    assert!(ranked.suggestion.at_risk);
}
