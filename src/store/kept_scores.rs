//! The relationship card's scores as each customer keeps its latest two
//! (migration 19): computed here, below the domains, because the store's
//! SQL function `baton_scores` computes them inside the triggers that keep
//! them.

use crate::enums::Dimension;
use crate::error::{Error, Result};

/// The order of the six numbers of [`compact_scores`]: fixed, because
/// books keep them (a new dimension goes at the end).
pub const COMPACT_ORDER: [Dimension; 6] = [
    Dimension::Acceptance,
    Dimension::Events,
    Dimension::Information,
    Dimension::Guidance,
    Dimension::Support,
    Dimension::Competition,
];

/// An assessment's stored scores as the customer keeps its latest two
/// (migration 19, SQL `baton_scores(scores)`): the score of each dimension
/// of [`COMPACT_ORDER`], comma-separated, blank where it was not scored —
/// `4,3,,5,2,1`. Reads only the dimension and the score of each entry.
pub fn compact_scores(json: &str) -> Result<String> {
    #[derive(serde::Deserialize)]
    struct ScoreOnly {
        dimension: Dimension,
        score: i64,
    }
    let scores: Vec<ScoreOnly> = serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))?;
    let cells: Vec<String> = COMPACT_ORDER
        .iter()
        .map(|d| {
            scores
                .iter()
                .find(|s| s.dimension == *d)
                .map(|s| s.score.to_string())
                .unwrap_or_default()
        })
        .collect();
    Ok(cells.join(","))
}
