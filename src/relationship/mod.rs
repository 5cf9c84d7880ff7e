//! The six-dimension key-customer relationship card (关键客户拓展卡片).
//!
//! An assessment is dated and has an assessor; for each dimension scored it
//! keeps the score (0–5), the evidence, a target and an action plan
//! (现状评估 → 目标规划 → 行动计划). Its *weight* (称重) is the combined score
//! of the dimensions in use, normalised to 0–100 so cards with different
//! dimension sets compare.

pub mod checklist;
pub mod dependence;
pub mod dimensions;
pub mod handover_notes;
pub mod key_board;

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::enums::{Dimension, Layer, RelationshipType};
use crate::error::{Error, Result, Rule};
use crate::history::followups::{self, FollowUp};
use crate::record::{self, Record, RecordKind};
use crate::settings::Settings;
pub use crate::store::kept_scores::{COMPACT_ORDER, compact_scores};
use crate::validate::{self, NAME_MAX, TEXT_MAX};
use crate::{clock, customers};

/// One step of an action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    /// What to do.
    pub step: String,
    /// By when (`YYYY-MM-DD`), if set.
    #[serde(default)]
    pub due_on: Option<String>,
    /// Done yet.
    #[serde(default)]
    pub done: bool,
    /// The follow-up this step became, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub followup_id: Option<String>,
}

/// One dimension of one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct DimensionScore {
    /// Which of the six.
    pub dimension: Dimension,
    /// Score now, 0–5.
    pub score: i64,
    /// Why that score.
    #[serde(default)]
    pub evidence: String,
    /// Contact-history entries that back the evidence.
    #[serde(default)]
    pub contact_ids: Vec<String>,
    /// Target score, 0–5.
    #[serde(default)]
    pub target: Option<i64>,
    /// When the target should be reached.
    #[serde(default)]
    pub target_on: Option<String>,
    /// The action plan.
    #[serde(default)]
    pub plan: Vec<PlanStep>,
}

/// What the salesperson records in one assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct AssessmentDraft {
    /// The day of the assessment (not in the future).
    pub assessed_on: String,
    /// Who assessed (defaults to "me").
    #[serde(default)]
    pub assessor: String,
    /// The relationship layer reached.
    #[serde(default)]
    pub layer: Option<Layer>,
    /// Kotler's relationship type.
    #[serde(default)]
    pub relationship_type: Option<RelationshipType>,
    /// The dimension scores (each dimension at most once).
    pub scores: Vec<DimensionScore>,
    /// Notes.
    #[serde(default)]
    pub notes: String,
}

/// A stored assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Assessment {
    /// Stable UUID.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// What was recorded.
    #[serde(flatten)]
    pub draft: AssessmentDraft,
    /// Created (UTC, RFC 3339).
    pub created_at: String,
    /// Last changed (UTC, RFC 3339).
    pub updated_at: String,
    /// In the trash since (files from before the trash held assessments lack it).
    #[serde(default)]
    pub deleted_at: Option<String>,
}

impl AssessmentDraft {
    /// Checks every field; the error names the first one that is wrong.
    pub fn validate(&self) -> Result<()> {
        let min = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        validate::past_date("assessment.assessed_on", &self.assessed_on, min)?;
        validate::text("assessment.assessor", &self.assessor, NAME_MAX)?;
        validate::text("assessment.notes", &self.notes, TEXT_MAX)?;
        if self.scores.is_empty() {
            return Err(Error::invalid("assessment.scores", Rule::Required));
        }
        validate::count("assessment.scores", &self.scores, Dimension::ALL.len())?;
        for (i, s) in self.scores.iter().enumerate() {
            let field = |f: &str| format!("assessment.scores[{i}].{f}");
            if self.scores[..i].iter().any(|o| o.dimension == s.dimension) {
                return Err(Error::invalid(
                    field("dimension"),
                    Rule::Malformed {
                        detail: format!("{} is scored twice", s.dimension.as_str()),
                    },
                ));
            }
            validate::range(&field("score"), s.score, 0, 5)?;
            if let Some(t) = s.target {
                validate::range(&field("target"), t, 0, 5)?;
            }
            if let Some(d) = &s.target_on {
                validate::parse_date(&field("target_on"), d)?;
            }
            validate::text(&field("evidence"), &s.evidence, TEXT_MAX)?;
            validate::count(&field("plan"), &s.plan, 50)?;
            for (j, p) in s.plan.iter().enumerate() {
                validate::required(&format!("assessment.scores[{i}].plan[{j}].step"), &p.step, TEXT_MAX)?;
                if let Some(d) = &p.due_on {
                    validate::parse_date(&format!("assessment.scores[{i}].plan[{j}].due_on"), d)?;
                }
            }
        }
        Ok(())
    }
}

