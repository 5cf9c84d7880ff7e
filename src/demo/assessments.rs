//! Demo relationship-card assessments for key customers: series that rise,
//! fall and stay flat, some scoring only three or four dimensions.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::rng::Rng;
use crate::clock;
use crate::customers::Customer;
use crate::enums::{Dimension, Layer, RelationshipType};
use crate::error::Result;
use crate::relationship::{Assessment, AssessmentDraft, DimensionScore, PlanStep};

/// Writes the assessment series of one key customer; returns how many.
pub(super) fn generate(
    conn: &Connection,
    rng: &mut Rng,
    customer: &Customer,
    chinese: bool,
    now: DateTime<Utc>,
) -> Result<usize> {
    let (evidence, step) = if chinese {
        ("拜访记录显示对方主动提供了项目信息", "邀请对方高层参加季度技术交流会")
    } else {
        (
            "Visit notes show they volunteered project information",
            "Invite their senior people to the quarterly technical meeting",
        )
    };
    let dims: Vec<Dimension> = if rng.chance(30) {
        Dimension::ALL[..3 + rng.below(2) as usize].to_vec()
    } else {
        Dimension::ALL.to_vec()
    };
    let trend = rng.between(-1, 1); // falling, flat, rising
    let count = 2 + rng.below(5) as usize;
    let mut level: Vec<i64> = dims
        .iter()
        .map(|_| {
            if trend < 0 {
                rng.between(3, 5)
            } else {
                rng.between(0, 3)
            }
        })
        .collect();
    for k in 0..count {
        let day = (now - Duration::days(90 * (count - k) as i64 - rng.between(0, 20))).date_naive();
        let scores = dims
            .iter()
            .zip(level.iter())
            .map(|(d, s)| DimensionScore {
                dimension: *d,
                score: *s,
                evidence: evidence.into(),
                contact_ids: Vec::new(),
                target: Some((*s + 1).min(5)),
                target_on: Some((day + Duration::days(90)).to_string()),
                plan: vec![PlanStep {
                    step: step.into(),
                    due_on: None,
                    done: k + 1 < count,
                    followup_id: None,
                }],
            })
            .collect();
        let at = clock::format_ts(now - Duration::days(90 * (count - k) as i64));
        crate::record::put(
            conn,
            &Assessment {
                id: rng.uuid(),
                customer_id: customer.id.clone(),
                draft: AssessmentDraft {
                    assessed_on: day.to_string(),
                    assessor: customer.card.owner.clone(),
                    layer: Some(*rng.pick(Layer::ALL)),
                    relationship_type: Some(*rng.pick(RelationshipType::ALL)),
                    scores,
                    notes: String::new(),
                },
                created_at: at.clone(),
                updated_at: at,
                deleted_at: None,
            },
        )?;
        for s in &mut level {
            *s = (*s + trend * rng.between(0, 1)).clamp(0, 5);
        }
    }
    Ok(count)
}
