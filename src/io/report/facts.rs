//! One pass over the chosen customers, shared by the spreadsheet and the
//! visual report: each customer's facts (value picture, activity, next
//! follow-up, relationship weight, dependence, satisfaction), and the
//! book's tallies gathered on the way (per tier and status, the 80/20 line,
//! key customers by weight, whose weight fell, the most dependent, the most
//! valuable dormant ones).
//!
//! Memory stays bounded by the number of customers, never by the history:
//! the lists the visual report shows are kept as the best N seen so far.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::ReportOptions;
use super::scope::in_scope;
use crate::customers::{self, Customer};
use crate::enums::{Status, Tier};
use crate::error::Result;
use crate::relationship::dependence::{self, Dependence, Scored};
use crate::settings::Settings;
use crate::value::{self, Ranking, ValuePicture};
use crate::{history::followups, relationship, value::satisfaction};

/// Everything the report says about one customer.
pub(super) struct Facts {
    /// The card.
    pub customer: Customer,
    /// R-F-M, activity and the suggested tier.
    pub picture: ValuePicture,
    /// The soonest open follow-up.
    pub next_followup: Option<String>,
    /// The latest relationship weight.
    pub weight: Option<i64>,
    /// The weight of the assessment before the latest.
    pub previous_weight: Option<i64>,
    /// The date of the latest assessment.
    pub assessed_on: Option<String>,
    /// How much the relationship hangs on one person.
    pub dependence: Scored,
    /// The latest satisfaction rating.
    pub satisfaction: Option<i64>,
    /// Why the tier was set as it is (the latest tier decision's reason,
    /// typically an override of the suggestion).
    pub tier_reason: String,
}

/// A customer in one of the report's short lists.
#[derive(Debug, Clone)]
pub(super) struct Named {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its tier.
    pub tier: Option<Tier>,
}

/// A key customer's relationship weight, now and before.
#[derive(Debug, Clone)]
pub(super) struct Weighed {
    /// Who.
    pub who: Named,
    /// The latest weight.
    pub weight: i64,
    /// The weight before, if assessed twice.
    pub previous: Option<i64>,
    /// When it was last assessed.
    pub assessed_on: String,
}

/// A dependent customer with its score.
#[derive(Debug, Clone)]
pub(super) struct Dependent {
    /// Who.
    pub who: Named,
    /// Its dependence.
    pub dependence: Scored,
    /// Its red flags and safeguards, read for the short list only, after
    /// the pass (see [`pass`]).
    pub detail: Option<Dependence>,
    /// Revenue in the window (the tie-break: the bigger the customer, the bigger the risk).
    pub revenue: i64,
}

/// A dormant customer with what it was worth.
#[derive(Debug, Clone)]
pub(super) struct Dormant {
    /// Who.
    pub who: Named,
    /// Orders minus returns, all time.
    pub total: i64,
    /// Days since the last purchase or contact (`None`: never).
    pub days: Option<i64>,
}

/// Count and revenue in the window of a group of customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Group {
    /// Customers.
    pub customers: i64,
    /// Revenue in the window, minor units.
    pub revenue: i64,
}

/// What the pass counted.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Customers in the report.
    pub customers: i64,
    /// Per tier, S to C then no tier.
    pub per_tier: Vec<(Option<Tier>, Group)>,
    /// Per standing (prospect, new, active, dormant, lost: the app's badge).
    pub per_status: Vec<(crate::customers::activity::Standing, Group)>,
    /// Active and dormant (by the value picture).
    pub dormant_count: i64,
    /// Key customers.
    pub key_count: i64,
    /// Key customers never assessed.
    pub key_unassessed: i64,
    /// Every assessed key customer (bounded by the book's customers).
    pub key: Vec<Weighed>,
    /// The most dependent customers, most first.
    pub dependent: Vec<Dependent>,
    /// The most valuable dormant customers, most first.
    pub dormant: Vec<Dormant>,
    revenues: Vec<i64>,
}

/// A customer's kept assessment summary (migration 19).
struct Kept {
    assessed_on: Option<String>,
    latest: Option<String>,
    previous: Option<String>,
}

/// Customers scored for dependence at once: bounded memory, few reads.
const CHUNK: usize = 512;

