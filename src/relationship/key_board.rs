//! The relationship card as the salesperson sees it: one customer's
//! assessments with their weights and when the next one is due, and the
//! key-customer board (关键客户看板) that ranks every key customer by weight,
//! by change since the previous assessment, and by how overdue the next
//! assessment is.

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::enums::{Dimension, Tier};
use crate::error::Result;
use crate::relationship::{self, Assessment};
use crate::settings::{self, Settings};
use crate::{customers, relationship::dependence};

/// An assessment and its weight under today's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Weighed {
    /// The assessment as recorded.
    pub assessment: Assessment,
    /// Its weight (0–100) over the dimensions in use; `None` if it scored none of them.
    pub weight: Option<i64>,
}

/// When the next assessment is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Due {
    /// The day it is due: the last assessment plus the interval, or today if never assessed.
    pub due_on: String,
    /// Days past due (negative: days left).
    pub overdue_days: i64,
    /// True if the card was never assessed.
    pub never: bool,
}

/// A contact-history entry cited as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Cited {
    /// The contact.
    pub id: String,
    /// When it happened (UTC, RFC 3339).
    pub happened_at: String,
    /// Its subject.
    pub subject: String,
}

/// One customer's relationship card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "RelationshipCard")]
pub struct Card {
    /// Whether the customer is a key customer.
    pub is_key: bool,
    /// Every assessment, oldest first (the curve's order).
    pub assessments: Vec<Weighed>,
    /// When the next assessment is due.
    pub due: Due,
    /// The dimensions in use, in canonical order.
    pub dimensions: Vec<Dimension>,
    /// How much the relationship depends on one person.
    pub dependence: dependence::Dependence,
    /// The contacts any assessment cites as evidence (live ones only).
    pub cited: Vec<Cited>,
}

fn due(last: Option<&str>, today: NaiveDate, s: &Settings) -> Due {
    match due_day(last, today, s) {
        (Some(due_on), overdue_days) => Due {
            due_on: due_on.to_string(),
            overdue_days,
            never: false,
        },
        (None, _) => Due {
            due_on: today.to_string(),
            overdue_days: 0,
            never: true,
        },
    }
}

/// The day the next assessment is due after the one on `last` (none if
/// never assessed) and how many days ago that was.
fn due_day(last: Option<&str>, today: NaiveDate, s: &Settings) -> (Option<NaiveDate>, i64) {
    match last.and_then(|d| d.parse::<NaiveDate>().ok()) {
        Some(day) => {
            let due_on = day + chrono::Duration::days(s.reassess_days);
            (Some(due_on), (today - due_on).num_days())
        }
        None => (None, 0),
    }
}

fn in_use(s: &Settings) -> Vec<Dimension> {
    Dimension::ALL
        .iter()
        .copied()
        .filter(|d| s.dimensions.contains(d))
        .collect()
}

/// The relationship card of a live customer, as of `today`.
pub fn card(conn: &Connection, customer_id: &str, today: NaiveDate) -> Result<Card> {
    let customer = customers::get(conn, customer_id)?;
    let s = settings::get(conn)?;
    let assessments: Vec<Weighed> = relationship::list_for(conn, customer_id)?
        .into_iter()
        .map(|a| Weighed {
            weight: relationship::weight(&a.draft.scores, &s),
            assessment: a,
        })
        .collect();
    let last = assessments.last().map(|w| w.assessment.draft.assessed_on.as_str());
    let ids: std::collections::BTreeSet<&str> = assessments
        .iter()
        .flat_map(|w| w.assessment.draft.scores.iter())
        .flat_map(|s| s.contact_ids.iter().map(String::as_str))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT id, happened_at, subject FROM contacts WHERE id = ?1 AND customer_id = ?2 AND deleted_at IS NULL",
    )?;
    let mut cited = Vec::new();
    for id in ids {
        let mut rows = stmt.query(params![id, customer_id])?;
        if let Some(r) = rows.next()? {
            cited.push(Cited {
                id: crate::record::cell(r, 0, "id")?,
                happened_at: crate::record::cell(r, 1, "happened_at")?,
                subject: crate::record::cell(r, 2, "subject")?,
            });
        }
    }
    Ok(Card {
        cited,
        is_key: customer.card.is_key,
        due: due(last, today, &s),
        dimensions: in_use(&s),
        dependence: dependence::score(conn, customer_id, today)?,
        assessments,
    })
}

/// How the board is ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BoardSort {
    /// Highest weight first; never-assessed last.
    #[default]
    Weight,
    /// Biggest fall first (then the smallest rises).
    Change,
    /// Most overdue first; never-assessed at the top.
    Overdue,
}

/// One key customer on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "KeyBoardRow")]
pub struct BoardRow {
    /// The customer.
    pub customer_id: String,
    /// Its name.
    pub name: String,
    /// Its tier.
    pub tier: Option<Tier>,
    /// Weight of the latest assessment.
    pub weight: Option<i64>,
    /// Weight of the one before.
    pub previous_weight: Option<i64>,
    /// `weight − previous_weight`, when both exist.
    pub change: Option<i64>,
    /// Day of the latest assessment.
    pub assessed_on: Option<String>,
    /// When the next assessment is due.
    pub due: Due,
    /// Dependence on one person (0–100), for the rows shown.
    pub dependence: i64,
    /// The same in words (red flags considered), for the rows shown.
    pub dependence_level: dependence::Level,
}

