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
    let count = facts.people;
    let people_off = match count {
        0 | 1 => 0,
        2 => 8,
        3 => 12,
        _ => 15,
    };
    let roles = members(Role::ALL, facts.roles);
    let decision_maker = roles.contains(&Role::DecisionMaker);
    let roles_off = (roles.len() as i64 * 4).min(20);
    let card_layer = latest.and_then(|a| a.layer).map_or(0, |l| bit(Layer::ALL, l));
    let layers = members(Layer::ALL, facts.layers | card_layer);
    let layers_off: i64 = layers
        .iter()
        .map(|l| match l {
            Layer::Everyday => 4,
            Layer::Senior | Layer::Organisational => 8,
        })
        .sum();
    let contacted = facts.contacted;
    let recent_off = if count == 0 { 0 } else { contacted * 10 / count };
    let colleagues_off = match facts.colleagues {
        0 | 1 => 0,
        2 => 8,
        _ => 15,
    };
    let (state, card_off) = match latest.and_then(|a| NaiveDate::parse_from_str(a.assessed_on, "%Y-%m-%d").ok()) {
        Some(day) if (today - day).num_days() <= s.reassess_days => (CardState::Current, 15),
        Some(day) => (
            CardState::Stale {
                days: (today - day).num_days(),
            },
            5,
        ),
        None => (CardState::None, 0),
    };
    let off = people_off + roles_off + layers_off + recent_off + colleagues_off + card_off;
    let score = (100 - (off * 100 + MAX_OFF / 2) / MAX_OFF).clamp(0, 100);
    let mut red_flags = Vec::new();
    if !decision_maker {
        red_flags.push(RedFlag::NoDecisionMaker);
    }
    if count <= 1 {
        red_flags.push(RedFlag::OnePerson);
    }
    Dependence {
        score,
        level: level(score, &red_flags),
        red_flags,
        reasons: vec![
            DependenceReason::People { count, off: people_off },
            DependenceReason::Roles {
                decision_maker,
                covered: roles,
                off: roles_off,
            },
            DependenceReason::Layers {
                layers,
                off: layers_off,
            },
            DependenceReason::Recent {
                contacted,
                of: count,
                days: s.reassess_days,
                off: recent_off,
            },
            DependenceReason::Colleagues {
                count: facts.colleagues,
                off: colleagues_off,
            },
            DependenceReason::Card { state, off: card_off },
        ],
    }
}

/// The score in words: 60+ high, 30+ medium, else low, but a red flag keeps
/// it from reading "low".
pub fn level(score: i64, red_flags: &[RedFlag]) -> Level {
    match score {
        60.. => Level::High,
        30.. => Level::Medium,
        _ if !red_flags.is_empty() => Level::Medium,
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
