//! Demo transactions: orders spread over the years, sized by tier, with
//! quotes, contracts, payments and the odd return; plus the first tier decision.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::rng::Rng;
use crate::clock;
use crate::customers::Customer;
use crate::customers::tier_changes::TierChange;
use crate::enums::{DealKind, Status, Tier};
use crate::error::Result;
use crate::value::deals::{Deal, DealDraft};
use crate::value::satisfaction::{CheckDraft, SatisfactionCheck};

/// What satisfaction checks say, (Chinese, English).
const SATISFACTION: [(&str, &str); 4] = [
    ("交货及时", "Deliveries on time"),
    ("售后响应慢", "Slow after-sales service"),
    ("价格偏高", "Prices on the high side"),
    ("技术支持很专业", "Very competent technical support"),
];

/// Writes the demo deals and the initial tier decision of one customer.
pub(super) fn generate(
    conn: &Connection,
    rng: &mut Rng,
    customer: &Customer,
    chinese: bool,
    now: DateTime<Utc>,
) -> Result<usize> {
    let say = |zh: &str, en: &str| if chinese { zh } else { en }.to_string();
    let created = DateTime::parse_from_rfc3339(&customer.created_at)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or(now);
    if let Some(tier) = customer.card.tier {
        crate::record::put(
            conn,
            &TierChange {
                id: rng.uuid(),
                customer_id: customer.id.clone(),
                old_tier: None,
                new_tier: Some(tier),
                suggested_tier: None,
                reason: String::new(),
                decided_at: customer.created_at.clone(),
                decided_by: customer.card.owner.clone(),
                created_at: customer.created_at.clone(),
                updated_at: customer.created_at.clone(),
            },
        )?;
    }
    let (orders, (lo, hi)) = match customer.card.tier {
        Some(Tier::S) => (10 + rng.below(11), (500_000, 5_000_000)),
        Some(Tier::A) => (6 + rng.below(7), (100_000, 1_000_000)),
        Some(Tier::B) => (3 + rng.below(6), (20_000, 200_000)),
        _ => (1 + rng.below(4), (2_000, 50_000)),
    };
    // Prospects only have quotes; dormant and lost customers stopped buying a while ago.
    let (orders, last_day) = match customer.card.status {
        Status::Prospect => (0, now),
        Status::Active => (orders, now),
        Status::Dormant => (orders, now - Duration::days(rng.between(200, 700))),
        Status::Lost => (orders, now - Duration::days(rng.between(400, 1500))),
    };
    let span = (last_day - created).num_days().max(1);
    let mut written = 0;
    let mut write = |rng: &mut Rng, kind: DealKind, day: DateTime<Utc>, amount: i64, description: &str| -> Result<()> {
        let at = clock::format_ts(day);
        crate::record::put(
            conn,
            &Deal {
                id: rng.uuid(),
                customer_id: customer.id.clone(),
                draft: DealDraft {
                    kind,
                    occurred_on: day.date_naive().to_string(),
                    amount_minor: amount * 100,
                    currency: "CNY".into(),
                    description: description.to_string(),
                },
                created_at: at.clone(),
                updated_at: at,
                deleted_at: None,
            },
        )?;
        written += 1;
        Ok(())
    };
    if orders == 0 || rng.chance(30) {
        let day = created + Duration::days(rng.between(0, span));
        let amount = rng.between(lo, hi);
        write(
            rng,
            DealKind::Quote,
            day,
            amount,
            &say("年度采购报价", "Annual purchasing quote"),
        )?;
    }
    for i in 0..orders {
        let day = created + Duration::days(rng.between(0, span));
        let amount = rng.between(lo, hi);
        let po = 1000 + i;
        write(
            rng,
            DealKind::Order,
            day,
            amount,
            &say(&format!("订单 PO-{po}"), &format!("Order PO-{po}")),
        )?;
        if rng.chance(60) {
            let paid = day + Duration::days(rng.between(15, 90)).min(now - day);
            write(rng, DealKind::Payment, paid, amount, &say("货款", "Payment for goods"))?;
        }
        if rng.chance(4) {
            let returned = day + Duration::days(rng.between(5, 30)).min(now - day);
            write(
                rng,
                DealKind::Return,
                returned,
                amount / 10,
                &say("质量问题退货", "Returned: quality issue"),
            )?;
        }
    }
    if customer.card.status != Status::Prospect {
        // Satisfaction checks every year or so, drifting with the relationship.
        let mut rating = rng.between(2, 5);
        for _ in 0..rng.below(4) {
            let day = (created + Duration::days(rng.between(0, span))).date_naive();
            rating = (rating + rng.between(-1, 1)).clamp(1, 5);
            let at = clock::format_ts(created);
            crate::record::put(
                conn,
                &SatisfactionCheck {
                    id: rng.uuid(),
                    customer_id: customer.id.clone(),
                    draft: CheckDraft {
                        checked_on: day.to_string(),
                        rating,
                        comment: {
                            let (zh, en) = SATISFACTION[rng.below(4) as usize];
                            say(zh, en)
                        },
                    },
                    created_at: at.clone(),
                    updated_at: at,
                    deleted_at: None,
                },
            )?;
        }
    }
    if orders > 5 && rng.chance(50) {
        let day = created + Duration::days(rng.between(0, span));
        let amount = rng.between(lo, hi) * 4;
        write(
            rng,
            DealKind::Contract,
            day,
            amount,
            &say("年度框架协议", "Annual framework agreement"),
        )?;
    }
    Ok(written)
}
