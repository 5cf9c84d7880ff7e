//! Unsaved form text, kept as the user types, and the window's knowledge of
//! it: closing the window with unsaved work asks first.

use std::sync::atomic::Ordering;

use baton::drafts::{self, Draft};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// The kept draft of a form, if any.
#[tauri::command(async)]
pub fn drafts_get(state: State<'_, AppState>, key: String) -> CmdResult<Option<Draft>> {
    Ok(state.store()?.read(|c| drafts::get(c, &key))?)
}

/// Keeps what a form holds now.
#[tauri::command(async)]
pub fn drafts_save(state: State<'_, AppState>, key: String, body: String) -> CmdResult<()> {
    Ok(state.store()?.write(|tx| drafts::save(tx, &key, &body))?)
}

/// Drops a form's draft (saved or discarded).
#[tauri::command(async)]
pub fn drafts_clear(state: State<'_, AppState>, key: String) -> CmdResult<()> {
    Ok(state.store()?.write(|tx| drafts::clear(tx, &key))?)
}

/// The UI says whether any open form holds unsaved changes; closing the
/// window then asks instead of closing (see `main.rs`).
#[tauri::command(async)]
pub fn app_set_unsaved(state: State<'_, AppState>, unsaved: bool) {
    state.unsaved.store(unsaved, Ordering::SeqCst);
}

/// Closes the window for good (after the user chose save or discard).
#[tauri::command(async)]
pub fn app_close(state: State<'_, AppState>, window: tauri::Window) {
    state.unsaved.store(false, Ordering::SeqCst);
    if let Err(e) = window.destroy() {
        eprintln!("baton: closing the window failed: {e}");
    }
}