/// The card's weight (称重), 0–100: the weighted mean score of the dimensions
/// in use that this assessment scored, as a share of the maximum (5). `None`
/// when it scored none of them. Dimensions not in use are kept but not counted.
pub fn weight(scores: &[DimensionScore], settings: &Settings) -> Option<i64> {
    weight_of(scores.iter().map(|s| (s.dimension, s.score)), settings)
}

/// [`weight`] over (dimension, score) pairs, for callers that read only those.
pub fn weight_of(scores: impl Iterator<Item = (Dimension, i64)>, settings: &Settings) -> Option<i64> {
    let (mut sum, mut max) = (0, 0);
    for (dimension, score) in scores.filter(|(d, _)| settings.dimensions.contains(d)) {
        let w = settings.dimension_weights.get(&dimension).copied().unwrap_or(1);
        sum += w * score;
        max += w * 5;
    }
    (max > 0).then(|| (sum * 100 + max / 2) / max)
}

/// The scores of a [`compact_scores`] text (kept by the store, migration 19), dimension by dimension.
pub fn scores_of_compact(text: &str) -> impl Iterator<Item = (Dimension, i64)> + '_ {
    COMPACT_ORDER
        .iter()
        .zip(text.split(','))
        .filter_map(|(d, cell)| cell.parse().ok().map(|score| (*d, score)))
}

impl Record for Assessment {
    const KIND: RecordKind = RecordKind::Assessment;
    type Edited = AssessmentDraft;

    crate::record_row! {
        id, customer_id,
        draft: AssessmentDraft {
            assessed_on, assessor, layer, relationship_type, scores json, notes,
        },
        created_at, updated_at, deleted_at,
    }

    fn put(&self, conn: &Connection) -> Result<()> {
        validate::id("assessment.id", &self.id)?;
        self.draft.validate()?;
        let _scores = serde_json::to_string(&self.draft.scores).map_err(|e| Error::Corrupt(e.to_string()))?;
        record::upsert(conn, self, &[])?;
        Ok(())
    }

    fn check(&self, _conn: &Connection) -> Result<()> {
        self.draft.validate()
    }
}

/// Records an assessment of a live customer. Call inside a transaction.
pub fn create(conn: &Connection, customer_id: &str, mut draft: AssessmentDraft) -> Result<Assessment> {
    customers::get(conn, customer_id)?;
    check_contacts(conn, customer_id, &draft)?;
    draft.assessor = draft.assessor.trim().to_string();
    if draft.assessor.is_empty() {
        draft.assessor = crate::settings::get(conn)?.user_name;
    }
    let now = clock::now();
    let a = Assessment {
        id: clock::new_id(),
        customer_id: customer_id.to_string(),
        draft,
        created_at: now.clone(),
        updated_at: now,
        deleted_at: None,
    };
    record::put(conn, &a)?;
    Ok(a)
}

/// Corrects a live assessment (same rules as recording one). Evidence already
/// on it stays valid even if that contact has since been purged from the
/// trash; newly added evidence must be this customer's. The id stays, so a
/// handover of it later merges as the newer version. Call inside a transaction.
pub fn update(conn: &Connection, id: &str, mut draft: AssessmentDraft) -> Result<Assessment> {
    let old = get(conn, id)?;
    let known: std::collections::BTreeSet<&str> = old
        .draft
        .scores
        .iter()
        .flat_map(|s| s.contact_ids.iter().map(String::as_str))
        .collect();
    check_new_contacts(conn, &old.customer_id, &draft, &known)?;
    draft.assessor = draft.assessor.trim().to_string();
    if draft.assessor.is_empty() {
        draft.assessor = old.draft.assessor.clone();
    }
    let a = Assessment {
        draft,
        updated_at: clock::now(),
        ..old
    };
    record::put(conn, &a)?;
    Ok(a)
}

/// Moves an assessment to the trash. Call inside a transaction.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    record::soft_delete(conn, RecordKind::Assessment, id)
}

/// Evidence may only point at this customer's own contact-history entries.
fn check_contacts(conn: &Connection, customer_id: &str, draft: &AssessmentDraft) -> Result<()> {
    check_new_contacts(conn, customer_id, draft, &Default::default())
}

