//! The value picture of a customer: R-F-M, active or dormant, and the
//! suggested S/A/B/C tier with its reasons.
//!
//! The suggestion scores the seeds' three value factors — longevity, scale
//! (now and expected), revenue per head of our staff — together with R-F-M,
//! comparing the customer with the rest of the book. Every point comes with
//! a [`Reason`], so the tier explains itself.

pub mod board;
pub mod deals;
mod ranking;
pub mod satisfaction;
pub mod tiers;

pub use ranking::Ranking;
pub(crate) use ranking::{kept_ranking, touched};

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::customers::{self, Customer};
use crate::enums::{Status, Tier};
use crate::error::Result;
use crate::settings;
use crate::settings::Settings;

/// R-F-M figures in the book's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Rfm {
    /// The currency of the amounts.
    pub currency: String,
    /// Days in the window.
    pub window_days: i64,
    /// First order.
    pub first_purchase: Option<String>,
    /// Last order.
    pub last_purchase: Option<String>,
    /// Orders in the window.
    pub purchases_in_window: i64,
    /// Orders minus returns, all time, minor units.
    pub total_amount: i64,
    /// Orders minus returns in the window, minor units.
    pub window_amount: i64,
    /// Deals in other currencies, left out of the amounts.
    pub other_currency_deals: i64,
}

/// Active or dormant, from the last purchase or contact (the rule is
/// [`crate::customers::activity`]'s, the same everywhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Activity {
    /// Where the customer stands: prospect, new, active, dormant or lost.
    pub standing: crate::customers::activity::Standing,
    /// True when the standing is dormant.
    pub dormant: bool,
    /// Days since the last purchase or contact; `None` when there never was one.
    pub days_since: Option<i64>,
    /// The last contact.
    pub last_contact: Option<String>,
    /// The threshold from the settings.
    pub threshold_days: i64,
}

/// Why the suggestion is what it is: one line per factor, as data the UI words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Revenue in the window puts it in the top `percent`% of the book.
    ScaleTop { percent: i64, points: i64 },
    /// Revenue in the window is below the top half of the book.
    ScaleLow,
    /// No order in the window.
    NoPurchases,
    /// The salesperson rates its importance (expected scale) this high.
    Importance { level: i64, points: i64 },
    /// It has bought from us for this many years.
    Longevity { years: i64, points: i64 },
    /// Revenue per head of our serving staff is in the top fifth of the book.
    PerHead { amount: i64, points: i64 },
    /// It ordered this often in the window.
    Frequent { purchases: i64, points: i64 },
    /// Dormant for this many days (or never active).
    Dormant { days: Option<i64>, points: i64 },
    /// The customer is lost: C at most.
    Lost,
    /// A big customer gone quiet: over its life it brought as much as the
    /// book's top fifth bring in one window, yet its window revenue is small.
    /// The suggestion falls with the window; this says why, and that the
    /// customer is at risk rather than simply smaller.
    GoneQuiet { lifetime: i64 },
}

/// The suggested tier, its score, and the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Suggestion {
    /// The tier the app suggests.
    pub tier: Tier,
    /// The score behind it (S ≥ 7, A ≥ 5, B ≥ 3).
    pub points: i64,
    /// Every factor that counted.
    pub reasons: Vec<Reason>,
    /// A big customer gone quiet ([`Reason::GoneQuiet`]): to win back, not to demote.
    pub at_risk: bool,
}

/// The whole value picture of one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ValuePicture {
    /// R-F-M.
    pub rfm: Rfm,
    /// Active or dormant.
    pub activity: Activity,
    /// The suggestion.
    pub suggestion: Suggestion,
    /// The tier accepted now.
    pub tier: Option<Tier>,
}

/// Revenue of one order-or-return row, signed.
pub(crate) const REVENUE: &str = "CASE d.kind WHEN 'order' THEN d.amount_minor ELSE -d.amount_minor END";

/// Computes the value picture of a live customer as of `today`.
pub fn picture(conn: &Connection, customer_id: &str, today: NaiveDate) -> Result<ValuePicture> {
    let customer = customers::get(conn, customer_id)?;
    let s = settings::get(conn)?;
    let ranking = kept_ranking(conn, &s, today)?;
    picture_of(conn, &customer, &s, today, |revenue, per_head, lifetime| {
        Ok(ranking.rank(revenue, per_head, lifetime))
    })
}

