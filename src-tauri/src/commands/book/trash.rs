//! The trash.

use baton::book::trash::{self, TrashItem, TrashKind};
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Everything in the trash.
#[tauri::command(async)]
pub fn trash_list(state: State<'_, AppState>) -> CmdResult<Vec<TrashItem>> {
    Ok(state.store()?.read(trash::list)?)
}

/// Moves a record of the customer's history (contact, deal, follow-up,
/// satisfaction check, assessment, handover note) to the trash.
#[tauri::command(async)]
pub fn trash_move(state: State<'_, AppState>, kind: Input<TrashKind>, id: String) -> CmdResult<()> {
    let kind = kind.take("kind")?;
    Ok(state.store()?.write(|tx| baton::record::soft_delete(tx, kind, &id))?)
}

/// Brings a record back.
#[tauri::command(async)]
pub fn trash_restore(state: State<'_, AppState>, kind: Input<TrashKind>, id: String) -> CmdResult<()> {
    let kind = kind.take("kind")?;
    Ok(state.store()?.write(|tx| trash::restore(tx, kind, &id))?)
}

/// Deletes everything in the trash for good; returns how many records went.
#[tauri::command(async)]
pub fn trash_empty(state: State<'_, AppState>) -> CmdResult<usize> {
    Ok(state.store()?.write(|tx| trash::empty(tx))?)
}
