//! Handover notes (the export and import screens come with the handover UI).

use baton::handover_notes::{self, HandoverNote, NoteDraft};
use tauri::State;

use super::input;
use crate::error::CmdResult;
use crate::state::AppState;

/// A customer's handover note, if written.
#[tauri::command]
pub fn handover_note_get(state: State<'_, AppState>, customer_id: String) -> CmdResult<Option<HandoverNote>> {
    Ok(state.store()?.read(|c| handover_notes::get_for(c, &customer_id))?)
}

/// Writes a customer's handover note.
#[tauri::command]
pub fn handover_note_save(
    state: State<'_, AppState>,
    customer_id: String,
    draft: serde_json::Value,
) -> CmdResult<HandoverNote> {
    let draft: NoteDraft = input("handover_note", draft)?;
    Ok(state
        .store()?
        .write(|tx| handover_notes::save(tx, &customer_id, draft))?)
}