/// The key-customer board: `total` key customers, the first `limit` ranked by `sort`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "KeyBoard")]
pub struct Board {
    /// Live key customers in the book.
    pub total: i64,
    /// Of them, how many are due or overdue for reassessment (never assessed included).
    pub due_now: i64,
    /// The rows, ranked.
    pub rows: Vec<BoardRow>,
}

/// Builds the board as of `today`. Weights come from each key customer's two
/// latest assessments, whose scores the customer keeps (migration 19, kept
/// by triggers); the dependence score (several queries each) is only
/// computed for the rows returned.
pub fn board(conn: &Connection, today: NaiveDate, sort: BoardSort, limit: usize) -> Result<Board> {
    let s = settings::get(conn)?;
    // Key customers in sort-key order, so ties rank by pinyin without
    // computing it here. From the covering index alone: left to itself,
    // the planner walked every live customer's row by name (325 ms on the
    // 100k book, against 15 ms here). Every key customer is weighed and
    // ranked (24k on the 100k book), but only the rows shown are built:
    // their text read and copied, their due day written out.
    let mut customers = conn.prepare_cached(
        "SELECT c.rowid, c.assessed_on, c.latest_scores, c.previous_scores \
         FROM customers c INDEXED BY customers_key_sort \
         WHERE c.is_key = 1 AND c.deleted_at IS NULL ORDER BY c.sort_key, c.id",
    )?;
    let text = |r: &rusqlite::Row<'_>, at: usize| -> Result<Option<String>> {
        let value = r.get_ref(at)?;
        Ok(value
            .as_str_or_null()
            .map_err(|e| crate::Error::Corrupt(e.to_string()))?
            .map(str::to_owned))
    };
    let weigh =
        |scores: Option<String>| scores.and_then(|t| relationship::weight_of(relationship::scores_of_compact(&t), &s));
    let mut ranked: Vec<Ranked> = Vec::new();
    let mut q = customers.query(params![])?;
    while let Some(r) = q.next()? {
        let assessed_on = r
            .get_ref(1)?
            .as_str_or_null()
            .map_err(|e| crate::Error::Corrupt(e.to_string()))?;
        let (due_on, overdue_days) = due_day(assessed_on, today, &s);
        let weight = weigh(text(r, 2)?);
        let previous_weight = weigh(text(r, 3)?);
        ranked.push(Ranked {
            rowid: r.get(0)?,
            never: due_on.is_none(),
            overdue_days,
            weight,
            previous_weight,
        });
    }
    let total = ranked.len() as i64;
    let due_now = ranked.iter().filter(|r| r.never || r.overdue_days >= 0).count() as i64;
    // Rows arrive in name order (pinyin for Chinese names); the stable sorts
    // below keep it for ties.
    let change = |r: &Ranked| r.weight.zip(r.previous_weight).map(|(now, before)| now - before);
    match sort {
        BoardSort::Weight => ranked.sort_by_key(|r| std::cmp::Reverse(r.weight)),
        // Falls first; rows without a change (one or no assessment) last.
        BoardSort::Change => ranked.sort_by_key(|r| (change(r).is_none(), change(r))),
        BoardSort::Overdue => ranked.sort_by_key(|r| std::cmp::Reverse((r.never, r.overdue_days))),
    }
    ranked.truncate(limit);
    let mut shown =
        conn.prepare_cached("SELECT c.id, c.name, c.tier, c.assessed_on FROM customers c WHERE c.rowid = ?1")?;
    let mut rows = Vec::with_capacity(ranked.len());
    for k in &ranked {
        rows.push(shown.query_row([k.rowid], |r| {
            let assessed_on: Option<String> = crate::record::cell(r, 3, "assessed_on")?;
            Ok(BoardRow {
                due: due(assessed_on.as_deref(), today, &s),
                customer_id: crate::record::cell(r, 0, "id")?,
                name: crate::record::cell(r, 1, "name")?,
                tier: crate::record::cell(r, 2, "tier")?,
                weight: k.weight,
                previous_weight: k.previous_weight,
                change: change(k),
                assessed_on,
                dependence: 0,
                dependence_level: dependence::Level::Low,
            })
        })?);
    }
    // The rows shown, scored in a few bulk reads (the card's own number).
    let ids: Vec<String> = rows.iter().map(|r| r.customer_id.clone()).collect();
    let scored = dependence::many(conn, Some(&ids), today, &s)?;
    for row in &mut rows {
        if let Some(d) = scored.get(&row.customer_id) {
            row.dependence = d.score;
            row.dependence_level = d.level;
        }
    }
    Ok(Board { total, due_now, rows })
}

/// What the board ranks a key customer by, before its row is built.
struct Ranked {
    rowid: i64,
    never: bool,
    overdue_days: i64,
    weight: Option<i64>,
    previous_weight: Option<i64>,
}