/// How long the report's short lists are.
pub(super) const SHORT_LIST: usize = 20;

impl Tally {
    fn new() -> Tally {
        Tally {
            per_tier: [Some(Tier::S), Some(Tier::A), Some(Tier::B), Some(Tier::C), None]
                .into_iter()
                .map(|t| (t, Group::default()))
                .collect(),
            per_status: crate::customers::activity::Standing::ALL
                .iter()
                .map(|s| (*s, Group::default()))
                .collect(),
            ..Tally::default()
        }
    }

    fn add(&mut self, f: &Facts) {
        let card = &f.customer.card;
        let revenue = f.picture.rfm.window_amount;
        self.customers += 1;
        for (_, g) in self.per_tier.iter_mut().filter(|(t, _)| *t == card.tier) {
            g.customers += 1;
            g.revenue = g.revenue.saturating_add(revenue);
        }
        let standing = f.picture.activity.standing;
        for (_, g) in self.per_status.iter_mut().filter(|(s, _)| *s == standing) {
            g.customers += 1;
            g.revenue = g.revenue.saturating_add(revenue);
        }
        if revenue > 0 {
            self.revenues.push(revenue);
        }
        let who = || Named {
            id: f.customer.id.clone(),
            name: card.name.clone(),
            tier: card.tier,
        };
        if card.is_key {
            self.key_count += 1;
            match (f.weight, &f.assessed_on) {
                (Some(weight), Some(on)) => self.key.push(Weighed {
                    who: who(),
                    weight,
                    previous: f.previous_weight,
                    assessed_on: on.clone(),
                }),
                _ => self.key_unassessed += 1,
            }
        }
        if f.picture.activity.dormant {
            self.dormant_count += 1;
            if card.status != Status::Lost && f.picture.rfm.total_amount > 0 {
                self.dormant.push(Dormant {
                    who: who(),
                    total: f.picture.rfm.total_amount,
                    days: f.picture.activity.days_since,
                });
                keep_best(&mut self.dormant, |a, b| {
                    b.total.cmp(&a.total).then(a.who.name.cmp(&b.who.name))
                });
            }
        }
        if card.status != Status::Lost {
            self.dependent.push(Dependent {
                who: who(),
                dependence: f.dependence,
                detail: None,
                revenue,
            });
            keep_best(&mut self.dependent, |a, b| {
                (b.dependence.score, b.revenue)
                    .cmp(&(a.dependence.score, a.revenue))
                    .then(a.who.name.cmp(&b.who.name))
            });
        }
    }

    fn finish(&mut self) {
        self.dormant
            .sort_by(|a, b| b.total.cmp(&a.total).then(a.who.name.cmp(&b.who.name)));
        self.dormant.truncate(SHORT_LIST);
        self.dependent.sort_by(|a, b| {
            (b.dependence.score, b.revenue)
                .cmp(&(a.dependence.score, a.revenue))
                .then(a.who.name.cmp(&b.who.name))
        });
        self.dependent.truncate(SHORT_LIST);
        self.key
            .sort_by(|a, b| b.weight.cmp(&a.weight).then(a.who.name.cmp(&b.who.name)));
        self.revenues.sort_unstable_by(|a, b| b.cmp(a));
    }

    /// Revenue in the window of the customers in the report.
    /// Saturates at i64's ends rather than overflowing.
    pub fn total_revenue(&self) -> i64 {
        let total: i128 = self.revenues.iter().map(|r| i128::from(*r)).sum();
        i64::try_from(total).unwrap_or(i64::MAX)
    }

    /// How many customers (the biggest first) bring 80% of the revenue.
    pub fn customers_for_80(&self) -> i64 {
        let goal: i128 = self.revenues.iter().map(|r| i128::from(*r)).sum::<i128>() * 8;
        let mut sum = 0i128;
        for (i, r) in self.revenues.iter().enumerate() {
            sum += *r as i128;
            if sum * 10 >= goal {
                return i as i64 + 1;
            }
        }
        0
    }

    /// Customers with revenue in the window.
    pub fn customers_with_revenue(&self) -> i64 {
        self.revenues.len() as i64
    }

