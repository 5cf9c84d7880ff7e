//! Global search (Ctrl+K).

use baton::search::{self, Group, SearchQuery};
use tauri::State;

use super::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Searches the book; hits grouped by kind, best first.
#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: Input<SearchQuery>) -> CmdResult<Vec<Group>> {
    let query = query.take("search")?;
    let today = baton::clock::local_today();
    Ok(state.store()?.read(|c| search::search(c, &query, today))?)
}