/// Reads the book's revenue ranking for `today` and keeps it, as the first
/// [`picture`] would: the app does it once its first screen is painted, so
/// the first card the user opens (its header's tier suggestion) does not
/// wait for a pass over every deal in the window (up to 2 s on the 100k
/// book after a cold start; issue 18).
pub fn warm_ranking(conn: &Connection, today: NaiveDate) -> Result<()> {
    kept_ranking(conn, &settings::get(conn)?, today).map(drop)
}

/// [`picture`] for many customers in a row (the manager's report): the
/// settings are read and the book's revenue ranked once, not per customer —
/// ranking one customer against the whole book aggregates every deal in the
/// window, which made a 100k-customer report take more than ten minutes.
pub fn picture_ranked(
    conn: &Connection,
    customer: &Customer,
    s: &Settings,
    ranking: &Ranking,
    today: NaiveDate,
) -> Result<ValuePicture> {
    picture_of(conn, customer, s, today, |revenue, per_head, lifetime| {
        Ok(ranking.rank(revenue, per_head, lifetime))
    })
}

pub(crate) fn window_start(s: &Settings, today: NaiveDate) -> String {
    (today - chrono::Duration::days(s.value_window_days)).to_string()
}

fn picture_of(
    conn: &Connection,
    customer: &Customer,
    s: &Settings,
    today: NaiveDate,
    rank: impl FnOnce(i64, i64, i64) -> Result<Rank>,
) -> Result<ValuePicture> {
    let customer_id = customer.id.as_str();
    let since = window_start(s, today);
    let rfm = rfm(conn, customer_id, s, &since)?;
    let seen = crate::customers::activity::Last::of(conn, customer_id)?;
    let last = seen.day();
    let days_since = last.map(|d| (today - d).num_days());
    let facts = crate::customers::activity::Facts {
        status: customer.card.status,
        created_at: &customer.created_at,
        ordered: seen.order.is_some(),
        last_activity: last,
    };
    let last_contact = seen.contact;
    let standing = crate::customers::activity::standing(facts, today, s.dormant_days);
    let activity = Activity {
        standing,
        dormant: standing == crate::customers::activity::Standing::Dormant,
        days_since,
        last_contact,
        threshold_days: s.dormant_days,
    };

    let mut reasons = Vec::new();
    let mut points = 0;
    let staff = customer.card.serving_staff.unwrap_or(1).max(1);
    let per_head = rfm.window_amount / staff;
    // One ranking for the window and the lifetime comparison; none for a
    // customer that never bought.
    let rank = if rfm.total_amount > 0 || rfm.purchases_in_window > 0 {
        Some(rank(rfm.window_amount, per_head, rfm.total_amount)?)
    } else {
        None
    };
    let mut scale_points = 0;
    if rfm.purchases_in_window == 0 {
        reasons.push(Reason::NoPurchases);
    } else if let Some(rank) = &rank {
        // The share of customers strictly above this one, so the biggest
        // customer of even a small book ranks at the top.
        let percent = if rank.n == 0 {
            100
        } else {
            rank.above * 100 / rank.n + 1
        };
        let p = match percent {
            0..=5 => 3,
            6..=20 => 2,
            21..=50 => 1,
            _ => 0,
        };
        points += p;
        scale_points = p;
        reasons.push(if p > 0 {
            Reason::ScaleTop {
                percent: [5, 20, 50][(3 - p) as usize],
                points: p,
            }
        } else {
            Reason::ScaleLow
        });
        if rank.n > 0 && rank.above_per_head * 5 < rank.n {
            points += 1;
            reasons.push(Reason::PerHead {
                amount: per_head,
                points: 1,
            });
        }
        if rfm.purchases_in_window >= 4 {
            points += 1;
            reasons.push(Reason::Frequent {
                purchases: rfm.purchases_in_window,
                points: 1,
            });
        }
    }
    if let Some(level) = customer.card.importance.filter(|l| *l >= 4) {
        let p = level - 3;
        points += p;
        reasons.push(Reason::Importance { level, points: p });
    }
    if let Some(first) = rfm
        .first_purchase
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        let years = (today - first).num_days() / 365;
        let p = match years {
            5.. => 2,
            2..=4 => 1,
            _ => 0,
        };
        if p > 0 {
            points += p;
            reasons.push(Reason::Longevity { years, points: p });
        }
    }
    if activity.dormant {
        points -= 2;
        reasons.push(Reason::Dormant {
            days: activity.days_since,
            points: -2,
        });
    }
    let mut tier = match points {
        7.. => Tier::S,
        5..=6 => Tier::A,
        3..=4 => Tier::B,
        _ => Tier::C,
    };
    // Big over its life, small in the window: flagged, not quietly demoted.
    let at_risk = customer.card.status != Status::Lost
        && scale_points == 0
        && rank
            .as_ref()
            .is_some_and(|r| r.n > 0 && rfm.total_amount > 0 && r.above_lifetime * 5 < r.n);
    if at_risk {
        reasons.push(Reason::GoneQuiet {
            lifetime: rfm.total_amount,
        });
    }
    if customer.card.status == Status::Lost {
        tier = Tier::C;
        reasons.push(Reason::Lost);
    }
    Ok(ValuePicture {
        rfm,
        activity,
        suggestion: Suggestion {
            tier,
            points,
            reasons,
            at_risk,
        },
        tier: customer.card.tier,
    })
}

