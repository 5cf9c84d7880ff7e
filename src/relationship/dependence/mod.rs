//! How much a relationship depends on one person (the seeds' rotation test:
//! move the salesperson to another city — does the business suffer?).
//!
//! The score runs from 0 (the company holds the relationship) to 100 (one
//! person holds it). It starts at 100; each safeguard takes points off, up to
//! a cap, and the total is scaled so full coverage reaches 0:
//!
//! | safeguard | points off (cap) |
//! |---|---|
//! | key people we know: 1 → 0, 2 → 8, 3 → 12, 4+ → 15 | 15 |
//! | decision-chain roles covered: 4 each | 20 |
//! | layers we reach: everyday 4, senior 8, organisational 8 | 20 |
//! | share of key people contacted within the reassessment interval × 10 | 10 |
//! | colleagues on our side who know them: 1 → 0, 2 → 8, 3+ → 15 | 15 |
//! | relationship card: current 15, stale 5, none 0 | 15 |
//!
//! score = 100 − (points off × 100 / 95), rounded. One known contact, reached
//! by one salesperson, with a stale card, scores about 76: highly dependent.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::enums::{Layer, Role};
use crate::error::Result;
use crate::{customers, customers::people, history::contacts, relationship, settings};

mod kept;
pub use kept::{FACTS, Scored, many, of_kept, scored_of_row};

/// The most points the safeguards can take off.
const MAX_OFF: i64 = 95;

/// The state of the relationship card for the dependence score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    /// Assessed within the reassessment interval.
    Current,
    /// Assessed, but longer ago than the interval (days since).
    Stale { days: i64 },
    /// Never assessed.
    None,
}

/// One safeguard and the points it took off, as data the UI words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum DependenceReason {
    /// How many key people we know.
    People { count: i64, off: i64 },
    /// Which decision-chain roles are covered, and whether the decision maker is.
    Roles {
        covered: Vec<Role>,
        decision_maker: bool,
        off: i64,
    },
    /// Which layers we reach.
    Layers { layers: Vec<Layer>, off: i64 },
    /// How many key people were contacted within `days`.
    Recent {
        contacted: i64,
        of: i64,
        days: i64,
        off: i64,
    },
    /// How many colleagues on our side know them.
    Colleagues { count: i64, off: i64 },
    /// Whether the relationship card is current.
    Card { state: CardState, off: i64 },
}

/// How dependent, in words: the one definition the card, the boards and the
/// report use. Never "low" (the company holds it) while a red flag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DependenceLevel")]
pub enum Level {
    /// Under 30 and no red flag: the relationship is at company level.
    Low,
    /// 30 to 59, or lower with a red flag.
    Medium,
    /// 60 and above: it hangs on one person.
    High,
}

/// A gap no score can make up for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    /// We do not know the decision maker.
    NoDecisionMaker,
    /// We know one key person or none.
    OnePerson,
}

/// The score and its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Dependence {
    /// 0 (the company holds it) … 100 (one person holds it).
    pub score: i64,
    /// The score in words, red flags considered.
    pub level: Level,
    /// What no safeguard elsewhere makes up for.
    pub red_flags: Vec<RedFlag>,
    /// Every safeguard, with what it took off.
    pub reasons: Vec<DependenceReason>,
}

/// The dependence score of a live customer as of `today`.
pub fn score(conn: &Connection, customer_id: &str, today: NaiveDate) -> Result<Dependence> {
    customers::get(conn, customer_id)?;
    score_with(conn, customer_id, today, &settings::get(conn)?)
}

