//! Global search (Ctrl+K).

use baton::search::{self, Group, SearchQuery};
use tauri::State;

use super::input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Searches the book; hits grouped by kind, best first.
#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: serde_json::Value) -> CmdResult<Vec<Group>> {
    let query: SearchQuery = input("search", query)?;
    let today = baton::clock::local_today();
    Ok(state.store()?.read(|c| search::search(c, &query, today))?)
}