fn rfm(conn: &Connection, customer_id: &str, s: &Settings, since: &str) -> Result<Rfm> {
    let row = conn
        .prepare_cached(&format!(
            "SELECT min(d.occurred_on) FILTER (WHERE d.kind = 'order'), \
                    max(d.occurred_on) FILTER (WHERE d.kind = 'order'), \
                    count(*) FILTER (WHERE d.kind = 'order' AND d.occurred_on >= ?3), \
                    coalesce(baton_sum({REVENUE}) FILTER (WHERE d.kind IN ('order', 'return')), 0), \
                    coalesce(baton_sum({REVENUE}) FILTER (WHERE d.kind IN ('order', 'return') AND d.occurred_on >= ?3), 0) \
             FROM deals d WHERE d.customer_id = ?1 AND d.deleted_at IS NULL AND d.currency = ?2"
        ))?
        .query_row(params![customer_id, s.currency, since], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
    let other: i64 = conn
        .prepare_cached("SELECT count(*) FROM deals WHERE customer_id = ?1 AND deleted_at IS NULL AND currency <> ?2")?
        .query_row(params![customer_id, s.currency], |r| r.get(0))?;
    Ok(Rfm {
        currency: s.currency.clone(),
        window_days: s.value_window_days,
        first_purchase: row.0,
        last_purchase: row.1,
        purchases_in_window: row.2,
        total_amount: row.3,
        window_amount: row.4,
        other_currency_deals: other,
    })
}

/// Where a customer stands in the book's revenue in the window.
pub(crate) struct Rank {
    /// Live customers with revenue in the window.
    pub(crate) n: i64,
    /// How many of them have more revenue.
    pub(crate) above: i64,
    /// How many of them have more revenue per head of serving staff.
    pub(crate) above_per_head: i64,
    /// How many of them brought more in the window than this customer did
    /// over its whole life.
    pub(crate) above_lifetime: i64,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::ScaleTop { percent, points } => write!(
                f,
                "+{points}: revenue in the window is in the top {percent}% of the book"
            ),
            Reason::ScaleLow => write!(f, "+0: revenue in the window is below the top half of the book"),
            Reason::NoPurchases => write!(f, "+0: no order in the window"),
            Reason::Importance { level, points } => {
                write!(f, "+{points}: rated {level}/5 for importance (expected scale)")
            }
            Reason::Longevity { years, points } => write!(f, "+{points}: buying from us for {years} years"),
            Reason::PerHead { amount, points } => {
                write!(
                    f,
                    "+{points}: revenue per head of our staff ({}) is in the top fifth",
                    amount / 100
                )
            }
            Reason::Frequent { purchases, points } => write!(f, "+{points}: {purchases} orders in the window"),
            Reason::Dormant { days: Some(d), points } => write!(f, "{points}: dormant for {d} days"),
            Reason::Dormant { days: None, points } => write!(f, "{points}: no purchase or contact ever"),
            Reason::GoneQuiet { lifetime } => write!(
                f,
                "at risk: {}.{:02} over its life, as much as the top fifth bring in a window, but little lately",
                lifetime / 100,
                lifetime % 100
            ),
            Reason::Lost => write!(f, "lost customer: C at most"),
        }
    }
}