fn check_new_contacts(
    conn: &Connection,
    customer_id: &str,
    draft: &AssessmentDraft,
    known: &std::collections::BTreeSet<&str>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM contacts WHERE id = ?1 AND customer_id = ?2")?;
    for (i, s) in draft.scores.iter().enumerate() {
        for (j, id) in s.contact_ids.iter().enumerate() {
            if !known.contains(id.as_str()) && !stmt.exists(params![id, customer_id])? {
                return Err(Error::invalid(
                    format!("assessment.scores[{i}].contact_ids[{j}]"),
                    Rule::NotOfCustomer { id: id.clone() },
                ));
            }
        }
    }
    Ok(())
}

/// A customer's assessments, oldest first (the order of the curve).
pub fn list_for(conn: &Connection, customer_id: &str) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare_cached(&record::select::<Assessment>(
        "WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY assessed_on, id",
    ))?;
    let rows = stmt
        .query_map([customer_id], Assessment::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A customer's latest assessment (the last point of the curve), if any.
pub fn latest(conn: &Connection, customer_id: &str) -> Result<Option<Assessment>> {
    let mut stmt = conn.prepare_cached(&record::select::<Assessment>(
        "WHERE customer_id = ?1 AND deleted_at IS NULL \
         ORDER BY assessed_on DESC, id DESC LIMIT 1",
    ))?;
    Ok(stmt
        .query_map([customer_id], Assessment::from_row)?
        .next()
        .transpose()?)
}

/// Calls `f` with every live assessment, each customer's oldest first (as
/// [`list_for`] orders them), grouped by customer.
pub fn for_each_live(conn: &Connection, f: impl FnMut(Assessment) -> Result<()>) -> Result<()> {
    record::each(
        conn,
        &record::select::<Assessment>("WHERE deleted_at IS NULL ORDER BY customer_id, assessed_on, id"),
        f,
    )
}

/// One live assessment of a live customer, by id.
pub fn get(conn: &Connection, id: &str) -> Result<Assessment> {
    let a: Assessment = record::get(conn, id)?;
    customers::get(conn, &a.customer_id)?;
    Ok(a)
}

/// Turns step `step` of the action plan for `dimension` in assessment `id`
/// into a follow-up, so it shows on the Today screen until done. Due on the
/// step's own date, else the dimension's target date, else in two weeks.
/// A step that already became a follow-up returns that follow-up, so a
/// double click never makes two. Call inside a transaction.
pub fn plan_followup(
    conn: &Connection,
    id: &str,
    dimension: Dimension,
    step: usize,
    today: chrono::NaiveDate,
) -> Result<FollowUp> {
    let mut a = get(conn, id)?;
    let field = format!("assessment.scores.{}.plan[{step}]", dimension.as_str());
    let score = a
        .draft
        .scores
        .iter_mut()
        .find(|s| s.dimension == dimension)
        .ok_or_else(|| Error::invalid(field.clone(), Rule::Required))?;
    let target_on = score.target_on.clone();
    let plan = score
        .plan
        .get_mut(step)
        .ok_or_else(|| Error::invalid(field.clone(), Rule::Required))?;
    // A follow-up since put in the trash does not count: the step gets a new one.
    let existing = plan
        .followup_id
        .as_deref()
        .map(|f| crate::record::find::<followups::FollowUp>(conn, f))
        .transpose()?;
    if let Some(existing) = existing.flatten().filter(|f| f.deleted_at.is_none()) {
        return Ok(existing);
    }
    let due = plan
        .due_on
        .clone()
        .or(target_on)
        .unwrap_or_else(|| (today + chrono::Duration::days(14)).to_string());
    let now = clock::now();
    let f = FollowUp::new(&a.customer_id, None, &plan.step, &due, &now);
    crate::record::put(conn, &f)?;
    plan.followup_id = Some(f.id.clone());
    a.updated_at = now;
    record::put(conn, &a)?;
    Ok(f)
}

/// Marks done the action-plan step that became follow-up `followup_id`.
pub(crate) fn tick_step(conn: &Connection, customer_id: &str, followup_id: &str) -> Result<()> {
    // The id is a UUID, so a substring test finds the few candidates cheaply;
    // the JSON is then read properly.
    let pattern = format!("%{followup_id}%");
    let mut stmt = conn.prepare_cached(&record::select::<Assessment>(
        "WHERE customer_id = ?1 AND deleted_at IS NULL AND scores LIKE ?2",
    ))?;
    let found = stmt
        .query_map(params![customer_id, pattern], Assessment::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for mut a in found {
        let steps = a.draft.scores.iter_mut().flat_map(|s| s.plan.iter_mut());
        let mut changed = false;
        for step in steps.filter(|p| p.followup_id.as_deref() == Some(followup_id) && !p.done) {
            step.done = true;
            changed = true;
        }
        if changed {
            a.updated_at = clock::now();
            record::put(conn, &a)?;
        }
    }
    Ok(())
}