    /// Key customers whose latest weight is below the one before, the
    /// biggest fall first.
    pub fn fell(&self) -> Vec<&Weighed> {
        let mut fell: Vec<&Weighed> = self
            .key
            .iter()
            .filter(|w| w.previous.is_some_and(|p| p > w.weight))
            .collect();
        fell.sort_by_key(|w| (w.weight - w.previous.unwrap_or(0), w.who.name.clone()));
        fell
    }
}

/// Keeps the best [`SHORT_LIST`] under `order` without sorting at every push.
fn keep_best<T>(list: &mut Vec<T>, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if list.len() >= SHORT_LIST * 4 {
        list.sort_by(order);
        list.truncate(SHORT_LIST);
    }
}

/// Walks the live customers in the report's scope in name order, calling
/// `each` with their facts; returns the tallies and the chosen customers'
/// names by id (the other sections follow the same choice).
pub(super) fn pass(
    conn: &Connection,
    opts: &ReportOptions,
    s: &Settings,
    today: NaiveDate,
    mut each: impl FnMut(&Facts) -> Result<()>,
) -> Result<(Tally, HashMap<String, String>)> {
    let ranking = Ranking::load(conn, s, today)?;
    let mut tally = Tally::new();
    let mut chosen = HashMap::new();
    // With each customer its kept latest and previous assessment (migration
    // 19, exact by triggers): the weights without reading the assessments.
    let mut stmt = conn.prepare(
        "SELECT id, assessed_on, latest_scores, previous_scores FROM customers \
         WHERE deleted_at IS NULL ORDER BY sort_key, id",
    )?;
    let (ids, kept): (Vec<String>, Vec<Kept>) = stmt
        .query_map([], |r| {
            let kept = Kept {
                assessed_on: crate::record::cell(r, 1, "assessed_on")?,
                latest: crate::record::cell(r, 2, "latest_scores")?,
                previous: crate::record::cell(r, 3, "previous_scores")?,
            };
            Ok((crate::record::cell(r, 0, "id")?, kept))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let job = opts.job.as_deref();
    crate::job::start(job, ids.len() as u64);
    // Dependence is scored for a chunk of customers at a time, in a few
    // bulk reads (the list's own scoring, held to the card's by tests):
    // one customer at a time it was a fifth of the report.
    let mut scored = HashMap::new();
    for (at, id) in ids.iter().enumerate() {
        if at % CHUNK == 0 {
            let chunk = &ids[at..(at + CHUNK).min(ids.len())];
            scored = dependence::many(conn, Some(chunk), today, s)?;
        }
        let id = id.clone();
        crate::job::tick(job)?;
        let customer = customers::get(conn, &id)?;
        // Out of scope by tier or tag first: no need to weigh it at all.
        if !in_scope(&customer.id, customer.card.tier, &customer.card.tags, None, opts) {
            continue;
        }
        let picture = value::picture_ranked(conn, &customer, s, &ranking, today)?;
        let (card, standing) = (&customer.card, Some(picture.activity.standing));
        if !in_scope(&customer.id, card.tier, &card.tags, standing, opts) {
            continue;
        }
        let next_followup = followups::next_due(conn, &id)?;
        let k = &kept[at];
        let w = |scores: &Option<String>| {
            scores
                .as_deref()
                .and_then(|t| relationship::weight_of(relationship::scores_of_compact(t), s))
        };
        let (weight, previous_weight) = (w(&k.latest), w(&k.previous));
        let facts = Facts {
            picture,
            next_followup,
            weight,
            previous_weight,
            assessed_on: k.assessed_on.clone(),
            dependence: scored.get(&id).copied().unwrap_or(Scored {
                score: 0,
                level: dependence::Level::Low,
            }),
            satisfaction: satisfaction::latest_rating(conn, &id)?,
            tier_reason: conn
                .prepare_cached(
                    "SELECT reason FROM tier_changes WHERE customer_id = ?1 ORDER BY decided_at DESC, id DESC LIMIT 1",
                )?
                .query_row([&id], |r| r.get(0))
                .optional()?
                .unwrap_or_default(),
            customer,
        };
        each(&facts)?;
        tally.add(&facts);
        chosen.insert(id, facts.customer.card.name);
    }
    tally.finish();
    for d in &mut tally.dependent {
        d.detail = Some(dependence::score_with(conn, &d.who.id, today, s)?);
    }
    Ok((tally, chosen))
}