/// [`score`] for a customer known to be live, with the settings already read
/// (the key-customer board scores many customers in a row).
pub fn score_with(
    conn: &Connection,
    customer_id: &str,
    today: NaiveDate,
    s: &settings::Settings,
) -> Result<Dependence> {
    let people = people::list_for(conn, customer_id)?;
    let last = contacts::last_contact_by_person(conn, customer_id)?;
    let latest = relationship::latest(conn, customer_id)?;
    let since = recent_since(today, s);
    let someone: Vec<Someone<'_>> = people
        .iter()
        .map(|p| Someone {
            role: p.card.role,
            known_by: &p.card.known_by,
            recent: last.get(&p.id).is_some_and(|at| at.as_str() >= since.as_str()),
        })
        .collect();
    let card = latest.as_ref().map(|a| Card {
        layer: a.draft.layer,
        assessed_on: &a.draft.assessed_on,
    });
    Ok(score_of(&someone, card, today, s))
}

/// What the score needs of one live key person.
#[derive(Debug, Clone, Copy)]
pub struct Someone<'a> {
    /// Their role.
    pub role: Option<Role>,
    /// Our colleagues who know them, and how.
    pub known_by: &'a [people::KnownBy],
    /// A live contact with them on or after [`recent_since`].
    pub recent: bool,
}

/// What the score needs of the latest assessment.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    /// The layer it records.
    pub layer: Option<Layer>,
    /// Its day (`YYYY-MM-DD`).
    pub assessed_on: &'a str,
}

/// The first day that counts as "recently contacted": the re-assessment
/// period back from `today` (compared with contact timestamps as text).
pub fn recent_since(today: NaiveDate, s: &settings::Settings) -> String {
    (today - chrono::Duration::days(s.reassess_days)).to_string()
}

/// The score from what it is made of: the customer's live people and the
/// latest assessment. Pure, so the card and the list (which reads the same
/// facts kept by the book, [`many`]) get exactly one number.
pub fn score_of(
    people: &[Someone<'_>],
    latest: Option<Card<'_>>,
    today: NaiveDate,
    s: &settings::Settings,
) -> Dependence {
    let colleagues: BTreeSet<&str> = people
        .iter()
        .flat_map(|p| p.known_by.iter().map(|k| k.name.as_str()))
        .collect();
    let facts = Facts {
        people: people.len() as i64,
        roles: people
            .iter()
            .filter_map(|p| p.role)
            .fold(0, |bits, r| bits | bit(Role::ALL, r)),
        layers: people
            .iter()
            .flat_map(|p| p.known_by.iter())
            .fold(0, |bits, k| bits | bit(Layer::ALL, k.layer)),
        colleagues: colleagues.len() as i64,
        contacted: people.iter().filter(|p| p.recent).count() as i64,
    };
    score_of_facts(facts, latest, today, s)
}

/// What the score is made of, as counts and sets of the customer's live
/// key people: built from them by the card ([`score_of`]), read from the
/// columns the book keeps (migration 23) by the list ([`many`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// How many.
    pub people: i64,
    /// The roles among them, one bit each in the order of [`Role::ALL`].
    pub roles: u32,
    /// The layers our colleagues know them at, one bit each in the order
    /// of [`Layer::ALL`].
    pub layers: u32,
    /// How many different colleagues (by name) know them.
    pub colleagues: i64,
    /// How many were contacted on or after [`recent_since`].
    pub contacted: i64,
}

/// The bit of `value` in a set of `all` (its position in `all`).
fn bit<T: PartialEq>(all: &[T], value: T) -> u32 {
    all.iter().position(|v| *v == value).map_or(0, |i| 1 << i)
}

/// The members of `all` whose bit is in `bits`, in `all`'s order.
fn members<T: Copy>(all: &[T], bits: u32) -> Vec<T> {
    all.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, v)| *v)
        .collect()
}

