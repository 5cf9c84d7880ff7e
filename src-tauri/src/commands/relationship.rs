//! The six-dimension relationship card, the key-customer board, and the
//! dependence score.

use baton::customers::{self, Customer};
use baton::enums::Dimension;
use baton::history::followups::FollowUp;
use baton::relationship::dimensions::{self, Scale};
use baton::relationship::key_board::{self, Board, BoardSort, Card};
use baton::relationship::{self, Assessment, AssessmentDraft};
use serde::Serialize;
use tauri::State;

use super::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// A customer's relationship card, as of today (local date).
#[tauri::command(async)]
pub fn relationship_get(state: State<'_, AppState>, customer_id: String) -> CmdResult<Card> {
    let today = baton::clock::local_today();
    Ok(state.store()?.read(|c| key_board::card(c, &customer_id, today))?)
}

/// What each level of each dimension means, in both languages.
#[derive(Serialize, ts_rs::TS)]
pub struct Scales {
    zh: Vec<Scale>,
    en: Vec<Scale>,
}

/// The scoring guide shown while assessing.
#[tauri::command(async)]
pub fn relationship_scales() -> Scales {
    let all = |zh| Dimension::ALL.iter().map(|d| dimensions::scale(*d, zh)).collect();
    Scales {
        zh: all(true),
        en: all(false),
    }
}

/// Records an assessment.
#[tauri::command(async)]
pub fn assessments_create(
    state: State<'_, AppState>,
    customer_id: String,
    draft: Input<AssessmentDraft>,
) -> CmdResult<Assessment> {
    let draft = draft.take("assessment")?;
    Ok(state
        .store()?
        .write(|tx| relationship::create(tx, &customer_id, draft))?)
}

/// Corrects an assessment.
#[tauri::command(async)]
pub fn assessments_update(
    state: State<'_, AppState>,
    id: String,
    draft: Input<AssessmentDraft>,
) -> CmdResult<Assessment> {
    let draft = draft.take("assessment")?;
    Ok(state.store()?.write(|tx| relationship::update(tx, &id, draft))?)
}

/// Turns an action-plan step into a follow-up (or returns the one it became).
#[tauri::command(async)]
pub fn assessments_plan_followup(
    state: State<'_, AppState>,
    assessment_id: String,
    dimension: Input<Dimension>,
    step: usize,
) -> CmdResult<FollowUp> {
    let dimension = dimension.take("assessment.dimension")?;
    let today = baton::clock::local_today();
    Ok(state
        .store()?
        .write(|tx| relationship::plan_followup(tx, &assessment_id, dimension, step, today))?)
}

/// Marks a customer as a key customer, or not.
#[tauri::command(async)]
pub fn customers_set_key(state: State<'_, AppState>, customer_id: String, is_key: bool) -> CmdResult<Customer> {
    Ok(state
        .store()?
        .write(|tx| customers::set_key(tx, &customer_id, is_key))?)
}

/// The key-customer board, ranked by `sort`.
#[tauri::command(async)]
pub fn key_board(state: State<'_, AppState>, sort: Input<BoardSort>, limit: usize) -> CmdResult<Board> {
    let sort = sort.take("board.sort")?;
    let today = baton::clock::local_today();
    Ok(state
        .store()?
        .read(|c| key_board::board(c, today, sort, limit.clamp(1, 1000)))?)
}
