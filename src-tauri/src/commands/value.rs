//! Transactions, the value picture, and tier decisions.

use baton::customers::tier_changes::{self, TierChange};
use baton::enums::Tier;
use baton::value::board::{self, DormantRow, Pareto, Pyramid};
use baton::value::deals::{self, Deal, DealDraft};
use baton::value::satisfaction::{self, CheckDraft, SatisfactionCheck};
use baton::value::tiers;
use baton::value::{self, ValuePicture};
use serde::Serialize;
use tauri::State;

use super::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// A customer's value section: the picture, its deals, its tier history,
/// its satisfaction trend.
#[derive(Serialize, ts_rs::TS)]
pub struct ValueDetail {
    picture: ValuePicture,
    deals: Vec<Deal>,
    tier_history: Vec<TierChange>,
    satisfaction: Vec<SatisfactionCheck>,
}

/// The value section of a customer card, as of today (local date).
#[tauri::command(async)]
pub fn value_get(state: State<'_, AppState>, customer_id: String) -> CmdResult<ValueDetail> {
    let today = baton::clock::local_today();
    Ok(state.store()?.read(|c| {
        Ok(ValueDetail {
            picture: value::picture(c, &customer_id, today)?,
            deals: deals::list_for(c, &customer_id)?,
            tier_history: tier_changes::list_for(c, &customer_id)?,
            satisfaction: satisfaction::list_for(c, &customer_id)?,
        })
    })?)
}

/// Records a transaction.
#[tauri::command(async)]
pub fn deals_create(state: State<'_, AppState>, customer_id: String, draft: Input<DealDraft>) -> CmdResult<Deal> {
    let draft = draft.take("deal")?;
    Ok(state.store()?.write(|tx| deals::create(tx, &customer_id, draft))?)
}

/// Corrects a transaction (same id, same rules).
#[tauri::command(async)]
pub fn deals_update(state: State<'_, AppState>, id: String, draft: Input<DealDraft>) -> CmdResult<Deal> {
    let draft = draft.take("deal")?;
    Ok(state.store()?.write(|tx| deals::update(tx, &id, draft))?)
}

/// Accepts the suggested tier, or overrides it with a reason.
#[tauri::command(async)]
pub fn tiers_decide(
    state: State<'_, AppState>,
    customer_id: String,
    tier: Input<Tier>,
    reason: String,
) -> CmdResult<TierChange> {
    let tier = tier.take("tier_change.new_tier")?;
    let today = baton::clock::local_today();
    Ok(state
        .store()?
        .write(|tx| tiers::decide(tx, &customer_id, tier, &reason, today))?)
}

/// Records a satisfaction check.
#[tauri::command(async)]
pub fn satisfaction_create(
    state: State<'_, AppState>,
    customer_id: String,
    draft: Input<CheckDraft>,
) -> CmdResult<SatisfactionCheck> {
    let draft = draft.take("satisfaction")?;
    Ok(state
        .store()?
        .write(|tx| satisfaction::create(tx, &customer_id, draft))?)
}

/// Corrects a satisfaction check.
#[tauri::command(async)]
pub fn satisfaction_update(
    state: State<'_, AppState>,
    id: String,
    draft: Input<CheckDraft>,
) -> CmdResult<SatisfactionCheck> {
    let draft = draft.take("satisfaction")?;
    Ok(state.store()?.write(|tx| satisfaction::update(tx, &id, draft))?)
}

/// The book's value picture: pyramid (vs `since_days` ago), Pareto, dormant.
#[derive(Serialize, ts_rs::TS)]
pub struct ValueBoard {
    pyramid: Pyramid,
    pareto: Pareto,
    dormant_total: i64,
    dormant: Vec<DormantRow>,
}

/// The Value screen.
#[tauri::command(async)]
pub fn value_board(state: State<'_, AppState>, since_days: i64) -> CmdResult<ValueBoard> {
    let today = baton::clock::local_today();
    let since = today - chrono::Duration::days(since_days.clamp(1, 3650));
    Ok(state.store()?.read(|c| {
        let (dormant_total, dormant) = board::dormant(c, today, 100)?;
        Ok(ValueBoard {
            pyramid: board::pyramid(c, today, since)?,
            pareto: board::pareto(c, today, 100)?,
            dormant_total,
            dormant,
        })
    })?)
}