/// [`score_of`] from the facts.
pub fn score_of_facts(facts: Facts, latest: Option<Card<'_>>, today: NaiveDate, s: &settings::Settings) -> Dependence {
    let o = Offs::of(facts, latest, today, s);
    let score = o.score();
    let mut red_flags = Vec::new();
    if !o.decision_maker {
        red_flags.push(RedFlag::NoDecisionMaker);
    }
    if facts.people <= 1 {
        red_flags.push(RedFlag::OnePerson);
    }
    Dependence {
        score,
        level: level(score, &red_flags),
        red_flags,
        reasons: vec![
            DependenceReason::People {
                count: facts.people,
                off: o.people,
            },
            DependenceReason::Roles {
                decision_maker: o.decision_maker,
                covered: members(Role::ALL, facts.roles),
                off: o.roles,
            },
            DependenceReason::Layers {
                layers: members(Layer::ALL, o.layer_bits),
                off: o.layers,
            },
            DependenceReason::Recent {
                contacted: facts.contacted,
                of: facts.people,
                days: s.reassess_days,
                off: o.recent,
            },
            DependenceReason::Colleagues {
                count: facts.colleagues,
                off: o.colleagues,
            },
            DependenceReason::Card {
                state: o.card_state,
                off: o.card,
            },
        ],
    }
}

/// The score and its words from the facts, as [`score_of_facts`] gives
/// them, without the reasons: what a list sorted by dependence needs of
/// each of a big book's customers.
pub fn score_and_level(
    facts: Facts,
    latest: Option<Card<'_>>,
    today: NaiveDate,
    s: &settings::Settings,
) -> (i64, Level) {
    let o = Offs::of(facts, latest, today, s);
    let score = o.score();
    let flagged = !o.decision_maker || facts.people <= 1;
    (score, level_flagged(score, flagged))
}

/// What each part takes off the score (of [`MAX_OFF`] in all).
struct Offs {
    people: i64,
    roles: i64,
    decision_maker: bool,
    layers: i64,
    /// The layers known, the card's own included.
    layer_bits: u32,
    recent: i64,
    colleagues: i64,
    card: i64,
    card_state: CardState,
}

impl Offs {
    fn of(facts: Facts, latest: Option<Card<'_>>, today: NaiveDate, s: &settings::Settings) -> Offs {
        let count = facts.people;
        let card_layer = latest.and_then(|a| a.layer).map_or(0, |l| bit(Layer::ALL, l));
        let layer_bits = facts.layers | card_layer;
        let (card_state, card) = match latest.and_then(|a| NaiveDate::parse_from_str(a.assessed_on, "%Y-%m-%d").ok()) {
            Some(day) if (today - day).num_days() <= s.reassess_days => (CardState::Current, 15),
            Some(day) => (
                CardState::Stale {
                    days: (today - day).num_days(),
                },
                5,
            ),
            None => (CardState::None, 0),
        };
        Offs {
            people: match count {
                0 | 1 => 0,
                2 => 8,
                3 => 12,
                _ => 15,
            },
            roles: (i64::from((facts.roles & all_bits(Role::ALL.len())).count_ones()) * 4).min(20),
            decision_maker: facts.roles & bit(Role::ALL, Role::DecisionMaker) != 0,
            layers: Layer::ALL
                .iter()
                .filter(|l| layer_bits & bit(Layer::ALL, **l) != 0)
                .map(|l| match l {
                    Layer::Everyday => 4,
                    Layer::Senior | Layer::Organisational => 8,
                })
                .sum(),
            layer_bits,
            recent: if count == 0 { 0 } else { facts.contacted * 10 / count },
            colleagues: match facts.colleagues {
                0 | 1 => 0,
                2 => 8,
                _ => 15,
            },
            card,
            card_state,
        }
    }

    fn score(&self) -> i64 {
        let off = self.people + self.roles + self.layers + self.recent + self.colleagues + self.card;
        (100 - (off * 100 + MAX_OFF / 2) / MAX_OFF).clamp(0, 100)
    }
}

/// The bits of a set of `n` members.
fn all_bits(n: usize) -> u32 {
    (1u32 << n) - 1
}

/// The score in words: 60+ high, 30+ medium, else low, but a red flag keeps
/// it from reading "low".
pub fn level(score: i64, red_flags: &[RedFlag]) -> Level {
    level_flagged(score, !red_flags.is_empty())
}

fn level_flagged(score: i64, flagged: bool) -> Level {
    match score {
        60.. => Level::High,
        30.. => Level::Medium,
        _ if flagged => Level::Medium,
        _ => Level::Low,
    }
}

impl std::fmt::Display for DependenceReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DependenceReason::People { count, off } => write!(f, "-{off}: we know {count} key people"),
            DependenceReason::Roles {
                covered,
                decision_maker,
                off,
            } => {
                let names: Vec<&str> = covered.iter().map(|r| r.as_str()).collect();
                write!(
                    f,
                    "-{off}: roles covered: {}",
                    if names.is_empty() {
                        "none".into()
                    } else {
                        names.join(", ")
                    }
                )?;
                if !decision_maker {
                    write!(f, " (no decision maker: a red flag)")?;
                }
                Ok(())
            }
            DependenceReason::Layers { layers, off } => {
                let names: Vec<&str> = layers.iter().map(|l| l.as_str()).collect();
                write!(
                    f,
                    "-{off}: layers reached: {}",
                    if names.is_empty() {
                        "none".into()
                    } else {
                        names.join(", ")
                    }
                )
            }
            DependenceReason::Recent {
                contacted,
                of,
                days,
                off,
            } => {
                write!(
                    f,
                    "-{off}: {contacted} of {of} key people contacted in the last {days} days"
                )
            }
            DependenceReason::Colleagues { count, off } => {
                write!(f, "-{off}: {count} colleague(s) on our side know them")
            }
            DependenceReason::Card {
                state: CardState::Current,
                off,
            } => write!(f, "-{off}: the relationship card is current"),
            DependenceReason::Card {
                state: CardState::Stale { days },
                off,
            } => {
                write!(f, "-{off}: the relationship card is {days} days old (stale)")
            }
            DependenceReason::Card {
                state: CardState::None,
                off,
            } => write!(f, "-{off}: no relationship card yet"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list's score-only path gives the card's score and words for
    /// every combination of facts a customer can have (up to five people),
    /// with no card, a current card and a stale one, each with or without
    /// a layer.
    #[test]
    fn the_score_alone_is_the_cards_score() {
        let s = settings::Settings::default();
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let cards = [
            None,
            Some(Card {
                layer: None,
                assessed_on: "2026-06-01",
            }),
            Some(Card {
                layer: Some(Layer::Senior),
                assessed_on: "2026-06-01",
            }),
            Some(Card {
                layer: Some(Layer::Everyday),
                assessed_on: "2024-01-05",
            }),
            Some(Card {
                layer: None,
                assessed_on: "2024-01-05",
            }),
        ];
        let mut checked = 0;
        for people in 0..=5 {
            for roles in 0..(1u32 << Role::ALL.len()) {
                for layers in 0..(1u32 << Layer::ALL.len()) {
                    for colleagues in 0..=3 {
                        for contacted in 0..=people {
                            for card in cards {
                                let facts = Facts {
                                    people,
                                    roles,
                                    layers,
                                    colleagues,
                                    contacted,
                                };
                                let full = score_of_facts(facts, card, today, &s);
                                assert_eq!(
                                    score_and_level(facts, card, today, &s),
                                    (full.score, full.level),
                                    "{facts:?} {card:?}"
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked} cases");
    }

    #[test]
    fn a_red_flag_keeps_the_words_from_saying_company_level() {
        assert_eq!(level(10, &[]), Level::Low);
        assert_eq!(level(10, &[RedFlag::NoDecisionMaker]), Level::Medium);
        assert_eq!(level(45, &[]), Level::Medium);
        assert_eq!(level(76, &[RedFlag::OnePerson]), Level::High);
        assert_eq!(level(60, &[]), Level::High);
        assert_eq!(level(29, &[]), Level::Low);
    }
}
